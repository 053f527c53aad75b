from app.domain.emulation import MET, NOT_MET, UNKNOWN, Mark, verdict


def test_every_criterion_met_qualifies():
    result = verdict([Mark("1", "Đoàn kết", MET), Mark("2", "Có sáng kiến", MET)])
    assert result.qualifies is True


def test_a_criterion_not_met_says_which_and_why():
    result = verdict([Mark("1", "Đoàn kết", MET), Mark("2", "Có sáng kiến", NOT_MET, "sổ sáng kiến trống"),
                      Mark("3", "Kỷ luật", UNKNOWN)])
    assert result.qualifies is False
    assert result.summary == "Chưa đạt: Có sáng kiến (sổ sáng kiến trống)."
    assert [mark.criterion_code for mark in result.unknown] == ["3"]


def test_unknown_without_failures_is_not_yet_known():
    result = verdict([Mark("1", "Đoàn kết", MET), Mark("3", "Kỷ luật", UNKNOWN)])
    assert result.qualifies is None and "Kỷ luật" in result.summary


def test_an_override_is_told_apart_from_the_apps_judgement():
    assert Mark("2", "x", MET, "", computed=False, proposed_status=NOT_MET).overridden
    assert not Mark("2", "x", MET, "", computed=True, proposed_status=MET).overridden
    assert verdict([]).qualifies is None
