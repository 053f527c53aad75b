"""Plans laid out the ways communes write them, generated from hand-labelled task lists.

Each family writes the same tasks (``tests/fixtures/plan_layouts/*.json``) in one layout a
real plan uses: lettered tasks with label lines, sub-headings over "-" bullets, every label
on one line, labels in brackets after the sentence, tables in Word with one or two header
rows and numbered area rows, tables pasted as text (tabs or "|"). Each family is written
with several label vocabularies, so a score measures the rule, not one wording.
``documents()`` yields (family, vocabulary, file name, bytes, expected areas).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "plan_layouts"
TASK_LISTS = ("tasks_seed002.json", "tasks_own.json")
def roman(number: int) -> str:
    """ "I", "IV", "XIV" … for an area row's STT."""
    digits = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    text = ""
    for value, letters in digits:
        while number >= value:
            text, number = text + letters, number - value
    return text


LETTERS = "abcdefghiklmnopqrstuvxy"

# label words for (lead, coordinators, product, timeframe), as plans write them in text
TEXT_VOCABULARIES = {
    "seed": ("Chủ trì thực hiện", "Phối hợp thực hiện", "Sản phẩm", "Thời gian thực hiện"),
    "co-quan": ("Cơ quan chủ trì", "Cơ quan phối hợp", "Dự kiến sản phẩm", "Thời hạn hoàn thành"),
    "trach-nhiem": ("Chịu trách nhiệm", "Đơn vị phối hợp", "Kết quả", "Hạn hoàn thành"),
    "tham-muu": ("Công chức tham mưu", "Phối hợp", "Hình thức sản phẩm", "Thời điểm hoàn thành"),
}
# column headers (content, lead, coordinators, product, timeframe) of task tables
TABLE_VOCABULARIES = {
    "seed": ("Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Sản phẩm", "Thời gian"),
    "don-vi": ("Nhiệm vụ", "Đơn vị, cá nhân thực hiện", "Cơ quan phối hợp", "Dự kiến sản phẩm",
               "Thời gian hoàn thành"),
    "lanh-dao": ("Nội dung công việc", "Lãnh đạo phụ trách", "Bộ phận phối hợp", "Hình thức sản phẩm", "Thời hạn"),
    "phan-cong": ("Tên nhiệm vụ", "Phân công thực hiện", "Đơn vị phối hợp", "Kết quả", "Hoàn thành"),
}
HEADER = ("ỦY BAN NHÂN DÂN\nXÃ THANH BÌNH\nSố: 12/KH-UBND\nThanh Bình, ngày 05 tháng 01 năm 2027\n"
          "KẾ HOẠCH\nCải cách hành chính năm 2027\n"
          "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao chất lượng phục vụ người dân.\n"
          "II. NỘI DUNG, NHIỆM VỤ TRỌNG TÂM\n")
FOOTER = ("III. TỔ CHỨC THỰC HIỆN\nCác công chức căn cứ nhiệm vụ được giao tổ chức thực hiện.\n"
          "Nơi nhận:\n- UBND huyện;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn An\n")


@dataclass(frozen=True)
class Family:
    """A way of laying out a plan: ``write(areas, vocabulary)`` gives the document's text or .docx bytes."""

    name: str
    suffix: str
    vocabularies: dict
    write: Callable[[list[dict], tuple], str | bytes]


def task_lists() -> list[list[dict]]:
    """The hand-labelled task lists: [{"name", "tasks": [{"title", "lead", "coordinators", …}]}]."""
    return [json.loads((FIXTURES / name).read_text(encoding="utf-8"))["areas"] for name in TASK_LISTS]


def _coordinators(task: dict) -> str:
    return "; ".join(task["coordinators"])


def _values(task: dict) -> tuple[str, str, str, str]:
    return task["lead"], _coordinators(task), task["product"], task["timeframe"]


def _label_lines(task: dict, vocabulary: tuple, bullet: str) -> list[str]:
    return [f"{bullet}{label}: {value}." for label, value in zip(vocabulary, _values(task)) if value]


def _title(task: dict) -> str:
    return task["title"].rstrip(".")


def _lettered(areas, vocabulary) -> str:
    lines = []
    for number, area in enumerate(areas, start=1):
        lines.append(f"{number}. {area['name']}")
        for letter, task in zip(LETTERS, area["tasks"]):
            lines += [f"{letter}) {_title(task)}.", *_label_lines(task, vocabulary, "- ")]
    return HEADER + "\n".join(lines) + "\n" + FOOTER


def _subheadings(areas, vocabulary) -> str:
    lines = []
    for number, area in enumerate(areas, start=1):
        lines += [f"{number}. {area['name']}", "a) Mục tiêu: nâng cao hiệu quả công tác trong lĩnh vực.",
                  "b) Chỉ tiêu: 100% nhiệm vụ hoàn thành đúng hạn.", "c) Nhiệm vụ, giải pháp:"]
        for task in area["tasks"]:
            lines += [f"- {_title(task)}.", *_label_lines(task, vocabulary, "+ ")]
    return HEADER + "\n".join(lines) + "\n" + FOOTER


