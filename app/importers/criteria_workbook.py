"""Reading a criteria set (bộ tiêu chí) from Excel, in the layout ``app/exporters/criteria_workbook.py`` writes.

Contract: ``read_criteria_workbook(path)`` returns a ``CriteriaSetData`` that
``set_problems`` finds nothing wrong with, or raises ``CriteriaWorkbookError``
(a ``UserError``) listing every problem, one Vietnamese line each, naming the
sheet, the Excel row and the column: "Trang “Tiêu chí”, dòng 7, cột “Điểm tối
đa”: “hai” không phải là số." The set's own checks (``set_problems``) are mapped
back to the row of the criterion they name. Pure: no database, so a refused file
imports nothing.

Files from other offices are untrusted: at most 20 MB, 5,000 rows a sheet and
200 MB unpacked; openpyxl parses the XML through defusedxml (a declared dependency).
Blank rows are skipped; each cell is read by ``criteria_cells`` (numbers may be
text with a decimal comma, labels written with or without diacritics).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from app.domain.criteria import (
    LEVELS,
    MANUAL,
    NODE_KINDS,
    SCALE,
    RULE_KINDS,
    SUBJECTS,
    CriteriaSetData,
    CriterionData,
    RatingBand,
    Rule,
    set_problems,
)
from app.errors import UserError
from app.exporters.criteria_workbook import (
    BANDS,
    CODE,
    CRITERIA_HEADER,
    CRITERIA_SHEET,
    CRITERION_NAME,
    DECISION,
    EVIDENCE,
    INFO_HEADER,
    INFO_ITEMS,
    INFO_SHEET,
    ISSUER,
    KIND,
    LEVEL,
    MAX_POINTS,
    NA_ALLOWED,
    NA_CHOICES,
    NA_RULE,
    NA_RULE_LABELS,
    NAME,
    NODE_KIND,
    NOTE,
    REQUIRED_CRITERIA_COLUMNS,
    PARENT,
    RATING_LABEL,
    RATING_MIN,
    RATINGS_HEADER,
    RATINGS_SHEET,
    RULE,
    SOURCE,
    SUBJECT,
    YEAR,
)
from app.importers.criteria_cells import (
    BadCell,
    cell_blank,
    cell_choice,
    cell_long_text,
    cell_points,
    cell_rule,
    cell_set_kind,
    cell_shown,
    cell_text,
    cell_year,
    label_key,
)
from app.importers.xlsx_file import check_package, damaged, file_bytes, open_workbook

MAX_ROWS = 5000
WHAT = "bộ tiêu chí"
_VALUE = INFO_HEADER[1]
_SHEET_ORDER = {"": 0, INFO_SHEET: 1, CRITERIA_SHEET: 2, RATINGS_SHEET: 3}
# set_problems names these columns; the rating ones are checked here, per row, instead.
_SET_COLUMNS = {"Loại": KIND, "Tên bộ tiêu chí": NAME, "Năm": YEAR}
_RATING_COLUMNS = {"Xếp loại", "Từ điểm"}


class CriteriaWorkbookError(UserError):
    """A workbook that cannot be imported: ``problems`` holds one Vietnamese line per problem."""

    def __init__(self, name: str, problems: list[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(
            f"Chưa nhập được bộ tiêu chí từ tệp “{name}” ({len(problems)} lỗi):\n" + "\n".join(problems),
            "Sửa các ô nêu trên trong Excel, lưu lại rồi nhập lại. Chưa có gì được nhập.",
            name,
        )


@dataclass(frozen=True)
class _Issue:
    sheet: str  # "" for the file as a whole
    row: int | None
    column: str  # a header; "" for the row or the sheet as a whole
    message: str

    def line(self) -> str:
        if not self.sheet:
            return self.message
        where = f"Trang “{self.sheet}”"
        if self.row is not None:
            where += f", dòng {self.row}" + (f", cột “{self.column}”" if self.column else "")
        return f"{where}: {self.message}"

    def order(self) -> tuple[int, int, int]:
        header = {INFO_SHEET: INFO_HEADER, CRITERIA_SHEET: CRITERIA_HEADER, RATINGS_SHEET: RATINGS_HEADER}
        columns = header.get(self.sheet, ())
        return (_SHEET_ORDER.get(self.sheet, 9), self.row or 0,
                columns.index(self.column) if self.column in columns else -1)


@dataclass
class _Issues:
    found: list[_Issue] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # sheets missing or with a wrong header

    def add(self, sheet: str, row: int | None, column: str, message: str) -> None:
        self.found.append(_Issue(sheet, row, column, message))

    def has(self, sheet: str, row: int | None, column: str) -> bool:
        return any((i.sheet, i.row, i.column) == (sheet, row, column) for i in self.found)

    def lines(self) -> list[str]:
        return [issue.line() for issue in sorted(self.found, key=_Issue.order)]


@dataclass
class _Info:
    rows: dict[str, int] = field(default_factory=dict)
    values: dict[str, object] = field(default_factory=dict)


def read_criteria_workbook(path: Path) -> CriteriaSetData:
    """The criteria set in the workbook at ``path``; UserError (Vietnamese, one line per problem) otherwise."""
    path = Path(path)
    data = file_bytes(path, WHAT)
    check_package(data, path.name, WHAT)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns of what it drops (validation, styles)
        workbook = open_workbook(data, path.name)
        try:
            result, issues = _read_workbook(workbook)
        except UserError:
            raise
        except Exception as error:  # openpyxl and the XML parser raise many kinds for a damaged sheet
            raise damaged(path.name, error) from error
        finally:
            workbook.close()
    if issues.found:
        raise CriteriaWorkbookError(path.name, issues.lines())
    return result


# --- the sheets --------------------------------------------------------------------------------

def _read_workbook(workbook) -> tuple[CriteriaSetData, _Issues]:
    issues = _Issues()
    sheets = {label_key(sheet.title): sheet for sheet in workbook.worksheets}

    def rows(title: str, header: tuple[str, ...], required: bool = True, columns: int = 0) -> list[tuple[int, tuple]]:
        sheet = sheets.get(label_key(title))
        if sheet is None:
            if required:
                issues.unreadable.add(title)
                issues.add("", None, "", f"Tệp không có trang “{title}”. Hãy dùng tệp mẫu của chương trình.")
            return []
        return _sheet_rows(sheet, title, header, issues, columns or len(header))

    info = _read_info(rows(INFO_SHEET, INFO_HEADER), issues)
    criteria = [(number, _criterion(number, values, issues))
                for number, values in rows(CRITERIA_SHEET, CRITERIA_HEADER, columns=REQUIRED_CRITERIA_COLUMNS)]
    ratings = _read_ratings(rows(RATINGS_SHEET, RATINGS_HEADER, required=False), issues)
    data = CriteriaSetData(
        kind=info.values.get(KIND, ""), name=info.values.get(NAME, ""), year=info.values.get(YEAR, 0),
        issuer=info.values.get(ISSUER, ""), decision=info.values.get(DECISION, ""),
        note=info.values.get(NOTE, ""),
        criteria=tuple(criterion for _number, criterion in criteria),
        ratings=tuple(band for _number, band in ratings), na_rule=info.values.get(NA_RULE) or SCALE,
    )
    _add_set_problems(data, info, criteria, issues)
    return data, issues


def _sheet_rows(sheet, title: str, header: tuple[str, ...], issues: _Issues,
                required: int) -> list[tuple[int, tuple]]:
    """The non-blank rows below the header, as (Excel row number, one value per header column).

    The columns after the first ``required`` may be missing (a workbook of an older layout): their header
    cell is blank and their values are read as blank.
    """
    width = len(header)
    cells = sheet.iter_rows(max_col=width, values_only=True)
    found_header = _padded(next(cells, None), width)
    present = [index < required or not cell_blank(value) for index, value in enumerate(found_header)]
    expected = tuple(name if shown else None for name, shown in zip(header, present))
    if not _header_ok(found_header, title, expected, issues, header[:required]):
        issues.unreadable.add(title)
        return []
    found = []
    for number, values in enumerate(cells, start=2):
        values = tuple(value if shown else None for value, shown in zip(_padded(values, width), present))
        if all(cell_blank(value) for value in values):
            continue
        found.append((number, values))
        if len(found) > MAX_ROWS:
            limit = f"{MAX_ROWS:,}".replace(",", ".")  # Vietnamese thousands: 5.000
            raise UserError(f"Trang “{title}” có hơn {limit} dòng, quá lớn để là một bộ tiêu chí.",
                            "Hãy chọn đúng tệp bộ tiêu chí, hoặc xóa các dòng thừa.", title)
    return found


def _header_ok(found: tuple, title: str, header: tuple[str | None, ...], issues: _Issues,
               required: tuple[str, ...]) -> bool:
    """One message for the whole header row: which column should say what (None: an optional column left out)."""
    if all(cell_blank(value) for value in found):
        issues.add(title, 1, "", f"Thiếu dòng tiêu đề; dòng 1 phải ghi: {' | '.join(required)}.")
        return False
    wrong = [
        f"cột {chr(ord('A') + index)} phải là “{expected}” "
        + (f"(đang là “{cell_shown(value)}”)" if not cell_blank(value) else "(đang trống)")
        for index, (expected, value) in enumerate(zip(header, found))
        if expected is not None and label_key(cell_shown(value)) != label_key(expected)
    ]
    if wrong:
        issues.add(title, 1, "", f"Dòng tiêu đề không đúng mẫu: {'; '.join(wrong)}.")
    return not wrong


def _read_info(rows: list[tuple[int, tuple]], issues: _Issues) -> _Info:
    info = _Info()
    items = {label_key(item): item for item in INFO_ITEMS} | {"nam": YEAR}
    for number, (label, value) in rows:
        item = items.get(label_key(cell_shown(label)))
        if item is None:
            continue  # a row the clerk added for themselves
        if item in info.rows:
            issues.add(INFO_SHEET, number, INFO_HEADER[0],
                       f"Mục “{item}” ghi hai lần (đã có ở dòng {info.rows[item]}).")
            continue
        info.rows[item] = number
        parse = {KIND: cell_set_kind, YEAR: cell_year, NOTE: cell_long_text,
                 NA_RULE: lambda value: cell_choice(value, NA_RULE_LABELS, "cách tính không áp dụng", SCALE),
                 }.get(item, cell_text)
        default = {KIND: "", YEAR: 0}.get(item, "")
        info.values[item] = _cell(issues, INFO_SHEET, number, _VALUE, parse, value, default)
    for item in (KIND, NAME, YEAR):
        if item not in info.rows and INFO_SHEET not in issues.unreadable:
            issues.add(INFO_SHEET, None, item, f"Thiếu dòng “{item}” (cột A ghi “{item}”, cột B ghi nội dung).")
    return info


def _criterion(number: int, values: tuple, issues: _Issues) -> CriterionData:
    def cell(column: str, parse, default=""):
        return _cell(issues, CRITERIA_SHEET, number, column, parse, values[CRITERIA_HEADER.index(column)], default)

    kind = cell(RULE, lambda value: cell_choice(value, RULE_KINDS, "cách chấm", MANUAL), None)
    return CriterionData(
        code=cell(CODE, cell_text),
        name=cell(CRITERION_NAME, cell_text),
        level=cell(LEVEL, lambda value: cell_choice(value, LEVELS, "cấp", "criterion"), "criterion"),
        parent_code=cell(PARENT, cell_text),
        max_points=cell(MAX_POINTS, cell_points, None),
        rule=Rule(MANUAL) if kind is None else cell(BANDS, lambda value: cell_rule(kind, value), Rule(kind)),
        evidence=cell(EVIDENCE, cell_long_text),
        source=cell(SOURCE, cell_text),
        subject=cell(SUBJECT, lambda value: cell_choice(value, SUBJECTS, "đối tượng", "")),
        node_kind=cell(NODE_KIND, lambda value: cell_choice(value, NODE_KINDS, "loại mục", "")),
        na_allowed=cell(NA_ALLOWED, lambda value: cell_choice(value, NA_CHOICES, "giá trị", "yes"), "yes") == "yes",
    )


def _read_ratings(rows: list[tuple[int, tuple]], issues: _Issues) -> list[tuple[int, RatingBand]]:
    bands, first = [], {}
    for number, (label_cell, points_cell) in rows:
        label = _cell(issues, RATINGS_SHEET, number, RATING_LABEL, cell_text, label_cell, "")
        points = _cell(issues, RATINGS_SHEET, number, RATING_MIN, cell_points, points_cell, None)
        if not label and not issues.has(RATINGS_SHEET, number, RATING_LABEL):
            issues.add(RATINGS_SHEET, number, RATING_LABEL, "Chưa ghi tên mức xếp loại.")
        elif label and label in first:
            issues.add(RATINGS_SHEET, number, RATING_LABEL, f"Mức “{label}” đã ghi ở dòng {first[label]}.")
        first.setdefault(label, number)
        if points is None and not issues.has(RATINGS_SHEET, number, RATING_MIN):
            issues.add(RATINGS_SHEET, number, RATING_MIN, "Chưa ghi số điểm tối thiểu của mức này.")
        elif points is not None and points < 0:
            issues.add(RATINGS_SHEET, number, RATING_MIN, "Điểm từ không được âm.")
        bands.append((number, RatingBand(label, Decimal(0) if points is None else points)))
    return bands


def _add_set_problems(data: CriteriaSetData, info: _Info, criteria: list[tuple[int, CriterionData]],
                      issues: _Issues) -> None:
    """``set_problems`` on the assembled set, each put back on its row; a cell already reported stays one line."""
    checked, row_of = _checkable(criteria, issues)
    reported = {(issue.sheet, issue.row, issue.column) for issue in issues.found}
    for problem in set_problems(replace(data, criteria=tuple(checked))):
        if problem.column in _RATING_COLUMNS:
            continue
        if problem.code:
            place = (CRITERIA_SHEET, row_of.get(problem.code), problem.column)
        elif problem.column in _SET_COLUMNS:
            item = _SET_COLUMNS[problem.column]
            row = info.rows.get(item)
            place = (INFO_SHEET, row, _VALUE) if row else (INFO_SHEET, None, item)
        else:
            place = (CRITERIA_SHEET, None, problem.column)
        if place[0] not in issues.unreadable and place not in reported:
            issues.add(*place, problem.message)


def _checkable(criteria: list[tuple[int, CriterionData]], issues: _Issues) -> tuple[list[CriterionData], dict]:
    """Codes made unique for ``set_problems`` (a blank or repeated code is reported here, with its row)."""
    checked, row_of, first = [], {}, {}
    for number, criterion in criteria:
        code = criterion.code
        if not code and not issues.has(CRITERIA_SHEET, number, CODE):
            issues.add(CRITERIA_SHEET, number, CODE, "Thiếu mã tiêu chí.")
        elif code in first:
            issues.add(CRITERIA_SHEET, number, CODE, f"Mã “{code}” đã dùng ở dòng {first[code]}.")
        if code and code not in first:
            first[code] = number
        else:
            code = f"\x00{number}"  # no real code holds a control character (clean_line removes them)
            criterion = replace(criterion, code=code)
        row_of[code] = number
        checked.append(criterion)
    return checked, row_of


# --- cells -------------------------------------------------------------------------------------

def _cell(issues: _Issues, sheet: str, row: int, column: str, parse, value, default):
    try:
        return parse(value)
    except BadCell as bad:
        issues.add(sheet, row, column, bad.args[0])
        return default


def _padded(values, width: int) -> tuple:
    return (tuple(values or ()) + (None,) * width)[:width]
