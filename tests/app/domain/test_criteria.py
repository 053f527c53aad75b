"""The criteria engine: bands at their edges, options, totals, rating thresholds, refusals, set checks."""

from decimal import Decimal as D

import pytest

from app.domain.criteria import (
    EMULATION,
    MANUAL,
    OPTIONS,
    PAR,
    PASSFAIL,
    RATIO,
    YESNO,
    CriteriaSetData,
    CriterionData,
    RatingBand,
    Rule,
    band_points,
    max_total,
    rating_for,
    score_problem,
    set_problems,
    subtotals,
    total,
)
from app.domain.criteria_text import (
    Band,
    Option,
    format_band_condition,
    format_bands,
    parse_band_condition,
    parse_bands,
    parse_options,
)

ON_TIME = parse_bands("100% đúng hạn: 1 | từ 90% đến dưới 100%: 0,5 | dưới 90%: 0")


@pytest.mark.parametrize(
    ("percent", "points"),
    [("100", "1"), ("99.99", "0.5"), ("90", "0.5"), ("89.99", "0"), ("0", "0")],
)
def test_ratio_bands_at_their_edges(percent, points):
    rule = Rule(RATIO, bands=parse_bands("100%: 1 | từ 90% đến dưới 100%: 0,5 | dưới 90%: 0"))
    assert band_points(rule, D(1), D(percent))[0] == D(points)


def test_pro_rata_band_is_percentage_times_maximum():
    rule = Rule(RATIO, bands=parse_bands("100%: 1 | từ 90% đến dưới 100%: theo tỷ lệ | dưới 90%: 0"))
    assert band_points(rule, D(1), D(80))[0] == D(0)
    assert band_points(rule, D(1), D(95))[0] == D("0.95")
    assert band_points(rule, D(4), D(200) / 3 + 25)[0] == D("3.67")  # 91,67 % × 4, two decimals


def test_a_percentage_no_band_covers_earns_nothing():
    rule = Rule(RATIO, bands=parse_bands("từ 90% trở lên: 2"))
    assert band_points(rule, D(2), D(50)) == (D(0), None)
    assert band_points(rule, D(2), D(90))[0] == D(2)


def test_band_points_never_exceed_the_maximum():
    rule = Rule(RATIO, bands=(Band(D(0), True, None, False, D(5)),))
    assert band_points(rule, D(3), D(50))[0] == D(3)


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("từ 90% đến dưới 100%", Band(D(90), True, D(100), False)),
        ("tu 90 den duoi 100", Band(D(90), True, D(100), False)),
        ("Từ 50% đến 70%", Band(D(50), True, D(70), True)),
        ("trên 70% đến dưới 90%", Band(D(70), False, D(90), False)),
        ("dưới 90%", Band(None, True, D(90), False)),
        ("từ 95% trở lên", Band(D(95), True, None, False)),
        ("trên 95%", Band(D(95), False, None, False)),
        ("≥ 80%", Band(D(80), True, None, False)),
        ("100% đúng hạn", Band(D(100), True, D(100), True)),
        ("Hoàn thành 90% -100% kế hoạch", Band(D(90), True, D(100), True)),
        ("Hoàn thành dưới 90%", Band(None, True, D(90), False)),
        ("90% - 100%", Band(D(90), True, D(100), True)),
        ("99,5%", Band(D("99.5"), True, D("99.5"), True)),
    ],
)
def test_band_conditions_as_provinces_write_them(text, band):
    assert parse_band_condition(text) == band


def test_the_issue_example_reads_as_three_bands():
    assert [band.points for band in ON_TIME] == [D(1), D("0.5"), D(0)]


def test_band_text_round_trips_through_its_canonical_form():
    text = "100%: 1 | từ 90% đến dưới 100%: theo tỷ lệ | trên 50% đến 90%: 0,25 | dưới 50%: 0"
    assert format_bands(parse_bands(text)) == text
    assert parse_bands(format_bands(ON_TIME)) == ON_TIME
    assert format_band_condition(Band(D(95), True, None, False)) == "từ 95% trở lên"


@pytest.mark.parametrize("text", ["tốt: 1", "90%", "từ 90% đến: 1", ": 1", "từ 90% đến dưới 100%: một"])
def test_unreadable_bands_are_refused(text):
    with pytest.raises(ValueError):
        parse_bands(text)


def test_options_keep_their_labels_and_points():
    options = parse_options("Tuyên truyền trực tuyến, ứng dụng CNTT: 0,5 | Hình thức truyền thống (hội nghị, tờ xếp, ….): 0,5")
    assert options == (Option("Tuyên truyền trực tuyến, ứng dụng CNTT", D("0.5")),
                       Option("Hình thức truyền thống (hội nghị, tờ xếp, ….)", D("0.5")))


def _tree():
    return (
        CriterionData("1", "Chỉ đạo, điều hành", "field", max_points=D(6)),
        CriterionData("1.1", "Kế hoạch", parent_code="1", max_points=D(2), rule=Rule(YESNO)),
        CriterionData("1.2", "Tuyên truyền", parent_code="1", max_points=D(4)),
        CriterionData("1.2.1", "Kế hoạch tuyên truyền", "sub", "1.2", D(2), Rule(MANUAL)),
        CriterionData("1.2.2", "Đa dạng", "sub", "1.2", D(2), Rule(OPTIONS, options=(Option("a", D(1)), Option("b", D(1))))),
        CriterionData("2", "Thủ tục hành chính", "field", max_points=D(4)),
        CriterionData("2.1", "Đúng hạn", parent_code="2", max_points=D(4), rule=Rule(RATIO, bands=ON_TIME)),
    )


