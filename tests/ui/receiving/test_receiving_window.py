"""The receiving (Tổng hợp) window on a real receiving data folder with real packages: take in, rank,
appraise with undo, open a paper, export the result file and the year's summary."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from app.exchange.appraisal_result import read_appraisal_file
from app.receiving.folder_kind import mark_receiving
from tests.fixtures.received_packages import commune_data, tamper, write_package
from ui.receiving import actions
from ui.receiving.appraisal_tree import NOTE, POINTS
from ui.receiving.window import ReceivingWindow


@pytest.fixture
def window(qtbot, store):
    """The receiving window attached to a real (migrated, empty) receiving data folder."""
    mark_receiving(store.folder)
    shown = ReceivingWindow(store.folder)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    shown.attach(store)
    yield shown
    if shown.commune_view is not None:
        shown.commune_view.close()


@pytest.fixture
def packages(tmp_path) -> Path:
    """Three communes' packages: An Phú 18 points, Bình Minh 17, Cát Tiên tampered."""
    folder = tmp_path / "goi-nhan-duoc"
    write_package(commune_data("An Phú", {"1.1": "5", "1.2": "4", "2.1": "8", "3.1": "1"}), folder)
    write_package(commune_data("Bình Minh", {"1.1": "4", "1.2": "4", "2.1": "9", "3.1": "0"}), folder)
    tamper(write_package(commune_data("Cát Tiên", {"1.1": "5", "1.2": "5", "2.1": "10", "3.1": "2"}), folder))
    return folder


@pytest.fixture
def written(monkeypatch):
    """The files each export reports (instead of the box that offers to open them)."""
    found: list[Path] = []
    monkeypatch.setattr(actions, "report_written", lambda parent, title, folder, files: found.extend(files))
    return found


def _shown(view) -> list[list[str]]:
    model = view.model()
    return [[model.index(row, column).data() or "" for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def _ranks(window) -> list[tuple[str, str]]:
    window.communes_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return [(row[0], row[1]) for row in _shown(window.communes_view)]


def _open(window, qtbot, commune: str):
    view = window.communes_view
    row = next(n for n, cells in enumerate(_shown(view)) if cells[1] == commune)
    view.setCurrentIndex(view.model().index(row, 0))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.commune_view is not None and window.commune_view.isVisible())
    return window.commune_view


def test_a_folder_of_three_packages_ranks_two_and_shows_the_refusal(window, packages):
    """Three packages, one tampered: two communes ranked by score, the tampered one refused by file name."""
    actions.take_in(window, [packages])
    assert window.year() == 2026
    assert _ranks(window) == [("1", "Xã An Phú"), ("2", "Xã Bình Minh")]
    refused = [row for row in _shown(window.packages_view) if row[6] == "Bị từ chối"]
    assert [row[0] for row in refused] == ["CCHC_CatTien_2026_year.zip"] and "không khớp" in refused[0][7]
    assert "bị từ chối 1" in window.statusBar().currentMessage()


def test_the_filter_box_keeps_the_communes_typed_without_tones(window, packages, qtbot):
    """Typing "binh" leaves only Bình Minh in the ranking."""
    actions.take_in(window, [packages])
    window.filter_box.setText("binh")
    assert [row[1] for row in _shown(window.communes_view)] == ["Xã Bình Minh"]


def test_an_appraised_score_reranks_and_ctrl_z_brings_it_back(window, packages, qtbot):
    """An Phú appraised 5 instead of 8 falls below Bình Minh; Hoàn tác (Ctrl+Z) restores the ranking."""
    actions.take_in(window, [packages])
    dialog = _open(window, qtbot, "Xã An Phú")
    item = dialog.tree.items["2.1"]
    item.setText(NOTE, "Thiếu 3 thủ tục chưa công khai")
    item.setText(POINTS, "5")
    assert _ranks(window) == [("1", "Xã Bình Minh"), ("2", "Xã An Phú")]
    assert "Thẩm định: <b>15</b>" in dialog.totals.text()
    undo = window.findChild(QAction, "undo")
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo) and "Thẩm định" in undo.text()
    undo.trigger()
    assert _ranks(window) == [("1", "Xã An Phú"), ("2", "Xã Bình Minh")]
    assert dialog.tree.items["2.1"].text(POINTS) == "" and "Chưa thẩm định" in dialog.totals.text()


