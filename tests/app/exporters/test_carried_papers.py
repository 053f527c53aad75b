"""The demo's 2024 award papers written as real files and read back: who is proposed, how many, as of when.

Issue 17: a report of 25/11/2024 cited QĐ 52 of 20/12/2024; the package shipped the report of a nominee the
council did not carry; the letter and the minutes counted a person with two titles twice ("09 cá nhân"
against the decision's 08); the minutes printed the discussion sentence twice.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document as WordDocument

from app.exporters.decision_files import export_decision
from app.exporters.dossier_files import write_dossier_files
from app.exporters.package import PackageRequest, build_package
from app.services import award_history, registers
from app.services.dossier import list_dossiers
from tests.app.exporters.test_dossier_files import pdf_text, word_text

TODAY = date(2024, 12, 20)
MAI, AN = "Lê Thị Mai", "Huỳnh Văn Ân"
SUBMITTED, OWN = "Phong trào thi đua đẩy mạnh", "Bình xét danh hiệu"


def _dossier(store, campaign: str) -> int:
    return next(item.id for item in list_dossiers(store, 2024) if item.campaign.startswith(campaign))


def _written(store, campaign: str, folder: Path) -> dict[str, Path]:
    paths = write_dossier_files(store, _dossier(store, campaign), folder, TODAY, allow_incomplete=True)
    return {path.name: path for path in paths}


def _report(written: dict[str, Path], slug: str, kind: str) -> Path:
    return next(path for name, path in written.items() if slug in name and name.endswith(kind))


def test_the_report_lists_no_decision_signed_after_its_own_date(demo_store, tmp_path):
    """Mai's year-end report of 10/12/2024 leaves out QĐ 52 (20/12/2024) and keeps an award decided before it
    (the year-end forms have part III, the award history; NĐ 98's drive form has none)."""
    award_history.add_record(demo_store, award_history.RecordData(
        "official", MAI, 2023, "Lao động tiên tiến", "Chủ tịch UBND xã", "120/QĐ-UBND", date(2023, 12, 20)))
    written = _written(demo_store, OWN, tmp_path)
    for kind, read in ((".pdf", pdf_text), (".docx", word_text)):
        text = read(_report(written, "le-thi-mai", kind))
        assert "10 tháng 12 năm 2024" in text
        assert "52/QĐ-UBND" not in text and "20/12/2024" not in text
        assert "120/QĐ-UBND ngày 20/12/2023" in text


def test_the_package_carries_no_report_of_a_nominee_not_carried(demo_store, tmp_path):
    """Huỳnh Văn Ân (2/6, Không đạt) has no report file in the package; each of the eight carried persons has."""
    result = build_package(demo_store, PackageRequest(2024, ("dossier",), make_zip=False, today=TODAY), tmp_path)
    reports = [Path(item.path).name for item in result.manifest.files if Path(item.path).name.startswith("BCTT")]
    assert reports and not any("huynh-van-an" in name for name in reports)
    for slug in ("le-thi-mai", "truong-thi-on", "vo-thi-anh", "tran-van-hung", "nguyen-thi-thu-ha", "dang-van-duc",
                 "bui-thi-ngoc-anh", "do-minh-tam"):
        assert any(slug in name for name in reports), slug


def _stated(sentence: str) -> tuple[int, int, int | None]:
    """(collectives, persons, person turns or None) as a sentence of the paper states them."""
    collectives = re.search(r"(\d+) tập thể", sentence)
    persons = re.search(r"(\d+) cá nhân(?: \((\d+) lượt đề nghị\))?", sentence)
    return (int(collectives.group(1)) if collectives else 0, int(persons.group(1)) if persons else 0,
            int(persons.group(2)) if persons and persons.group(2) else None)


def _listed(path: Path) -> tuple[set[str], set[str], int]:
    """Distinct collectives, distinct persons and person rows of the paper's DANH SÁCH table (Word copy)."""
    groups, persons, rows, part = set(), set(), 0, None
    for table in WordDocument(str(path)).tables:
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells]
            if cells[0].endswith(("CÁ NHÂN", "TẬP THỂ")):
                part = "person" if cells[0].endswith("CÁ NHÂN") else "group"
            elif part and cells[0].isdigit():
                (persons if part == "person" else groups).add(cells[1])
                rows += part == "person"
    return groups, persons, rows


def _minutes_names(path: Path, collectives: set[str]) -> tuple[set[str], set[str], int]:
    """The same three counts from the minutes' conclusion lines ("1. Lê Thị Mai, …: Award;")."""
    paragraphs = [p.text for p in WordDocument(str(path)).paragraphs]
    start = next(i for i, text in enumerate(paragraphs) if text.startswith("Hội đồng thống nhất đề nghị"))
    names = []
    for text in paragraphs[start + 1:]:
        found = re.match(r"\d+\. ([^,:]+)", text)
        if not found:
            break
        names.append(found.group(1).strip())
    people = [name for name in names if name not in collectives]
    return {name for name in names if name in collectives}, set(people), len(people)


def _sentence(path: Path, start: str) -> str:
    return next(p.text for p in WordDocument(str(path)).paragraphs if p.text.startswith(start))


def test_counts_are_distinct_people_in_the_letter_the_minutes_and_the_decision(demo_store, tmp_path):
    """Each paper's "… tập thể, … cá nhân" equals the distinct names it lists; a second title is a "lượt"."""
    written = _written(demo_store, OWN, tmp_path)
    export_decision(demo_store, _dossier(demo_store, OWN), tmp_path, TODAY)
    known = {item.name for item in registers.list_collectives(demo_store)}
    letter, minutes = written["TTr-KhenThuong-2024.docx"], written["BB-HoiDongTDKT-2024.docx"]
    papers = [(_sentence(letter, "Ủy ban nhân dân xã"), _listed(letter)),
              (_sentence(minutes, "Hội đồng thống nhất đề nghị"), _minutes_names(minutes, known)),
              (_sentence(tmp_path / "QD-KhenThuong-2024.docx", "Điều 1."), _listed(tmp_path / "QD-KhenThuong-2024.docx"))]
    for sentence, (groups, persons, person_rows) in papers:
        collectives_said, persons_said, turns_said = _stated(sentence)
        assert (collectives_said, persons_said) == (len(groups), len(persons)), sentence
        if turns_said is not None or person_rows > len(persons) and "lượt" in sentence:
            assert turns_said == person_rows, sentence
    # In 2024 the letter proposes only what goes up to the district (CSTĐCS, TTLĐTT: Luật 2022 Điều 80.2);
    # the minutes carry every nominee, Mai twice (CSTĐCS and LĐTT).
    assert "08 cá nhân (09 lượt đề nghị)" in papers[1][0]


@pytest.mark.parametrize("campaign", [SUBMITTED, OWN])
def test_the_minutes_print_no_paragraph_twice(demo_store, tmp_path, campaign):
    """No two paragraphs of the minutes open with the same ten words (the discussion sentence came twice)."""
    path = _written(demo_store, campaign, tmp_path)["BB-HoiDongTDKT-2024.docx"]
    openings = [" ".join(p.text.split()[:10]) for p in WordDocument(str(path)).paragraphs if len(p.text.split()) >= 10]
    assert len(openings) == len(set(openings)), openings
