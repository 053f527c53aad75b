"""The ranking: latest ok package per commune, ties sharing a rank, sets apart, the appraisal put over."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import UserError
from app.receiving import queries
from app.receiving.appraisal import result_for, set_province_appraisal
from app.receiving.ingest import consolidate
from tests.fixtures.received_packages import commune_data, tamper, write_package


def _three_communes(folder):
    """The issue's three communes: An Phú, Bình Minh tampered, Cát Tiên exported twice (the older one higher)."""
    write_package(commune_data("An Phú", {"1.1": "5", "1.2": "4", "2.1": "8", "3.1": "1"}), folder)
    tamper(write_package(commune_data("Bình Minh", {"1.1": "5", "1.2": "5", "2.1": "10"}), folder))
    write_package(commune_data("Cát Tiên", {"1.1": "5", "1.2": "5", "2.1": "10"},
                               exported_at="2026-12-01T08:00:00+07:00"), folder, name="CatTien-cu")
    write_package(commune_data("Cát Tiên", {"1.1": "4", "1.2": "4", "2.1": "7"}), folder, name="CatTien-moi")


def _ranks(store, year=2026):
    return [(row.commune, row.score, row.rank) for row in queries.ranking(store, year)]


def test_three_communes_rank_on_the_newest_export_without_the_tampered(store, tmp_path):
    """An Phú (18) ranks above Cát Tiên's newer export (15); tampered Bình Minh is not ranked."""
    _three_communes(tmp_path)
    consolidate(store, [tmp_path])
    assert _ranks(store) == [("Xã An Phú", Decimal(18), 1), ("Xã Cát Tiên", Decimal(15), 2)]
    [an_phu, _cat_tien] = queries.ranking(store, 2026)
    assert [(field.code, field.points) for field in an_phu.fields] == [("1", 9), ("2", 8), ("3", 1)]
    assert an_phu.rating == "Tốt" and an_phu.appraised_total is None


def test_ties_share_a_rank_and_the_next_is_skipped(store, tmp_path):
    """Scores 18, 17, 17, 12 rank 1, 2, 2, 4; the tied communes in name order."""
    for name, points in (("Đông", "8"), ("Bắc", "7"), ("An", "7"), ("Nam", "2")):
        write_package(commune_data(name, {"1.1": "5", "1.2": "5", "2.1": points}), tmp_path)
    consolidate(store, [tmp_path])
    assert [(c, r) for c, _s, r in _ranks(store)] == [("Xã Đông", 1), ("Xã An", 2), ("Xã Bắc", 2), ("Xã Nam", 4)]


def test_communes_on_another_set_are_ranked_apart(store, tmp_path):
    """A commune scored on another criteria set has its own rank 1, not a place among the others."""
    write_package(commune_data("An", {"1.1": "5"}), tmp_path)
    write_package(commune_data("Bắc", {"1.1": "4"}), tmp_path)
    write_package(commune_data("Lạ", {"1.1": "1"}, set_name="Bộ chỉ số khác"), tmp_path)
    write_package(commune_data("Trống", None), tmp_path)
    consolidate(store, [tmp_path])
    rows = queries.ranking(store, 2026)
    assert [(row.commune, row.set_name == "Bộ chỉ số khác", row.rank) for row in rows] == [
        ("Xã An", False, 1), ("Xã Bắc", False, 2), ("Xã Lạ", True, 1), ("Xã Trống", False, None)]


def test_latest_period_is_the_one_ranked(store, tmp_path):
    """A commune's year package is ranked rather than its third-quarter one."""
    write_package(commune_data("An", {"1.1": "5", "2.1": "9"}, period="q3"), tmp_path)
    write_package(commune_data("An", {"1.1": "1"}, period="year", exported_at="2026-10-01T08:00:00+07:00"), tmp_path)
    consolidate(store, [tmp_path])
    assert _ranks(store) == [("Xã An", Decimal(1), 1)]


def test_appraisal_changes_the_ranking_and_survives_a_rerun(store, tmp_path):
    """An appraised score ranks in place of the self-score, and re-ingesting keeps it."""
    _three_communes(tmp_path)
    consolidate(store, [tmp_path])
    key = commune_data("An Phú").commune.key
    changes = set_province_appraisal(store, key, 2026, "2.1", Decimal("3"), "Thiếu minh chứng công khai TTHC")
    assert changes.touches("receiving")
    assert _ranks(store) == [("Xã Cát Tiên", Decimal(15), 1), ("Xã An Phú", Decimal(13), 2)]
    an_phu = next(row for row in queries.ranking(store, 2026) if row.commune == "Xã An Phú")
    assert (an_phu.self_total, an_phu.appraised_total) == (Decimal(18), Decimal(13))
    write_package(commune_data("An Phú", {"1.1": "5", "1.2": "5", "2.1": "9"},
                               exported_at="2026-12-11T08:00:00+07:00"), tmp_path, name="AnPhu-lai")
    consolidate(store, [tmp_path])
    assert [(e.code, e.points, e.note) for e in queries.appraisal(store, key, 2026)] == [
        ("2.1", Decimal(3), "Thiếu minh chứng công khai TTHC")]
    assert _ranks(store)[1] == ("Xã An Phú", Decimal(13), 2)


def test_appraisal_is_checked_against_the_commune_criteria(store, tmp_path):
    """A parent criterion, an unknown code and points over the maximum are refused in Vietnamese."""
    write_package(commune_data("An", {"1.1": "5"}), tmp_path)
    consolidate(store, [tmp_path])
    key = commune_data("An").commune.key
    for code, points, words in (("1", Decimal(1), "tiêu chí lớn"), ("9.9", Decimal(1), "không có tiêu chí"),
                                ("1.1", Decimal(6), "từ 0 đến 5 điểm"), ("1.1", Decimal(-1), "từ 0 đến 5")):
        with pytest.raises(UserError, match=words):
            set_province_appraisal(store, key, 2026, code, points)
    with pytest.raises(UserError, match="Chưa có gói"):
        set_province_appraisal(store, "khong|co|ai", 2026, "1.1", Decimal(1))


def test_result_for_the_commune_file(store, tmp_path):
    """The result carries the appraised lines in the set's order, the appraised total and the office."""
    write_package(commune_data("An", {"1.1": "5", "1.2": "4", "2.1": "8"}), tmp_path)
    consolidate(store, [tmp_path])
    key = commune_data("An").commune.key
    set_province_appraisal(store, key, 2026, "2.1", Decimal("7.5"), "Trừ 0,5 điểm")
    set_province_appraisal(store, key, 2026, "1.2", None, "Đạt")
    result = result_for(store, key, 2026)
    assert [(line.code, line.points, line.note) for line in result.lines] == [
        ("1.2", None, "Đạt"), ("2.1", Decimal("7.5"), "Trừ 0,5 điểm")]
    assert (result.total, result.appraiser, result.set_version) == (
        Decimal("16.5"), "Sở Nội vụ tỉnh Quảng Ngãi", commune_data("An", {}).scoring.version)
