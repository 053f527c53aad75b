"""Danh hiệu và hình thức khen thưởng: vote shares, blocking rules and rule numbers edited and undone; new kinds."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox

from app.services import award_kinds
from app.services.changes import AWARDS
from ui.dialogs.award_kinds_dialog import (
    AwardKindsDialog,
    KindForm,
    KindRow,
    KindsModel,
    describe_rule,
    new_key,
)
from ui.journal_undo import JournalUndoStack

from .conftest import type_text
from .test_award_history_dialog import when_modal


def _open(qtbot, store):
    changes = []
    stack = JournalUndoStack(store, changes.append)
    dialog = AwardKindsDialog(store, stack, changes.append)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, stack, changes


def _edit(dialog, key, act) -> None:
    """Select the kind, press Sửa…, run ``act(form)`` and press Lưu."""
    dialog.select(key)
    when_modal(KindForm, lambda form: (act(form), form.accept()))
    dialog.edit_button.click()


def _rule(store, key, name):
    return next(rule for rule in award_kinds.kind_definition(store, key)["rules"] if rule["rule"] == name)


def test_kinds_model_passes_qt_model_checks(qtmodeltester, store):
    """The kinds table is a well-behaved Qt model."""
    model = KindsModel()
    model.replace_rows([KindRow(key, kind) for key, kind in award_kinds.award_kinds(store).items()])
    qtmodeltester.check(model)


def test_vote_share_changed_then_undone(qtbot, store):
    """Chiến sĩ thi đua cơ sở needs 75% after the edit; undo brings back 80%, redo 75% again."""
    dialog, stack, changes = _open(qtbot, store)
    _edit(dialog, "cstdcs", lambda form: form.percent.setValue(75))
    assert award_kinds.kind_definition(store, "cstdcs")["vote"]["percent"] == "75"
    row = [row.id for row in dialog.model.rows].index("cstdcs")
    assert dialog.model.index(row, 4).data() == "từ 75% trở lên tổng số thành viên Hội đồng"
    assert changes[-1].touches(AWARDS) and stack.count() == 1
    stack.undo()
    assert award_kinds.kind_definition(store, "cstdcs")["vote"]["percent"] == "80"
    assert dialog.model.index(row, 4).data() == "từ 80% trở lên tổng số thành viên Hội đồng"
    stack.redo()
    assert award_kinds.award_kinds(store)["cstdcs"].vote.percent == 75


def test_registration_rule_made_blocking(qtbot, store):
    """Ticking "Bắt buộc" on the registration rule of Lao động tiên tiến saves it as blocking."""
    dialog, _stack, _changes = _open(qtbot, store)
    assert _rule(store, "ldtt", "registered")["blocking"] is False
    _edit(dialog, "ldtt", lambda form: form.rules.set_blocking("registered", True))
    assert _rule(store, "ldtt", "registered").get("blocking", True) is True
    registered = [rule for rule in award_kinds.award_kinds(store)["ldtt"].rules if rule["rule"] == "registered"]
    assert [rule.get("blocking", True) for rule in registered] == [True]


def test_rule_numbers_edited_in_the_small_form(qtbot, store):
    """Selecting the window rule shows its numbers; 3 times instead of 2 is saved and read back in the rule's line."""
    dialog, _stack, _changes = _open(qtbot, store)

    def act(form):
        form.rules.table.selectRow(0)
        form.rules.numbers.findChild(QSpinBox, "min").setValue(3)
        assert form.rules.table.item(0, 0).text().startswith("Ít nhất 3 lần “Giấy khen của Chủ tịch UBND huyện”")

    _edit(dialog, "gk_cchc_2021_2025", act)
    assert _rule(store, "gk_cchc_2021_2025", "awards_in_window")["min"] == 3


def test_unchanged_form_adds_no_undo_step(qtbot, store):
    """Lưu without changing anything keeps every shipped definition as it was and leaves the undo stack empty."""
    dialog, stack, changes = _open(qtbot, store)
    for key in award_kinds.award_kinds(store):
        before = award_kinds.kind_definition(store, key)
        _edit(dialog, key, lambda form: None)
        assert award_kinds.kind_definition(store, key) == before, key
    assert stack.count() == 0 and changes == []


