"""Write an award dossier's papers to a folder, and hand them to the export package.

- ``TTr-KhenThuong-2024.pdf`` / ``.docx``: the TỜ TRÌNH with its DANH SÁCH on an attached page;
- ``DanhSach-KhenThuong-2024.xlsx``: the DANH SÁCH as an Excel sheet (names and notes as text);
- ``BB-HoiDongTDKT-2024.pdf`` / ``.docx``: the BIÊN BẢN of the council's meeting;
- ``BCTT-01-le-thi-mai.pdf`` / ``.docx``: the BÁO CÁO THÀNH TÍCH of each nominee the council carried (in the
  package: each the letter proposes), numbered as the letter lists them; none for a nominee not carried.

Names are ASCII and Windows-safe (``package_names``); the Vietnamese titles live
inside the files. Every file goes through the atomic renderers: written whole
or not at all. A dossier that is not ready (``dossier_readiness``) is refused
with everything missing listed, unless the clerk asks for a draft.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.errors import UserError
from app.exporters.package_names import ascii_words, windows_safe
from app.exporters.package_request import PackItem
from app.exporters.written import WrittenFile, write_files
from app.queries.awards import dossier_gaps, dossier_info, dossier_paper_facts
from app.queries.models.report_forms import dossier_purpose
from app.queries.plans import emulation_plan
from app.store import Store

SLUG_LENGTH = 40


def letter_base_name(year: int) -> str:
    return f"TTr-KhenThuong-{year}"


def list_base_name(year: int) -> str:
    return f"DanhSach-KhenThuong-{year}"


def minutes_base_name(year: int) -> str:
    return f"BB-HoiDongTDKT-{year}"


def report_base_name(number: int, name: str) -> str:
    """ "BCTT-01-le-thi-mai": the nominee's place in the list and the name folded to ASCII."""
    slug = "-".join(ascii_words(name))[:SLUG_LENGTH].strip("-") or "ten"
    return windows_safe(f"BCTT-{number:02d}-{slug}")


def check_ready(store: Store, dossier_id: int, year: int, today: date) -> None:
    """A UserError listing every gap (readiness), each on its own line, when the dossier is not ready."""
    missing = dossier_gaps(store, dossier_id, today)
    if missing:
        raise UserError(
            f"Hồ sơ khen thưởng năm {year} chưa đủ để in ({len(missing)} mục còn thiếu).",
            "Bổ sung các mục dưới đây rồi xuất lại; hoặc chọn in bản nháp khi chưa đủ.",
            "\n".join(f"- {item.what}" for item in missing),
        )


def campaign_plan(store: Store, year: int):
    """The year's emulation plan as the letter's Căn cứ line cites it (blanks when the year has none)."""
    from app.documents.papers.submission_letter import CampaignPlan

    plan = emulation_plan(store, year)
    return CampaignPlan() if plan is None else CampaignPlan(plan.number, plan.issue_date, plan.title)


def reported(facts, upward: bool) -> list:
    """Whose achievement report goes with the papers: the nominees the council carried (``facts.carried``, the
    set the letter, list, minutes and decision read), individuals then collectives as the letter numbers
    them; going ``upward`` (the package for the superior level), only those the letter proposes. A nominee
    not carried gets no report file: the readiness list says why it is left out."""
    from app.documents.papers.council_minutes import by_subject
    from app.documents.papers.submission_letter import letter_nominees

    chosen = list(facts.carried.carried)
    if upward:
        named = {item.id for item in letter_nominees(facts.nominations, facts.outcomes)}
        chosen = [item for item in chosen if item.id in named]
    return [item for _title, members in by_subject(chosen) for item in members]  # as the letter numbers them


def _documents(store: Store, dossier, today: date, upward: bool = False):
    """(file stem, document, description) for every paper of the dossier, in the order they are written."""
    from app.documents.papers.achievement_report import achievement_report
    from app.documents.papers.council_minutes import council_minutes
    from app.documents.papers.submission_letter import (
        nominee_list_workbook,
        submission_letter,
    )

    facts, year = dossier_paper_facts(store, dossier.id, today), dossier.year
    profile, listed, results, held = facts.profile, facts.nominations, facts.outcomes, facts.meeting
    letter = submission_letter(dossier, listed, results, profile, campaign_plan(store, year), held.held_on)
    out = [
        (letter_base_name(year), letter, "Tờ trình kèm danh sách đề nghị khen thưởng"),
        (list_base_name(year), nominee_list_workbook(dossier, listed, results, profile),
         "Danh sách đề nghị khen thưởng"),
        (minutes_base_name(year), council_minutes(dossier, held, listed, results, profile),
         "Biên bản họp Hội đồng Thi đua - Khen thưởng"),
    ]
    purpose = dossier_purpose(item.award.kind if item.award else None for item in listed)
    for number, item in enumerate(reported(facts, upward), start=1):
        report = achievement_report(item, dossier.form_version, profile, year, facts.records[item.id], facts.kinds,
                                    purpose)
        out.append((report_base_name(number, item.name), report, f"Báo cáo thành tích: {item.name}"))
    return out


