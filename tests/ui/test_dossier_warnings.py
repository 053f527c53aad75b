"""Khen thưởng: the cross-checks' warnings on the demo's 2024 dossier — in the banner and on the report tab."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from app.services.dossier import list_dossiers
from ui.journal_undo import JournalUndoStack
from ui.pages.dossier_page import REPORT_TAB, DossierPage

TODAY = date(2024, 12, 20)


def _submitted_dossier(qtbot, store) -> DossierPage:
    """The page on the demo's dossier sent to the district (Phong trào thi đua đẩy mạnh CCHC 2024)."""
    holder = {}
    stack = JournalUndoStack(store, lambda changes: holder["page"].refresh(changes))
    page = DossierPage(store, stack, lambda changes: holder["page"].refresh(changes), today=TODAY)
    holder["page"] = page
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.year.setValue(2024)
    wanted = next(item.id for item in list_dossiers(store, 2024) if item.campaign.startswith("Phong trào"))
    page.dossiers.setCurrentIndex(page.dossiers.findData(wanted))
    qtbot.waitUntil(lambda: page.view is not None and page.view.dossier.id == wanted)
    return page


def test_the_banner_lists_the_warnings_after_the_gaps(qtbot, demo_store):
    """The chairman's two warnings and Huỳnh Văn Ân's: the banner says so in orange, each with "Đến đó"."""
    page = _submitted_dossier(qtbot, demo_store)
    warned = page.view.warnings
    assert len(warned) >= 3 and sum("Trần Văn Hùng" in item.what for item in warned) == 2
    assert f"Có {len(warned)} điểm cần xem lại" in page.banner.status.text()
    qtbot.mouseClick(page.banner.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.detail.isVisible())
    rows = [row for row in page.banner.rows.findChildren(QWidget, "warning_row") if row.isVisible()]
    assert len(rows) == len(warned)
    qtbot.mouseClick(rows[0].findChild(QPushButton, "go_there"), Qt.MouseButton.LeftButton)
    assert page.tabs.currentIndex() == REPORT_TAB
    assert page.report_tab.current_id == page.view.warnings[0].target


def test_the_report_tab_warns_when_the_chairman_certifies_his_own_report(qtbot, demo_store):
    """Trần Văn Hùng's report: the warning shows under his name; Lê Thị Mai's report shows none."""
    page = _submitted_dossier(qtbot, demo_store)
    page.tabs.setCurrentIndex(REPORT_TAB)
    chairman = next(item for item in page.view.nominations if item.name == "Trần Văn Hùng")
    page.report_tab.select(chairman.id)
    qtbot.waitUntil(lambda: page.report_tab.warning.isVisible())
    assert "ký xác nhận báo cáo thành tích là Chủ tịch UBND xã" in page.report_tab.warning.text()
    mai = next(item for item in page.view.nominations if item.name == "Lê Thị Mai")
    page.report_tab.select(mai.id)
    qtbot.waitUntil(lambda: not page.report_tab.warning.isVisible())


def test_the_letter_tab_counts_distinct_people_and_says_why_others_are_not_named(qtbot, demo_store):
    """The commune's own 2024 dossier: the header counts each person once ("lượt" for Mai's two titles), the
    names listed are those the letter proposes, and each one left out says why."""
    page = _submitted_dossier(qtbot, demo_store)
    own = next(item.id for item in list_dossiers(demo_store, 2024) if item.campaign.startswith("Bình xét"))
    page.dossiers.setCurrentIndex(page.dossiers.findData(own))
    qtbot.waitUntil(lambda: page.view.dossier.id == own)
    header, *lines = page.letter_tab.included.text().split("<br>")
    names = [line.split(". ", 1)[1].split(" — ")[0] for line in lines]
    assert [item.name for item in page.view.named()] == names
    persons = {name for name in names if not name.startswith("Bộ phận")}
    assert f"{len(persons):02d} cá nhân" in header
    assert ("lượt đề nghị" in header) == (len(names) - ("Bộ phận Tiếp nhận và Trả kết quả xã" in names) > len(persons))
    left_out = page.letter_tab.left_out.text()
    for item in page.view.nominations:
        if item not in page.view.named():
            assert f"{item.name} — {item.award_name}: " in left_out
