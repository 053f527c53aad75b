"""The appraisal round trip at the commune's end: the province's result file for the demo's 2026 scoring is
imported in one step, shown beside the self-scores and printed; another commune's result changes nothing."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.errors import UserError
from app.exchange.appraisal_result import AppraisalLine, AppraisalResult, write_appraisal_file
from app.exchange.package_data import CommuneInfo
from app.exporters.scoring_files import write_scoring_files
from app.queries.package_data import year_scoring
from app.services import undo
from app.services.appraisal_import import import_appraisal_file, same_commune
from app.services.profile import set_profile_field
from app.services.score_sheet import score_sheet
from tests.conftest import DEMO_DAY

YEAR = 2026
HOME = CommuneInfo("Hòa Bình Xuân", "Quảng Ngãi")


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def result_for(store, commune: CommuneInfo = HOME, year: int = YEAR, version: str | None = None) -> AppraisalResult:
    """The province's appraisal of the year's first two scored leaves: one lowered with a note, one kept."""
    scoring = year_scoring(store, YEAR, DEMO_DAY)
    leaves = [line for line in scoring.lines if line.is_leaf and line.points and line.max_points][:2]
    lines = (AppraisalLine(leaves[0].code, leaves[0].points - Decimal("0.5"), "Thiếu biên bản kiểm tra quý III"),
             AppraisalLine(leaves[1].code, leaves[1].points, "Đạt"))
    return AppraisalResult(commune, year, scoring.set_name, version or scoring.version, "Sở Nội vụ tỉnh Quảng Ngãi",
                           "2027-01-20", lines, Decimal("80.5"), "Khá")


def _dump(store) -> list[tuple]:
    with sqlite3.connect(store.folder.database) as connection:
        return connection.execute("SELECT * FROM score_entry ORDER BY id").fetchall()


def test_the_result_is_shown_beside_the_self_scores_and_printed(demo_store, tmp_path):
    """Written by the province's writer, imported: the sheet and the self-scoring PDF show both columns."""
    result = result_for(demo_store)
    written = write_appraisal_file(result, tmp_path)
    done = import_appraisal_file(demo_store, written)
    assert done.value.count == 2 and done.value.warnings == ()
    assert "Đã nhập kết quả thẩm định năm 2026 của Sở Nội vụ tỉnh Quảng Ngãi ngày 20/01/2027" in done.value.summary()
    sheet = score_sheet(demo_store, YEAR, DEMO_DAY)
    first, second = (next(line for line in sheet.lines if line.code == item.code) for item in result.lines)
    assert (first.appraised, first.appraisal_note) == (result.lines[0].points, "Thiếu biên bản kiểm tra quý III")
    assert first.points == result.lines[0].points + Decimal("0.5") and second.appraised == second.points
    assert sheet.has_appraisal and sheet.appraised.total == sheet.total - Decimal("0.5")
    [pdf] = write_scoring_files(demo_store, YEAR, tmp_path / "giay", ("pdf",), today=DEMO_DAY)
    text = _pdf_text(pdf)
    assert "Điểm tự chấm" in text and "Điểm thẩm định" in text and "Thiếu biên bản kiểm tra quý III" in text


def test_one_undo_takes_the_whole_result_back(demo_store, tmp_path):
    """The import is one step in the Edit menu: undone, no appraisal is left."""
    before = _dump(demo_store)
    import_appraisal_file(demo_store, write_appraisal_file(result_for(demo_store), tmp_path))
    assert undo.next_steps(demo_store)[0] == "Nhập kết quả thẩm định năm 2026"
    undo.undo(demo_store)
    assert _dump(demo_store) == before


def test_another_communes_result_is_refused_and_nothing_changes(demo_store, tmp_path):
    """A result for Xã An Phú is refused naming both communes; the scores stay as they were."""
    before = _dump(demo_store)
    written = write_appraisal_file(result_for(demo_store, CommuneInfo("An Phú", "Quảng Ngãi")), tmp_path)
    with pytest.raises(UserError) as refused:
        import_appraisal_file(demo_store, written)
    message = refused.value.message
    assert "Xã An Phú, tỉnh Quảng Ngãi" in message and "Xã Hòa Bình Xuân, tỉnh Quảng Ngãi" in message
    assert "chưa nhập gì" in message and _dump(demo_store) == before


def test_the_code_decides_when_both_sides_know_it(demo_store, tmp_path):
    """The same name with another administrative code is another commune; a code only the result knows matches."""
    assert same_commune(replace(HOME, code="21550"), HOME)
    set_profile_field(demo_store, "commune_code", "21550")
    with pytest.raises(UserError, match="không phải của"):
        import_appraisal_file(demo_store, write_appraisal_file(result_for(demo_store, replace(HOME, code="99999")),
                                                               tmp_path))
    assert import_appraisal_file(demo_store, write_appraisal_file(result_for(demo_store, replace(HOME, code="21550")),
                                                                  tmp_path)).value.count == 2


def test_a_year_not_scored_is_refused(demo_store, tmp_path):
    """A result for 2030, which the commune has not scored, says so and saves nothing."""
    before = _dump(demo_store)
    with pytest.raises(UserError, match="Năm 2030 xã chưa tự chấm điểm"):
        import_appraisal_file(demo_store, write_appraisal_file(result_for(demo_store, year=2030), tmp_path))
    assert _dump(demo_store) == before


def test_another_set_version_is_taken_with_a_warning(demo_store, tmp_path):
    """A result made on another version of the set is imported, and the summary tells the clerk to compare."""
    done = import_appraisal_file(demo_store, write_appraisal_file(result_for(demo_store, version="0" * 16), tmp_path))
    assert done.value.count == 2
    assert "khác phiên bản bộ" in done.value.summary() and "đối chiếu điểm thẩm định" in done.value.summary()


def test_a_package_that_is_not_a_result_is_refused(demo_store, tmp_path):
    """The commune's own package chosen by mistake is named as such."""
    from app.exporters.package import PackageRequest, build_package

    (tmp_path / "usb").mkdir()
    package = build_package(demo_store, PackageRequest(YEAR, ("plan",), today=DEMO_DAY), tmp_path / "usb")
    with pytest.raises(UserError, match="không phải tệp kết quả thẩm định"):
        import_appraisal_file(demo_store, package.zip_path)
