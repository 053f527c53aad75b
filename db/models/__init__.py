"""The schema, one module per aggregate. Importing this package registers every table.

Schema notes:
- ``commune_profile`` holds exactly one row (id 1): the commune this data folder serves.
- ``official`` lists the commune's cán bộ, công chức and người hoạt động không
  chuyên trách; people who leave are made inactive, never deleted while
  anything refers to them.
- ``plan`` (with ``plan_section``), ``plan_area`` and ``plan_task``: a year's
  plans, their ordered reform areas and ordered tasks; see ``db/models/plan.py``.
- ``task_occurrence``, ``task_history``, ``evidence_file``, ``evidence_link``: each
  task's checkpoints through the year with their status, what changed when, and
  the evidence files (stored once by hash); see ``db/models/progress.py``.
"""

from db.models.base import Base
from db.models.commune import CommuneProfileRow
from db.models.official import OfficialRow
from db.models.plan import AreaRow, PlanRow, PlanSectionRow, TaskRow
from db.models.progress import EvidenceFileRow, EvidenceLinkRow, OccurrenceRow, TaskHistoryRow

__all__ = [
    "AreaRow", "Base", "CommuneProfileRow", "EvidenceFileRow", "EvidenceLinkRow", "OccurrenceRow",
    "OfficialRow", "PlanRow", "PlanSectionRow", "TaskHistoryRow", "TaskRow",
]
