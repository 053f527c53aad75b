"""The commune's own awards: routing by granting authority, registration flags, decision numbers, issuing."""

from datetime import date, datetime
from decimal import Decimal as D

import pytest

from app.errors import UserError
from app.services import award_history, council
from app.services.award_decision import (
    award_money,
    base_salary_on,
    decision_for,
    issue,
    routing,
    update_decision,
    withdraw,
)
from app.services.award_kinds import kind_definition, save_kind
from app.services.dossier import add_nomination, create_dossier, nominations
from app.services.officials import OfficialData, add_official
from app.services.registration import set_registered

TODAY = date(2025, 12, 1)


@pytest.fixture
def carried(store):
    """A 2025 dossier: Mai for Lao động tiên tiến (commune), Hùng for Bằng khen (province), both carried."""
    mai = add_official(store, OfficialData("Lê Thị Mai")).value.id
    hung = add_official(store, OfficialData("Trần Văn Hùng")).value.id
    dossier = create_dossier(store, 2025, "Phong trào thi đua năm 2025", today=TODAY).value.id
    ldtt = add_nomination(store, dossier, "official", mai, "ldtt").value
    bk = add_nomination(store, dossier, "official", hung, "bang_khen_tinh").value
    for number in range(3):
        council.add_member(store, 2025, "Ủy viên", full_name=f"Thành viên {number}")
    council.set_votes(store, ldtt, 3)
    council.set_votes(store, bk, 3)
    return store, dossier, mai, hung


def test_each_carried_nominee_goes_to_the_decision_or_the_letter(carried):
    store, dossier, *_ = carried
    split = routing(store, dossier, TODAY)
    assert [item.name for item in split.commune] == ["Lê Thị Mai"]
    assert [item.name for item in split.superior] == ["Trần Văn Hùng"]
    assert split.not_carried == ()


def test_a_nominee_not_carried_goes_nowhere(carried):
    store, dossier, *_ = carried
    ldtt = next(item.id for item in nominations(store, dossier, TODAY) if item.award_key == "ldtt")
    council.set_votes(store, ldtt, 1)
    split = routing(store, dossier, TODAY)
    assert split.commune == () and [item.name for item in split.not_carried] == ["Lê Thị Mai"]


def test_registration_flags_and_where_the_kind_says_blocks(carried):
    store, dossier, mai, hung = carried
    item = next(item for item in nominations(store, dossier, TODAY) if item.award_key == "ldtt")
    assert not [check for check in item.eligibility.checks if check.rule == "registered" and check.passed is False]
    set_registered(store, 2025, "official", hung, "ldtt", True)  # the year now keeps a registration
    item = next(item for item in nominations(store, dossier, TODAY) if item.award_key == "ldtt")
    assert [w.reason for w in item.eligibility.warnings] == ["không đăng ký “Lao động tiên tiến” đầu năm 2025"]
    raw = kind_definition(store, "ldtt")
    raw["rules"] = [dict(rule, blocking=True) if rule["rule"] == "registered" else rule for rule in raw["rules"]]
    save_kind(store, raw)
    item = next(item for item in nominations(store, dossier, TODAY) if item.award_key == "ldtt")
    assert item.eligibility.eligible is False
    set_registered(store, 2025, "official", mai, "ldtt", True)
    item = next(item for item in nominations(store, dossier, TODAY) if item.award_key == "ldtt")
    assert all(check.rule != "registered" for check in item.eligibility.failing)


def test_a_collective_title_cannot_be_registered_by_a_person(store):
    mai = add_official(store, OfficialData("Lê Thị Mai")).value.id
    with pytest.raises(UserError, match="không dành cho cá nhân"):
        set_registered(store, 2025, "official", mai, "ttldtt", True)


def test_decision_numbers_collide_only_within_the_same_year(carried, store):
    _, dossier, *_ = carried
    update_decision(store, dossier, number="45/QĐ-UBND", signed_on=date(2025, 12, 10))
    other = create_dossier(store, 2025, "Khen thưởng chuyên đề 2025", today=TODAY).value.id
    with pytest.raises(UserError, match="đã dùng cho một quyết định khác năm 2025"):
        update_decision(store, other, number="45/QĐ-UBND")
    next_year = create_dossier(store, 2026, "Phong trào thi đua năm 2026", today=TODAY).value.id
    update_decision(store, next_year, number="45/QĐ-UBND")  # a new series each year


