"""Do the demo's editable copies survive a real office suite? Convert them with LibreOffice and look.

Run from the repository root (LibreOffice's ``soffice`` and poppler's ``pdftotext``/``pdftoppm`` on PATH):

    python -m tests.office.convert OUT_FOLDER [--png] [--only NAME_PART ...]

It builds the demo commune in a scratch data folder, exports every paper of 2024 (the package with its Word
copies, the Chairman's decisions, the registration list, the award statistics) into ``OUT_FOLDER/files``,
converts each .docx and .xlsx to PDF with ``soffice --headless --convert-to pdf`` into ``OUT_FOLDER/pdf``,
checks each PDF and prints a table; ``--png`` also draws every page (``OUT_FOLDER/png``) to look at.

The checks (``check_pdf``), each on what LibreOffice printed:
- a lonely page (Word copies): a page after the first with at most ``LONELY_LINES`` lines of text (a signer's
  name that fell alone onto the next page, the classic split signature block; a workbook's last page may
  rightly hold one row, so sheets are not asked);
- overprinted lines: two text lines on one page whose boxes overlap (a wrapped Excel row drawn over the next);
- a sane page count: at least one page, and for a Word copy no more than one page beyond the app's own PDF
  of the same paper, when the export wrote one beside it.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

LONELY_LINES = 3
OVERLAP_SHARE = 0.35  # of the smaller line's height: touching descenders are not an overprint
DEMO_YEAR = 2024
DEMO_TODAY = date(2024, 12, 20)  # the demo's December: every paper of the year is due
_XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass
class Finding:
    """What one converted file showed."""

    name: str
    pages: int
    own_pages: int | None = None
    lonely: list[int] = field(default_factory=list)
    overprints: list[str] = field(default_factory=list)

    @property
    def page_count_ok(self) -> bool:
        if self.pages < 1:
            return False
        return self.own_pages is None or self.pages <= self.own_pages + 1

    @property
    def ok(self) -> bool:
        return self.page_count_ok and not self.lonely and not self.overprints


# ----------------------------------------------------------------------------- exporting the demo


def export_demo(out: Path, today: date = DEMO_TODAY) -> list[Path]:
    """Every 2024 paper of the demo commune written into ``out`` (PDF, Word, Excel); returns the files."""
    from app.paths import DataFolder
    from app.startup import open_store

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cchc-office-") as scratch:
        store, _report = open_store(DataFolder(Path(scratch) / "data"), demo=True)
        try:
            _export_package(store, out, today)
            _export_commune_papers(store, out / "xa", today)
        finally:
            store.close()
    return sorted(path for path in out.rglob("*") if path.is_file())


def _export_package(store, out: Path, today: date) -> None:
    from app.exporters.package import build_package
    from app.exporters.package_contents import CONTENTS
    from app.exporters.package_request import PackageRequest

    contents = tuple(key for key in CONTENTS if key != "evidence")
    request = PackageRequest(DEMO_YEAR, contents, "year", make_zip=False, today=today, word_copies=True)
    result = build_package(store, request, out)
    result.folder.rename(out / "goi")


def _export_commune_papers(store, out: Path, today: date) -> None:
    """What the commune issues itself: each dossier's decision, the registration list, the statistics."""
    from app.errors import UserError
    from app.exporters import decision_files as files
    from app.queries.awards import year_dossiers

    for dossier in year_dossiers(store, DEMO_YEAR):
        try:
            files.export_decision(store, dossier.id, out / f"qd-{dossier.id}", today)
        except UserError:
            continue  # a dossier that goes wholly upward has no decision of the commune
    files.export_registration(store, DEMO_YEAR, out / "dangky")
    files.export_statistics(store, DEMO_YEAR - 4, DEMO_YEAR, out / "thongke", today)
    from app.exporters.criteria_workbook import write_template

    write_template(out / "MauBoTieuChi.xlsx")


# ----------------------------------------------------------------------------- converting


def soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(files: list[Path], out: Path) -> dict[Path, Path]:
    """Each file converted to PDF into ``out`` (one soffice run, its own profile so a running office is no
    obstacle); maps each source to its PDF. Two sources of one name in different folders get numbered."""
    out.mkdir(parents=True, exist_ok=True)
    staged = out.parent / "staged"
    staged.mkdir(exist_ok=True)
    sources: dict[Path, Path] = {}
    for number, source in enumerate(files, start=1):
        copy = staged / f"{number:02d}_{source.name}"
        shutil.copyfile(source, copy)
        sources[source] = copy
    with tempfile.TemporaryDirectory(prefix="cchc-lo-") as profile:
        command = [soffice(), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(out), *map(str, sources.values())]
        subprocess.run(command, check=True, capture_output=True, timeout=900)
    return {source: out / f"{copy.stem}.pdf" for source, copy in sources.items()}


