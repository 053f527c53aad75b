"""The progress report's narrative parts as stored data: saved per year, period and section, reset, restored."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.services.progress_report import progress_report
from app.services.report_texts import report_narrative, reset_text, restore_text, set_text, stored_texts
from tests.app.services.test_progress_report import TODAY, half_year_commune


def _sections(store, period: str = "h1") -> dict:
    return {s.key: s for s in progress_report(store, 2024, period, TODAY).narrative}


def test_a_saved_text_is_what_the_report_prints(store):
    """After set_text the report's section holds the clerk's text, marked stored, the suggestion kept beside it."""
    half_year_commune(store)
    suggestion = _sections(store)["results"].text
    assert set_text(store, 2024, "h1", "results", "Kết quả do xã tự viết.") is None
    section = _sections(store)["results"]
    assert (section.text, section.stored, section.suggestion) == ("Kết quả do xã tự viết.", True, suggestion)
    assert not _sections(store)["direction"].stored


def test_the_text_belongs_to_its_year_and_period_only(store):
    """A text saved for 6 tháng 2024 is not in quý I 2024 nor in 6 tháng 2025."""
    half_year_commune(store)
    set_text(store, 2024, "h1", "direction", "Phương hướng riêng.")
    assert stored_texts(store, 2024, "q1") == {} and stored_texts(store, 2025, "h1") == {}
    assert _sections(store, "q1")["direction"].text != "Phương hướng riêng."


def test_set_returns_the_text_before_and_reset_forgets_it(store):
    """Each write returns what was stored (for undo); reset brings the suggestion back; restore puts text back."""
    half_year_commune(store)
    suggestion = _sections(store)["shortcomings"].text
    set_text(store, 2024, "h1", "shortcomings", "Lần một.")
    assert set_text(store, 2024, "h1", "shortcomings", "Lần hai.") == "Lần một."
    assert reset_text(store, 2024, "h1", "shortcomings") == "Lần hai."
    assert _sections(store)["shortcomings"].text == suggestion and stored_texts(store, 2024, "h1") == {}
    assert restore_text(store, 2024, "h1", "shortcomings", "Lần hai.") is None
    assert report_narrative(store, 2024, "h1", TODAY)[2].text == "Lần hai."


def test_text_is_stored_as_nfc_with_one_kind_of_line_break(store):
    """Decomposed Vietnamese and Windows line breaks are stored composed (NFC) with plain newlines."""
    import unicodedata

    set_text(store, 2024, "year", "deployment", unicodedata.normalize("NFD", "Dòng một\r\nDòng hai"))
    assert stored_texts(store, 2024, "year") == {"deployment": "Dòng một\nDòng hai"}


@pytest.mark.parametrize(("period", "section", "words"), [("q2", "results", "kỳ báo cáo"),
                                                          ("h1", "summary", "mục")])
def test_an_unknown_period_or_section_is_refused_in_vietnamese(store, period, section, words):
    """A period or section the report does not have is a UserError naming it, and nothing is stored."""
    with pytest.raises(UserError) as refused:
        set_text(store, 2024, period, section, "x")
    assert words in refused.value.message and f"“{period if words == 'kỳ báo cáo' else section}”" in refused.value.message
    assert stored_texts(store, 2024, period) == {}
