"""The award queries: what the dossier papers, the decision, the registration list and the statistics read."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import UserError
from app.queries.awards import (
    carried_nominees,
    decision_paper_facts,
    dossier_gaps,
    dossier_info,
    dossier_paper_facts,
    registration_facts,
    statistics_facts,
)
from app.services.award_history import list_records
from app.services.dossier import update_dossier

TODAY = date(2025, 3, 15)


def test_dossier_paper_facts_give_each_nominee_its_own_award_history(demo_store):
    """The achievement reports read each nominee's past awards, keyed by the nomination."""
    facts = dossier_paper_facts(demo_store, 1, TODAY)
    assert facts.nominations and set(facts.records) == {item.id for item in facts.nominations}
    for item in facts.nominations:
        assert facts.records[item.id] == tuple(list_records(demo_store, item.subject_kind, item.subject_id))
    assert set(facts.outcomes) == {item.id for item in facts.nominations}
    assert facts.meeting.dossier_id == 1 and facts.profile.commune_name == "Hòa Bình Xuân"


def test_the_carried_set_is_one_for_every_paper(demo_store):
    """Dossier 1: nine carried, Huỳnh Văn Ân not (2/6); the papers' facts and the decision read the same set."""
    voted = carried_nominees(demo_store, 1, TODAY)
    assert [item.name for item in voted.not_carried] == ["Huỳnh Văn Ân"]
    assert (voted.tally.persons, voted.tally.collectives) == (8, 1)
    assert dossier_paper_facts(demo_store, 1, TODAY).carried == voted
    own = carried_nominees(demo_store, 2, TODAY)
    assert own.tally.text() == "01 tập thể, 08 cá nhân (09 lượt đề nghị)"  # Lê Thị Mai: CSTĐCS and LĐTT
    assert {item.id for item in decision_paper_facts(demo_store, 2, TODAY).granted} <= {item.id for item in own.carried}


def test_decision_paper_facts_grant_only_what_the_commune_grants(demo_store):
    """The Chairman's decision lists the carried nominees whose award the commune grants."""
    facts = decision_paper_facts(demo_store, 2, TODAY)
    assert facts.decision.dossier_id == 2 and facts.granted
    assert all(item.award.authority_level == "commune" for item in facts.granted)
    assert facts.held_on is not None


def test_a_missing_dossier_is_a_vietnamese_user_error(demo_store):
    """Asking for a dossier that was deleted says so in Vietnamese."""
    with pytest.raises(UserError, match="Không tìm thấy hồ sơ khen thưởng"):
        dossier_info(demo_store, 999)


def test_dossier_gaps_list_what_stops_printing(demo_store):
    """A dossier without a letter number and date is not ready; a complete one has no gaps."""
    assert dossier_gaps(demo_store, 1, TODAY) == () and dossier_gaps(demo_store, 2, TODAY) == ()
    update_dossier(demo_store, 2, letter_number="", letter_date=None)
    assert {gap.what for gap in dossier_gaps(demo_store, 2, TODAY)} == {"Tờ trình chưa có số.", "Tờ trình chưa có ngày."}


def test_registration_facts_name_everyone_who_could_register(demo_store):
    """The registration list reads who registered and every official and collective, with their names."""
    facts = registration_facts(demo_store, 2024)
    assert facts.registered and facts.people and facts.groups
    assert all(isinstance(name, str) and name for _id, name, _position in facts.people)
    assert registration_facts(demo_store, 2023).registered == frozenset()


def test_statistics_facts_refuse_a_span_that_is_not_one(demo_store):
    """A span that ends before it starts is refused in Vietnamese, before anything is counted."""
    statistics, profile = statistics_facts(demo_store, 2022, 2024)
    assert statistics.years == (2022, 2023, 2024) and profile.commune_name == "Hòa Bình Xuân"
    with pytest.raises(UserError, match="sau năm kết thúc"):
        statistics_facts(demo_store, 2024, 2022)
