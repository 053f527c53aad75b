"""Reading a task's timeframe as the clerk wrote it."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.timeframe import KINDS, RECURRENCE_LABELS, Milestone, Schedule, parse_timeframe

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
YEAR = 2024

Q1, Q2, Q3, Q4 = date(2024, 3, 31), date(2024, 6, 30), date(2024, 9, 30), date(2024, 12, 31)

# Every timing phrase in the seed plans, with what it says, read by a person.
# (phrase, kind, milestone dates, recurrence, year)
SEED_PHRASES = [
    # 002: the commune's 2024 reform plan, "Thời gian thực hiện/hoàn thành: …"
    ("Thường xuyên.", "ongoing", (), None, 2024),
    ("Đúng tiến độ được cấp có thẩm quyền giao.", "superior", (), None, 2024),
    (
        "Quý I/2024 ban hành kế hoạch; định kỳ theo quy định báo cáo kết quả thực hiện và các văn bản "
        "xử lý hoặc kiến nghị xử lý cho UBND xã.",
        "milestones", (Q1,), None, 2024,
    ),
    (
        "Quý I/2024 ban hành kế hoạch, quyết định; định kỳ hàng tháng, quý, năm, báo cáo kết quả thực "
        "hiện và các văn bản xử lý hoặc kiến nghị xử lý cho UBND xã.",
        "milestones", (Q1,), "monthly", 2024,
    ),
    (
        "Hoàn thành tham mưu ban hành các kế hoạch của UBND xã trong quý I/2024; định kỳ báo cáo theo quy định.",
        "milestones", (Q1,), None, 2024,
    ),
    (
        "Quý I năm 2024, ban hành kế hoạch; định kỳ báo cáo kết quả thực hiện theo quy định.",
        "milestones", (Q1,), None, 2024,
    ),
    ("Định kỳ hàng tháng trong năm 2024.", "recurring", (), "monthly", 2024),
    ("Thường xuyên trong năm 2024.", "ongoing", (), None, 2024),
    (
        "Theo Kế hoạch số 140/KH-UBND ngày 14/10/2021 của Chủ tịch UBND tỉnh đối với những nhiệm vụ "
        "thực hiện trong năm 2024.",
        "superior", (), None, 2024,
    ),
    ("Thường xuyên trong năm; định kỳ báo cáo kết quả thực hiện.", "ongoing", (), None, 2024),
    (
        "Theo quy định của Chính phủ và hướng dẫn của Sở Thông tin và Truyền thông.",
        "superior", (), None, 2024,
    ),
    (
        "Quý I năm 2024, ban hành kế hoạch kiểm tra; tổ chức kiểm tra theo kế hoạch, kiểm tra đột xuất "
        "trong năm 2024.",
        "milestones", (Q1, Q4), None, 2024,
    ),
    ("Thường xuyên trong năm.", "ongoing", (), None, 2024),
    ("Quý I /2024.", "due", (Q1,), None, 2024),
    ("Trong năm 2024.", "due", (Q4,), None, 2024),
    ("Quý IV năm 2024.", "due", (Q4,), None, 2024),
    (
        "Thường xuyên trong năm, báo cáo kết quả sau đợt kiểm tra cho UBND xã.",
        "ongoing", (), None, 2024,
    ),
    ("Quý I năm 2024.", "due", (Q1,), None, 2024),
    ("Quý III năm 2024.", "due", (Q3,), None, 2024),
    ("Thường xuyên trong năm 2024 và theo kế hoạch.", "ongoing", (), None, 2024),
    ("Theo tiến độ và hướng dẫn.", "superior", (), None, 2024),
    ("Quý IV năm 2024 ban hành Kế hoạch.", "due", (Q4,), None, 2024),
    (
        "Quý I/2024 ban hành kế hoạch, quý IV/2024 báo cáo kết quả thực hiện.",
        "milestones", (Q1, Q4), None, 2024,
    ),
    (
        "Quý I năm 2024 ban hành các Kế hoạch; định kỳ báo cáo kết quả thực hiện.",
        "milestones", (Q1,), None, 2024,
    ),
    ("Quý II năm 2024 ban hành Kế hoạch; báo cáo kiểm tra sau đợt kiểm tra", "due", (Q2,), None, 2024),
    ("Tháng 12 năm 2024.", "due", (Q4,), None, 2024),
    # 002, section on carrying out the plan
    (
        "định kỳ hàng quý, 6 tháng, năm tổng hợp báo cáo kết quả thực hiện về UBND huyện",
        "recurring", (), "quarterly", 2024,
    ),
    (
        "Định kỳ quý, 6 tháng và năm, tổng hợp tình hình triển khai thực hiện báo cáo UBND huyện",
        "recurring", (), "quarterly", 2024,
    ),
    # 000: the commune's emulation plan
    (
        "Thời gian thực hiện kế hoạch phát động phong trào thi đua ngay từ đầu năm 2024 đến ngày 15/11/2024.",
        "due", (date(2024, 11, 15),), None, 2024,
    ),
    ("từ đầu năm 2024 đến ngày 15/11/2024", "due", (date(2024, 11, 15),), None, 2024),
    ("Hoàn thành tốt nhiệm vụ được giao trong năm 2024.", "due", (Q4,), None, 2024),
    ("Theo Công văn của UBND huyện, tỉnh.", "superior", (), None, 2024),
    # 001: the district's 2021–2025 drive
    ("Từ ngày ban hành Kế hoạch đến ngày 31/12/2025.", "due", (date(2025, 12, 31),), None, 2025),
    ("trước ngày 10/12.", "due", (date(2024, 12, 10),), None, 2024),
    ("trước ngày 10/12/2025.", "due", (date(2025, 12, 10),), None, 2025),
    # 004: the trade union's plan to 2025
    (
        "Phong trào thi đua được triển khai, thực hiện từ nay đến hết ngày 31/12/2025.",
        "due", (date(2025, 12, 31),), None, 2025,
    ),
    ("từ nay đến năm 2025", "due", (date(2025, 12, 31),), None, 2025),
    # DOMAIN.md and the brief
    ("Quý I/2024", "due", (Q1,), None, 2024),
    ("Trước ngày 15/12/2024", "due", (date(2024, 12, 15),), None, 2024),
    ("Định kỳ hàng tháng / hàng quý / 6 tháng / năm", "recurring", (), "monthly", 2024),
    ("Quý I/2024 ban hành kế hoạch; quý IV/2024 báo cáo kết quả", "milestones", (Q1, Q4), None, 2024),
    ("6 tháng đầu năm 2024", "due", (Q2,), None, 2024),
    ("Thường xuyên", "ongoing", (), None, 2024),
]


@pytest.mark.parametrize(("phrase", "kind", "dates", "recurrence", "year"), SEED_PHRASES)
def test_seed_phrases_are_read(phrase, kind, dates, recurrence, year):
    """Every timing phrase in the seed plans gets the kind, dates, recurrence and year a person reads in it."""
    schedule = parse_timeframe(phrase, YEAR)
    assert (schedule.kind, tuple(m.due for m in schedule.milestones)) == (kind, dates)
    assert (schedule.recurrence, schedule.year) == (recurrence, year)
    assert schedule.problem == ""


def _seed_timeframes() -> list[str]:
    found = []
    for path in sorted(SEEDS.glob("00[0124]_*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.search(r"Thời gian (?:thực hiện|hoàn thành)\s*:\s*(.+)$", line)
            if match:
                found.append(match.group(1).strip())
    return found


def test_every_timeframe_line_in_the_seeds_is_understood():
    """No "Thời gian thực hiện/hoàn thành:" line of the seed plans comes back unknown or with a problem."""
    phrases = _seed_timeframes()
    assert len(phrases) > 30
    unread = [p for p in phrases if parse_timeframe(p, YEAR).kind == "unknown" or parse_timeframe(p, YEAR).problem]
    assert unread == []


@pytest.mark.parametrize(
    ("phrase", "labels"),
    [
        ("Quý I/2024 ban hành kế hoạch; quý IV/2024 báo cáo kết quả", ("ban hành kế hoạch", "báo cáo kết quả")),
        (
            "Quý I/2024 ban hành kế hoạch, quý IV/2024 báo cáo kết quả thực hiện.",
            ("ban hành kế hoạch", "báo cáo kết quả thực hiện"),
        ),
        ("Quý I năm 2024, ban hành kế hoạch; định kỳ báo cáo kết quả thực hiện theo quy định.", ("ban hành kế hoạch",)),
        (
            "Hoàn thành tham mưu ban hành các kế hoạch của UBND xã trong quý I/2024; định kỳ báo cáo theo quy định.",
            ("Hoàn thành tham mưu ban hành các kế hoạch của UBND xã",),
        ),
        ("Quý IV năm 2024 ban hành Kế hoạch.", ("ban hành Kế hoạch",)),
        ("Quý I năm 2024.", ("",)),
        ("Thời gian thực hiện: Quý I/2024", ("",)),
        ("hoàn thành trước 30/6/2024", ("",)),
    ],
)
def test_labels_are_the_clerks_words_for_each_date(phrase, labels):
    """Each date carries the words written with it, without the joining words around the date."""
    assert tuple(m.label for m in parse_timeframe(phrase, YEAR).milestones) == labels


def test_label_keeps_the_original_wording_when_written_without_diacritics_in_nfd():
    """A label is cut from the phrase as given, so decomposed (NFD) text stays byte for byte."""
    phrase = unicodedata.normalize("NFD", "Quý I/2024 ban hành kế hoạch")
    assert parse_timeframe(phrase, YEAR).milestones[0].label == unicodedata.normalize("NFD", "ban hành kế hoạch")


@pytest.mark.parametrize(
    ("variant", "due"),
    [
        ("quy IV nam 2024", Q4),
        ("QUÝ IV NĂM 2024", Q4),
        ("Quý IV  năm   2024", Q4),
        ("Quý IV/ 2024", Q4),
        ("Quý IV -2024", Q4),
        ("quý 4/2024", Q4),
        ("Quý 1/2024", Q1),
        ("quy i/2024", Q1),
        ("Quý II", Q2),
        ("Quý  iii", Q3),
        ("  Quý I/2024  ", Q1),
        ("Thang 12 nam 2024", Q4),
        ("tháng 12/2024", Q4),
        ("Truoc ngay 15/12/2024", date(2024, 12, 15)),
        ("trước ngày 15 / 12 / 2024", date(2024, 12, 15)),
        ("Trước ngày15/12/2024", date(2024, 12, 15)),
        ("trong nam 2024", Q4),
        ("TRONG NĂM 2024", Q4),
        ("Trong năm 2024", Q4),
    ],
)
def test_spacing_case_diacritics_and_quarter_numerals_do_not_matter(variant, due):
    """Extra or missing spaces, any case, no diacritics (đ/d), arabic or roman quarters read the same."""
    schedule = parse_timeframe(variant, YEAR)
    assert (schedule.kind, schedule.due_dates, schedule.problem) == ("due", (due,), "")


@pytest.mark.parametrize(
    ("variant", "kind", "recurrence"),
    [
        ("thuong xuyen", "ongoing", None),
        ("THƯỜNG XUYÊN", "ongoing", None),
        ("Thường  xuyên trong nam 2024", "ongoing", None),
        ("dinh ky hang thang trong nam 2024", "recurring", "monthly"),
        ("Định kỳ hằng tháng", "recurring", "monthly"),
        ("hằng quý", "recurring", "quarterly"),
        ("hàng quý", "recurring", "quarterly"),
        ("Hang quy", "recurring", "quarterly"),
        ("theo tien do va huong dan", "superior", None),
        ("Dung tien do duoc cap co tham quyen giao", "superior", None),
    ],
)
def test_words_without_dates_tolerate_case_and_missing_diacritics(variant, kind, recurrence):
    """Ongoing, recurring and superior phrases are recognised however they are typed."""
    schedule = parse_timeframe(variant, YEAR)
    assert (schedule.kind, schedule.recurrence) == (kind, recurrence)


@pytest.mark.parametrize(
    ("phrase", "kind", "dates", "recurrence"),
    [
        ("hoàn thành trước 30/6/2024", "due", (Q2,), None),
        ("Chậm nhất ngày 30/6/2024", "due", (Q2,), None),
        ("tháng 3/2024", "due", (date(2024, 3, 31),), None),
        ("Tháng 02/2024", "due", (date(2024, 2, 29),), None),
        ("6 tháng cuối năm", "due", (Q4,), None),
        ("6 tháng cuối năm 2025", "due", (date(2025, 12, 31),), None),
        ("Sáu tháng đầu năm", "due", (Q2,), None),
        ("cả năm", "due", (Q4,), None),
        ("Cuối năm 2024", "due", (Q4,), None),
        ("Năm 2024", "due", (Q4,), None),
        ("ngày 15 tháng 3 năm 2024", "due", (date(2024, 3, 15),), None),
        ("15-03-2024", "due", (date(2024, 3, 15),), None),
        ("Quý I và quý II năm 2024", "milestones", (Q1, Q2), None),
        ("Quý I ban hành kế hoạch; quý IV/2025 báo cáo", "milestones", (date(2025, 3, 31), date(2025, 12, 31)), None),
        ("6 tháng một lần", "recurring", (), "half-yearly"),
        ("Định kỳ 6 tháng", "recurring", (), "half-yearly"),
        ("Hằng năm", "recurring", (), "yearly"),
        ("Báo cáo quý, 6 tháng, năm", "recurring", (), "quarterly"),
        ("Mỗi quý một lần", "recurring", (), "quarterly"),
        ("Hằng quý 1 lần", "recurring", (), "quarterly"),
        ("6 tháng/lần", "recurring", (), "half-yearly"),
        ("Quý III, IV/2024", "milestones", (Q3, Q4), None),
        ("Từ tháng 01 đến tháng 6/2024", "due", (Q2,), None),
        ("Hoàn thành trong quý II/2024", "due", (Q2,), None),
        ("Hằng tuần", "ongoing", (), None),
        ("Theo hướng dẫn của UBND huyện", "superior", (), None),
        ("Khi có yêu cầu của cấp trên", "superior", (), None),
        ("Theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ", "superior", (), None),
        ("Định kỳ báo cáo theo quy định", "superior", (), None),
    ],
)
def test_other_communes_wordings(phrase, kind, dates, recurrence):
    """Wordings not in the seeds but common in other communes' plans are read too."""
    schedule = parse_timeframe(phrase, YEAR)
    assert (schedule.kind, tuple(m.due for m in schedule.milestones), schedule.recurrence) == (kind, dates, recurrence)


