"""A realistic commune plan, built once with the neutral model, for every renderer test."""

from __future__ import annotations

import pytest

from app.documents.model import (
    Align,
    Closing,
    Column,
    Document,
    GroupRow,
    Header,
    Orientation,
    PageBreak,
    Paragraph,
    Recipients,
    Row,
    Run,
    Signature,
    Style,
    Table,
    TitleBlock,
    basis,
    heading,
    labelled,
    para,
)

TASK_TITLE = "Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã"
FORMULA_TEXT = "=SUM(A1:A9)"
LONG_PRODUCT = (
    "Báo cáo kết quả rà soát, đánh giá; danh mục thủ tục hành chính đề nghị đơn giản hóa, "
    "kèm theo phương án xử lý cụ thể đối với từng thủ tục, được công khai trên Cổng thông tin điện tử của xã"
)
AREAS = (
    "I. Công tác chỉ đạo, điều hành",
    "II. Cải cách thể chế",
    "III. Cải cách thủ tục hành chính",
    "IV. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
)


def task_columns() -> tuple[Column, ...]:
    return (
        Column("STT", 0.6, Align.CENTER),
        Column("Nội dung nhiệm vụ", 4.0, Align.JUSTIFY),
        Column("Chủ trì", 1.6),
        Column("Phối hợp", 1.8),
        Column("Sản phẩm", 3.0),
        Column("Thời gian hoàn thành", 1.5, Align.CENTER),
    )


def task_rows(count: int = 40) -> tuple[Row | GroupRow, ...]:
    """``count`` tasks spread over four areas, some with long cells and one formula-looking text."""
    rows: list[Row | GroupRow] = []
    per_area = -(-count // len(AREAS))
    for number in range(1, count + 1):
        if (number - 1) % per_area == 0:
            rows.append(GroupRow(AREAS[(number - 1) // per_area]))
        title = TASK_TITLE if number == 7 else f"Nhiệm vụ số {number}: tổ chức thực hiện nội dung cải cách ở thôn"
        product = LONG_PRODUCT if number % 5 == 0 else (FORMULA_TEXT if number == 3 else "Kế hoạch")
        rows.append(Row((number, title, "Công chức Văn phòng - Thống kê", "Các thôn; MTTQ xã", product, "Quý IV/2024")))
    return tuple(rows)


def sample_plan(rows: int = 40) -> Document:
    """A Decree 30 plan: header, title, bases, headings, body, a landscape task appendix, signature."""
    header = Header(
        issuing_body="ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH XUÂN",
        number_line="Số: 15/KH-UBND",
        place_date="Hòa Bình Xuân, ngày 05 tháng 02 năm 2024",
    )
    body = [
        basis("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;"),
        basis("Căn cứ Kế hoạch số 120/KH-UBND ngày 26/12/2023 của UBND huyện về cải cách hành chính năm 2024."),
        para("Ủy ban nhân dân xã Hòa Bình Xuân ban hành Kế hoạch cải cách hành chính năm 2024, cụ thể như sau:"),
        heading("I. MỤC ĐÍCH, YÊU CẦU", 1),
        heading("1. Mục đích", 2),
        para("Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân, tổ chức; "
             "xây dựng đội ngũ cán bộ, công chức chuyên nghiệp, trách nhiệm, năng động, minh bạch. " * 3),
        heading("2. Yêu cầu", 2),
        Paragraph((Run("Các công chức "), Run("chủ động", bold=True), Run(" triển khai, "), Run("đúng tiến độ", italic=True), Run(".")), Style.BODY),
        heading("II. NHIỆM VỤ TRỌNG TÂM", 1),
        heading("a) Cải cách thủ tục hành chính", 3),
        labelled("- Chủ trì thực hiện: ", "Công chức Văn phòng - Thống kê."),
        labelled("- Thời gian thực hiện: ", "Thường xuyên trong năm 2024."),
        para("Nhiệm vụ cụ thể có Phụ lục kèm theo Kế hoạch này./."),
    ]
    closing = Closing(
        (Signature("CHỦ TỊCH", "Trần Văn Hùng", "TM. ỦY BAN NHÂN DÂN"),),
        Recipients.of("UBND huyện Sơn Tịnh", "Phòng Nội vụ huyện", "TT Đảng ủy, TT HĐND xã", "Các công chức, thôn"),
    )
    appendix = [
        PageBreak(Orientation.LANDSCAPE),
        para("Phụ lục", Style.CENTERED, bold=True),
        para("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024", Style.CENTERED, bold=True),
        para("(Kèm theo Kế hoạch số 15/KH-UBND ngày 05/02/2024 của UBND xã)", Style.CENTERED, italic=True),
        Table(task_columns(), task_rows(rows), title="Nhiệm vụ CCHC 2024"),
    ]
    return Document(
        title="Kế hoạch cải cách hành chính năm 2024",
        blocks=(header, TitleBlock("KẾ HOẠCH", ("Cải cách hành chính năm 2024",)), *body, closing, *appendix),
        author="UBND xã Hòa Bình Xuân",
    )


@pytest.fixture(scope="session")
def plan() -> Document:
    """The sample plan with a 40-task appendix."""
    return sample_plan()
