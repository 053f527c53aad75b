"""The progress report's narrative parts as the clerk edited them (report_text).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("section", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_text")),
        sa.UniqueConstraint("year", "period", "section", name=op.f("uq_report_text_year")),
    )
    op.create_index(op.f("ix_report_text_year"), "report_text", ["year"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_report_text_year"), table_name="report_text")
    op.drop_table("report_text")
