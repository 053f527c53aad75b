"""Task occurrences with status, task history, evidence files and links.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("stored_as", sa.String(length=200), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_file")),
        sa.UniqueConstraint("sha256", name=op.f("uq_evidence_file_sha256")),
    )
    op.create_table(
        "task_occurrence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"], ["plan_task.id"], name=op.f("fk_task_occurrence_task_id_plan_task"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_occurrence")),
    )
    with op.batch_alter_table("task_occurrence") as batch_op:
        batch_op.create_index(batch_op.f("ix_task_occurrence_due"), ["due"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_occurrence_task_id"), ["task_id"], unique=False)
    op.create_table(
        "evidence_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("occurrence_id", sa.Integer(), nullable=True),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("attached_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["file_id"], ["evidence_file.id"], name=op.f("fk_evidence_link_file_id_evidence_file"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["occurrence_id"], ["task_occurrence.id"],
            name=op.f("fk_evidence_link_occurrence_id_task_occurrence"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["plan_task.id"], name=op.f("fk_evidence_link_task_id_plan_task"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_link")),
    )
    with op.batch_alter_table("evidence_link") as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_link_file_id"), ["file_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_link_occurrence_id"), ["occurrence_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_link_task_id"), ["task_id"], unique=False)
    op.create_table(
        "task_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("occurrence_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["occurrence_id"], ["task_occurrence.id"],
            name=op.f("fk_task_history_occurrence_id_task_occurrence"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["plan_task.id"], name=op.f("fk_task_history_task_id_plan_task"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_history")),
    )
    with op.batch_alter_table("task_history") as batch_op:
        batch_op.create_index(batch_op.f("ix_task_history_task_id"), ["task_id"], unique=False)


def downgrade() -> None:
    op.drop_table("task_history")
    op.drop_table("evidence_link")
    op.drop_table("task_occurrence")
    op.drop_table("evidence_file")
