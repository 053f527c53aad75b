"""One vocabulary of field labels, kept as data, for text labels and table headers alike."""

from __future__ import annotations

import pytest

from app.importers.plan_vocabulary import is_subheading, label_field


@pytest.mark.parametrize(("label", "field"), [
    ("Kết quả", "product"),
    ("Dự kiến sản phẩm", "product"),
    ("Hình thức sản phẩm", "product"),
    ("Chịu trách nhiệm", "lead"),
    ("Lãnh đạo phụ trách", "lead"),
    ("Bộ phận/Cơ quan/Công chức tham mưu", "lead"),
    ("Đơn vị, cá nhân thực hiện", "lead"),
    ("Phân công thực hiện", "lead"),
    ("Hạn hoàn thành", "timeframe"),
    ("Thời điểm hoàn thành", "timeframe"),
    ("Hoàn thành", "timeframe"),
    ("Thời hạn", "timeframe"),
    ("Thời gian hoàn thành", "timeframe"),
    ("Thời gian thực hiện", "timeframe"),
    ("Cơ quan phối hợp", "coordinators"),
    ("Phối hợp, theo dõi", "coordinators"),
    ("CƠ QUAN CHỦ TRÌ", "lead"),
    ("co quan chu tri", "lead"),
])
def test_label_words_name_their_field(label, field):
    """Each label word the communes use names its field, with or without diacritics and in any case."""
    assert label_field(label) == field


@pytest.mark.parametrize("label", ["Tổ chức thực hiện", "Lưu ý", "Công chức Văn phòng - Thống kê, phối hợp",
                                   "Hoàn thành các nhiệm vụ được giao trong năm", "Nội dung"])
def test_other_words_are_not_labels(label):
    """Headings, values and sentences before a colon are not field labels in text."""
    assert label_field(label) is None


def test_table_headers_use_the_same_words_plus_table_columns():
    """A header reads like a text label, and also knows STT, content and note columns."""
    assert [label_field(h, table=True) for h in ("STT", "Nội dung công việc", "Lãnh đạo phụ trách", "Ghi chú")] == [
        "stt", "title", "lead", "note"]


@pytest.mark.parametrize("text", ["Mục tiêu: nâng cao chất lượng", "Chỉ tiêu: 100% hồ sơ đúng hạn",
                                  "Nhiệm vụ, giải pháp:", "NHIỆM VỤ, GIẢI PHÁP"])
def test_subheadings(text):
    """Sub-headings between an area and its tasks are recognised by their words."""
    assert is_subheading(text)


def test_a_new_label_word_is_one_line_of_data(monkeypatch):
    """Adding a phrase to the data file is enough for a new label to be read."""
    from app.importers import plan_vocabulary

    data = plan_vocabulary._vocabulary()
    changed = {**data, "fields": [dict(entry) for entry in data["fields"]]}
    product = next(entry for entry in changed["fields"] if entry["field"] == "product")
    product["starts"] = [*product["starts"], "dau ra"]
    monkeypatch.setattr(plan_vocabulary, "_vocabulary", lambda: changed)
    label_field.cache_clear()
    try:
        assert label_field("Đầu ra") == "product"
    finally:
        label_field.cache_clear()  # the other tests read the shipped vocabulary
