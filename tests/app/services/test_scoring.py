"""Self-scoring against a stored set: start, enter, refuse, accept, override, undo, previous year, evidence."""

from datetime import date
from decimal import Decimal as D

import pytest

from app.domain.criteria import EMULATION, PAR, CriteriaSetData, CriterionData, RatingBand
from app.errors import UserError
from app.services import criteria_sets, registers, scoring
from app.store import Store


def _example(store) -> criteria_sets.StoredSet:
    summary = next(item for item in criteria_sets.list_sets(store, PAR) if "ví dụ" in item.name)
    return criteria_sets.load_set(store, summary.id)


@pytest.fixture
def scored(store):
    example = _example(store)
    scoring.start(store, 2024, example.id)
    return store, example.criterion_ids


def test_a_fresh_data_folder_has_the_shipped_sets(store):
    kinds = sorted(item.kind for item in criteria_sets.list_sets(store))
    assert kinds == [EMULATION, EMULATION, PAR, PAR]
    assert _example(store).data.ratings[0].label == "Xuất sắc"


def test_no_sheet_before_a_set_is_chosen(store):
    assert scoring.score_sheet(store, 2024) is None
    with pytest.raises(UserError, match="chưa chọn bộ tiêu chí"):
        scoring.set_score(store, 2024, 1, D(1))


def test_scores_add_up_to_fields_total_and_rating(scored):
    store, ids = scored
    scoring.set_score(store, 2024, ids["1.3.1"], D("0.8"))
    scoring.set_score(store, 2024, ids["1.3.2"], D("0.5"))
    scoring.set_score(store, 2024, ids["3.2"], D(8))
    sheet = scoring.score_sheet(store, 2024, today=date(2025, 1, 10))
    assert sheet.line(ids["1.3"]).points == D("1.3")
    assert sheet.line(ids["1"]).points == D("1.3")
    assert sheet.line(ids["2"]).points is None
    assert sheet.total == D("9.3") and sheet.max_total == D(100)
    assert sheet.rating == "Yếu"
    assert (sheet.scored, sheet.leaves) == (3, 26)


def test_a_score_above_the_maximum_is_refused_and_nothing_changes(scored):
    store, ids = scored
    scoring.set_score(store, 2024, ids["3.2"], D(6))
    with pytest.raises(UserError, match="Điểm tối đa của tiêu chí 3.2 là 8; không nhập được 11."):
        scoring.set_score(store, 2024, ids["3.2"], D(11))
    with pytest.raises(UserError, match="không được âm"):
        scoring.set_score(store, 2024, ids["3.2"], D(-1))
    assert scoring.score_sheet(store, 2024).line(ids["3.2"]).points == D(6)


def test_a_parent_takes_no_score_of_its_own(scored):
    store, ids = scored
    with pytest.raises(UserError, match="tổng điểm các tiêu chí con"):
        scoring.set_score(store, 2024, ids["1.3"], D(1))


def test_a_score_names_its_criterion_in_the_edit_menu(scored):
    """Setting a score is one journal step named after the criterion; undo puts the earlier score back."""
    from app.services import undo

    store, ids = scored
    scoring.set_score(store, 2024, ids["2.1"], D(3))
    changes = scoring.set_score(store, 2024, ids["2.1"], D(4))
    assert changes.label == "Chấm điểm tiêu chí 2.1" and changes.ids("score_entry")
    undo.undo(store)
    assert scoring.score_sheet(store, 2024).line(ids["2.1"]).points == D(3)


