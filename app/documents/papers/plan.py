"""The KẾ HOẠCH paper (Decree 30/2020, Phụ lục III mẫu 1.4) and its task appendix (A4 landscape).

Builds from read models only: the plan, its areas with tasks, the commune profile.
A reform plan prints each task with its labelled lines (seed 002); an emulation
plan prints its content areas with their tasks as bullets (seed 000).
"""

from __future__ import annotations

from app.documents.model import (
    Align,
    Closing,
    Column,
    Document,
    GroupRow,
    Paragraph,
    Row,
    Signature,
    Style,
    Table,
    TitleBlock,
    heading,
    labelled,
    para,
)
from app.documents.papers.common import (
    basis_lines,
    commune_header,
    letter,
    recipients,
    roman,
    text_paragraphs,
)
from app.domain.plan_kinds import EMULATION, plan_kind
from app.queries.models.plans import Area, Plan, Task
from app.queries.models.profile import CommuneProfile

APPENDIX_COLUMNS = (
    Column("STT", 0.6, Align.CENTER),
    Column("Nội dung nhiệm vụ", 4.0, Align.JUSTIFY),
    Column("Chủ trì", 1.6),
    Column("Phối hợp", 1.8),
    Column("Sản phẩm", 2.6),
    Column("Thời gian hoàn thành", 1.6, Align.CENTER),
)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if not text or text.endswith((".", ";", ":", "!", "?")) else f"{text}."


def task_lines(task: Task) -> list[Paragraph]:
    """The labelled lines under a task, as seed 002 writes them."""
    lines = []
    for label, value in (
        ("- Chủ trì thực hiện: ", task.lead), ("- Phối hợp: ", "; ".join(task.coordinators)),
        ("- Sản phẩm: ", task.product), ("- Thời gian thực hiện: ", task.timeframe),
    ):
        if value.strip():
            lines.append(labelled(label, _sentence(value)))
    return lines


def _reform_tasks(areas: tuple[Area, ...]) -> list[Paragraph]:
    blocks: list[Paragraph] = []
    for number, area in enumerate(areas, start=1):
        blocks.append(heading(f"{number}. {area.title}", 2))
        for index, task in enumerate(area.tasks):
            blocks.append(para(f"{letter(index)}) {' '.join(task.title.split())}"))
            blocks.extend(text_paragraphs(task.detail))
            blocks.extend(task_lines(task))
    return blocks


def _shared(tasks: tuple[Task, ...], attribute: str) -> str | None:
    values = {getattr(task, attribute) for task in tasks}
    return values.pop() if len(values) == 1 else None


def _emulation_tasks(areas: tuple[Area, ...]) -> list[Paragraph]:
    """Areas a) b) … with "- task" bullets; one "Bộ phận thực hiện" line when all tasks share the lead."""
    blocks: list[Paragraph] = []
    for index, area in enumerate(areas):
        blocks.append(heading(f"{letter(index)}) {area.title}", 3))
        lead, coordinators = _shared(area.tasks, "lead"), _shared(area.tasks, "coordinators")
        for task in area.tasks:
            blocks.append(para(f"- {' '.join(task.title.split())}"))
            if lead is None or coordinators is None:
                blocks.extend(task_lines(task)[:-1] if not task.timeframe else task_lines(task))
        if area.tasks and lead is not None and coordinators is not None:
            if lead:
                blocks.append(labelled("Bộ phận thực hiện: ", _sentence(lead)))
            if coordinators:
                blocks.append(labelled("Bộ phận phối hợp: ", _sentence("; ".join(coordinators))))
    return blocks


def _sections_part(plan: Plan, sections, start: int) -> tuple[list[Paragraph], int]:
    """Numbered parts (roman) for the narrative sections that have text; returns the next number."""
    blocks: list[Paragraph] = []
    number = start
    for section in sections:
        body = plan.section(section.key)
        if not body.strip():
            continue
        blocks.append(heading(f"{roman(number)}. {section.heading.upper()}", 1))
        blocks.extend(text_paragraphs(body))
        number += 1
    return blocks, number


