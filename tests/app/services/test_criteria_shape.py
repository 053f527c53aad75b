"""Scoring against the 2025 example set of today's shape: N/A, declared figures, bonus/penalty, the appraisal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from app.domain.criteria import PAR
from app.errors import UserError
from app.services import appraisal, criteria_sets, scoring, undo
from app.services.appraisal import AppraisalRow
from app.store import Store

TODAY = date(2025, 12, 20)
SHAPED = "Bộ chỉ số CCHC cấp xã mẫu 2025 (8 nội dung + điểm thưởng, điểm trừ)"
# Every ordinary leaf at its maximum except 3.2 (10 → 7) and 7.3 (4, marked N/A); bonus 9a.1 = 3, penalty 9b.2 = 1,
# the other bonus and penalty criteria 0.


def shaped_year(store) -> tuple[dict[str, int], int]:
    """2025 started on the shaped example set; the criterion ids by code and the assessment id."""
    summary = next(item for item in criteria_sets.list_sets(store, PAR) if item.name == SHAPED)
    ids = criteria_sets.load_set(store, summary.id).criterion_ids
    scoring.start(store, 2025, summary.id)
    return ids, scoring.score_sheet(store, 2025, TODAY).assessment_id


def scored(store) -> dict[str, int]:
    ids, _ = shaped_year(store)
    sheet = scoring.score_sheet(store, 2025, TODAY)
    for line in sheet.lines:
        if line.is_leaf and line.node_kind == "":
            scoring.set_score(store, 2025, line.criterion_id, line.max_points)
    scoring.set_score(store, 2025, ids["3.2"], D(7))
    scoring.set_not_applicable(store, 2025, ids["7.3"], True)
    scoring.set_score(store, 2025, ids["9a.1"], D(3))
    scoring.set_score(store, 2025, ids["9b.2"], D(1))
    for code in ("9a.2", "9b.1"):  # no bonus, no penalty there: 0, so every criterion is scored
        scoring.set_score(store, 2025, ids[code], D(0))
    return ids


def test_the_shaped_example_is_installed_beside_the_old_one(store: Store):
    """A new data folder has both PAR examples; the new one's contents add up to 100, bonus and penalty 5 each."""
    names = [item.name for item in criteria_sets.list_sets(store, PAR)]
    assert SHAPED in names and any("ví dụ" in name for name in names)
    ids, _ = shaped_year(store)
    sheet = scoring.score_sheet(store, 2025, TODAY)
    assert sheet.max_total == D(100) and (sheet.totals.bonus_max, sheet.totals.penalty_max) == (D(5), D(5))
    assert {line.code: line.node_kind for line in sheet.lines if line.depth == 0}["9b"] == "penalty"


def test_totals_with_not_applicable_bonus_and_penalty(store: Store):
    """100 − 3 (3.2) − 4 (7.3, N/A) = 93 of 96 applicable; total 93 + 3 − 1 = 95; rated on 93 × 100 / 96 + 2 = 98,88."""
    scored(store)
    sheet = scoring.score_sheet(store, 2025, TODAY)
    totals = sheet.totals
    assert (totals.ordinary, totals.applicable_max, totals.bonus, totals.penalty) == (D(93), D(96), D(3), D(1))
    assert sheet.total == D(95) and sheet.max_total == D(96)
    assert totals.scaled == D("96.88") + D(2) and totals.percent == D("96.88")
    assert sheet.rating == "Xuất sắc" and sheet.scored == sheet.leaves


def test_a_score_typed_on_a_not_applicable_criterion_makes_it_apply(store: Store):
    """N/A keeps the old score aside; typing a score clears the mark and counts it again."""
    ids = scored(store)
    line = scoring.score_sheet(store, 2025, TODAY).line(ids["7.3"])
    assert line.not_applicable and line.points is None
    scoring.set_score(store, 2025, ids["7.3"], D(2))
    sheet = scoring.score_sheet(store, 2025, TODAY)
    assert not sheet.line(ids["7.3"]).not_applicable and sheet.max_total == D(100) and sheet.total == D(97)


