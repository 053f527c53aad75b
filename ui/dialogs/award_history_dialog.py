"""Sổ theo dõi khen thưởng: the awards each official and collective received, which eligibility reads.

Records are added by hand or imported from the Excel layout of
``award_history.HISTORY_HEADER``; a record whose name matches no one in the
lists is kept as written but shown "chưa khớp", since eligibility cannot count it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.domain.vietnamese import fold
from app.services import award_history, award_kinds, registers
from app.services.award_history import (
    COLLECTIVE,
    HISTORY_HEADER,
    OFFICIAL,
    SUBJECT_LABELS,
    Record,
    RecordData,
)
from app.services.changes import Changes
from ui.dialogs.excel_files import ask_excel_path
from ui.dialogs.register_dialog import RegisterDialog, RegisterModel
from ui.widgets.form_dialog import FormDialog
from ui.widgets.optional_date import OptionalDate
from ui.runner import attempt, run
from ui.widgets.autosave import transient

EXPORT_NAME = "Sổ theo dõi khen thưởng.xlsx"
TEMPLATE_NAME = "Mẫu sổ theo dõi khen thưởng.xlsx"
LINKED, UNLINKED = "✓", "chưa khớp"
GREY = QColor("#777777")
_LISTS = {OFFICIAL: "danh sách cán bộ, công chức", COLLECTIVE: "danh sách tập thể"}


@dataclass(frozen=True)
class Saved:
    """What the register frame pushes: the action's changes (a journal step) and the row to select."""

    changes: Changes
    item_id: int | str | None


def record_steps(dialog, changes: Changes) -> None:
    """Mirror the action on the shared undo stack and tell every screen; the dialog shows the result itself."""
    if changes:
        dialog.undo_stack.record(changes, origin=dialog)
    if not getattr(dialog, "_following", False):  # a shown dialog reloads as the stack moves
        dialog.reload()


@dataclass(frozen=True)
class HistoryRow:
    """One record as the table shows it, with its folded search text computed once."""

    record: Record
    key: str

    @property
    def id(self) -> int:
        return self.record.id

    @classmethod
    def of(cls, record: Record) -> HistoryRow:
        return cls(record, fold(" ".join((str(record.year), record.subject_name, record.award_name,
                                          record.authority, record.decision_number))))


def unlinked_reason(record: Record) -> str:
    return (f"Tên “{record.subject_name}” không khớp với ai trong {_LISTS[record.subject_kind]}, nên bản ghi "
            "này chưa được tính khi xét điều kiện khen thưởng. Hãy xóa rồi thêm lại với tên đúng như trong danh sách.")


class HistoryModel(RegisterModel):
    HEADERS = ("Năm", "Họ tên / tập thể", "Loại", "Danh hiệu, hình thức", "Cơ quan", "Số QĐ", "Ngày QĐ", "Liên kết")
    LINK_COLUMN = 7

    def texts(self, item: HistoryRow) -> tuple[str, ...]:
        record = item.record
        return (str(record.year), record.subject_name, SUBJECT_LABELS[record.subject_kind], record.award_name,
                record.authority, record.decision_number,
                f"{record.decision_date:%d/%m/%Y}" if record.decision_date else "",
                LINKED if record.subject_id is not None else UNLINKED)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()].record
        if index.column() == self.LINK_COLUMN:
            if role == Qt.ItemDataRole.ToolTipRole:
                linked = record.subject_id is not None
                return f"Đã khớp với {_LISTS[record.subject_kind]}." if linked else unlinked_reason(record)
            if role == Qt.ItemDataRole.ForegroundRole and record.subject_id is None:
                return GREY
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 2, 6, self.LINK_COLUMN):
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)