def test_a_quarter_of_another_year_is_kept():
    """A date outside the plan's year (Quý I/2025 in a 2024 plan) is read as written."""
    schedule = parse_timeframe("Quý I/2025", YEAR)
    assert (schedule.due_dates, schedule.year) == ((date(2025, 3, 31),), 2025)


def test_a_cited_papers_date_is_not_a_deadline():
    """"ngày 14/10/2021" after a document number dates the cited paper, not the task."""
    schedule = parse_timeframe("Quý II/2024 triển khai Kế hoạch số 140/KH-UBND ngày 14/10/2021", YEAR)
    assert schedule.due_dates == (Q2,)


@pytest.mark.parametrize("phrase", ["31/02/2024", "Quý V/2024", "Quý V", "tháng 13/2024", "Quý 5 năm 2024"])
def test_impossible_dates_are_unknown_with_a_problem(phrase):
    """A date that does not exist is not invented: the schedule is unknown and says which words are wrong."""
    schedule = parse_timeframe(phrase, YEAR)
    assert (schedule.kind, schedule.due_dates) == ("unknown", ())
    assert phrase in schedule.problem and "bằng tay" in schedule.problem


@pytest.mark.parametrize("phrase", ["xyz", "Khi nào xong thì báo", "???"])
def test_unreadable_phrases_ask_for_a_date_by_hand(phrase):
    """Nothing readable gives kind "unknown" and the Vietnamese hint to set the date by hand."""
    schedule = parse_timeframe(phrase, YEAR)
    assert schedule.kind == "unknown"
    assert schedule.problem == f"Không đọc được thời hạn “{phrase}”; hãy đặt ngày bằng tay."


