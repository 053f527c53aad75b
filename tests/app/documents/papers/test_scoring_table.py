"""The biểu tự chấm điểm as a neutral document: rows, points with commas, blanks, total, rating, signature."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

import pytest

from app.documents.model import (
    Closing,
    GroupRow,
    Header,
    Orientation,
    Paragraph,
    Row,
    Table,
    TitleBlock,
)
from app.documents.papers.scoring_table import (
    TOTAL_LABEL,
    scoring_table,
    scoring_workbook,
)
from app.domain.criteria import EMULATION, PAR
from app.services import registers, scoring
from app.services.criteria_sets import install_default_sets, list_sets, load_set
from app.services.officials import OfficialData, add_official
from app.services.profile import get_profile, set_profile_field
from app.services.scoring import score_sheet

TODAY = date(2025, 1, 15)
FORMULA_COMMENT = '=HYPERLINK("x")'
PAR_EXAMPLE = "Bộ chỉ số CCHC cấp xã (ví dụ, cần thay bằng bộ của tỉnh)"
EMULATION_SEED = "Tiêu chuẩn khen thưởng phong trào thi đua CCHC của xã năm 2024"
# 2024: 1.1 = 2, 1.3.1 = 0,8 (4 of 5 targets × 1, pro rata), 1.3.2 = 0,25, 2.1 = 3,5, 3.4 = 0, 4.1 = 0 (the app
# proposes 4: nobody disciplined); 2023: fewer. Field 1 = 2 + 0,8 + 0,25 = 3,05; total 6,55.
SCORES_2024 = {"1.1": "2", "1.3.1": "0.8", "1.3.2": "0.25", "2.1": "3.5", "3.4": "0", "4.1": "0"}
SCORES_2023 = {"1.1": "1", "1.3.1": "1", "3.4": "2", "6.2": "4"}


def _set_id(store, kind: str, name: str) -> int:
    return next(summary.id for summary in list_sets(store, kind) if summary.name == name)


def scored_commune(store, *, emulation: bool = True) -> None:
    """A commune with its profile, the shipped PAR example started for 2023 and 2024 and scored in part,
    a comment that looks like a formula, and (``emulation``) the 2024 emulation evaluation with one collective
    and two officials."""
    install_default_sets(store)
    for name, value in (("commune_name", "Hòa Bình Xuân"), ("place_name", "Hòa Bình Xuân"),
                        ("chairman_name", "Trần Văn Hùng"), ("chairman_title", "Chủ tịch")):
        set_profile_field(store, name, value)
    par = _set_id(store, PAR, PAR_EXAMPLE)
    ids = load_set(store, par).criterion_ids
    for year, scores in ((2023, SCORES_2023), (2024, SCORES_2024)):
        scoring.start(store, year, par)
        for code, value in scores.items():
            scoring.set_score(store, year, ids[code], Decimal(value))
    scoring.set_comment(store, 2024, ids["2.1"], FORMULA_COMMENT)
    scoring.set_comment(store, 2024, ids["1.3.1"], "Kế hoạch đặt 5 mục tiêu, hoàn thành 4: 4/5 × 1 = 0,8 điểm")
    if emulation:
        registers.save_collective(store, "Ủy ban nhân dân xã Hòa Bình Xuân")
        add_official(store, OfficialData("Nguyễn Thị Thu Hà", "Nữ", 1985, "Phó Chủ tịch UBND xã"))
        add_official(store, OfficialData("Lê Thị Mai", "Nữ", 1990, "Công chức Văn phòng - Thống kê"))
        scoring.start(store, 2024, _set_id(store, EMULATION, EMULATION_SEED), kind=EMULATION)


@pytest.fixture
def sheet(store):
    scored_commune(store, emulation=False)
    return score_sheet(store, 2024, TODAY)


@pytest.fixture
def paper(store, sheet):
    return scoring_table(sheet, get_profile(store), TODAY)


def _table(document) -> Table:
    (table,) = document.tables()
    return table


def _rows(document) -> dict[str, Row]:
    """Data rows by their first cell (the criterion code; "" for the total)."""
    return {row.cells[0]: row for row in _table(document).rows if isinstance(row, Row)}


def test_paper_is_landscape_with_the_commune_header_and_title(paper):
    """A4 landscape, "ỦY BAN NHÂN DÂN / XÃ …" and the motto, the dated place line, the title naming the year."""
    header = next(block for block in paper.blocks if isinstance(block, Header))
    title = next(block for block in paper.blocks if isinstance(block, TitleBlock))
    assert paper.orientation is Orientation.LANDSCAPE
    assert header.issuing_body == "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH XUÂN" and header.number_line == ""
    assert header.place_date == "Hòa Bình Xuân, ngày 15 tháng 01 năm 2025"
    assert title.doc_type == "BIỂU TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"


def test_the_criteria_set_is_named_under_the_title(paper):
    """The line under the title names the set, its issuer and its decision."""
    texts = [block.text for block in paper.blocks if isinstance(block, Paragraph)]
    assert any(text.startswith(f"(Bộ tiêu chí: {PAR_EXAMPLE}; CCHC Xã (ví dụ); Ví dụ theo Khung QĐ 3199")
               for text in texts)


def test_columns_follow_the_official_layout(paper):
    """STT | name | maximum | self-score | previous year | up/down | evidence and notes."""
    assert [column.title for column in _table(paper).columns] == [
        "STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm tự chấm", "Điểm năm 2023",
        "Tăng (+), giảm (-)", "Tài liệu kiểm chứng, ghi chú",
    ]


def test_fields_are_bold_rows_with_their_subtotals(paper):
    """Field 1 is bold and adds its criteria (2 + 0,8 + 0,25 = 3,05, last year 1 + 1 = 2: +1,05)."""
    field = _rows(paper)["1"]
    assert field.bold and field.cells[1] == "Công tác chỉ đạo, điều hành cải cách hành chính"
    assert field.cells[2:6] == ("14", "3,05", "2", "+1,05")
    assert not _rows(paper)["1.1"].bold


def test_points_take_a_decimal_comma_and_unscored_stays_blank(paper):
    """0,25 and the pro-rata 0,8 print with commas; a zero score prints 0; a criterion not scored is blank."""
    rows = _rows(paper)
    assert rows["1.3.2"].cells[3] == "0,25" and rows["1.3.1"].cells[3] == "0,8"
    assert rows["3.4"].cells[3:6] == ("0", "2", "-2")
    assert rows["1.5"].cells[2:6] == ("3", "", "", "")


def test_criteria_are_indented_by_depth(paper):
    """A criterion is indented once under its field and a sub-criterion twice; the field is not."""
    rows = _rows(paper)
    indent = rows["1.1"].cells[1][: -len("Ban hành kế hoạch CCHC năm")]
    assert indent and indent.strip() == ""
    assert rows["1.3.1"].cells[1].startswith(indent * 2) and not rows["1"].cells[1][0].isspace()


def test_an_override_notes_the_app_proposal_beside_the_comment(paper):
    """4.1 scored 0 where the app proposes 4 (nobody disciplined) says "(đề xuất 4)"; comments are kept."""
    rows = _rows(paper)
    assert rows["4.1"].cells[6] == "(đề xuất 4)"
    assert rows["2.1"].cells[6] == FORMULA_COMMENT
    assert rows["1.1"].cells[6] == ""


def test_total_row_and_rating_line(paper, sheet):
    """TỔNG CỘNG prints the maximum, the total, last year's total and the change; the rating follows."""
    total = _table(paper).rows[-1]
    assert total.bold and total.cells == ("", TOTAL_LABEL, "100", "6,55", "8", "-1,45", "")
    rating = next(block.text for block in paper.blocks if isinstance(block, Paragraph) and "Xếp loại" in block.text)
    assert rating == f"Xếp loại (tạm tính, mới chấm 6/{sheet.leaves} tiêu chí): Yếu"


