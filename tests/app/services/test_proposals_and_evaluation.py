"""What the app works out from a small year: proposed scores and emulation marks, each with its reason."""

from datetime import date
from decimal import Decimal as D

import pytest

from app.domain.criteria import EMULATION, PAR
from app.domain.emulation import MET, NOT_MET, UNKNOWN
from app.errors import UserError
from app.services import criteria_sets, registers, scoring
from app.services.checklist import set_status, year_checklist
from app.services.emulation_evaluation import evaluation, set_mark
from app.services.officials import OfficialData, add_official
from app.services.plan_tree import TaskData, add_task, plan_tree
from app.services.plans import PlanData, create_plan

YEAR_END = date(2025, 1, 10)


@pytest.fixture
def year(store):
    """Two officials; a reform plan of four quarterly tasks (Mai leads three, An one, one is a report)."""
    mai = add_official(store, OfficialData("Lê Thị Mai", department="VP-TK", position="Công chức VP-TK")).value.id
    an = add_official(store, OfficialData("Huỳnh Văn Ân", department="ĐC-XD", position="Công chức ĐC-XD")).value.id
    plan = create_plan(store, PlanData(year=2024), areas=("Cải cách thủ tục hành chính",)).value
    area = plan_tree(store, plan.id)[0].id
    add_task(store, area, TaskData("Niêm yết TTHC", lead_official_id=mai, timeframe="Quý I/2024"))
    add_task(store, area, TaskData("Báo cáo CCHC quý II", lead_official_id=mai, timeframe="Quý II/2024"))
    add_task(store, area, TaskData("Rà soát TTHC", lead_official_id=mai, timeframe="Quý III/2024"))
    add_task(store, area, TaskData("Đo đạc đất công", lead_official_id=an, timeframe="Quý IV/2024"))
    rows = {row.title: row for row in year_checklist(store, 2024)}
    set_status(store, rows["Niêm yết TTHC"].occurrence_id, "done", date(2024, 3, 20))
    set_status(store, rows["Báo cáo CCHC quý II"].occurrence_id, "done", date(2024, 6, 28))
    set_status(store, rows["Rà soát TTHC"].occurrence_id, "done", date(2024, 9, 30))
    set_status(store, rows["Đo đạc đất công"].occurrence_id, "done", date(2025, 1, 5))  # late
    par = next(item for item in criteria_sets.list_sets(store, PAR) if "ví dụ" in item.name)
    scoring.start(store, 2024, par.id)
    return store, mai, an, criteria_sets.load_set(store, par.id).criterion_ids


def _line(store, ids, code, today=YEAR_END):
    return scoring.score_sheet(store, 2024, today=today).line(ids[code])


def test_tasks_on_time_share_and_its_band(year):
    store, _, _, ids = year
    proposal = _line(store, ids, "1.2").proposal
    # 3/4 = 75 % is below the 80 % band: nothing; the explanation says how it got there.
    assert proposal.points == D(0)
    assert proposal.explanation == ("3/4 kỳ việc của kế hoạch CCHC năm 2024 hoàn thành đúng hạn (75%) "
                                    "→ 0 điểm (mức “dưới 80%”).")


def test_only_checkpoints_due_so_far_count_in_the_year(year):
    store, _, _, ids = year
    proposal = _line(store, ids, "1.2", today=date(2024, 10, 1)).proposal
    assert proposal.points == D(4)
    assert "3/3 kỳ việc" in proposal.explanation and "(tính đến 01/10/2024)" in proposal.explanation


def test_reports_are_the_tasks_that_report(year):
    store, _, _, ids = year
    proposal = _line(store, ids, "1.4").proposal
    assert proposal.points == D(3) and "1/1 kỳ báo cáo" in proposal.explanation


def test_procedures_on_time_from_the_quarterly_figures(year):
    store, _, _, ids = year
    assert _line(store, ids, "3.2").proposal.points is None
    registers.set_procedure_stat(store, 2024, 1, 50, 45)
    registers.set_procedure_stat(store, 2024, 3, 50, 50)
    proposal = _line(store, ids, "3.2").proposal
    assert proposal.points == D(6) and "95/100 hồ sơ" in proposal.explanation


def test_discipline_takes_the_yes_no_points_away(year):
    store, _, an, ids = year
    assert _line(store, ids, "4.1").proposal.points == D(4)
    registers.save_discipline(store, registers.DisciplineData(an, 2024, "Khiển trách", "98/QĐ-UBND"))
    proposal = _line(store, ids, "4.1").proposal
    assert proposal.points == D(0)
    assert "Huỳnh Văn Ân: Khiển trách (QĐ số 98/QĐ-UBND)" in proposal.explanation


@pytest.fixture
def evaluated(year):
    store, mai, an, _ = year
    seed = next(item for item in criteria_sets.list_sets(store, EMULATION) if "của xã" in item.name)
    scoring.start(store, 2024, seed.id, kind=EMULATION)
    commune = registers.save_collective(store, "Ủy ban nhân dân xã").value.id
    desk = registers.save_collective(store, "Bộ phận Một cửa", "VP-TK").value.id
    ids = criteria_sets.load_set(store, seed.id).criterion_ids
    return store, mai, an, commune, desk, ids


