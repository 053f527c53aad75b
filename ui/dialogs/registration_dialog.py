"""Đăng ký thi đua: at the start of the year, which title each collective and each official registers for.

A grid: collectives, then the active officials, down; the titles (award kinds
of kind "title") across. A title meant for collectives is greyed on an
official's row and cannot be ticked, and the other way round. Each tick is one
service call and one undo step; a workbook in the layout of ``HEADER`` replaces
the year's whole registration at once (also one step).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.awards import AwardKind
from app.errors import UserError
from app.services import registration
from app.services.award_kinds import award_kinds
from app.services.officials import list_officials
from app.services.registers import list_collectives
from app.services.registration import COLLECTIVE, HEADER, OFFICIAL, SHEET, Registration
from ui.commune_awards_commands import ReplaceRegistrations, SetRegistration, write_papers
from ui.dialogs.award_history_dialog import shortened
from ui.dialogs.error_dialog import run_or_report, show_error
from ui.dialogs.export_plan_dialog import last_folder, remember_folder
from ui.dialogs.register_dialog import follow_stack
from ui.dossier.commands import short

EXCEL_FILTER = "Tệp Excel (*.xlsx)"
TEMPLATE_NAME = "Mẫu đăng ký thi đua.xlsx"
NOT_APPLICABLE = QColor("#e4e4e4")
HEADING = QColor("#eef2f7")
_CHECKED = Qt.CheckState.Checked.value


@dataclass(frozen=True)
class Subject:
    """One row of the grid: an official or a collective."""

    kind: str
    id: int
    name: str
    detail: str  # position and department, or the collective's department

    @property
    def wanted(self) -> str:
        return "individual" if self.kind == OFFICIAL else "collective"


def titles(kinds: dict[str, AwardKind]) -> list[tuple[str, AwardKind]]:
    """The award kinds one registers for: the titles (danh hiệu thi đua), in the catalogue's order."""
    return [(key, kind) for key, kind in kinds.items() if kind.kind == "title"]


class CenteredCheck(QStyledItemDelegate):
    """A tick drawn in the middle of its cell; a click anywhere in the cell, or Space, toggles it."""

    def _check_rect(self, option) -> QRect:
        style = option.widget.style() if option.widget else QApplication.style()
        size = QSize(style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, option, option.widget),
                     style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, option, option.widget))
        return QStyle.alignedRect(option.direction, Qt.AlignmentFlag.AlignCenter, size, option.rect)

    def paint(self, painter, option, index) -> None:
        if not index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            super().paint(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        style = option.widget.style() if option.widget else QApplication.style()
        tick = QStyleOptionViewItem(cell)
        cell.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, option.widget)
        tick.rect = self._check_rect(option)
        tick.state &= ~QStyle.StateFlag.State_HasFocus
        tick.state |= QStyle.StateFlag.State_On if cell.checkState == Qt.CheckState.Checked else \
            QStyle.StateFlag.State_Off
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, tick, painter, option.widget)

    def editorEvent(self, event, model, option, index) -> bool:  # noqa: N802 (Qt's name)
        if not index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            return True  # the release toggles
        toggles = kind == QEvent.Type.MouseButtonRelease and option.rect.contains(event.position().toPoint())
        toggles |= kind == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
        if not toggles:
            return False
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        return model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)