class RecordForm(FormDialog):
    """A record typed by hand: the name and the award may be picked from the lists or typed freely."""

    def __init__(self, save, names: dict[str, list[tuple[int, str]]], kinds: dict, year: int,
                 parent: QWidget | None = None) -> None:
        super().__init__("Thêm khen thưởng vào sổ", save, parent)
        self.names, self.kinds, self._filled_authority = names, kinds, ""
        self.subject = QComboBox(objectName="subject")
        for kind in (OFFICIAL, COLLECTIVE):
            self.subject.addItem(SUBJECT_LABELS[kind], kind)
        self.name = self._editable_combo("name", "Chọn trong danh sách hoặc gõ tên")
        self.match = QLabel(objectName="match", wordWrap=True)
        self.match.setStyleSheet("color: #666")
        self.year = QSpinBox(objectName="year", minimum=1975, maximum=2100, value=year)
        self.award = self._editable_combo("award", "Chọn danh hiệu đã biết hoặc gõ tên")
        self.authority = QLineEdit(objectName="authority", placeholderText="ví dụ: Chủ tịch UBND xã")
        self.decision_number = QLineEdit(objectName="decision_number", placeholderText="ví dụ: 125/QĐ-UBND")
        self.decision_date = OptionalDate("decision_date")
        self.decision_date.set_value(None, year)
        self.year.valueChanged.connect(self.decision_date.follow_year)
        for label, widget in (
            ("Cá nhân hay tập thể:", self.subject), ("Họ tên / tên tập thể:", self.name), ("", self.match),
            ("Năm:", self.year), ("Danh hiệu, hình thức:", self.award), ("Cơ quan quyết định:", self.authority),
            ("Số quyết định:", self.decision_number), ("Ngày quyết định:", self.decision_date),
        ):
            self.form.addRow(label, widget)
        self.subject.currentIndexChanged.connect(self._fill_lists)
        self.name.currentTextChanged.connect(self._show_match)
        self.award.currentTextChanged.connect(self._fill_authority)
        self._fill_lists()
        self.setMinimumWidth(560)

    @staticmethod
    def _editable_combo(name: str, placeholder: str) -> QComboBox:
        combo = QComboBox(objectName=name, editable=True, insertPolicy=QComboBox.InsertPolicy.NoInsert)
        combo.lineEdit().setPlaceholderText(placeholder)
        # long award names must not widen the form and squeeze the labels; the popup still shows them whole
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        combo.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        return combo

    def kind(self) -> str:
        return self.subject.currentData()

    def _fill_lists(self) -> None:
        self.name.clear()
        for subject_id, name in self.names[self.kind()]:
            self.name.addItem(name, subject_id)
        self.name.setCurrentIndex(-1)
        self.name.setEditText("")
        typed = self.award.currentText()
        self.award.clear()
        wanted = "individual" if self.kind() == OFFICIAL else "collective"
        for key, kind in self.kinds.items():
            if kind.applies_to(wanted):
                self.award.addItem(kind.name, key)
        self.award.setCurrentIndex(-1)
        self.award.setEditText(typed)
        self._show_match()

    def subject_id(self) -> int | None:
        wanted = fold(self.name.currentText())
        return next((subject_id for subject_id, name in self.names[self.kind()] if fold(name) == wanted), None)

    def _show_match(self, *_args) -> None:
        if not self.name.currentText().strip():
            self.match.setText("")
        elif self.subject_id() is not None:
            self.match.setText(f"✓ Có trong {_LISTS[self.kind()]}.")
        else:
            self.match.setText(f"Không có trong {_LISTS[self.kind()]}: vẫn lưu được, nhưng bản ghi "
                               "chưa được tính khi xét điều kiện khen thưởng.")

    def award_key(self) -> str:
        wanted = fold(self.award.currentText())
        return next((key for key, kind in self.kinds.items() if fold(kind.name) == wanted), "")

    def _fill_authority(self, *_args) -> None:
        """A known award brings its authority, unless the clerk typed another one."""
        key = self.award_key()
        if key and self.authority.text() in ("", self._filled_authority):
            self._filled_authority = self.kinds[key].authority
            self.authority.setText(self._filled_authority)

    def entered(self) -> RecordData:
        return RecordData(
            subject_kind=self.kind(), subject_name=self.name.currentText(), year=self.year.value(),
            award_name=self.award.currentText(), authority=self.authority.text(),
            decision_number=self.decision_number.text(), decision_date=self.decision_date.value(),
            subject_id=self.subject_id(), award_key=self.award_key(),
        )


