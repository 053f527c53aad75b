"""The commune's organisation as data: offices of the UBND (collectives with a kind, a head and dates),
officials and task leads belonging to an office, the profile's unit kind and drafting office, and the
superior's history with dates (superior_period) seeded from the profile's two pairs of names.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# The dates of resources/law/hierarchy.json when this revision was written (a migration must not change
# with later data): the district until 30/06/2025, the province from 01/07/2025.
_SEEDS = (
    ("district", None, "2025-06-30", "district_authority", "district_office"),
    ("province", "2025-07-01", None, "superior_authority", "receiving_office"),
)


# plan_task is copied by hand: a batch copy orders a table's several foreign keys differently from run to
# run, and db/schema.sql must come out the same every time (the other tables gain their only foreign key).
_PLAN_TASK = """CREATE TABLE _plan_task_new (
	id INTEGER NOT NULL, 
	area_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	title TEXT NOT NULL, 
	detail TEXT NOT NULL, 
	lead_official_id INTEGER, 
	lead_text TEXT NOT NULL, 
	coordinators TEXT NOT NULL, 
	product TEXT NOT NULL, 
	timeframe TEXT NOT NULL, 
	target_value FLOAT, 
	target_unit VARCHAR(40) NOT NULL, 
	due_override DATE, 
	first_due DATE, 
	last_due DATE, 
	lead_office_id INTEGER, 
	CONSTRAINT pk_plan_task PRIMARY KEY (id), 
	CONSTRAINT fk_plan_task_area_id_plan_area FOREIGN KEY(area_id) REFERENCES plan_area (id) ON DELETE CASCADE, 
	CONSTRAINT fk_plan_task_lead_official_id_official FOREIGN KEY(lead_official_id) REFERENCES official (id) ON DELETE SET NULL, 
	CONSTRAINT fk_plan_task_lead_office_id_collective FOREIGN KEY(lead_office_id) REFERENCES collective (id) ON DELETE SET NULL
)"""
_TASK_COLUMNS = ("id, area_id, position, title, detail, lead_official_id, lead_text, coordinators, product, "
                 "timeframe, target_value, target_unit, due_override, first_due, last_due")
_TASK_INDEXES = ("area_id", "first_due", "lead_official_id", "lead_office_id")


def _copy_plan_task() -> None:
    """Alembic's own batch recipe, written out (foreign keys are off while migrating: db/migrate.py)."""
    op.execute(_PLAN_TASK)
    op.execute(f"INSERT INTO _plan_task_new ({_TASK_COLUMNS}) SELECT {_TASK_COLUMNS} FROM plan_task")
    op.execute("DROP TABLE plan_task")
    op.execute("ALTER TABLE _plan_task_new RENAME TO plan_task")
    for column in _TASK_INDEXES:
        op.create_index(op.f(f"ix_plan_task_{column}"), "plan_task", [column], unique=False)


def upgrade() -> None:
    with op.batch_alter_table("collective") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=30), nullable=True))
        batch.add_column(sa.Column("head_official_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("active_from", sa.Date(), nullable=True))
        batch.add_column(sa.Column("active_to", sa.Date(), nullable=True))
        batch.create_foreign_key(op.f("fk_collective_head_official_id_official"), "official",
                                 ["head_official_id"], ["id"], ondelete="SET NULL")
    with op.batch_alter_table("official") as batch:
        batch.add_column(sa.Column("office_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_official_office_id_collective"), "collective",
                                 ["office_id"], ["id"], ondelete="SET NULL")
        batch.create_index(op.f("ix_official_office_id"), ["office_id"], unique=False)
    _copy_plan_task()
    with op.batch_alter_table("commune_profile") as batch:
        batch.add_column(sa.Column("unit_kind", sa.String(length=10), nullable=False, server_default="xa"))
        batch.add_column(sa.Column("drafting_office_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_commune_profile_drafting_office_id_collective"), "collective",
                                 ["drafting_office_id"], ["id"], ondelete="SET NULL")
    op.create_table(
        "superior_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("authority", sa.String(length=300), nullable=False),
        sa.Column("office", sa.String(length=300), nullable=False),
        sa.Column("award_office", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_superior_period")),
    )
    _seed_periods()


def _seed_periods() -> None:
    """One period per level whose names the profile holds (a level left blank is left for the clerk)."""
    for position, (level, start, end, authority, office) in enumerate(_SEEDS, start=1):
        op.execute(sa.text(
            "INSERT INTO superior_period (valid_from, valid_to, level, authority, office, award_office, position) "
            f"SELECT :start, :end, :level, {authority}, {office}, '', :position FROM commune_profile "
            f"WHERE id = 1 AND ({authority} != '' OR {office} != '')"
        ).bindparams(start=start, end=end, level=level, position=position))


def downgrade() -> None:
    op.drop_table("superior_period")
    with op.batch_alter_table("commune_profile") as batch:
        batch.drop_constraint(op.f("fk_commune_profile_drafting_office_id_collective"), type_="foreignkey")
        batch.drop_column("drafting_office_id")
        batch.drop_column("unit_kind")
    with op.batch_alter_table("plan_task") as batch:
        batch.drop_index(op.f("ix_plan_task_lead_office_id"))
        batch.drop_constraint(op.f("fk_plan_task_lead_office_id_collective"), type_="foreignkey")
        batch.drop_column("lead_office_id")
    with op.batch_alter_table("official") as batch:
        batch.drop_index(op.f("ix_official_office_id"))
        batch.drop_constraint(op.f("fk_official_office_id_collective"), type_="foreignkey")
        batch.drop_column("office_id")
    with op.batch_alter_table("collective") as batch:
        batch.drop_constraint(op.f("fk_collective_head_official_id_official"), type_="foreignkey")
        for column in ("active_to", "active_from", "head_official_id", "kind"):
            batch.drop_column(column)
