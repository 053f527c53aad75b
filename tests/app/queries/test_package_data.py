"""The data file every package carries (du-lieu-cchc.json): the demo's 2026 package read back by the receiver's
parser gives the checklist, the score sheet, the nominations and the commune's decision as the app shows them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.exchange.package_data import DATA_FILE, DATA_KIND, parse_package_data
from app.exporters.manifest import parse_manifest
from app.exporters.package import PackageRequest, build_package
from app.exporters.verify import verify_package
from app.queries.package_data import task_status
from app.services import checklist
from app.services.score_sheet import score_sheet
from app.services.profile import set_profile_field
from tests.conftest import DEMO_DAY

YEAR = 2026


@pytest.fixture
def out(tmp_path) -> Path:
    target = tmp_path / "usb"
    target.mkdir()
    return target


def _read(folder: Path):
    return parse_package_data((folder / DATA_FILE).read_bytes())


def _expected_status(rows) -> str:
    """What the checklist shows of one task's checkpoints on DEMO_DAY, in the data file's words."""
    states = [row.state(DEMO_DAY) for row in rows]
    if all(row.status == "skipped" for row in rows):
        return "cancelled"
    if any(state.startswith("Quá hạn") for state in states):
        return "overdue"
    if all(row.status in ("done", "skipped") for row in rows):
        return "done"
    return "in_progress" if any(row.status in ("done", "doing") for row in rows) else "planned"


def test_the_2026_package_carries_the_data_file_listed_and_verified(demo_store, out):
    """du-lieu-cchc.json sits at the root, listed (kind data) in the manifest with the report's period and in
    DANH_MUC.txt, and the zip and the folder verify."""
    result = build_package(demo_store, PackageRequest(YEAR, ("plan", "report"), period="q3", today=DEMO_DAY), out)
    listed = {item.path: item for item in result.manifest.files}
    assert listed[DATA_FILE].kind == DATA_KIND and listed[DATA_FILE].title == "Dữ liệu để Sở Nội vụ tổng hợp (máy đọc)"
    assert result.manifest.period == "q3" and parse_manifest((result.folder / "manifest.json").read_bytes()).period == "q3"
    index = (result.folder / "DANH_MUC.txt").read_text("utf-8-sig")
    assert "3. Dữ liệu để Sở Nội vụ tổng hợp (máy đọc) (1 tệp)" in index and DATA_FILE in index
    assert verify_package(result.folder).ok and verify_package(result.zip_path).ok
    data = _read(result.folder)
    assert (data.commune.name, data.commune.province, data.commune.unit_kind, data.commune.code) == (
        "Hòa Bình Xuân", "Quảng Ngãi", "xa", "")
    assert (data.year, data.period, data.exported_at) == (YEAR, "q3", result.manifest.exported_at)
    assert data.period_label == "9 tháng đầu năm 2026"


def test_the_tasks_carry_the_statuses_the_checklist_shows_on_the_day(demo_store, out):
    """Every task of the 2026 plans is there once, with the status its checkpoints show in the checklist."""
    result = build_package(demo_store, PackageRequest(YEAR, ("plan",), make_zip=False, today=DEMO_DAY), out)
    tasks = _read(result.folder).tasks
    rows: dict[int, list] = {}
    for row in checklist.year_checklist(demo_store, YEAR):
        rows.setdefault(row.task_id, []).append(row)
    titles = {row.task_id: " ".join(row.title.split()) for row_list in rows.values() for row in row_list}
    assert len(tasks) == len(rows) == 25
    expected = sorted((titles[task_id], _expected_status(found), len(found)) for task_id, found in rows.items())
    assert sorted((task.title, task.status, task.checkpoints_total) for task in tasks) == expected
    assert {task.status for task in tasks} >= {"done", "overdue", "in_progress", "planned"}
    assert all(task.done_on for task in tasks if task.status == "done")
    assert tasks[0].plan == "Kế hoạch cải cách hành chính năm 2026 (số 05/KH-UBND)" and tasks[0].timeframe


def test_the_self_scores_are_the_score_sheet(demo_store, out):
    """The set's identity and every line's maximum, points, N/A and comment are the score sheet's, totals equal."""
    result = build_package(demo_store, PackageRequest(YEAR, ("plan",), make_zip=False, today=DEMO_DAY), out)
    scoring = _read(result.folder).scoring
    sheet = score_sheet(demo_store, YEAR, DEMO_DAY)
    assert (scoring.set_name, scoring.issuer, scoring.decision) == (sheet.set_name, sheet.set_issuer, sheet.set_decision)
    assert len(scoring.version) == 16 and scoring.ratings
    assert [(line.code, line.max_points, line.points, line.not_applicable, line.comment) for line in scoring.lines] == [
        (line.code, line.max_points, line.points if line.is_leaf else None, line.not_applicable, line.comment)
        for line in sheet.lines]
    assert scoring.totals().total == sheet.total and scoring.rating(scoring.totals()) == sheet.rating