def _one_line(separator: str) -> Callable:
    def write(areas, vocabulary) -> str:
        lines = []
        for number, area in enumerate(areas, start=1):
            lines.append(f"{number}. {area['name']}")
            for index, task in enumerate(area["tasks"], start=1):
                pairs = [(label, value) for label, value in zip(vocabulary, _values(task)) if value]
                labels = [f"{label if i == 0 else label[0].lower() + label[1:]}: {value}"
                          for i, (label, value) in enumerate(pairs)]
                lines += [f"{number}.{index}. {_title(task)}.", f"{separator} ".join(labels) + "."]
        return HEADER + "\n".join(lines) + "\n" + FOOTER
    return write


def _bracketed(areas, vocabulary) -> str:
    lines = []
    for number, area in enumerate(areas, start=1):
        lines.append(f"{number}. {area['name']}")
        for task in area["tasks"]:
            pairs = [f"{label}: {value}" for label, value in zip(vocabulary, _values(task)) if value]
            lines.append(f"- {_title(task)} ({'; '.join(pairs)}).")
    return HEADER + "\n".join(lines) + "\n" + FOOTER


def _paragraphs(areas, vocabulary) -> str:
    lines = []
    for number, area in enumerate(areas, start=1):
        lines.append(f"{number}. {area['name']}")
        for task in area["tasks"]:
            lines += ["", f"{_title(task)}.", *_label_lines(task, vocabulary, "")]
    return HEADER + "\n".join(lines) + "\n" + FOOTER


def _wrapped(width: int) -> Callable:
    """A text layout hard-wrapped at ``width`` columns, as a plan copied out of a PDF comes."""
    import textwrap

    def write(areas, vocabulary) -> str:
        lines = []
        for line in _lettered(areas, vocabulary).split("\n"):
            lines += textwrap.wrap(line, width) or [""]
        return "\n".join(lines)
    return write


def _mixed_bold(areas, vocabulary) -> str:
    """Each task with the next vocabulary's labels, in bold (markdown from a converter), tasks numbered "1.1"."""
    vocabularies = list(TEXT_VOCABULARIES.values())
    lines, turn = [], vocabularies.index(vocabulary)
    for number, area in enumerate(areas, start=1):
        lines.append(f"**{number}. {area['name']}**")
        for index, task in enumerate(area["tasks"], start=1):
            turn += 1
            labels = vocabularies[turn % len(vocabularies)]
            lines.append(f"{number}.{index}. {_title(task)}.")
            lines += [f"- **{label}:** {value}." for label, value in zip(labels, _values(task)) if value]
    return HEADER + "\n".join(lines) + "\n" + FOOTER


def _table_rows(areas, numbered_areas: bool) -> Iterator[tuple[str, ...]]:
    """("area", stt, name) and ("task", stt, title, lead, coordinators, product, timeframe) rows."""
    for number, area in enumerate(areas, start=1):
        yield ("area", str(number) if numbered_areas else roman(number), area["name"])
        for index, task in enumerate(area["tasks"], start=1):
            stt = f"{number}.{index}" if numbered_areas else str(index)
            yield ("task", stt, _title(task), *_values(task))


def _pasted(separator: str, numbered_areas: bool) -> Callable:
    def write(areas, vocabulary) -> str:
        def row(cells) -> str:
            text = separator.join(cells)
            return f"| {text} |" if separator == " | " else text
        lines = [row(("STT", *vocabulary))]
        if separator == " | ":
            lines.append(row(["---"] * (len(vocabulary) + 1)))
        for kind, stt, *rest in _table_rows(areas, numbered_areas):
            lines.append(row((stt, rest[0], "", "", "", "")) if kind == "area" else row((stt, *rest)))
        return HEADER + "\n".join(lines) + "\n" + FOOTER
    return write


def _pasted_two_rows(areas, vocabulary) -> str:
    """Tab-separated cells under a two-row header: the group cell over "Chủ trì", "Phối hợp"."""
    lines = ["\t".join(("STT", vocabulary[0], "Đơn vị thực hiện", "", vocabulary[3], vocabulary[4])),
             "\t".join(("", "", "Chủ trì", "Phối hợp", "", ""))]
    for kind, stt, *rest in _table_rows(areas, numbered_areas=False):
        lines.append("\t".join((stt, rest[0], "", "", "", "") if kind == "area" else (stt, *rest)))
    return HEADER + "\n".join(lines) + "\n" + FOOTER