def test_subtotals_add_children_and_leave_unscored_blank():
    values = subtotals(_tree(), {"1.1": D(2), "1.2.1": D("1.5")})
    assert values["1.2"] == D("1.5")
    assert values["1"] == D("3.5")
    assert values["2"] is None and values["2.1"] is None
    assert total(_tree(), {"1.1": D(2), "1.2.1": D("1.5")}) == D("3.5")
    assert max_total(_tree()) == D(10)


def test_a_parent_never_counts_more_than_its_maximum():
    tree = (CriterionData("1", "A", "field", max_points=D(1)),
            CriterionData("1.1", "x", parent_code="1", max_points=D(1)),
            CriterionData("1.2", "y", parent_code="1", max_points=D(1)))
    assert subtotals(tree, {"1.1": D(1), "1.2": D(1)})["1"] == D(1)


def test_totals_are_exact_decimals():
    tree = tuple(CriterionData(f"{n}", f"c{n}", max_points=D(1)) for n in range(1, 5))
    assert total(tree, {"1": D("0.25"), "2": D("0.25"), "3": D("0.5"), "4": D("0.1")}) == D("1.1")


RATINGS = (RatingBand("Xuất sắc", D(90)), RatingBand("Tốt", D(80)), RatingBand("Khá", D(70)),
           RatingBand("Trung bình", D(50)), RatingBand("Yếu", D(0)))


@pytest.mark.parametrize(
    ("points", "label"),
    [("100", "Xuất sắc"), ("90", "Xuất sắc"), ("89.99", "Tốt"), ("80", "Tốt"), ("79.5", "Khá"), ("70", "Khá"),
     ("50", "Trung bình"), ("49.99", "Yếu"), ("0", "Yếu")],
)
def test_rating_thresholds_are_inclusive_lower_bounds(points, label):
    assert rating_for(D(points), RATINGS) == label


def test_no_bands_no_rating():
    assert rating_for(D(95), ()) == ""
    assert rating_for(D(10), (RatingBand("Đạt", D(50)),)) == ""


def test_scores_outside_zero_to_maximum_are_refused_with_the_reason():
    ten = CriterionData("3.2", "Tỷ lệ hồ sơ đúng hạn", max_points=D(10))
    assert score_problem(ten, D(11)) == "Điểm tối đa của tiêu chí 3.2 là 10; không nhập được 11."
    assert "không được âm" in score_problem(ten, D(-1))
    assert "hai chữ số" in score_problem(ten, D("0.125"))
    assert score_problem(ten, D(10)) is None and score_problem(ten, D(0)) is None and score_problem(ten, None) is None


def test_yes_no_takes_nothing_between():
    yes_no = CriterionData("3.4", "Xin lỗi khi trễ hạn", max_points=D(2), rule=Rule(YESNO))
    assert "chỉ nhận 0 hoặc 2" in score_problem(yes_no, D(1))
    assert score_problem(yes_no, D(2)) is None


def _set(*criteria, ratings=RATINGS, kind=PAR):
    return CriteriaSetData(kind, "Bộ thử", 2024, criteria=tuple(criteria), ratings=ratings)


def test_a_sound_set_has_no_problems():
    assert set_problems(_set(*_tree())) == []


def test_a_child_above_its_parent_is_named():
    problems = set_problems(_set(CriterionData("1", "A", "field", max_points=D(2)),
                                 CriterionData("1.1", "B", parent_code="1", max_points=D(3))))
    assert [(p.code, p.column) for p in problems] == [("1.1", "Điểm tối đa")]
    assert "vượt điểm tối đa 2 của tiêu chí cha 1" in problems[0].message


def test_children_summing_above_their_parent_are_named():
    problems = set_problems(_set(CriterionData("1", "A", "field", max_points=D(2)),
                                 CriterionData("1.1", "B", parent_code="1", max_points=D(2)),
                                 CriterionData("1.2", "C", parent_code="1", max_points=D(1))))
    assert len(problems) == 1 and problems[0].code == "1" and "(3)" in problems[0].message


def test_every_problem_is_reported_once():
    problems = set_problems(_set(
        CriterionData("1", "", "field", max_points=D(2)),
        CriterionData("1", "Trùng mã", max_points=D(1)),
        CriterionData("2", "Không điểm"),
        CriterionData("3", "Cha lạ", parent_code="9", max_points=D(1)),
        CriterionData("4", "Mức quá", max_points=D(1), rule=Rule(OPTIONS, options=(Option("x", D(2)),))),
        CriterionData("5", "Tỷ lệ trống", max_points=D(1), rule=Rule(RATIO)),
    ))
    messages = [p.message for p in problems]
    assert "Thiếu tên tiêu chí." in messages
    assert "Mã “1” đã dùng cho một tiêu chí khác." in messages
    assert "Thiếu điểm tối đa." in messages
    assert "Mã cha “9” không có trong bộ." in messages
    assert any("quá điểm tối đa 1" in m for m in messages)
    assert any("cần các mức" in m for m in messages)


def test_a_parent_loop_is_caught():
    problems = set_problems(_set(CriterionData("1", "A", parent_code="2", max_points=D(1)),
                                 CriterionData("2", "B", parent_code="1", max_points=D(1))))
    assert any("vòng lặp" in p.message for p in problems)


def test_emulation_criteria_need_no_points():
    data = _set(CriterionData("CN", "Cá nhân", "field", rule=Rule(PASSFAIL), subject="individual"),
                CriterionData("CN.1", "Có sáng kiến", parent_code="CN", rule=Rule(PASSFAIL), subject="individual"),
                ratings=(), kind=EMULATION)
    assert set_problems(data) == []
