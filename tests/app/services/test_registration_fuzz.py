"""The registration import (Excel → the year's registration) on arbitrary cells: a clean import or a clear refusal.

Whatever a workbook's cells hold (formula text, control characters, decomposed
Unicode, very long strings, numbers or dates where text belongs, blank rows),
reading it then saving what was read, as the registration dialog does, either
makes the year's registration exactly the rows read, or raises a UserError
that names the file and sheet in its message and the row and column of every
bad cell in its hint, and leaves the database as it was. Never another
exception. Real xlsx files (openpyxl), a real SQLite file per test.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from app.domain.vietnamese import fold
from app.errors import UserError
from app.services import registration
from app.services.officials import OfficialData, add_official
from app.services.registers import save_collective
from app.services.registration import HEADER, SHEET, Registration

YEAR = 2025
PEOPLE = ("Lê Thị Mai", "Trần Văn Hùng", "Nguyễn Thị Hồng Nhung")
GROUPS = ("Bộ phận Một cửa",)
AWARDS = ("Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến", "Giấy khen của Chủ tịch UBND xã")
KINDS = ("Cá nhân", "Tập thể", "ca nhan", "TẬP THỂ")
ROW_LINE = re.compile(r"^Dòng (\d+), cột “(" + "|".join(re.escape(title) for title in HEADER) + r")”: .+\.$")


# --- the cells ---------------------------------------------------------------------------------

def _decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


WORDS = PEOPLE + GROUPS + AWARDS + KINDS
TEXT = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(_decomposed),  # "Le\u0302 Thi\u0323 Mai", as some Mac and web tools write
    st.sampled_from(WORDS).map(lambda word: f"  {word.upper()} \t"),
    st.sampled_from(("=1+1", "=HYPERLINK(\"http://x\",\"Lê Thị Mai\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                     "=\"Lao động tiên tiến\"", "'2025", "2025 ", "２０２５", "năm 2025", "_x0007_", "\u200bLê Thị Mai",
                     "Lê Thị Mai\u00a0", "Lê\u2028Thị Mai", "\ufeffCá nhân", "Cá nhân\r\n", "")),
    st.text(max_size=40),  # any code point, control characters included
    st.text(alphabet="Lê Thị Mai=+-@\t\n\x00\x01\x1b\x7f\u0302\u0323", min_size=300, max_size=5000),
)
NUMBER = st.one_of(st.integers(-10**12, 10**12), st.just(YEAR), st.just(float(YEAR)), st.just(YEAR + 0.5),
                   st.floats(allow_nan=False, allow_infinity=False), st.booleans())
WHEN = st.one_of(st.dates(date(1900, 1, 1), date(2100, 12, 31)),
                 st.datetimes(datetime(1900, 1, 1), datetime(2100, 12, 31)))
CELL = st.one_of(st.none(), TEXT, NUMBER, WHEN)
GOOD_ROW = st.tuples(st.sampled_from((YEAR, str(YEAR))), st.sampled_from(PEOPLE),
                     st.sampled_from(("Cá nhân", "ca nhan")), st.sampled_from(AWARDS[:2]))
ROW = st.one_of(
    st.just(()),  # a blank row
    st.just((None, None, None, None)),
    GOOD_ROW,
    GOOD_ROW.map(lambda row: tuple(_decomposed(value) if isinstance(value, str) else value for value in row)),
    st.tuples(CELL, CELL, CELL, CELL),
    st.lists(CELL, max_size=7).map(tuple),  # short rows and rows with cells beyond the four columns
)


def _writable(value):
    """What openpyxl can store: XML forbids most control characters, Excel caps a cell at 32,767 characters."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:32767]
    return value


def _write(path: Path, rows: list[tuple], sheet_title: str = SHEET) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append([_writable(value) for value in row])
    book.save(path)


# --- the database ------------------------------------------------------------------------------

@pytest.fixture
def commune(store):
    """Three officials, one collective, and registrations kept for 2025 and 2024 already."""
    people = [add_official(store, OfficialData(name)).value.id for name in PEOPLE]
    save_collective(store, GROUPS[0], "")
    registration.set_registered(store, YEAR, "official", people[0], "ldtt", True)
    registration.set_registered(store, YEAR - 1, "official", people[1], "cstdcs", True)
    return store


