"""The periodic progress report (báo cáo quý I / 6 tháng / 9 tháng / năm): its numbers and suggested text.

A report counts the *checkpoints* (occurrences) of every task of the year's plans, the
reform plan first, due within its period's data cut-off window (``app.services.reporting_periods``:
15/12 of the previous year to 14/6 for a 2026 six-month report, so checkpoints of last
year's plans due from 15/12 count too; 1 January to 30 June for a 2024 one). Reports are
cumulative: every window of a year starts on the same day. Statuses are taken as they stand
(``today`` is the paper's date, before the cut-off under the old district deadlines), except that
a checkpoint finished after the cut-off day counts as "đang thực hiện": it was not done by then.

Counting rules, one checkpoint in exactly one of the columns that add up:
- **Tổng số** = Hoàn thành + Đang thực hiện + Chưa thực hiện + Không thực hiện, over checkpoints
  with a due date in the window;
- **Trong đó trễ hạn**: part of Hoàn thành, finished after its due date;
- **Quá hạn**: part of Đang/Chưa thực hiện, still unfinished and due before ``today``, or by the cut-off day
  once it has passed;
- checkpoints without a due date ("Theo tiến độ và hướng dẫn") are counted apart as
  "không xác định hạn" and are not in Tổng số.

A "nhiệm vụ" in the paper's numbers is a checkpoint: a monthly report task is six of
them in a six-month report, as the clerk ticks it off six times.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, timedelta

from app.domain.progress import DOING, DONE, SKIPPED, STATUS_LABELS, TODO
from app.queries.models.progress_report import (
    SECTION_HEADINGS,
    AreaCounts,
    Counts,
    EvidenceItem,
    NarrativeSection,
    PlanRef,
    ProgressReport,
    ReportItem,
    percent,
)
from app.services.checklist import ChecklistRow, year_checklist
from app.services.evidence import year_evidence
from app.services.offices import list_offices
from app.services.plans import get_plan, list_plans
from app.services.profile import get_profile
from app.services.report_texts import stored_texts
from app.services.reporting_periods import report_window
from app.store import Store


# ----------------------------------------------------------------------------- counting


def count(rows: Iterable[ChecklistRow], today: date) -> Counts:
    """The counts of ``rows`` by the rules in the module docstring."""
    tally = dict.fromkeys(Counts.__dataclass_fields__, 0)
    for row in rows:
        if row.due is None:
            tally["undated"] += 1
            tally["undated_done"] += row.status == DONE
            continue
        tally["total"] += 1
        tally[{DONE: "done", DOING: "doing", TODO: "todo", SKIPPED: "skipped"}[row.status]] += 1
        tally["done_late"] += row.done_late
        tally["overdue"] += row.overdue(today)
    return Counts(**tally)


def report_state(row: ChecklistRow, today: date) -> str:
    """The state in a paper's words: "Quá hạn (đang thực hiện)", "Hoàn thành trễ hạn", or the status label."""
    if row.overdue(today):
        return f"Quá hạn ({STATUS_LABELS[row.status].lower()})"
    if row.done_late:
        return "Hoàn thành trễ hạn"
    return STATUS_LABELS.get(row.status, row.status)


def _item(row: ChecklistRow, today: date) -> ReportItem:
    return ReportItem(
        occurrence_id=row.occurrence_id, task_id=row.task_id, area_id=row.area_id, number=row.number,
        title=row.title, area_title=row.area_title, lead=row.lead, period=row.period, due=row.due,
        status=row.status, state=report_state(row, today), completed_on=row.completed_on, reason=row.reason,
        evidence_count=row.evidence_count,
    )


def _is_issue(row: ChecklistRow, today: date) -> bool:
    return row.status == SKIPPED or row.done_late or row.overdue(today)


def _area_counts(everything: list[ChecklistRow], rows: list[ChecklistRow], today: date) -> tuple[AreaCounts, ...]:
    """One entry per area with checkpoints in the year (zeros if none falls in the period), in plan order."""
    first: dict[int, ChecklistRow] = {}
    for row in everything:
        first.setdefault(row.area_id, row)
    members: dict[int, list[ChecklistRow]] = {area_id: [] for area_id in first}
    for row in rows:
        members[row.area_id].append(row)
    return tuple(
        AreaCounts(area_id, row.plan_id, row.area_title, count(members[area_id], today)) for area_id, row in first.items()
    )


