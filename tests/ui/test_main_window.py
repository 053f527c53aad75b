"""The main window: navigation, status bar, remembered geometry, backup and restore from the menu."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton

from app import __version__
from app.services.officials import OfficialData, add_official, list_officials
from app.startup import open_store
from ui.main_window import PAGES
from ui.pages.officials_page import OfficialsPage
from .conftest import open_window


def _window(qtbot, store):
    return open_window(qtbot, store)


def _page(window, kind):
    return window.page(kind)


def _menu_action(window, text):
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no menu item {text!r}")


def test_navigation_lists_only_the_parts_that_exist(qtbot, demo_store):
    window = _window(qtbot, demo_store)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [entry.title for entry in PAGES]
    assert {"Kế hoạch", "Theo dõi nhiệm vụ", "Thông tin đơn vị", "Cán bộ, công chức"} <= set(titles)
    window.nav.setCurrentRow(titles.index("Cán bộ, công chức"))
    assert isinstance(window.stack.currentWidget(), OfficialsPage)
    assert window.stack.currentWidget() is _page(window, OfficialsPage)


def test_status_bar_names_the_data_folder_and_last_backup(qtbot, demo_store):
    window = _window(qtbot, demo_store)
    assert str(demo_store.folder.root) in window.folder_label.text()
    assert window.backup_label.text().startswith("Sao lưu gần nhất:")
    assert window.windowTitle() == "Xã Hòa Bình Xuân — CCHC Xã"


def test_menus_are_vietnamese(qtbot, demo_store):
    window = _window(qtbot, demo_store)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Tệp", "&Sửa", "&Xem", "&Báo cáo", "&Khen thưởng", "&Thiết lập", "Trợ &giúp"]


def test_geometry_and_page_are_remembered(qtbot, folder):
    store, _ = open_store(folder, demo=True)
    try:
        first = _window(qtbot, store)
        first.resize(796, 660)
        first.nav.setCurrentRow(2)
        first.close()
        second = _window(qtbot, store)
        # The offscreen screen is 800 px wide: Qt may nudge the width by a frame's worth.
        assert second.height() == 660 and abs(second.width() - 796) <= 4
        assert second.nav.currentRow() == 2
    finally:
        store.close()


def test_backup_now_from_the_menu(qtbot, demo_store, no_modal_boxes):
    window = _window(qtbot, demo_store)
    _menu_action(window, "Sao lưu ngay").trigger()
    assert no_modal_boxes and no_modal_boxes[-1][0] == "Đã sao lưu"
    assert list(demo_store.folder.backups.glob("*_manual.sqlite3"))
    assert "theo yêu cầu" in window.backup_label.text()


def test_restore_from_the_menu_brings_data_back_and_clears_undo(qtbot, demo_store, no_modal_boxes):
    window = _window(qtbot, demo_store)
    officials_page = _page(window, OfficialsPage)
    # Every demo official is named somewhere (a council, a dossier) and cannot be deleted: delete one added now.
    add_official(demo_store, OfficialData("Người Mới Đến", position="Công chức"))
    officials_page.reload()
    names = [officials_page.proxy.index(row, 0).data() for row in range(officials_page.proxy.rowCount())]
    officials_page.table.selectRow(names.index("Người Mới Đến"))
    officials_page.delete_selected()
    assert len(list_officials(demo_store)) == 17 and window.undo_stack.count() == 1
    add_official(demo_store, OfficialData("Người Mới Đến", position="Công chức"))  # not in the backup either
    backup = sorted(demo_store.folder.backups.glob("*_auto.sqlite3"))[-1]
    window.backups.restore_file(backup)
    assert len(list_officials(demo_store)) == 17
    assert officials_page.model.rowCount() == 17
    assert window.undo_stack.count() == 0
    assert list(demo_store.folder.backups.glob("*_before-restore.sqlite3"))
    assert no_modal_boxes[-1][0] == "Đã khôi phục"


def test_about_box_gives_version_and_data_path(qtbot, demo_store, no_modal_boxes):
    window = _window(qtbot, demo_store)
    _menu_action(window, "Giới thiệu CCHC Xã").trigger()
    title, text = no_modal_boxes[-1]
    assert __version__ in text and str(demo_store.folder.root) in text


def test_qt_own_buttons_speak_vietnamese(qtbot):
    """Qt ships no Vietnamese: our translator covers the buttons a message box shows."""
    box = QMessageBox(QMessageBox.Icon.Warning, "t", "x", QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.setDetailedText("chi tiết")
    qtbot.addWidget(box)
    box.show()
    texts = {button.text() for button in box.findChildren(QPushButton)}
    assert {"Đồng ý", "Hủy", "Xem chi tiết…"} <= texts


def test_a_dashboard_row_opens_its_task_in_the_checklist(qtbot, demo_store):
    from app.services.checklist import year_checklist
    from ui.models.checklist_model import ROW_ROLE
    from ui.pages.checklist_page import ChecklistPage
    from ui.pages.dashboard_page import DashboardPage

    window = _window(qtbot, demo_store)
    task_id = year_checklist(demo_store, 2026)[10].task_id
    _page(window, DashboardPage).open_task.emit(task_id)
    checklist = _page(window, ChecklistPage)
    assert window.stack.currentWidget() is checklist
    assert checklist.table.currentIndex().data(ROW_ROLE).task_id == task_id


def test_undo_and_redo_of_a_deletion_while_the_checklist_is_shown(qtbot, demo_store):
    """Checklist rows disappearing and coming back under a visible, filtered table must not crash."""
    from ui.pages.checklist_page import ChecklistPage
    from ui.pages.plans_page import PlansPage

    window = _window(qtbot, demo_store)
    plans, checklist = _page(window, PlansPage), _page(window, ChecklistPage)
    window.nav.setCurrentRow(window.stack.indexOf(plans))
    monthly = next(t for a in plans.tree.areas for t in a.tasks if "hàng tháng" in t.timeframe.lower())
    plans.tree._select("task", monthly.id)
    plans.tree.delete_selected()
    window.nav.setCurrentRow(window.stack.indexOf(checklist))
    checklist.search.setText("a")
    checklist.apply_search_now()
    shown = checklist.model.rowCount()
    window.undo_stack.undo()
    assert checklist.model.rowCount() > shown
    window.undo_stack.redo()
    assert checklist.model.rowCount() == shown
    assert checklist.model.rowCount() <= shown


def test_undo_while_typing_first_saves_the_typing(qtbot, demo_store):
    """Undo right after typing takes back exactly the typing (not the step before), and redo brings it back."""
    from app.services.plan_tree import get_task
    from ui.pages.plans_page import PlansPage

    window = _window(qtbot, demo_store)
    plans = _page(window, PlansPage)
    task = plans.tree.areas[0].tasks[0]
    plans.tree._select("task", task.id)
    editor = plans.tree.task_editor
    editor.detail.setPlainText("Ghi chú trước")
    editor.autosave.flush()  # an earlier, saved step
    editor.product.setPlainText("Báo cáo mới")  # still inside the autosave pause
    undo = _menu_action(window, "Hoàn tác Sửa nhiệm vụ")
    undo.trigger()
    saved = get_task(demo_store, task.id)
    assert (saved.detail, saved.product) == ("Ghi chú trước", task.product)
    window.undo_stack.redo()
    assert get_task(demo_store, task.id).product == "Báo cáo mới"


def test_every_page_is_reachable_and_the_awards_menu_opens_its_dialogs(qtbot, demo_store, monkeypatch):
    from ui.dialogs.award_history_dialog import AwardHistoryDialog
    from ui.dialogs.award_kinds_dialog import AwardKindsDialog
    from ui.dialogs.award_statistics_dialog import AwardStatisticsDialog
    from ui.dialogs.certificates_dialog import CertificatesDialog
    from ui.dialogs.registration_dialog import RegistrationDialog

    window = _window(qtbot, demo_store)
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert {"Chấm điểm CCHC", "Thi đua", "Khen thưởng"} <= set(titles)
    assert window.minimumSizeHint().width() <= 800
    opened = []
    monkeypatch.setattr(AwardHistoryDialog, "exec", lambda dialog: opened.append(type(dialog).__name__) or 0)
    for dialog in (AwardKindsDialog, RegistrationDialog, CertificatesDialog, AwardStatisticsDialog):
        monkeypatch.setattr(dialog, "exec", lambda dialog: opened.append(type(dialog).__name__) or 0)
    for text in ("Sổ theo dõi khen thưởng…", "Danh hiệu và hình thức khen thưởng…", "Đăng ký thi đua…",
                 "Mẫu giấy khen và in phôi…", "Thống kê khen thưởng…"):
        _menu_action(window, text).trigger()
    assert opened == ["AwardHistoryDialog", "AwardKindsDialog", "RegistrationDialog", "CertificatesDialog",
                      "AwardStatisticsDialog"]


def test_every_dialog_of_the_menus_fits_an_800_pixel_screen(qtbot, demo_store):
    """A dialog larger than the screen hides its buttons: each opens no larger than the screen's free room."""
    from PySide6.QtGui import QGuiApplication

    from ui.dialogs.award_history_dialog import AwardHistoryDialog
    from ui.dialogs.award_kinds_dialog import AwardKindsDialog
    from ui.dialogs.award_statistics_dialog import AwardStatisticsDialog
    from ui.dialogs.certificates_dialog import CertificatesDialog
    from ui.dialogs.criteria_sets_dialog import CriteriaSetsDialog
    from ui.dialogs.progress_report_dialog import ProgressReportDialog
    from ui.dialogs.registration_dialog import RegistrationDialog

    window = _window(qtbot, demo_store)
    room = QGuiApplication.primaryScreen().availableGeometry()
    made = (AwardHistoryDialog(demo_store, window.undo_stack, window.notify, window),
            AwardKindsDialog(demo_store, window.undo_stack, window.notify, window),
            RegistrationDialog(demo_store, window.undo_stack, window.notify, window),
            CertificatesDialog(demo_store, window.undo_stack, window.notify, window),
            AwardStatisticsDialog(demo_store, window), ProgressReportDialog(demo_store, window),
            CriteriaSetsDialog(demo_store, window, notify=window.notify))
    for dialog in made:
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.width() <= room.width() and dialog.height() <= room.height(), type(dialog).__name__


