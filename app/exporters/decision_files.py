"""Write the commune's own award papers to a folder: the Chairman's decision, the registration list, statistics.

- ``QD-KhenThuong-2025.pdf`` / ``.docx``: the QUYẾT ĐỊNH with its DANH SÁCH on an attached page;
- ``DanhSach-QD-2025.xlsx``: that list in Excel (money as numbers);
- ``DangKyThiDua-2025.pdf`` / ``.docx`` / ``.xlsx``: the DANH SÁCH ĐĂNG KÝ THI ĐUA of a year;
- ``ThongKeKhenThuong-2021-2025.pdf`` / ``.xlsx``: the award statistics over a span of years.

Names are ASCII; every file goes through the atomic renderers (whole or not at
all). The ``export_*`` functions return each file with its Vietnamese
description; the issued decisions go in the export package (``package_decision_items``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.errors import UserError
from app.exporters.written import WrittenFile, write_files
from app.queries.awards import decision_paper_facts, dossier_info, registration_facts, statistics_facts
from app.store import Store

FORMAT_NAMES = {"pdf": "PDF", "docx": "Word, để chỉnh sửa", "xlsx": "Excel"}


def decision_base_name(year: int) -> str:
    return f"QD-KhenThuong-{year}"


def decision_list_base_name(year: int) -> str:
    return f"DanhSach-QD-{year}"


def registration_base_name(year: int) -> str:
    return f"DangKyThiDua-{year}"


def statistics_base_name(first_year: int, last_year: int) -> str:
    return f"ThongKeKhenThuong-{first_year}-{last_year}"


def _renderers(word: bool = True):
    from app.documents.render_pdf import render_pdf
    from app.documents.render_xlsx import render_xlsx

    renderers = {"pdf": render_pdf, "xlsx": render_xlsx}
    if word:  # python-docx loads only when a Word copy is asked for
        from app.documents.render_docx import render_docx

        renderers["docx"] = render_docx
    return renderers


def _jobs(papers, word: bool = True) -> list:
    """Render jobs for ``(stem, document, description, formats)``; without ``word``, no Word copies."""
    render = _renderers(word)
    return [(render[kind], document, f"{stem}.{kind}", f"{description} ({FORMAT_NAMES[kind]})")
            for stem, document, description, formats in papers for kind in formats if kind in render]


# ----------------------------------------------------------------------------- the decision


def export_decision(store: Store, dossier_id: int, folder: Path, today: date | None = None,
                    progress=None, word: bool = True) -> list[WrittenFile]:
    """As ``write_decision_files``, with each file's Vietnamese description; without ``word``, no Word copy."""
    from app.documents.papers.award_decision import (
        award_decision,
        decision_list_workbook,
    )

    today = today or date.today()
    dossier = dossier_info(store, dossier_id)
    facts = decision_paper_facts(store, dossier_id, today)
    decision, granted, profile, held_on = facts.decision, facts.granted, facts.profile, facts.held_on
    if not granted:
        raise UserError(
            f"Hồ sơ khen thưởng năm {dossier.year} không có ai được Hội đồng đề nghị khen thưởng thuộc thẩm quyền "
            "của Chủ tịch UBND xã; không có quyết định để in.",
            "Kiểm tra kết quả biểu quyết của Hội đồng; danh hiệu, hình thức của cấp trên đi theo tờ trình.")
    if not decision.number or decision.signed_on is None:
        raise UserError("Quyết định khen thưởng chưa có số hoặc ngày ký.", "Nhập số và ngày ký rồi xuất lại.")
    year = decision.year
    papers = [
        (decision_base_name(year), award_decision(dossier, decision, granted, profile, held_on, today),
         "Quyết định khen thưởng kèm danh sách", ("pdf", "docx")),
        (decision_list_base_name(year), decision_list_workbook(decision, granted, profile),
         "Danh sách kèm theo Quyết định khen thưởng", ("xlsx",)),
    ]
    return write_files(_jobs(papers, word), Path(folder), "quyết định khen thưởng", progress)


def write_decision_files(store: Store, dossier_id: int, folder: Path, today: date | None = None,
                         progress=None) -> list[Path]:
    """Write the Chairman's decision (PDF, Word) and its list (Excel) into ``folder``; the paths in order.

    A UserError when the council carried nobody whose award the commune grants, or the decision has no
    number or signing date (enter them first: the decision is printed to be signed as it stands).
    """
    return [item.path for item in export_decision(store, dossier_id, folder, today, progress)]


