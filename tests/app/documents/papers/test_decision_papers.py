"""The commune's own award papers built from the services: the Chairman's decision and its list, the registration
list, the statistics paper."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from app.documents.model import (
    Closing,
    GroupRow,
    Header,
    Paragraph,
    Row,
    Table,
    TitleBlock,
)
from app.documents.papers.award_decision import (
    amount_words,
    award_decision,
    coefficient_text,
    decision_list_workbook,
    money_text,
)
from app.documents.papers.award_statistics import (
    statistics_document,
    statistics_workbook,
)
from app.documents.papers.registration_list import (
    registrants,
    registration_list,
    registration_workbook,
)
from app.services import council, registers
from app.services.award_decision import decision_for, routing, update_decision
from app.services.award_kinds import award_kinds
from app.services.award_statistics import award_statistics
from app.services.dossier import add_nomination, create_dossier, list_dossiers
from app.services.officials import OfficialData, add_official, list_officials
from app.services.profile import CommuneProfile, get_profile, save_profile
from app.services.registration import registrations, set_registered

TODAY = date(2025, 12, 12)
SIGNED = date(2025, 12, 10)
MAI, ON, DUNG, AN, DESK = "Lê Thị Mai", "Trương Thị Ơn", "Phạm Văn Dũng", "Huỳnh Văn Ân", "Bộ phận Một cửa"
CHAIRMAN = "Trần Văn Hùng"
CAMPAIGN = "Phong trào thi đua đẩy mạnh cải cách hành chính năm 2025"
PEOPLE = ((MAI, "Công chức Văn phòng - Thống kê", "VP-TK"), (ON, "Nhân viên Một cửa", "VP-TK"),
          (DUNG, "Phó Chủ tịch UBND xã", "Lãnh đạo"), (AN, "Công chức Địa chính - Xây dựng", "ĐC-XD"))


def build_commune(store) -> dict[str, int]:
    """The profile, four officials and the one-stop desk (a collective of VP-TK); ids by name."""
    save_profile(store, CommuneProfile(
        commune_name="Hòa Bình Xuân", province="Quảng Ngãi", superior_authority="Ủy ban nhân dân tỉnh Quảng Ngãi",
        receiving_office="Sở Nội vụ tỉnh Quảng Ngãi", place_name="Hòa Bình Xuân", chairman_name=CHAIRMAN,
        chairman_title="Chủ tịch", clerk_name="Ngô Thị Bích"))
    ids = {name: add_official(store, OfficialData(name, position=position, department=department)).value.id
           for name, position, department in PEOPLE}
    ids[DESK] = registers.save_collective(store, DESK, "VP-TK").value.id
    return ids


def build_decision_dossier(store, commune_awards: bool = True) -> int:
    """A 2025 dossier: Mai for Lao động tiên tiến (commune), Dũng for the province's Bằng khen (superior), and
    with ``commune_awards`` also Ơn for the commune's Giấy khen and the desk for Tập thể lao động tiên tiến; a
    council of three voting 3 for each; the decision numbered 45, signed 10/12/2025."""
    ids = build_commune(store)
    dossier = create_dossier(store, 2025, CAMPAIGN, today=TODAY).value.id
    wanted = [("official", MAI, "ldtt"), ("official", DUNG, "bang_khen_tinh")]
    if commune_awards:
        wanted += [("official", ON, "giay_khen_xa"), ("collective", DESK, "ttldtt")]
    nominated = [add_nomination(store, dossier, kind, ids[name], award).value for kind, name, award in wanted]
    for number in range(3):
        council.add_member(store, 2025, "Ủy viên", full_name=f"Thành viên {number + 1}")
    for nomination in nominated:
        council.set_votes(store, nomination, 3)
    council.update_meeting(store, dossier, held_on=date(2025, 12, 5))
    update_decision(store, dossier, number="45", signed_on=SIGNED)
    return dossier


def _decision_parts(store, dossier_id: int):
    dossier = next(item for item in list_dossiers(store) if item.id == dossier_id)
    granted = routing(store, dossier_id, TODAY).commune
    return dossier, decision_for(store, dossier_id), granted, get_profile(store)


def _closing(document) -> Closing:
    return next(block for block in document.blocks if isinstance(block, Closing))


def _text(document) -> str:
    parts = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, TitleBlock):
            parts += [block.doc_type, *block.summary]
        elif isinstance(block, Header):
            parts += [block.issuing_body, block.number_line, block.place_date]
        elif isinstance(block, Table):
            parts += [str(cell) for row in block.rows if isinstance(row, Row) for cell in row.cells if cell]
        elif isinstance(block, Closing):
            parts += [text for s in block.signatures for text in (s.authority, s.position, s.name)]
            parts += list(block.recipients.lines if block.recipients else ())
    return "\n".join(parts)


@pytest.fixture
def decision(store):
    dossier, decision, granted, profile = _decision_parts(store, build_decision_dossier(store))
    return award_decision(dossier, decision, granted, profile, date(2025, 12, 5), TODAY)


def test_decision_has_the_mau_1_2_parts_in_order(decision):
    """Number with the commune's symbol, QUYẾT ĐỊNH / Về việc, the authority line, Căn cứ, QUYẾT ĐỊNH:, three articles."""
    header, title = decision.blocks[0], decision.blocks[1]
    assert header.number_line == "Số: 45/QĐ-UBND" and header.place_date == "Hòa Bình Xuân, ngày 10 tháng 12 năm 2025"
    assert title.doc_type == "QUYẾT ĐỊNH"
    summary = "Về việc tặng danh hiệu “Lao động tiên tiến”, “Tập thể lao động tiên tiến” và Giấy khen năm 2025"
    assert title.summary == (summary,)
    lines = [block.text for block in decision.blocks if isinstance(block, Paragraph)]
    order = ["CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH XUÂN", "Căn cứ Luật Tổ chức chính quyền địa phương",
             "Theo đề nghị của", "QUYẾT ĐỊNH:", "Điều 1.", "Điều 2.", "Điều 3."]
    positions = [next(i for i, line in enumerate(lines) if line.startswith(start)) for start in order]
    assert positions == sorted(positions)
    assert lines[positions[-1]].endswith("chịu trách nhiệm thi hành Quyết định này./.")


