"""Issue 21's round trip across both ends, on the demo's real package: the commune exports, the province
consolidates and appraises, its result file goes back, and the commune's sheet and paper show both scores."""

from __future__ import annotations

import shutil
from datetime import datetime
from decimal import Decimal

from pypdf import PdfReader

from app.paths import DataFolder
from app.store import Store
from app.exporters.package import PackageRequest, build_package
from app.exporters.scoring_files import write_scoring_files
from app.exchange.appraisal_result import write_appraisal_file
from app.receiving import queries
from app.receiving.appraisal import result_for, set_province_appraisal
from app.receiving.ingest import consolidate
from app.services.appraisal_import import import_appraisal_file
from app.services.score_sheet import score_sheet
from tests.conftest import DEMO_DAY

YEAR = 2026


def _text(path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def _province_store(template_database, root):
    """The province's own receiving folder (a province is not a commune: never the commune's folder)."""
    folder = DataFolder(root)
    folder.create()
    shutil.copyfile(template_database, folder.database)
    return Store(folder)


def test_the_province_appraisal_comes_back_to_the_commune(demo_store, template_database, tmp_path):
    """Export → consolidate → two criteria appraised → KQTD zip → imported: appraised points and notes beside the
    commune's own, on its sheet and in its self-scoring PDF; the province's ranking reads the appraised total."""
    store = _province_store(template_database, tmp_path / "tong-hop")
    (tmp_path / "usb").mkdir()
    package = build_package(demo_store, PackageRequest(YEAR, ("plan", "scores"), today=DEMO_DAY), tmp_path / "usb",
                            now=datetime(2026, 12, 6, 9, 0))
    report = consolidate(store, [package.zip_path])
    assert [line.status for line in report.lines] == ["ok"]
    [row] = queries.ranking(store, YEAR)
    own = score_sheet(demo_store, YEAR, DEMO_DAY)
    leaves = [line for line in own.lines if line.is_leaf and line.points and line.max_points][:2]
    lowered = leaves[0].points - Decimal("0.5")
    set_province_appraisal(store, row.commune_key, YEAR, leaves[0].code, lowered, "Thiếu biên bản kiểm tra quý III")
    set_province_appraisal(store, row.commune_key, YEAR, leaves[1].code, leaves[1].points, "Đạt")
    [ranked] = queries.ranking(store, YEAR)
    assert ranked.appraised_total == ranked.self_total - Decimal("0.5")

    (tmp_path / "ve-xa").mkdir()
    written = write_appraisal_file(result_for(store, row.commune_key, YEAR), tmp_path / "ve-xa")
    assert import_appraisal_file(demo_store, written).value.count == 2

    sheet = score_sheet(demo_store, YEAR, DEMO_DAY)
    first = next(line for line in sheet.lines if line.code == leaves[0].code)
    assert (first.points, first.appraised, first.appraisal_note) == (leaves[0].points, lowered,
                                                                     "Thiếu biên bản kiểm tra quý III")
    assert sheet.appraised.total == ranked.appraised_total and sheet.total == ranked.self_total
    [pdf] = write_scoring_files(demo_store, YEAR, tmp_path / "giay", ("pdf",), today=DEMO_DAY)
    text = _text(pdf)
    assert "Điểm thẩm định" in text and "Thiếu biên bản kiểm tra quý III" in text
    store.close()