def test_the_nominations_and_the_decision_of_2026(demo_store, out):
    """The 15 nominations with the council's votes and who grants each (2026: NĐ 129/2025, the commune), and
    QĐ 61/QĐ-UBND with each award and its money."""
    result = build_package(demo_store, PackageRequest(YEAR, ("plan",), make_zip=False, today=DEMO_DAY), out)
    data = _read(result.folder)
    assert len(data.proposals) == 15
    assert all(item.votes_for is not None and item.votes_total and item.vote_text for item in data.proposals)
    mai = next(item for item in data.proposals if item.nominee == "Lê Thị Mai" and item.award_key == "cstdcs")
    assert (mai.title, mai.authority, mai.votes_for, mai.votes_total) == ("Chiến sĩ thi đua cơ sở", "Chủ tịch UBND xã", 9, 9)
    assert mai.dossier == "Tờ trình số 236/TTr-UBND ngày 03/12/2026"
    [decision] = data.decisions
    assert (decision.number, decision.signed_on) == ("61/QĐ-UBND", "2026-12-04")
    assert len(decision.awards) == 14 and all(award.amount > 0 for award in decision.awards)
    assert {award.nominee for award in decision.awards} <= {item.nominee for item in data.proposals}


def test_a_data_file_changed_after_export_fails_verification(demo_store, out):
    """One digit changed in du-lieu-cchc.json: verify names the file, as any paper."""
    result = build_package(demo_store, PackageRequest(YEAR, ("plan",), make_zip=False, today=DEMO_DAY), out)
    target = result.folder / DATA_FILE
    target.write_bytes(target.read_bytes().replace(b'"points": "3"', b'"points": "4"', 1))
    check = verify_package(result.folder)
    assert not check.ok and check.changed == (DATA_FILE,)


def test_the_profile_code_and_a_package_without_report(demo_store, out):
    """The code typed on the profile goes into the data file; a package without the report has no period."""
    set_profile_field(demo_store, "commune_code", "21550")
    result = build_package(demo_store, PackageRequest(YEAR, ("plan",), make_zip=False, today=DEMO_DAY), out)
    data = _read(result.folder)
    assert data.commune.code == "21550" and data.commune.key == "ma:21550"
    assert data.period == "" and result.manifest.period == ""


class _Point:
    def __init__(self, status: str, due: date | None) -> None:
        self.status, self.due = status, due


@pytest.mark.parametrize(("points", "expected"), [
    ((), "planned"),
    ((("skipped", None), ("skipped", None)), "cancelled"),
    ((("done", date(2026, 3, 31)), ("todo", date(2026, 6, 30))), "overdue"),
    ((("done", date(2026, 3, 31)), ("skipped", None)), "done"),
    ((("doing", date(2026, 12, 31)),), "in_progress"),
    ((("done", date(2026, 3, 31)), ("todo", date(2026, 12, 31))), "in_progress"),
    ((("todo", date(2026, 12, 31)),), "planned"),
])
def test_a_task_status_from_its_checkpoints(points, expected):
    """A task is overdue as soon as one checkpoint is past due and unfinished, done when all are finished."""
    assert task_status([_Point(status, due) for status, due in points], DEMO_DAY) == expected