def _purpose_part(plan: Plan) -> list[Paragraph]:
    purpose, requirements = plan.section("purpose"), plan.section("requirements")
    if not (purpose.strip() or requirements.strip()):
        return []
    blocks = [heading("I. MỤC ĐÍCH, YÊU CẦU", 1)]
    for number, (title, body) in enumerate((("Mục đích", purpose), ("Yêu cầu", requirements)), start=1):
        if body.strip():
            blocks.append(heading(f"{number}. {title}", 2))
            blocks.extend(text_paragraphs(body))
    return blocks


def plan_body(plan: Plan, areas: tuple[Area, ...]) -> list[Paragraph]:
    kind = plan_kind(plan.kind)
    blocks = basis_lines(plan.legal_bases) + text_paragraphs(plan.intro)
    purpose = _purpose_part(plan)
    blocks += purpose
    number = 2 if purpose else 1
    before = [s for s in kind.sections_before_tasks if s.key not in ("purpose", "requirements")]
    part, number = _sections_part(plan, before, number)
    blocks += part
    heading_text = f"{kind.tasks_heading} NĂM {plan.year}" if plan.kind != EMULATION else kind.tasks_heading
    blocks.append(heading(f"{roman(number)}. {heading_text}", 1))
    blocks += _emulation_tasks(areas) if plan.kind == EMULATION else _reform_tasks(areas)
    part, _ = _sections_part(plan, kind.sections_after_tasks, number + 1)
    return blocks + part


def plan_closing(plan: Plan) -> Closing:
    signer = Signature(plan.signer_title.upper(), plan.signer_name, plan.signer_authority.upper())
    return Closing((signer,), recipients(plan.recipients))


def plan_document(plan: Plan, areas: tuple[Area, ...], profile: CommuneProfile) -> Document:
    """The whole KẾ HOẠCH paper, portrait, ready for ``render_pdf`` and ``render_docx``."""
    header = commune_header(profile.commune_name, profile.place_name, plan.number, plan.issue_date, plan.year)
    return Document(
        title=f"Kế hoạch {plan.title}",
        blocks=(header, TitleBlock("KẾ HOẠCH", (plan.title,)), *plan_body(plan, areas), plan_closing(plan)),
        author=f"UBND xã {profile.commune_name}".strip(),
    )


def appendix_table(areas: tuple[Area, ...], year: int) -> Table:
    rows: list[Row | GroupRow] = []
    for number, area in enumerate(areas, start=1):
        rows.append(GroupRow(f"{roman(number)}. {area.title}"))
        for index, task in enumerate(area.tasks, start=1):
            rows.append(Row((
                index, " ".join(task.title.split()), task.lead, "; ".join(task.coordinators),
                task.product, task.timeframe,
            )))
    return Table(APPENDIX_COLUMNS, tuple(rows), title=f"Nhiệm vụ {year}")


def plan_appendix(plan: Plan, areas: tuple[Area, ...], profile: CommuneProfile) -> Document:
    """The task table alone on A4 landscape pages, for PDF and Excel."""
    issued = f" ngày {plan.issue_date:%d/%m/%Y}" if plan.issue_date else ""
    number = plan.number if plan.number and not plan.number.startswith("/") else "…" + plan.number
    caption = f"(Kèm theo Kế hoạch số {number}{issued} của UBND xã {profile.commune_name})"
    blocks = (
        para("Phụ lục", Style.CENTERED, bold=True),
        para(f"DANH MỤC NHIỆM VỤ {plan_kind(plan.kind).label.upper()} NĂM {plan.year}", Style.CENTERED, bold=True),
        para(caption, Style.CENTERED, italic=True),
        appendix_table(areas, plan.year),
    )
    from app.documents.model import Orientation

    return Document(title=f"Phụ lục nhiệm vụ — Kế hoạch {plan.title}", blocks=blocks, orientation=Orientation.LANDSCAPE)
