"""Each paper's date is its own: the date the clerk set for a paper of a past period (paper_date),
and the former district's names in the profile (papers dated before 01/07/2025 address it).

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "paper_date",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_paper_date")),
        sa.UniqueConstraint("kind", "year", "period", name=op.f("uq_paper_date_kind")),
    )
    op.create_index(op.f("ix_paper_date_year"), "paper_date", ["year"], unique=False)
    # batch: SQLite's ALTER TABLE is limited; old rows get "" (no district named yet).
    with op.batch_alter_table("commune_profile") as batch:
        batch.add_column(sa.Column("district_authority", sa.String(length=300), nullable=False, server_default=""))
        batch.add_column(sa.Column("district_office", sa.String(length=300), nullable=False, server_default=""))
    # A name the clerk typed when there was one superior and it was the district ("… huyện …") is the
    # district's: papers dated before 01/07/2025 keep addressing it (the province's names stay for the clerk
    # to correct on the profile page).
    for district, field in (("district_authority", "superior_authority"), ("district_office", "receiving_office")):
        op.execute(f"UPDATE commune_profile SET {district} = {field} "
                   f"WHERE {field} LIKE '%huyện%' OR {field} LIKE '%Huyện%'")


def downgrade() -> None:
    with op.batch_alter_table("commune_profile") as batch:
        batch.drop_column("district_office")
        batch.drop_column("district_authority")
    op.drop_index(op.f("ix_paper_date_year"), table_name="paper_date")
    op.drop_table("paper_date")
