"""Plans, their sections, reform areas and tasks.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("intro", sa.Text(), nullable=False),
        sa.Column("legal_bases", sa.Text(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("signer_authority", sa.String(length=100), nullable=False),
        sa.Column("signer_title", sa.String(length=100), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("copied_from_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["copied_from_id"], ["plan.id"], name=op.f("fk_plan_copied_from_id_plan"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
    )
    with op.batch_alter_table("plan") as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_year"), ["year"], unique=False)

    op.create_table(
        "plan_area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_plan_area_plan_id_plan"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_area")),
    )
    with op.batch_alter_table("plan_area") as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_area_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_section",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_plan_section_plan_id_plan"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_section")),
    )
    with op.batch_alter_table("plan_section") as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_section_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("lead_official_id", sa.Integer(), nullable=True),
        sa.Column("lead_text", sa.Text(), nullable=False),
        sa.Column("coordinators", sa.Text(), nullable=False),
        sa.Column("product", sa.Text(), nullable=False),
        sa.Column("timeframe", sa.Text(), nullable=False),
        sa.Column("target_value", sa.Float(), nullable=True),
        sa.Column("target_unit", sa.String(length=40), nullable=False),
        sa.Column("due_override", sa.Date(), nullable=True),
        sa.Column("first_due", sa.Date(), nullable=True),
        sa.Column("last_due", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["area_id"], ["plan_area.id"], name=op.f("fk_plan_task_area_id_plan_area"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["lead_official_id"], ["official.id"], name=op.f("fk_plan_task_lead_official_id_official"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_task")),
    )
    with op.batch_alter_table("plan_task") as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_task_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_task_first_due"), ["first_due"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_task_lead_official_id"), ["lead_official_id"], unique=False)


def downgrade() -> None:
    op.drop_table("plan_task")
    op.drop_table("plan_section")
    op.drop_table("plan_area")
    op.drop_table("plan")
