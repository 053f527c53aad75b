"""Certificate layouts and texts: fitting text into a box, validation in Vietnamese, the JSON round trip."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import pytest

from app.domain.certificates import (
    FIELD_LABELS,
    CertificateLayout,
    FieldBox,
    LayoutInvalid,
    field_values,
    fit_text,
    layout_from_dict,
    layout_problems,
    layout_to_dict,
    text_height_mm,
)
from app.paths import resource


def measure(text: str, size: float) -> float:
    """A monospaced stand-in: every character is half the size wide, in mm (size 10 → 5 mm a character)."""
    return len(text) * size / 2


def test_text_that_fits_keeps_its_size_and_one_line():
    """A short text in a roomy box is set at the box's size, unchanged."""
    fit = fit_text("Ông An", 100, 20, 10, 6, measure)
    assert fit == (("Ông An",), 10, False)


def test_a_long_text_wraps_by_words_before_shrinking():
    """Three words 5 characters wide each in a 60 mm box at 10 pt: two lines, no shrinking when the height allows."""
    fit = fit_text("aaaaa bbbbb ccccc", 60, text_height_mm(2, 10) + 0.1, 10, 6, measure)
    assert fit.lines == ("aaaaa bbbbb", "ccccc")
    assert fit.size == 10 and not fit.overflow


def test_lines_are_balanced_not_greedy():
    """Greedy wrapping would leave one word alone on the last line; the lines come out even instead."""
    fit = fit_text("aa bb cc dd ee", 70, 50, 10, 10, measure)  # 14 characters = 70 mm: fits on one line
    assert fit.lines == ("aa bb cc dd ee",)
    fit = fit_text("aa bb cc dd ee", 65, 50, 10, 10, measure)
    assert fit.lines == ("aa bb cc", "dd ee")


def test_text_too_tall_for_the_box_shrinks_in_half_points():
    """Two lines do not fit one line's height: the size drops by 0,5 pt steps until one line holds it all."""
    height = text_height_mm(1, 10)
    fit = fit_text("aaaa bbbb", 40, height, 10, 6, measure)  # 9 characters: 45 mm at 10 pt, 38,25 mm at 8,5 pt
    assert fit.lines == ("aaaa bbbb",)
    assert fit.size == 8.5 and not fit.overflow


def test_overflow_is_flagged_at_the_smallest_size():
    """When even the smallest size does not fit, the lines at that size come back flagged, for the caller to refuse."""
    fit = fit_text("aaaa bbbb cccc dddd", 20, text_height_mm(1, 6), 10, 6, measure)
    assert fit.overflow and fit.size == 6
    assert " ".join(fit.lines) == "aaaa bbbb cccc dddd"


def test_a_single_long_word_shrinks_and_is_never_split():
    """A word wider than the box shrinks until it fits; if it cannot, it stays whole and is flagged."""
    fit = fit_text("Nguyễnnnnnn", 50, 20, 12, 8, measure)  # 11 characters: 66 mm at 12, 49,5 at 9
    assert fit == (("Nguyễnnnnnn",), 9, False)
    fit = fit_text("Nguyễnnnnnn", 30, 20, 12, 8, measure)
    assert fit.lines == ("Nguyễnnnnnn",) and fit.overflow


def test_the_smallest_size_is_tried_even_off_the_half_point_steps():
    """With a smallest size of 9,3 pt, 9,3 itself is tried after 9,5."""
    fit = fit_text("aaaaaaaaaa", 46.5, 20, 10, 9.3, measure)  # 10 characters: 46,5 mm at exactly 9,3 pt
    assert fit == (("aaaaaaaaaa",), 9.3, False)


def test_newlines_always_break():
    """"KT. Chủ tịch" over "Phó Chủ tịch" stays on two lines even in a wide box."""
    assert fit_text("KT. Chủ tịch\nPhó Chủ tịch", 200, 30, 10, 10, measure).lines == ("KT. Chủ tịch", "Phó Chủ tịch")


def test_empty_text_fits_with_no_lines():
    """An empty field prints nothing and is no overflow."""
    assert fit_text("", 10, 1, 10, 10, measure) == ((), 10, False)


# --- the texts -----------------------------------------------------------------------------------