def _marks(store, kind, subject_id):
    subject = evaluation(store, 2024, today=YEAR_END).subject(kind, subject_id)
    return subject, {mark.criterion_code: mark for mark in subject.marks}


def test_tasks_led_decide_the_plan_criterion_per_person(evaluated):
    store, mai, an, *_ = evaluated
    _, marks = _marks(store, "official", mai)
    assert marks["CN.3"].status == MET and marks["CN.3"].computed
    assert marks["CN.3"].reason == "3/3 kỳ việc chủ trì trong kế hoạch CCHC năm 2024 hoàn thành đúng hạn"
    _, marks = _marks(store, "official", an)
    assert marks["CN.3"].status == NOT_MET
    assert "1/1 kỳ việc chưa hoàn thành đúng hạn: Đo đạc đất công (hạn 31/12/2024)" in marks["CN.3"].reason


def test_initiative_and_discipline_from_the_registers(evaluated):
    store, mai, an, commune, desk, _ = evaluated
    _, marks = _marks(store, "official", mai)
    assert marks["CN.4"].status == NOT_MET and "Sổ sáng kiến năm 2024" in marks["CN.4"].reason
    registers.save_initiative(store, registers.InitiativeData(
        2024, "Số hóa sổ hộ tịch", (mai,), "Hội đồng sáng kiến xã", "145/QĐ-UBND", date(2024, 11, 15)))
    registers.save_discipline(store, registers.DisciplineData(an, 2024, "Cảnh cáo"))
    _, marks = _marks(store, "official", mai)
    assert marks["CN.4"].status == MET and "“Số hóa sổ hộ tịch” (QĐ số 145/QĐ-UBND" in marks["CN.4"].reason
    assert marks["CN.5"].status == MET
    _, marks = _marks(store, "official", an)
    assert marks["CN.5"].status == NOT_MET and "Cảnh cáo" in marks["CN.5"].reason
    # the whole commune has a disciplined official; the one-stop desk (VP-TK) has not
    assert _marks(store, "collective", commune)[1]["TT.6"].status == NOT_MET
    assert _marks(store, "collective", desk)[1]["TT.6"].status == MET


def test_who_qualifies_and_why_not(evaluated):
    store, mai, an, *_ = evaluated
    subject, _ = _marks(store, "official", an)
    assert subject.verdict.qualifies is False
    assert "Chỉ đạo, tham mưu" in subject.verdict.summary
    registers.save_initiative(store, registers.InitiativeData(2024, "Sáng kiến", (mai,)))
    ids = evaluation(store, 2024, today=YEAR_END).criterion_ids
    for code in ("CN.1", "CN.2"):
        set_mark(store, 2024, ids[code], "official", mai, MET, "Đánh giá cuối năm")
    subject, _ = _marks(store, "official", mai)
    assert subject.verdict.qualifies is True
    assert subject in evaluation(store, 2024, today=YEAR_END).qualified


def test_the_clerk_overrides_and_goes_back_to_the_apps_judgement(evaluated):
    store, mai, an, *_ = evaluated
    ids = evaluation(store, 2024, today=YEAR_END).criterion_ids
    changes = set_mark(store, 2024, ids["CN.3"], "official", an, MET, "Trễ do thiên tai, được chấp thuận gia hạn")
    assert changes.label.startswith("Chấm CN.3 “")
    _, marks = _marks(store, "official", an)
    assert marks["CN.3"].status == MET and marks["CN.3"].overridden
    assert marks["CN.3"].proposed_status == NOT_MET
    assert set_mark(store, 2024, ids["CN.3"], "official", an, None).label.startswith("Theo phần mềm: CN.3 — ")
    _, marks = _marks(store, "official", an)
    assert marks["CN.3"].status == NOT_MET and marks["CN.3"].computed


def test_judgement_criteria_start_unknown_and_bad_marks_are_refused(evaluated):
    store, mai, *_ = evaluated
    _, marks = _marks(store, "official", mai)
    assert marks["CN.1"].status == UNKNOWN and not marks["CN.1"].computed
    ids = evaluation(store, 2024, today=YEAR_END).criterion_ids
    with pytest.raises(UserError, match="không hợp lệ"):
        set_mark(store, 2024, ids["CN.1"], "official", mai, "maybe")


def test_procedures_all_on_time_for_a_collective(evaluated):
    store, _, _, commune, _, _ = evaluated
    assert _marks(store, "collective", commune)[1]["TT.4"].status == UNKNOWN
    registers.set_procedure_stat(store, 2024, 2, 80, 80)
    assert _marks(store, "collective", commune)[1]["TT.4"].status == MET
    registers.set_procedure_stat(store, 2024, 3, 10, 9)
    assert _marks(store, "collective", commune)[1]["TT.4"].status == NOT_MET
