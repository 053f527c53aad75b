"""The award dossier's papers built from the services: achievement reports, council minutes, the letter and list."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from app.documents.model import (
    Closing,
    GroupRow,
    Header,
    Paragraph,
    Row,
    Signatures,
    Table,
    TitleBlock,
)
from app.documents.papers.achievement_report import (
    achievement_report,
    report_form,
    report_forms,
    subject_layout,
)
from app.documents.papers.council_minutes import (
    council_minutes,
    document_number,
    percent_text,
)
from app.documents.papers.submission_letter import (
    letter_nominees,
    nominee_list_workbook,
    submission_letter,
)
from app.domain.criteria import EMULATION
from app.queries.models.report_forms import periods
from app.services import award_history, council, criteria_sets, registers, scoring, written_votes
from app.services.achievement_draft import draft_report
from app.services.award_kinds import award_kinds
from app.services.dossier import (
    FORM_VERSIONS,
    add_nomination,
    create_dossier,
    list_dossiers,
    nominations,
    update_dossier,
    update_nomination,
)
from app.services.officials import OfficialData, add_official
from app.services.plans import PlanData, create_plan
from app.services.profile import CommuneProfile, get_profile, save_profile

TODAY = date(2025, 1, 10)
SUPERIOR = "Ủy ban nhân dân huyện Bình Xuân"  # a 2024 dossier goes to the district (before 01/07/2025)
MAI, ON, DESK = "Lê Thị Mai", "Trương Thị Ơn", "Bộ phận Một cửa"
DESK_REASON = "Bộ phận giải quyết 100% hồ sơ đúng hạn, được người dân đánh giá cao."
COUNCIL = (
    ("Trần Văn Hùng", "Chủ tịch UBND xã", "Chủ tịch Hội đồng"),
    ("Phạm Văn Dũng", "Phó Chủ tịch UBND xã", "Phó Chủ tịch Hội đồng"),
    ("Nguyễn Thị Hoa", "Chủ tịch Ủy ban MTTQ xã", "Ủy viên"),
    ("Đặng Văn Lực", "Chỉ huy trưởng Quân sự xã", "Ủy viên"),
    ("Võ Thị Xuân", "Bí thư Đoàn xã", "Ủy viên"),
    ("Huỳnh Văn Ân", "Công chức ĐC-XD", "Ủy viên"),
    ("Ngô Thị Bích", "Công chức VP-TK", "Thư ký"),
)
ABSENT = "Đặng Văn Lực"


def _people(store) -> dict[str, int]:
    people = (("Trần Văn Hùng", "Chủ tịch UBND xã", "Lãnh đạo", "Nam"),
              (MAI, "Công chức Văn phòng - Thống kê", "VP-TK", "Nữ"),
              (ON, "Nhân viên Một cửa", "VP-TK", "Nữ"), ("Huỳnh Văn Ân", "Công chức ĐC-XD", "ĐC-XD", "Nam"))
    return {name: add_official(store, OfficialData(name, gender=gender, birth_year=1985, position=position,
                                                    department=dept)).value.id
            for name, position, dept, gender in people}


def _council(store, dossier_id: int) -> None:
    """Seven members, one absent who voted in writing; the chairman chairs, the clerk takes the minutes."""
    for name, title, role in COUNCIL:
        council.add_member(store, 2024, role, full_name=name, title=title)
    members = {member.full_name: member for member in council.members(store, 2024)}
    council.set_attendance(store, dossier_id, members[ABSENT].id, False, "đi công tác", written_vote=True)
    council.update_meeting(store, dossier_id, number="05", held_on=date(2024, 11, 28), starts_at=time(8),
                           ends_at=time(10, 30), place="Hội trường UBND xã", method="secret_ballot",
                           chair_id=members["Trần Văn Hùng"].id, secretary_id=members["Ngô Thị Bích"].id,
                           discussion="Thư ký đọc báo cáo thành tích của từng tập thể, cá nhân.\n"
                                      "Các thành viên thảo luận, đối chiếu tiêu chuẩn.")


def _nominate(store, dossier_id, kind, subject_id, award, votes, justification="", written=True) -> int:
    """Nominate, with ``votes`` at the meeting and the absent member's written vote (``written``: agrees)."""
    nomination = add_nomination(store, dossier_id, kind, subject_id, award, justification).value
    draft = draft_report(store, nomination, TODAY)
    update_nomination(store, nomination, identity=draft.identity, report_duties=draft.duties,
                      report_achievements=draft.achievements or "- Hoàn thành tốt nhiệm vụ được giao.",
                      report_date=date(2024, 11, 20))
    council.set_votes(store, nomination, votes)
    absent = next(member for member in council.members(store, 2024) if member.full_name == ABSENT)
    written_votes.set_written_vote(store, nomination, absent.id, written)
    return nomination


