"""Workbooks whose XML declares entities are refused by every Excel importer, at once, writing nothing.

Each hostile file is a valid workbook written by openpyxl (the same content
imports cleanly, see the first test) with one XML part rewritten: a DOCTYPE
carrying a "billion laughs" entity expansion, an external entity reading a
local file (XXE), a parameter entity, an external DTD, or the same in UTF-16,
in a worksheet or in ``xl/sharedStrings.xml``. The entity is referenced from a
cell the importer reads, so a parser that expanded it would show it.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import sqlite3
import threading
import time
import tracemalloc
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.criteria import PAR, YESNO, CriteriaSetData, CriterionData, Rule
from app.errors import UserError
from app.exporters.criteria_workbook import write_criteria_workbook
from app.importers import xlsx_file
from app.importers.criteria_workbook import read_criteria_workbook
from app.services import award_history, registration
from app.services.criteria_sets import list_sets, save_set
from app.services.officials import OfficialData, add_official

YEAR = 2025
PERSON = "Lê Thị Mai"
CRITERION = "Ban hành kế hoạch cải cách hành chính"
LAUGHS = ("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">"
          + "".join(f"<!ENTITY lol{level} \"{f'&lol{level - 1};' * 10}\">" for level in range(1, 10)) + "]>")
ATTACKS = {  # name: (DOCTYPE, the reference put in a cell)
    "billion-laughs": (LAUGHS, "&lol9;"),
    "xxe": ('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"),
    "xxe-parameter": ('<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>', "x"),
    "external-dtd": ('<!DOCTYPE worksheet SYSTEM "http://127.0.0.1:9/evil.dtd">', "x"),
}
PARTS = ("worksheet", "sharedStrings")
MAX_SECONDS = 20
MAX_PYTHON_MEMORY = 50 * 1024 * 1024


# --- the three importers, each with a valid workbook and the write it feeds --------------------


def _registration_book(path: Path) -> str:
    book = Workbook()
    sheet = book.active
    sheet.title = registration.SHEET
    sheet.append(list(registration.HEADER))
    sheet.append([YEAR, PERSON, "Cá nhân", "Lao động tiên tiến"])
    book.save(path)
    return PERSON


def _history_book(path: Path) -> str:
    book = Workbook()
    sheet = book.active
    sheet.title = award_history.HISTORY_SHEET
    sheet.append(list(award_history.HISTORY_HEADER))
    sheet.append([2024, PERSON, "Cá nhân", "Lao động tiên tiến", "Chủ tịch UBND xã", "12/QĐ-UBND", "15/12/2024"])
    book.save(path)
    return PERSON


def _criteria_book(path: Path) -> str:
    data = CriteriaSetData(kind=PAR, name="Bộ tiêu chí thử", year=YEAR, criteria=(
        CriterionData("1", "Công tác chỉ đạo", "field", max_points=Decimal(2)),
        CriterionData("1.1", CRITERION, "criterion", "1", Decimal(2), Rule(YESNO)),
    ))
    write_criteria_workbook(data, path)
    return CRITERION


def _import_registration(store, path: Path) -> int:
    found = registration.read_registration_workbook(store, path, YEAR)
    registration.replace_year(store, YEAR, found)
    return len(found)


def _import_history(store, path: Path) -> int:
    return award_history.import_records(store, award_history.read_history_workbook(path)).value.added


def _import_criteria(store, path: Path) -> int:
    save_set(store, read_criteria_workbook(path))
    return 1


IMPORTERS = {  # name: (writes a valid workbook, returns the text of a cell it reads; reads and saves it)
    "registration": (_registration_book, _import_registration),
    "award-history": (_history_book, _import_history),
    "criteria": (_criteria_book, _import_criteria),
}


# --- building the hostile files --------------------------------------------------------------


def _rewrite(path: Path, change, added: dict[str, bytes] | None = None) -> None:
    """Rewrite the package: ``change(name, bytes)`` gives each member's new bytes; ``added`` members are appended."""
    original = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, change(info.filename, source.read(info)))
        for name, data in (added or {}).items():
            target.writestr(name, data)


