"""The plan's own fields: number, date, summary line, legal bases, narrative sections, recipients, signer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.plan_kinds import plan_kind
from app.services.plans import MAX_YEAR, MIN_YEAR, Plan, PlanData
from ui.widgets.autosave import Autosave, text_box
from ui.widgets.date_field import DateField


def _lines(box: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in box.toPlainText().split("\n") if line.strip())


class PlanInfoEditor(QScrollArea):
    """Emits ``edited(plan_id, before, after)`` when the clerk's changes should be saved."""

    edited = Signal(int, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None
        self.autosave = Autosave(self._emit, self)
        self.year = QSpinBox(objectName="plan_year", minimum=MIN_YEAR, maximum=MAX_YEAR)
        # Scrolling the form must never change the year (it moves every checkpoint of the plan).
        self.year.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.year.installEventFilter(self)
        self.kind_label = QLabel(objectName="plan_kind")
        self.number = QLineEdit(objectName="plan_number", placeholderText="Ví dụ: 15/KH-UBND")
        self.has_date = QCheckBox("Đã có ngày ban hành:", objectName="plan_has_date")
        self.issue_date = DateField(objectName="plan_issue_date")
        self.title = QLineEdit(objectName="plan_title", placeholderText="Trích yếu, ví dụ “Cải cách hành chính năm 2024”")
        self.intro = text_box("plan_intro", 3, "Đoạn mở đầu (nếu có)", fixed=False)
        self.legal_bases = text_box("plan_legal_bases", 3, "Mỗi dòng một căn cứ, ví dụ “Căn cứ Nghị quyết số 76/NQ-CP …;”", fixed=False)
        self.recipients = text_box("plan_recipients", 3, "Mỗi dòng một nơi nhận; dòng cuối “Lưu: VT.”", fixed=False)
        self.signer_authority = QLineEdit(objectName="plan_signer_authority")
        self.signer_title = QLineEdit(objectName="plan_signer_title")
        self.signer_name = QLineEdit(objectName="plan_signer_name")
        self.sections: dict[str, QPlainTextEdit] = {}
        self._sections_form = QFormLayout()
        self._build()
        self.setEnabled(False)

    def _build(self) -> None:
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.issue_date)
        date_row.addStretch(1)
        form = QFormLayout()
        for label, field in (
            ("Loại kế hoạch:", self.kind_label), ("Năm:", self.year), ("Số:", self.number), ("", date_row),
            ("Trích yếu:", self.title), ("Mở đầu:", self.intro), ("Căn cứ:", self.legal_bases),
        ):
            form.addRow(label, field)
        tail = QFormLayout()
        for label, field in (
            ("Nơi nhận:", self.recipients), ("Thẩm quyền ký:", self.signer_authority),
            ("Chức vụ người ký:", self.signer_title), ("Người ký:", self.signer_name),
        ):
            tail.addRow(label, field)
        body = QWidget()
        layout = QVBoxLayout(body)
        for part in (form, self._sections_form, tail):
            layout.addLayout(part)
        layout.addStretch(1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        for box in (self.intro, self.legal_bases, self.recipients):
            box.textChanged.connect(self.autosave.changed)
        for line in (self.number, self.title, self.signer_authority, self.signer_title, self.signer_name):
            line.textEdited.connect(self.autosave.changed)
            line.editingFinished.connect(self.autosave.flush)
        self.year.valueChanged.connect(self.autosave.changed)
        self.autosave.fields += [self.intro, self.legal_bases, self.recipients, self.number, self.title,
                                 self.signer_authority, self.signer_title, self.signer_name]  # marked if not saved
        self.has_date.toggled.connect(self._date_toggled)
        self.issue_date.dateChanged.connect(self.autosave.changed)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.year and event.type() == QEvent.Type.Wheel and not self.year.hasFocus():
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def _rebuild_sections(self, kind: str) -> None:
        while self._sections_form.rowCount():
            self._sections_form.removeRow(0)
        self.sections = {}
        for section in plan_kind(kind).sections:
            box = text_box(f"section_{section.key}", 3, fixed=False)
            box.textChanged.connect(self.autosave.changed)
            self.autosave.fields.append(box)
            self.sections[section.key] = box
            self._sections_form.addRow(f"{section.heading.capitalize()}:", box)

    def show_plan(self, plan: Plan | None) -> None:
        self.plan = plan
        with self.autosave:
            self.setEnabled(plan is not None)
            if plan is None:
                return
            if set(self.sections) != {s.key for s in plan_kind(plan.kind).sections}:
                self._rebuild_sections(plan.kind)
            self.kind_label.setText(plan.kind_label)
            self.year.setValue(plan.year)
            self.number.setText(plan.number)
            self.has_date.setChecked(plan.issue_date is not None)
            day = plan.issue_date or date.today()
            self.issue_date.setDate(QDate(day.year, day.month, day.day))
            self.issue_date.setEnabled(plan.issue_date is not None)
            self.title.setText(plan.title)
            self.intro.setPlainText(plan.intro)
            self.legal_bases.setPlainText("\n".join(plan.legal_bases))
            self.recipients.setPlainText("\n".join(plan.recipients))
            for key, box in self.sections.items():
                box.setPlainText(plan.section(key))
            self.signer_authority.setText(plan.signer_authority)
            self.signer_title.setText(plan.signer_title)
            self.signer_name.setText(plan.signer_name)

    def fix_year(self, fixed: bool) -> None:
        """Progress is recorded under this year: the year is shown but not editable (a change would be refused)."""
        self.year.setReadOnly(fixed)
        self.year.setToolTip("Kế hoạch đã có kỳ việc được cập nhật tiến độ nên không đổi năm được; "
                             "dùng “Sao chép…” để lập kế hoạch năm khác." if fixed else "")

    def _date_toggled(self, on: bool) -> None:
        self.issue_date.setEnabled(on)
        self.autosave.changed()

    def entered(self) -> PlanData:
        qdate = self.issue_date.date()
        return replace(
            self.plan.data,
            year=self.year.value(),
            number=self.number.text().strip(),
            issue_date=date(qdate.year(), qdate.month(), qdate.day()) if self.has_date.isChecked() else None,
            title=self.title.text().strip(),
            intro=self.intro.toPlainText().strip(),
            legal_bases=_lines(self.legal_bases),
            recipients=_lines(self.recipients),
            sections=tuple((key, box.toPlainText().strip()) for key, box in self.sections.items()),
            signer_authority=self.signer_authority.text().strip(),
            signer_title=self.signer_title.text().strip(),
            signer_name=self.signer_name.text().strip(),
        )

    def _emit(self) -> None:
        if self.plan is None:
            return
        after = self.entered()
        if after != self.plan.data:
            self.edited.emit(self.plan.id, self.plan.data, after)

    def accept_saved(self, plan: Plan) -> None:
        self.plan = plan