def test_a_score_over_the_maximum_is_refused_and_the_cell_goes_back(window, packages, qtbot, errors_shown):
    """12 points on a 10-point criterion: the refusal says the range, nothing is stored, the cell is empty."""
    actions.take_in(window, [packages])
    dialog = _open(window, qtbot, "Xã Bình Minh")
    dialog.tree.items["2.1"].setText(POINTS, "12")
    assert errors_shown and "từ 0 đến 10" in errors_shown[0]
    assert dialog.tree.items["2.1"].text(POINTS) == ""
    assert _ranks(window)[1] == ("2", "Xã Bình Minh")


def test_the_result_file_exported_reads_back_with_the_appraised_points(window, packages, qtbot, tmp_path, written):
    """Xuất kết quả thẩm định from the commune's view writes KQTD_AnPhu_2026.zip that reads back its points."""
    actions.take_in(window, [packages])
    dialog = _open(window, qtbot, "Xã An Phú")
    dialog.tree.items["1.2"].setText(POINTS, "3,5")
    out = tmp_path / "ket-qua"
    out.mkdir()
    [path] = dialog.export_result(out)
    assert path.name == "KQTD_AnPhu_2026.zip" and written == [path]
    result = read_appraisal_file(path)
    assert [(line.code, line.points) for line in result.lines] == [("1.2", Decimal("3.5"))]
    assert result.total == Decimal("17.5")


def test_the_main_table_exports_every_appraised_commune_at_once(window, packages, qtbot, tmp_path, written):
    """With two communes appraised, Xuất kết quả thẩm định writes one file for each."""
    actions.take_in(window, [packages])
    for commune in ("Xã An Phú", "Xã Bình Minh"):
        _open(window, qtbot, commune).tree.items["3.1"].setText(POINTS, "0")
    out = tmp_path / "ket-qua"
    out.mkdir()
    paths = actions.export_results(window, folder=out)
    assert sorted(path.name for path in paths) == ["KQTD_AnPhu_2026.zip", "KQTD_BinhMinh_2026.zip"]


def test_a_paper_of_the_package_is_taken_out_and_opened(window, packages, qtbot, monkeypatch):
    """Mở on the first paper writes exactly the bytes the package holds and hands them to the system."""
    opened = []
    monkeypatch.setattr("ui.system_open.open_path", lambda path: opened.append(path) or True)
    actions.take_in(window, [packages])
    dialog = _open(window, qtbot, "Xã An Phú")
    assert dialog.papers.rowCount() == 2  # the data file is no paper
    dialog.papers.selectRow(0)
    path = dialog.open_paper()
    with zipfile.ZipFile(packages / "CCHC_AnPhu_2026_year.zip") as archive:
        assert path.read_bytes() == archive.read(f"CCHC_AnPhu_2026_year/{path.name}")
    assert opened == [path]


def test_the_lists_of_tasks_and_proposals_show_what_the_commune_sent(window, packages, qtbot):
    """Kế hoạch lists the three tasks with their statuses; Khen thưởng the one nominee."""
    actions.take_in(window, [packages])
    dialog = _open(window, qtbot, "Xã Bình Minh")
    assert dialog.tabs.tabText(2) == "&Kế hoạch (3)" and dialog.tabs.tabText(3) == "Khen &thưởng (1)"
    tasks = dialog.tabs.widget(2)
    assert [tasks.item(row, 4).text() for row in range(3)] == ["Hoàn thành", "Hoàn thành", "Quá hạn"]


def test_the_summary_workbook_and_paper_are_written(window, packages, tmp_path, written):
    """Xuất bảng tổng hợp writes TongHop-CCHC-2026.xlsx and its PDF paper into the chosen folder."""
    actions.take_in(window, [packages])
    out = tmp_path / "bao-cao"
    out.mkdir()
    paths = actions.export_summary(window, out)
    assert [path.name for path in paths] == ["TongHop-CCHC-2026.xlsx", "BaoCao-TongHop-CCHC-2026.pdf"]
    assert all(path.stat().st_size > 0 for path in paths) and written == paths


def test_the_office_named_shows_in_the_title_and_undoes(window):
    """Naming the office puts it in the window's title; Hoàn tác gives the default back."""
    assert actions.name_office(window, ("Sở Nội vụ tỉnh Quảng Ngãi", "Quảng Ngãi"))
    assert window.windowTitle() == "CCHC Xã — Tổng hợp (Sở Nội vụ tỉnh Quảng Ngãi)"
    window.findChild(QAction, "undo").trigger()
    assert window.windowTitle() == "CCHC Xã — Tổng hợp (Sở Nội vụ)"


