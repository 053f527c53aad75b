"""The council's own rules per year (quorum, the thresholds the law leaves to it) and the written
votes of absent members per nominee (NĐ 98/2023 Điều 30 khoản 7: recorded in the minutes).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "council_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quorum_numerator", sa.Integer(), nullable=False),
        sa.Column("quorum_denominator", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_rule")),
        sa.UniqueConstraint("year", name=op.f("uq_council_rule_year")),
    )
    op.create_table(
        "council_threshold",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("award_key", sa.String(length=60), nullable=False),
        sa.Column("percent", sa.String(length=10), nullable=False),
        sa.Column("base", sa.String(length=10), nullable=False),
        sa.Column("strictly_more", sa.Boolean(), nullable=False),
        sa.Column("secret_ballot", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_threshold")),
        sa.UniqueConstraint("year", "award_key", name=op.f("uq_council_threshold_year")),
    )
    op.create_index(op.f("ix_council_threshold_year"), "council_threshold", ["year"], unique=False)
    op.create_table(
        "written_vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nomination_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("agrees", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["nomination_id"], ["nomination.id"],
                                name=op.f("fk_written_vote_nomination_id_nomination"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["council_member.id"],
                                name=op.f("fk_written_vote_member_id_council_member"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_written_vote")),
        sa.UniqueConstraint("nomination_id", "member_id", name=op.f("uq_written_vote_nomination_id")),
    )
    op.create_index(op.f("ix_written_vote_nomination_id"), "written_vote", ["nomination_id"], unique=False)
    op.create_index(op.f("ix_written_vote_member_id"), "written_vote", ["member_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_written_vote_member_id"), table_name="written_vote")
    op.drop_index(op.f("ix_written_vote_nomination_id"), table_name="written_vote")
    op.drop_table("written_vote")
    op.drop_index(op.f("ix_council_threshold_year"), table_name="council_threshold")
    op.drop_table("council_threshold")
    op.drop_table("council_rule")