PROFILE = SimpleNamespace(commune_name="Hòa Bình Xuân", place_name="Hòa Bình Xuân", chairman_name="Trần Văn Hùng",
                          chairman_title="Chủ tịch")
DECISION = SimpleNamespace(number="45/QĐ-UBND", signed_on=date(2025, 12, 10), year=2025)
CAMPAIGN = "Phong trào thi đua đẩy mạnh cải cách hành chính năm 2025"


def nominee(name="Lê Thị Mai", title="Công chức Văn phòng - Thống kê", kind="official", award="Giấy khen",
            award_kind="form"):
    return SimpleNamespace(name=name, title=title, subject_kind=kind, award_name=award,
                           award=SimpleNamespace(kind=award_kind))


def test_honorific_follows_gender():
    """"Nữ" gives "Bà"; "Nam" or an unknown gender gives "Ông"."""
    assert field_values(nominee(), PROFILE, DECISION, gender="Nữ")["honorific_name"] == "Bà Lê Thị Mai"
    assert field_values(nominee("Trần Văn An"), PROFILE, DECISION, gender="Nam")["honorific_name"] == "Ông Trần Văn An"
    assert field_values(nominee("Trần Văn An"), PROFILE, DECISION)["honorific_name"] == "Ông Trần Văn An"


def test_a_collective_has_its_name_without_honorific_or_position():
    """A collective is named as it is, with no Ông/Bà and no position line."""
    values = field_values(nominee("Văn phòng HĐND và UBND xã", "Tập thể", "collective"), PROFILE, DECISION)
    assert values["honorific_name"] == "Văn phòng HĐND và UBND xã" and values["position"] == ""


def test_the_texts_of_a_giay_khen():
    """Position with the commune, the campaign's achievement, decision number, place and date, signer."""
    values = field_values(nominee(), PROFILE, DECISION, gender="Nữ", campaign=CAMPAIGN)
    assert values["position"] == "Công chức Văn phòng - Thống kê, UBND xã Hòa Bình Xuân"
    assert values["achievement"] == ("Đã có thành tích xuất sắc trong phong trào thi đua đẩy mạnh cải cách hành chính "
                                     "năm 2025")
    assert values["decision"] == "Số QĐ: 45/QĐ-UBND"
    assert values["place_date"] == "Hòa Bình Xuân, ngày 10 tháng 12 năm 2025"
    assert (values["signer_title"], values["signer_name"]) == ("Chủ tịch", "Trần Văn Hùng")


def test_a_title_is_attained_and_a_chairman_gets_the_commune_name():
    """For a title (danh hiệu) the text says it was attained; "Chủ tịch UBND xã" is completed with the commune."""
    values = field_values(nominee("Trần Văn Hùng", "Chủ tịch UBND xã", award="Lao động tiên tiến", award_kind="title"),
                          PROFILE, DECISION, campaign=CAMPAIGN)
    assert values["achievement"] == "Đã đạt danh hiệu “Lao động tiên tiến” năm 2025"
    assert values["position"] == "Chủ tịch UBND xã Hòa Bình Xuân"


def test_a_vice_chairman_signs_for_the_chairman():
    """A "Phó Chủ tịch" signer gets "KT. Chủ tịch" above the own title."""
    profile = replace_ns(PROFILE, chairman_title="Phó Chủ tịch")
    assert field_values(nominee(), profile, DECISION)["signer_title"] == "KT. Chủ tịch\nPhó Chủ tịch"


def replace_ns(namespace, **values):
    return SimpleNamespace(**{**vars(namespace), **values})


# --- layouts -----------------------------------------------------------------------------------

def layout(*boxes: FieldBox) -> CertificateLayout:
    default = (FieldBox("honorific_name", 40, 80, 200, 14, "serif-bold", 24, 18),)
    return CertificateLayout("Thử", 297, 210, boxes or default)


def test_the_shipped_layout_is_sound_and_marked_as_an_example():
    """The default A4 landscape layout validates, covers the seven fields and says it must be measured."""
    with resource("certificates", "giay-khen-a4-ngang.json").open(encoding="utf-8") as handle:
        shipped = layout_from_dict(json.load(handle))
    assert (shipped.page_width_mm, shipped.page_height_mm) == (297, 210)
    assert {box.key for box in shipped.fields} == {"honorific_name", "position", "achievement", "decision",
                                                   "place_date", "signer_title", "signer_name"}
    assert "MẪU VÍ DỤ" in shipped.note and "đo lại" in shipped.note