def test_accepting_a_proposal_stores_it_and_an_override_is_shown(scored):
    store, ids = scored
    registers.set_procedure_stat(store, 2024, 1, 100, 96)
    registers.set_procedure_stat(store, 2024, 2, 100, 100)
    line = scoring.score_sheet(store, 2024, today=date(2025, 1, 5)).line(ids["3.2"])
    assert line.proposal.points == D(6)
    assert "196/200 hồ sơ TTHC năm 2024 giải quyết đúng hạn (98%)" in line.proposal.explanation
    scoring.accept_proposal(store, 2024, ids["3.2"], today=date(2025, 1, 5))
    line = scoring.score_sheet(store, 2024, today=date(2025, 1, 5)).line(ids["3.2"])
    assert (line.points, line.basis, line.overridden) == (D(6), "proposal", False)
    scoring.set_score(store, 2024, ids["3.2"], D(8))
    line = scoring.score_sheet(store, 2024, today=date(2025, 1, 5)).line(ids["3.2"])
    assert (line.points, line.basis, line.overridden) == (D(8), "manual", True)
    assert line.proposal.points == D(6)


def test_nothing_to_accept_says_what_is_missing(scored):
    store, ids = scored
    with pytest.raises(UserError) as caught:
        scoring.accept_proposal(store, 2024, ids["3.2"])
    assert "Chưa nhập số hồ sơ TTHC" in caught.value.hint
    with pytest.raises(UserError):
        scoring.accept_proposal(store, 2024, ids["2.1"])  # no computed source


def test_previous_year_by_code_and_difference(scored):
    store, ids = scored
    scoring.start(store, 2023, _example(store).id)
    scoring.set_score(store, 2023, ids["3.2"], D(4))
    scoring.set_score(store, 2024, ids["3.2"], D(6))
    sheet = scoring.score_sheet(store, 2024)
    line = sheet.line(ids["3.2"])
    assert (line.previous, line.difference) == (D(4), D(2))
    assert sheet.line(ids["3"]).difference == D(2)
    assert sheet.previous_total == D(4)


def test_a_year_keeps_its_set_once_scored(scored, store):
    _, ids = scored
    other = criteria_sets.save_set(store, CriteriaSetData(
        PAR, "Bộ tỉnh 2024", 2024, criteria=(CriterionData("1", "Một", max_points=D(10)),),
        ratings=(RatingBand("Tốt", D(5)),))).value
    scoring.start(store, 2024, other)  # nothing scored yet: switching is fine
    scoring.start(store, 2024, _example(store).id)
    scoring.set_score(store, 2024, ids["2.1"], D(1))
    with pytest.raises(UserError, match="đã chấm theo bộ tiêu chí khác"):
        scoring.start(store, 2024, other)
    with pytest.raises(UserError, match="đang dùng"):
        criteria_sets.delete_set(store, _example(store).id)


def test_comments_and_evidence_stay_with_the_score(scored, tmp_path):
    store, ids = scored
    scoring.set_comment(store, 2024, ids["6.3"], "  Đã công bố ISO\u0301  ")
    paper = tmp_path / "quyết định ISO.pdf"
    paper.write_bytes(b"%PDF-1.4 test")
    link = scoring.attach_evidence(store, 2024, ids["6.3"], paper).value
    again = scoring.attach_evidence(store, 2024, ids["6.3"], paper)
    assert again.value == link and not again.changes  # same file, one link, no step
    line = scoring.score_sheet(store, 2024).line(ids["6.3"])
    assert line.comment == "Đã công bố IS\u00d3"  # trimmed and NFC
    assert [item.original_name for item in line.evidence] == ["quyết định ISO.pdf"]
    assert scoring.evidence_file(store, link).read_bytes() == b"%PDF-1.4 test"
    from app.services import undo

    assert scoring.detach_evidence(store, link).label == "Gỡ tài liệu “quyết định ISO.pdf”"
    assert scoring.score_sheet(store, 2024).line(ids["6.3"]).evidence == ()
    undo.undo(store)
    assert len(scoring.score_sheet(store, 2024).line(ids["6.3"]).evidence) == 1


def test_scores_survive_closing_and_reopening(scored):
    store, ids = scored
    scoring.set_score(store, 2024, ids["7.2"], D("4.5"))
    store.close()
    reopened = Store(store.folder)
    try:
        assert scoring.score_sheet(reopened, 2024).line(ids["7.2"]).points == D("4.5")
    finally:
        reopened.close()