class AwardHistoryDialog(RegisterDialog):
    TITLE = "Sổ theo dõi khen thưởng"
    NOUN = "bản ghi"
    MODEL = HistoryModel
    STRETCH_COLUMN = 3
    WIDTH = 1120

    def __init__(self, store, undo_stack, notify, parent: QWidget | None = None) -> None:
        self.records: list[HistoryRow] = []
        self.search = transient(QLineEdit(objectName="search", placeholderText="Tìm theo tên, danh hiệu, số quyết định… "
                                "(gõ có dấu hay không dấu đều được)", clearButtonEnabled=True))
        self.excel = {
            name: QPushButton(text, objectName=name, toolTip=tip)
            for name, text, tip in (
                ("import", "Nhập từ Excel…", "Thêm các dòng của một tệp Excel theo mẫu; dòng đã có được bỏ qua"),
                ("export", "Xuất ra Excel…", "Lưu cả sổ ra tệp Excel (nhập lại được)"),
                ("template", "Tải tệp mẫu…", "Lưu tệp Excel trống có đúng các cột, để điền rồi nhập"),
            )
        }
        super().__init__(store, undo_stack, notify, date.today().year, parent)
        self.search.textChanged.connect(self.show_rows)
        self.excel["import"].clicked.connect(lambda: self.import_workbook())
        self.excel["export"].clicked.connect(lambda: self.export_workbook())
        self.excel["template"].clicked.connect(lambda: self.save_template())
        self.edit_button.hide()  # a record is corrected by deleting it and adding it again

    def _make_table(self):
        table = super()._make_table()
        metrics = table.fontMetrics()
        for column, width in enumerate((56, 220, metrics.horizontalAdvance("Tập thể") + 28, 260, 170, 110,
                                        metrics.horizontalAdvance("00/00/0000") + 24,
                                        metrics.horizontalAdvance(UNLINKED) + 28)):
            if column != self.STRETCH_COLUMN:
                table.horizontalHeader().resizeSection(column, width)
        return table

    def intro(self) -> str:
        return ("Danh hiệu, hình thức khen thưởng đã nhận qua các năm. Điều kiện như “2 năm liên tục Chiến sĩ "
                "thi đua cơ sở” được xét theo sổ này, với các dòng đã khớp tên (cột “Liên kết”).")

    def _build(self) -> None:
        super()._build()
        top = QHBoxLayout()
        top.addWidget(QLabel("Tìm:"))
        top.addWidget(self.search, 1)
        top.addSpacing(12)
        for button in self.excel.values():
            top.addWidget(button)
        layout = self.layout()
        layout.insertLayout(layout.indexOf(self.table), top)

    # --- rows ------------------------------------------------------------------------------

    def load(self) -> list[HistoryRow]:
        return [HistoryRow.of(record) for record in award_history.list_records(self.store)]

    def reload(self) -> None:
        loaded = attempt(self, self.load)
        if loaded.ok:
            self.records = loaded.value
        self.show_rows()

    def show_rows(self, *_args) -> None:
        kept = self.selected()
        wanted = fold(self.search.text())
        self.model.replace_rows([row for row in self.records if wanted in row.key])
        self.select(kept.id if kept is not None else None)
        shown, total = len(self.model.rows), len(self.records)
        self.count.setText(f"{shown}/{total} {self.NOUN}" if shown != total else f"{total} {self.NOUN}")

    def edit_selected(self, *_args) -> None:
        """No editing: the service keeps a record as entered (delete and add again to correct it)."""

    # --- add and delete ------------------------------------------------------------------------

    def make_form(self, item) -> RecordForm:
        def save(data: RecordData) -> Saved:
            added = award_history.add_record(self.store, data)
            return Saved(added.changes, added.value)

        names = {OFFICIAL: registers.official_names(self.store, active_only=False),
                 COLLECTIVE: [(item.id, item.name) for item in registers.list_collectives(self.store)]}
        return RecordForm(save, names, award_kinds.award_kinds(self.store), self.year, self)

    def added(self, result: Saved) -> Saved:
        return result

    def deleted(self, item: HistoryRow) -> Saved:
        return Saved(award_history.delete_record(self.store, item.id), None)

    def push(self, step: Saved) -> None:
        record_steps(self, step.changes)

    # --- Excel ---------------------------------------------------------------------------------

    def import_workbook(self, path: Path | None = None) -> tuple[int, int] | None:
        """Read a workbook, say how many rows it holds, and on "Yes" add those not yet in the book."""
        path = path or ask_excel_path(self, self.store, False, "Chọn tệp Excel sổ theo dõi khen thưởng")
        if path is None:
            return None
        found = run(self, "Đang đọc tệp Excel", lambda progress: award_history.read_history_workbook(Path(path)))
        if not found.ok or not found.value:
            return None
        records = found.value
        answer = QMessageBox.question(
            self, "Nhập sổ theo dõi khen thưởng",
            f"Sẽ nhập {len(records)} dòng từ tệp “{Path(path).name}”.\n"
            "Dòng đã có trong sổ (cùng người, năm, danh hiệu và số quyết định) sẽ được bỏ qua.\n\nNhập ngay?")
        if answer != QMessageBox.StandardButton.Yes:
            return None
        before = {row.id for row in self.records}
        imported = run(self, "Đang nhập sổ theo dõi khen thưởng", lambda progress: award_history.import_records(
            self.store, records))
        if not imported.ok:
            return None
        done = imported.value
        record_steps(self, done.changes)
        imported = done.value
        QMessageBox.information(self, "Đã nhập sổ theo dõi khen thưởng", import_message(
            imported.added, imported.skipped,
            sum(1 for row in self.records if row.id not in before and row.record.subject_id is None)))
        return imported.added, imported.skipped

    def export_workbook(self, path: Path | None = None) -> Path | None:
        path = path or ask_excel_path(self, self.store, True, "Lưu sổ theo dõi khen thưởng ra tệp Excel", EXPORT_NAME)
        if path is None or not run(self, "Đang lưu tệp Excel", lambda progress: award_history.write_history_workbook(
                self.store, path)).ok:
            return None
        QMessageBox.information(self, "Đã xuất sổ theo dõi khen thưởng",
                                f"Đã lưu {len(self.records)} dòng vào tệp:\n{path}")
        return path

    def save_template(self, path: Path | None = None) -> Path | None:
        path = path or ask_excel_path(self, self.store, True, "Lưu tệp mẫu sổ theo dõi khen thưởng", TEMPLATE_NAME)
        if path is None or not run(self, "Đang lưu tệp mẫu", lambda progress: award_history.write_history_template(
                path)).ok:
            return None
        QMessageBox.information(self, "Đã lưu tệp mẫu",
                                f"Đã lưu tệp mẫu vào:\n{path}\n\nMỗi dòng một lần khen thưởng; cột "
                                f"“{HISTORY_HEADER[2]}” ghi “Cá nhân” hoặc “Tập thể”, ngày ghi dạng 15/11/2024. "
                                "Điền xong, lưu lại rồi bấm “Nhập từ Excel…”.")
        return path


def import_message(added: int, skipped: int, unlinked: int) -> str:
    """"Đã nhập 12, bỏ qua 3 dòng đã có." and, when some names matched no one, how many."""
    text = f"Đã nhập {added}, bỏ qua {skipped} dòng đã có." if skipped else f"Đã nhập {added} dòng."
    if unlinked:
        text += (f"\n\n{unlinked} dòng có tên không khớp với danh sách (cột “Liên kết” ghi “{UNLINKED}”): "
                 "các dòng này chưa được tính khi xét điều kiện khen thưởng.")
    return text

