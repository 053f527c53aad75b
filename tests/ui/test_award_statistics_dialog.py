"""Thống kê khen thưởng: counts of the award history by award and by department over a span of years."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from app.services.award_history import RecordData, add_record
from app.services.officials import OfficialData, add_official

pytest.importorskip("app.services.award_statistics", reason="the award statistics service is not written yet")

from ui.dialogs.award_statistics_dialog import TOTAL, AwardStatisticsDialog  # noqa: E402

TODAY = date(2025, 12, 1)


@pytest.fixture
def history(store):
    """Mai (VP-TK): Lao động tiên tiến in 2023, Chiến sĩ thi đua cơ sở in 2025."""
    mai = add_official(store, OfficialData("Lê Thị Mai", department="VP-TK")).value.id
    for year, key, name in ((2023, "ldtt", "Lao động tiên tiến"), (2025, "cstdcs", "Chiến sĩ thi đua cơ sở")):
        add_record(store, RecordData("official", "Lê Thị Mai", year, name, subject_id=mai, award_key=key))
    return store


def _dialog(qtbot, store):
    dialog = AwardStatisticsDialog(store, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_tables_count_each_year_and_the_totals(qtbot, history):
    """2021–2025 by default; each award counted in its year, the "Tổng" column and row add them up."""
    dialog = _dialog(qtbot, history)
    assert (dialog.first.value(), dialog.last.value()) == (2021, 2025)
    awards = dialog.awards_model
    assert awards.HEADERS == ("Danh hiệu, hình thức", "2021", "2022", "2023", "2024", "2025", TOTAL)
    assert awards.value("Lao động tiên tiến", "2023") == 1 and awards.value("Lao động tiên tiến", "2025") == 0
    assert awards.value("Chiến sĩ thi đua cơ sở", "2025") == 1
    assert awards.value("Lao động tiên tiến", TOTAL) == 1 and awards.value(TOTAL, TOTAL) == 2
    assert awards.value(TOTAL, "2023") == 1 and awards.index(0, 4).data() == "–"  # none in 2024
    assert dialog.departments_model.value("VP-TK", TOTAL) == 2
    assert [(bar.label, bar.done) for bar in dialog.chart.bars()] == [
        ("2021", 0), ("2022", 0), ("2023", 1), ("2024", 0), ("2025", 1)]
    assert dialog.message.text().startswith("2 lượt khen thưởng")


def test_a_narrower_span_counts_only_its_years(qtbot, history):
    """From 2024 to 2025 only the 2025 award is counted."""
    dialog = _dialog(qtbot, history)
    dialog.first.setValue(2024)
    assert dialog.awards_model.HEADERS[1:] == ("2024", "2025", TOTAL)
    assert dialog.awards_model.value(TOTAL, TOTAL) == 1
    assert dialog.awards_model.rowCount() == 2  # Chiến sĩ thi đua cơ sở and the totals


def test_a_start_after_the_end_is_said_beside_the_years(qtbot, history, errors_shown):
    """First year after the last: the reason shows in the dialog (no box), the tables empty, export off."""
    dialog = _dialog(qtbot, history)
    dialog.first.setValue(2026)
    assert "sau năm kết thúc" in dialog.message.text() and not dialog.export_button.isEnabled()
    assert dialog.awards_model.rowCount() == 0 and errors_shown == []


def test_export_writes_the_statistics(qtbot, history, tmp_path, monkeypatch, errors_shown):
    """"Xuất Excel…" writes the statistics of the span shown (Excel, and a PDF to print)."""
    pytest.importorskip("app.exporters.decision_files", reason="the statistics exporter is not written yet")
    dialog = _dialog(qtbot, history)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    written = dialog.export(str(tmp_path / "out"))
    assert sorted(path.name for path in written) == ["ThongKeKhenThuong-2021-2025.pdf",
                                                     "ThongKeKhenThuong-2021-2025.xlsx"]
    assert errors_shown == []


def test_the_tables_keep_qt_rules(qtmodeltester, qtbot, history):
    """Both count models pass Qt's model checks."""
    dialog = _dialog(qtbot, history)
    for model in (dialog.awards_model, dialog.departments_model):
        qtmodeltester.check(model)
