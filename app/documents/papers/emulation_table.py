"""KẾT QUẢ ĐÁNH GIÁ TIÊU CHUẨN THI ĐUA of a year (A4 landscape): who meets the emulation criteria and why not.

Builds from the ``Evaluation`` read model and the commune profile. One table per
kind of subject (I. Tập thể, II. Cá nhân): a column per criterion code showing
Đạt / Không đạt / Chưa rõ, the result, and the reason of each criterion not met
or not known, named by its code; the codes' full texts are in the legend table
below. Every value is text, so the same document goes to PDF, Word and Excel: a paper in each, with the
Decree 30 header, the title, and the drafter's and the Chairman's signatures (Excel: header and title on
every sheet).
"""

from __future__ import annotations

from datetime import date

from app.documents.model import (
    Align,
    Column,
    Document,
    Orientation,
    Paragraph,
    Row,
    Signature,
    Signatures,
    Style,
    Table,
    TitleBlock,
    heading,
    para,
)
from app.documents.papers.common import chairman_signature, roman
from app.documents.papers.scoring_table import table_header
from app.domain.emulation import MARKS, UNKNOWN, Mark
from app.queries.models.emulation import (
    COLLECTIVE,
    OFFICIAL,
    SUBJECT_LABELS,
    Evaluation,
    Subject,
)
from app.queries.models.profile import CommuneProfile

SIZE = 11.0
DETAIL_TITLES = {COLLECTIVE: "Bộ phận", OFFICIAL: "Chức vụ"}
KIND_ORDER = (COLLECTIVE, OFFICIAL)  # I. Tập thể, II. Cá nhân
RESULTS = {True: "Đủ tiêu chuẩn", False: "Chưa đủ tiêu chuẩn", None: "Chưa rõ"}
LEGEND_COLUMNS = (
    Column("Mã", 0.8, Align.CENTER),
    Column("Tiêu chuẩn", 9.0, Align.JUSTIFY),
    Column("Áp dụng cho", 1.2, Align.CENTER),
)


def doc_title(year: int) -> str:
    return f"KẾT QUẢ ĐÁNH GIÁ TIÊU CHUẨN THI ĐUA NĂM {year}"


def _criteria(subjects: list[Subject]) -> tuple[Mark, ...]:
    """The criteria of one kind, in the set's order: every subject of a kind is judged on the same ones."""
    return subjects[0].marks if subjects else ()


def columns(kind: str, criteria: tuple[Mark, ...]) -> tuple[Column, ...]:
    """A narrow column per criterion ("Không đạt" wraps in two lines); the reasons take the most room."""
    return (
        Column("STT", 0.65, Align.CENTER),
        Column("Tên", 2.1),
        Column(DETAIL_TITLES[kind], 1.9),
        *(Column(mark.criterion_code, 0.8, Align.CENTER) for mark in criteria),
        Column("Kết quả", 1.3, Align.CENTER),
        Column("Lý do", 4.4),
    )


def _lines(marks: tuple[Mark, ...], state: str) -> list[str]:
    """ "CN.4 không đạt: why" per mark with a reason; those without one together: "Không đạt: CN.1, CN.2."."""
    lines = [f"{mark.criterion_code} {state}: {mark.reason}" for mark in marks if mark.reason]
    bare = [mark.criterion_code for mark in marks if not mark.reason]
    if bare:
        lines.append(f"{state[0].upper()}{state[1:]}: {', '.join(bare)}.")
    return lines


def reasons(subject: Subject) -> str:
    """ "Đạt tất cả tiêu chuẩn." or, criterion by criterion, why not: the ones not met, then the ones not known."""
    verdict = subject.verdict
    if verdict.qualifies or not (verdict.failing or verdict.unknown):
        return verdict.summary
    return "\n".join(_lines(verdict.failing, "không đạt") + _lines(verdict.unknown, "chưa rõ"))


def _row(number: int, subject: Subject) -> Row:
    marks = tuple(MARKS.get(mark.status, MARKS[UNKNOWN]) for mark in subject.marks)
    return Row((number, subject.name, subject.detail, *marks, RESULTS[subject.verdict.qualifies], reasons(subject)))


