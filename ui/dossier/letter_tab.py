"""Tờ trình: the submission letter's number, date, addressee and summary, and who it names.

The letter names only the nominees the council carried; the others are listed
under it with the reason, so the clerk sees at once why someone is left out.
The campaign's name and the achievement-report form version are kept here too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import clean_line, clean_text
from app.errors import UserError
from app.queries.models.carried import tally
from app.queries.models.report_forms import decree_choices
from ui.dialogs.error_dialog import show_error
from ui.widgets.optional_date import OptionalDate
from ui.dossier import GREEN, GREY, RED, AutoField, DossierView, html, note_label
from ui.widgets.autosave import text_box


class LetterTab(QWidget):
    def __init__(self, edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits = edits
        self.view: DossierView | None = None
        self.campaign = QLineEdit(objectName="campaign")
        self.form_version = QComboBox(objectName="form_version")
        self.form_version.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.form_version.setMinimumContentsLength(20)
        for key, label in decree_choices().items():
            self.form_version.addItem(label, key)
        self.number = QLineEdit(objectName="letter_number", placeholderText="Ví dụ: 25/TTr-UBND")
        self.letter_date = OptionalDate("letter_date")
        self.addressee = QLineEdit(objectName="addressee", placeholderText="Ví dụ: Chủ tịch Ủy ban nhân dân tỉnh …")
        self.summary = text_box("summary", 6, "Căn cứ thành tích …, Ủy ban nhân dân xã kính đề nghị … tặng …",
                                fixed=False)
        self.included = QLabel(objectName="included", wordWrap=True)
        self.left_out = QLabel(objectName="left_out", wordWrap=True)
        for label in (self.included, self.left_out):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields = self._fields()
        self._build()

    def _fields(self) -> dict[str, AutoField]:
        def saver(name: str, what: str):
            return lambda key, value: self._save(key, name, value, what)

        def line(edit: QLineEdit, name: str, what: str) -> AutoField:
            return AutoField(lambda: clean_line(edit.text()), edit.setText, saver(name, what), [edit.textEdited],
                             [edit.editingFinished], (), self)

        day, box, version = self.letter_date, self.summary, self.form_version
        return {
            "campaign": line(self.campaign, "campaign", "Sửa tên phong trào"),
            "letter_number": line(self.number, "letter_number", "Sửa số tờ trình"),
            "addressee": line(self.addressee, "addressee", "Sửa nơi nhận tờ trình"),
            "letter_date": AutoField(day.value, lambda v: day.set_value(v, self._year()),
                                     saver("letter_date", "Sửa ngày tờ trình"), [day.edit.dateChanged],
                                     [day.given.toggled, day.edit.editingFinished], (), self),
            "summary": AutoField(lambda: clean_text(box.toPlainText()), box.setPlainText,
                                 saver("summary", "Sửa nội dung tờ trình"), [box.textChanged], (), [box], self),
            "form_version": AutoField(version.currentData,
                                      lambda v: version.setCurrentIndex(max(0, version.findData(v))),
                                      saver("form_version", "Đổi mẫu báo cáo thành tích"), (),
                                      [version.currentIndexChanged], (), self),
        }

    def _build(self) -> None:
        dossier_box = QGroupBox("Hồ sơ")
        top = QFormLayout(dossier_box)
        top.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        top.addRow("Phong trào, đợt thi đua:", self.campaign)
        top.addRow("Mẫu báo cáo thành tích theo:", self.form_version)
        letter_box = QGroupBox("Tờ trình")
        form = QFormLayout(letter_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Số:", self.number)
        form.addRow("Ngày:", self.letter_date)
        form.addRow("Kính gửi:", self.addressee)
        form.addRow(QLabel("Nội dung đề nghị (đoạn tóm tắt):"))
        form.addRow(self.summary)
        names_box = QGroupBox("Danh sách kèm tờ trình")
        names = QVBoxLayout(names_box)
        names.addWidget(self.included)
        names.addWidget(self.left_out)
        names.addWidget(note_label("Chỉ người, tập thể được Hội đồng biểu quyết đạt mới có tên trong tờ trình "
                                   "và danh sách (khen thưởng thuộc thẩm quyền Chủ tịch UBND xã thì vào quyết "
                                   "định của xã); biên bản họp ghi kết quả của tất cả."))
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 0, 4, 0)
        column.addWidget(dossier_box)
        column.addWidget(letter_box, 1)
        column.addWidget(names_box)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)

    def _save(self, dossier_id: int, name: str, value, what: str) -> bool:
        if name == "campaign" and not value:  # the service takes an empty name; a dossier needs one
            show_error(self, UserError("Chưa nhập tên phong trào, đợt thi đua.",
                                       "Ví dụ: “Phong trào thi đua đẩy mạnh cải cách hành chính năm 2024”."))
            return False
        return self.edits.dossier(dossier_id, what, **{name: value})

    def _year(self) -> int:
        return self.view.dossier.year if self.view else self.letter_date.edit.date().year()

    def show_view(self, view: DossierView) -> None:
        self.view = view
        dossier = view.dossier
        for name, field in self.fields.items():
            field.show(dossier.id, getattr(dossier, name))
        self._show_names(view)

    def _show_names(self, view: DossierView) -> None:
        named = view.named()
        if named:
            lines = [f"{number}. {html(item.name)} — {html(item.award_name)}" for number, item in enumerate(named, 1)]
            self.included.setText(f"<b style='color:{GREEN}'>Có tên trong tờ trình: {tally(named).text()}</b><br>"
                                  + "<br>".join(lines))
        else:
            self.included.setText(f"<b style='color:{GREY}'>Chưa có ai được Hội đồng biểu quyết đạt.</b>")
        chosen = {item.id for item in named}
        others = [item for item in view.nominations if item.id not in chosen]
        self.left_out.setVisible(bool(others))
        lines = [f"{html(item.name)} — {html(item.award_name)}: {html(self._why_not(view, item))}" for item in others]
        self.left_out.setText(f"<b style='color:{RED}'>Không có tên trong tờ trình ({len(others)}):</b><br>"
                              + "<br>".join(lines))

    @staticmethod
    def _why_not(view: DossierView, item) -> str:
        if view.outcome_state(item.id) is True:  # carried, granted by the commune's own decision
            return "Chủ tịch UBND xã tặng (xem thẻ Quyết định)"
        return view.outcome_text(item.id)

    def flush(self) -> None:
        for field in self.fields.values():
            field.flush()