def test_an_issued_decision_enters_the_history_and_counts_next_year(carried, store):
    _, dossier, mai, _ = carried
    update_decision(store, dossier, number="45/QĐ-UBND", signed_on=date(2025, 12, 10))
    assert issue(store, dossier, now=datetime(2025, 12, 10, 9), today=TODAY).value == 1
    [record] = award_history.list_records(store, "official", mai)
    assert (record.year, record.award_key, record.decision_number, record.source) == (2025, "ldtt", "45/QĐ-UBND",
                                                                                      "decision")
    with pytest.raises(UserError, match="đã ban hành"):
        update_decision(store, dossier, number="46/QĐ-UBND")
    # next year: Chiến sĩ thi đua cơ sở twice running leads to the province's Bằng khen; the history now counts
    raw = kind_definition(store, "bang_khen_tinh")
    raw["rules"] = [{"rule": "consecutive_years", "award": "ldtt", "years": 2, "include_current": True}]
    save_kind(store, raw)
    following = create_dossier(store, 2026, "Phong trào thi đua năm 2026", today=TODAY).value.id
    add_nomination(store, following, "official", mai, "ldtt")
    bang_khen = add_nomination(store, following, "official", mai, "bang_khen_tinh").value
    item = next(item for item in nominations(store, following, TODAY) if item.id == bang_khen)
    assert item.eligibility.eligible is True and "(2025-2026)" in item.eligibility.checks[0].reason
    withdraw(store, dossier)
    assert award_history.list_records(store, "official", mai) == []
    item = next(item for item in nominations(store, following, TODAY) if item.id == bang_khen)
    assert item.eligibility.eligible is False


def test_issuing_needs_a_number_and_a_date(carried, store):
    _, dossier, *_ = carried
    with pytest.raises(UserError, match="chưa có số hoặc ngày ký"):
        issue(store, dossier, today=TODAY)


def test_money_is_coefficient_times_base_salary_rounded_up():
    assert base_salary_on(date(2024, 6, 30)) == 1_800_000
    assert base_salary_on(date(2024, 7, 1)) == 2_340_000
    assert award_money(D("0.3"), 2_340_000) == 702_000
    assert award_money(D("1.0"), 2_340_000) == 2_340_000
    assert award_money(D("0.3"), 1_234_567) == 371_000  # 370 370,1 rounded up to the thousand
    assert award_money(None, 2_340_000) == 0


def test_votes_are_locked_once_the_decision_is_issued(carried, store):
    _, dossier, *_ = carried
    update_decision(store, dossier, number="45/QĐ-UBND", signed_on=date(2025, 12, 10))
    issue(store, dossier, today=TODAY)
    ldtt = next(item.id for item in nominations(store, dossier, TODAY) if item.award_key == "ldtt")
    with pytest.raises(UserError, match="đã ban hành"):
        council.set_votes(store, ldtt, 1)
    withdraw(store, dossier)
    council.set_votes(store, ldtt, 2)


def _rows(store, table: str) -> int:
    import sqlite3

    connection = sqlite3.connect(store.folder.database)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def test_reading_the_meeting_and_the_decision_writes_nothing(carried):
    """Opening a dossier's tabs only reads: the blank meeting and the default decision exist once saved."""
    store, dossier, _mai, _hung = carried
    before = (_rows(store, "council_meeting"), _rows(store, "award_decision"))
    shown = council.meeting(store, dossier)
    decision = decision_for(store, dossier)
    assert (shown.number, shown.method, len(shown.attendance)) == ("", "show_of_hands", 3)
    assert decision.id is None and decision.number == "" and decision.base_salary > 0 and not decision.issued
    assert (_rows(store, "council_meeting"), _rows(store, "award_decision")) == before
    update_decision(store, dossier, number="7/QĐ-UBND")
    council.update_meeting(store, dossier, place="Hội trường UBND xã")
    assert decision_for(store, dossier).number == "7/QĐ-UBND" and decision_for(store, dossier).id is not None
    assert council.meeting(store, dossier).place == "Hội trường UBND xã"
    assert (_rows(store, "council_meeting"), _rows(store, "award_decision")) == (before[0] + 1, before[1] + 1)


def test_a_collective_giay_khen_pays_twice_a_persons():
    """NĐ 152/2025 Điều 50 (FORMS §6): Giấy khen 0,3 × base salary for a person, 0,6 for a collective."""
    from types import SimpleNamespace

    from app.services.award_decision import nominee_money
    from app.services.award_kinds import default_kind_dicts
    from app.domain.awards import kind_from_dict

    giay_khen = kind_from_dict(next(raw for raw in default_kind_dicts() if raw["key"] == "giay_khen_xa"))
    person = SimpleNamespace(award=giay_khen, subject_kind="official")
    collective = SimpleNamespace(award=giay_khen, subject_kind="collective")
    assert (nominee_money(person, 2_340_000), nominee_money(collective, 2_340_000)) == (702_000, 1_404_000)
    ldtt = kind_from_dict(next(raw for raw in default_kind_dicts() if raw["key"] == "ldtt"))
    assert ldtt.coefficient_for("collective") == ldtt.money_coefficient  # one coefficient where none differs
