"""“Quy chế của Hội đồng năm …”: the council's own rules of a year — the quorum and the vote each award
needs where the law sets none. Where a decree sets the vote (NĐ 98/2023 Điều 30 khoản 7 for Chiến sĩ thi
đua cơ sở) the row shows the law's rule and its source, read-only: the council cannot lower it.

"Lưu" is one call of ``council_rules.save_rules`` — one undoable action; a refusal keeps the form open.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QSpinBox, QWidget

from app.domain.awards import Quorum, VoteRule
from app.domain.dates import short_date
from app.services import council_rules
from app.services.council_rules import RulesView
from ui.dossier import note_label
from ui.widgets.form_dialog import FormDialog

BASES = (("present", "số thành viên dự họp"), ("all", "tổng số thành viên Hội đồng"))
HOWS = ((True, "trên (quá)"), (False, "từ … trở lên"))


class KindRuleRow:
    """The widgets of one award kind's vote rule."""

    def __init__(self, key: str, rule: VoteRule, law) -> None:
        self.key, self.law = key, law
        self.how = QComboBox(objectName=f"how_{key}")  # made in the order Tab goes: "trên", 50 %, "dự họp"
        self.percent = QDoubleSpinBox(objectName=f"percent_{key}", decimals=2, minimum=0.01, maximum=100,
                                      suffix=" %")
        self.base = QComboBox(objectName=f"base_{key}")
        for box, choices in ((self.base, BASES), (self.how, HOWS)):
            for value, label in choices:
                box.addItem(label, value)
        self.secret = QCheckBox("bỏ phiếu kín", objectName=f"secret_{key}")
        shown = law.rule if law is not None else rule
        self.percent.setValue(float(shown.percent))
        self.base.setCurrentIndex(self.base.findData(shown.base))
        self.how.setCurrentIndex(self.how.findData(shown.strictly_more))
        self.secret.setChecked(shown.secret_ballot)
        for widget in self.widgets():
            widget.setEnabled(law is None)

    def widgets(self) -> tuple[QWidget, ...]:
        return self.how, self.percent, self.base, self.secret

    def rule(self) -> VoteRule:
        percent = Decimal(str(round(self.percent.value(), 2))).normalize()
        return VoteRule(percent, self.base.currentData(), self.how.currentData(), self.secret.isChecked())


class CouncilRulesDialog(FormDialog):
    """The year's rules; ``save((quorum, thresholds))`` is called on "Lưu"."""

    def __init__(self, view: RulesView, save, parent: QWidget | None = None) -> None:
        year = view.rules.year
        super().__init__(f"Quy chế của Hội đồng năm {year}", save, parent)
        self.setObjectName("council_rules_dialog")
        self.view = view
        quorum = view.rules.quorum
        self.numerator = QSpinBox(objectName="quorum_numerator", minimum=1, maximum=99, value=quorum.numerator)
        self.denominator = QSpinBox(objectName="quorum_denominator", minimum=1, maximum=99, value=quorum.denominator)
        fraction = QHBoxLayout()
        for widget in (self.numerator, QLabel("/"), self.denominator, QLabel("tổng số thành viên Hội đồng")):
            fraction.addWidget(widget)
        fraction.addStretch(1)
        self.form.addRow(note_label(
            f"Áp dụng cho hồ sơ ngày {short_date(view.day)}. Pháp luật không quy định số người dự họp tối thiểu "
            "của Hội đồng cấp xã, cũng không quy định tỷ lệ phiếu cho Lao động tiên tiến, Tập thể lao động tiên "
            "tiến, Giấy khen: Hội đồng tự quy định ở đây, biên bản ghi “theo quy chế của Hội đồng”."))
        self.form.addRow("Số người dự họp tối thiểu:", fraction)
        self.rows = [KindRuleRow(item.key, item.council, item.law) for item in view.kinds]
        self.form.addRow(self._grid(view))

    def _grid(self, view: RulesView) -> QWidget:
        holder = QWidget(objectName="thresholds")
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, title in enumerate(("Danh hiệu, hình thức", "Tỷ lệ phiếu đồng ý", "", "tính trên", "",
                                        "Căn cứ")):  # "trên | 50 % | số thành viên dự họp": one phrase
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        for number, (item, row) in enumerate(zip(view.kinds, self.rows), start=1):
            grid.addWidget(QLabel(item.name, wordWrap=True), number, 0)
            for column, widget in enumerate(row.widgets(), start=1):
                grid.addWidget(widget, number, column)
            source = (f"{item.law.source} (pháp luật quy định)" if item.law is not None
                      else f"Quy chế của Hội đồng năm {view.rules.year}")
            grid.addWidget(QLabel(source, wordWrap=True, objectName=f"source_{item.key}"), number, 5)
        return holder

    def row(self, key: str) -> KindRuleRow:
        return next(row for row in self.rows if row.key == key)

    def entered(self) -> tuple[Quorum, dict[str, VoteRule]]:
        """The quorum and the council's thresholds (a row the law governs keeps the council's saved rule)."""
        thresholds = {row.key: row.rule() for row in self.rows if row.law is None}
        kept = {key: rule for key, rule in self.view.rules.thresholds.items() if key not in thresholds}
        return Quorum(self.numerator.value(), self.denominator.value()), kept | thresholds


def edit_rules(parent: QWidget, edits, dossier_id: int) -> bool:
    """Open the rules of the dossier's year; "Lưu" saves them as one undoable step. Whether they were saved."""
    outcome = edits.run(lambda: council_rules.dossier_rules_view(edits.store, dossier_id))
    if not outcome.ok:
        return False
    view = outcome.value
    dialog = CouncilRulesDialog(
        view, lambda entered: council_rules.save_rules(edits.store, view.rules.year, *entered), parent)
    if not dialog.exec():
        return False
    edits.record(dialog.result_value)
    return True
