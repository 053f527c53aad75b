"""Báo cáo thành tích: each nominee's achievement report (part I identity, duties, achievements, date).

"Soạn từ dữ liệu" fills the report from what the app holds (officials list,
plan tasks led, initiatives, discipline, self-scoring); the clerk then edits.
Replacing text already written asks first, and is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import clean_line, clean_text
from app.services.achievement_draft import (
    COLLECTIVE_FIELDS,
    PERSON_FIELDS,
    draft_report,
)
from app.queries.models.report_forms import choice_note, dossier_purpose, subject_of
from app.services.dossier import OFFICIAL, Nomination
from ui.widgets.optional_date import OptionalDate
from ui.dossier import GREY, ID_ROLE, ORANGE, AutoField, DossierView, html, note_label
from app.services.changes import short
from ui.dossier.nominee_tab import NomineeTab
from ui.runner import attempt
from ui.widgets.autosave import text_box


class IdentityForm(QWidget):
    """Part I of the report: one line per field of the form."""

    def __init__(self, labels: tuple[str, ...], save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits = {label: QLineEdit(objectName=f"identity_{number}") for number, label in enumerate(labels)}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, edit in self.edits.items():
            edit.setMinimumWidth(200)  # narrower than that, the label goes above its field
            form.addRow(label + ":", edit)
        self.field = AutoField(self.read, self.write, save, [edit.textEdited for edit in self.edits.values()],
                               [edit.editingFinished for edit in self.edits.values()], (), self)

    def read(self) -> dict:
        return {label: clean_line(edit.text()) for label, edit in self.edits.items()}

    def write(self, values: dict) -> None:
        for label, edit in self.edits.items():
            edit.setText(str(values.get(label, "")))


class ReportTab(NomineeTab):
    def __init__(self, edits, today, parent: QWidget | None = None) -> None:
        super().__init__(edits, today, parent)
        self.nominees = QListWidget(objectName="report_nominees")
        self.nominees.setMinimumWidth(140)
        self.heading = QLabel(objectName="report_heading", wordWrap=True)
        self.form_note = note_label(name="form_note")
        # the cross-checks about this nominee (signing his own report, a later decision cited …): never a block
        self.warning = QLabel(objectName="report_warning", wordWrap=True)
        self.warning.hide()
        self.draft_button = QPushButton("Soạn từ dữ liệu", objectName="draft_report", clicked=lambda: self.draft(),
                                        toolTip="Điền báo cáo từ danh sách cán bộ, nhiệm vụ kế hoạch, sáng kiến, "
                                                "kỷ luật và kết quả tự chấm điểm")
        self.identity = {OFFICIAL: IdentityForm(PERSON_FIELDS, self._save_identity),
                         "collective": IdentityForm(COLLECTIVE_FIELDS, self._save_identity)}
        self.identity_stack = QStackedWidget()
        self.duties = text_box("duties", 4, "Chức năng, nhiệm vụ, quyền hạn được giao")
        self.achievements = text_box("achievements", 10, "Kết quả, thành tích đạt được trong phong trào", fixed=False)
        self.report_date = OptionalDate("report_date")
        self.fields = self._fields()
        self.body = QWidget()
        self._build()
        self.nominees.currentRowChanged.connect(lambda _row: self._row_changed())
        self.show_current()

    def _fields(self) -> dict[str, AutoField]:
        duties, achievements, day = self.duties, self.achievements, self.report_date
        return {
            "report_duties": AutoField(lambda: clean_text(duties.toPlainText()), duties.setPlainText,
                                       lambda key, value: self._save(key, "Sửa nhiệm vụ được giao",
                                                                     report_duties=value),
                                       [duties.textChanged], (), [duties], self),
            "report_achievements": AutoField(lambda: clean_text(achievements.toPlainText()), achievements.setPlainText,
                                             lambda key, value: self._save(key, "Sửa thành tích",
                                                                           report_achievements=value),
                                             [achievements.textChanged], (), [achievements], self),
            "report_date": AutoField(day.value, lambda value: day.set_value(value, self._year()),
                                     lambda key, value: self._save(key, "Sửa ngày báo cáo", report_date=value),
                                     [day.edit.dateChanged], [day.given.toggled, day.edit.editingFinished], (), self),
        }

    def _build(self) -> None:
        for form in self.identity.values():
            self.identity_stack.addWidget(form)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.draft_button, 0, Qt.AlignmentFlag.AlignTop)
        part_one = QGroupBox("I. Sơ lược lý lịch, thông tin chung")
        QVBoxLayout(part_one).addWidget(self.identity_stack)
        part_two = QGroupBox("II. Thành tích đạt được")
        two = QVBoxLayout(part_two)
        two.addWidget(QLabel("1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:"))
        two.addWidget(self.duties)
        two.addWidget(QLabel("2. Thành tích đạt được:"))
        two.addWidget(self.achievements, 1)
        day = QHBoxLayout()
        day.addWidget(QLabel("Ngày báo cáo:"))
        day.addWidget(self.report_date)
        day.addStretch(1)
        column = QVBoxLayout(self.body)
        column.setContentsMargins(4, 0, 4, 0)
        column.addLayout(top)
        column.addWidget(self.form_note)
        column.addWidget(self.warning)
        column.addWidget(part_one)
        column.addWidget(part_two, 1)
        column.addLayout(day)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        # never narrower than the form: a cut-off right edge would hide fields and the button
        scroll.setMinimumWidth(self.body.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 2)
        splitter = QSplitter(objectName="report_splitter")
        splitter.addWidget(self.nominees)
        splitter.addWidget(scroll)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([220, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _year(self) -> int:
        return self.view.dossier.year if self.view else self.report_date.edit.date().year()

    # --- showing ------------------------------------------------------------------------

    def show_view(self, view: DossierView) -> None:
        self.view = view
        if self._switching:
            return
        if view.nomination(self.current_id) is None:
            self.current_id = view.nominations[0].id if view.nominations else None
        self.nominees.blockSignals(True)
        self.nominees.clear()
        for item in view.nominations:
            entry = QListWidgetItem(f"{item.position}. {item.name}\n    {item.award_name}"
                                    + ("" if item.achievements else " — chưa có báo cáo"))
            entry.setData(ID_ROLE, item.id)
            entry.setToolTip(f"{item.name} — {item.award_name}")
            if not item.achievements:
                entry.setForeground(Qt.GlobalColor.darkRed)
            self.nominees.addItem(entry)
            if item.id == self.current_id:
                self.nominees.setCurrentItem(entry)
        self.nominees.blockSignals(False)
        self.form_note.setText(form_note_text(view))
        self.show_current()

    def select(self, nomination_id: int | None) -> None:
        for row in range(self.nominees.count()):
            if self.nominees.item(row).data(ID_ROLE) == nomination_id:
                self.nominees.setCurrentRow(row)

    def _row_changed(self) -> None:
        item = self.nominees.currentItem()
        self._move_to(item.data(ID_ROLE) if item else None)

    def show_current(self) -> None:
        item = self.view.nomination(self.current_id) if self.view else None
        self.body.setEnabled(item is not None)
        if item is None:
            self.warning.hide()
            self.heading.setText(f"<span style='color:{GREY}'>Chưa có ai trong danh sách đề nghị.</span>")
            for name, empty in (("report_duties", ""), ("report_achievements", ""), ("report_date", None)):
                self.fields[name].show(None, empty)
            return
        self.heading.setText(f"<b>{html(item.name)}</b><br>Đề nghị: {html(item.award_name)}")
        self._show_warnings(item.id)
        form = self.identity[OFFICIAL if item.subject_kind == OFFICIAL else "collective"]
        self.identity_stack.setCurrentWidget(form)
        form.field.show(item.id, item.identity)
        self.fields["report_duties"].show(item.id, item.duties)
        self.fields["report_achievements"].show(item.id, item.achievements)
        self.fields["report_date"].show(item.id, item.report_date)

    def _show_warnings(self, nomination_id: int) -> None:
        found = self.view.warnings_for(nomination_id)
        self.warning.setText("<br>".join(f"<span style='color:{ORANGE}'>⚠ {html(entry.what)}</span>"
                                         for entry in found))
        self.warning.setVisible(bool(found))

    def flush(self) -> None:
        for form in self.identity.values():
            form.field.flush()
        for field in self.fields.values():
            field.flush()

    # --- editing --------------------------------------------------------------------------

    def _save_identity(self, nomination_id: int, values: dict) -> bool:
        return self._save(nomination_id, "Sửa thông tin chung", identity=values)

    def draft(self, confirm: bool | None = None) -> bool:
        """Fill the selected report from the app's data (``confirm``: the answer to "replace?", for tests)."""
        item = self.view.nomination(self.current_id) if self.view else None
        if item is None:
            return False
        self.flush()
        item = self.view.nomination(item.id)
        drafted = attempt(self, lambda: draft_report(self.edits.store, item.id, self.today))
        if not drafted.ok:
            return False
        draft = drafted.value
        replaced = replaced_parts(item, draft)
        if replaced and not self._confirm_replace(replaced, confirm):
            return False
        identity = {label: value or item.identity.get(label, "") for label, value in draft.identity.items()}
        return self.edits.nomination(item.id, f"Soạn báo cáo thành tích — {short(item.name)}", identity=identity,
                                     report_duties=draft.duties, report_achievements=draft.achievements)

    def _confirm_replace(self, replaced: list[str], confirm: bool | None) -> bool:
        if confirm is not None:
            return confirm
        answer = QMessageBox.question(
            self, "Thay nội dung đã nhập?",
            "Bản soạn từ dữ liệu sẽ thay phần đã nhập: " + ", ".join(replaced) + ".\n\n"
            "Thay không? (Có thể hoàn tác bằng Ctrl+Z.)")
        return answer == QMessageBox.StandardButton.Yes


def replaced_parts(item: Nomination, draft) -> list[str]:
    """The parts of the report where text already written would be replaced by a different draft."""
    parts = []
    if any(item.identity.get(label) and value and value != item.identity.get(label)
           for label, value in draft.identity.items()):
        parts.append("thông tin chung")
    if item.duties and item.duties != draft.duties:
        parts.append("quyền hạn, nhiệm vụ được giao")
    if item.achievements and item.achievements != draft.achievements:
        parts.append("thành tích đạt được")
    return parts


def form_note_text(view: DossierView) -> str:
    """ "Theo Mẫu số 08, Nghị định 98/2023/NĐ-CP — …, vì hồ sơ lập ngày 05/12/2024." and where to change it."""
    listed = view.nominations
    purpose = dossier_purpose(item.award.kind if item.award else None for item in listed)
    day, what = view.dossier.letter_date, "hồ sơ lập"
    if day is None and view.meeting.held_on is not None:  # the year's titles: no letter, the council decides
        day, what = view.meeting.held_on, "Hội đồng họp"
    note = choice_note(view.dossier.form_version, purpose, {subject_of(item.subject_kind) for item in listed},
                       day, what)
    return f"Theo {note} Nghị định áp dụng đổi ở thẻ “Tờ trình”."
