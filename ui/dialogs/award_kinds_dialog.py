"""Danh hiệu và hình thức khen thưởng: the award kinds, their council vote and their eligibility rules, as data.

The clerk edits what the province decides differently (the vote share, who
grants it, whether a rule blocks or only warns, the numbers in a rule); the
kinds of rule stay those the code knows (``app.domain.awards``). Each save is
one call of ``save_kind``, an action the data's journal can undo.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.awards import DISCIPLINE_ORDER, AwardKind, kind_from_dict
from app.domain.law import authority_history, grant_periods, known_kinds, money_kinds, period_text
from app.services import award_kinds
from app.services.award_kinds import LEVEL_LABELS, SUBJECT_LABELS
from ui.dialogs.register_dialog import RegisterDialog, RegisterModel
from ui.widgets.form_dialog import FormDialog
from ui.dialogs.award_history_dialog import Saved, record_steps
from ui.dialogs.award_kind_texts import describe_rule, new_key, rule_numbers, stored_number

KIND_LABELS = {"title": "Danh hiệu thi đua", "form": "Hình thức khen thưởng"}
BASE_LABELS = {"present": "số thành viên dự họp", "all": "tổng số thành viên Hội đồng"}
HOW_LABELS = {True: "trên (quá)", False: "từ … trở lên"}
BLOCKING_TIP = "Bắt buộc: không đạt thì không đủ điều kiện. Không bắt buộc: chỉ nhắc để Hội đồng lưu ý."
BY_LAW = "Theo luật, theo ngày hồ sơ"
MONEY_BY_LAW = ("Hệ số tiền thưởng theo nghị định có hiệu lực vào ngày ký quyết định (Nghị định 91/2017, 98/2023, "
                "152/2025…), không sửa ở đây.")
NO_RULES = ("Danh hiệu mới chưa có điều kiện xét tự động: phần mềm không kiểm tra điều kiện, "
            "Hội đồng xét theo hồ sơ.")


@dataclass(frozen=True)
class KindRow:
    id: str  # the kind's key
    kind: AwardKind
    active: bool = True


class KindsModel(RegisterModel):
    HEADERS = ("Tên", "Đối tượng", "Cơ quan quyết định", "Cấp", "Tỷ lệ phiếu")

    def texts(self, item: KindRow) -> tuple[str, ...]:
        kind = item.kind
        name = kind.name if item.active else f"{kind.name} (ngừng dùng)"
        if kind.key in known_kinds():  # the law's, by the dossier's day: read only
            return (name, SUBJECT_LABELS.get(kind.subject, kind.subject), authority_history(kind.key), BY_LAW,
                    kind.vote.describe())
        return (name, SUBJECT_LABELS.get(kind.subject, kind.subject), kind.authority,
                LEVEL_LABELS.get(kind.authority_level, kind.authority_level), kind.vote.describe())

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 0:
            kind = self._rows[index.row()].kind
            return "\n".join(part for part in (kind.name, kind.basis and f"Căn cứ: {kind.basis}", kind.note) if part)
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() in (2, 3):
            return grant_bases(self._rows[index.row()].kind.key) or None
        return super().data(index, role)


def grant_bases(key: str) -> str:
    """One line per dated grant of a shipped kind: "từ 01/7/2025: Chủ tịch UBND xã — Nghị định 129/2025 …"."""
    lines = []
    for grant in grant_periods(key):
        when = period_text(grant) or "mọi thời điểm"
        checked = "" if grant.verified else " (chưa đối chiếu văn bản)"
        lines.append(f"{when}: {grant.grantor} — {grant.basis}{checked}")
    return "\n".join(lines)


class RulesEditor(QWidget):
    """The rules of one kind, one readable line each, with "Bắt buộc" ticked and the selected rule's numbers."""

    def __init__(self, rules: list[dict], names: dict[str, str], subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules, self.names, self.subject = rules, names, subject
        self.table = QTableWidget(len(rules), 2, objectName="rules")
        self.table.setHorizontalHeaderLabels(("Điều kiện", "Bắt buộc"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("Bắt buộc") + 28)
        for row, rule in enumerate(rules):
            self.table.setItem(row, 0, QTableWidgetItem())
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            tick.setCheckState(Qt.CheckState.Checked if rule.get("blocking", True) else Qt.CheckState.Unchecked)
            tick.setToolTip(BLOCKING_TIP)
            self.table.setItem(row, 1, tick)
            self._show_rule(row)
        self.table.setFixedHeight(self.table.verticalHeader().defaultSectionSize() * max(len(rules), 3)
                                  + self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth())
        self.table.itemChanged.connect(self._ticked)
        self.numbers = QGroupBox("Số của điều kiện đang chọn", objectName="numbers")
        self.numbers_form = QFormLayout(self.numbers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.numbers)
        self.table.itemSelectionChanged.connect(self._show_numbers)
        self._show_numbers()

    def _show_rule(self, row: int) -> None:
        text = describe_rule(self.rules[row], self.names, self.subject)
        self.table.item(row, 0).setText(text)
        self.table.item(row, 0).setToolTip(text)

    def _ticked(self, item: QTableWidgetItem) -> None:
        if item.column() != 1:
            return
        rule = self.rules[item.row()]
        if item.checkState() == Qt.CheckState.Checked:
            rule.pop("blocking", None)  # blocking is the default
        else:
            rule["blocking"] = False

    def set_blocking(self, rule_name: str, blocking: bool) -> None:
        """Tick or untick the first rule of that name (as a click would)."""
        row = next(number for number, rule in enumerate(self.rules) if rule.get("rule") == rule_name)
        self.table.item(row, 1).setCheckState(Qt.CheckState.Checked if blocking else Qt.CheckState.Unchecked)

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _show_numbers(self) -> None:
        while self.numbers_form.rowCount():
            self.numbers_form.removeRow(0)
        row = self.current_row()
        if row < 0:
            self.numbers_form.addRow(QLabel("Chọn một điều kiện để sửa số (số lần, số năm, tỷ lệ)."))
            return
        rule = self.rules[row]
        for field, label, low, high in rule_numbers(rule):
            self.numbers_form.addRow(label, self._number_box(row, field, low, high))
        if rule.get("rule") == "no_discipline":
            self.numbers_form.addRow("Tính từ hình thức:", self._discipline_box(row))
        if not self.numbers_form.rowCount():
            self.numbers_form.addRow(QLabel("Điều kiện này không có số để sửa."))

    def _number_box(self, row: int, field: str, low: int, high: int) -> QWidget:
        value = self.rules[row].get(field, low)
        if field == "min_percent":
            box = QDoubleSpinBox(objectName=field, minimum=low, maximum=high, decimals=1, suffix=" %")
        else:
            box = QSpinBox(objectName=field, minimum=low, maximum=high)
        box.setValue(float(value) if field == "min_percent" else int(value))
        box.valueChanged.connect(lambda number: self._set_number(row, field, number))
        return box

    def _set_number(self, row: int, field: str, number) -> None:
        self.rules[row][field] = int(number) if float(number).is_integer() else float(number)
        self._show_rule(row)

    def _discipline_box(self, row: int) -> QComboBox:
        box = QComboBox(objectName="min_form")
        box.addItem("mọi hình thức", None)
        for form in DISCIPLINE_ORDER:
            box.addItem(form, form)
        box.setCurrentIndex(max(box.findData(self.rules[row].get("min_form")), 0))
        box.currentIndexChanged.connect(lambda _index: self._set_floor(row, box.currentData()))
        return box

    def _set_floor(self, row: int, form: str | None) -> None:
        if form:
            self.rules[row]["min_form"] = form
        else:
            self.rules[row].pop("min_form", None)
        self._show_rule(row)


class KindForm(FormDialog):
    """One kind's definition; a new kind (``raw`` None) gets no rules."""

    def __init__(self, save, raw: dict | None, names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(f"Sửa “{raw['name']}”" if raw else "Thêm danh hiệu, hình thức khen thưởng", save, parent)
        self.raw = copy.deepcopy(raw) if raw else {"kind": "title"}
        self.raw.setdefault("rules", [])
        self.name = QLineEdit(self.raw.get("name", ""), objectName="name",
                              placeholderText="ví dụ: Giấy khen của Chủ tịch UBND xã")
        self.kind = self._combo("kind", KIND_LABELS, self.raw.get("kind", "title"))
        self.subject = self._combo("subject", SUBJECT_LABELS, self.raw.get("subject", "individual"))
        self.authority = QLineEdit(self.raw.get("authority", ""), objectName="authority",
                                   placeholderText="ví dụ: Chủ tịch UBND xã")
        self.level = self._combo("level", LEVEL_LABELS, self.raw.get("authority_level", "commune"))
        if self.raw.get("key") in known_kinds():  # who grants it is the law's, by date: shown, not edited
            self.authority.setText(authority_history(self.raw["key"]))
            for widget in (self.authority, self.level):
                widget.setEnabled(False)
                widget.setToolTip(grant_bases(self.raw["key"]))
            self.level.setItemText(self.level.currentIndex(), BY_LAW)
        self.vote_row, self.vote_text = self._vote_widgets(self.raw.get("vote", {}))
        self.money = QDoubleSpinBox(objectName="money", minimum=0, maximum=50, decimals=2, singleStep=0.1,
                                    specialValueText="Không có", suffix=" × mức lương cơ sở")
        self.money.setValue(float(self.raw.get("money_coefficient") or 0))
        # A kind for persons and collectives alike may pay a collective more (Giấy khen: 0,3 and 0,6).
        self.collective_money = QDoubleSpinBox(objectName="collective_money", minimum=0, maximum=50, decimals=2,
                                               singleStep=0.1, specialValueText="Như cá nhân",
                                               suffix=" × mức lương cơ sở")
        self.collective_money.setValue(float(self.raw.get("money_coefficient_collective") or 0))
        self.subject.currentIndexChanged.connect(self._show_collective_money)
        self._show_collective_money()
        self.money_by_law = self.raw.get("key") in money_kinds()  # the decree of the decision's date pays it
        for box in (self.money, self.collective_money):
            box.setEnabled(box.isEnabled() and not self.money_by_law)
            box.setToolTip(MONEY_BY_LAW if self.money_by_law else "")
        for label, widget in (("Tên:", self.name), ("Loại:", self.kind), ("Đối tượng:", self.subject),
                              ("Cơ quan quyết định:", self.authority), ("Cấp:", self.level),
                              ("Tỷ lệ phiếu cần đạt:", self.vote_row), ("", self.vote_text),
                              ("Tiền thưởng (hệ số):", self.money),
                              ("Tiền thưởng tập thể (hệ số):", self.collective_money)):
            self.form.addRow(label, widget)
        if self.raw["rules"]:
            self.rules = RulesEditor(self.raw["rules"], names, self.raw.get("subject", "individual"))
            self.form.addRow("Điều kiện xét:", self.rules)
        else:
            self.rules = None
            self.form.addRow("Điều kiện xét:", QLabel(NO_RULES, objectName="no_rules", wordWrap=True))
        self.setMinimumWidth(760)

    @staticmethod
    def _combo(name: str, labels: dict, current) -> QComboBox:
        box = QComboBox(objectName=name)
        for value, label in labels.items():
            box.addItem(label, value)
        box.setCurrentIndex(max(box.findData(current), 0))
        return box

    def _vote_widgets(self, vote: dict) -> tuple[QWidget, QLabel]:
        self.how = self._combo("how", HOW_LABELS, bool(vote.get("strictly_more", True)))
        self.percent = QDoubleSpinBox(objectName="percent", minimum=1, maximum=100, decimals=2, suffix=" %")
        self.percent.setValue(float(vote.get("percent", 50)))
        self.base = self._combo("base", BASE_LABELS, vote.get("base", "present"))
        self.secret = QCheckBox("Bỏ phiếu kín", objectName="secret", checked=bool(vote.get("secret_ballot")))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.how, self.percent, self.base):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(self.secret)
        layout.addStretch(1)
        self._vote_label = QLabel(objectName="vote_text")
        self._vote_label.setStyleSheet("color: #555")
        for signal in (self.how.currentIndexChanged, self.percent.valueChanged, self.base.currentIndexChanged):
            signal.connect(self._show_vote)
        self._show_vote()
        return row, self._vote_label

    def vote(self) -> dict:
        vote = dict(self.raw.get("vote", {}))
        vote.update(percent=stored_number(self.percent.value(), vote.get("percent")),
                    base=self.base.currentData(), strictly_more=self.how.currentData())
        if self.secret.isChecked():
            vote["secret_ballot"] = True
        else:
            vote.pop("secret_ballot", None)
        return vote

    def _show_vote(self, *_args) -> None:
        rule = kind_from_dict({"key": "-", "name": "-", "vote": self.vote()}).vote
        self._vote_label.setText(f"Cần: {rule.describe()}")

    def entered(self) -> dict:
        raw = dict(self.raw, name=self.name.text(), kind=self.kind.currentData(), subject=self.subject.currentData(),
                   vote=self.vote())
        if self.authority.isEnabled():  # a shipped kind keeps its stored text: the law data speaks for it
            raw.update(authority=self.authority.text().strip(), authority_level=self.level.currentData())
        for key, box in (("money_coefficient", self.money), ("money_coefficient_collective", self.collective_money)):
            if self.money_by_law:
                continue  # shown, not edited: resources/law/money.json decides
            if box.value() > 0 and box.isEnabled():
                raw[key] = stored_number(box.value(), raw.get(key))
            else:
                raw.pop(key, None)
        return copy.deepcopy(raw)

    def _show_collective_money(self, *_args) -> None:
        by_law = getattr(self, "money_by_law", False)
        self.collective_money.setEnabled(self.subject.currentData() == "both" and not by_law)


class AwardKindsDialog(RegisterDialog):
    TITLE = "Danh hiệu và hình thức khen thưởng"
    NOUN = "danh hiệu, hình thức"
    MODEL = KindsModel
    STRETCH_COLUMN = 0
    WIDTH = 1080

    def __init__(self, store, undo_stack, notify, parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, notify, date.today().year, parent)
        self.delete_button.hide()  # kinds named in the history and in past dossiers stay

    def _make_table(self):
        table = super()._make_table()
        metrics = table.fontMetrics()
        for column, text in enumerate(("", "Cá nhân, tập thể", "Chủ tịch UBND huyện", "Xã tự khen thưởng",
                                       "từ 80% trở lên tổng số thành viên Hội đồng"), start=0):
            if text:
                table.horizontalHeader().resizeSection(column, metrics.horizontalAdvance(text) + 24)
        return table

    def intro(self) -> str:
        return ("Điều kiện, thẩm quyền và tỷ lệ phiếu của từng danh hiệu theo quy định hiện hành; "
                "tỉnh quy định khác thì sửa tại đây (bấm đúp để sửa). Mọi thay đổi đều hoàn tác được.")

    def load(self) -> list[KindRow]:
        active = award_kinds.award_kinds(self.store)
        return [KindRow(key, kind, key in active) for key, kind in award_kinds.award_kinds(self.store, False).items()]

    def _names(self) -> dict[str, str]:
        return {row.id: row.kind.name for row in self.model.rows}

    def make_form(self, item: KindRow | None) -> KindForm:
        taken = set(self._names())

        def save(raw: dict) -> Saved:
            if item is None:
                raw = dict(raw, key=new_key(raw.get("name", ""), taken))
            return Saved(award_kinds.save_kind(self.store, raw), raw["key"])

        raw = award_kinds.kind_definition(self.store, item.id) if item else None
        return KindForm(save, raw, self._names(), self)

    def added(self, result: Saved) -> Saved:
        return result  # a new kind is undoable too: undo takes its row out again

    def edited(self, _before: KindRow, result: Saved) -> Saved:
        return result

    def push(self, step: Saved) -> None:
        record_steps(self, step.changes)
