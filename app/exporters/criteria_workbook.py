"""A criteria set (bộ tiêu chí) as an Excel workbook, and the blank template clerks fill in.

Contract: ``write_criteria_workbook(data, path)`` writes atomically (see
``app/documents/atomic.py``); ``app/importers/criteria_workbook.py`` reads the
same layout back into an equal ``CriteriaSetData``. Every text from the data is
a string cell, never a formula, whatever it starts with ("=", "+", "-", "@").

Layout (the sheet "Hướng dẫn" says the same to the clerk, in Vietnamese):

- "Thông tin": header ``Mục | Nội dung``, then one row per item, label in
  column A, value in column B: Loại (Chỉ số CCHC / Tiêu chuẩn thi đua),
  Tên bộ tiêu chí, Năm áp dụng (a number), Cơ quan ban hành, Quyết định, Ghi chú.
- "Tiêu chí": header ``Mã | Mã cha | Cấp | Tên tiêu chí | Điểm tối đa |
  Cách chấm | Các mức | Tài liệu kiểm chứng | Tự tính | Đối tượng``, one row
  per node. Cấp and Cách chấm and Đối tượng are the Vietnamese labels of
  ``LEVELS``, ``RULE_KINDS`` and ``SUBJECTS``; Điểm tối đa is a number cell;
  Các mức is ``format_bands`` (Theo tỷ lệ) or ``format_options`` (Chọn mức)
  text, blank for the other kinds; Tự tính is the ``source`` key as is. Two
  columns of today's shape follow, optional on import (older workbooks end at
  Đối tượng): ``Loại mục`` (Điểm thưởng / Điểm trừ / blank, ``NODE_KINDS``) and
  ``Cho phép Không áp dụng`` (Có / Không; blank is Có). "Thông tin" may carry
  ``Khi có tiêu chí không áp dụng`` (``NA_RULE_LABELS``; blank is "scale").
  The year's declared figures, appraised points and notes are not set data:
  they travel in the self-scoring workbook (``app/documents/papers/scoring_table.py``).
- "Xếp loại": header ``Xếp loại | Từ điểm``, one row per rating band, Từ điểm a number.
- "Hướng dẫn": how to fill the other sheets.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from app.domain.criteria import (
    LEVELS,
    NODE_KINDS,
    SCALE,
    OPTIONS,
    PAR,
    RATIO,
    RULE_KINDS,
    SET_KINDS,
    SUBJECTS,
    YESNO,
    CriteriaSetData,
    CriterionData,
    RatingBand,
    Rule,
)
from app.domain.criteria_text import Band, Option, format_bands, format_options
from app.errors import UserError

INFO_SHEET, CRITERIA_SHEET, RATINGS_SHEET, GUIDE_SHEET = "Thông tin", "Tiêu chí", "Xếp loại", "Hướng dẫn"
INFO_HEADER = ("Mục", "Nội dung")
KIND, NAME, YEAR, ISSUER, DECISION, NOTE = (
    "Loại", "Tên bộ tiêu chí", "Năm áp dụng", "Cơ quan ban hành", "Quyết định", "Ghi chú",
)
NA_RULE = "Khi có tiêu chí không áp dụng"
NA_RULE_LABELS = {SCALE: "Quy đổi về thang điểm"}
INFO_ITEMS = (KIND, NAME, YEAR, ISSUER, DECISION, NOTE, NA_RULE)
CODE, PARENT, LEVEL, CRITERION_NAME, MAX_POINTS, RULE, BANDS, EVIDENCE, SOURCE, SUBJECT = (
    "Mã", "Mã cha", "Cấp", "Tên tiêu chí", "Điểm tối đa", "Cách chấm", "Các mức",
    "Tài liệu kiểm chứng", "Tự tính", "Đối tượng",
)
NODE_KIND, NA_ALLOWED = "Loại mục", "Cho phép Không áp dụng"
NA_CHOICES = {"yes": "Có", "no": "Không"}
CRITERIA_HEADER = (CODE, PARENT, LEVEL, CRITERION_NAME, MAX_POINTS, RULE, BANDS, EVIDENCE, SOURCE, SUBJECT,
                   NODE_KIND, NA_ALLOWED)
REQUIRED_CRITERIA_COLUMNS = 10  # a workbook written before the bonus/penalty and N/A columns ends at Đối tượng
RATING_LABEL, RATING_MIN = "Xếp loại", "Từ điểm"
RATINGS_HEADER = (RATING_LABEL, RATING_MIN)

_CRITERIA_WIDTHS = (9, 9, 16, 48, 10, 14, 42, 36, 14, 11, 14, 14)
_INFO_WIDTHS = (20, 80)
_RATINGS_WIDTHS = (30, 12)

GUIDE = (
    "HƯỚNG DẪN ĐIỀN BỘ TIÊU CHÍ",
    "",
    f"Trang “{INFO_SHEET}”: cột A là tên mục, cột B là nội dung; giữ nguyên tên các mục.",
    f"• {KIND}: ghi “{SET_KINDS['par']}” hoặc “{SET_KINDS['emulation']}”.",
    f"• {NAME}: bắt buộc. • {YEAR}: số năm, ví dụ 2025.",
    f"• {ISSUER}, {DECISION}, {NOTE}: không bắt buộc.",
    (f"• {NA_RULE}: “{NA_RULE_LABELS[SCALE]}” (điểm tối đa của tiêu chí không áp dụng bỏ khỏi tổng; tổng điểm "
     "quy đổi về thang điểm của bộ để xếp loại); để trống là cách này."),
    "",
    (f"Trang “{CRITERIA_SHEET}”: mỗi dòng một lĩnh vực, tiêu chí hoặc tiêu chí thành phần; "
    "giữ nguyên dòng tiêu đề và thứ tự các cột."),
    f"Các cột, theo thứ tự: {' | '.join(CRITERIA_HEADER)}.",
    (f"• {CODE}: bắt buộc, không trùng nhau, ví dụ 1, 1.1, 1.1.2. "
    "Nên định dạng cột là Văn bản (Text) để Excel không đổi 1.10 thành 1.1 hoặc thành ngày tháng."),
    f"• {PARENT}: mã của dòng chứa nó; để trống với lĩnh vực (cấp cao nhất).",
    (f"• {LEVEL}: “{LEVELS['field']}”, “{LEVELS['criterion']}” hoặc “{LEVELS['sub']}”; "
    f"để trống là “{LEVELS['criterion']}”."),
    f"• {CRITERION_NAME}: bắt buộc, viết trên một dòng.",
    (f"• {MAX_POINTS}: một số, dấu phẩy thập phân, tối đa hai chữ số lẻ (ví dụ 0,25). "
    "Bắt buộc với Chỉ số CCHC (trừ cách chấm Đạt/Không đạt); không được vượt điểm tối đa của dòng cha."),
    (f"• {RULE}: “{RULE_KINDS['yesno']}” (đủ điểm hoặc 0), “{RULE_KINDS['levels']}” (các mức ghi ở cột {BANDS}), "
    f"“{RULE_KINDS['ratio']}” (các mức theo phần trăm), “{RULE_KINDS['manual']}” (nhập điểm từ 0 đến tối đa), "
    f"“{RULE_KINDS['passfail']}” (tiêu chuẩn thi đua, không tính điểm); để trống là “{RULE_KINDS['manual']}”. "
    "Dòng có tiêu chí con được cộng điểm từ các tiêu chí con."),
    (f"• {BANDS}: các mức cách nhau bằng dấu “|”, mỗi mức “điều kiện: điểm”. "
    "Chọn mức, ví dụ: “Trực tuyến: 0,5 | Truyền thống: 0,5”. "
    "Theo tỷ lệ, ví dụ: “100%: 1 | từ 90% đến dưới 100%: 0,5 | dưới 90%: 0”; "
    "ghi “theo tỷ lệ” thay cho điểm để tính phần trăm × điểm tối đa. Để trống với các cách chấm khác."),
    f"• {EVIDENCE}: tài liệu cần có để chứng minh; không bắt buộc.",
    f"• {SOURCE}: mã nguồn số liệu chương trình tự tính (ví dụ tasks_on_time); để trống nếu chấm tay.",
    (f"• {SUBJECT}: với tiêu chuẩn thi đua, “{SUBJECTS['collective']}” hoặc “{SUBJECTS['individual']}”; "
    "để trống nếu dùng chung."),
    (f"• {NODE_KIND}: ở lĩnh vực (nội dung) cấp cao nhất, “{NODE_KINDS['bonus']}” (cộng vào tổng, không quá điểm "
     f"tối đa của nội dung) hoặc “{NODE_KINDS['penalty']}” (trừ khỏi tổng, không quá điểm tối đa của nội dung); "
     "các tiêu chí con theo loại của nội dung; để trống với nội dung thường."),
    (f"• {NA_ALLOWED}: “Có” nếu xã được đánh dấu tiêu chí này “Không áp dụng”, “Không” nếu mọi xã đều phải "
     "chấm; để trống là “Có”. Tệp cũ không có hai cột này vẫn nhập được."),
    "",
    (f"Trang “{RATINGS_SHEET}” ({' | '.join(RATINGS_HEADER)}): mỗi dòng một mức xếp loại và số điểm tổng "
    "tối thiểu để đạt mức đó (ví dụ Tốt — 90); không bắt buộc."),
    "",
    ("Chữ có dấu hay không dấu, hoa hay thường đều được. Dòng trống được bỏ qua. "
    "Khi nhập, chương trình kiểm tra toàn bộ tệp và liệt kê mọi lỗi (trang, dòng, cột); "
    "tệp có lỗi thì chưa nhập gì."),
)


def write_criteria_workbook(data: CriteriaSetData, path: Path) -> None:
    """Write ``data`` to ``path`` as the workbook described above, whole or not at all.

    Raises UserError (Vietnamese) when the file cannot be written.
    """
    from openpyxl import Workbook

    from app.documents.atomic import atomic_path
    from app.documents.zip_dates import clamp_openpyxl

    clamp_openpyxl()  # a workbook written on a 1970 clock must not raise
    workbook = Workbook()
    workbook.remove(workbook.active)
    _info_sheet(workbook.create_sheet(INFO_SHEET), data)
    _criteria_sheet(workbook.create_sheet(CRITERIA_SHEET), data.criteria)
    _ratings_sheet(workbook.create_sheet(RATINGS_SHEET), data.ratings)
    _guide_sheet(workbook.create_sheet(GUIDE_SHEET))
    workbook.properties.title = data.name or "Bộ tiêu chí"
    workbook.properties.creator = "CCHC Xã"
    try:
        with atomic_path(path) as temp:
            workbook.save(str(temp))
    except OSError as error:
        raise UserError(
            f"Không ghi được tệp “{Path(path).name}”.",
            "Kiểm tra thư mục (hoặc ổ USB) còn chỗ trống, không bị khóa ghi, "
            "và tệp cùng tên không đang mở trong Excel.",
            f"{path}: {error}",
        ) from error


def write_template(path: Path) -> None:
    """Write a blank set (no name yet) with a few example rows and ratings, for the clerk to fill in."""
    write_criteria_workbook(template_data(), path)


def template_data(year: int | None = None) -> CriteriaSetData:
    """The example the template carries: one field, a yes/no, a ratio and an options criterion."""
    return CriteriaSetData(
        kind=PAR,
        name="",
        year=year or date.today().year,
        criteria=(
            CriterionData("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "field", max_points=Decimal(3)),
            CriterionData("1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", "criterion", "1", Decimal(1),
                          Rule(YESNO), "Kế hoạch CCHC năm"),
            CriterionData("1.2", "Mức độ hoàn thành kế hoạch CCHC năm", "criterion", "1", Decimal(1),
                          Rule(RATIO, bands=(Band(Decimal(100), True, Decimal(100), True, Decimal(1)),
                                             Band(Decimal(80), True, Decimal(100), False, None),
                                             Band(None, True, Decimal(80), False, Decimal(0)))),
                          "Báo cáo kết quả thực hiện kế hoạch", "tasks_on_time"),
            CriterionData("1.3", "Tuyên truyền cải cách hành chính", "criterion", "1", Decimal(1),
                          Rule(OPTIONS, options=(Option("Trên cổng thông tin điện tử", Decimal("0.5")),
                                                 Option("Trên hệ thống truyền thanh", Decimal("0.5"))))),
        ),
        ratings=(RatingBand("Tốt", Decimal(90)), RatingBand("Khá", Decimal(80)),
                 RatingBand("Trung bình", Decimal(65))),
    )


def rule_text(rule: Rule) -> str:
    """The "Các mức" cell: bands for a ratio rule, options for a levels rule, blank otherwise."""
    if rule.kind == RATIO:
        return format_bands(rule.bands)
    if rule.kind == OPTIONS:
        return format_options(rule.options)
    return ""


def criterion_row(criterion: CriterionData) -> tuple:
    """One "Tiêu chí" row, in ``CRITERIA_HEADER`` order."""
    return (
        criterion.code,
        criterion.parent_code,
        LEVELS.get(criterion.level, criterion.level),
        criterion.name,
        _number(criterion.max_points),
        RULE_KINDS.get(criterion.rule.kind, criterion.rule.kind),
        rule_text(criterion.rule),
        criterion.evidence,
        criterion.source,
        SUBJECTS.get(criterion.subject, criterion.subject),
        NODE_KINDS.get(criterion.node_kind, criterion.node_kind) if criterion.node_kind else "",
        NA_CHOICES["yes" if criterion.na_allowed else "no"],
    )


def _number(value: Decimal | None) -> int | float | None:
    """A Decimal as an Excel number: an int when whole, else a float (two decimals survive exactly)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _info_sheet(sheet, data: CriteriaSetData) -> None:
    values = {
        KIND: SET_KINDS.get(data.kind, data.kind), NAME: data.name, YEAR: data.year,
        ISSUER: data.issuer, DECISION: data.decision, NOTE: data.note,
        NA_RULE: NA_RULE_LABELS.get(data.na_rule, data.na_rule),
    }
    _table(sheet, INFO_HEADER, [(item, values[item]) for item in INFO_ITEMS], _INFO_WIDTHS)