def build_dossier(store, form_version: str = "nd152-m08") -> int:
    """A ready dossier of 2024: Mai carried (5 at the meeting + 1 written = 6/7) for CSTĐCS, Ơn not (5/7, the
    written vote against), the one-stop desk carried for the district's Giấy khen (6/6 present; a superior
    award) though not eligible, with the clerk's justification."""
    save_profile(store, CommuneProfile(commune_name="Hòa Bình Xuân", province="Quảng Ngãi", district_authority=SUPERIOR,
                                       district_office="Phòng Nội vụ huyện Bình Xuân",
                                       superior_authority="Ủy ban nhân dân tỉnh Quảng Ngãi",
                                       receiving_office="Sở Nội vụ tỉnh Quảng Ngãi", place_name="Hòa Bình Xuân",
                                       chairman_name="Trần Văn Hùng", chairman_title="Chủ tịch"))
    people = _people(store)
    desk = registers.save_collective(store, DESK, "VP-TK").value.id
    seed = next(item for item in criteria_sets.list_sets(store, EMULATION) if "của xã" in item.name)
    scoring.start(store, 2024, seed.id, kind=EMULATION)
    plan = PlanData(2024, kind="emulation", number="12/KH-UBND", issue_date=date(2024, 2, 5),
                    title="Phát động phong trào thi đua đẩy mạnh cải cách hành chính năm 2024")
    create_plan(store, plan)
    dossier = create_dossier(store, 2024, "Phong trào thi đua đẩy mạnh cải cách hành chính năm 2024",
                             form_version=form_version, today=TODAY).value.id
    update_dossier(store, dossier, letter_number="15", letter_date=date(2024, 12, 2))
    _council(store, dossier)
    _nominate(store, dossier, "official", people[MAI], "cstdcs", 5, "Có sáng kiến số hóa sổ hộ tịch.")
    _nominate(store, dossier, "official", people[ON], "cstdcs", 5, "Hoàn thành xuất sắc nhiệm vụ.", written=False)
    _nominate(store, dossier, "collective", desk, "giay_khen_huyen", 6, DESK_REASON)
    award_history.add_record(store, award_history.RecordData("official", MAI, 2023, "Lao động tiên tiến",
                                                             "Chủ tịch UBND xã", "120/QĐ-UBND", date(2023, 12, 20)))
    award_history.add_record(store, award_history.RecordData("official", MAI, 2022, "Giấy khen của Chủ tịch UBND huyện",
                                                             "Chủ tịch UBND huyện", "45/QĐ-UBND", date(2022, 12, 15)))
    return dossier


