"""Đăng ký thi đua: at the start of the year, which title each collective and each official registers for.

A grid: collectives, then the active officials, down; the titles (award kinds
of kind "title") across. A title meant for collectives is greyed on an
official's row and cannot be ticked, and the other way round. Each tick is one
service call and one undo step; a workbook in the layout of ``HEADER`` replaces
the year's whole registration at once (also one step).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.awards import AwardKind
from app.services import registration
from app.services.award_kinds import award_kinds
from app.services.officials import list_officials
from app.services.registers import list_collectives
from app.services.registration import COLLECTIVE, HEADER, OFFICIAL, SHEET, Registration
from ui.commune_awards_commands import write_papers
from ui.dialogs.excel_files import ask_excel_path
from ui.dialogs.register_dialog import follow_stack
from ui.models.registration_model import RegistrationModel, Subject, titles
from ui.runner import attempt, run
from ui.widgets.centered_check import CenteredCheck
from ui.widgets.fit import fit_to_screen
from ui.widgets.autosave import transient

TEMPLATE_NAME = "Mẫu đăng ký thi đua.xlsx"


def count_text(registered: set[Registration]) -> str:
    """ "12 cá nhân, 2 tập thể đã đăng ký" (each counted once, however many titles)."""
    people = {item.subject_id for item in registered if item.subject_kind == OFFICIAL}
    groups = {item.subject_id for item in registered if item.subject_kind == COLLECTIVE}
    return f"{len(people)} cá nhân, {len(groups)} tập thể đã đăng ký"


def write_template(path: Path, kinds: list[tuple[str, AwardKind]]) -> None:
    """An empty workbook in the import layout; the two choice columns offer their values in a list."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    from app.documents.atomic import atomic_path
    from app.documents.render_xlsx import put_cell

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    for column, title in enumerate(HEADER, start=1):
        put_cell(sheet, 1, column, title).font = Font(bold=True)
    for letter, width in zip("ABCD", (8, 34, 16, 34)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    names = ",".join(kind.name for _key, kind in kinds)
    for cells, choices in (("C2:C1000", "Cá nhân,Tập thể"), ("D2:D1000", names)):
        if choices and len(choices) < 255:  # Excel's limit for a list written in the rule
            rule = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True, showErrorMessage=False)
            rule.add(cells)
            sheet.add_data_validation(rule)
    with atomic_path(path) as temporary:
        workbook.save(temporary)


