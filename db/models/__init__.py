"""The schema, one module per aggregate. Importing this package registers every table.

Schema notes:
- ``commune_profile`` holds exactly one row (id 1): the commune this data folder serves;
  ``superior_period`` its superiors with their dates (district until 30/06/2025, then the province).
- ``official`` lists the commune's cán bộ, công chức and người hoạt động không
  chuyên trách; people who leave are made inactive, never deleted while
  anything refers to them.
- ``plan`` (with ``plan_section``), ``plan_area`` and ``plan_task``: a year's
  plans, their ordered reform areas and ordered tasks; see ``db/models/plan.py``.
- ``task_occurrence``, ``task_history``, ``evidence_file``, ``evidence_link``: each
  task's checkpoints through the year with their status, what changed when, and
  the evidence files (stored once by hash); see ``db/models/progress.py``.
- ``criteria_set`` … ``emulation_mark``: criteria sets and a year's scoring and
  emulation evaluation against them; see ``db/models/scoring.py``.
- ``collective``, ``initiative``, ``discipline``, ``procedure_stat``: the registers the
  evaluation reads; see ``db/models/registers.py``.
- ``award_kind``, ``award_record``, ``dossier``, ``nomination``, ``council_member``,
  ``council_meeting``, ``meeting_attendance``, ``nomination_vote``: the award dossier;
  see ``db/models/awards.py``.
- ``council_rule``, ``council_threshold``, ``written_vote``: the council's own rules per year
  (quorum, thresholds the law leaves to it) and absent members' written votes per nominee;
  see ``db/models/council_rules.py``.
- ``registration``, ``award_decision``, ``certificate_layout``: the commune's own awards;
  see ``db/models/commune_awards.py``.
- ``report_text``: the progress report's narrative parts as the clerk wrote them, per year,
  period and section; see ``db/models/report.py``.
- ``paper_date``: the date the clerk set for a paper of a past period (report, self-scoring,
  emulation evaluation), per kind, year and period; see ``db/models/paper.py``.
- ``reporting_period``: the commune's own cut-off windows and deadlines of the progress reports,
  over the shipped defaults; see ``db/models/period.py``.
- ``received_package``, ``province_appraisal``, ``receiving_office``: the receiving side (Tổng hợp): the
  packages the province received, its appraisal, its office; see ``db/models/receiving.py``.
- ``journal_action``, ``journal_row``: the undo journal, what each user action changed;
  see ``db/models/journal.py`` and ``db/journal.py``.
"""

from db.models.awards import (
    AwardKindRow, AwardRecordRow, CouncilMeetingRow, CouncilMemberRow, DossierRow, MeetingAttendanceRow,
    NominationRow, NominationVoteRow,
)
from db.models.base import Base
from db.models.commune_awards import AwardDecisionRow, CertificateLayoutRow, RegistrationRow
from db.models.commune import CommuneProfileRow, SuperiorPeriodRow
from db.models.council_rules import CouncilRuleRow, CouncilThresholdRow, WrittenVoteRow
from db.models.journal import JournalActionRow, JournalRowRow
from db.models.official import OfficialRow
from db.models.paper import PaperDateRow
from db.models.period import ReportingPeriodRow
from db.models.plan import AreaRow, PlanRow, PlanSectionRow, TaskRow
from db.models.progress import EvidenceFileRow, EvidenceLinkRow, OccurrenceRow, TaskHistoryRow
from db.models.receiving import ProvinceAppraisalRow, ReceivedPackageRow, ReceivingOfficeRow
from db.models.report import ReportTextRow
from db.models.registers import (
    CollectiveRow, DisciplineRow, InitiativeAuthorRow, InitiativeRow, ProcedureStatRow,
)
from db.models.scoring import (
    AssessmentRow, CriteriaSetRow, CriterionRow, EmulationMarkRow, RatingBandRow, ScoreEntryRow,
    ScoreEvidenceRow,
)

__all__ = [
    "AwardDecisionRow", "CertificateLayoutRow", "RegistrationRow",
    "CouncilRuleRow", "CouncilThresholdRow", "WrittenVoteRow",
    "AwardKindRow", "AwardRecordRow", "CouncilMeetingRow", "CouncilMemberRow", "DossierRow",
    "MeetingAttendanceRow", "NominationRow", "NominationVoteRow",
    "AssessmentRow", "CollectiveRow", "CriteriaSetRow", "CriterionRow", "DisciplineRow", "EmulationMarkRow",
    "InitiativeAuthorRow", "InitiativeRow", "ProcedureStatRow", "RatingBandRow", "ScoreEntryRow",
    "ScoreEvidenceRow",
    "AreaRow", "Base", "CommuneProfileRow", "EvidenceFileRow", "EvidenceLinkRow", "OccurrenceRow",
    "JournalActionRow", "JournalRowRow", "OfficialRow", "PaperDateRow", "PlanRow", "ReportingPeriodRow", "ReportTextRow",
    "PlanSectionRow", "ProvinceAppraisalRow", "ReceivedPackageRow", "ReceivingOfficeRow", "SuperiorPeriodRow", "TaskHistoryRow", "TaskRow",
]
