"""Thêm vào danh sách đề nghị: individuals or collectives, one award kind for them, a first look at each.

The kinds offered follow the subject chosen (a collective title is not offered
for a person). Each ticked name shows at once whether it meets every rule of
the award, as the list will judge it once added (emulation standards, discipline,
years in a row, initiatives, limits…), and which rules fail; one already
proposed for that award cannot be ticked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.vietnamese import fold
from app.services import dossier as service
from app.services.award_kinds import award_kinds
from app.services.officials import list_officials
from ui.dossier import GREEN, GREY, RED, DossierView, html, note_label
from ui.widgets.autosave import transient

INDIVIDUAL, COLLECTIVE = "individual", "collective"
_SUBJECT_OF = {service.OFFICIAL: INDIVIDUAL, service.COLLECTIVE: COLLECTIVE}
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class AddNomineeDialog(QDialog):
    def __init__(self, store, view: DossierView, today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Thêm vào danh sách đề nghị")
        self.view, self.store, self.today = view, store, today
        year = view.dossier.year
        self.year = year
        self.kinds = award_kinds(store)
        positions = {item.id: item.position for item in list_officials(store, include_inactive=False)}
        self.candidates = [(kind, subject_id, name, positions.get(subject_id, "") if kind == service.OFFICIAL
                            else "Tập thể") for kind, subject_id, name in service.candidates(store)]
        self.people = QRadioButton("Cá nhân", objectName="subject_individual", checked=True)
        self.groups = QRadioButton("Tập thể", objectName="subject_collective")
        self._subjects = QButtonGroup(self)
        for button in (self.people, self.groups):
            self._subjects.addButton(button)
        self.award = QComboBox(objectName="award")
        self.award.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.award.setMinimumContentsLength(24)
        self.award_note = note_label(name="award_note")
        self.search = transient(QLineEdit(objectName="search", placeholderText="Gõ vài chữ của tên để lọc",
                                clearButtonEnabled=True))
        self.list = QListWidget(objectName="candidates")
        self.preview = QLabel(objectName="preview", wordWrap=True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self._build()
        self._connect()
        self._subject_changed()
        self.resize(560, 560)

    def _build(self) -> None:
        subject = QHBoxLayout()
        subject.addWidget(QLabel("Đề nghị cho:"))
        subject.addWidget(self.people)
        subject.addWidget(self.groups)
        subject.addStretch(1)
        award = QHBoxLayout()
        award.addWidget(QLabel("Danh hiệu, hình thức:"))
        award.addWidget(self.award, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(subject)
        layout.addLayout(award)
        layout.addWidget(self.award_note)
        layout.addWidget(QLabel("Đánh dấu những người, tập thể được đề nghị:"))
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel("<b>Xét sơ bộ</b>"))
        scroller = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)  # many picks: scroll, not grow
        scroller.setWidget(self.preview)
        scroller.setMaximumHeight(170)
        layout.addWidget(scroller)
        layout.addWidget(note_label(
            f"Xét theo mọi điều kiện của danh hiệu, hình thức đã chọn, với kết quả đánh giá tiêu chuẩn thi đua năm "
            f"{self.year} (trang Thi đua); chi tiết từng điều kiện hiện ở cột “Điều kiện” sau khi thêm."))
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.people.toggled.connect(lambda _on: self._subject_changed())
        self.award.currentIndexChanged.connect(lambda _i: self._award_changed())
        self.search.textChanged.connect(self._filter)
        self.list.itemChanged.connect(lambda _item: self._show_preview())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # --- choices --------------------------------------------------------------------------

    def subject(self) -> str:
        return INDIVIDUAL if self.people.isChecked() else COLLECTIVE

    def _subject_changed(self) -> None:
        subject = self.subject()
        kept = self.award.currentData()
        self.award.blockSignals(True)
        self.award.clear()
        for key, kind in self.kinds.items():
            if kind.applies_to(subject):
                self.award.addItem(kind.name, key)
                self.award.setItemData(self.award.count() - 1, kind.name, Qt.ItemDataRole.ToolTipRole)
        self.award.setCurrentIndex(max(0, self.award.findData(kept)))
        self.award.blockSignals(False)
        self.list.blockSignals(True)
        self.list.clear()
        for kind, subject_id, name, detail in self.candidates:
            if _SUBJECT_OF[kind] == subject:
                item = QListWidgetItem(f"{name} — {detail}" if detail else name)
                item.setData(KEY_ROLE, (kind, subject_id))
                item.setCheckState(Qt.CheckState.Unchecked)
                self.list.addItem(item)
        self.list.blockSignals(False)
        self._award_changed()

    def _award_changed(self) -> None:
        kind = self.kinds.get(self.award.currentData())
        if kind is not None:
            self.award_note.setText(f"{kind.authority or 'Cấp có thẩm quyền'} quyết định; Hội đồng biểu quyết: "
                                    f"{kind.vote.describe()}.")
        listed = self._listed()
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            already = item.data(KEY_ROLE) in listed
            checkable = Qt.ItemFlag.NoItemFlags if already else Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | checkable)
            if already:
                item.setCheckState(Qt.CheckState.Unchecked)
            item.setForeground(Qt.GlobalColor.gray if already else Qt.GlobalColor.black)
            item.setToolTip("Đã có trong danh sách đề nghị danh hiệu này." if already else "")
        self.list.blockSignals(False)
        self._show_preview()

    def _listed(self) -> set[tuple[str, int]]:
        award_key = self.award.currentData()
        return {(item.subject_kind, item.subject_id) for item in self.view.nominations if item.award_key == award_key}

    def _filter(self, text: str) -> None:
        wanted = fold(text.strip())
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(wanted) and wanted not in fold(item.text()))

    def check(self, kind: str, subject_id: int) -> None:
        """Tick one candidate, as a click would (one already proposed for the award cannot be)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(KEY_ROLE) == (kind, subject_id) and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked)

    def set_award(self, award_key: str) -> None:
        kind = self.kinds.get(award_key)
        if kind is not None and not kind.applies_to(self.subject()):
            (self.groups if self.people.isChecked() else self.people).setChecked(True)
        self.award.setCurrentIndex(self.award.findData(award_key))

    # --- the first look ---------------------------------------------------------------------

    def _checked(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())
                if self.list.item(row).checkState() == Qt.CheckState.Checked]

    def _show_preview(self) -> None:
        checked = self._checked()
        kind = self.kinds.get(self.award.currentData())
        self.ok.setText(f"Thêm vào danh sách ({len(checked)})" if checked else "Thêm vào danh sách")
        self.ok.setEnabled(bool(checked) and kind is not None)
        if not checked:
            self.preview.setText(f"<span style='color:{GREY}'>Chưa đánh dấu ai.</span>")
            return
        picks = [item.data(KEY_ROLE) for item in checked]
        found = service.preview_eligibility(self.store, self.view.dossier.id, picks, self.award.currentData(),
                                            self.today) if kind is not None else {}
        self.preview.setText("<br>".join(self._line(item, found.get(item.data(KEY_ROLE))) for item in checked))

    def _line(self, item: QListWidgetItem, eligibility) -> str:
        name = html(item.text().split(" — ")[0])
        if eligibility is None:
            return f"<span style='color:{GREY}'>?</span> <b>{name}</b>"
        verdict = eligibility.eligible
        if verdict:
            return f"<span style='color:{GREEN}'>✓</span> <b>{name}</b>: đủ điều kiện"
        mark, tint, word = ("✗", RED, "chưa đủ điều kiện") if verdict is False else ("?", GREY, "chưa rõ")
        # Each failing (or unknown) rule on a line of its own, cut short: the list shows it whole once added.
        reasons = [check.reason for check in eligibility.checks if check.blocking and check.passed is not True]
        details = "".join(f"<br>&nbsp;&nbsp;– {html(_clip(reason, 140))}" for reason in reasons)
        return f"<span style='color:{tint}'>{mark}</span> <b>{name}</b>: {word}{details}"

    def picks(self) -> list[tuple[str, int]]:
        return [item.data(KEY_ROLE) for item in self._checked()]

    def award_key(self) -> str | None:
        return self.award.currentData()


def _clip(text: str, length: int = 220) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
