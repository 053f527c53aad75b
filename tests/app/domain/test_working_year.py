"""The year in progress: one rule for every year box, and its January exception for year-end papers."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.working_year import YearRule, year_choices, year_end_paper_year, year_in_progress, year_to_start
from app.resources import working_year_rule


def test_the_year_in_progress_is_todays_even_with_a_later_plan():
    """A plan already copied to next year does not move the year in progress."""
    assert year_in_progress(date(2026, 12, 6), [2024, 2027]) == 2026


@pytest.mark.parametrize(("today", "year"), [(date(2027, 1, 10), 2026), (date(2027, 1, 31), 2026),
                                             (date(2027, 2, 1), 2027), (date(2026, 12, 6), 2026)])
def test_year_end_papers_open_on_last_year_in_january(today, year):
    """The annual report, the package and the dossier of year Y are still written in January of Y+1."""
    assert year_end_paper_year(today, (), working_year_rule()) == year


@pytest.mark.parametrize(("today", "year"), [(date(2026, 11, 30), 2026), (date(2026, 12, 1), 2027)])
def test_the_turn_of_the_year_offers_next_year_from_december(today, year):
    """"Bắt đầu năm …" offers next year from 01/12 (the rule table's day), this year before it."""
    assert year_to_start(today, working_year_rule()) == year


def test_the_rule_table_is_data():
    """The days come from resources/defaults/working-year.json; a broken day is refused, not guessed."""
    assert working_year_rule() == YearRule((1, 31), (12, 1))
    with pytest.raises(ValueError):
        YearRule.from_json({"year_end_papers_until": "02-30", "next_year_from": "12-01"})


def test_choices_list_the_year_opened_on_with_the_years_with_data():
    """The box lists the years with data and the chosen year, newest first, once each."""
    assert year_choices([2024, 2027, 2024], 2026) == [2027, 2026, 2024]
