"""“Nhập kết quả thẩm định…” on the scoring page and in the Tệp menu: the province's file chosen, the summary
said, the sheet showing the appraised points; another commune's file refused with nothing changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.exchange.appraisal_result import write_appraisal_file
from app.exchange.package_data import CommuneInfo
from app.services import undo
from tests.app.services.test_appraisal_import import result_for
from tests.conftest import DEMO_DAY
from ui.journal_undo import JournalUndoStack
from ui.pages.scoring_page import ScoringPage
from ui.scoring.tree_model import APPRAISED

from .conftest import open_window


def _page(qtbot, store):
    holder = {}
    stack = JournalUndoStack(store, lambda changes: holder["page"].refresh(changes))
    page = ScoringPage(store, stack, stack.notify, today=DEMO_DAY)
    holder["page"] = page
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    qtbot.waitUntil(lambda: page.sheet is not None)
    return page, stack


def _choose(monkeypatch, path, asked: list) -> None:
    def chooser(parent, title, folder, filters):
        asked.append(filters)
        return str(path), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", chooser)


def test_the_page_button_imports_the_chosen_file_and_shows_it(qtbot, demo_store, tmp_path, monkeypatch,
                                                              no_modal_boxes):
    """The button asks for a .zip, says what was taken, and the tree shows the appraised points; one undo step."""
    result = result_for(demo_store)
    asked: list = []
    _choose(monkeypatch, write_appraisal_file(result, tmp_path), asked)
    page, stack = _page(qtbot, demo_store)
    assert page.appraisal_button.text() == "Nhập kết quả thẩm định…"
    qtbot.mouseClick(page.appraisal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.sheet.has_appraisal)
    assert "(*.zip)" in asked[0]
    assert no_modal_boxes[0][0] == "Đã nhập kết quả thẩm định" and "2 tiêu chí có điểm thẩm định" in no_modal_boxes[0][1]
    assert page.sheet.year == 2026 and "thẩm định" in page.summary.text()
    first = next(line for line in page.sheet.lines if line.code == result.lines[0].code)
    assert page.model.index_of(first.criterion_id, APPRAISED).data() == f"{result.lines[0].points}".replace(".", ",")
    assert undo.next_steps(demo_store)[0] == "Nhập kết quả thẩm định năm 2026"


def test_another_communes_file_is_refused_on_the_page(qtbot, demo_store, tmp_path, monkeypatch, errors_shown):
    """A result for Xã An Phú: the error names both communes and the sheet keeps no appraisal."""
    _choose(monkeypatch, write_appraisal_file(result_for(demo_store, CommuneInfo("An Phú", "Quảng Ngãi")), tmp_path), [])
    page, _stack = _page(qtbot, demo_store)
    page.import_appraisal()
    qtbot.waitUntil(lambda: errors_shown != [])
    assert "Xã An Phú" in errors_shown[0] and "Xã Hòa Bình Xuân" in errors_shown[0]
    assert not page.sheet.has_appraisal


def test_the_file_menu_entry_opens_the_scoring_page_and_imports(qtbot, demo_store, tmp_path, monkeypatch):
    """Tệp → “Nhập kết quả thẩm định…” goes to the scoring page, which then shows the appraisal."""
    _choose(monkeypatch, write_appraisal_file(result_for(demo_store), tmp_path), [])
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a, **k: said.append(text))
    window = open_window(qtbot, demo_store)
    qtbot.waitUntil(lambda: any(action.text().replace("&", "") == "Nhập kết quả thẩm định…"
                                for menu in window.menuBar().actions() for action in menu.menu().actions()))
    entry = next(action for menu in window.menuBar().actions() for action in menu.menu().actions()
                 if action.text().replace("&", "") == "Nhập kết quả thẩm định…")
    entry.trigger()
    qtbot.waitUntil(lambda: said != [])
    page = window.page(ScoringPage)
    assert window.stack.currentWidget() is page and page.sheet is not None and page.sheet.has_appraisal
    window.close()
