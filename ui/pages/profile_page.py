"""Thông tin đơn vị: the commune profile, each field saved as the clerk leaves it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.dates import place_and_date
from app.errors import UserError
from app.services.changes import PROFILE, Changes
from app.services.profile import FIELD_LABELS, CommuneProfile, get_profile, set_profile_field
from app.store import Store
from ui.dialogs.error_dialog import show_error
from ui.widgets.autosave import Autosave
from ui.pages.page import Page

# (field, example shown while empty); the labels are the service's, which also names the undo step
EXAMPLES = (
    ("commune_name", "ví dụ: Hòa Bình Xuân"),
    ("province", "ví dụ: Quảng Ngãi"),
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
    "ví dụ báo cáo, tờ trình năm 2024 in lại hôm nay. Mỗi giấy tờ gửi cấp trên có vào đúng ngày ghi trên giấy."
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
        group = QGroupBox("Thông tin đơn vị dùng trên các văn bản")
        group.setLayout(form)
        self.preview = QLabel(objectName="preview", wordWrap=True)
        hierarchy = QLabel(HIERARCHY_NOTE, objectName="hierarchy_note", wordWrap=True)
        note = QLabel("Mỗi thay đổi được lưu ngay khi gõ. Hoàn tác bằng Ctrl+Z.", wordWrap=True)
        note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(group)
        layout.addWidget(hierarchy)
        layout.addWidget(self.preview)
        layout.addWidget(note)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        self._saved = get_profile(self.store)
        for name, editor in self.editors.items():
            editor.setText(getattr(self._saved, name))
        self._show_preview()

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
        commune = f"XÃ {profile.commune_name.upper()}" if profile.commune_name else "XÃ …"
        self.preview.setText(
            "Xem trước phần đầu văn bản:\n"
            f"ỦY BAN NHÂN DÂN {commune}    —    Số: …/KH-{suffix}\n"
            f"{place_and_date(profile.place_name or '…', date.today())}"
        )