def test_the_chairman_signs(paper):
    """TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / the Chairman's name, no recipients on a biểu."""
    closing = paper.blocks[-1]
    assert isinstance(closing, Closing) and closing.recipients is None
    (signature,) = closing.signatures
    assert (signature.authority, signature.position, signature.name) == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Hùng")


def test_every_text_is_nfc(paper):
    """All the texts of the paper are NFC Vietnamese (composed diacritics)."""
    texts = [block.text for block in paper.blocks if isinstance(block, Paragraph)]
    texts += [str(cell) for row in _table(paper).rows if isinstance(row, Row) for cell in row.cells]
    texts += [column.title for column in _table(paper).columns]
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)


def test_workbook_holds_numbers_and_the_total_as_a_value(store, sheet):
    """The Excel copy has float points, blanks as None, the total 6,55 as a number and the rating row."""
    table = _table(scoring_workbook(sheet, get_profile(store)))
    rows = {row.cells[0]: row for row in table.rows if isinstance(row, Row)}
    assert rows["1.3.2"].cells[3] == 0.25 and rows["1.5"].cells[3] is None
    assert rows[""].cells[1:6] == (TOTAL_LABEL, 100.0, 6.55, 8.0, pytest.approx(-1.45))
    assert isinstance(table.rows[-1], GroupRow) and "Xếp loại" in table.rows[-1].text
    assert table.title == "Tự chấm điểm CCHC năm 2024"


def test_a_first_year_leaves_the_previous_columns_blank(store):
    """Without a scored year before, "Điểm năm 2023" and the change stay blank, the total row too."""
    scored_commune(store, emulation=False)
    paper = scoring_table(score_sheet(store, 2023, TODAY), get_profile(store), None)
    total = _table(paper).rows[-1]
    assert total.cells[2:6] == ("100", "8", "", "")
    header = next(block for block in paper.blocks if isinstance(block, Header))
    assert header.place_date.startswith("Hòa Bình Xuân, ngày\u00a0")  # no date given: blanks to write in