def test_a_criterion_every_commune_scores_cannot_be_not_applicable(store: Store):
    """1.1 (the year's plan) is not N/A-able in the example: refused, nothing saved."""
    ids, _ = shaped_year(store)
    with pytest.raises(UserError, match="không được đánh dấu “Không áp dụng”"):
        scoring.set_not_applicable(store, 2025, ids["1.1"], True)
    assert not scoring.score_sheet(store, 2025, TODAY).line(ids["1.1"]).not_applicable


def test_declared_figures_are_kept_cleaned(store: Store):
    """The declared figures are saved NFC, trimmed, beside the score."""
    ids, _ = shaped_year(store)
    scoring.set_declared(store, 2025, ids["3.2"], "  45/48 hồ sơ đúng hạn  ")
    assert scoring.score_sheet(store, 2025, TODAY).line(ids["3.2"]).declared == "45/48 hồ sơ đúng hạn"


def test_appraisal_totals_keep_the_self_score_where_the_appraisers_changed_nothing(store: Store):
    """3.2 appraised 4 (self 7), bonus 9a.1 appraised 1: appraised total 95 − 3 − 2 = 90, rated on 93,75 + 0."""
    ids = scored(store)
    assessment_id = scoring.score_sheet(store, 2025, TODAY).assessment_id
    assert not scoring.score_sheet(store, 2025, TODAY).has_appraisal
    appraisal.set_appraisal(store, assessment_id, "3.2", D(4), "Chỉ 40/48 hồ sơ đúng hạn trên hệ thống")
    appraisal.set_appraisal(store, assessment_id, "9a.1", D(1))
    sheet = scoring.score_sheet(store, 2025, TODAY)
    assert sheet.has_appraisal and sheet.appraised.total == D(90) and sheet.total == D(95)
    assert sheet.appraised.scaled == D("93.75")
    line = sheet.line(ids["3.2"])
    assert (line.points, line.appraised, line.appraisal_note) == (D(7), D(4), "Chỉ 40/48 hồ sơ đúng hạn trên hệ thống")
    assert sheet.line(ids["1.1"]).appraised is None  # not appraised: blank on the paper, self-score in the total


def test_appraised_points_above_the_maximum_are_refused(store: Store):
    """Appraised 11 on a 10-point criterion: a Vietnamese refusal, nothing saved."""
    _, assessment_id = shaped_year(store)
    with pytest.raises(UserError, match="tối đa"):
        appraisal.set_appraisal(store, assessment_id, "3.2", D(11))
    assert not scoring.score_sheet(store, 2025, TODAY).has_appraisal


def test_import_appraisal_saves_all_rows_in_one_step(store: Store):
    """Three rows in, one undo step out; undo removes all three."""
    scored(store)
    rows = [AppraisalRow("3.2", D(5), "Thiếu tài liệu"), AppraisalRow("1.1", D("1.5")), AppraisalRow("9b.2", D(3))]
    done = appraisal.import_appraisal(store, 2025, rows)
    assert done.value == 3
    sheet = scoring.score_sheet(store, 2025, TODAY)
    assert sheet.appraised.total == D(95) - 2 - D("1.5") - 2
    undo.undo(store)
    assert not scoring.score_sheet(store, 2025, TODAY).has_appraisal


def test_import_appraisal_with_a_wrong_row_imports_nothing(store: Store):
    """An unknown code and a parent code: both rows named, nothing saved."""
    scored(store)
    rows = [AppraisalRow("3.2", D(5)), AppraisalRow("3.9", D(1)), AppraisalRow("3", D(1))]
    with pytest.raises(UserError) as refused:
        appraisal.import_appraisal(store, 2025, rows)
    assert "Dòng 2 (mã 3.9" in refused.value.hint and "Dòng 3 (mã 3," in refused.value.hint
    assert not scoring.score_sheet(store, 2025, TODAY).has_appraisal


def test_the_year_total_the_emulation_compares_is_the_scaled_one(store: Store):
    """“A rising self-score” reads 98,88 (93 × 100 / 96 + 3 − 1), not the raw 95 nor the N/A criterion's points."""
    from app.services.proposals import par_total

    ids = scored(store)
    scoring.set_score(store, 2025, ids["7.3"], D(4))
    scoring.set_not_applicable(store, 2025, ids["7.3"], True)  # its 4 points stay stored, uncounted
    with store.transaction() as session:
        assert par_total(session, 2025) == D("98.88")