def _rows(store) -> dict[str, list[tuple]]:
    """Every row of every table, straight from the file."""
    connection = sqlite3.connect(f"file:{store.folder.database}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}
    finally:
        connection.close()


def _import(store, path: Path) -> list[Registration]:
    """What the registration dialog does: read the workbook, then make it the year's registration."""
    found = registration.read_registration_workbook(store, path, YEAR)
    registration.replace_year(store, YEAR, found)
    return found


def _check_refusal(error: UserError, path: Path, rows: list[tuple]) -> None:
    assert error.message and f"“{path.name}”" in error.message, error.message
    assert f"trang “{SHEET}”" in error.message, error.message
    if "không đúng tiêu đề" in error.message:
        assert "dòng 1" in error.message
        return
    lines = [line for line in error.hint.splitlines() if not line.startswith("…")]
    assert lines, "a refusal without the rows at fault"
    written = {number for number, row in enumerate(rows, start=2) if any(_writable(value) not in (None, "")
                                                                         for value in row[:len(HEADER)])}
    for line in lines:
        match = ROW_LINE.match(line)
        assert match, f"not “Dòng N, cột “…”: …”: {line!r}"
        assert int(match.group(1)) in written, f"row {match.group(1)} is blank or not in the file: {line!r}"


# --- the properties ----------------------------------------------------------------------------

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(rows=st.lists(ROW, max_size=8))
@example(rows=[(YEAR, _decomposed("Lê Thị Mai"), "Cá nhân", _decomposed("Lao động tiên tiến")), ()])
@example(rows=[("=1+1", "Lê Thị Mai", "Cá nhân", "Lao động tiên tiến")])
@example(rows=[(YEAR, "Lê Thị Mai" * 3000, 7, True), (), (float(YEAR), "Trần Văn Hùng", "Tập thể", None)])
@example(rows=[(YEAR, "Bộ phận Một cửa", "Tập thể", "Tập thể lao động tiên tiến"), ("  ", "\t", "", "\n")])
def test_any_cells_give_the_rows_read_or_a_refusal_naming_row_and_column(commune, tmp_path, rows):
    path = tmp_path / "dang-ky.xlsx"
    _write(path, rows)
    before = _rows(commune)
    try:
        found = _import(commune, path)
    except UserError as error:
        event("refused: " + ("header" if "tiêu đề" in error.message else "rows"))
        _check_refusal(error, path, rows)
        assert _rows(commune) == before, "a refused import changed the database"
        return
    event(f"imported {min(len(found), 2)}{'+' if len(found) > 2 else ''} rows")
    assert registration.registrations(commune, YEAR) == set(found)
    assert registration.registrations(commune, YEAR - 1) == set(_registrations_in(before, YEAR - 1))
    assert len(found) <= sum(1 for row in rows if any(value not in (None, "") for value in row))


def _registrations_in(rows: dict[str, list[tuple]], year: int) -> list[Registration]:
    """The registrations of ``year`` in a snapshot (columns: id, year, subject_kind, subject_id, award_key)."""
    return [Registration(kind, subject, key) for _id, row_year, kind, subject, key in rows["registration"]
            if row_year == year]


@SETTINGS
@given(rows=st.lists(GOOD_ROW.map(lambda row: tuple(
    _decomposed(value) if isinstance(value, str) else value for value in row)), min_size=1, max_size=5))
def test_decomposed_unicode_reads_as_the_same_names_and_titles(commune, tmp_path, rows):
    """Names and titles in decomposed Unicode (NFD) import as the officials and award kinds they spell."""
    path = tmp_path / "nfd.xlsx"
    _write(path, rows)
    found = _import(commune, path)
    wanted = {(fold(unicodedata.normalize("NFC", name)), fold(unicodedata.normalize("NFC", award)))
              for _year, name, _kind, award in rows}
    by_id = {official.id: official.full_name for official in _officials(commune)}
    assert {(fold(by_id[item.subject_id]), fold(_award_name(commune, item.award_key))) for item in found} == wanted


def _officials(store):
    from app.services.officials import list_officials

    return list_officials(store)


def _award_name(store, key: str) -> str:
    from app.services.award_kinds import award_kinds

    return award_kinds(store)[key].name


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.lists(CELL, min_size=0, max_size=6), title=st.sampled_from((SHEET, "Sheet1", "Trang tính 1")))
def test_a_wrong_header_or_sheet_is_refused_by_name(commune, tmp_path, header, title):
    """Whatever the first row holds, unless it is the template's header the file is refused, naming row 1."""
    path = tmp_path / "tieu-de.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append([_writable(value) for value in header])
    sheet.append([YEAR, PEOPLE[0], "Cá nhân", AWARDS[0]])
    book.save(path)
    before = _rows(commune)
    is_template = tuple(fold(str(value or "")) for value in header[:4]) == tuple(fold(item) for item in HEADER)
    try:
        _import(commune, path)
    except UserError as error:
        assert not is_template or error.hint, error.message
        assert f"“{path.name}”" in error.message and f"trang “{title}”" in error.message
        assert _rows(commune) == before
    else:
        assert is_template
