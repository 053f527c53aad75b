"""The whole plan comes in: number, date, title, legal bases, narrative sections, recipients, signer."""

from __future__ import annotations

from pathlib import Path

import docx

from app.importers import parse_plan_text, read_plan_file, to_json_dict

SEED_002 = Path(__file__).resolve().parents[2] / "fixtures" / "seeds" / "002_ddfdc451bd3e8b7f.txt"
PLAN = """ỦY BAN NHÂN DÂN
XÃ THANH BÌNH
Số: 12/KH-UBND
Thanh Bình, ngày 05 tháng 01 năm 2027
KẾ HOẠCH
Cải cách hành chính năm 2027
Căn cứ Quyết định số 10/QĐ-UBND ngày 02/01/2027 của UBND huyện;
Căn cứ tình hình thực tế của xã.
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng phục vụ người dân.
II. NHIỆM VỤ
1. Cải cách thể chế
a) Rà soát văn bản quy phạm pháp luật.
- Chủ trì: Công chức Tư pháp.
III. TỔ CHỨC THỰC HIỆN
Các công chức tổ chức thực hiện.
Nơi nhận:
- UBND huyện;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
(Đã ký)
Nguyễn Văn An
"""


def test_header_facts_and_bases():
    """Number, signing date, title and each "Căn cứ" line are read."""
    plan = parse_plan_text(PLAN)
    assert (plan.number, plan.date, plan.title) == ("12/KH-UBND", "2027-01-05", "Kế hoạch cải cách hành chính năm 2027")
    assert plan.bases == ["Căn cứ Quyết định số 10/QĐ-UBND ngày 02/01/2027 của UBND huyện",
                          "Căn cứ tình hình thực tế của xã"]


def test_narrative_sections_are_kept_but_not_the_task_section():
    """Every roman section but the tasks' one comes in with its text."""
    plan = parse_plan_text(PLAN)
    assert plan.sections == [{"heading": "MỤC ĐÍCH, YÊU CẦU", "text": "Nâng cao chất lượng phục vụ người dân."},
                             {"heading": "TỔ CHỨC THỰC HIỆN", "text": "Các công chức tổ chức thực hiện."}]


def test_recipients_and_signer():
    """The "Nơi nhận" list, the signer's role lines and name."""
    plan = parse_plan_text(PLAN)
    assert plan.recipients == ["UBND huyện", "Lưu: VT"]
    assert (plan.signer_title, plan.signer) == ("TM. ỦY BAN NHÂN DÂN - CHỦ TỊCH", "Nguyễn Văn An")


def test_json_has_the_plan_beside_areas_and_tasks():
    """to_json_dict gains "plan" and keeps "areas" and "tasks" as they were."""
    data = to_json_dict(parse_plan_text(PLAN))
    assert set(data["plan"]) >= {"number", "date", "title", "bases", "sections", "recipients", "signer"}
    assert data["areas"] == ["Cải cách thể chế"] and data["tasks"][0]["lead"] == "Công chức Tư pháp"


def test_seed002_decision_date_and_signer():
    """Seed 002: the decision's date, five legal bases and its signer."""
    plan = read_plan_file(SEED_002)
    assert (plan.date, len(plan.bases), plan.signer) == ("2023-12-26", 5, "Lê Thị Mỹ Hiệp")


def test_word_signature_table_is_read(tmp_path):
    """A .docx whose recipients and signer sit side by side in a table gives both."""
    document = docx.Document()
    for line in PLAN.split("Nơi nhận:")[0].strip().split("\n"):
        document.add_paragraph(line)
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    left.text = "Nơi nhận:\n- UBND huyện;\n- Lưu: VT."
    right.text = "CHỦ TỊCH\nNguyễn Văn An"
    path = tmp_path / "ke-hoach.docx"
    document.save(path)
    plan = read_plan_file(path)
    assert (plan.recipients, plan.signer, plan.date) == (["UBND huyện", "Lưu: VT"], "Nguyễn Văn An", "2027-01-05")


def test_every_task_keeps_where_it_came_from():
    """A task read from text names its line and keeps the lines it was read from."""
    task = parse_plan_text(PLAN).tasks[0]
    assert task.place == "Dòng 13"
    assert task.source == "a) Rà soát văn bản quy phạm pháp luật.\n- Chủ trì: Công chức Tư pháp."


def test_a_table_task_keeps_its_row(tmp_path):
    """A task read from a Word table names its table and row and keeps the row's cells."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Nội dung", "Chủ trì", "Thời hạn")):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("Rà soát văn bản", "Công chức Tư pháp", "Quý I")):
        cell.text = text
    path = tmp_path / "bang.docx"
    document.save(path)
    task = read_plan_file(path).tasks[0]
    assert (task.place, task.source) == ("Bảng 1, hàng 2", "Rà soát văn bản | Công chức Tư pháp | Quý I")


def test_a_draft_with_a_blank_number_takes_no_number_the_text_cites():
    """ "Số: /KH-UBND" is a plan not numbered yet: "Kế hoạch số 125/KH-UBND của UBND tỉnh" below is another paper."""
    from app.importers.plan_text import plan_number
    from app.importers.plan_lines import read_line

    text = ["Số: /KH-UBND", "KẾ HOẠCH", "Thực hiện Kế hoạch số 125/KH-UBND ngày 28/10/2021 của UBND tỉnh"]
    assert plan_number([read_line(n, t) for n, t in enumerate(text, 1)]) == ""
    numbered = ["Số: 12/KH-UBND", *text[1:]]
    assert plan_number([read_line(n, t) for n, t in enumerate(numbered, 1)]) == "12/KH-UBND"
