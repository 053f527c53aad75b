"""Criteria sets, assessments (self-scoring, emulation evaluation), scores, marks and their registers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "collective",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collective")),
    )
    op.create_table(
        "criteria_set",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("issuer", sa.String(length=300), nullable=False),
        sa.Column("decision", sa.String(length=300), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criteria_set")),
    )
    op.create_table(
        "initiative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("recognised_by", sa.String(length=300), nullable=False),
        sa.Column("decision_number", sa.String(length=100), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative")),
    )
    op.create_index(op.f("ix_initiative_year"), "initiative", ["year"], unique=False)
    op.create_table(
        "procedure_stat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("on_time", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_stat")),
        sa.UniqueConstraint("year", "quarter", name=op.f("uq_procedure_stat_year")),
    )
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["set_id"], ["criteria_set.id"], name=op.f("fk_assessment_set_id_criteria_set"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
        sa.UniqueConstraint("year", "kind", name=op.f("uq_assessment_year")),
    )
    op.create_index(op.f("ix_assessment_set_id"), "assessment", ["set_id"], unique=False)
    op.create_table(
        "criterion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("parent_code", sa.String(length=40), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("max_points", sa.String(length=30), nullable=True),
        sa.Column("rule_kind", sa.String(length=20), nullable=False),
        sa.Column("rule_levels", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.Column("subject", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["set_id"], ["criteria_set.id"], name=op.f("fk_criterion_set_id_criteria_set"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criterion")),
        sa.UniqueConstraint("set_id", "code", name=op.f("uq_criterion_set_id")),
    )
    op.create_index(op.f("ix_criterion_set_id"), "criterion", ["set_id"], unique=False)
    op.create_table(
        "discipline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("official_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=100), nullable=False),
        sa.Column("decision_number", sa.String(length=100), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["official_id"], ["official.id"], name=op.f("fk_discipline_official_id_official"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discipline")),
    )
    op.create_index(op.f("ix_discipline_official_id"), "discipline", ["official_id"], unique=False)
    op.create_index(op.f("ix_discipline_year"), "discipline", ["year"], unique=False)
    op.create_table(
        "initiative_author",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("official_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_author_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["official_id"],
            ["official.id"],
            name=op.f("fk_initiative_author_official_id_official"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative_author")),
        sa.UniqueConstraint("initiative_id", "official_id", name=op.f("uq_initiative_author_initiative_id")),
    )
    op.create_index(op.f("ix_initiative_author_initiative_id"), "initiative_author", ["initiative_id"], unique=False)
    op.create_index(op.f("ix_initiative_author_official_id"), "initiative_author", ["official_id"], unique=False)
    op.create_table(
        "rating_band",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("min_points", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(
            ["set_id"], ["criteria_set.id"], name=op.f("fk_rating_band_set_id_criteria_set"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_band")),
    )
    op.create_index(op.f("ix_rating_band_set_id"), "rating_band", ["set_id"], unique=False)
    op.create_table(
        "emulation_mark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("subject_kind", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_emulation_mark_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["criterion.id"],
            name=op.f("fk_emulation_mark_criterion_id_criterion"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_emulation_mark")),
        sa.UniqueConstraint(
            "assessment_id", "criterion_id", "subject_kind", "subject_id", name=op.f("uq_emulation_mark_assessment_id")
        ),
    )
    op.create_index(op.f("ix_emulation_mark_assessment_id"), "emulation_mark", ["assessment_id"], unique=False)
    op.create_index(op.f("ix_emulation_mark_criterion_id"), "emulation_mark", ["criterion_id"], unique=False)
    op.create_table(
        "score_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.String(length=30), nullable=True),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_score_entry_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["criterion_id"], ["criterion.id"], name=op.f("fk_score_entry_criterion_id_criterion"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_entry")),
        sa.UniqueConstraint("assessment_id", "criterion_id", name=op.f("uq_score_entry_assessment_id")),
    )
    op.create_index(op.f("ix_score_entry_assessment_id"), "score_entry", ["assessment_id"], unique=False)
    op.create_index(op.f("ix_score_entry_criterion_id"), "score_entry", ["criterion_id"], unique=False)
    op.create_table(
        "score_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("attached_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["score_entry.id"], name=op.f("fk_score_evidence_entry_id_score_entry"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["file_id"], ["evidence_file.id"], name=op.f("fk_score_evidence_file_id_evidence_file"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_evidence")),
    )
    op.create_index(op.f("ix_score_evidence_entry_id"), "score_evidence", ["entry_id"], unique=False)
    op.create_index(op.f("ix_score_evidence_file_id"), "score_evidence", ["file_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_score_evidence_file_id"), table_name="score_evidence")
    op.drop_index(op.f("ix_score_evidence_entry_id"), table_name="score_evidence")
    op.drop_table("score_evidence")
    op.drop_index(op.f("ix_score_entry_criterion_id"), table_name="score_entry")
    op.drop_index(op.f("ix_score_entry_assessment_id"), table_name="score_entry")
    op.drop_table("score_entry")
    op.drop_index(op.f("ix_emulation_mark_criterion_id"), table_name="emulation_mark")
    op.drop_index(op.f("ix_emulation_mark_assessment_id"), table_name="emulation_mark")
    op.drop_table("emulation_mark")
    op.drop_index(op.f("ix_rating_band_set_id"), table_name="rating_band")
    op.drop_table("rating_band")
    op.drop_index(op.f("ix_initiative_author_official_id"), table_name="initiative_author")
    op.drop_index(op.f("ix_initiative_author_initiative_id"), table_name="initiative_author")
    op.drop_table("initiative_author")
    op.drop_index(op.f("ix_discipline_year"), table_name="discipline")
    op.drop_index(op.f("ix_discipline_official_id"), table_name="discipline")
    op.drop_table("discipline")
    op.drop_index(op.f("ix_criterion_set_id"), table_name="criterion")
    op.drop_table("criterion")
    op.drop_index(op.f("ix_assessment_set_id"), table_name="assessment")
    op.drop_table("assessment")
    op.drop_table("procedure_stat")
    op.drop_index(op.f("ix_initiative_year"), table_name="initiative")
    op.drop_table("initiative")
    op.drop_table("criteria_set")
    op.drop_table("collective")