class Built:
    """Everything the papers read, gathered once from the services."""

    def __init__(self, store, dossier_id: int) -> None:
        self.dossier = next(item for item in list_dossiers(store) if item.id == dossier_id)
        self.listed = nominations(store, dossier_id, TODAY)
        self.results = council.outcomes(store, dossier_id)
        self.meeting = council.meeting(store, dossier_id)
        self.profile = get_profile(store)
        self.kinds = award_kinds(store, active_only=False)
        self.records = {item.id: award_history.list_records(store, item.subject_kind, item.subject_id)
                        for item in self.listed}

    def nominee(self, name: str):
        return next(item for item in self.listed if item.name == name)

    def report(self, name: str, version: str | None = None):
        return self.report_of(self.nominee(name), version=version)

    def report_of(self, item, purpose: str = "drive", version: str | None = None):
        return achievement_report(item, version or self.dossier.form_version, self.profile, 2024,
                                  self.records[item.id], self.kinds, purpose)


@pytest.fixture
def built(store) -> Built:
    return Built(store, build_dossier(store))


def texts(document) -> list[str]:
    """Every printed string of a document, in order (title lines, paragraphs, table cells, signatures)."""
    out = []
    for block in document.blocks:
        if isinstance(block, Header):
            out += [block.superior_body, block.issuing_body, block.number_line, block.place_date]
        elif isinstance(block, TitleBlock):
            out += [block.doc_type, *block.summary, *block.addressee_lines()]
        elif isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            out += [column.title for column in block.columns]
            for row in block.rows:
                out += [row.text] if isinstance(row, GroupRow) else [str(cell) for cell in row.cells]
        elif isinstance(block, (Closing, Signatures)):
            for signature in block.signatures:
                out += [signature.authority, signature.position, signature.note, signature.name]
            if isinstance(block, Closing) and block.recipients:
                out += list(block.recipients.lines)
    return [text for text in out if text]


# ----------------------------------------------------------------------------- achievement report


def test_every_form_version_has_a_layout_marked_with_its_source():
    """Each form a period names has a body for each subject it serves, its decree, and how sure it is."""
    forms = report_forms()
    assert set(FORM_VERSIONS) <= set(forms)
    for key in FORM_VERSIONS:
        assert forms[key]["decree"] in FORM_VERSIONS[key] and forms[key]["form"] in FORM_VERSIONS[key]
    for period in periods():
        for purpose in period.forms.values():
            for subject, key in purpose.items():
                assert forms[key]["source"] and forms[key]["verified"] is False
                assert subject_layout(key, subject)["sections"], (key, subject)
    assert "unverified" in forms["nd91-m07"]["source"] and "verified S13" in forms["nd152-m08"]["source"]


def test_nd152_report_follows_the_verified_2025_layout(built):
    """Title, the nominee's line, I/II/III headings, part I fields, the history in its two tables, signatures."""
    lines = texts(built.report(MAI))
    start = lines.index("BÁO CÁO THÀNH TÍCH")
    assert lines[start:start + 3] == ["BÁO CÁO THÀNH TÍCH", "ĐỀ NGHỊ TẶNG THƯỞNG CHIẾN SĨ THI ĐUA CƠ SỞ",
                          "Lê Thị Mai, Công chức Văn phòng - Thống kê, UBND xã Hòa Bình Xuân"]
    for expected in ("I. SƠ LƯỢC LÝ LỊCH", "II. THÀNH TÍCH ĐẠT ĐƯỢC", "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận",
                     "2. Thành tích đạt được", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "1. Danh hiệu thi đua",
                     "2. Hình thức khen thưởng", "- Họ tên (Ghi đầy đủ bằng chữ in thường, không viết tắt): Lê Thị Mai",
                     "- Sinh ngày, tháng, năm: 1985; Giới tính: Nữ", "Số 120/QĐ-UBND ngày 20/12/2023; Chủ tịch UBND xã",
                     "NGƯỜI BÁO CÁO THÀNH TÍCH", "(Ký, ghi rõ họ và tên)", "XÁC NHẬN CỦA CẤP TRÌNH KHEN"):
        assert expected in lines, expected
    assert "- Quê quán: " + "…" * 12 in lines  # blank: a dotted gap to write in
    assert lines.index("Lao động tiên tiến") < lines.index("2. Hình thức khen thưởng") < lines.index(
        "Giấy khen của Chủ tịch UBND huyện")
    assert "Hòa Bình Xuân, ngày 20 tháng 11 năm 2024" in lines