def test_bases_follow_the_signing_date(store):
    """From 01/07/2025: the 2025 local-government law and Decree 152; before: the Law undated and Decree 98;
    each line ";" but the last, "Theo đề nghị …", which ends with "."."""
    dossier, decision, granted, profile = _decision_parts(store, build_decision_dossier(store))
    after = _text(award_decision(dossier, decision, granted, profile, date(2025, 12, 5)))
    assert "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;" in after
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in after
    assert "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025" in after
    assert "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng xã Hòa Bình Xuân ngày 05 tháng 12 năm 2025;" in after
    assert "Theo đề nghị của Hội đồng Thi đua - Khen thưởng xã Hòa Bình Xuân." in after
    before = _text(award_decision(dossier, replace(decision, signed_on=date(2025, 3, 1)), granted, profile))
    assert "Căn cứ Luật Tổ chức chính quyền địa phương;" in before and "98/2023/NĐ-CP" in before
    assert "152/2025" not in before and "06/2022/QH15" not in before


def test_money_is_coefficient_times_base_salary_with_the_total_in_words(decision):
    """LĐTT 0,3 × 2.340.000 = 702.000 đồng each; the desk's title 0,8: 1.872.000; total 3.276.000 from the fund."""
    text = _text(decision)
    assert ("Mỗi cá nhân đạt danh hiệu “Lao động tiên tiến” được thưởng 0,3 lần mức lương cơ sở: 702.000 đồng"
            in text)
    assert "Mỗi tập thể đạt danh hiệu “Tập thể lao động tiên tiến” được thưởng 0,8 lần mức lương cơ sở: 1.872.000 đồng" in text
    assert "mức lương cơ sở 2.340.000 đồng" in text
    assert ("Tổng số tiền thưởng: 3.276.000 đồng (Ba triệu hai trăm bảy mươi sáu nghìn đồng), chi từ quỹ thi đua, "
            "khen thưởng của xã năm 2025.") in text


def test_only_the_communes_awards_are_granted(decision):
    """Dũng's Bằng khen goes up with the letter: nowhere in the decision; the others are named in the list."""
    text = _text(decision)
    assert DUNG not in text and "Bằng khen" not in text
    assert all(name in text for name in (MAI, ON, DESK))


