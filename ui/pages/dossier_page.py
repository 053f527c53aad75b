"""Khen thưởng: the year's award dossier — nominees, achievement reports, the council meeting, the letter.

A banner over the tabs says what still stops the dossier from being printed
("Còn thiếu 5 mục"), each line with a button to the place that fixes it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.queries.models.report_forms import decree_choices
from app.domain.working_year import year_end_paper_year
from app.resources import working_year_rule
from app.services import dossier as service
from app.services.changes import AWARDS, OFFICIALS, SCORING, Changes
from app.services.dossier_view import read_page
from app.services.dossier_readiness import (
    DECISION,
    LETTER,
    MEMBERS,
    NOMINATION,
    Missing,
    readiness,
)
from ui.dialogs.export_plan_dialog import last_folder, remember_folder
from ui.dossier import DossierView, note_label
from ui.dossier.banner import ReadinessBanner
from ui.dossier.commands import Edits
from ui.dossier.council_tab import CouncilTab
from ui.dossier.decision_tab import DecisionTab
from ui.dossier.letter_tab import LetterTab
from ui.dossier.nominations_tab import NominationsTab
from ui.dossier.report_tab import ReportTab
from ui.runner import attempt, report_written, run
from ui.widgets.year_start import EmptyState, YearSpin
from ui.widgets.autosave import transient
from ui.pages.page import Page

NOMINATIONS_TAB, REPORT_TAB, COUNCIL_TAB, LETTER_TAB, DECISION_TAB = range(5)


def proposed_campaign(year: int) -> str:
    return f"Phong trào thi đua đẩy mạnh cải cách hành chính năm {year}"


class NewDossierDialog(QDialog):
    """The campaign's name and the achievement-report form (by default the one in force today)."""

    def __init__(self, year: int, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Hồ sơ khen thưởng mới — năm {year}")
        self.campaign = QLineEdit(proposed_campaign(year), objectName="new_campaign")
        self.campaign.selectAll()
        self.version = QComboBox(objectName="new_form_version")
        for key, label in decree_choices().items():
            self.version.addItem(label, key)
        self.version.setCurrentIndex(self.version.findData(service.form_version_for(today)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Lập hồ sơ")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("Tên phong trào, đợt thi đua:", self.campaign)
        form.addRow("Mẫu báo cáo thành tích theo:", self.version)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note_label("Mẫu theo ngày trình: " + "; ".join(decree_choices().values()) + ". Hồ sơ bình "
                                    "xét danh hiệu thi đua năm dùng mẫu báo cáo thành tích năm của nghị định đó. "
                                    "Đổi được sau ở thẻ “Tờ trình”."))
        layout.addWidget(buttons)
        self.setMinimumWidth(500)


class DossierPage(Page):

    def __init__(self, store, undo_stack, notify, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.notify, self.today = store, undo_stack, notify, today
        self.view: DossierView | None = None
        self.dossier_id: int | None = None
        self._refreshed = False
        self.edits = Edits(self, store, notify, self._record)
        self.year = transient(YearSpin())
        self.dossiers = QComboBox(objectName="dossiers", toolTip="Hồ sơ khen thưởng của năm")
        self.dossiers.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dossiers.setMinimumContentsLength(10)  # the full name is in the tooltip
        self.new_button = QPushButton("Hồ sơ mới…", objectName="new_dossier", clicked=lambda: self.new_dossier())
        self.delete_button = QPushButton("Xóa", objectName="delete_dossier", clicked=lambda: self.delete_dossier(),
                                         toolTip="Xóa hồ sơ này khi chưa có đề nghị nào (lập nhầm); hoàn tác được")
        self.export_button = QPushButton("Xuất hồ sơ…", objectName="export_dossier", clicked=lambda: self.export(),
                                         toolTip="Tờ trình, danh sách, báo cáo thành tích, biên bản họp Hội đồng")
        self.banner = ReadinessBanner()
        self.empty = QLabel(objectName="no_dossier", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.start_button = QPushButton("Lập hồ sơ khen thưởng…", objectName="start_dossier",
                                        clicked=lambda: self.new_dossier())
        self.nominations_tab = NominationsTab(self.edits, today)
        self.report_tab = ReportTab(self.edits, today)
        self.council_tab = CouncilTab(self.edits)
        self.letter_tab = LetterTab(self.edits)
        self.decision_tab = DecisionTab(self.edits, undo_stack, today)
        self.tabs = QTabWidget(objectName="dossier_tabs")
        self.stack = QStackedWidget()
        self._build()
        self._connect()
        self._stale = True  # read when first shown

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Năm:"))
        top.addWidget(self.year)
        top.addWidget(QLabel("Hồ sơ:"))
        top.addWidget(self.dossiers, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.export_button)
        for tab, name in ((self.nominations_tab, "Danh sách đề nghị"), (self.report_tab, "Báo cáo thành tích"),
                          (self.council_tab, "Họp Hội đồng"), (self.letter_tab, "Tờ trình"),
                          (self.decision_tab, "Quyết định")):
            self.tabs.addTab(tab, name)
        self.tabs.setMinimumWidth(self.tabs.tabBar().sizeHint().width())  # every tab's name whole, no arrows
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.banner)
        body_layout.addWidget(self.tabs, 1)
        start = QVBoxLayout()
        start.addWidget(self.empty)
        start.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(EmptyState(start))
        self.stack.addWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    def _connect(self) -> None:
        self.year.valueChanged.connect(lambda _year: self._year_changed())
        self.dossiers.currentIndexChanged.connect(lambda _i: self._dossier_changed())
        self.banner.go_to.connect(self.go_to)
        self.nominations_tab.selected.connect(self.report_tab.select)
        self.report_tab.selected.connect(self.nominations_tab.select)

    # --- loading -----------------------------------------------------------------------------

    def _today(self) -> date:
        return self.today or date.today()

    def _default_year(self) -> int:
        """The year in progress, or last year's in January while its dossier is still being finished
        (``app/domain/working_year.py``: never a later year a dossier was already opened for)."""
        years = [item.year for item in service.list_dossiers(self.store)]
        return year_end_paper_year(self._today(), years, working_year_rule())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._stale:
            self.reload()
        super().showEvent(event)

    def refresh(self, changes: Changes) -> None:
        if not any(changes.touches(kind) for kind in (AWARDS, SCORING, OFFICIALS)):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def flush_edits(self) -> None:
        """Save what is being typed (the main window calls this before undo)."""
        for tab in self._tabs():
            tab.flush()

    def _tabs(self) -> tuple:
        return self.nominations_tab, self.report_tab, self.council_tab, self.letter_tab, self.decision_tab

    def reload(self) -> None:
        self._stale, self._refreshed = False, True
        self.year.choose_once(self._default_year)
        year = self.year.value()
        read = read_page(self.store, year, self.dossier_id, self.today)  # one reading for every tab
        listed, self.view = read.dossiers, read.view
        self.dossier_id = self.view.dossier.id if self.view else None
        self.dossiers.blockSignals(True)
        self.dossiers.clear()
        for item in listed:
            self.dossiers.addItem(item.campaign, item.id)
            self.dossiers.setItemData(self.dossiers.count() - 1, item.campaign, Qt.ItemDataRole.ToolTipRole)
        self.dossiers.setCurrentIndex(self.dossiers.findData(self.dossier_id))
        self.dossiers.blockSignals(False)
        self.dossiers.setEnabled(bool(listed))
        self.export_button.setEnabled(self.view is not None)
        self.delete_button.setEnabled(self.view is not None and not self.view.nominations)
        if self.view is None:
            self.empty.setText(f"<b>Năm {year} chưa có hồ sơ khen thưởng.</b><br>Hồ sơ gồm danh sách đề nghị, "
                               "báo cáo thành tích, biên bản họp Hội đồng Thi đua - Khen thưởng và tờ trình.")
            self.stack.setCurrentIndex(0)
            return
        for tab in self._tabs():
            tab.show_view(self.view)
        self.banner.show_missing(self.view.missing, self.view.warnings)
        self.banner.show_authority(self.view.authority_text)
        self.stack.setCurrentIndex(1)

    def _year_changed(self) -> None:
        self.flush_edits()
        self.dossier_id = None
        self.reload()

    def _dossier_changed(self) -> None:
        self.flush_edits()
        self.dossier_id = self.dossiers.currentData()
        self.reload()

    def _record(self, changes: Changes) -> None:
        """After an action: its journal step on the Edit menu, every screen told — this page too, since the
        banner, the outcomes and the eligibility follow from the edit; reload if ``notify`` did not come back."""
        self._refreshed = False
        self.undo_stack.record(changes)
        if changes and not self._refreshed:
            self.reload()

    # --- actions ------------------------------------------------------------------------------

    def new_dossier(self, campaign: str | None = None, form_version: str | None = None) -> int | None:
        """Make a dossier for the year shown (no campaign given: ask with the dialog); returns its id."""
        year = self.year.value()
        if campaign is None:
            dialog = NewDossierDialog(year, self._today(), self)
            try:
                if not dialog.exec():
                    return None
                campaign, form_version = dialog.campaign.text(), dialog.version.currentData()
            finally:
                dialog.deleteLater()
        self.flush_edits()
        outcome = attempt(self, lambda: service.create_dossier(self.store, year, campaign, form_version,
                                                               today=self._today()))
        if not outcome.ok:
            return None
        made = outcome.value
        self.dossier_id = made.value.id
        self._record(made.changes)
        return made.value.id

    def delete_dossier(self) -> bool:
        """Remove the dossier shown when nobody is proposed in it yet (the service says why not otherwise)."""
        if self.view is None:
            return False
        self.flush_edits()
        dossier = self.view.dossier
        outcome = attempt(self, lambda: service.delete_dossier(self.store, dossier.id))
        if not outcome.ok:
            return False
        self.dossier_id = None
        self._record(outcome.value)
        return True

    def show_nomination(self, year: int, dossier_id: int, nomination_id: int) -> None:
        """One nominee of one dossier on the list tab (a hit of the search)."""
        self.year.chosen = True  # the clerk's choice now: the default year must not come back over it
        self.year.blockSignals(True)
        self.year.setValue(year)
        self.year.blockSignals(False)
        self.dossier_id = dossier_id
        self.reload()
        self.tabs.setCurrentIndex(NOMINATIONS_TAB)
        self.nominations_tab.select(nomination_id)

    def go_to(self, missing: Missing) -> None:
        """Show the tab (and the nominee) where a missing item is filled in."""
        if missing.where == LETTER:
            self.tabs.setCurrentIndex(LETTER_TAB)
        elif missing.where == DECISION:
            self.tabs.setCurrentIndex(DECISION_TAB)
        elif missing.where != NOMINATION:
            self.tabs.setCurrentIndex(COUNCIL_TAB)
            self.council_tab.show_section(MEMBERS if missing.where == MEMBERS else "meeting")
        elif "báo cáo thành tích" in missing.what:
            self.tabs.setCurrentIndex(REPORT_TAB)
            self.report_tab.select(missing.target)
        elif "ý kiến bằng văn bản" in missing.what:
            self.tabs.setCurrentIndex(COUNCIL_TAB)
            self.council_tab.show_section("written")
            self.council_tab.written.select(missing.target)
        elif "số phiếu" in missing.what:
            self.tabs.setCurrentIndex(COUNCIL_TAB)
            self.council_tab.select(missing.target)
        else:
            self.tabs.setCurrentIndex(NOMINATIONS_TAB)
            if missing.target is not None:
                self.nominations_tab.select(missing.target)
                self.nominations_tab.justification.setFocus()

    def export(self, folder: str | None = None, confirm: bool | None = None) -> list[Path]:
        """Write the dossier's papers to a folder; when something is missing, only if the clerk agrees
        (``folder`` and ``confirm``: skip the questions, for tests)."""
        if self.view is None:
            return []
        self.flush_edits()
        dossier_id = self.view.dossier.id
        checked = attempt(self, lambda: readiness(self.store, dossier_id, self.today))
        if not checked.ok:
            return []
        missing = checked.value
        if missing and not self._confirm_incomplete(missing, confirm):
            return []
        folder = folder or QFileDialog.getExistingDirectory(self, "Chọn thư mục để lưu hồ sơ khen thưởng",
                                                            last_folder(self.store))
        if not folder:
            return []
        written = self._write(dossier_id, Path(folder), bool(missing))
        if written:
            remember_folder(self.store, folder)
            report_written(self, "Đã xuất hồ sơ", folder, written)
        return written

    def _write(self, dossier_id: int, folder: Path, allow_incomplete: bool) -> list[Path]:
        """Write the papers on a worker thread; the window repaints, a progress box (with "Hủy") shows after 600 ms."""
        def write(progress) -> list[Path]:
            from app.exporters.dossier_files import write_dossier_files

            return write_dossier_files(self.store, dossier_id, folder, today=self.today,
                                       allow_incomplete=allow_incomplete, progress=progress)

        written = run(self, "Đang xuất hồ sơ khen thưởng", write, cancel=True,
                      unexpected="Đã xảy ra lỗi ngoài dự kiến khi xuất hồ sơ khen thưởng.")
        return written.value if written.ok else []

    def _confirm_incomplete(self, missing: list[Missing], confirm: bool | None) -> bool:
        if confirm is not None:
            return confirm
        listing = "\n".join(f"• {item.what}" for item in missing[:12])
        more = f"\n… và {len(missing) - 12} mục khác" if len(missing) > 12 else ""
        answer = QMessageBox.question(
            self, "Xuất bản chưa đủ?",
            f"Hồ sơ còn thiếu {len(missing)} mục:\n{listing}{more}\n\nVẫn xuất bản chưa đủ (để xem thử, sửa tiếp sau)?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