def test_json_round_trip_keeps_every_value():
    """to_dict then from_dict gives the same layout back, through real JSON text."""
    original = layout(FieldBox("achievement", 38.5, 105, 220, 24, "serif-bold-italic", 16, 12.5, "left", True),
                      FieldBox("signer_name", 152, 176, 120, 10, "serif-bold", 15, 12, "right"))
    original = replace(original, award_key="giay_khen_xa", note="Đo trên phôi của xã")
    assert layout_from_dict(json.loads(json.dumps(layout_to_dict(original), ensure_ascii=False))) == original


def test_a_box_outside_the_page_is_named():
    """A box whose right edge passes the page is refused, naming the field and both measures."""
    problems = layout_problems(layout(FieldBox("position", 250, 90, 60, 9, size_pt=14, min_size_pt=12)))
    assert problems == ["Ô “Chức vụ, đơn vị” tràn ra ngoài trang: mép phải ở 310 mm, khổ giấy chỉ rộng 297 mm."]


def test_each_kind_of_mistake_has_its_message():
    """Unknown font and align, sizes, negative coordinates, a box too low for one line, a duplicate, an unknown key."""
    problems = layout_problems(layout(
        FieldBox("decision", -1, 170, 90, 8, "comic", 13, 11, "justify"),
        FieldBox("place_date", 152, 134, 120, 8, "serif-italic", 12, 14),
        FieldBox("signer_name", 152, 176, 0, 10, "serif-bold", 15, 12),
        FieldBox("signer_title", 152, 143, 120, 3, "serif-bold", 15, 12),
        FieldBox("signer_title", 152, 160, 120, 10, "serif-bold", 15, 12),
        FieldBox("ho_ten", 10, 10, 10, 10),
    ))
    text = "\n".join(problems)
    assert "Ô “Số quyết định”: kiểu chữ “comic” không có" in text
    assert "Ô “Số quyết định”: căn lề “justify” không có" in text
    assert "Ô “Số quyết định”: tọa độ phải từ 0 trở lên" in text
    assert "Ô “Địa danh, ngày tháng năm”: cỡ chữ nhỏ nhất (14) lớn hơn cỡ chữ (12)." in text
    assert "Ô “Họ tên người ký”: chiều rộng và chiều cao phải lớn hơn 0 mm." in text
    assert "Ô “Chức vụ người ký”: cao 3 mm, không đủ cho một dòng chữ cỡ 12" in text
    assert "Ô “Chức vụ người ký” có hai lần trong mẫu." in text
    assert "Ô “ho_ten” không có trong phần mềm" in text


def test_a_broken_dict_lists_its_problems():
    """A text where a number belongs, a missing size and "false" in quotes are refused, each named."""
    raw = layout_to_dict(layout())
    raw["fields"][0]["x_mm"] = "40mm"
    del raw["fields"][0]["size_pt"]
    raw["fields"][0]["upper"] = "false"
    with pytest.raises(LayoutInvalid) as caught:
        layout_from_dict(raw)
    assert caught.value.problems == ("Ô “Ông/Bà và họ tên”: “x_mm” phải là một số, đang là “40mm”.",
                                     "Ô “Ông/Bà và họ tên”: thiếu “size_pt”.",
                                     "Ô “Ông/Bà và họ tên”: “upper” (in hoa) phải là true hoặc false, đang là “false”.")


def test_something_that_is_no_layout_is_refused():
    """A list, another program's JSON or a newer version are refused with one clear sentence."""
    with pytest.raises(LayoutInvalid, match="không phải mẫu vị trí in"):
        layout_from_dict([1, 2])
    with pytest.raises(LayoutInvalid, match="không phải mẫu vị trí in"):
        layout_from_dict({"format": "other", "fields": []})
    with pytest.raises(LayoutInvalid, match="phiên bản phần mềm mới hơn"):
        layout_from_dict(dict(layout_to_dict(layout()), version=99))


def test_every_label_is_vietnamese_and_every_value_has_a_label():
    """field_values gives exactly the keys a layout may use."""
    assert set(field_values(nominee(), PROFILE, DECISION)) == set(FIELD_LABELS)
