"""The receiving side (Tổng hợp): packages seen, the province's appraisal, the receiving office.

A receiving data folder is an ordinary data folder (same file, same chain, backups, lock); a commune's
folder simply leaves these tables empty. See ``db/models/receiving.py``.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "received_package",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("mtime_ns", sa.Integer(), nullable=False),
        sa.Column("package_name", sa.Text(), nullable=False),
        sa.Column("commune_key", sa.Text(), nullable=False),
        sa.Column("commune_name", sa.Text(), nullable=False),
        sa.Column("province", sa.Text(), nullable=False),
        sa.Column("unit_kind", sa.String(length=10), nullable=False),
        sa.Column("commune_code", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("exported_at", sa.String(length=40), nullable=False),
        sa.Column("app_version", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("data_json", sa.Text(), nullable=True),
        sa.Column("self_total", sa.String(length=30), nullable=True),
        sa.Column("rating", sa.Text(), nullable=False),
        sa.Column("set_name", sa.Text(), nullable=False),
        sa.Column("set_version", sa.String(length=40), nullable=False),
        sa.Column("tasks_total", sa.Integer(), nullable=False),
        sa.Column("tasks_done", sa.Integer(), nullable=False),
        sa.Column("tasks_overdue", sa.Integer(), nullable=False),
        sa.Column("proposals_count", sa.Integer(), nullable=False),
        sa.Column("decisions_count", sa.Integer(), nullable=False),
        sa.Column("seen_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_package")),
        sa.UniqueConstraint("path", name=op.f("uq_received_package_path")),
    )
    op.create_index("ix_received_package_year", "received_package", ["year", "commune_key"])
    op.create_table(
        "province_appraisal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commune_key", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("points", sa.String(length=30), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_province_appraisal")),
        sa.UniqueConstraint("commune_key", "year", "code", name=op.f("uq_province_appraisal_commune_key")),
    )
    op.create_table(
        "receiving_office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("province", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receiving_office")),
    )


def downgrade() -> None:
    op.drop_table("receiving_office")
    op.drop_table("province_appraisal")
    op.drop_index("ix_received_package_year", table_name="received_package")
    op.drop_table("received_package")
