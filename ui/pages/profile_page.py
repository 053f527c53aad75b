"""Thông tin đơn vị: the commune profile, each field saved as the clerk leaves it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import place_and_date
from app.errors import UserError
from app.services.changes import PROFILE, Changes
from app.services.offices import list_offices
from app.services.profile import (
    FIELD_LABELS,
    UNIT_KINDS,
    CommuneProfile,
    get_profile,
    set_drafting_office,
    set_profile_field,
)
from app.services.superiors import LEVELS
from ui.runner import attempt
from app.store import Store
from ui.dialogs.error_dialog import show_error
from ui.widgets.autosave import Autosave
from ui.pages.page import Page

# (field, example shown while empty); the labels are the service's, which also names the undo step
EXAMPLES = (
    ("commune_name", "ví dụ: Hòa Bình Xuân"),
    ("province", "ví dụ: Quảng Ngãi"),
    ("commune_code", "chỉ gồm chữ số, ví dụ: 21550 (để trống nếu chưa biết)"),
    ("superior_authority", "ví dụ: Ủy ban nhân dân tỉnh Quảng Ngãi"),
    ("receiving_office", "ví dụ: Sở Nội vụ tỉnh Quảng Ngãi"),
    ("district_authority", "ví dụ: Ủy ban nhân dân huyện Bình Xuân"),
    ("district_office", "ví dụ: Phòng Nội vụ huyện Bình Xuân"),
    ("place_name", "ví dụ: Hòa Bình Xuân"),
    ("chairman_name", "ví dụ: Trần Văn Hùng"),
    ("chairman_title", "ví dụ: Chủ tịch"),
    ("clerk_name", "họ tên người lập hồ sơ"),
    ("doc_suffix", "ví dụ: UBND (Số: 15/KH-UBND)"),
)
FIELDS = tuple((name, FIELD_LABELS[name], example) for name, example in EXAMPLES)
# Why there are two superiors: the level is the law's (resources/law/hierarchy.json), the names the commune's.
HIERARCHY_NOTE = (
    "Cơ quan cấp trên và cơ quan nhận hồ sơ (cấp tỉnh) dùng cho giấy tờ ghi ngày từ 01/7/2025. "
    "Hai dòng “trước 01/7/2025” (cấp huyện cũ) dùng cho giấy tờ ghi ngày trước 01/7/2025, "
    "ví dụ báo cáo, tờ trình năm 2024 in lại hôm nay. Mỗi giấy tờ gửi cấp trên có vào đúng ngày ghi trên giấy. "
    "Khi đã có “Cơ quan cấp trên theo thời gian”, giấy tờ theo các giai đoạn đó."
)


class ProfilePage(Page):

    def __init__(self, store: Store, undo_stack, notify, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.notify = store, undo_stack, notify
        self.editors: dict[str, QLineEdit] = {}
        self._saved = CommuneProfile()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, label, example in FIELDS:
            editor = QLineEdit(objectName=name, placeholderText=example)
            Autosave(lambda name=name: self._commit(name), editor).follow(editor)
            self.editors[name] = editor
            form.addRow(f"{label}:", editor)
        self.editors["doc_suffix"].setProperty("sample", "UBND-XA")  # one word: what a test may type there
        self.editors["commune_code"].setProperty("sample", "21550")  # digits only
        self.unit_kind = QComboBox(objectName="unit_kind")
        for key, label in UNIT_KINDS.items():
            self.unit_kind.addItem(label, key)
        self.unit_kind.activated.connect(self._commit_unit_kind)
        form.insertRow(1, f"{FIELD_LABELS['unit_kind']}:", self.unit_kind)
        self.drafting = QComboBox(objectName="drafting_office")
        self.drafting.activated.connect(self._commit_drafting)
        form.addRow(f"{FIELD_LABELS['drafting_office_id']}:", self.drafting)
        group = QGroupBox("Thông tin đơn vị dùng trên các văn bản")
        group.setLayout(form)
        self.superiors = QLabel(objectName="superiors", wordWrap=True)
        history_button = QPushButton("Sửa…", objectName="edit_superiors", clicked=self.open_superiors)
        history = QHBoxLayout()
        history.addWidget(self.superiors, 1)
        history.addWidget(history_button)
        history_group = QGroupBox("Cơ quan cấp trên theo thời gian")
        history_group.setLayout(history)
        self.preview = QLabel(objectName="preview", wordWrap=True)
        hierarchy = QLabel(HIERARCHY_NOTE, objectName="hierarchy_note", wordWrap=True)
        note = QLabel("Mỗi thay đổi được lưu ngay khi gõ. Hoàn tác bằng Ctrl+Z.", wordWrap=True)
        note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(group)
        layout.addWidget(history_group)
        layout.addWidget(hierarchy)
        layout.addWidget(self.preview)
        layout.addWidget(note)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        self._saved = get_profile(self.store)
        for name, editor in self.editors.items():
            editor.setText(getattr(self._saved, name))
        self.unit_kind.setCurrentIndex(max(0, self.unit_kind.findData(self._saved.unit_kind)))
        self.drafting.clear()
        self.drafting.addItem("(chưa chọn)", None)
        for office in list_offices(self.store):
            self.drafting.addItem(office.name, office.id)
        self.drafting.setCurrentIndex(max(0, self.drafting.findData(self._saved.drafting_office_id)))
        self._show_superiors()
        self._show_preview()

    def _show_superiors(self) -> None:
        periods = self._saved.superiors
        lines = [f"{period.span()}: {period.authority} ({LEVELS.get(period.level, period.level).lower()})"
                 + (f"; nhận hồ sơ: {period.office}" if period.office else "") for period in periods]
        self.superiors.setText("\n".join(lines) or "Chưa có giai đoạn nào: giấy tờ dùng các ô cấp trên ở trên.")

    def _commit_unit_kind(self, _index: int) -> None:
        if self.unit_kind.currentData() != self._saved.unit_kind:
            self._record(lambda: set_profile_field(self.store, "unit_kind", self.unit_kind.currentData()))

    def _commit_drafting(self, _index: int) -> None:
        if self.drafting.currentData() != self._saved.drafting_office_id:
            self._record(lambda: set_drafting_office(self.store, self.drafting.currentData()))

    def _record(self, act) -> None:
        outcome = attempt(self, act)
        self.reload()
        if outcome.ok:
            self.undo_stack.record(outcome.value)

    def open_superiors(self) -> None:
        from ui.dialogs.superiors_dialog import SuperiorsDialog

        dialog = SuperiorsDialog(self.store, self.undo_stack, self.notify, date.today().year, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        self.reload()

    def refresh(self, changes: Changes) -> None:
        if changes.touches(PROFILE):
            self.reload()

    def _commit(self, name: str) -> None:
        editor = self.editors[name]
        if editor.text() == getattr(self._saved, name):
            return
        try:
            changes = set_profile_field(self.store, name, editor.text())
        except UserError as error:
            show_error(self, error)
            return
        self.reload()
        self.undo_stack.record(changes)

    def _show_preview(self) -> None:
        profile = self._saved
        suffix = profile.doc_suffix or "UBND"
        unit = profile.unit_word.upper()
        commune = f"{unit} {profile.commune_name.upper()}" if profile.commune_name else f"{unit} …"
        self.preview.setText(
            "Xem trước phần đầu văn bản:\n"
            f"ỦY BAN NHÂN DÂN {commune}    —    Số: …/KH-{suffix}\n"
            f"{place_and_date(profile.place_name or '…', date.today())}"
        )