def test_f1_opens_the_guide_at_the_page_in_view(qtbot, demo_store):
    """On the checklist, F1 (Trợ giúp → Hướng dẫn sử dụng) shows the checklist's page of the guide, in Vietnamese."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = _window(qtbot, demo_store)
    window.nav.setCurrentRow([entry.title for entry in PAGES].index("Theo dõi nhiệm vụ"))
    assert _menu_action(window, "Hướng dẫn sử dụng").shortcut().toString() == "F1"
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "_help", None) is not None and window._help.isVisible())
    assert window._help.contents.currentItem().text() == "Theo dõi nhiệm vụ"
    assert "Nhiều dòng một lúc" in window._help.page.toPlainText()


def test_every_menu_item_has_its_own_alt_letter(qtbot, demo_store):
    """Each item of each menu has a mnemonic (&) on a plain letter, none used twice in one menu."""
    window = _window(qtbot, demo_store)
    for menu_action in window.menuBar().actions():
        letters = []
        for action in menu_action.menu().actions():
            if action.isSeparator():
                continue
            text = action.text()
            assert "&" in text, f"{menu_action.text()} → {text!r} has no Alt letter"
            letter = text[text.index("&") + 1]
            assert letter.isascii() and letter.isalpha(), text
            letters.append(letter.lower())
        assert len(letters) == len(set(letters)), (menu_action.text(), letters)


def test_ctrl_f_finds_across_the_data_and_goes_to_the_hit(qtbot, demo_store):
    """Ctrl+F, "dang van duc", Enter: the officials page shows with Đặng Văn Đức selected."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = _window(qtbot, demo_store)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "_search", None) is not None and window._search.isVisible())
    dialog = window._search
    QTest.keyClicks(dialog.words, "dang van duc")
    dialog.find_now()
    assert dialog.results.count() >= 1 and dialog.results.item(0).text().startswith("Cán bộ, công chức: Đặng Văn Đức")
    QTest.keyClick(dialog.words, Qt.Key.Key_Return)
    page = _page(window, OfficialsPage)
    assert window.stack.currentWidget() is page and not dialog.isVisible()
    selected = page.table.selectionModel().selectedRows()
    assert [index.data() for index in selected] == ["Đặng Văn Đức"]


