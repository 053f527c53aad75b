"""Quyết định: who the commune rewards itself and who goes up, then the Chairman's decision.

Before anything is printed the clerk sees the council's result split by who
grants each award: "Xã quyết định khen thưởng" (with the money each receives:
coefficient × base salary) beside "Trình cấp trên", and under them those the
council did not carry. The decision's fields save themselves; "Ban hành quyết
định" writes the granted awards into the award history and locks the decision
(undo, or “Hủy ban hành…” in any later session, withdraws it); "Xuất quyết định…" writes it to be signed; "In giấy khen…"
opens once it is issued.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QValidator
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import clean_line, clean_text
from app.services import award_decision
from app.services.award_decision import Decision, Routing, decision_money
from app.services.dossier import Nomination
from ui.commune_awards_commands import write_papers
from ui.widgets.optional_date import OptionalDate
from ui.dossier import GREEN, GREY, ID_ROLE, AutoField, DossierView, KeyedRowsModel, fit_rows, make_table, note_label
from ui.runner import attempt
from ui.widgets.autosave import text_box

SUFFIX = " đồng"
SIDE_BY_SIDE_WIDTH = 760


def money_text(amount: int) -> str:
    """ "702.000": Vietnamese thousands separated by dots."""
    return f"{amount:,}".replace(",", ".")


class MoneyBox(QSpinBox):
    """An amount in đồng shown "2.340.000 đồng"; typed with or without the dots."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name, minimum=0, maximum=999_999_999, singleStep=10_000,
                         suffix=SUFFIX, keyboardTracking=False)

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt's name)
        return money_text(value)

    def valueFromText(self, text: str) -> int:  # noqa: N802
        digits = re.sub(r"\D", "", text.removesuffix(SUFFIX))
        return int(digits) if digits else 0

    def validate(self, text: str, position: int):
        body = text.removesuffix(SUFFIX).strip()
        if not re.fullmatch(r"[\d. ]*", body) or len(re.sub(r"\D", "", body)) > 9:
            return QValidator.State.Invalid, text, position
        return (QValidator.State.Acceptable if re.search(r"\d", body) else QValidator.State.Intermediate,
                text, position)


def lock(widget, locked: bool) -> None:
    """Read-only, and seen to be: the window's colour behind the text (still selectable, to copy)."""
    widget.setReadOnly(locked)
    palette = widget.parentWidget().palette() if widget.parentWidget() else QPalette()
    if locked:
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
    widget.setPalette(palette)
    if isinstance(widget, QSpinBox):
        widget.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons if locked else QSpinBox.ButtonSymbols.UpDownArrows)


