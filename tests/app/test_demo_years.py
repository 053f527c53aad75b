"""The demo follows the day it is loaded: the merged commune's 2025 half year, every full year up to the
year in progress with its checklist as of that day, the self-scores, and 2024 kept as the pre-reform year."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from app.exporters.package import PackageRequest, build_package
from app.paths import DataFolder
from app.services import scoring
from app.services.checklist import year_checklist
from app.services.score_sheet import PROPOSAL_BASIS
from app.services.plans import get_plan, list_plans
from app.startup import open_store
from tests.app.exporters.test_dossier_files import pdf_text

SPRING = date(2027, 3, 1)
# The district's names as a paper would write them (the demo's former district and the generic words).
DISTRICT = ("huyện Bình Xuân", "UBND huyện", "Phòng Nội vụ huyện", "Ủy ban nhân dân huyện")
# The communes of the real plans kept as seeds (tests/fixtures/seeds): the demo names none of them.
SEED_COMMUNES = ("Hành Minh", "Tịnh Minh", "Tĩnh Minh")


@pytest.fixture(scope="module")
def spring_demo(tmp_path_factory):
    """The demo as loaded on 01/03/2027 (built once for this module)."""
    folder = DataFolder(tmp_path_factory.mktemp("demo-2027"))
    store, _report = open_store(folder, demo=True, demo_today=SPRING)
    yield store
    store.close()


def _plans(store, year: int) -> dict[str, object]:
    return {summary.kind: get_plan(store, summary.id) for summary in list_plans(store, year)}


def test_built_on_the_demo_day_it_has_2024_the_2025_half_year_and_the_2026_plans(demo_store, demo_day):
    """On 06/12/2026: 2024 as before, the merged commune's plan of 18/07/2025, the 2026 reform and emulation plans."""
    assert demo_day == date(2026, 12, 6)
    assert sorted({summary.year for summary in list_plans(demo_store)}) == [2024, 2025, 2026]
    assert _plans(demo_store, 2024)["reform"].number == "12/KH-UBND"
    half = _plans(demo_store, 2025)["reform"]
    assert half.issue_date == date(2025, 7, 18) and "năm 2025" in half.title
    early = [row for row in year_checklist(demo_store, 2025) if row.due < date(2025, 7, 1)]
    assert early and all(row.status == "skipped" and "01/7/2025" in row.reason for row in early)
    plans = _plans(demo_store, 2026)
    assert set(plans) == {"reform", "emulation"}
    for plan in plans.values():
        bases = " ".join(plan.legal_bases)
        assert "282/QĐ-TTg ngày 12/02/2026" in bases and "76/NQ-CP" in bases and "72/2025/QH15" in bases
        assert "Kế hoạch số 25/KH-UBND ngày 20/12/2025 của UBND tỉnh Quảng Ngãi" in bases
        assert plan.recipients[0] == "Sở Nội vụ tỉnh Quảng Ngãi" and "2026" in plan.title


def test_the_year_in_progress_stands_as_of_the_demo_day(demo_store, demo_day):
    """2026 on 06/12: what fell due is done but one overdue and one in progress; what falls due later is planned."""
    rows = year_checklist(demo_store, 2026)
    past = [row for row in rows if row.due and row.due < demo_day]
    later = [row for row in rows if not row.due or row.due >= demo_day]
    assert all(row.status == "todo" for row in later) and later
    states = Counter(row.status for row in past)
    assert states["done"] >= len(past) - 2 and states["doing"] == 1 and states["todo"] == 1
    overdue = next(row for row in past if row.status == "todo")
    assert (demo_day - overdue.due).days < 92  # this year's, not "trễ 980 ngày"
    assert all(row.completed_on <= demo_day for row in past if row.status == "done")
    assert sum(row.evidence_count for row in rows) == 3


def test_history_years_are_finished(demo_store):
    """2025 is history on 06/12/2026: every checkpoint of its half year done (a few late) but one not done, with its reason."""
    rows = [row for row in year_checklist(demo_store, 2025) if row.due >= date(2025, 7, 1)]
    states = Counter(row.status for row in rows)
    assert states == Counter(done=len(rows) - 1, skipped=1)
    assert next(row for row in rows if row.status == "skipped").reason
    assert any(row.completed_on > row.due for row in rows if row.status == "done" and row.due)


def test_every_post_reform_year_is_self_scored_with_a_few_lower_marks(demo_store):
    """2025 and 2026 have every leaf scored; a few below the maximum, each explained or the app's own proposal."""
    for year in (2025, 2026):
        sheet = scoring.score_sheet(demo_store, year)
        assert sheet is not None and sheet.scored == sheet.leaves
        lower = [line for line in sheet.lines if line.is_leaf and line.points < line.max_points]
        assert lower and all(line.comment or line.basis == PROPOSAL_BASIS for line in lower)
        assert any(line.comment for line in lower)
        assert sheet.total < sheet.max_total


def test_built_on_1_march_2027_it_has_2027_and_the_years_before(spring_demo):
    """On 01/03/2027: 2027 (mostly planned), 2026 and 2025 as finished history, 2024 unchanged."""
    assert sorted({summary.year for summary in list_plans(spring_demo)}) == [2024, 2025, 2026, 2027]
    plans = _plans(spring_demo, 2027)
    assert "Kế hoạch số 25/KH-UBND ngày 20/12/2026" in " ".join(plans["reform"].legal_bases)
    assert plans["reform"].issue_date == date(2027, 1, 8)
    rows = year_checklist(spring_demo, 2027)
    planned = [row for row in rows if row.status == "todo" and (not row.due or row.due >= SPRING)]
    assert len(planned) > 0.9 * len(rows)
    assert Counter(row.status for row in year_checklist(spring_demo, 2026))["skipped"] == 1
    assert all(row.status in ("done", "skipped") for row in year_checklist(spring_demo, 2026))
    assert len(year_checklist(spring_demo, 2024)) == 127


def _papers(store, year: int, today: date, tmp_path: Path) -> dict[str, str]:
    """The year's package (plan, report, self-scoring) exported and every PDF read back."""
    request = PackageRequest(year, ("plan", "report", "scores"), period="year", make_zip=False, today=today)
    target = tmp_path / str(year)
    target.mkdir()
    folder = build_package(store, request, target).folder
    return {path.name: pdf_text(path) for path in sorted(folder.rglob("*.pdf"))}


@pytest.mark.parametrize("year", [2025, 2026])
def test_no_paper_after_the_reform_names_the_district(demo_store, demo_day, tmp_path, year):
    """The 2025 and 2026 packages' papers (plans, year report, self-scoring) never address or copy the district."""
    papers = _papers(demo_store, year, demo_day, tmp_path)
    assert any(name.startswith("KH") for name in papers) and len(papers) >= 3
    for name, text in papers.items():
        assert not [words for words in DISTRICT if words in text], name
        assert not [words for words in SEED_COMMUNES if words in text], name
    plan = next(text for name, text in papers.items() if name.startswith("KH"))
    assert "Sở Nội vụ tỉnh Quảng Ngãi" in plan


def test_the_2024_papers_still_go_to_the_district(demo_store, demo_day, tmp_path):
    """The pre-reform year keeps its district: its plan's Nơi nhận and its report's Kính gửi name UBND huyện."""
    papers = _papers(demo_store, 2024, demo_day, tmp_path)
    plan = next(text for name, text in papers.items() if name.startswith("KH"))
    assert "UBND huyện" in plan
    report = next(text for name, text in papers.items() if name.startswith("BC"))
    assert "Kính gửi: Ủy ban nhân dân huyện Bình Xuân." in " ".join(report.split())
