"""The checklist's evidence of a year as choices for scoring: a stored file can back a criterion too.

``year_evidence`` (``app/services/evidence.py``) lists links; linking to a score
needs the stored file behind a link, so this reads the file id as well, once
per file (the same scan attached to two tasks is offered once).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.store import Store
from db.models import AreaRow, EvidenceLinkRow, PlanRow, TaskRow


@dataclass(frozen=True)
class EvidenceChoice:
    file_id: int
    name: str  # the name it was attached under
    task_title: str  # the first task it backs


def year_evidence_files(store: Store, year: int) -> list[EvidenceChoice]:
    """Every stored file the year's plans hold as evidence, in task order, each file once."""
    query = (
        select(EvidenceLinkRow.file_id, EvidenceLinkRow.original_name, TaskRow.title)
        .join(TaskRow, EvidenceLinkRow.task_id == TaskRow.id)
        .join(AreaRow, TaskRow.area_id == AreaRow.id)
        .join(PlanRow, AreaRow.plan_id == PlanRow.id)
        .where(PlanRow.year == year)
        .order_by(PlanRow.id, AreaRow.position, TaskRow.position, EvidenceLinkRow.id)
    )
    choices: dict[int, EvidenceChoice] = {}
    with store.transaction() as session:
        for file_id, name, title in session.execute(query):
            choices.setdefault(file_id, EvidenceChoice(file_id, name, " ".join(title.split())))
    return list(choices.values())
