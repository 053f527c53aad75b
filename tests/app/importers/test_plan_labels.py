"""Several labels on one line, and labels in brackets or after the task's sentence."""

from __future__ import annotations

import pytest

from app.importers import parse_plan_text
from app.importers.plan_labels import split_labels, trailing_labels


@pytest.mark.parametrize("separator", [";", ".", ","])
def test_several_labels_on_one_line(separator):
    """Four labels on one line, separated by ";", "." or ",", give four fields."""
    line = separator.join(["Cơ quan chủ trì: Công an xã", " cơ quan phối hợp: Đoàn Thanh niên",
                           " sản phẩm: Báo cáo", " thời hạn hoàn thành: Quý II/2027."])
    assert split_labels(line) == [("lead", "Công an xã"), ("coordinators", "Đoàn Thanh niên"),
                                  ("product", "Báo cáo"), ("timeframe", "Quý II/2027")]


def test_a_value_keeps_its_own_separators():
    """A value holding ";" and "," stays whole: the line is cut only before a known label."""
    line = "Thời gian: Quý I/2027 ban hành kế hoạch; định kỳ, hằng quý báo cáo; sản phẩm: Kế hoạch, báo cáo."
    assert split_labels(line) == [("timeframe", "Quý I/2027 ban hành kế hoạch; định kỳ, hằng quý báo cáo"),
                                  ("product", "Kế hoạch, báo cáo")]


def test_a_lead_ending_in_subject_words_keeps_them():
    """ "Chủ trì: Các công chức chuyên môn, sản phẩm: …" leaves the lead whole."""
    assert split_labels("Chủ trì: Các công chức chuyên môn, sản phẩm: Văn bản.")[0] == ("lead",
                                                                                      "Các công chức chuyên môn")


def test_text_not_opening_with_a_label_is_not_labelled():
    """A sentence with a colon further on is not a labelled line."""
    assert split_labels("Tổ chức hội nghị, cụ thể: chủ trì: Công an xã") is None


def test_labels_in_brackets_after_the_sentence():
    """ "… (Chủ trì: …; phối hợp: …; thời gian: …)." gives the sentence and its fields."""
    title, labels = trailing_labels("Rà soát quy trình nội bộ (Chủ trì: Công chức Địa chính; phối hợp: "
                                    "Bộ phận Một cửa; thời gian: Quý I/2027).")
    assert title == "Rà soát quy trình nội bộ"
    assert labels == [("lead", "Công chức Địa chính"), ("coordinators", "Bộ phận Một cửa"),
                      ("timeframe", "Quý I/2027")]


def test_brackets_without_labels_stay_in_the_title():
    """An abbreviation in brackets is part of the title."""
    assert trailing_labels("Nâng cao chỉ số cải cách hành chính (PAR INDEX).") == (
        "Nâng cao chỉ số cải cách hành chính (PAR INDEX).", [])


def test_labels_after_the_sentence_on_the_same_line():
    """ "Tổ chức …. Chủ trì: X; thời hạn: Y." puts X and Y in the task."""
    plan = parse_plan_text("II. NỘI DUNG\n1. Tuyên truyền\na) Tổ chức hội nghị phổ biến pháp luật. "
                           "Chủ trì: Công chức Tư pháp; thời hạn: Quý II/2027.\n")
    task = plan.tasks[0]
    assert (task.title, task.lead, task.timeframe) == ("Tổ chức hội nghị phổ biến pháp luật.", "Công chức Tư pháp",
                                                       "Quý II/2027")


def test_subheadings_are_not_tasks_and_bullets_under_them_are():
    """ "a) Mục tiêu / b) Chỉ tiêu / c) Nhiệm vụ, giải pháp" with "-" tasks: only the bullets are tasks."""
    plan = parse_plan_text(
        "II. NỘI DUNG\n1. Cải cách thể chế\na) Mục tiêu: nâng cao chất lượng văn bản.\n"
        "b) Chỉ tiêu: 100% văn bản đúng thẩm quyền.\nc) Nhiệm vụ, giải pháp:\n"
        "- Rà soát văn bản quy phạm pháp luật.\n+ Chủ trì: Công chức Tư pháp.\n"
        "- Tự kiểm tra văn bản.\n+ Chủ trì: Công chức Văn phòng.\nIII. TỔ CHỨC THỰC HIỆN\n")
    assert [(t.title, t.lead) for t in plan.tasks] == [("Rà soát văn bản quy phạm pháp luật.", "Công chức Tư pháp"),
                                                       ("Tự kiểm tra văn bản.", "Công chức Văn phòng")]


def test_a_target_under_an_area_is_warned_with_its_line():
    """ "b) Chỉ tiêu: …" is no task: the clerk is told its line and area, and that it was not imported."""
    plan = parse_plan_text("II. NỘI DUNG\n1. Cải cách thể chế\na) Chỉ tiêu: 100% văn bản đúng hạn.\n"
                           "b) Nhiệm vụ, giải pháp:\n- Rà soát văn bản.\n+ Chủ trì: Công chức Tư pháp.\n")
    unplaced = [w for w in plan.warnings if "không thuộc nhiệm vụ nào" in w]
    assert len(unplaced) == 1 and unplaced[0].startswith("Dòng 3: “a) Chỉ tiêu: 100% văn bản đúng hạn.”")
    assert "“Cải cách thể chế”" in unplaced[0]


def test_labels_separated_by_dashes():
    """ "Chủ trì: Công chức Văn phòng - Thống kê - Phối hợp: …" cuts before the label, not inside the name."""
    assert split_labels("Chủ trì: Công chức Văn phòng - Thống kê - Phối hợp: Các công chức chuyên môn.") == [
        ("lead", "Công chức Văn phòng - Thống kê"), ("coordinators", "Các công chức chuyên môn")]
