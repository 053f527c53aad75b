"""Đăng ký thi đua: the grid of collectives and officials × titles, its undo, the Excel import and template."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.services.officials import OfficialData, add_official
from app.services.registers import save_collective
from app.services.registration import HEADER, SHEET, Registration, read_registration_workbook, registrations
from ui.dialogs.registration_dialog import RegistrationDialog
from ui.models.registration_model import Subject
from ui.journal_undo import JournalUndoStack

YEAR = 2025
MAI, HUNG, DESK = "Lê Thị Mai", "Trần Văn Hùng", "Bộ phận Một cửa"


@pytest.fixture
def commune(store):
    """Two officials and one collective; ids by name."""
    ids = {name: add_official(store, OfficialData(name, position="Công chức")).value.id for name in (MAI, HUNG)}
    ids[DESK] = save_collective(store, DESK, "VP-TK").value.id
    return store, ids


def _dialog(qtbot, store):
    told = []
    stack = JournalUndoStack(store, told.append)
    dialog = RegistrationDialog(store, stack, told.append, None, YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, stack, told


def _cell(dialog, name: str, award_name: str):
    model = dialog.model
    row = next(number for number, item in enumerate(model.rows) if isinstance(item, Subject) and item.name == name)
    column = 1 + next(number for number, (_key, kind) in enumerate(model.kinds) if kind.name == award_name)
    return model.index(row, column)


def test_the_grid_lists_collectives_then_officials_against_the_titles(qtbot, commune):
    """Rows: the "Tập thể" heading, the desk, "Cá nhân", the officials by given name; columns: the four titles
    (no Giấy khen, which is not a title)."""
    store, _ids = commune
    dialog, _stack, _told = _dialog(qtbot, store)
    model = dialog.model
    assert [row if isinstance(row, str) else row.name for row in model.rows] == [
        "Tập thể (1)", DESK, "Cá nhân (2)", HUNG, MAI]  # by given name
    assert [kind.name for _key, kind in model.kinds] == [
        "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến", "Tập thể lao động xuất sắc"]
    assert dialog.windowTitle() == "Đăng ký thi đua năm 2025"
    assert dialog.count.text() == "0 cá nhân, 0 tập thể đã đăng ký"


def test_a_tick_registers_and_undo_takes_it_back(qtbot, commune):
    """Clicking Mai's "Lao động tiên tiến" cell registers her (one undo step, the screens told); undo unregisters."""
    store, ids = commune
    dialog, stack, told = _dialog(qtbot, store)
    index = _cell(dialog, MAI, "Lao động tiên tiến")
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=dialog.table.visualRect(index).center())
    assert registrations(store, YEAR) == {Registration("official", ids[MAI], "ldtt")}
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert stack.count() == 1 and told and dialog.count.text() == "1 cá nhân, 0 tập thể đã đăng ký"
    qtbot.mouseClick(dialog.buttons["undo"], Qt.MouseButton.LeftButton)
    assert registrations(store, YEAR) == set()
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    stack.redo()
    assert registrations(store, YEAR) == {Registration("official", ids[MAI], "ldtt")}


def test_a_collective_title_cannot_be_ticked_on_an_officials_row(qtbot, commune, errors_shown):
    """"Tập thể lao động tiên tiến" on Mai's row is greyed, not checkable, and a tick there does nothing."""
    store, _ids = commune
    dialog, stack, _told = _dialog(qtbot, store)
    index = _cell(dialog, MAI, "Tập thể lao động tiên tiến")
    assert not index.flags() & Qt.ItemFlag.ItemIsUserCheckable and not index.flags() & Qt.ItemFlag.ItemIsEnabled
    assert index.data(Qt.ItemDataRole.CheckStateRole) is None
    assert not dialog.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert _cell(dialog, DESK, "Tập thể lao động tiên tiến").flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not _cell(dialog, DESK, "Lao động tiên tiến").flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert registrations(store, YEAR) == set() and stack.count() == 0 and errors_shown == []