def test_an_empty_timeframe_asks_to_write_one():
    """A blank timeframe is unknown and asks the clerk to write one."""
    schedule = parse_timeframe("   ", YEAR)
    assert schedule.kind == "unknown" and "Chưa ghi thời hạn" in schedule.problem


def test_a_partial_read_keeps_what_was_understood():
    """Dates that were read stay; the part that was not is named in the problem."""
    schedule = parse_timeframe("Quý I/2024 ban hành kế hoạch; sau 30 ngày báo cáo", YEAR)
    assert schedule.due_dates == (Q1,)
    assert "“sau 30 ngày báo cáo”" in schedule.problem


def test_a_day_of_each_month_is_read_as_monthly_with_a_problem():
    """"trước ngày 20 hằng tháng" is monthly, but the day 20 cannot be kept, so the clerk is told."""
    schedule = parse_timeframe("trước ngày 20 hằng tháng", YEAR)
    assert (schedule.kind, schedule.recurrence) == ("recurring", "monthly")
    assert "“trước ngày 20 hằng tháng”" in schedule.problem


def test_a_partial_read_with_an_impossible_date_keeps_the_good_one():
    """One impossible date among good ones is reported, the good one kept."""
    schedule = parse_timeframe("Quý I/2024 ban hành kế hoạch; 31/02/2024 báo cáo", YEAR)
    assert (schedule.kind, schedule.due_dates) == ("due", (Q1,))
    assert "31/02/2024" in schedule.problem