def test_the_list_groups_persons_then_collectives_with_money_as_paper_text(decision):
    """I. CÁ NHÂN / II. TẬP THỂ, "Giấy khen" (the Chairman's own), money "702.000", a total row."""
    table = decision.tables()[0]
    assert [row.text for row in table.rows if isinstance(row, GroupRow)] == ["I. CÁ NHÂN", "II. TẬP THỂ"]
    rows = [row.cells for row in table.rows if isinstance(row, Row)]
    assert rows[0][1:2] + rows[0][3:] == (MAI, "Lao động tiên tiến", "702.000")
    assert rows[1][3] == "Giấy khen" and rows[-1] == (None, "Tổng cộng", None, None, "3.276.000")
    caption = next(block.text for block in decision.blocks if isinstance(block, Paragraph)
                   and block.text.startswith("(Kèm theo"))
    assert caption == ("(Kèm theo Quyết định số 45/QĐ-UBND ngày 10 tháng 12 năm 2025 của Chủ tịch Ủy ban nhân dân "
                       "xã Hòa Bình Xuân)")


def test_the_chairman_signs_in_his_own_right_and_a_vice_chairman_for_him(store):
    """"CHỦ TỊCH" without "TM."; a vice-chairman: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"; recipients "- Như Điều 3;"."""
    dossier, decision, granted, profile = _decision_parts(store, build_decision_dossier(store))
    closing = _closing(award_decision(dossier, decision, granted, profile))
    signature = closing.signatures[0]
    assert (signature.authority, signature.position, signature.name) == ("", "CHỦ TỊCH", CHAIRMAN)
    assert closing.recipients.lines == ("- Như Điều 3;", "- Lưu: VT.")
    vice = replace(profile, chairman_title="Phó Chủ tịch", chairman_name=DUNG)
    signature = _closing(award_decision(dossier, decision, granted, vice)).signatures[0]
    assert (signature.authority, signature.position) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


def test_one_award_is_named_in_article_one(store):
    """Only Mai: "Tặng danh hiệu “Lao động tiên tiến” năm 2025 cho 01 cá nhân có tên tại danh sách kèm theo, …"."""
    dossier, decision, granted, profile = _decision_parts(store, build_decision_dossier(store, commune_awards=False))
    text = _text(award_decision(dossier, decision, granted, profile))
    assert ("Điều 1. Tặng danh hiệu “Lao động tiên tiến” năm 2025 cho 01 cá nhân có tên tại danh sách kèm theo, "
            "đã có thành tích trong phong trào thi đua") in text
    assert "(01 cá nhân, thành tiền 702.000 đồng)" in text


def test_the_list_workbook_keeps_money_as_numbers(store):
    """Excel's table: 702000 and the total 3276000 as numbers, not text."""
    _dossier, decision, granted, profile = _decision_parts(store, build_decision_dossier(store))
    rows = [row.cells for row in decision_list_workbook(decision, granted, profile).tables()[0].rows
            if isinstance(row, Row)]
    assert rows[0][4] == 702000 and rows[-1][4] == 3276000


def test_a_number_below_ten_takes_a_leading_zero(store):
    """Decree 30 ô 3: "5" prints "Số: 05/QĐ-UBND"; "7/QĐ-UBND" as typed prints "Số: 07/QĐ-UBND"."""
    dossier, decision, granted, profile = _decision_parts(store, build_decision_dossier(store))
    for typed, printed in (("5", "Số: 05/QĐ-UBND"), ("7/QĐ-UBND", "Số: 07/QĐ-UBND"), ("12", "Số: 12/QĐ-UBND")):
        paper = award_decision(dossier, replace(decision, number=typed), granted, profile)
        assert paper.blocks[0].number_line == printed


def test_money_words_and_numbers():
    """Vietnamese thousands dots, coefficients with a comma, amounts read out ("linh", "mốt", "lăm")."""
    assert money_text(1872000) == "1.872.000" and coefficient_text(Decimal("1.0")) == "1,0"
    assert coefficient_text(Decimal("0.3")) == "0,3"
    assert amount_words(702000) == "Bảy trăm linh hai nghìn đồng"
    assert amount_words(1050000) == "Một triệu không trăm năm mươi nghìn đồng"
    assert amount_words(21_015_000) == "Hai mươi mốt triệu không trăm mười lăm nghìn đồng"


# ----------------------------------------------------------------------------- registration list


