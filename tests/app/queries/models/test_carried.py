"""The carried-nominee set and how papers count it: distinct people and collectives, "lượt" for two titles."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from app.domain.awards import Eligibility
from app.queries.models.award_history import RecordData, known_on, records_as_of
from app.queries.models.carried import Tally, carried_of, tally
from app.queries.models.council import Outcome
from app.queries.models.dossier import Nomination


def _nominee(nomination_id: int, kind: str, subject_id: int, award: str = "ldtt") -> Nomination:
    return Nomination(nomination_id, nomination_id, kind, subject_id, f"Người {subject_id}", "", "", award, None,
                      Eligibility(()), False, "", "")


def _outcome(nomination_id: int, passed: bool | None, quorum_met: bool = True) -> Outcome:
    """Only the vote's verdict matters here (the tally's wording belongs to the minutes)."""
    return Outcome(nomination_id, None if passed is None else SimpleNamespace(passed=passed), quorum_met)


def test_one_person_with_two_titles_is_one_person_and_two_turns():
    """Mai for CSTĐCS and LĐTT, seven others, one collective: "01 tập thể, 08 cá nhân (09 lượt đề nghị)"."""
    items = [_nominee(1, "collective", 1, "ttldtt"), _nominee(2, "official", 1, "cstdcs"), _nominee(3, "official", 1)]
    items += [_nominee(4 + index, "official", 2 + index) for index in range(7)]
    assert tally(items) == Tally(8, 1, 9, 1)
    assert tally(items).text() == "01 tập thể, 08 cá nhân (09 lượt đề nghị)"


def test_no_turns_are_said_when_everyone_has_one_title():
    """Without a second title the count reads as before; a kind with nobody is left out."""
    assert tally([_nominee(1, "official", 1), _nominee(2, "official", 2)]).text() == "02 cá nhân"
    assert tally([]).text() == ""


def test_carried_means_votes_entered_quorum_met_threshold_reached():
    """Passed: carried; failed or not voted yet: not carried; both parts keep the list's order."""
    items = [_nominee(1, "official", 1), _nominee(2, "official", 2), _nominee(3, "official", 3)]
    split = carried_of(items, {1: _outcome(1, True), 2: _outcome(2, False), 3: _outcome(3, None)})
    assert [item.id for item in split.carried] == [1]
    assert [item.id for item in split.not_carried] == [2, 3]
    assert carried_of(items[:1], {1: _outcome(1, True, quorum_met=False)}).carried == ()


def _record(year: int, signed: date | None) -> RecordData:
    return RecordData("official", "Lê Thị Mai", year, "Chiến sĩ thi đua cơ sở", "Chủ tịch UBND xã", "52/QĐ-UBND", signed)


def test_a_decision_after_the_papers_date_is_not_known_on_it():
    """QĐ 52 of 20/12/2024 is not on a report of 25/11/2024; it is on one of 21/12/2024."""
    record = _record(2024, date(2024, 12, 20))
    assert not known_on(record, date(2024, 11, 25), 2024)
    assert known_on(record, date(2024, 12, 20), 2024) and known_on(record, date(2024, 12, 21), 2024)


def test_a_record_without_a_date_counts_from_the_year_after():
    """No decision date: its year must be before the paper's; an undated paper lists only earlier years."""
    assert known_on(_record(2023, None), date(2024, 1, 2), 2024)
    assert not known_on(_record(2024, None), date(2024, 12, 31), 2024)
    assert records_as_of([_record(2023, date(2023, 12, 20)), _record(2024, date(2024, 3, 1))], None, 2024) \
        == [_record(2023, date(2023, 12, 20))]