def test_due_dates_merge_milestones_and_recurrence_once_each():
    """A milestone on a month end and a monthly recurrence give twelve month ends, each once."""
    schedule = parse_timeframe("Quý I/2024 ban hành kế hoạch; định kỳ hàng tháng báo cáo", YEAR)
    assert len(schedule.due_dates) == 12
    assert (schedule.first_due, schedule.last_due) == (date(2024, 1, 31), Q4)
    assert date(2024, 2, 29) in schedule.due_dates


@pytest.mark.parametrize(
    ("recurrence", "dates"),
    [("quarterly", (Q1, Q2, Q3, Q4)), ("half-yearly", (Q2, Q4)), ("yearly", (Q4,))],
)
def test_recurrences_fall_due_at_period_ends(recurrence, dates):
    """Quarterly, half-yearly and yearly tasks fall due on the last day of each period."""
    assert Schedule("x", "recurring", recurrence=recurrence, year=2024).due_dates == dates


def test_ongoing_and_unknown_have_no_due_dates():
    """Ongoing work has no fixed due date for issue 4 to assess per quarter."""
    schedule = parse_timeframe("Thường xuyên trong năm 2024", YEAR)
    assert (schedule.due_dates, schedule.first_due, schedule.last_due) == ((), None, None)


def test_a_periodic_report_with_unknown_period_invents_no_dates():
    """"định kỳ theo quy định" keeps the milestone, adds no dates and is mentioned in describe()."""
    schedule = parse_timeframe("Quý I/2024 ban hành kế hoạch; định kỳ theo quy định báo cáo kết quả", YEAR)
    assert (schedule.recurrence, schedule.due_dates) == (None, (Q1,))
    assert "định kỳ theo quy định" in schedule.describe()


