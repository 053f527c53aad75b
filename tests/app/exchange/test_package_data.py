"""The package data file: written and read back exactly, and refused by field when malformed."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from app.domain.criteria import RatingBand
from app.errors import UserError
from app.exchange.package_data import (
    FORMAT_VERSION,
    CommuneInfo,
    DecisionAwardData,
    DecisionData,
    PackageData,
    ProposalData,
    ScoreLineData,
    ScoringData,
    TaskData,
    criteria_version,
    parse_package_data,
)

LINES = (
    ScoreLineData("1", "Công tác chỉ đạo, điều hành", max_points=Decimal(10), is_leaf=False),
    ScoreLineData("1.1", "Kế hoạch CCHC", parent_code="1", max_points=Decimal("5"), points=Decimal("4.5"),
                  appraised=Decimal("4"), appraisal_note="Thiếu minh chứng quý II"),
    ScoreLineData("1.2", "Báo cáo CCHC", parent_code="1", max_points=Decimal("5"), not_applicable=True),
    ScoreLineData("2", "Điểm thưởng", max_points=Decimal(2), node_kind="bonus", is_leaf=False),
    ScoreLineData("2.1", "Sáng kiến", parent_code="2", max_points=Decimal(2), node_kind="bonus", points=Decimal("1.25")),
)


def _data() -> PackageData:
    scoring = ScoringData("Bộ chỉ số CCHC cấp xã", 2025, "UBND tỉnh Quảng Ngãi", "QĐ 12/QĐ-UBND",
                          criteria_version(LINES), "scale", (RatingBand("Tốt", Decimal(8)),), LINES)
    return PackageData(
        CommuneInfo("Hòa Bình Xuân", "Quảng Ngãi", "xa", ""), 2026, "q4", "Quý IV/2026", "2026-12-07T09:00:00+07:00",
        "0.9", (TaskData("Kế hoạch CCHC năm 2026 (số 12/KH-UBND)", "Cải cách TTHC", "Rà soát TTHC", "Phòng VH-XH",
                         "Quý I/2026", "done", "2026-03-20", 1, 1),),
        scoring, (ProposalData("Lê Thị Mai", "official", "bang_khen_tinh", "Bằng khen của Chủ tịch UBND tỉnh",
                               "Chủ tịch UBND tỉnh", 8, 9, "8/9 thành viên đồng ý (88,89%)", "Tờ trình số 15/TTr-UBND"),),
        (DecisionData("61/QĐ-UBND", "2026-12-20", (DecisionAwardData("Nguyễn Văn An", "official", "ldtt",
                                                                     "Lao động tiên tiến", 702000),)),))


def test_round_trip_is_exact():
    """What is written reads back equal, points as decimal strings (no float rounding)."""
    data = _data()
    raw = data.to_json()
    assert json.loads(raw)["scoring"]["lines"][4]["points"] == "1.25"
    assert json.loads(raw)["format_version"] == FORMAT_VERSION
    assert parse_package_data(raw) == data


def test_totals_follow_the_set_rules():
    """The receiver's totals: N/A leaves the maximum, the bonus is added, the appraisal totals apart."""
    scoring = parse_package_data(_data().to_json()).scoring
    totals = scoring.totals()
    assert (totals.total, totals.applicable_max, totals.scaled) == (Decimal("5.75"), Decimal(5), Decimal("10.25"))
    assert scoring.rating(totals) == "Tốt"
    assert scoring.totals(scoring.appraised_points()).total == Decimal(4)


def test_commune_key_ignores_case_and_tones():
    """The same commune typed differently is one commune; a code, when known, decides."""
    assert CommuneInfo("Hòa Bình Xuân", "Quảng Ngãi").key == CommuneInfo("HOA BINH  XUAN", "quảng ngãi").key
    assert CommuneInfo("Hòa Bình Xuân", "Quảng Ngãi", code="21025").key == "ma:21025"


def test_version_is_the_content():
    """Changing a maximum changes the set's version; the same lines give the same version."""
    changed = (LINES[0], LINES[1].__class__(**{**LINES[1].__dict__, "max_points": Decimal(6)}), *LINES[2:])
    assert criteria_version(LINES) == criteria_version(tuple(LINES))
    assert criteria_version(changed) != criteria_version(LINES)


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: d["scoring"]["lines"][1].update(points="nhiều"), "scoring.lines[1].points"),
    (lambda d: d["tasks"][0].update(status="xong"), "tasks[0].status"),
    (lambda d: d.update(year="2026"), "year"),
    (lambda d: d["commune"].update(name=""), "commune.name"),
    (lambda d: d["proposals"][0].update(votes_for=True), "proposals[0].votes_for"),
    (lambda d: d["scoring"]["lines"][2].update(code="1.1"), "scoring.lines"),
])
def test_malformed_field_is_named(change, field):
    """A wrong field is refused with a Vietnamese message naming it."""
    data = json.loads(_data().to_json())
    change(data)
    with pytest.raises(UserError) as refused:
        parse_package_data(json.dumps(data).encode())
    assert f"“{field}”" in str(refused.value)


def test_newer_version_and_garbage_are_refused():
    """A newer format asks for an update; bytes that are not JSON say so."""
    data = json.loads(_data().to_json())
    data["format_version"] = FORMAT_VERSION + 1
    with pytest.raises(UserError, match="cập nhật"):
        parse_package_data(json.dumps(data).encode())
    with pytest.raises(UserError, match="không phải JSON"):
        parse_package_data(b"\xff{")
