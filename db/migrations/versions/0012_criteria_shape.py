"""Criteria sets of today's shape: bonus and penalty nodes, "Không áp dụng", declared figures and the appraised
score beside the self-score.

- ``criteria_set.na_rule``: how the total reads when criteria are "Không áp dụng" ("scale": their maximum
  leaves the applicable maximum and the total is brought back to the set's scale);
- ``criterion.node_kind`` ("" ordinary, "bonus", "penalty") and ``criterion.na_allowed``;
- ``score_entry.not_applicable``, ``declared`` (số liệu kê khai), ``appraised_points`` and ``appraisal_note``.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch: SQLite's ALTER TABLE is limited; existing sets are ordinary nodes that allow "Không áp dụng",
    # existing scores are applicable, not declared and not appraised.
    with op.batch_alter_table("criteria_set") as batch:
        batch.add_column(sa.Column("na_rule", sa.String(length=20), nullable=False, server_default="scale"))
    with op.batch_alter_table("criterion") as batch:
        batch.add_column(sa.Column("node_kind", sa.String(length=20), nullable=False, server_default=""))
        batch.add_column(sa.Column("na_allowed", sa.Boolean(), nullable=False, server_default="1"))
    with op.batch_alter_table("score_entry") as batch:
        batch.add_column(sa.Column("not_applicable", sa.Boolean(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("declared", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("appraised_points", sa.String(length=30), nullable=True))
        batch.add_column(sa.Column("appraisal_note", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): a batch copy would drop and recreate criteria_set, which the
    # criteria and assessments referencing it refuse while foreign keys are on.
    for table, columns in (("score_entry", ("appraisal_note", "appraised_points", "declared", "not_applicable")),
                           ("criterion", ("na_allowed", "node_kind")), ("criteria_set", ("na_rule",))):
        for column in columns:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