class RegistrationModel(QAbstractTableModel):
    """Rows: a heading (str) or a ``Subject``; column 0 the name, then one tick per title.
    A tick asks for the change through ``toggled`` and shows it once the dialog reloads."""

    toggled = Signal(object, str, bool)  # subject, award key, registered

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[str | Subject] = []
        self.kinds: list[tuple[str, AwardKind]] = []
        self.registered: set[Registration] = set()

    def show(self, rows, kinds, registered: set[Registration]) -> None:
        if rows == self.rows and kinds == self.kinds:
            self.registered = set(registered)
            if rows and kinds:
                self.dataChanged.emit(self.index(0, 1), self.index(len(rows) - 1, len(kinds)))
            return
        self.beginResetModel()
        self.rows, self.kinds, self.registered = list(rows), list(kinds), set(registered)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 1 + len(self.kinds)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "Họ và tên / tên tập thể" if section == 0 else textwrap.fill(self.kinds[section - 1][1].name, 14)
        if role == Qt.ItemDataRole.ToolTipRole and section:
            kind = self.kinds[section - 1][1]
            return f"{kind.name} — {'cá nhân' if kind.subject == 'individual' else 'tập thể'}"
        return None

    def applies(self, index) -> bool:
        row = self.rows[index.row()]
        return isinstance(row, Subject) and index.column() > 0 and self.kinds[index.column() - 1][1].applies_to(
            row.wanted)

    def registration(self, index) -> Registration:
        row = self.rows[index.row()]
        return Registration(row.kind, row.id, self.kinds[index.column() - 1][0])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if isinstance(row, str):
            return self._heading(row, column, role)
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.name
            return f"{row.name}\n{row.detail}" if role == Qt.ItemDataRole.ToolTipRole and row.detail else None
        kind = self.kinds[column - 1][1]
        if not self.applies(index):
            if role == Qt.ItemDataRole.BackgroundRole:
                return NOT_APPLICABLE
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"“{kind.name}” không dành cho {'cá nhân' if row.kind == OFFICIAL else 'tập thể'}."
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            on = self.registration(index) in self.registered
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name} — {kind.name}"
        return None

    @staticmethod
    def _heading(text: str, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            return HEADING
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.applies(index):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == 0 or isinstance(self.rows[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags  # greyed: this title is not for this kind of subject

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 (Qt's name)
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not self.applies(index):
            return False
        on = (value.value if hasattr(value, "value") else int(value)) == _CHECKED
        if on != (self.registration(index) in self.registered):
            self.toggled.emit(self.rows[index.row()], self.kinds[index.column() - 1][0], on)
        return True


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
        self.year = QSpinBox(objectName="year", minimum=2000, maximum=2100, value=year, keyboardTracking=False)
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
        self.resize(860, 600)

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
        found = run_or_report(self, lambda: (self._rows(), titles(award_kinds(self.store)),
                                             registration.registrations(self.store, year)))
        if found is None:
            return
        rows, kinds, self.registered = found
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

    def push(self, step) -> None:
        self.undo_stack.push(step)
        self.notify(step.changes)
        if not getattr(self, "_following", False):  # a shown dialog reloads as the stack moves
            self.reload()

    def toggle(self, subject: Subject, award_key: str, registered: bool) -> bool:
        year = self.year.value()
        before = run_or_report(self, lambda: registration.set_registered(self.store, year, subject.kind, subject.id,
                                                                         award_key, registered))
        if before is None:
            self.reload()
            return False
        if before != registered:
            kind = dict(self.model.kinds)[award_key]
            text = f"{'Đăng ký' if registered else 'Bỏ đăng ký'} “{short(kind.name)}” — {short(subject.name)}"
            self.push(SetRegistration(self.store, self.notify, year, Registration(subject.kind, subject.id,
                                                                                   award_key), registered, text))
        return True

    # --- Excel and printing ---------------------------------------------------------------

    def _ask_path(self, save: bool, title: str, name: str = "") -> Path | None:
        start = str(Path(last_folder(self.store)) / name) if name else last_folder(self.store)
        ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        chosen, _ = ask(self, title, start, EXCEL_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
        if save and path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        remember_folder(self.store, str(path.parent))
        return path

    def _run(self, action):
        """Call ``action`` under the wait cursor; a UserError is shown (a long list of rows behind Details)."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return (action(),)
        except UserError as error:
            failure = error
        finally:
            QGuiApplication.restoreOverrideCursor()
        show_error(self, shortened(failure))
        return None

    def import_workbook(self, path: Path | None = None, confirm: bool | None = None) -> bool:
        """Read a workbook and, once the clerk agrees, make it the year's whole registration (one undo step).
        ``path`` and ``confirm``: skip the questions, for tests."""
        year = self.year.value()
        path = path or self._ask_path(False, f"Chọn tệp Excel đăng ký thi đua năm {year}")
        if path is None:
            return False
        found = self._run(lambda: registration.read_registration_workbook(self.store, Path(path), year))
        if found is None:
            return False
        rows = found[0]
        if confirm is None:
            answer = QMessageBox.question(
                self, "Nhập danh sách đăng ký",
                f"Thay danh sách đăng ký năm {year} ({count_text(self.registered)}) bằng {len(rows)} dòng của tệp "
                f"“{Path(path).name}”?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            confirm = answer == QMessageBox.StandardButton.Yes
        if not confirm:
            return False
        before = self._run(lambda: registration.replace_year(self.store, year, rows))
        if before is None:
            return False
        self.push(ReplaceRegistrations(self.store, self.notify, year, sorted(before[0], key=_order), rows,
                                       f"Nhập danh sách đăng ký thi đua năm {year}"))
        return True

    def save_template(self, path: Path | None = None) -> Path | None:
        path = path or self._ask_path(True, "Lưu tệp mẫu đăng ký thi đua", TEMPLATE_NAME)
        if path is None or self._run(lambda: write_template(Path(path), self.model.kinds)) is None:
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


def _order(item: Registration) -> tuple:
    return item.subject_kind, item.subject_id, item.award_key
