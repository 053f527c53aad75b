"""Foundation: commune profile and officials.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "commune_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commune_name", sa.String(length=200), nullable=False),
        sa.Column("province", sa.String(length=200), nullable=False),
        sa.Column("superior_authority", sa.String(length=300), nullable=False),
        sa.Column("receiving_office", sa.String(length=300), nullable=False),
        sa.Column("place_name", sa.String(length=200), nullable=False),
        sa.Column("chairman_name", sa.String(length=200), nullable=False),
        sa.Column("chairman_title", sa.String(length=200), nullable=False),
        sa.Column("clerk_name", sa.String(length=200), nullable=False),
        sa.Column("doc_suffix", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commune_profile")),
    )
    op.create_table(
        "official",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("gender", sa.String(length=10), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_official")),
    )


def downgrade() -> None:
    op.drop_table("official")
    op.drop_table("commune_profile")