class ListedModel(KeyedRowsModel):
    """Nominees, one row each: (nomination, the texts of the columns)."""

    def __init__(self, headers: tuple[str, ...], parent=None, amounts: int | None = None) -> None:
        super().__init__(parent)
        self.HEADERS, self.amounts = headers, amounts  # amounts: the column of money, aligned right

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, texts = self._rows[index.row()]
        if role == ID_ROLE:
            return item.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return texts[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.amounts:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def show_items(self, rows) -> None:
        self.show_rows(rows, lambda row: row[0].id)


class DecisionTab(QWidget):
    def __init__(self, edits, undo_stack, today=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits, self.undo_stack, self.today = edits, undo_stack, today
        self.view: DossierView | None = None
        self.split: Routing | None = None
        self.decision: Decision | None = None
        self.granted_model = ListedModel(("Họ tên / tập thể", "Danh hiệu, hình thức", "Tiền thưởng"), self, amounts=2)
        self.superior_model = ListedModel(("Họ tên / tập thể", "Danh hiệu, hình thức", "Cấp quyết định"), self)
        self.refused_model = ListedModel(("Họ tên / tập thể", "Danh hiệu, hình thức", "Kết quả biểu quyết"), self)
        self.granted = make_table(self.granted_model, "granted")
        self.superior = make_table(self.superior_model, "superior")
        self.refused = make_table(self.refused_model, "not_carried")
        self.total = QLabel(objectName="money_total", wordWrap=True)
        self.superior_note = note_label(name="superior_note")
        self.number = QLineEdit(objectName="decision_number", placeholderText="Ví dụ: 45/QĐ-UBND")
        self.signed_on = OptionalDate("signed_on")
        self.base_salary = MoneyBox("base_salary")
        self.base_salary.setToolTip("Mức lương cơ sở dùng tính tiền thưởng (hệ số × lương cơ sở, "
                                    "Nghị định 152/2025/NĐ-CP Điều 50)")
        self.executors = text_box("executors", 3, "Ví dụ: Văn phòng HĐND và UBND xã, công chức Tài chính - "
                                                  "Kế toán và các tập thể, cá nhân có tên tại Điều 1")
        self.recipients = text_box("recipients", 3, "Như Điều 3\nLưu: VT")
        self.status = QLabel(objectName="decision_status", wordWrap=True)
        self.issue_button = QPushButton("Ban hành quyết định", objectName="issue_decision",
                                        clicked=lambda: self.issue_or_withdraw())
        self.issue_button.setToolTip("Ghi các danh hiệu, hình thức khen thưởng của quyết định vào sổ theo dõi "
                                     "khen thưởng; sau đó quyết định không sửa được nữa")
        self.export_button = QPushButton("Xuất quyết định…", objectName="export_decision",
                                         clicked=lambda: self.export())
        self.export_button.setToolTip("Quyết định kèm danh sách (PDF, Word) và danh sách (Excel), để trình ký")
        self.certificates_button = QPushButton("In giấy khen…", objectName="print_certificates",
                                               clicked=lambda: self.print_certificates())
        self.fields = self._fields()
        self._build()

    def _fields(self) -> dict[str, AutoField]:
        def saver(name: str):  # the service names the undo step after the field
            return lambda key, value: self._save(key, name, value)

        def box(edit, name: str) -> AutoField:
            return AutoField(lambda: clean_text(edit.toPlainText()), edit.setPlainText, saver(name),
                             [edit.textChanged], (), [edit], self)

        number, day, salary = self.number, self.signed_on, self.base_salary
        return {
            "number": AutoField(lambda: clean_line(number.text()), number.setText,
                                saver("number"), [number.textEdited],
                                [number.editingFinished], (), self),
            "signed_on": AutoField(day.value, lambda v: day.set_value(v, self._year()),
                                   saver("signed_on"), [day.edit.dateChanged],
                                   [day.given.toggled, day.edit.editingFinished], (), self),
            "base_salary": AutoField(salary.value, salary.setValue, saver("base_salary"),
                                     (), [salary.valueChanged], (), self),
            "executors": box(self.executors, "executors"),
            "recipients": box(self.recipients, "recipients"),
        }

    def _build(self) -> None:
        self.granted_box = QGroupBox(objectName="granted_box")
        granted = QVBoxLayout(self.granted_box)
        granted.addWidget(self.granted)
        granted.addWidget(self.total)
        self.superior_box = QGroupBox(objectName="superior_box")
        superior = QVBoxLayout(self.superior_box)
        superior.addWidget(self.superior)
        superior.addWidget(self.superior_note)
        superior.addStretch(1)
        granted.addStretch(1)
        self.lists = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.lists.addWidget(self.granted_box, 3)
        self.lists.addWidget(self.superior_box, 2)
        self.refused_box = QGroupBox(objectName="refused_box")
        QVBoxLayout(self.refused_box).addWidget(self.refused)
        decision_box = QGroupBox("Quyết định khen thưởng của Chủ tịch UBND xã")
        form = QFormLayout(decision_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Số quyết định:", self.number)
        form.addRow("Ngày ký:", self.signed_on)
        form.addRow("Lương cơ sở:", self.base_salary)
        form.addRow(QLabel("Điều 3 — cơ quan, cá nhân chịu trách nhiệm thi hành:"))
        form.addRow(self.executors)
        form.addRow(QLabel("Nơi nhận (mỗi dòng một nơi):"))
        form.addRow(self.recipients)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 0, 4, 0)
        column.addLayout(self.lists)
        column.addWidget(self.refused_box)
        column.addWidget(decision_box)
        column.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        buttons = QHBoxLayout()
        for button in (self.issue_button, self.export_button, self.certificates_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        stretch, fit = QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents
        for table, modes in ((self.granted, (stretch, stretch, fit)), (self.superior, (stretch, stretch, fit)),
                             (self.refused, (stretch, stretch, stretch))):
            header = table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setMinimumSectionSize(60)
            for number, mode in enumerate(modes):
                header.setSectionResizeMode(number, mode)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """The two lists side by side when there is room, one above the other on a narrow window."""
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.lists.direction() != direction:
            self.lists.setDirection(direction)
        super().resizeEvent(event)

    def _year(self) -> int:
        return self.view.dossier.year if self.view else self.signed_on.edit.date().year()

    # --- showing ------------------------------------------------------------------------

    def show_view(self, view: DossierView) -> None:
        self.view = view
        dossier_id = view.dossier.id
        self.decision, self.split = view.decision, view.routing  # read with the view: no second judgement
        for name, field in self.fields.items():
            field.show(dossier_id, getattr(self.decision, name))
        self._show_lists(view)
        self._show_state()

    def _money(self, item: Nomination) -> int:  # as the paper pays it: the coefficient of the signing date
        return decision_money(item, self.decision.base_salary, self.decision.signed_on or self.view.day)

    def _show_lists(self, view: DossierView) -> None:
        split = self.split
        granted = [(item, (item.name, item.award_name, self._money_cell(item))) for item in split.commune]
        superior = [(item, (item.name, item.award_name, item.award.authority if item.award else ""))
                    for item in split.superior]
        refused = [(item, (item.name, item.award_name, view.outcome_text(item.id))) for item in split.not_carried]
        for model, table, rows in ((self.granted_model, self.granted, granted),
                                   (self.superior_model, self.superior, superior),
                                   (self.refused_model, self.refused, refused)):
            model.show_items(rows)
            fit_rows(table, len(rows))
            table.setVisible(bool(rows))  # an empty list is said in words, not shown as empty headers
        self.lists.setStretchFactor(self.granted_box, 3 if granted else 1)  # the empty list gives way
        self.lists.setStretchFactor(self.superior_box, 3 if superior else 1)
        self.granted_box.setTitle(f"Xã quyết định khen thưởng ({len(granted)})")
        self.superior_box.setTitle(f"Trình cấp trên ({len(superior)})")
        self.refused_box.setTitle(f"Không được Hội đồng thông qua ({len(refused)})")
        self.refused_box.setVisible(bool(refused))
        self.superior_note.setText("Đi theo tờ trình (thẻ “Tờ trình”)." if superior else
                                   "Không có ai phải trình cấp trên khen thưởng.")
        total = sum(self._money(item) for item in split.commune)
        self.total.setText(f"<b>Tổng tiền thưởng: {money_text(total)} đồng</b> (lương cơ sở "
                           f"{money_text(self.decision.base_salary)} đồng)" if total else
                           f"<span style='color:{GREY}'>Không có khoản tiền thưởng nào.</span>" if granted else
                           f"<span style='color:{GREY}'>Hội đồng chưa thông qua ai thuộc thẩm quyền khen "
                           "thưởng của Chủ tịch UBND xã.</span>")

    def _money_cell(self, item: Nomination) -> str:
        amount = self._money(item)
        return f"{money_text(amount)} đồng" if amount else "—"

    def _show_state(self) -> None:
        issued = self.decision.issued
        for widget in (self.number, self.base_salary, self.executors, self.recipients):
            lock(widget, issued)
        self.signed_on.setEnabled(not issued)
        self.issue_button.setText("Hủy ban hành…" if issued else "Ban hành quyết định")
        self.issue_button.setToolTip(
            "Gỡ các khen thưởng của quyết định khỏi sổ theo dõi để sửa quyết định, danh sách hoặc số phiếu"
            if issued else "Ghi các danh hiệu, hình thức khen thưởng của quyết định vào sổ theo dõi khen thưởng; "
                           "sau đó quyết định không sửa được nữa")
        self.certificates_button.setEnabled(issued)
        self.certificates_button.setToolTip("In giấy khen cho các cá nhân, tập thể trong quyết định" if issued else
                                            "Ban hành quyết định trước rồi in giấy khen")
        if issued:
            self.status.setText(f"<b style='color:{GREEN}'>Đã ban hành lúc {self.decision.issued_at:%H:%M} ngày "
                                f"{self.decision.issued_at:%d/%m/%Y}</b> — đã ghi vào sổ theo dõi khen thưởng; "
                                "muốn sửa, bấm “Hủy ban hành…”.")
        else:
            self.status.setText("Chưa ban hành. Nhập số, ngày ký rồi bấm “Ban hành quyết định”: các khen thưởng "
                                "của xã được ghi vào sổ theo dõi khen thưởng.")

    def flush(self) -> None:
        for field in self.fields.values():
            field.flush()

    # --- editing --------------------------------------------------------------------------

    def _save(self, dossier_id: int, name: str, value) -> bool:
        """Save one field; the tab shows the saved decision itself (the money follows the base salary)."""
        store = self.edits.store
        outcome = attempt(self, lambda: award_decision.update_decision(store, dossier_id, **{name: value}))
        if not outcome.ok:
            return False
        saved = outcome.value
        if self.view is not None and self.view.dossier.id == dossier_id:
            self.decision = saved.value
            self._show_lists(self.view)
        self.undo_stack.record(saved.changes, origin=self.edits.parent)  # the dossier page need not reload
        return True

    def issue_or_withdraw(self) -> bool:
        return self.withdraw_decision() if self.decision is not None and self.decision.issued else self.issue_decision()

    def withdraw_decision(self, confirm: bool | None = None) -> bool:
        """Hủy ban hành: the awards leave the history and the decision opens for editing. A domain act that
        works in any later session, whatever was done since; an action in the journal too (undo issues it again)."""
        if self.view is None or not self.decision.issued:
            return False
        decision, dossier_id = self.decision, self.view.dossier.id
        if confirm is None:
            confirm = QMessageBox.question(
                self, "Hủy ban hành quyết định?",
                f"Hủy ban hành Quyết định số {decision.number}?\n\nCác khen thưởng của quyết định được gỡ khỏi sổ theo "
                "dõi khen thưởng; quyết định, danh sách đề nghị và số phiếu lại sửa được. Có thể hoàn tác.",
            ) == QMessageBox.StandardButton.Yes
        if not confirm:
            return False
        outcome = attempt(self, lambda: award_decision.withdraw(self.edits.store, dossier_id))
        if not outcome.ok:
            return False
        self.undo_stack.record(outcome.value)  # every tab of the dossier locks or opens again: the page reloads
        return True

    def issue_decision(self, confirm: bool | None = None) -> bool:
        """Issue the decision after the clerk agrees (``confirm``: skip the question, for tests)."""
        if self.view is None:
            return False
        self.flush()
        dossier_id, decision = self.view.dossier.id, self.decision
        ready = decision.number and decision.signed_on and self.split.commune
        if ready and not self._confirm_issue(confirm):  # not ready: the service says what is missing
            return False
        store, now = self.edits.store, datetime.now().replace(microsecond=0)
        issued = attempt(self, lambda: award_decision.issue(store, dossier_id, now, self.today))
        if not issued.ok:
            return False
        self.undo_stack.record(issued.value.changes)
        return True

    def _confirm_issue(self, confirm: bool | None) -> bool:
        if confirm is not None:
            return confirm
        decision, count = self.decision, len(self.split.commune)
        answer = QMessageBox.question(
            self, "Ban hành quyết định?",
            f"Ban hành Quyết định số {decision.number} ngày {decision.signed_on:%d/%m/%Y}?\n\n"
            f"{count} danh hiệu, hình thức khen thưởng trong quyết định sẽ được ghi vào sổ theo dõi khen thưởng "
            "(để xét khen thưởng những năm sau). Sau khi ban hành, quyết định và số phiếu không sửa được nữa; "
            "nếu ban hành nhầm, bấm Hoàn tác hoặc “Hủy ban hành…”.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def export(self, folder: str | None = None) -> list[Path]:
        """Write the decision and its list to a folder (``folder``: skip the question, for tests)."""
        from app.exporters.decision_files import decision_base_name, decision_list_base_name, write_decision_files

        if self.view is None:
            return []
        self.flush()
        store, dossier_id, year = self.edits.store, self.view.dossier.id, self.view.dossier.year
        names = [f"{decision_base_name(year)}.pdf", f"{decision_base_name(year)}.docx",
                 f"{decision_list_base_name(year)}.xlsx"]
        return write_papers(self, store, "quyết định khen thưởng", names,
                            lambda target, progress: write_decision_files(store, dossier_id, target, self.today,
                                                                          progress=progress), folder)

    def print_certificates(self) -> None:
        from ui.dialogs.certificates_dialog import CertificatesDialog

        if self.view is None or self.decision is None or not self.decision.issued:
            return
        self.flush()
        dialog = CertificatesDialog(self.edits.store, self.undo_stack, self.edits.notify, self,
                                    year=self.view.dossier.year, dossier_id=self.view.dossier.id)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