def _docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_text(text_writer: Callable) -> Callable:
    """A text layout typed into Word, one paragraph per line, headings in bold."""
    def write(areas, vocabulary) -> bytes:
        import docx

        document = docx.Document()
        for line in text_writer(areas, vocabulary).split("\n"):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(line)
            run.bold = bool(re.match(r"^\d+\. ", line)) or line.isupper()
        return _docx_bytes(document)
    return write


def _docx_table(two_row_header: bool, numbered_areas: bool) -> Callable:
    def write(areas, vocabulary) -> bytes:
        import docx

        document = docx.Document()
        for line in HEADER.strip().split("\n"):
            document.add_paragraph(line)
        table = document.add_table(rows=0, cols=6)
        _header_rows(table, vocabulary, two_row_header)
        for kind, stt, *rest in _table_rows(areas, numbered_areas):
            cells = table.add_row().cells
            cells[0].text = stt
            if kind == "area":
                cells[1].merge(cells[5]).text = rest[0]
            else:
                for cell, value in zip(cells[1:], rest):
                    cell.text = value
        for line in FOOTER.strip().split("\n"):
            document.add_paragraph(line)
        return _docx_bytes(document)
    return write


def _docx_cells_on_lines(areas, vocabulary) -> bytes:
    """A Word table without STT: area rows merged across, coordinators one per line, a detail line under titles."""
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    table = document.add_table(rows=0, cols=5)
    for cell, text in zip(table.add_row().cells, vocabulary):
        cell.text = text
    for area in areas:
        cells = table.add_row().cells
        cells[0].merge(cells[4]).text = area["name"]
        for task in area["tasks"]:
            cells = table.add_row().cells
            cells[0].text = _title(task) + "\nTriển khai theo hướng dẫn của huyện."
            cells[1].text = task["lead"]
            cells[2].text = "\n".join(task["coordinators"])
            cells[3].text, cells[4].text = task["product"], task["timeframe"]
    return _docx_bytes(document)


def _header_rows(table, vocabulary, two_rows: bool) -> None:
    first = table.add_row().cells
    for cell, text in zip(first, ("STT", *vocabulary)):
        cell.text = text
    if not two_rows:
        return
    second = table.add_row().cells
    group = first[2].merge(first[3])
    group.text = "Đơn vị thực hiện"
    second[2].text, second[3].text = "Chủ trì", "Phối hợp"
    for index in (0, 1, 4, 5):
        first[index].merge(second[index])


FAMILIES = (
    Family("text: a) tasks, label lines", ".txt", TEXT_VOCABULARIES, _lettered),
    Family("text: sub-headings, - tasks", ".txt", TEXT_VOCABULARIES, _subheadings),
    Family("text: labels on one line ;", ".txt", TEXT_VOCABULARIES, _one_line(";")),
    Family("text: labels on one line .,", ".txt", TEXT_VOCABULARIES, _one_line(".")),
    Family("text: labels in brackets", ".txt", TEXT_VOCABULARIES, _bracketed),
    Family("text: paragraphs + labels", ".txt", TEXT_VOCABULARIES, _paragraphs),
    Family("pasted table: tabs", ".txt", TABLE_VOCABULARIES, _pasted("\t", numbered_areas=False)),
    Family("pasted table: | 1 / 1.1", ".txt", TABLE_VOCABULARIES, _pasted(" | ", numbered_areas=True)),
    Family("docx: paragraphs, sub-headings", ".docx", TEXT_VOCABULARIES, _docx_text(_subheadings)),
    Family("docx: paragraphs, one line", ".docx", TEXT_VOCABULARIES, _docx_text(_one_line(","))),
    Family("docx: table, roman areas", ".docx", TABLE_VOCABULARIES, _docx_table(False, False)),
    Family("docx: table, 1 / 1.1 rows", ".docx", TABLE_VOCABULARIES, _docx_table(False, True)),
    Family("docx: table, 2-row header", ".docx", TABLE_VOCABULARIES, _docx_table(True, True)),
    Family("text: wrapped at 72 columns", ".txt", TEXT_VOCABULARIES, _wrapped(72)),
    Family("text: mixed bold labels, 1.1", ".txt", TEXT_VOCABULARIES, _mixed_bold),
    Family("pasted table: tabs, 2-row head", ".txt", TABLE_VOCABULARIES, _pasted_two_rows),
    Family("docx: table, no STT, cell lines", ".docx", TABLE_VOCABULARIES, _docx_cells_on_lines),
)


def documents(family: Family) -> Iterator[tuple[str, str, bytes, list[dict]]]:
    """(vocabulary name, file name, bytes, areas with their expected tasks) for each vocabulary × task list."""
    for list_number, areas in enumerate(task_lists(), start=1):
        for vocabulary_name, vocabulary in family.vocabularies.items():
            written = family.write(areas, vocabulary)
            data = written.encode("utf-8") if isinstance(written, str) else written
            yield vocabulary_name, f"plan{list_number}-{vocabulary_name}{family.suffix}", data, areas
