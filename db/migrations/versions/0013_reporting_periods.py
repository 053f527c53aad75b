"""The commune's reporting periods: each progress report's cut-off window and deadline (reporting_period).

Empty at first: a period without a row follows the shipped default of its version
(``resources/defaults/reporting-periods.json``), so nothing is copied here.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reporting_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("key", sa.String(length=10), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("start_month", sa.Integer(), nullable=False),
        sa.Column("start_day", sa.Integer(), nullable=False),
        sa.Column("start_previous_year", sa.Boolean(), nullable=False),
        sa.Column("end_month", sa.Integer(), nullable=False),
        sa.Column("end_day", sa.Integer(), nullable=False),
        sa.Column("deadline_month", sa.Integer(), nullable=False),
        sa.Column("deadline_day", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reporting_period")),
        sa.UniqueConstraint("valid_from", "key", name=op.f("uq_reporting_period_valid_from")),
    )


def downgrade() -> None:
    op.drop_table("reporting_period")
