"""The commune's administrative unit code (mã đơn vị hành chính): ``commune_profile.commune_code``.

Optional digits the clerk types on the profile page; the package's data file carries it so the province's
receiver recognises the commune by its code rather than by its name. Existing profiles have none ("").

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN with a constant default: SQLite needs no table copy for it.
    op.add_column("commune_profile", sa.Column("commune_code", sa.String(length=20), nullable=False,
                                               server_default=""))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+), as 0012: a batch copy would recreate a table others reference.
    op.execute("ALTER TABLE commune_profile DROP COLUMN commune_code")