# ----------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def page_lines(pdf: Path) -> list[list[Line]]:
    """The text lines of each page with their boxes (``pdftotext -bbox-layout``)."""
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    root = ElementTree.fromstring(xhtml)
    pages = []
    for page in root.iter(f"{_XHTML}page"):
        lines = []
        for line in page.iter(f"{_XHTML}line"):
            words = " ".join(word.text or "" for word in line.iter(f"{_XHTML}word")).strip()
            box = [float(line.get(key)) for key in ("xMin", "yMin", "xMax", "yMax")]
            if words:
                lines.append(Line(words, *box))
        pages.append(lines)
    return pages


def _overlap(a: Line, b: Line) -> bool:
    """Boxes sharing more than OVERLAP_SHARE of the smaller height, and some width."""
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return width > 1 and height > OVERLAP_SHARE * min(a.y1 - a.y0, b.y1 - b.y0)


def overprints(lines: list[Line]) -> list[str]:
    """Pairs of lines drawn over each other, as "text ⟂ text"."""
    found = []
    ordered = sorted(lines, key=lambda line: line.y0)
    for index, line in enumerate(ordered):
        for other in ordered[index + 1:]:
            if other.y0 >= line.y1:
                break
            if _overlap(line, other):
                found.append(f"{line.text[:30]} ⟂ {other.text[:30]}")
    return found


def _is_page_number(line: Line) -> bool:
    return bool(re.fullmatch(r"(Trang\s*)?\d+(\s*/\s*\d+)?", line.text))


def check_pdf(name: str, pdf: Path, own_pdf: Path | None = None, lonely: bool = True) -> Finding:
    """The lonely pages (when asked), overprinted lines and page count of one converted file."""
    pages = page_lines(pdf)
    finding = Finding(name, len(pages), len(page_lines(own_pdf)) if own_pdf and own_pdf.exists() else None)
    for number, lines in enumerate(pages, start=1):
        text = [line for line in lines if not _is_page_number(line)]
        if lonely and number > 1 and len(text) <= LONELY_LINES:
            finding.lonely.append(number)
        finding.overprints += [f"tr. {number}: {pair}" for pair in overprints(text)]
    return finding


def draw_pages(pdf: Path, out: Path) -> None:
    """Every page as a PNG (72 dpi) to look at."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "72", "-png", str(pdf), str(out / pdf.stem)], check=True)


def check_files(files: list[Path], out: Path, png: bool = False) -> list[Finding]:
    """Convert the .docx and .xlsx among ``files`` and check each; the app's own PDF beside a .docx counts too."""
    editable = [path for path in files if path.suffix in (".docx", ".xlsx")]
    findings = []
    for source, pdf in convert(editable, out / "pdf").items():
        own = source.with_suffix(".pdf") if source.suffix == ".docx" else None
        findings.append(check_pdf(f"{source.parent.name}/{source.name}", pdf, own, source.suffix == ".docx"))
        if png:
            draw_pages(pdf, out / "png")
    return findings


def table(findings: list[Finding]) -> str:
    """One line per file: pages (the app's own PDF), lonely pages, overprints, verdict."""
    lines = [f"{'tệp':58} {'trang':>9} {'trang lẻ':>9} {'đè dòng':>8}  kết quả"]
    for item in findings:
        pages = f"{item.pages}" + (f" ({item.own_pages})" if item.own_pages is not None else "")
        lonely = ",".join(map(str, item.lonely)) or "-"
        lines.append(f"{item.name[-58:]:58} {pages:>9} {lonely:>9} {len(item.overprints):>8}  "
                     f"{'đạt' if item.ok else 'KHÔNG ĐẠT'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--png", action="store_true")
    parser.add_argument("--only", nargs="*", default=[], help="only files whose name contains one of these")
    args = parser.parse_args(argv)
    if soffice() is None:
        print("Không tìm thấy LibreOffice (soffice): cài libreoffice-writer và libreoffice-calc rồi chạy lại.")
        return 2
    files = export_demo(args.out / "files")
    if args.only:
        files = [path for path in files if any(part in path.name for part in args.only)]
    findings = check_files(files, args.out, args.png)
    print(table(findings))
    for item in findings:
        for overprint in item.overprints[:5]:
            print(f"  {item.name}: {overprint}")
    return 0 if all(item.ok for item in findings) else 1


if __name__ == "__main__":
    sys.exit(main())