def test_nd91_report_has_its_own_headings_and_three_signatures(built):
    """Mẫu 07 (probable layout): "ĐỀ NGHỊ KHEN THƯỞNG", I. THÔNG TIN CHUNG, no part III, the superior's confirmation."""
    document = built.report(MAI, "nd91-m07")
    lines = texts(document)
    assert "ĐỀ NGHỊ KHEN THƯỞNG CHIẾN SĨ THI ĐUA CƠ SỞ" in lines and "I. THÔNG TIN CHUNG" in lines
    assert "I. SƠ LƯỢC LÝ LỊCH" not in lines and "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG" not in lines
    rows = [block for block in document.blocks if isinstance(block, Signatures)]
    assert [[s.position for s in row.signatures] for row in rows] == [
        ["THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP XÁC NHẬN, ĐỀ NGHỊ", "NGƯỜI BÁO CÁO THÀNH TÍCH"],
        ["XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"]]
    assert rows[0].signatures[1].name == MAI and rows[1].signatures[0].name == "Trần Văn Hùng"


def test_a_collective_report_is_signed_by_its_head_and_omits_the_justification(built):
    """The collective's part I is its situation; THỦ TRƯỞNG ĐƠN VỊ signs; the clerk's justification is not printed."""
    lines = texts(built.report(DESK))
    assert "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH" in lines and "- Tên tập thể: Bộ phận Một cửa" in lines
    assert "THỦ TRƯỞNG ĐƠN VỊ" in lines and "NGƯỜI BÁO CÁO THÀNH TÍCH" not in lines
    assert not any(DESK_REASON in line for line in lines)


def test_an_unknown_form_version_is_a_programming_error():
    """The dossier service refuses unknown versions, so meeting one here is a bug: a ValueError naming it."""
    with pytest.raises(ValueError, match="nd99"):
        report_form("nd99")


# ----------------------------------------------------------------------------- minutes


def test_minutes_have_a_number_and_no_place_date_line(built):
    """Mẫu 1.9: "Số: 05/BB-HĐTĐKT" under the council, the People's Committee above it, no place and date."""
    document = council_minutes(built.dossier, built.meeting, built.listed, built.results, built.profile)
    header = document.blocks[0]
    assert header.number_line == "Số: 05/BB-HĐTĐKT" and header.place_date == ""
    assert header.issuing_body == "HỘI ĐỒNG THI ĐUA -\nKHEN THƯỞNG"
    assert header.superior_body == "UBND XÃ HÒA BÌNH XUÂN"


def test_minutes_record_attendance_votes_and_conclusion(built):
    """6/7 present, the absent member's reason and written vote; each nominee's votes; who is carried."""
    document = council_minutes(built.dossier, built.meeting, built.listed, built.results, built.profile)
    lines = texts(document)
    joined = "\n".join(lines)
    assert "Thời gian bắt đầu: 08 giờ 00 phút, ngày 28 tháng 11 năm 2024." in lines
    absent = "(vắng: Đ/c Đặng Văn Lực, lý do: đi công tác; đã gửi ý kiến bằng văn bản)"
    assert f"có 6/7 thành viên tham dự {absent}" in joined
    assert "Chủ trì (chủ tọa): Đ/c Trần Văn Hùng, Chủ tịch Hội đồng." in lines
    assert "Thư ký (người ghi biên bản): Đ/c Ngô Thị Bích, Thư ký." in lines
    assert "biểu quyết (bỏ phiếu kín)" in joined
    table = next(block for block in document.blocks if isinstance(block, Table))
    rows = {row.cells[1]: row.cells[4:] for row in table.rows if isinstance(row, Row)}
    law = "từ 80% trở lên tổng số thành viên Hội đồng (theo Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7)"
    assert rows[MAI] == ("6/7 tổng số thành viên (có 1 phiếu bằng văn bản)", "85,71%", law, "Đạt")
    assert rows[ON] == ("5/7 tổng số thành viên (có 1 phiếu bằng văn bản)", "71,43%", law, "Không đạt")
    assert rows[DESK] == ("6/6 thành viên dự họp", "100%", "trên 50% số thành viên dự họp (theo quy chế của Hội đồng)",
                          "Đạt")
    assert "khen thưởng cho 01 tập thể, 01 cá nhân có tên sau:" in joined
    assert "Cuộc họp kết thúc vào 10 giờ 30, ngày 28 tháng 11 năm 2024./." in lines
    closing = document.blocks[-1]
    signers = [(s.position, s.name) for s in closing.signatures]
    assert signers == [("THƯ KÝ", "Ngô Thị Bích"), ("CHỦ TỌA", "Trần Văn Hùng")]
    assert closing.recipients.lines[-1] == "- Lưu: VT, Hồ sơ."