class RegistrationDialog(QDialog):
    def __init__(self, store, undo_stack, notify, parent: QWidget | None = None, year: int | None = None) -> None:
        super().__init__(parent)
        year = year or date.today().year
        self.store, self.undo_stack, self.notify = store, undo_stack, notify
        self.registered: set[Registration] = set()
        self.year = transient(QSpinBox(objectName="year", minimum=2000, maximum=2100, value=year, keyboardTracking=False))
        self.heading = QLabel(objectName="heading")
        self.model = RegistrationModel(self)
        self.table = self._make_table()
        self.count = QLabel(objectName="count", wordWrap=True)
        self.buttons = {
            name: QPushButton(text, objectName=name, toolTip=tip)
            for name, text, tip in (
                ("import", "Nhập từ Excel…", "Thay danh sách đăng ký của năm bằng các dòng của một tệp Excel theo mẫu"),
                ("template", "Tải tệp mẫu…", "Lưu tệp Excel trống có đúng các cột, để điền rồi nhập"),
                ("print", "In danh sách…", "Danh sách đăng ký thi đua của năm (PDF, Word, Excel)"),
                ("undo", "Hoàn tác", "Hoàn tác"),
                ("redo", "Làm lại", "Làm lại"),
            )
        }
        self._build()
        self._connect()
        self.reload()
        self.setMinimumSize(640, 420)
        fit_to_screen(self, 860, 600)

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="registration_grid")
        table.setModel(self.model)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setItemDelegate(CenteredCheck(table))
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumSectionSize(90)
        return table

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel("Năm:"))
        top.addWidget(self.year)
        intro = QLabel("Đánh dấu danh hiệu mỗi tập thể, cá nhân đăng ký phấn đấu trong năm. Khi xét khen thưởng, "
                       "người không đăng ký được ghi chú (danh hiệu nào bắt buộc đăng ký là do danh mục danh hiệu "
                       "quy định). Ô xám: danh hiệu không dành cho đối tượng đó.", objectName="intro", wordWrap=True)
        intro.setStyleSheet("color: #555")
        excel = QHBoxLayout()
        for name in ("import", "template", "print"):
            excel.addWidget(self.buttons[name])
        excel.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.buttons["undo"])
        bottom.addWidget(self.buttons["redo"])
        bottom.addSpacing(12)
        bottom.addWidget(self.count, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        close.rejected.connect(self.reject)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addLayout(excel)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.model.toggled.connect(self.toggle)
        self.year.valueChanged.connect(lambda _year: self.reload())
        self.buttons["import"].clicked.connect(lambda: self.import_workbook())
        self.buttons["template"].clicked.connect(lambda: self.save_template())
        self.buttons["print"].clicked.connect(lambda: self.print_list())
        self.buttons["undo"].clicked.connect(self.undo_stack.undo)
        self.buttons["redo"].clicked.connect(self.undo_stack.redo)
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.undo_stack.undo),
                           (QKeySequence("Ctrl+Y"), self.undo_stack.redo),
                           (QKeySequence("Ctrl+Shift+Z"), self.undo_stack.redo)):
            QShortcut(keys, self, activated=slot)

    # --- showing --------------------------------------------------------------------------

    def reload(self) -> None:
        year = self.year.value()
        self.setWindowTitle(f"Đăng ký thi đua năm {year}")
        self.heading.setText(f"<b>Đăng ký thi đua năm {year}</b>")
        found = attempt(self, lambda: (self._rows(), titles(award_kinds(self.store)),
                                       registration.registrations(self.store, year)))
        if not found.ok:
            return
        rows, kinds, self.registered = found.value
        self.model.show(rows, kinds, self.registered)
        self.table.clearSpans()
        for number, row in enumerate(rows):
            if isinstance(row, str):
                self.table.setSpan(number, 0, 1, 1 + len(kinds))
        self._fit_columns(len(kinds))
        self._show_count(rows)
        self._show_undo_state()

    def _rows(self) -> list[str | Subject]:
        groups = [Subject(COLLECTIVE, item.id, item.name, item.department)
                  for item in list_collectives(self.store, active_only=True)]
        people = [Subject(OFFICIAL, item.id, item.full_name, " — ".join(part for part in (item.position,
                                                                                          item.department) if part))
                  for item in list_officials(self.store, include_inactive=False)]
        rows: list[str | Subject] = []
        for heading, subjects in ((f"Tập thể ({len(groups)})", groups), (f"Cá nhân ({len(people)})", people)):
            if subjects:
                rows += [heading, *subjects]
        return rows

    def _fit_columns(self, titles_count: int) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, titles_count + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, max(110, header.sectionSizeFromContents(column).width() + 8))

    def _show_count(self, rows) -> None:
        shown = {(row.kind, row.id) for row in rows if isinstance(row, Subject)}
        keys = {key for key, _kind in self.model.kinds}
        hidden = sum(1 for item in self.registered
                     if (item.subject_kind, item.subject_id) not in shown or item.award_key not in keys)
        text = count_text(self.registered)
        self.count.setText(text + (f" (trong đó {hidden} đăng ký không hiện trong bảng)" if hidden else ""))
        self.count.setToolTip("Đăng ký của người đã nghỉ, tập thể không còn hoạt động, hoặc của một hình thức "
                              "khen thưởng (nhập từ Excel) không hiện trong bảng nhưng vẫn được tính."
                              if hidden else "")

    def _show_undo_state(self) -> None:
        for button, can, text, word in (
            (self.buttons["undo"], self.undo_stack.canUndo(), self.undo_stack.undoText(), "Hoàn tác"),
            (self.buttons["redo"], self.undo_stack.canRedo(), self.undo_stack.redoText(), "Làm lại"),
        ):
            button.setEnabled(can)
            button.setToolTip(f"{word}: {text}" if text else word)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        follow_stack(self, True)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        follow_stack(self, False)
        super().hideEvent(event)

    def _stack_moved(self, _index: int) -> None:
        self.reload()

    # --- editing --------------------------------------------------------------------------

    def record(self, changes) -> None:
        """One journal step on the shared stack; every screen told (this dialog reloads itself)."""
        self.undo_stack.record(changes, origin=self)
        if not getattr(self, "_following", False):  # a shown dialog reloads as the stack moves
            self.reload()

    def toggle(self, subject: Subject, award_key: str, registered: bool) -> bool:
        year = self.year.value()
        outcome = attempt(self, lambda: registration.set_registered(self.store, year, subject.kind, subject.id,
                                                                    award_key, registered))
        if not outcome.ok:
            self.reload()
            return False
        if outcome.value:  # an empty Changes: it was so already, no undo step
            self.record(outcome.value)
        return True

    # --- Excel and printing ---------------------------------------------------------------

    def import_workbook(self, path: Path | None = None, confirm: bool | None = None) -> bool:
        """Read a workbook and, once the clerk agrees, make it the year's whole registration (one undo step).
        ``path`` and ``confirm``: skip the questions, for tests."""
        year = self.year.value()
        path = path or ask_excel_path(self, self.store, False, f"Chọn tệp Excel đăng ký thi đua năm {year}")
        if path is None:
            return False
        found = run(self, "Đang đọc tệp Excel", lambda progress: registration.read_registration_workbook(
            self.store, Path(path), year))
        if not found.ok:
            return False
        rows = found.value
        if confirm is None:
            answer = QMessageBox.question(
                self, "Nhập danh sách đăng ký",
                f"Thay danh sách đăng ký năm {year} ({count_text(self.registered)}) bằng {len(rows)} dòng của tệp "
                f"“{Path(path).name}”?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            confirm = answer == QMessageBox.StandardButton.Yes
        if not confirm:
            return False
        changes = run(self, "Đang nhập danh sách đăng ký", lambda progress: registration.replace_year(
            self.store, year, rows))
        if not changes.ok:
            return False
        self.record(changes.value)
        return True

    def save_template(self, path: Path | None = None) -> Path | None:
        path = path or ask_excel_path(self, self.store, True, "Lưu tệp mẫu đăng ký thi đua", TEMPLATE_NAME)
        if path is None or not run(self, "Đang lưu tệp mẫu", lambda progress: write_template(
                Path(path), self.model.kinds)).ok:
            return None
        QMessageBox.information(self, "Đã lưu tệp mẫu",
                                f"Đã lưu tệp mẫu vào:\n{path}\n\nMỗi dòng một danh hiệu đăng ký: năm, họ và tên (hoặc "
                                f"tên tập thể) đúng như trong danh sách, “Cá nhân” hoặc “Tập thể”, tên danh hiệu. "
                                "Điền xong, lưu lại rồi bấm “Nhập từ Excel…”.")
        return path

    def print_list(self, folder: str | None = None) -> list[Path]:
        """Write the year's registration list (``folder``: skip the question, for tests)."""
        from app.exporters.decision_files import registration_base_name, write_registration_files

        year = self.year.value()
        stem = registration_base_name(year)
        return write_papers(self, self.store, "danh sách đăng ký thi đua", [f"{stem}.{kind}" for kind in
                                                                            ("pdf", "docx", "xlsx")],
                            lambda target, progress: write_registration_files(self.store, year, target,
                                                                              progress=progress), folder)

