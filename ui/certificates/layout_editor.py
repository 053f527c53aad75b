"""The layout editor: the page at scale on the left, the selected field's and the page's numbers on the right.

Every change (a drag ends, a number is committed, a choice is made) is one call
of ``save_layout``: an action the data's journal can undo, mirrored on the shared
undo stack. A change the service refuses (a box outside the page, a box too low
for its smallest font) is shown in its words and the page goes back to what is
saved. Consecutive arrow-key nudges of one box wait for a pause and are saved as
one step (the journal keeps no merged steps, so the editor does not make many).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.certificates import ALIGNS, FIELD_LABELS, FONTS, CertificateLayout, FieldBox
from app.services import award_kinds, certificates
from app.services.certificates import LayoutInfo
from ui.certificates.layout_scene import Geometry, LayoutScene, PageView, snap
from ui.certificates.measure_box import MeasureBox, choice_box, choose_data
from ui.dialogs.export_plan_dialog import last_folder, remember_folder
from ui.runner import Outcome, attempt, run
from ui.widgets.autosave import Autosave

FONT_LABELS = {"serif": "Thường", "serif-bold": "Đậm", "serif-italic": "Nghiêng", "serif-bold-italic": "Đậm nghiêng"}
ALIGN_LABELS = {"left": "Trái", "center": "Giữa", "right": "Phải"}
HINT = ("Kéo một ô để di chuyển (bước 0,5 mm); kéo mép hoặc góc, hoặc giữ Shift khi kéo, để đổi kích thước. "
        "Phím mũi tên dịch ô đang chọn 0,5 mm (Shift: 5 mm). Mọi thay đổi được lưu ngay và hoàn tác được (Ctrl+Z).")
IMAGE_FILTER = "Ảnh phôi đã quét (*.png *.jpg *.jpeg)"


class LayoutEditor(QWidget):
    """One layout at a time (``show_layout``); saves each change itself and pushes its undo step."""

    def __init__(self, store, undo_stack, notify, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.notify = store, undo_stack, notify
        self.info: LayoutInfo | None = None
        self._filling = self._saving = False
        self._pending: tuple[CertificateLayout, str] | None = None  # nudged, saved on a pause (one step)
        self.nudges = Autosave(self._save_nudges, self)
        self.scene = LayoutScene(self)
        self.view = PageView(self.scene)
        self._make_field_widgets()
        self._make_layout_widgets()
        self._build()
        self._connect()
        self.show_layout(None)

    # --- widgets -----------------------------------------------------------------------------------

    def _make_field_widgets(self) -> None:
        self.field_choice = QComboBox(objectName="field_choice", placeholderText="Chọn một ô trên trang…")
        self.x = MeasureBox("x_mm", " mm", 0, 1000)
        self.y = MeasureBox("y_mm", " mm", 0, 1000)
        self.width_box = MeasureBox("width_mm", " mm", 0.5, 1000)
        self.height_box = MeasureBox("height_mm", " mm", 0.5, 1000)
        self.font_choice = choice_box("font", {key: FONT_LABELS.get(key, key) for key in FONTS})
        self.size = MeasureBox("size_pt", " pt", 4, 96)
        self.min_size = MeasureBox("min_size_pt", " pt", 4, 96)
        self.align = choice_box("align", {key: ALIGN_LABELS.get(key, key) for key in ALIGNS})
        self.upper = QCheckBox("In toàn chữ hoa", objectName="upper")
        self.remove_button = QPushButton("Bỏ ô này", objectName="remove_field", clicked=self.remove_field)
        self.add_choice = QComboBox(objectName="add_choice")
        self.add_button = QPushButton("Thêm", objectName="add_field", clicked=self.add_field)

    def _make_layout_widgets(self) -> None:
        self.name = QLineEdit(objectName="layout_name")
        self.award = QComboBox(objectName="award_key")
        self.page_width = MeasureBox("page_width_mm", " mm", 50, 1000)
        self.page_height = MeasureBox("page_height_mm", " mm", 50, 1000)
        self.scan_button = QPushButton("Ảnh phôi đã quét…", objectName="scan", clicked=self.choose_scan)
        self.no_scan_button = QPushButton("Bỏ ảnh", objectName="no_scan", clicked=self.remove_scan)

    def _field_group(self) -> QGroupBox:
        group = QGroupBox("Ô đang chọn", objectName="field_group")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget in (("Cách mép trái:", self.x), ("Cách mép trên:", self.y), ("Chiều rộng:", self.width_box),
                              ("Chiều cao:", self.height_box), ("Kiểu chữ:", self.font_choice), ("Cỡ chữ:", self.size),
                              ("Cỡ chữ nhỏ nhất:", self.min_size), ("Căn lề:", self.align), ("", self.upper)):
            form.addRow(label, widget)
        self.field_form = QWidget()
        self.field_form.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        adding = QHBoxLayout()
        adding.addWidget(QLabel("Thêm ô:"))
        adding.addWidget(self.add_choice, 1)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(group)
        layout.addWidget(self.field_choice)
        layout.addWidget(self.field_form)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addSpacing(6)
        layout.addLayout(adding)
        return group

    def _layout_group(self) -> QGroupBox:
        group = QGroupBox("Mẫu và khổ giấy", objectName="layout_group")
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scans = QHBoxLayout()
        scans.addWidget(self.scan_button, 1)
        scans.addWidget(self.no_scan_button)
        for label, widget in (("Tên mẫu:", self.name), ("In cho:", self.award), ("Khổ giấy rộng:", self.page_width),
                              ("Khổ giấy cao:", self.page_height)):
            form.addRow(label, widget)
        form.addRow(scans)
        return group

    def _build(self) -> None:
        hint = QLabel(HINT, objectName="hint", wordWrap=True)
        hint.setStyleSheet("color: #555")
        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addWidget(hint)
        side = QVBoxLayout()
        side.addWidget(self._field_group())
        side.addWidget(self._layout_group())
        side.addStretch(1)
        panel = QWidget(objectName="side_panel")
        panel.setLayout(side)
        panel.setFixedWidth(max(330, panel.sizeHint().width()))
        side.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(panel)

    def _connect(self) -> None:
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.boxMoving.connect(lambda _key, geometry: self._show_geometry(geometry))
        self.scene.boxEdited.connect(self.commit_geometry)
        self.view.nudged.connect(self.nudge)
        self.field_choice.activated.connect(lambda _index: self.select(self.field_choice.currentData()))
        for spin in (self.x, self.y, self.width_box, self.height_box, self.size, self.min_size):
            spin.valueChanged.connect(self._field_edited)
        for combo in (self.font_choice, self.align):
            combo.activated.connect(self._field_edited)
        self.upper.clicked.connect(self._field_edited)
        # The layout's own fields are saved together, on a pause, on leaving, on every way out — not per
        # keystroke: a save refills the form, so saving one of them alone dropped what the others held.
        self.layout_autosave = Autosave(self._layout_edited, self).follow(self.name, self.page_width, self.page_height)
        self.award.activated.connect(self._layout_edited)

    # --- showing -----------------------------------------------------------------------------------

    @property
    def shown_layout(self) -> CertificateLayout | None:
        """The layout on screen: the saved one, or the nudged one waiting for its pause."""
        if self._pending is not None:
            return self._pending[0]
        return self.info.layout if self.info else None

    def show_layout(self, info: LayoutInfo | None) -> None:
        """Show ``info`` (None: nothing to edit); the selected field stays selected if the layout still has it."""
        if self._pending is not None and (info is None or self.info is None or info.id != self.info.id):
            self.nudges.flush()  # the nudges belong to the layout shown until now
        self.info = info
        scan = attempt(self, lambda: certificates.background_path(self.store, info.id)).value_or(None) if info else None
        self.scene.show_layout(info.layout if info else None, scan)
        self._filling = True
        try:
            self._fill_layout(info)
            self._fill_field_list()
        finally:
            self._filling = False
        self._selection_changed()
        for widget in (self.view, self.name, self.award, self.page_width, self.page_height, self.scan_button,
                       self.field_choice):
            widget.setEnabled(info is not None)
        self.no_scan_button.setEnabled(bool(info and info.background))

    def reload(self) -> None:
        """Read the shown layout again (after undo or redo)."""
        if self.info is not None:
            self.show_layout(attempt(self, lambda: certificates.get_layout(self.store, self.info.id)).value_or(None))

    def _fill_layout(self, info: LayoutInfo | None) -> None:
        layout = info.layout if info else None
        self.name.setText(layout.name if layout else "")
        self.award.clear()
        self.award.addItem("Mọi danh hiệu, hình thức", "")
        kinds = attempt(self, lambda: award_kinds.award_kinds(self.store, active_only=False)).value_or({})
        for key, kind in kinds.items():
            self.award.addItem(kind.name, key)
        if layout:
            choose_data(self.award, layout.award_key)
            self.page_width.setValue(layout.page_width_mm)
            self.page_height.setValue(layout.page_height_mm)

    def _fill_field_list(self) -> None:
        layout = self.shown_layout
        self.field_choice.clear()
        self.add_choice.clear()
        for box in layout.fields if layout else ():
            self.field_choice.addItem(box.label, box.key)
        present = {box.key for box in layout.fields} if layout else set(FIELD_LABELS)
        for key, label in FIELD_LABELS.items():
            if key not in present:
                self.add_choice.addItem(label, key)
        self.add_choice.setEnabled(self.add_choice.count() > 0)
        self.add_button.setEnabled(self.add_choice.count() > 0)

    def selected_box(self) -> FieldBox | None:
        key = self.scene.selected_key()
        return self.shown_layout.box(key) if key and self.shown_layout else None

    def select(self, key: str | None) -> None:
        self.scene.select(key)
        self.view.setFocus()

    def _selection_changed(self) -> None:
        box = self.selected_box()
        self._filling = True
        try:
            self.field_choice.setCurrentIndex(self.field_choice.findData(box.key) if box else -1)
            if box:
                self._show_geometry((box.x_mm, box.y_mm, box.width_mm, box.height_mm))
                self.font_choice.setCurrentIndex(max(self.font_choice.findData(box.font), 0))
                self.size.setValue(box.size_pt)
                self.min_size.setValue(box.min_size_pt)
                self.align.setCurrentIndex(max(self.align.findData(box.align), 0))
                self.upper.setChecked(box.upper)
        finally:
            self._filling = False
        self.field_form.setEnabled(box is not None)
        self.remove_button.setEnabled(box is not None)

    def _show_geometry(self, geometry: Geometry) -> None:
        filling, self._filling = self._filling, True
        try:
            for spin, value in zip((self.x, self.y, self.width_box, self.height_box), geometry, strict=True):
                spin.setValue(value)
        finally:
            self._filling = filling

    # --- saving ------------------------------------------------------------------------------------

    def save(self, layout: CertificateLayout, text: str) -> bool:
        """Save ``layout`` as one action (undoable); a refusal is shown and the saved layout shown again."""
        if self._pending is not None and text != self._pending[1]:
            self.nudges.flush()  # the nudges before this change are their own step
        if self.info is None or layout == self.info.layout or self._saving:
            return False  # _saving: the error box took the focus and a field reported "editing finished" again
        layout_id = self.info.id
        self._saving = True
        try:
            outcome = attempt(self, lambda: certificates.save_layout(self.store, layout, layout_id, text))
        finally:
            self._saving = False
        if not outcome.ok:
            self.show_layout(self.info)
            return False
        saved = outcome.value
        self.show_layout(saved.value)
        self.undo_stack.record(saved.changes, origin=self)
        return True

    def flush(self) -> None:
        """Save what waits: nudges not yet saved, the layout's fields being typed."""
        self.nudges.flush()
        self.layout_autosave.flush()

    def _save_nudges(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self.save(*pending)

    def _replaced(self, box: FieldBox) -> CertificateLayout:
        return replace(self.shown_layout, fields=tuple(box if old.key == box.key else old
                                                       for old in self.shown_layout.fields))

    def _replace_box(self, box: FieldBox, text: str) -> bool:
        return self.save(self._replaced(box), text)

    def commit_geometry(self, key: str, geometry: Geometry, what: str = "move") -> bool:
        """A drag ended: save the box's new place (or size)."""
        box = self.shown_layout.box(key) if self.shown_layout else None
        if box is None:
            return False
        x, y, width, height = geometry
        moved = replace(box, x_mm=x, y_mm=y, width_mm=width, height_mm=height)
        verb = "Đổi kích thước" if what == "resize" else "Di chuyển"
        return self._replace_box(moved, f"{verb} ô “{box.label}”")

    def nudge(self, dx: float, dy: float) -> bool:
        """Move the selected box by an arrow key; a burst of nudges of one box is saved as one step, on a pause."""
        box = self.selected_box()
        if box is None:
            return False
        text = f"Dịch ô “{box.label}”"
        if self._pending is not None and self._pending[1] != text:
            self.nudges.flush()  # another box: the nudges of the first one are their own step
            box = self.selected_box()
        moved = replace(box, x_mm=round(box.x_mm + dx, 2), y_mm=round(box.y_mm + dy, 2))
        self._pending = (self._replaced(moved), text)
        self.scene.fields[box.key].show_box(moved)
        self._show_geometry((moved.x_mm, moved.y_mm, moved.width_mm, moved.height_mm))
        self.nudges.changed()
        return True

    def _field_edited(self, *_args) -> None:
        box = self.selected_box()
        if self._filling or box is None:
            return
        edited = replace(box, x_mm=self.x.value(), y_mm=self.y.value(), width_mm=self.width_box.value(),
                         height_mm=self.height_box.value(), font=self.font_choice.currentData(),
                         size_pt=self.size.value(), min_size_pt=self.min_size.value(),
                         align=self.align.currentData(), upper=self.upper.isChecked())
        # The layout's fields still being typed are saved first (or the save below drops them); that refills
        # the form, which is why the field's values were read above.
        self.layout_autosave.flush()
        if edited != box:
            self._replace_box(edited, f"Sửa ô “{box.label}”")

    def _layout_edited(self, *_args) -> None:
        shown = self.shown_layout
        if self._filling or shown is None:
            return
        name = " ".join(self.name.text().split()) or shown.name
        edited = replace(shown, name=name, award_key=self.award.currentData() or "",
                         page_width_mm=self.page_width.value(), page_height_mm=self.page_height.value())
        if edited == shown:
            return
        renamed = replace(shown, name=name) == edited
        self.save(edited, f"Đổi tên mẫu thành “{name}”" if renamed else f"Sửa mẫu “{name}”")

    def add_field(self) -> bool:
        """Add the field chosen beside "Thêm ô" in the middle of the page, 100 × 10 mm, and select it."""
        key, layout = self.add_choice.currentData(), self.shown_layout
        if not key or layout is None:
            return False
        width = min(100.0, snap(layout.page_width_mm / 2))
        box = FieldBox(key, snap((layout.page_width_mm - width) / 2), snap((layout.page_height_mm - 10) / 2),
                       width, 10.0, size_pt=14.0, min_size_pt=12.0)
        added = self.save(replace(layout, fields=(*layout.fields, box)), f"Thêm ô “{box.label}”")
        if added:
            self.select(key)
        return added

    def remove_field(self) -> bool:
        box = self.selected_box()
        if box is None:
            return False
        fields = tuple(old for old in self.shown_layout.fields if old.key != box.key)
        return self.save(replace(self.shown_layout, fields=fields), f"Bỏ ô “{box.label}”")

    # --- the scanned blank -------------------------------------------------------------------------

    def choose_scan(self, path: Path | None = None) -> bool:
        """Ask for the scan (PNG or JPEG) and show it under the boxes; one undo step."""
        if self.info is None:
            return False
        if not path:
            chosen, _ = QFileDialog.getOpenFileName(self, "Chọn ảnh phôi giấy khen đã quét", last_folder(self.store),
                                                    IMAGE_FILTER)
            if not chosen:
                return False
            path = Path(chosen)
            remember_folder(self.store, str(path.parent))
        layout_id = self.info.id
        return self._record(run(self, "Đang chép ảnh phôi", lambda progress: certificates.set_background(
            self.store, layout_id, Path(path))))

    def remove_scan(self) -> bool:
        if self.info is None or not self.info.background:
            return False
        layout_id = self.info.id
        return self._record(attempt(self, lambda: certificates.remove_background(self.store, layout_id)))

    def _record(self, outcome: Outcome) -> bool:
        if not outcome.ok:
            return False
        self.undo_stack.record(outcome.value, origin=self)
        self.reload()
        return True