def _criteria_sheet(sheet, criteria: tuple[CriterionData, ...]) -> None:
    _table(sheet, CRITERIA_HEADER, [criterion_row(criterion) for criterion in criteria], _CRITERIA_WIDTHS)
    for letter in ("A", "B"):  # codes typed later stay text: Excel would turn 1.10 into 1.1 or a date
        sheet.column_dimensions[letter].number_format = "@"


def _ratings_sheet(sheet, ratings: tuple[RatingBand, ...]) -> None:
    _table(sheet, RATINGS_HEADER, [(band.label, _number(band.min_points)) for band in ratings], _RATINGS_WIDTHS)


def _table(sheet, header: tuple[str, ...], rows: list[tuple], widths: tuple[int, ...]) -> None:
    """A bold header row (frozen, repeated on each printed page), then the rows, wrapped, on A4 landscape."""
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from app.documents.layout import FONT_FAMILY
    from app.documents.render_xlsx import print_setup, put_cell
    from app.documents.xlsx_print import fit_row_heights

    thin = Side(style="thin", color="000000")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold, plain = Font(name=FONT_FAMILY, size=12, bold=True), Font(name=FONT_FAMILY, size=12)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap = Alignment(horizontal="left", vertical="top", wrap_text=True)
    for column, title in enumerate(header, start=1):
        cell = put_cell(sheet, 1, column, title)
        cell.font, cell.alignment, cell.border = bold, centre, grid
    for row, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            blank = value is None or value == ""
            cell = sheet.cell(row=row, column=column) if blank else put_cell(sheet, row, column, value)
            cell.font, cell.alignment, cell.border = plain, wrap, grid
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    fit_row_heights(sheet)  # no office suite fits wrapped rows on opening: unsized, they print over each other
    print_setup(sheet, header_row=1)


def _guide_sheet(sheet) -> None:
    from openpyxl.styles import Alignment, Font

    from app.documents.layout import FONT_FAMILY
    from app.documents.render_xlsx import put_cell
    from app.documents.xlsx_print import fit_row_heights, footer_page_numbers

    for row, line in enumerate(GUIDE, start=1):
        if line:
            cell = put_cell(sheet, row, 1, line)
            cell.font = Font(name=FONT_FAMILY, size=12, bold=row == 1)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    sheet.column_dimensions["A"].width = 120
    fit_row_heights(sheet)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0  # the long lines never run onto a page of
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # their own
    footer_page_numbers(sheet)


__all__ = [
    "CRITERIA_HEADER", "INFO_HEADER", "INFO_ITEMS", "RATINGS_HEADER",
    "criterion_row", "rule_text", "template_data", "write_criteria_workbook", "write_template",
]
