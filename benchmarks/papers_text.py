"""Every paper of the demo commune as text, to prove a refactoring prints the same papers.

    python benchmarks/papers_text.py dump OUT            (run on each tree: PYTHONPATH=TREE)
    python benchmarks/papers_text.py compare OUT_A OUT_B

``dump`` loads the demo commune into a fresh folder, exports every paper it can (plans, progress
reports of every period, scoring and emulation tables, registration lists, statistics, certificates,
award dossiers and decisions, whole packages) with a fixed date, and writes ``OUT/dump.json``: each call's
outcome (ok, or the clerk's message) and the text of every file (PDF text, Word paragraphs and tables,
Excel cells, a zip's listing). ``compare`` says how many files differ once what carries the clock is
dropped (export time, hashes and sizes in the manifest, DANH_MUC's time line, sizes in a zip); exit 1 if any.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import zipfile
from datetime import date
from pathlib import Path

TODAY = date(2025, 3, 15)


def text_of(path: Path) -> str:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    if path.suffix == ".docx":
        import docx

        document = docx.Document(path)
        parts = [paragraph.text for paragraph in document.paragraphs]
        parts += [" | ".join(cell.text for cell in row.cells) for table in document.tables for row in table.rows]
        for section in document.sections:
            parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
        return "\n".join(parts)
    if path.suffix == ".xlsx":
        import openpyxl

        book = openpyxl.load_workbook(path)
        return "\n".join(f"{sheet.title}!{cell.coordinate}={cell.value!r}" for sheet in book
                         for row in sheet.iter_rows() for cell in row if cell.value is not None)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            return "\n".join(sorted(f"{i.filename}:{i.file_size}" for i in archive.infolist()
                                    if not i.filename.endswith(".json")))
    if path.suffix in (".txt", ".json"):
        return path.read_text(encoding="utf-8")
    return f"bytes:{path.stat().st_size}"


def _export_year(store, year: int, out: Path, attempt) -> None:
    from app.exporters import decision_files, scoring_files
    from app.exporters.package import PackageRequest, build_package
    from app.exporters.plan_papers import export_plan_papers
    from app.exporters.progress_report_files import export_progress_report
    from app.services.certificates import write_year_certificates
    from app.services.plans import list_plans

    for plan in list_plans(store, year):
        attempt(f"plan{plan.id}", lambda: export_plan_papers(store, plan.id, out / f"plan{plan.id}"))
    for period in ("q1", "h1", "q3", "year"):
        attempt(f"report{year}{period}",
                lambda: export_progress_report(store, year, period, out / f"report{year}{period}", None, TODAY))
    attempt(f"scoring{year}", lambda: scoring_files.write_scoring_files(store, year, out / f"scoring{year}", today=TODAY))
    attempt(f"emulation{year}", lambda: scoring_files.write_emulation_files(store, year, out / f"emu{year}", today=TODAY))
    attempt(f"registration{year}",
            lambda: decision_files.export_registration(store, year, out / f"reg{year}", "12/DK", date(year, 1, 20)))
    attempt(f"stats{year}", lambda: decision_files.export_statistics(store, year - 2, year, out / f"stats{year}", TODAY))
    attempt(f"certs{year}", lambda: write_year_certificates(store, year, out / f"certs{year}.pdf"))
    for contents in (("plan", "report", "scores", "dossier", "evidence"), ("plan", "report", "evidence")):
        target = out / f"pkg{year}-{len(contents)}"
        target.mkdir(parents=True, exist_ok=True)
        request = PackageRequest(year, contents=contents, word_copies=True, today=TODAY)
        attempt(f"package{year}-{len(contents)}", lambda: build_package(store, request, target))


def dump(out: Path) -> dict:
    from app.errors import UserError
    from app.exporters import decision_files, dossier_files
    from app.paths import DataFolder
    from app.services.dossier import list_dossiers
    from app.startup import open_store

    results = {}

    def attempt(name, call) -> None:
        try:
            call()
            results[name] = "ok"
        except UserError as error:
            results[name] = f"UserError: {error}"

    files = out / "files"
    store, _report = open_store(DataFolder(Path(tempfile.mkdtemp()) / "data"), demo=True)
    try:
        for year in (2023, 2024, 2025):
            _export_year(store, year, files, attempt)
        for dossier in list_dossiers(store):
            attempt(f"dossier{dossier.id}", lambda: dossier_files.export_dossier(store, dossier.id, files / f"dossier{dossier.id}", TODAY))
            attempt(f"decision{dossier.id}", lambda: decision_files.export_decision(store, dossier.id, files / f"decision{dossier.id}", TODAY))
    finally:
        store.close()
    texts = {path.relative_to(files).as_posix(): text_of(path) for path in sorted(files.rglob("*")) if path.is_file()}
    return {"results": results, "texts": texts}


def _without_clock(name: str, text: str) -> str:
    if name.endswith("manifest.json"):
        return re.sub(r'"(exported_at|sha256|size)": [^\n]*', "", text)
    if name.endswith("DANH_MUC.txt"):
        return re.sub(r"Xuất lúc [^\n]*", "", text)
    if name.endswith(".zip"):
        return re.sub(r":\d+$", "", text, flags=re.M)
    return text


def compare(first: dict, second: dict) -> list[str]:
    """What differs: calls with another outcome, files only on one side, files whose text differs."""
    calls = [name for name in first["results"].keys() | second["results"].keys()
             if first["results"].get(name) != second["results"].get(name)]
    files = first["texts"].keys() ^ second["texts"].keys()
    texts = [name for name in first["texts"].keys() & second["texts"].keys()
             if _without_clock(name, first["texts"][name]) != _without_clock(name, second["texts"][name])]
    return sorted(calls) + sorted(files) + sorted(texts)


def main(argv: list[str]) -> int:
    if argv[:1] == ["dump"] and len(argv) == 2:
        out = Path(argv[1])
        out.mkdir(parents=True)
        data = dump(out)
        (out / "dump.json").write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        print(f"{len(data['results'])} export calls, {len(data['texts'])} files: {out / 'dump.json'}")
        return 0
    if argv[:1] == ["compare"] and len(argv) == 3:
        first, second = (json.loads((Path(d) / "dump.json").read_text(encoding="utf-8")) for d in argv[1:])
        differences = compare(first, second)
        print(f"{len(first['results'])} export calls, {len(first['texts'])} files; {len(differences)} differ",
              *differences, sep="\n")
        return 1 if differences else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
