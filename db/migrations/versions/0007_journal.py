"""The undo journal (journal_action, journal_row): undo and redo kept by the data, across restarts.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("made_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_action")),
    )
    op.create_table(
        "journal_row",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("op", sa.String(length=1), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["action_id"], ["journal_action.id"], name=op.f("fk_journal_row_action_id_journal_action"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_row")),
    )
    op.create_index(op.f("ix_journal_row_action_id"), "journal_row", ["action_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_journal_row_action_id"), table_name="journal_row")
    op.drop_table("journal_row")
    op.drop_table("journal_action")