def test_new_kind_is_added_with_a_key_from_its_name(qtbot, store):
    """A new kind gets an ASCII key made from its name and appears among the kinds, with no rules; undo (which
    a new kind lacked before the journal) takes it out again."""
    dialog, stack, changes = _open(qtbot, store)

    def fill(form):
        assert form.rules is None
        type_text(form.name, "Giấy khen của Đoàn Thanh niên xã")
        form.subject.setCurrentIndex(form.subject.findData("both"))
        type_text(form.authority, "Bí thư Đoàn xã")
        form.percent.setValue(60)

    when_modal(KindForm, lambda form: (fill(form), form.accept()))
    dialog.add_button.click()
    kind = award_kinds.award_kinds(store)["giay_khen_cua_doan_thanh_nien_xa"]
    assert (kind.name, kind.subject, kind.authority, kind.rules, kind.vote.percent) == (
        "Giấy khen của Đoàn Thanh niên xã", "both", "Bí thư Đoàn xã", (), 60)
    assert dialog.selected().id == "giay_khen_cua_doan_thanh_nien_xa" and changes[-1].touches(AWARDS)
    assert stack.undoText() == "Thêm “Giấy khen của Đoàn Thanh niên xã”"
    dialog.undo_button.click()
    assert "giay_khen_cua_doan_thanh_nien_xa" not in award_kinds.award_kinds(store, active_only=False)
    assert "giay_khen_cua_doan_thanh_nien_xa" not in {row.id for row in dialog.model.rows}


def test_kind_without_a_name_is_refused_in_the_form(qtbot, store):
    """Lưu with a blank name keeps the form open with the reason; nothing is added."""
    dialog, _stack, _changes = _open(qtbot, store)
    before = award_kinds.award_kinds(store)
    seen = []

    def act(form):
        form.accept()
        seen.append((form.isVisible(), form.message.text()))

    when_modal(KindForm, act)
    dialog.add_button.click()
    assert seen == [(True, "Thiếu tên danh hiệu, hình thức khen thưởng.")]
    assert award_kinds.award_kinds(store) == before


def test_new_key_is_ascii_and_unique():
    """Keys are folded ASCII words joined by "_", numbered when the name is taken."""
    assert new_key("Lao động tiên tiến", set()) == "lao_dong_tien_tien"
    assert new_key("Lao động tiên tiến", {"lao_dong_tien_tien", "lao_dong_tien_tien_2"}) == "lao_dong_tien_tien_3"
    assert new_key("“!!”", set()) == "danh_hieu"


def test_rules_read_as_plain_vietnamese(store):
    """Each shipped rule reads as one sentence a clerk understands."""
    names = {key: kind.name for key, kind in award_kinds.award_kinds(store).items()}
    assert describe_rule({"rule": "emulation_qualified"}, names) == "Đạt tiêu chuẩn thi đua của năm"
    assert describe_rule(_rule(store, "gk_cchc_2021_2025", "awards_in_window"), names) == (
        "Ít nhất 2 lần “Giấy khen của Chủ tịch UBND huyện” trong 2021–2025")
    assert describe_rule({"rule": "no_discipline", "min_form": "Cảnh cáo"}, names) == (
        "Không bị kỷ luật từ hình thức cảnh cáo trở lên")
    assert describe_rule(_rule(store, "ttldtt", "members_with_award"), names, "collective") == (
        "Ít nhất 70% thành viên đạt “Lao động tiên tiến”")


def test_a_kind_for_both_may_pay_a_collective_its_own_coefficient(qtbot, store):
    """A kind the clerk added for both, 0,3 for a person and 0,6 for a collective; the field is open only for
    "both" (the shipped kinds' money is the law's, by date: resources/law/money.json)."""
    award_kinds.save_kind(store, {"key": "gk_hoi", "name": "Giấy khen của Hội", "subject": "both", "kind": "form",
                                  "authority": "Chủ tịch Hội", "authority_level": "superior",
                                  "money_coefficient": "0.3", "money_coefficient_collective": "0.6", "rules": []})
    dialog, _stack, _changes = _open(qtbot, store)
    seen = []

    def change(form):
        seen.append((form.money.value(), form.collective_money.value(), form.collective_money.isEnabled()))
        form.collective_money.setValue(0.7)
        form.subject.setCurrentIndex(form.subject.findData("individual"))
        seen.append(form.collective_money.isEnabled())
        form.subject.setCurrentIndex(form.subject.findData("both"))

    _edit(dialog, "gk_hoi", change)
    assert seen == [(0.3, 0.6, True), False]
    kind = award_kinds.award_kinds(store)["gk_hoi"]
    assert (str(kind.coefficient_for("official")), str(kind.coefficient_for("collective"))) == ("0.3", "0.7")