def _renderers(word: bool = True):
    from app.documents.render_pdf import render_pdf
    from app.documents.render_xlsx import render_xlsx

    renderers = {"pdf": render_pdf, "xlsx": render_xlsx}
    if word:  # python-docx loads only when a Word copy is asked for
        from app.documents.render_docx import render_docx

        renderers["docx"] = render_docx
    return renderers


FORMAT_NAMES = {"pdf": "PDF", "docx": "Word, để chỉnh sửa", "xlsx": "Excel"}


def write_dossier_files(store: Store, dossier_id: int, folder: Path, today: date | None = None,
                        allow_incomplete: bool = False, progress=None) -> list[Path]:
    """Write the dossier's papers into ``folder`` (created if missing); returns the paths in writing order.

    Raises UserError, listing what ``readiness`` found missing, unless the dossier is ready or
    ``allow_incomplete`` asks for a draft (blank fields then print as dotted gaps).
    """
    written = export_dossier(store, dossier_id, folder, today, allow_incomplete, progress)
    return [item.path for item in written]


def export_dossier(store: Store, dossier_id: int, folder: Path, today: date | None = None,
                   allow_incomplete: bool = False, progress=None, word: bool = True,
                   upward: bool = False) -> list[WrittenFile]:
    """As ``write_dossier_files``, with each file's Vietnamese description (for the package index);
    without ``word``, no Word copies; ``upward``: the reports of those the letter proposes only."""
    today = today or date.today()
    dossier = dossier_info(store, dossier_id)
    if not allow_incomplete:
        check_ready(store, dossier_id, dossier.year, today)
    render = _renderers(word)
    jobs = []
    for stem, document, description in _documents(store, dossier, today, upward):
        kinds = ("xlsx",) if stem == list_base_name(dossier.year) else ("pdf", "docx") if word else ("pdf",)
        jobs += [(render[kind], document, f"{stem}.{kind}", f"{description} ({FORMAT_NAMES[kind]})") for kind in kinds]
    return write_files(jobs, Path(folder), "hồ sơ khen thưởng", progress)


def chosen_dossiers(store: Store, year: int, wanted: tuple[int, ...] | None, today: date | None) -> list:
    """The dossiers going upward in the package: those ``wanted`` (ids), or by default every dossier of the
    year with a nominee going upward. A UserError names a dossier that is not the year's or has nobody to send.

    A dossier whose carried nominees are all within the commune's authority ends with the Chairman's
    decision (the "decisions" content), not with a submission: it does not go to the superior level.
    """
    from app.queries.package import dossier_choices

    choices = dossier_choices(store, year, today)
    if wanted is None:
        return [choice for choice in choices if choice.goes_upward]
    if not wanted:
        raise UserError(f"Chưa chọn hồ sơ khen thưởng nào của năm {year} để đưa vào gói.",
                        "Đánh dấu ít nhất một hồ sơ, hoặc bỏ chọn “Hồ sơ đề nghị khen thưởng”.")
    by_id = {choice.id: choice for choice in choices}
    for number in wanted:
        if number not in by_id:
            raise UserError(f"Năm {year} không có hồ sơ khen thưởng số {number}.",
                            f"Chọn trong: {', '.join(str(key) for key in by_id) or 'chưa có hồ sơ nào'}.")
        if not by_id[number].goes_upward:
            raise UserError(f"Hồ sơ khen thưởng số {number} (“{by_id[number].campaign}”) không có ai đề nghị "
                            "cấp trên khen thưởng nên không có tờ trình để gửi.",
                            "Bỏ hồ sơ này khỏi gói; quyết định khen thưởng của xã đi trong mục "
                            "“Quyết định khen thưởng của xã”.")
    return [choice for choice in choices if choice.id in wanted]


def package_items(store: Store, request, scratch: Path) -> list:
    """The export package's "dossier" content: the chosen dossiers going upward (``chosen_dossiers``), each in
    its own subfolder when there are several; a dossier not ready stops the package with what is missing."""
    dossiers = chosen_dossiers(store, request.year, request.dossiers, request.today)
    items = []
    for index, dossier in enumerate(dossiers, start=1):
        subfolder = f"HoSoKhenThuong-{index}" if len(dossiers) > 1 else ""
        for written in export_dossier(store, dossier.id, scratch / str(dossier.id), request.today,
                                      word=request.word_copies, upward=True):
            title = f"Hồ sơ khen thưởng “{dossier.campaign}”: {written.description}"
            items.append(PackItem(written.path, written.path.name, "dossier", title, "year", subfolder))
    return items
