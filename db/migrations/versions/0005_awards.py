"""Awards: kinds, history, dossiers, nominations, the council and its votes; registration, decisions, certificates.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "award_kind",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_kind")),
        sa.UniqueConstraint("key", name=op.f("uq_award_kind_key")),
    )
    op.create_table(
        "certificate_layout",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("award_key", sa.String(length=60), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("background", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_layout")),
        sa.UniqueConstraint("name", name=op.f("uq_certificate_layout_name")),
    )
    op.create_table(
        "dossier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("campaign", sa.Text(), nullable=False),
        sa.Column("form_version", sa.String(length=30), nullable=False),
        sa.Column("letter_number", sa.String(length=100), nullable=False),
        sa.Column("letter_date", sa.Date(), nullable=True),
        sa.Column("addressee", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier")),
    )
    op.create_index(op.f("ix_dossier_year"), "dossier", ["year"], unique=False)
    op.create_table(
        "registration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("subject_kind", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("award_key", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration")),
        sa.UniqueConstraint("year", "subject_kind", "subject_id", "award_key", name=op.f("uq_registration_year")),
    )
    op.create_index(op.f("ix_registration_year"), "registration", ["year"], unique=False)
    op.create_table(
        "award_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("base_salary", sa.Integer(), nullable=False),
        sa.Column("executors", sa.Text(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossier.id"], name=op.f("fk_award_decision_dossier_id_dossier"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_decision")),
        sa.UniqueConstraint("dossier_id", name=op.f("uq_award_decision_dossier_id")),
    )
    op.create_index(op.f("ix_award_decision_year"), "award_decision", ["year"], unique=False)
    op.create_table(
        "council_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("official_id", sa.Integer(), nullable=True),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["official_id"], ["official.id"], name=op.f("fk_council_member_official_id_official"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_member")),
    )
    op.create_index(op.f("ix_council_member_year"), "council_member", ["year"], unique=False)
    op.create_table(
        "nomination",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("subject_kind", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("award_key", sa.String(length=60), nullable=False),
        sa.Column("excellent", sa.Boolean(), nullable=False),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("report_identity", sa.Text(), nullable=False),
        sa.Column("report_duties", sa.Text(), nullable=False),
        sa.Column("report_achievements", sa.Text(), nullable=False),
        sa.Column("report_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossier.id"], name=op.f("fk_nomination_dossier_id_dossier"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nomination")),
        sa.UniqueConstraint(
            "dossier_id", "subject_kind", "subject_id", "award_key", name=op.f("uq_nomination_dossier_id")
        ),
    )
    op.create_index(op.f("ix_nomination_dossier_id"), "nomination", ["dossier_id"], unique=False)
    op.create_table(
        "award_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_kind", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("subject_name", sa.String(length=300), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("award_key", sa.String(length=60), nullable=False),
        sa.Column("award_name", sa.String(length=300), nullable=False),
        sa.Column("authority", sa.String(length=300), nullable=False),
        sa.Column("decision_number", sa.String(length=100), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["award_decision.id"],
            name=op.f("fk_award_record_decision_id_award_decision"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_record")),
    )
    op.create_index(op.f("ix_award_record_decision_id"), "award_record", ["decision_id"], unique=False)
    op.create_index(op.f("ix_award_record_subject_id"), "award_record", ["subject_id"], unique=False)
    op.create_index(op.f("ix_award_record_year"), "award_record", ["year"], unique=False)
    op.create_table(
        "council_meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("starts_at", sa.Time(), nullable=True),
        sa.Column("ends_at", sa.Time(), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("chair_id", sa.Integer(), nullable=True),
        sa.Column("secretary_id", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("discussion", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chair_id"],
            ["council_member.id"],
            name=op.f("fk_council_meeting_chair_id_council_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossier.id"], name=op.f("fk_council_meeting_dossier_id_dossier"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["secretary_id"],
            ["council_member.id"],
            name=op.f("fk_council_meeting_secretary_id_council_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_meeting")),
        sa.UniqueConstraint("dossier_id", name=op.f("uq_council_meeting_dossier_id")),
    )
    op.create_table(
        "nomination_vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nomination_id", sa.Integer(), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["nomination_id"],
            ["nomination.id"],
            name=op.f("fk_nomination_vote_nomination_id_nomination"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nomination_vote")),
        sa.UniqueConstraint("nomination_id", name=op.f("uq_nomination_vote_nomination_id")),
    )
    op.create_table(
        "meeting_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("absence_reason", sa.Text(), nullable=False),
        sa.Column("written_vote", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["council_meeting.id"],
            name=op.f("fk_meeting_attendance_meeting_id_council_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["council_member.id"],
            name=op.f("fk_meeting_attendance_member_id_council_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendance")),
        sa.UniqueConstraint("meeting_id", "member_id", name=op.f("uq_meeting_attendance_meeting_id")),
    )
    op.create_index(op.f("ix_meeting_attendance_meeting_id"), "meeting_attendance", ["meeting_id"], unique=False)
    op.create_index(op.f("ix_meeting_attendance_member_id"), "meeting_attendance", ["member_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_meeting_attendance_member_id"), table_name="meeting_attendance")
    op.drop_index(op.f("ix_meeting_attendance_meeting_id"), table_name="meeting_attendance")
    op.drop_table("meeting_attendance")
    op.drop_table("nomination_vote")
    op.drop_table("council_meeting")
    op.drop_index(op.f("ix_award_record_year"), table_name="award_record")
    op.drop_index(op.f("ix_award_record_subject_id"), table_name="award_record")
    op.drop_index(op.f("ix_award_record_decision_id"), table_name="award_record")
    op.drop_table("award_record")
    op.drop_index(op.f("ix_nomination_dossier_id"), table_name="nomination")
    op.drop_table("nomination")
    op.drop_index(op.f("ix_council_member_year"), table_name="council_member")
    op.drop_table("council_member")
    op.drop_index(op.f("ix_award_decision_year"), table_name="award_decision")
    op.drop_table("award_decision")
    op.drop_index(op.f("ix_registration_year"), table_name="registration")
    op.drop_table("registration")
    op.drop_index(op.f("ix_dossier_year"), table_name="dossier")
    op.drop_table("dossier")
    op.drop_table("certificate_layout")
    op.drop_table("award_kind")