def test_a_criterion_hit_opens_the_scoring_page_on_it(qtbot, demo_store):
    """A criterion found by its words is selected on the scoring page of its year."""
    from app.queries.search import search
    from ui.pages.scoring_page import ScoringPage
    from ui.search_jump import go_to

    window = _window(qtbot, demo_store)
    with demo_store.reading() as connection:
        hit = next(h for h in search(connection, "tuyen truyen") if h.kind == "criterion")
    go_to(window, hit)
    page = _page(window, ScoringPage)
    assert window.stack.currentWidget() is page
    assert page._selected_line().criterion_id == hit.id


def test_a_nominee_hit_opens_its_dossier_on_the_list(qtbot, demo_store):
    """A nominee found by name is selected on the list tab of its own dossier (the second of 2024 here)."""
    from app.queries.search import search
    from ui.pages.dossier_page import DossierPage
    from ui.search_jump import go_to

    window = _window(qtbot, demo_store)
    with demo_store.reading() as connection:
        hit = [h for h in search(connection, "le thi mai") if h.kind == "nominee"][-1]
    go_to(window, hit)
    page = _page(window, DossierPage)
    assert window.stack.currentWidget() is page and page.dossier_id == hit.owner_id
    assert page.tabs.currentIndex() == 0 and page.nominations_tab.current_id == hit.id
