"""The turn of the year ("Bắt đầu năm …"): last year's working set carried into the new year as one action.

Steps, each skipped (and said so) when the new year already has it, so running it twice changes nothing:
the chosen plans copied (``plans.copy_plan``), the council's members and its rules of the year, the
registration for titles opened from last year's (for officials and collectives still active), and the
PAR self-scoring and the emulation evaluation started on last year's criteria sets until the province's
new set arrives (then ``score_remap`` moves the scores onto it). Award kinds are not kept per year: that
step only says how many are in use. Everything runs in one ``store.action``: one transaction (a failure
leaves nothing) and one undo step; the services called inside join it (``Store.action``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.criteria import EMULATION, PAR
from app.domain.plan_kinds import plan_kind
from app.progress import Progress, no_progress
from app.services import council, plans, scoring
from app.services.award_kinds import read_kinds
from app.services.changes import Done
from app.store import Store
from db.models import (
    AssessmentRow,
    CollectiveRow,
    CouncilMemberRow,
    CouncilRuleRow,
    CouncilThresholdRow,
    CriteriaSetRow,
    OfficialRow,
    PlanRow,
    RegistrationRow,
)

PLANS, COUNCIL, RULES, KINDS, REGISTRATION, SCORING, EMULATION_STEP = (
    "plans", "council", "rules", "kinds", "registration", "scoring", "emulation")
STEP_KEYS = (PLANS, COUNCIL, RULES, KINDS, REGISTRATION, SCORING, EMULATION_STEP)
READY, DONE, SKIPPED, NOTHING_TO_DO = "ready", "done", "skipped", "nothing"


@dataclass(frozen=True)
class PlanChoice:
    """A plan of last year that can be copied; ``present`` when the new year already has its kind."""

    plan_id: int
    label: str
    present: bool


@dataclass(frozen=True)
class Step:
    """One line of the checklist: what it will do (``will``), or why it will not (``state`` not ready)."""

    key: str
    title: str
    will: str
    state: str  # ready | skipped (the new year has it) | nothing (nothing to carry)

    @property
    def ready(self) -> bool:
        return self.state == READY


@dataclass(frozen=True)
class StepResult:
    key: str
    title: str
    state: str  # done | skipped | nothing
    text: str  # the result line the dialog shows


@dataclass(frozen=True)
class YearStart:
    """What "Bắt đầu năm ``to_year``" would do, read before the clerk confirms."""

    from_year: int
    to_year: int
    plans: tuple[PlanChoice, ...]
    steps: tuple[Step, ...]


_TITLES = {
    PLANS: "Chép kế hoạch năm trước", COUNCIL: "Chép thành viên Hội đồng Thi đua - Khen thưởng",
    RULES: "Chép quy chế của Hội đồng", KINDS: "Danh hiệu, hình thức khen thưởng",
    REGISTRATION: "Mở đăng ký thi đua", SCORING: "Bắt đầu tự chấm điểm Chỉ số CCHC",
    EMULATION_STEP: "Bắt đầu đánh giá thi đua",
}


def preview(store: Store, to_year: int) -> YearStart:
    """The steps as they stand: each says what it will do, or that the new year already has it."""
    from_year = to_year - 1
    with store.transaction() as session:
        choices = _plan_choices(session, from_year, to_year)
        steps = tuple(_describe(session, key, from_year, to_year, choices) for key in STEP_KEYS)
    return YearStart(from_year, to_year, choices, steps)


def start_year(store: Store, to_year: int, keys: Collection[str] = STEP_KEYS, plan_ids: Collection[int] | None = None,
               progress: Progress = no_progress) -> Done[tuple[StepResult, ...]]:
    """Run the chosen steps as one undoable action "Bắt đầu năm …"; each result says what it did or skipped.

    ``plan_ids``: last year's plans to copy (None: all of them). Runs in a worker; touches no widget.
    """
    from_year, chosen = to_year - 1, [key for key in STEP_KEYS if key in keys]
    results = []
    with store.action(f"Bắt đầu năm {to_year}") as action:
        for number, key in enumerate(chosen):
            progress(number, len(chosen), f"{_TITLES[key]}…")
            state, text = _RUNNERS[key](store, action.session, from_year, to_year, plan_ids)
            results.append(StepResult(key, _TITLES[key], state, text))
        progress(len(chosen), len(chosen), "Đã xong.")
    return Done(tuple(results), action.changes)


# --- what each step would do -------------------------------------------------------------------

def _plan_choices(session: Session, from_year: int, to_year: int) -> tuple[PlanChoice, ...]:
    present = set(session.scalars(select(PlanRow.kind).where(PlanRow.year == to_year)))
    rows = session.scalars(select(PlanRow).where(PlanRow.year == from_year).order_by(PlanRow.kind.desc(), PlanRow.id))
    return tuple(PlanChoice(row.id, plans.plan_label(row.kind, from_year), row.kind in present) for row in rows)


def _describe(session: Session, key: str, from_year: int, to_year: int, choices) -> Step:
    state, will = _WILL[key](session, from_year, to_year, choices)
    return Step(key, _TITLES[key], will, state)


def _will_plans(_session, from_year, to_year, choices):
    if not choices:
        return NOTHING_TO_DO, f"Năm {from_year} không có kế hoạch nào để chép."
    new = [choice for choice in choices if not choice.present]
    if not new:
        return SKIPPED, f"Năm {to_year} đã có đủ các loại kế hoạch của năm {from_year}; không chép lại."
    return READY, (f"Chép {len(new)} kế hoạch sang năm {to_year} (số và ngày ban hành để trống, năm trong tên "
                  "và thời hạn nhiệm vụ dời sang năm mới); loại kế hoạch năm mới đã có thì bỏ qua.")


def _will_council(session, from_year, to_year, _choices):
    if _has(session, CouncilMemberRow, to_year):
        return SKIPPED, f"Hội đồng năm {to_year} đã có thành viên; giữ nguyên."
    count = len(_rows(session, CouncilMemberRow, from_year))
    if not count:
        return NOTHING_TO_DO, f"Năm {from_year} chưa có thành viên Hội đồng để chép."
    return READY, f"Chép {count} thành viên Hội đồng năm {from_year} sang năm {to_year} (sửa người thay đổi sau)."


def _will_rules(session, from_year, to_year, _choices):
    if _has(session, CouncilRuleRow, to_year) or _has(session, CouncilThresholdRow, to_year):
        return SKIPPED, f"Quy chế của Hội đồng năm {to_year} đã có; giữ nguyên."
    if not (_has(session, CouncilRuleRow, from_year) or _has(session, CouncilThresholdRow, from_year)):
        return NOTHING_TO_DO, f"Năm {from_year} dùng quy chế mặc định; năm {to_year} cũng vậy, không cần chép."
    return READY, f"Chép số người dự họp tối thiểu và tỷ lệ phiếu của năm {from_year} sang năm {to_year}."


def _will_kinds(session, _from_year, _to_year, _choices):
    count = len(read_kinds(session, active_only=True))
    return NOTHING_TO_DO, f"{count} danh hiệu đang dùng chung cho mọi năm; không cần chép."


def _will_registration(session, from_year, to_year, _choices):
    if _has(session, RegistrationRow, to_year):
        return SKIPPED, f"Năm {to_year} đã có đăng ký thi đua; giữ nguyên."
    count = len(_active_registrations(session, from_year))
    if not count:
        return NOTHING_TO_DO, f"Năm {from_year} không có đăng ký thi đua để làm mẫu."
    return READY, (f"Mở đăng ký năm {to_year} từ {count} đăng ký năm {from_year} của người, tập thể còn công tác "
                  "(sửa ai đăng ký khác sau).")


def _will_assessment(kind: str):
    what = "tự chấm điểm" if kind == PAR else "đánh giá thi đua"

    def will(session, from_year, to_year, _choices):
        if _assessment(session, to_year, kind) is not None:
            return SKIPPED, f"Năm {to_year} đã bắt đầu {what}; giữ nguyên."
        last = _assessment(session, from_year, kind)
        if last is None:
            return NOTHING_TO_DO, f"Năm {from_year} chưa {what}; hãy chọn bộ tiêu chí năm {to_year} ở trang của nó."
        name = session.get(CriteriaSetRow, last.set_id).name
        return READY, (f"Bắt đầu {what} năm {to_year} theo bộ “{name}” của năm {from_year}, cho đến khi có bộ "
                      "tiêu chí mới (khi đó dùng “Chuyển sang bộ tiêu chí khác…”).")
    return will


_WILL = {PLANS: _will_plans, COUNCIL: _will_council, RULES: _will_rules, KINDS: _will_kinds,
         REGISTRATION: _will_registration, SCORING: _will_assessment(PAR),
         EMULATION_STEP: _will_assessment(EMULATION)}


# --- running each step (inside the one action) ----------------------------------------------------

def _run_plans(store, session, from_year, to_year, plan_ids):
    present = set(session.scalars(select(PlanRow.kind).where(PlanRow.year == to_year)))
    rows = list(session.scalars(select(PlanRow).where(PlanRow.year == from_year).order_by(PlanRow.id)))
    copied, kept = [], []
    for row in rows:
        if plan_ids is not None and row.id not in plan_ids:
            continue
        label = plan_kind(row.kind).label.lower()
        if row.kind in present:
            kept.append(label)
            continue
        plans.copy_plan(store, row.id, to_year)  # joins this action (Store.action)
        present.add(row.kind)
        copied.append(label)
    if not copied:
        return SKIPPED, ("Không chép kế hoạch nào" + (f": năm {to_year} đã có {', '.join(kept)}." if kept else "."))
    said = f"Đã chép {', '.join(copied)} sang năm {to_year}."
    return DONE, said + (f" Bỏ qua {', '.join(kept)} (năm {to_year} đã có)." if kept else "")


def _run_council(store, session, from_year, to_year, _plan_ids):
    state, will = _will_council(session, from_year, to_year, ())
    if state != READY:
        return state, will
    count = council.copy_members(store, from_year, to_year).value
    return DONE, f"Đã chép {count} thành viên Hội đồng sang năm {to_year}."


def _run_rules(_store, session, from_year, to_year, _plan_ids):
    state, will = _will_rules(session, from_year, to_year, ())
    if state != READY:
        return state, will
    for table in (CouncilRuleRow, CouncilThresholdRow):
        for row in _rows(session, table, from_year):
            session.add(table(**{**_values(row), "year": to_year}))
    return DONE, f"Đã chép quy chế của Hội đồng năm {from_year} sang năm {to_year}."


def _run_kinds(_store, session, from_year, to_year, _plan_ids):
    return NOTHING_TO_DO, _will_kinds(session, from_year, to_year, ())[1]


def _run_registration(_store, session, from_year, to_year, _plan_ids):
    state, will = _will_registration(session, from_year, to_year, ())
    if state != READY:
        return state, will
    rows = _active_registrations(session, from_year)
    for row in rows:
        session.add(RegistrationRow(**{**_values(row), "year": to_year}))
    return DONE, f"Đã mở đăng ký thi đua năm {to_year} với {len(rows)} đăng ký chép từ năm {from_year}."


def _run_assessment(kind: str):
    def run(store, session, from_year, to_year, _plan_ids):
        state, will = _WILL[SCORING if kind == PAR else EMULATION_STEP](session, from_year, to_year, ())
        if state != READY:
            return state, will
        set_id = _assessment(session, from_year, kind).set_id
        scoring.start(store, to_year, set_id, kind)
        name = session.get(CriteriaSetRow, set_id).name
        what = "tự chấm điểm" if kind == PAR else "đánh giá thi đua"
        return DONE, f"Đã bắt đầu {what} năm {to_year} theo bộ “{name}”."
    return run


_RUNNERS = {PLANS: _run_plans, COUNCIL: _run_council, RULES: _run_rules, KINDS: _run_kinds,
            REGISTRATION: _run_registration, SCORING: _run_assessment(PAR),
            EMULATION_STEP: _run_assessment(EMULATION)}


# --- reading ---------------------------------------------------------------------------------------

def _rows(session: Session, table, year: int) -> list:
    return list(session.scalars(select(table).where(table.year == year).order_by(table.id)))


def _has(session: Session, table, year: int) -> bool:
    return session.scalar(select(table.id).where(table.year == year).limit(1)) is not None


def _values(row) -> dict:
    """Every column but the id, so columns added later are carried too."""
    return {column.key: getattr(row, column.key) for column in row.__table__.columns if column.key != "id"}


def _assessment(session: Session, year: int, kind: str) -> AssessmentRow | None:
    return session.scalar(select(AssessmentRow).where(AssessmentRow.year == year, AssessmentRow.kind == kind))


def _active_registrations(session: Session, year: int) -> list[RegistrationRow]:
    """Last year's registrations of officials and collectives still active (a retired clerk is not carried)."""
    active = {("official", i) for i in session.scalars(select(OfficialRow.id).where(OfficialRow.active.is_(True)))}
    active |= {("collective", i) for i in session.scalars(select(CollectiveRow.id).where(CollectiveRow.active.is_(True)))}
    return [row for row in _rows(session, RegistrationRow, year) if (row.subject_kind, row.subject_id) in active]