def _registration(store):
    ids = build_commune(store)
    for name, key in ((MAI, "cstdcs"), (MAI, "ldtt"), (ON, "ldtt"), (AN, "ldtt")):
        set_registered(store, 2025, "official", ids[name], key, True)
    set_registered(store, 2025, "collective", ids[DESK], "ttldtt", True)
    kinds = award_kinds(store, active_only=False)
    registered = registrations(store, 2025)
    people = [(item.id, item.full_name, item.position) for item in list_officials(store)]
    persons = registrants(registered, people, "official", kinds)
    groups = registrants(registered, [(ids[DESK], DESK, "")], "collective", kinds)
    return persons, groups


def test_registration_list_has_both_parts_and_a_blank_number(store):
    """"Số:  /DS-UBND" left blank, DANH SÁCH / Đăng ký thi đua năm 2025, I. CÁ NHÂN / II. TẬP THỂ, TM. UBND."""
    persons, groups = _registration(store)
    paper = registration_list(2025, persons, groups, get_profile(store))
    header, title = paper.blocks[0], paper.blocks[1]
    assert header.number_line.startswith("Số:") and header.number_line.endswith("/DS-UBND")
    assert "tháng" in header.place_date and "năm 2025" in header.place_date
    assert (title.doc_type, title.summary) == ("DANH SÁCH", ("Đăng ký thi đua năm 2025",))
    text = _text(paper)
    assert "I. CÁ NHÂN" in text and "II. TẬP THỂ" in text and "TM. ỦY BAN NHÂN DÂN" in text
    assert DUNG not in text  # not registered


def test_registration_list_copies_the_superior_office_of_its_own_year(store):
    """A 2024 list copies the district's Phòng Nội vụ (the superior until 30/06/2025); a 2026 list the province's
    Sở Nội vụ — the hierarchy by the paper's date, not the profile's current names."""
    persons, groups = _registration(store)
    profile = replace(get_profile(store), district_office="Phòng Nội vụ huyện Bình Xuân",
                      receiving_office="Sở Nội vụ tỉnh Quảng Ngãi")
    old, new = (_text(registration_list(year, persons, groups, profile)) for year in (2024, 2026))
    assert "Phòng Nội vụ huyện Bình Xuân" in old and "Sở Nội vụ tỉnh Quảng Ngãi" not in old
    assert "Sở Nội vụ tỉnh Quảng Ngãi" in new and "Phòng Nội vụ huyện" not in new


def test_a_person_with_two_titles_has_one_row_in_catalogue_order(store):
    """Mai registered CSTĐCS then LĐTT: one row "Lao động tiên tiến; Chiến sĩ thi đua cơ sở"."""
    persons, groups = _registration(store)
    mai = next(line for line in persons if line.name == MAI)
    assert mai.titles == ("Lao động tiên tiến", "Chiến sĩ thi đua cơ sở")
    assert [line.name for line in persons] == [AN, MAI, ON]  # Vietnamese name order
    assert groups[0].titles == ("Tập thể lao động tiên tiến",)
    sheets = registration_workbook(2025, persons, groups).tables()
    assert [table.title for table in sheets] == ["Cá nhân đăng ký thi đua 2025", "Tập thể đăng ký thi đua 2025"]


# ----------------------------------------------------------------------------- statistics


def test_statistics_paper_has_two_tables_with_totals(store):
    """Rows per award and per department, a column per year and Tổng cộng, the totals bold values."""
    from app.services.award_history import RecordData, add_record

    build_commune(store)
    add_record(store, RecordData("official", MAI, 2024, "Lao động tiên tiến"))
    add_record(store, RecordData("collective", DESK, 2025, "Tập thể lao động tiên tiến"))
    statistics = award_statistics(store, 2024, 2025)
    paper = statistics_document(statistics, get_profile(store), TODAY)
    title = next(block for block in paper.blocks if isinstance(block, TitleBlock))
    assert (title.doc_type, title.summary) == ("THỐNG KÊ KẾT QUẢ KHEN THƯỞNG", ("Giai đoạn 2024 - 2025",))
    awards, departments = paper.tables()
    assert [column.title for column in awards.columns] == ["STT", "Danh hiệu, hình thức khen thưởng", "2024", "2025",
                                                           "Tổng cộng"]
    assert awards.rows[-1].cells == (None, "Tổng cộng", 1, 1, 2) and awards.rows[-1].bold
    assert [row.cells[1] for row in departments.rows] == ["VP-TK", "Tập thể", "Tổng cộng"]
    assert [table.title for table in statistics_workbook(statistics).tables()] == ["Theo danh hiệu 2024-2025",
                                                                                   "Theo bộ phận 2024-2025"]