# ----------------------------------------------------------------------------- the registration list


def registration_papers(store: Store, year: int, number: str = "", day: date | None = None):
    """(paper, workbook) of the year's registration; a UserError when nobody registered."""
    from app.documents.papers.registration_list import (
        registrants,
        registration_list,
        registration_workbook,
    )

    facts = registration_facts(store, year)
    if not facts.registered:
        raise UserError(f"Năm {year} chưa có cá nhân, tập thể nào đăng ký thi đua.",
                        "Đánh dấu đăng ký (hoặc nhập từ Excel) rồi xuất lại.")
    persons = registrants(facts.registered, facts.people, "official", facts.kinds)
    collectives = registrants(facts.registered, facts.groups, "collective", facts.kinds)
    return (registration_list(year, persons, collectives, facts.profile, number, day),
            registration_workbook(year, persons, collectives))


def export_registration(store: Store, year: int, folder: Path, number: str = "", day: date | None = None,
                        progress=None) -> list[WrittenFile]:
    paper, workbook = registration_papers(store, year, number, day)
    stem = registration_base_name(year)
    papers = [(stem, paper, f"Danh sách đăng ký thi đua năm {year}", ("pdf", "docx")),
              (stem, workbook, f"Danh sách đăng ký thi đua năm {year}", ("xlsx",))]
    return write_files(_jobs(papers), Path(folder), "danh sách đăng ký thi đua", progress)


def write_registration_files(store: Store, year: int, folder: Path, number: str = "", day: date | None = None,
                             progress=None) -> list[Path]:
    """Write the year's registration list (PDF, Word, Excel); number and date blank for the clerk by default."""
    return [item.path for item in export_registration(store, year, folder, number, day, progress)]


# ----------------------------------------------------------------------------- statistics


def export_statistics(store: Store, first_year: int, last_year: int, folder: Path, today: date | None = None,
                      progress=None) -> list[WrittenFile]:
    from app.documents.papers.award_statistics import (
        statistics_document,
        statistics_workbook,
    )

    statistics, profile = statistics_facts(store, first_year, last_year)
    stem = statistics_base_name(first_year, last_year)
    span = f"{first_year} - {last_year}" if first_year != last_year else str(first_year)
    papers = [(stem, statistics_document(statistics, profile, today or date.today()),
               f"Thống kê kết quả khen thưởng {span}", ("pdf",)),
              (stem, statistics_workbook(statistics), f"Thống kê kết quả khen thưởng {span}", ("xlsx",))]
    return write_files(_jobs(papers), Path(folder), "thống kê khen thưởng", progress)


def write_statistics_files(store: Store, first_year: int, last_year: int, folder: Path,
                           today: date | None = None, progress=None) -> list[Path]:
    """Write the award statistics of ``first_year``…``last_year`` (PDF, Excel) into ``folder``."""
    return [item.path for item in export_statistics(store, first_year, last_year, folder, today, progress)]


# ----------------------------------------------------------------------------- in the export package

DECISIONS_FOLDER = "quyet-dinh-cua-xa"


def _package_name(name: str, number: str, several: bool) -> str:
    """The file's name in the package: as written; with the decision's number when the year has several."""
    from app.exporters.package_names import ascii_words, windows_safe

    if not several:
        return name
    stem, _, extension = name.rpartition(".")
    return windows_safe(f"{stem}-so-{'-'.join(ascii_words(number)) or 'khong-so'}.{extension}")


def package_decision_items(store: Store, request, scratch: Path) -> list:
    """The export package's "decisions" content: every decision the commune Chairman issued in the year, the paper
    (PDF, Word when asked) and its list (Excel), in their own folder: the record of what the commune granted."""
    from app.exporters.package_request import PackItem
    from app.queries.package import issued_decisions

    decisions = issued_decisions(store, request.year)
    items = []
    for decision in decisions:
        for written in export_decision(store, decision.dossier_id, scratch / str(decision.dossier_id), request.today,
                                       word=request.word_copies):
            title = f"Quyết định số {decision.number} ngày {decision.signed_on:%d/%m/%Y}: {written.description}"
            name = _package_name(written.path.name, decision.number, len(decisions) > 1)
            items.append(PackItem(written.path, name, "decisions", title, "year", DECISIONS_FOLDER))
    return items
