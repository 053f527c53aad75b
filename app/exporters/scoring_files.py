"""Write the year's self-scoring and emulation evaluation to a folder.

- the biểu tự chấm điểm: ``TuChamDiem-CCHC-2024.pdf`` (A4 landscape) and
  ``TuChamDiem-CCHC-2024.xlsx`` (points and totals as numbers, never formulas);
- the emulation evaluation: ``DanhGia-ThiDua-2024.pdf``, ``.docx`` (a paper: header, title, signatures)
  and ``.xlsx`` (the same header and title over each table).

File names are ASCII, named like the other papers (``KH-CCHC-2024``,
``BC-CCHC-2024-nam``), so they survive any USB stick, e-mail gateway or
Windows code page; the Vietnamese titles live inside the files. Each file is
written whole or not at all (the renderers write atomically).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.errors import UserError
from app.exporters.written import write_files
from app.queries.models.emulation import Evaluation
from app.queries.models.scoring import ScoreSheet
from app.queries.profile import commune_profile
from app.queries.year_papers import emulation_day, scoring_day, year_emulation, year_scoring
from app.store import Store

FORMATS = ("pdf", "xlsx")
EMULATION_FORMATS = ("pdf", "docx", "xlsx")
FORMAT_NAMES = {"pdf": "PDF, khổ ngang", "xlsx": "Excel", "docx": "Word, để chỉnh sửa"}


def scoring_base_name(year: int) -> str:
    """ "TuChamDiem-CCHC-2024": the biểu's file name without extension."""
    return f"TuChamDiem-CCHC-{year}"


def emulation_base_name(year: int) -> str:
    """ "DanhGia-ThiDua-2024": the evaluation's file name without extension."""
    return f"DanhGia-ThiDua-{year}"


def scoring_title(year: int) -> str:
    return f"Biểu tự chấm điểm Chỉ số CCHC năm {year}"


def emulation_title(year: int) -> str:
    return f"Kết quả đánh giá tiêu chuẩn thi đua năm {year}"


def format_name(path: Path) -> str:
    """ "Excel" for a .xlsx: what a file is, for descriptions and the package index."""
    return FORMAT_NAMES.get(path.suffix.lower().lstrip("."), path.suffix.lstrip("."))


# ----------------------------------------------------------------------------- what there is to write


def _scored(sheet: ScoreSheet | None) -> bool:
    return sheet is not None and sheet.scored > 0


def _judged(result: Evaluation | None) -> bool:
    return result is not None and bool(result.subjects)


def has_scoring(store: Store, year: int, today: date | None = None) -> bool:
    """Whether the year has a self-scoring with at least one score: what the package asks before writing."""
    return _scored(year_scoring(store, year, today))


def has_emulation(store: Store, year: int, today: date | None = None) -> bool:
    """Whether the year's emulation evaluation has started and has someone to judge."""
    return _judged(year_emulation(store, year, today))


def year_sheet(store: Store, year: int, today: date) -> ScoreSheet:
    """The year's scoring, or a Vietnamese UserError saying what to do first."""
    sheet = year_scoring(store, year, today)
    if sheet is None:
        raise UserError(f"Năm {year} chưa tự chấm điểm Chỉ số CCHC nên chưa có biểu để xuất.",
                        f"Vào mục Chấm điểm, chọn bộ tiêu chí cho năm {year} và nhập điểm, rồi xuất lại.")
    if not _scored(sheet):
        raise UserError(f"Năm {year} đã chọn bộ tiêu chí nhưng chưa chấm tiêu chí nào.",
                        "Nhập điểm ít nhất một tiêu chí, rồi xuất lại.")
    return sheet


def year_evaluation(store: Store, year: int, today: date) -> Evaluation:
    """The year's emulation evaluation, or a Vietnamese UserError saying what to do first."""
    result = year_emulation(store, year, today)
    if result is None:
        raise UserError(f"Năm {year} chưa đánh giá tiêu chuẩn thi đua nên chưa có kết quả để xuất.",
                        f"Vào mục Thi đua, chọn bộ tiêu chuẩn thi đua cho năm {year}, rồi xuất lại.")
    if not _judged(result):
        raise UserError(f"Năm {year} chưa có tập thể hay cá nhân nào để đánh giá thi đua.",
                        "Thêm cán bộ, công chức hoặc tập thể trong Danh mục, rồi xuất lại.")
    return result


# ----------------------------------------------------------------------------- writing


def _renderer(kind: str):
    """The renderer of a format, imported only when asked for (starting the app loads none of them)."""
    if kind == "pdf":
        from app.documents.render_pdf import render_pdf

        return render_pdf
    if kind == "xlsx":
        from app.documents.render_xlsx import render_xlsx

        return render_xlsx
    if kind == "docx":
        from app.documents.render_docx import render_docx

        return render_docx
    raise ValueError(f"unknown format {kind!r}; use pdf, xlsx or docx")


def _check(formats) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(kind.lower().lstrip(".") for kind in formats))
    for kind in formats:
        _renderer(kind)  # an unknown format fails before anything is written
    return formats


def write_scoring_files(store: Store, year: int, folder: Path, formats=FORMATS, today: date | None = None,
                        progress=None) -> list[Path]:
    """Write the biểu tự chấm điểm of ``year`` into ``folder`` (created if missing), one file per format.

    The PDF (and Word) copy prints points "0,25" and the table's own date (``scoring_day``: the date
    the clerk set, else the year report's deadline for a past year, else ``today``); the Excel copy
    holds numbers. Raises UserError when the year has no scoring.
    """
    from app.documents.papers.scoring_table import scoring_table, scoring_workbook

    formats, today = _check(formats), today or date.today()
    sheet, profile = year_sheet(store, year, today), commune_profile(store)
    day = scoring_day(store, year, today)
    paper = scoring_table(sheet, profile.addressed_on(day), day)
    documents = {"pdf": paper, "docx": paper, "xlsx": scoring_workbook(sheet, profile)}
    stem, title = scoring_base_name(year), scoring_title(year)
    jobs = [(_renderer(kind), documents[kind], f"{stem}.{kind}", f"{title} ({FORMAT_NAMES[kind]})") for kind in formats]
    return [written.path for written in write_files(jobs, Path(folder), "biểu tự chấm điểm", progress)]


def write_emulation_files(store: Store, year: int, folder: Path, formats=EMULATION_FORMATS,
                          today: date | None = None, progress=None) -> list[Path]:
    """Write the emulation evaluation of ``year`` into ``folder``: the same paper in every format.

    Raises UserError when the year's evaluation has not started or has nobody to judge.
    """
    from app.documents.papers.emulation_table import emulation_table

    formats, today = _check(formats), today or date.today()
    day = emulation_day(store, year, today)
    document = emulation_table(year_evaluation(store, year, today), commune_profile(store).addressed_on(day), day)
    stem, title = emulation_base_name(year), emulation_title(year)
    jobs = [(_renderer(kind), document, f"{stem}.{kind}", f"{title} ({FORMAT_NAMES[kind]})") for kind in formats]
    return [written.path for written in write_files(jobs, Path(folder), "kết quả đánh giá thi đua", progress)]