@pytest.mark.parametrize(
    ("phrase", "description"),
    [
        ("Quý I/2024", "Hạn 31/03/2024"),
        ("Quý IV năm 2024 ban hành Kế hoạch.", "Hạn 31/12/2024 (ban hành Kế hoạch)"),
        (
            "Quý I/2024 ban hành kế hoạch; quý IV/2024 báo cáo kết quả",
            "31/03/2024 (ban hành kế hoạch); 31/12/2024 (báo cáo kết quả)",
        ),
        (
            "Quý I/2024 ban hành kế hoạch, quyết định; định kỳ hàng tháng, quý, năm, báo cáo kết quả",
            "31/03/2024 (ban hành kế hoạch, quyết định); định kỳ hằng tháng",
        ),
        ("Định kỳ hàng tháng trong năm 2024", "Hằng tháng trong năm 2024"),
        ("Thường xuyên trong năm 2024", "Thường xuyên trong năm 2024"),
        ("Thường xuyên", "Thường xuyên trong năm 2024"),
        ("Hằng năm", "Hằng năm (năm 2024)"),
        (
            "Quý II năm 2024 ban hành Kế hoạch; báo cáo kiểm tra sau đợt kiểm tra",
            "Hạn 30/06/2024 (ban hành Kế hoạch); báo cáo kiểm tra sau đợt kiểm tra",
        ),
        ("Theo tiến độ và hướng dẫn", "Theo tiến độ, hướng dẫn của cấp trên"),
        ("xyz", "Chưa xác định hạn"),
    ],
)
def test_describe_is_short_vietnamese(phrase, description):
    """describe() gives the UI a short Vietnamese summary of the schedule."""
    assert parse_timeframe(phrase, YEAR).describe() == description