def _with_shared_strings(path: Path) -> None:
    """Move every inline string into ``xl/sharedStrings.xml``, the way Excel itself stores text."""
    strings: list[str] = []

    def to_index(match) -> str:
        strings.append(match.group(3))
        return f'<c {match.group(1)}t="s"{match.group(2)}><v>{len(strings) - 1}</v></c>'

    def change(name: str, data: bytes):
        text = data.decode("utf-8")
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            return re.sub(r'<c ([^>]*?)t="inlineStr"([^>]*)><is>(.*?)</is></c>', to_index, text).encode()
        if name == "[Content_Types].xml":
            return text.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>").encode()
        if name == "xl/_rels/workbook.xml.rels":
            return text.replace("</Relationships>", '<Relationship Id="rIdStrings" Type="http://schemas.'
                                'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                                'Target="sharedStrings.xml"/></Relationships>').encode()
        return data

    _rewrite(path, change)
    table = "".join(f"<si>{item}</si>" for item in strings)
    _rewrite(path, lambda name, data: data, {"xl/sharedStrings.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">{table}</sst>').encode()})


def _poison(text: str, doctype: str, reference: str, cell_text: str) -> str | None:
    """``text`` with the DOCTYPE after its XML declaration and ``cell_text``'s <t> replaced by the reference."""
    found = False

    def swap(match) -> str:
        nonlocal found
        if found or html.unescape(match.group(2)) != cell_text:
            return match.group(0)
        found = True
        return f"<t{match.group(1)}>{reference}</t>"

    text = re.sub(r"<t(\s[^>]*)?>(.*?)</t>", swap, text)
    if not found:
        return None
    declaration = re.match(r"<\?xml[^>]*\?>\s*", text)
    head = declaration.group(0) if declaration else ""
    return head + doctype + text[len(head):]


def hostile(valid: Path, path: Path, attack: str, part: str, cell_text: str, utf16: bool = False) -> Path:
    shutil.copyfile(valid, path)
    if part == "sharedStrings":
        _with_shared_strings(path)
    doctype, reference = ATTACKS[attack]
    poisoned = []

    def change(name: str, data: bytes) -> bytes:
        is_part = name == "xl/sharedStrings.xml" if part == "sharedStrings" else name.startswith("xl/worksheets/")
        if not is_part or poisoned:
            return data
        text = _poison(data.decode("utf-8"), doctype, reference, cell_text)
        if text is None:
            return data
        poisoned.append(name)
        if utf16:
            return text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
        return text.encode("utf-8")

    _rewrite(path, change)
    assert poisoned, f"no {part} part holds “{cell_text}”"
    return path


# --- running an import under watch ------------------------------------------------------------


def _dump(database: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _watched(call) -> tuple[object, float, int]:
    """``call()``'s result or exception, its seconds and its peak Python memory; fails if it does not end."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # noqa: BLE001 — handed to the test to judge
            outcome.append(error)

    tracemalloc.start()
    started = time.monotonic()
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(MAX_SECONDS)
    seconds = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert not worker.is_alive(), f"the import still runs after {MAX_SECONDS} s"
    return outcome[0], seconds, peak


@pytest.fixture
def people(store):
    add_official(store, OfficialData(PERSON))
    return store


@pytest.fixture(scope="module")
def valid_books(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("valid")
    books = {}
    for name, (write, _read) in IMPORTERS.items():
        path = folder / f"{name}.xlsx"
        books[name] = (path, write(path))
    return books


# --- the tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("importer", IMPORTERS)
def test_the_untampered_workbooks_import(people, valid_books, tmp_path, importer, part):
    """The same files without the DOCTYPE import (inline or shared strings): the refusals below are the attack's."""
    valid, cell_text = valid_books[importer]
    path = tmp_path / "hop-le.xlsx"
    shutil.copyfile(valid, path)
    if part == "sharedStrings":
        _with_shared_strings(path)
        with zipfile.ZipFile(path) as archive:
            assert "xl/sharedStrings.xml" in archive.namelist()
            assert cell_text in html.unescape(archive.read("xl/sharedStrings.xml").decode())
            assert 't="inlineStr"' not in archive.read("xl/worksheets/sheet1.xml").decode()
    assert IMPORTERS[importer][1](people, path) == 1


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("importer", IMPORTERS)
def test_entity_declarations_are_refused_quickly_and_nothing_is_written(people, valid_books, tmp_path, importer,
                                                                        attack, part):
    valid, cell_text = valid_books[importer]
    path = hostile(valid, tmp_path / "doc-hai.xlsx", attack, part, cell_text)
    before = _dump(people.folder.database)
    sets_before = len(list_sets(people))
    result, seconds, peak = _watched(lambda: IMPORTERS[importer][1](people, path))
    assert isinstance(result, UserError), f"not refused with a UserError: {result!r}"
    assert "doc-hai.xlsx" in result.message and "không đọc được" in result.message
    assert "XML không an toàn (DOCTYPE/ENTITY)" in result.message
    assert "root:" not in str(result)  # nothing of /etc/passwd came back
    assert seconds < 5 and peak < MAX_PYTHON_MEMORY, (seconds, peak)
    assert _dump(people.folder.database) == before and len(list_sets(people)) == sets_before


@pytest.mark.parametrize("importer", IMPORTERS)
def test_an_entity_declaration_in_utf16_is_refused_too(people, valid_books, tmp_path, importer):
    """Re-encoding the part in UTF-16 does not hide its DOCTYPE."""
    valid, cell_text = valid_books[importer]
    path = hostile(valid, tmp_path / "utf16.xlsx", "xxe", "worksheet", cell_text, utf16=True)
    before = _dump(people.folder.database)
    with pytest.raises(UserError, match=r"“utf16\.xlsx” chứa khai báo XML không an toàn"):
        IMPORTERS[importer][1](people, path)
    assert _dump(people.folder.database) == before


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("importer", IMPORTERS)
def test_without_the_early_check_the_parser_still_refuses_and_reads_no_local_file(people, valid_books, tmp_path,
                                                                                  monkeypatch, importer, part):
    """The second line: with the prolog check switched off, openpyxl's parser refuses; no file is read into a cell."""
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("MẬT-KHẨU-KHÔNG-ĐƯỢC-LỘ", encoding="utf-8")
    monkeypatch.setitem(ATTACKS, "xxe-local", (f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>', "&xxe;"))
    valid, cell_text = valid_books[importer]
    laughs = hostile(valid, tmp_path / "laughs.xlsx", "billion-laughs", part, cell_text)
    leak = hostile(valid, tmp_path / "xxe.xlsx", "xxe-local", part, cell_text)
    monkeypatch.setattr(xlsx_file, "check_xml_prologs", lambda data, name: None)
    before = _dump(people.folder.database)
    for path in (laughs, leak):
        result, seconds, peak = _watched(lambda: IMPORTERS[importer][1](people, path))
        assert isinstance(result, UserError), f"{path.name}: not refused with a UserError: {result!r}"
        assert path.name in result.message and "không đọc được" in result.message
        assert "MẬT-KHẨU" not in str(result)
        assert seconds < 5 and peak < MAX_PYTHON_MEMORY, (seconds, peak)
    assert _dump(people.folder.database) == before


def test_a_parser_refusal_is_worded_as_unsafe_xml_not_as_a_damaged_file():
    """defusedxml's refusal, however openpyxl wraps it, reads as the unsafe-XML message naming the file."""
    from defusedxml import DTDForbidden, EntitiesForbidden

    for raw in (EntitiesForbidden("lol9", None, None, None, None, None), DTDForbidden("x", None, None)):
        try:
            try:
                raise raw
            except Exception as inner:
                raise ValueError("Unable to read workbook: could not read worksheets from None.") from inner
        except ValueError as wrapped:
            refusal = xlsx_file.damaged("so-lieu.xlsx", wrapped)
        assert refusal.message.startswith("Tệp “so-lieu.xlsx” chứa khai báo XML không an toàn (DOCTYPE/ENTITY)")
    plain = xlsx_file.damaged("so-lieu.xlsx", KeyError("xl/workbook.xml"))
    assert plain.message == "Tệp “so-lieu.xlsx” bị hỏng, không đọc được đúng cách."


def test_an_xml_part_that_is_not_xml_is_refused_as_damaged(tmp_path, valid_books):
    """A part named .xml that expat cannot read up to its first element is a damaged file, said so."""
    valid, _cell = valid_books["award-history"]
    path = tmp_path / "hong.xlsx"
    shutil.copyfile(valid, path)
    _rewrite(path, lambda name, data: b"\x00\x01 not xml" if name == "xl/styles.xml" else data)
    with pytest.raises(UserError, match="“hong.xlsx” bị hỏng"):
        award_history.read_history_workbook(path)


def test_a_long_prolog_does_not_hide_a_doctype(tmp_path, valid_books):
    """Comments padding the prolog past what is read do not let a DOCTYPE through unseen."""
    valid, cell_text = valid_books["award-history"]
    path = hostile(valid, tmp_path / "dem.xlsx", "xxe", "worksheet", cell_text)
    padding = b"<!--" + b" " * (xlsx_file.MAX_PROLOG + 10) + b"-->"
    _rewrite(path, lambda name, data: data.replace(b"<!DOCTYPE", padding + b"<!DOCTYPE", 1)
             if name.startswith("xl/worksheets/") else data)
    with pytest.raises(UserError, match="“dem.xlsx”"):
        award_history.read_history_workbook(path)

