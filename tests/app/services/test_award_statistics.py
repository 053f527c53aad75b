"""Award statistics: the history counted per year by award and by department, over a span of years."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.services import registers
from app.services.award_history import RecordData, add_record
from app.services.award_statistics import COLLECTIVES, NO_DEPARTMENT, award_statistics
from app.services.officials import OfficialData, add_official, update_official

LDTT, CSTDCS, TTLDTT = "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến"
OUTSIDE = "Bằng khen của Bộ Nội vụ"


@pytest.fixture
def history(store):
    """Mai (VP-TK), Ân (ĐC-XD), Bình (no department), the one-stop desk, and a name linked to nobody; records
    2020–2025 (2020 outside the span asked for), one award the catalogue does not know, one written in lower case."""
    mai = add_official(store, OfficialData("Lê Thị Mai", department="VP-TK")).value
    add_official(store, OfficialData("Huỳnh Văn Ân", department="ĐC-XD"))
    add_official(store, OfficialData("Võ Văn Bình"))
    registers.save_collective(store, "Bộ phận Một cửa", "VP-TK")
    for year, kind, name, award in (
            (2020, "official", "Lê Thị Mai", LDTT),
            (2023, "official", "Lê Thị Mai", LDTT), (2023, "official", "Huỳnh Văn Ân", "lao dong tien tien"),
            (2024, "official", "Lê Thị Mai", CSTDCS), (2024, "official", "Lê Thị Mai", LDTT),
            (2024, "collective", "Bộ phận Một cửa", TTLDTT), (2024, "official", "Nguyễn Văn Xa", LDTT),
            (2024, "official", "Võ Văn Bình", LDTT), (2025, "official", "Huỳnh Văn Ân", OUTSIDE)):
        add_record(store, RecordData(kind, name, year, award))
    return store, mai


def test_counts_per_year_and_award_over_the_span(history):
    """2023: two LĐTT (one written without diacritics, matched to the kind); 2024: one CSTĐCS, three LĐTT, one
    TTLĐTT; 2025: the unknown award as written; 2020 is outside 2021–2025."""
    store, _ = history
    statistics = award_statistics(store, 2021, 2025)
    assert statistics.years == (2021, 2022, 2023, 2024, 2025)
    assert statistics.by_year_award == {(2023, LDTT): 2, (2024, LDTT): 3, (2024, CSTDCS): 1, (2024, TTLDTT): 1,
                                        (2025, OUTSIDE): 1}
    assert statistics.award_total(LDTT) == 5 and statistics.year_total(2021) == 0 and statistics.total == 8


def test_awards_follow_the_catalogue_then_the_rest(history):
    """Known kinds in the catalogue's order (LĐTT, CSTĐCS, TTLĐTT), awards it does not know after them."""
    store, _ = history
    assert award_statistics(store, 2021, 2025).awards == (LDTT, CSTDCS, TTLDTT, OUTSIDE)


def test_counts_per_department_with_collectives_and_the_unknown_apart(history):
    """VP-TK: Mai's; ĐC-XD: Ân's; no department or no linked official: "Chưa rõ bộ phận"; the desk: "Tập thể"."""
    store, _ = history
    statistics = award_statistics(store, 2021, 2025)
    assert statistics.departments == ("VP-TK", "ĐC-XD", NO_DEPARTMENT, COLLECTIVES)
    assert statistics.by_year_department == {(2023, "VP-TK"): 1, (2023, "ĐC-XD"): 1, (2024, "VP-TK"): 2,
                                             (2024, COLLECTIVES): 1, (2024, NO_DEPARTMENT): 2, (2025, "ĐC-XD"): 1}
    assert statistics.department_total(NO_DEPARTMENT) == 2
    assert sum(statistics.department_total(name) for name in statistics.departments) == statistics.total


def test_a_person_counts_under_todays_department(history):
    """Mai moves to TP-HT: her past awards count there (no history of moves is kept)."""
    store, mai = history
    update_official(store, mai.id, OfficialData("Lê Thị Mai", department="TP-HT"))
    statistics = award_statistics(store, 2023, 2024)
    assert statistics.department_total("TP-HT") == 3 and "VP-TK" not in statistics.departments


def test_a_single_year_and_a_year_without_records(history):
    """2022 alone: no rows, all totals zero; the mappings stay empty."""
    store, _ = history
    statistics = award_statistics(store, 2022, 2022)
    assert statistics.years == (2022,) and statistics.awards == () and statistics.total == 0


def test_a_backwards_span_is_refused(store):
    """First year after the last: a Vietnamese message saying so."""
    with pytest.raises(UserError, match="sau năm kết thúc"):
        award_statistics(store, 2025, 2021)