def _workbook(path, rows) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append(list(row))
    book.save(path)


def test_import_replaces_the_year_after_asking_and_is_undone(qtbot, commune, tmp_path, monkeypatch):
    """A workbook of 2 rows replaces Hùng's tick after "Thay danh sách đăng ký năm 2025 bằng 2 dòng?"; undo
    brings Hùng's back."""
    store, ids = commune
    dialog, stack, _told = _dialog(qtbot, store)
    dialog.model.setData(_cell(dialog, HUNG, "Chiến sĩ thi đua cơ sở"), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    hung = {Registration("official", ids[HUNG], "cstdcs")}
    path = tmp_path / "dang-ky.xlsx"
    _workbook(path, [(2025, MAI, "Cá nhân", "Lao động tiên tiến"),
                     (2025, DESK, "Tập thể", "Tập thể lao động tiên tiến")])
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kw: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    assert dialog.import_workbook(path)
    assert asked and asked[0].startswith("Thay danh sách đăng ký năm 2025") and "bằng 2 dòng" in asked[0]
    wanted = {Registration("official", ids[MAI], "ldtt"), Registration("collective", ids[DESK], "ttldtt")}
    assert registrations(store, YEAR) == wanted
    assert dialog.count.text() == "1 cá nhân, 1 tập thể đã đăng ký"
    stack.undo()
    assert registrations(store, YEAR) == hung
    stack.redo()
    assert registrations(store, YEAR) == wanted


def test_a_bad_workbook_changes_nothing_and_names_the_row(qtbot, commune, tmp_path, errors_shown):
    """A row naming someone not in the lists: the error names row 2; the year's registration is unchanged."""
    store, _ids = commune
    dialog, stack, _told = _dialog(qtbot, store)
    path = tmp_path / "sai.xlsx"
    _workbook(path, [(2025, "Người Lạ", "Cá nhân", "Lao động tiên tiến")])
    assert not dialog.import_workbook(path, confirm=True)
    assert len(errors_shown) == 1 and stack.count() == 0 and registrations(store, YEAR) == set()


def test_the_template_has_the_import_header_and_reads_back(qtbot, commune, tmp_path, no_modal_boxes):
    """"Tải tệp mẫu…" writes the HEADER row; filled in with one row it imports as that registration."""
    store, ids = commune
    dialog, _stack, _told = _dialog(qtbot, store)
    path = dialog.save_template(tmp_path / "mau.xlsx")
    assert path is not None and [title for title, _text in no_modal_boxes] == ["Đã lưu tệp mẫu"]
    book = load_workbook(path)
    sheet = book[SHEET]
    assert tuple(cell.value for cell in sheet[1]) == HEADER
    for column, value in enumerate((2025, HUNG, "Cá nhân", "Chiến sĩ thi đua cơ sở"), start=1):
        sheet.cell(row=2, column=column, value=value)
    book.save(path)
    assert read_registration_workbook(store, path, YEAR) == [Registration("official", ids[HUNG], "cstdcs")]


def test_print_writes_the_registration_list(qtbot, commune, tmp_path, monkeypatch, errors_shown):
    """"In danh sách…" writes the year's list (PDF, Word, Excel) into the folder."""
    pytest.importorskip("app.exporters.decision_files", reason="the registration list exporter is not written yet")
    store, _ids = commune
    dialog, _stack, _told = _dialog(qtbot, store)
    dialog.model.setData(_cell(dialog, MAI, "Lao động tiên tiến"), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    written = dialog.print_list(str(tmp_path / "out"))
    assert sorted(path.name for path in written) == ["DangKyThiDua-2025.docx", "DangKyThiDua-2025.pdf",
                                                     "DangKyThiDua-2025.xlsx"]
    assert errors_shown == []


def test_the_grid_keeps_qt_rules(qtmodeltester, qtbot, demo_store):
    """The registration model passes Qt's model checks on the demo commune."""
    dialog, _stack, _told = _dialog(qtbot, demo_store)
    qtmodeltester.check(dialog.model)
