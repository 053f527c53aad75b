"""The parts of an imported plan as read (number, date, title, bases, sections by heading,
recipients, signer), kept with the plan so nothing of the document is lost on import.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch: SQLite's ALTER TABLE is limited; a nullable column needs no default for old rows.
    with op.batch_alter_table("plan") as batch:
        batch.add_column(sa.Column("parts_json", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.drop_column("parts_json")
