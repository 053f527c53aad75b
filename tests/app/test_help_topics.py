"""The guide shipped with the app: a page per screen, each readable and in Vietnamese."""

import unicodedata

from app.help_topics import TOPICS, all_topics, topic_for_page


def test_every_screen_has_its_page_of_the_guide():
    """Each of the window's pages has a guide page; an unknown module opens the guide's first page."""
    from ui.main_window import PAGES

    assert {entry.module for entry in PAGES} == {page for _, page in TOPICS if page}
    assert topic_for_page("ui.pages.checklist_page") == "checklist"
    assert topic_for_page("ui.dialogs.nothing") == "index"


def test_guide_pages_are_titled_vietnamese_nfc_text():
    """Every page has a title (its first heading), NFC text, and names only buttons with their real words."""
    topics = all_topics()
    assert [t.title for t in topics][:3] == ["Hướng dẫn sử dụng CCHC Xã", "Tổng quan", "Kế hoạch"]
    for t in topics:
        assert unicodedata.normalize("NFC", t.markdown) == t.markdown and len(t.markdown) > 300
    plans = next(t for t in topics if t.key == "plans").markdown
    assert "**Nhập…**" in plans and "Nhập từ văn bản" not in plans
