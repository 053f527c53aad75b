"""The council's own rules per year: defaults from resources, saved per year as one undoable action, read
back by the resolver with their source."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.awards import Quorum, VoteRule
from app.errors import UserError
from app.services import council, council_rules, dossier, undo

YEAR = 2024


def _open(store) -> int:
    return next(item.id for item in dossier.list_dossiers(store, YEAR) if item.campaign.startswith("Phong trào"))


def test_a_year_never_saved_has_the_shipped_defaults(store):
    """2/3 quorum from council-rules.json, no threshold of its own, not saved."""
    rules = council_rules.rules(store, YEAR)
    assert rules.quorum == Quorum(2, 3) and dict(rules.thresholds) == {} and not rules.saved


def test_rules_are_saved_per_year_and_undo_restores_them(demo_store):
    """3/4 and LĐTT 60 % for 2024 leave 2025 at the defaults; undo brings 2024's defaults back."""
    ldtt = VoteRule(Decimal(60), "present", False)
    changes = council_rules.save_rules(demo_store, YEAR, Quorum(3, 4), {"ldtt": ldtt})
    assert changes.label == "Sửa quy chế của Hội đồng năm 2024" and changes.step
    saved = council_rules.rules(demo_store, YEAR)
    assert saved.quorum == Quorum(3, 4) and saved.thresholds == {"ldtt": ldtt} and saved.saved
    assert not council_rules.rules(demo_store, 2030).saved  # a year the demo has no rules for
    undo.undo(demo_store)
    assert not council_rules.rules(demo_store, YEAR).saved


def test_the_councils_quorum_and_threshold_decide_the_outcome(demo_store):
    """A quorum of 7/7 fails the demo's meeting (6 present); LĐTT at 100 % of those present fails 5/6."""
    dossier_id = _open(demo_store)
    council_rules.save_rules(demo_store, YEAR, Quorum(7, 7), {"giay_khen_huyen": VoteRule(Decimal(100), "present",
                                                                                          False)})
    held = council.meeting(demo_store, dossier_id)
    assert not held.quorum_met and "theo quy chế của Hội đồng" in held.quorum_text()
    outcome = next(item for item in council.outcomes(demo_store, dossier_id).values()
                   if item.result is not None and item.result.votes_for == 5)
    assert outcome.result.passed is False
    assert outcome.rule.describe() == "từ 100% trở lên số thành viên dự họp (theo quy chế của Hội đồng)"


def test_the_rules_screen_marks_what_the_law_sets_on_the_dossiers_day(demo_store):
    """For the demo's dossier of 05/12/2024: CSTĐCS by NĐ 98/2023 Điều 30.7, LĐTT by the council."""
    view = council_rules.dossier_rules_view(demo_store, _open(demo_store))
    by_key = {item.key: item for item in view.kinds}
    assert view.day == date(2024, 12, 5)
    assert by_key["cstdcs"].law.source == "Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7"
    assert by_key["ldtt"].law is None


@pytest.mark.parametrize("quorum, percent, message", [
    (Quorum(4, 3), Decimal(50), "không hợp lệ"),
    (Quorum(2, 3), Decimal(0), "phải lớn hơn 0%"),
])
def test_impossible_rules_are_refused_in_vietnamese(store, quorum, percent, message):
    """A quorum above all members or a 0 % threshold says what to fix."""
    with pytest.raises(UserError, match=message):
        council_rules.save_rules(store, YEAR, quorum, {"ldtt": VoteRule(percent, "present", True)})