def test_the_default_year_fills_in_a_missing_year():
    """"Trước ngày 10/12" in a 2025 plan falls due on 10/12/2025."""
    assert parse_timeframe("Trước ngày 10/12", 2025).due_dates == (date(2025, 12, 10),)


def test_recurrence_labels_cover_every_recurrence():
    """Every recurrence the parser can return has a Vietnamese label, and KINDS lists six kinds."""
    assert set(RECURRENCE_LABELS) == {"monthly", "quarterly", "half-yearly", "yearly"}
    assert KINDS == ("due", "milestones", "recurring", "ongoing", "superior", "unknown")


def test_milestones_are_in_date_order():
    """Milestones written out of order come back in date order."""
    schedule = parse_timeframe("Quý IV/2024 báo cáo; quý I/2024 ban hành kế hoạch", YEAR)
    assert schedule.milestones == (Milestone(Q1, "ban hành kế hoạch"), Milestone(Q4, "báo cáo"))


FRAGMENTS = [
    "Quý", "quý", "quy", "I", "II", "III", "IV", "V", "1", "4", "/", "/2024", "năm", "nam", "2024", "2025",
    "tháng", "thang", "12", "13", "ngày", "trước", "truoc", "15/12", "31/02/2024", "10/12/2025", "từ", "đến",
    "hết", "thường xuyên", "định kỳ", "hàng", "hằng", "tháng,", "quý,", "6 tháng", "đầu năm", "cuối năm",
    "trong", "ban hành kế hoạch", ";", ",", ".", "\n", "theo", "tiến độ", "hướng dẫn", "quy định", "số",
    "140/KH-UBND", "130/2005/NĐ-CP", "-", "–", "2021-2025", "sau đợt", "lần", "một", "tuần", "  ", "Đ", "đ",
]
phrases = st.lists(st.sampled_from(FRAGMENTS), max_size=14).map(" ".join)
odd_texts = st.one_of(st.text(), st.text(alphabet=st.characters(codec="utf-8")), phrases)
default_years = st.one_of(st.integers(1900, 2200), st.integers())


@settings(max_examples=400, deadline=None)
@given(text=odd_texts, default_year=default_years)
def test_parse_never_raises_and_keeps_the_text(text, default_year):
    """Any text and any default year give a Schedule whose text is the input, unchanged."""
    schedule = parse_timeframe(text, default_year)
    assert schedule.text is text
    assert schedule.kind in KINDS
    assert schedule.describe()


@settings(max_examples=400, deadline=None)
@given(text=odd_texts)
def test_due_dates_are_sorted_and_unique(text):
    """due_dates are strictly increasing and first/last_due are their ends."""
    schedule = parse_timeframe(text, YEAR)
    dates = schedule.due_dates
    assert all(a < b for a, b in zip(dates, dates[1:]))
    assert schedule.first_due == (dates[0] if dates else None)
    assert schedule.last_due == (dates[-1] if dates else None)


@settings(max_examples=300, deadline=None)
@given(text=phrases)
def test_unknown_always_says_why(text):
    """An unknown schedule always carries a problem for the clerk; milestones are in date order."""
    schedule = parse_timeframe(text, YEAR)
    assert schedule.kind != "unknown" or schedule.problem
    assert [m.due for m in schedule.milestones] == sorted(m.due for m in schedule.milestones)


@pytest.mark.parametrize(
    ("phrase", "description"),
    [("Cả năm 2027", "Hạn 31/12/2027 (Cả năm)"), ("suốt năm 2027", "Hạn 31/12/2027 (suốt năm)")],
)
def test_a_whole_year_is_labelled_whole_year_not_a_bare_word(phrase, description):
    """"Cả năm 2027" is due at the year's end with the label "Cả năm", never the lone word "Cả"."""
    assert parse_timeframe(phrase, 2026).describe() == description