def test_numbers_and_percentages_are_written_the_vietnamese_way():
    """Percentages take a comma and lose trailing zeros; a bare number gets its type and the issuer's symbol."""
    from decimal import Decimal

    assert percent_text(Decimal("85.71")) == "85,71%" and percent_text(Decimal("100.00")) == "100%"
    assert document_number("05", "BB", "HĐTĐKT") == "05/BB-HĐTĐKT"
    assert document_number("15/TTr-UBND", "TTr", "UBND") == "15/TTr-UBND"
    assert document_number("", "TTr", "UBND") == "/TTr-UBND"


# ----------------------------------------------------------------------------- letter and list


def test_the_letter_names_the_superior_awards_carried(built):
    """A 2024 dossier: Mai's CSTĐCS (the district's until 30/06/2025) and the desk's district Giấy khen are
    named; Ơn (not carried) is not."""
    named = letter_nominees(built.listed, built.results)
    assert [item.name for item in named] == [MAI, DESK]
    lines = texts(submission_letter(built.dossier, built.listed, built.results, built.profile))
    joined = "\n".join(lines)
    assert "TỜ TRÌNH" in lines
    assert "V/v đề nghị tặng Chiến sĩ thi đua cơ sở và Giấy khen của Chủ tịch UBND huyện" in lines
    assert f"Chủ tịch {SUPERIOR}." in lines  # the addressee, from the profile
    assert "Số: 15/TTr-UBND" in lines and ON not in joined
    assert any(line.startswith("Căn cứ Nghị định số 152/2025/NĐ-CP") for line in lines)
    assert "(Có báo cáo thành tích kèm theo)" in lines
    assert "(Kèm theo Tờ trình số 15/TTr-UBND ngày 02/12/2024 của Ủy ban nhân dân xã Hòa Bình Xuân)" in lines


def test_with_no_superior_award_carried_the_letter_names_all_carried(store, built):
    """Dated 15/08/2025, Mai's CSTĐCS is decided by the commune; when nothing superior passed, the letter
    still names her."""
    update_dossier(store, built.dossier.id, letter_date=date(2025, 8, 15))
    later = Built(store, built.dossier.id)
    results = dict(later.results)
    desk = later.nominee(DESK)
    results[desk.id] = replace(results[desk.id], quorum_met=False)
    assert [item.name for item in letter_nominees(later.listed, results)] == [MAI]


def test_the_list_notes_the_justification_of_a_nominee_proposed_against_the_rules(built):
    """The desk is not eligible: its Ghi chú holds the clerk's reason; the workbook has the same row."""
    workbook = nominee_list_workbook(built.dossier, built.listed, built.results, built.profile)
    table = workbook.blocks[0]
    rows = [row for row in table.rows if isinstance(row, Row)]
    assert [(row.cells[1], row.cells[4]) for row in rows][-1] == (DESK, DESK_REASON)
    assert [row.text for row in table.rows if isinstance(row, GroupRow)] == ["I. CÁ NHÂN", "II. TẬP THỂ"]