def subject_table(year: int, kind: str, subjects: list[Subject]) -> Table:
    criteria = _criteria(subjects)
    rows = tuple(_row(number, subject) for number, subject in enumerate(subjects, start=1))
    title = f"Đánh giá {SUBJECT_LABELS[kind].lower()} năm {year}"
    return Table(columns(kind, criteria), rows, title=title, size=SIZE)


def legend_table(evaluation: Evaluation) -> Table:
    rows = []
    for kind in KIND_ORDER:
        for mark in _criteria([s for s in evaluation.subjects if s.kind == kind]):
            rows.append(Row((mark.criterion_code, mark.criterion_name, SUBJECT_LABELS[kind])))
    return Table(LEGEND_COLUMNS, tuple(rows), title=f"Tiêu chuẩn thi đua năm {evaluation.year}", size=SIZE)


def _count_line(kind: str, subjects: list[Subject]) -> Paragraph:
    met = sum(1 for subject in subjects if subject.verdict.qualifies)
    return para(f"Có {met}/{len(subjects)} {SUBJECT_LABELS[kind].lower()} đủ tiêu chuẩn.", Style.PLAIN, italic=True)


def total_line(evaluation: Evaluation) -> Paragraph:
    """ "Tổng hợp: 1/2 tập thể, 8/11 cá nhân đủ tiêu chuẩn.": the result in one line, the one the signatures
    keep with when they go over to a new page (a signature never stands alone)."""
    parts = []
    for kind in KIND_ORDER:
        subjects = [subject for subject in evaluation.subjects if subject.kind == kind]
        if subjects:
            met = sum(1 for subject in subjects if subject.verdict.qualifies)
            parts.append(f"{met}/{len(subjects)} {SUBJECT_LABELS[kind].lower()}")
    return para(f"Tổng hợp: {', '.join(parts)} đủ tiêu chuẩn.", Style.PLAIN, bold=True)


def evaluation_blocks(evaluation: Evaluation) -> list:
    """The numbered parts, a kind with no subject left out, then the legend."""
    blocks: list = []
    number = 1
    for kind in KIND_ORDER:
        subjects = [subject for subject in evaluation.subjects if subject.kind == kind]
        if not subjects:
            continue
        blocks += [heading(f"{roman(number)}. {SUBJECT_LABELS[kind].upper()}", 1),
                   subject_table(evaluation.year, kind, subjects), _count_line(kind, subjects)]
        number += 1
    legend = legend_table(evaluation)
    if legend.rows:
        blocks += [heading("Ghi chú: nội dung các tiêu chuẩn", 3), legend]
    return blocks


DRAFTER = "NGƯỜI LẬP BIỂU"


def closing(profile: CommuneProfile) -> Signatures:
    """The drafter (the clerk who kept the evaluation) left, the Chairman who approves it right; a row of
    signatures, so the two names line up though the Chairman's block has one line more. No recipients: the
    evaluation goes with the report or the dossier."""
    return Signatures((Signature(DRAFTER, profile.clerk_name), chairman_signature(profile)))


def emulation_table(evaluation: Evaluation, profile: CommuneProfile, today: date | None = None) -> Document:
    """The whole result, A4 landscape, for PDF, Word and Excel; ``today`` None leaves the day and month blank."""
    blocks: list = [table_header(profile, today, evaluation.year), TitleBlock(doc_title(evaluation.year))]
    if evaluation.set_name.strip():
        blocks.append(para(f"(Bộ tiêu chuẩn: {evaluation.set_name.strip()})", Style.CENTERED, italic=True))
    blocks += evaluation_blocks(evaluation)
    blocks += [total_line(evaluation), closing(profile)]
    return Document(
        title=f"Kết quả đánh giá tiêu chuẩn thi đua năm {evaluation.year}",
        blocks=tuple(blocks),
        orientation=Orientation.LANDSCAPE,
        author=f"UBND xã {profile.commune_name}".strip(),
        subject=evaluation.set_name,
        paper_sheets=True,
    )