def _evidence_items(evidence: Iterable, rows: list[ChecklistRow]) -> tuple[EvidenceItem, ...]:
    """The evidence of the period's checkpoints, or of their tasks as a whole, in plan order."""
    by_occurrence = {row.occurrence_id: row for row in rows}
    by_task = {row.task_id: row for row in rows}
    picked = []
    for item in evidence:
        row = by_occurrence.get(item.occurrence_id) if item.occurrence_id else by_task.get(item.task_id)
        if row is not None:
            picked.append((row.order_key, item.original_name, EvidenceItem(row.number, row.title, item.original_name, item.note)))
    return tuple(entry for *_key, entry in sorted(picked, key=lambda p: (p[0], p[1])))


def _plans(store: Store, year: int) -> tuple[PlanRef, ...]:
    summaries = sorted(list_plans(store, year), key=lambda p: (p.kind != "reform", p.id))
    plans = (get_plan(store, summary.id) for summary in summaries)
    return tuple(PlanRef(p.id, p.kind, p.title, p.number, p.issue_date) for p in plans)


def as_of(row: ChecklistRow, cutoff: date) -> ChecklistRow:
    """The checkpoint as it stood on ``cutoff``: finished later means still being worked on then."""
    if row.status == DONE and row.completed_on is not None and row.completed_on > cutoff:
        return replace(row, status=DOING, completed_on=None)
    return row


def _window_rows(store: Store, year: int, start: date, end: date) -> tuple[list[ChecklistRow], list[ChecklistRow]]:
    """Every checkpoint the report knows of (last year's from ``start`` first), and those in the window."""
    earlier = [] if start.year >= year else [
        row for row in year_checklist(store, start.year) if row.due is not None and row.due >= start]
    everything = earlier + year_checklist(store, year)
    return everything, [row for row in everything if row.due is None or start <= row.due <= end]


def progress_report(
    store: Store, year: int, period_key: str, today: date, evidence: Iterable | None = None,
) -> ProgressReport:
    """Read everything the report needs (what was finished by the cut-off; late as of ``today`` or the cut-off,
    whichever comes first); ``evidence`` defaults to the year's."""
    window = report_window(store, year, period_key)
    start, end = window.start, window.end
    everything, picked = _window_rows(store, year, start, end)
    rows = [as_of(row, end) for row in picked]
    cutoff = min(today, end + timedelta(days=1))  # the cut-off day has passed: what fell due on it and is undone is late
    dated = [row for row in rows if row.due is not None]
    undated = [row for row in rows if row.due is None]
    profile = get_profile(store)
    report = ProgressReport(
        year=year, period_key=window.key, period_label=window.label, start=start, end=end, today=today,
        commune_name=profile.commune_name, plans=_plans(store, year),
        drafting_office=_drafting_office(store, profile, min(end, today)),
        areas=_area_counts(everything, rows, cutoff), totals=count(rows, cutoff),
        items=tuple(_item(row, cutoff) for row in dated + undated),
        issues=tuple(_item(row, cutoff) for row in dated if _is_issue(row, cutoff)),
        evidence=_evidence_items(year_evidence(store, year) if evidence is None else evidence, rows),
        upcoming=sum(1 for row in everything if row.due is not None and row.due > end),
        narrative=(),
    )
    return replace(report, narrative=_with_stored(default_narrative(report), stored_texts(store, year, window.key)))


def _with_stored(sections: tuple[NarrativeSection, ...], stored: Mapping[str, str]) -> tuple[NarrativeSection, ...]:
    """The clerk's saved texts over the suggestions (see ``app.services.report_texts``)."""
    return tuple(replace(s, text=stored[s.key], stored=True) if s.key in stored else s for s in sections)


# ----------------------------------------------------------------------------- suggested text

_NEXT_SPAN = {"q1": "các quý còn lại của năm {year}", "h1": "6 tháng cuối năm {year}", "q3": "quý IV năm {year}"}


def _plan_phrase(plan: PlanRef) -> str:
    number = f" số {plan.number}" if plan.number and not plan.number.startswith("/") else ""
    issued = f" ngày {plan.issue_date:%d/%m/%Y}" if plan.issue_date else ""
    about = plan.title[:1].lower() + plan.title[1:] if plan.title else "cải cách hành chính"
    return f"Kế hoạch{number}{issued} của UBND xã về {about}"


