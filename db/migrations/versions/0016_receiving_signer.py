"""Who signs the receiving office's summary paper: ``receiving_office.signer`` (the director's full name).

Decree 30 prints the signer's full name under the signature; the office asked only its name before. Existing
rows have none (""): the paper then leaves the line for the name to be written in.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN with a constant default, as 0015: SQLite needs no table copy for it.
    op.add_column("receiving_office", sa.Column("signer", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.execute("ALTER TABLE receiving_office DROP COLUMN signer")
