"""The progress report's narrative parts as stored data: saved per year, period and section, reset, undone."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.services.progress_report import progress_report
from app.services import undo
from app.services.report_texts import report_narrative, reset_text, set_text, stored_texts
from tests.app.services.test_progress_report import TODAY, half_year_commune


def _sections(store, period: str = "h1") -> dict:
    return {s.key: s for s in progress_report(store, 2024, period, TODAY).narrative}


def test_a_saved_text_is_what_the_report_prints(store):
    """After set_text the report's section holds the clerk's text, marked stored, the suggestion kept beside it."""
    half_year_commune(store)
    suggestion = _sections(store)["results"].text
    assert set_text(store, 2024, "h1", "results", "Kết quả do xã tự viết.").label == "Sửa “Kết quả đạt được” của báo cáo"
    section = _sections(store)["results"]
    assert (section.text, section.stored, section.suggestion) == ("Kết quả do xã tự viết.", True, suggestion)
    assert not _sections(store)["direction"].stored


def test_the_text_belongs_to_its_year_and_period_only(store):
    """A text saved for 6 tháng 2024 is not in quý I 2024 nor in 6 tháng 2025."""
    half_year_commune(store)
    set_text(store, 2024, "h1", "direction", "Phương hướng riêng.")
    assert stored_texts(store, 2024, "q1") == {} and stored_texts(store, 2025, "h1") == {}
    assert _sections(store, "q1")["direction"].text != "Phương hướng riêng."


def test_reset_forgets_the_text_and_undo_puts_it_back(store):
    """Reset brings the suggestion back as a named step; undo of it puts the clerk's text back."""
    half_year_commune(store)
    suggestion = _sections(store)["shortcomings"].text
    set_text(store, 2024, "h1", "shortcomings", "Lần một.")
    set_text(store, 2024, "h1", "shortcomings", "Lần hai.")
    reset = reset_text(store, 2024, "h1", "shortcomings")
    assert reset.label == "Dùng lại nội dung gợi ý “Tồn tại, hạn chế” của báo cáo"
    assert _sections(store)["shortcomings"].text == suggestion and stored_texts(store, 2024, "h1") == {}
    undo.undo(store)
    assert report_narrative(store, 2024, "h1", TODAY)[2].text == "Lần hai."


def test_report_texts_are_their_own_kind_of_change(store):
    """A narrative save tells no page showing plans or the checklist to reload (only the report shows it)."""
    from app.services.changes import PLANS, REPORTS

    changes = set_text(store, 2024, "h1", "results", "Kết quả.")
    assert changes.touches(REPORTS) and not changes.touches(PLANS)


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