def _deployment(report: ProgressReport) -> str:
    if report.plans:
        basis = "; ".join(_plan_phrase(plan) for plan in report.plans)
        first = f"Thực hiện {basis}, UBND xã đã quán triệt, triển khai các nhiệm vụ cải cách hành chính {report.span}."
    else:
        first = f"UBND xã đã triển khai các nhiệm vụ cải cách hành chính {report.span}."
    return "\n".join((
        first,
        "Các nhiệm vụ được phân công cụ thể cho từng bộ phận, công chức chủ trì thực hiện; "
        f"{_follower(report)} theo dõi, đôn đốc tiến độ và cập nhật kết quả, tài liệu kiểm chứng của từng nhiệm vụ.",
    ))


def _drafting_office(store: Store, profile, day: date) -> str:
    """The drafting office's name if it existed on ``day`` (a 2024 report predates the offices of 2025)."""
    in_force = {office.id for office in list_offices(store, day)}
    return profile.drafting_office if profile.drafting_office_id in in_force else ""


def _follower(report: ProgressReport) -> str:
    """Who follows the tasks up: the drafting office of the profile, else the clerk's title before the offices."""
    return report.drafting_office or "công chức Văn phòng - Thống kê"


def _clauses(pairs: Iterable[tuple[int, str]]) -> str:
    return "".join(f"; {number} lượt nhiệm vụ {words}" for number, words in pairs if number)


def _results(report: ProgressReport) -> str:
    c = report.totals
    late = f", trong đó {c.done_late} lượt hoàn thành trễ hạn" if c.done_late else ""
    rest = _clauses(((c.doing, "đang thực hiện"), (c.todo, "chưa thực hiện"), (c.skipped, "không thực hiện")))
    lines = [
        f"Trong {report.span}, UBND xã đã hoàn thành {c.done}/{c.total} lượt nhiệm vụ đến hạn "
        f"(đạt {percent(c.done, c.total)}){late}{rest}."
    ]
    if c.undated:
        lines.append(
            f"Ngoài ra, có {c.undated} lượt nhiệm vụ không xác định hạn (thực hiện theo tiến độ, hướng dẫn của cấp trên)"
            + (f", đã hoàn thành {c.undated_done} lượt." if c.undated_done else ", chưa ghi nhận lượt hoàn thành.")
        )
    lines += [f"- {a.title}: hoàn thành {a.counts.done}/{a.counts.total} lượt." for a in report.areas if a.counts.total]
    return "\n".join(lines)


def _shortcomings(report: ProgressReport) -> str:
    c = report.totals
    parts = _clauses((
        (c.overdue, "đã quá hạn nhưng chưa hoàn thành"), (c.skipped, "không thực hiện"),
        (c.done_late, "hoàn thành nhưng trễ hạn so với kế hoạch"),
    ))
    if not parts:
        return "Các nhiệm vụ đến hạn trong kỳ đều được triển khai đúng tiến độ; không có nhiệm vụ quá hạn."
    lines = [f"Còn {parts[2:]} (chi tiết tại danh sách kèm theo)."]
    reasons = list(dict.fromkeys(item.reason.rstrip(".;") for item in report.issues if item.reason.strip()))
    if reasons:
        lines.append(f"Nguyên nhân: {'; '.join(reasons)}.")
    return "\n".join(lines)


def _direction(report: ProgressReport) -> str:
    c, lines = report.totals, []
    if c.overdue:
        lines.append(f"Tập trung hoàn thành dứt điểm {c.overdue} lượt nhiệm vụ đã quá hạn.")
    if report.period_key in _NEXT_SPAN and report.upcoming:
        span = _NEXT_SPAN[report.period_key].format(year=report.year)
        lines.append(f"Tiếp tục triển khai {report.upcoming} lượt nhiệm vụ đến hạn trong {span} theo kế hoạch.")
    if report.period_key == "year":
        lines.append(
            f"Tổng kết, đánh giá kết quả năm {report.year}; xây dựng và triển khai Kế hoạch cải cách hành chính "
            f"năm {report.year + 1}."
        )
    lines.append(
        "Thường xuyên cập nhật kết quả và tài liệu kiểm chứng đầy đủ, kịp thời, phục vụ tự đánh giá, chấm điểm "
        "Chỉ số cải cách hành chính."
    )
    return "\n".join(lines)


def default_narrative(report: ProgressReport) -> tuple[NarrativeSection, ...]:
    """The suggested text of each section, written from the numbers; the clerk edits it before export."""
    writers = {"deployment": _deployment, "results": _results, "shortcomings": _shortcomings, "direction": _direction}
    texts = {key: writers[key](report) for key, _heading in SECTION_HEADINGS}
    return tuple(NarrativeSection(key, heading, texts[key], texts[key]) for key, heading in SECTION_HEADINGS)