def test_the_office_form_refuses_an_empty_name_and_stays_open(qtbot, store):
    """Lưu with no name keeps the form open with the reason in Vietnamese."""
    from app.receiving.appraisal import set_receiving_office
    from ui.receiving.office_dialog import OfficeDialog

    dialog = OfficeDialog(None, "", "", save=lambda values: set_receiving_office(store, *values))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "để trống" in dialog.findChild(type(dialog.message), "message").text() and dialog.result_value is None
    dialog.name_edit.setText("Sở Nội vụ tỉnh Quảng Ngãi")
    dialog.signer_edit.setText("  Nguyễn   Văn Bình ")
    dialog.accept()
    assert dialog.result_value
    from app.receiving import queries

    assert queries.receiving_signer(store) == "Nguyễn Văn Bình"


def test_every_menu_entry_has_its_own_alt_letter(window):
    """Each menu's entries carry distinct mnemonics, and Mở thư mục gói is Ctrl+O."""
    for menu in window.menuBar().findChildren(type(window.menuBar().addMenu("x"))):
        letters = [action.text().split("&")[1][0].lower() for action in menu.actions()
                   if action.text() and "&" in action.text()]
        assert len(letters) == len(set(letters))
    assert window.findChild(QAction, "take_in_folder").shortcut() == QKeySequence("Ctrl+O")


def test_the_first_start_asks_the_office_once(window, monkeypatch):
    """With no office named the start asks for it; named, it does not ask again."""
    from ui.receiving.office_dialog import OfficeDialog
    from ui.receiving.start import ask_office_once

    asked = []

    def fill(dialog) -> int:
        asked.append(dialog)
        dialog.name_edit.setText("Sở Nội vụ tỉnh Quảng Ngãi")
        dialog.accept()
        return 1

    monkeypatch.setattr(OfficeDialog, "exec", fill)
    ask_office_once(window)
    ask_office_once(window)
    assert len(asked) == 1 and window.windowTitle() == "CCHC Xã — Tổng hợp (Sở Nội vụ tỉnh Quảng Ngãi)"


def test_hủy_stops_between_packages_and_keeps_those_checked(window, packages, monkeypatch, errors_shown):
    """"Hủy" pressed while the first package is checked: that one is kept, the others wait for the next run."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from app.receiving import ingest

    pressed, real = threading.Event(), ingest.examine

    def gated(path):
        found = real(path)
        assert pressed.wait(20)
        return found

    def press_hủy():
        box = window.findChild(QProgressDialog, "runner_progress")
        if box is None or not box.labelText().startswith("Đang kiểm tra gói 1/3"):
            QTimer.singleShot(10, press_hủy)
            return
        box.findChild(QPushButton).click()
        pressed.set()

    monkeypatch.setattr(ingest, "examine", gated)
    QTimer.singleShot(0, press_hủy)
    found = actions.take_in(window, [packages])
    assert found.cancelled and len(found.lines) == 1 and window.packages_filter.rowCount() == 1
    assert "Đã dừng theo yêu cầu" in window.statusBar().currentMessage() and errors_shown == []


def test_ctrl_z_in_the_commune_view_undoes_the_appraisal_typed_there(window, packages, qtbot):
    """The commune view is a window of its own: Ctrl+Z pressed in it still undoes its last appraisal."""
    actions.take_in(window, [packages])
    dialog = _open(window, qtbot, "Xã An Phú")
    dialog.tree.items["2.1"].setText(POINTS, "5")
    assert _ranks(window)[0] == ("1", "Xã Bình Minh")
    dialog.activateWindow()
    dialog.tree.setFocus()
    qtbot.waitUntil(dialog.tree.hasFocus)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _ranks(window)[0] == ("1", "Xã An Phú"))
    assert dialog.tree.items["2.1"].text(POINTS) == ""


def test_column_widths_come_back_in_the_next_window(window, qtbot, store):
    """A column widened in the ranking is as wide in the next window on the same folder."""
    window.communes_view.setColumnWidth(2, 222)
    qtbot.waitUntil(lambda: "receiving-communes" in store.folder.window_settings.read_text(encoding="utf-8")
                    if store.folder.window_settings.exists() else False)
    again = ReceivingWindow(store.folder)
    qtbot.addWidget(again)
    again.attach(store)
    assert again.communes_view.columnWidth(2) == 222


def test_the_year_selector_shows_each_years_communes(window, packages):
    """Packages of 2025 and 2026: the newest year first; choosing 2025 lists its one commune."""
    write_package(commune_data("Đông Sơn", {"1.1": "3"}, year=2025, exported_at="2025-12-10T09:00:00+07:00"),
                  packages)
    actions.take_in(window, [packages])
    assert [window.year_box.itemText(n) for n in range(window.year_box.count())] == ["2026", "2025"]
    window.year_box.setCurrentIndex(1)
    assert [row[1] for row in _shown(window.communes_view)] == ["Xã Đông Sơn"]
