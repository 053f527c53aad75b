"""Certificates printed on pre-printed blanks (phôi giấy khen): where each field goes, and its text.

The frame and the national title are already on the paper; only the fields are
printed, each inside a box measured on the blank in millimetres from the page's
top-left corner. A layout is data (JSON), shared between communes, so it is
validated on the way in with messages that name the field.

Text is set top-aligned in its box: wrapped by words, then shrunk by 0,5 pt
steps down to the box's smallest size. The first baseline leaves room above
for Vietnamese capitals with stacked marks ("Ẫ", "Ể" reach 0,92 em in Times
New Roman and Liberation Serif) and the last line room below for "g", "ỵ".
Text that does not fit even at the smallest size is flagged, never printed
over the frame. Standard library only: widths come from a ``measure`` callable.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from app.domain.dates import place_and_date, short_date

FORMAT = "cchc-xa/certificate-layout"
VERSION = 1
MM_PER_PT = 25.4 / 72
ASCENT_EM = 0.98  # room above the first baseline: stacked marks on capitals reach 0.92 em
DESCENT_EM = 0.24  # room below the last baseline: descenders and the dot below reach 0.22 em
LEADING_EM = 1.25  # baseline to baseline
SHRINK_STEP = 0.5

FONTS = ("serif", "serif-bold", "serif-italic", "serif-bold-italic")
ALIGNS = ("left", "center", "right")
FIELD_LABELS = {
    "honorific_name": "Ông/Bà và họ tên",
    "name": "Họ tên (không có Ông/Bà)",
    "position": "Chức vụ, đơn vị",
    "achievement": "Thành tích",
    "award_name": "Danh hiệu, hình thức khen thưởng",
    "year": "Năm",
    "decision": "Số quyết định",
    "decision_date": "Ngày quyết định",
    "place_date": "Địa danh, ngày tháng năm",
    "issuer": "Người tặng (Chủ tịch UBND xã …)",
    "signer_title": "Chức vụ người ký",
    "signer_name": "Họ tên người ký",
}

Measure = Callable[[str, float], float]  # (text, size in pt) -> width in mm


class LayoutInvalid(ValueError):
    """A layout that cannot be used; ``problems`` are Vietnamese sentences naming the field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class FieldBox:
    """One printed field: its box in mm from the page's top-left corner, and how its text is set."""

    key: str
    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float
    font: str = "serif"
    size_pt: float = 14.0
    min_size_pt: float = 14.0
    align: str = "center"
    upper: bool = False

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.key, self.key)

    @property
    def bold(self) -> bool:
        return "bold" in self.font

    @property
    def italic(self) -> bool:
        return "italic" in self.font

    def shown(self, text: str) -> str:
        """The text as printed in this box (capitals when ``upper``)."""
        return text.upper() if self.upper else text


@dataclass(frozen=True)
class CertificateLayout:
    name: str
    page_width_mm: float
    page_height_mm: float
    fields: tuple[FieldBox, ...]
    award_key: str = ""  # empty: any award the decision grants
    note: str = ""

    def box(self, key: str) -> FieldBox | None:
        return next((box for box in self.fields if box.key == key), None)


@dataclass(frozen=True)
class CertificatePage:
    """One certificate: whom it is for (to name them in messages) and the text of every field."""

    nominee: str
    values: dict[str, str] = field(default_factory=dict)


# --- fitting text into a box --------------------------------------------------------------------

class Fit(NamedTuple):
    lines: tuple[str, ...]
    size: float
    overflow: bool = False


def text_height_mm(line_count: int, size: float) -> float:
    """Height ``line_count`` lines need at ``size`` pt, from the top of the box to below the last line."""
    if line_count <= 0:
        return 0.0
    return (ASCENT_EM + (line_count - 1) * LEADING_EM + DESCENT_EM) * size * MM_PER_PT


def baseline_mm(index: int, size: float) -> float:
    """Distance from the box's top to the baseline of line ``index`` (0 first)."""
    return (ASCENT_EM + index * LEADING_EM) * size * MM_PER_PT


def wrap_words(text: str, width_mm: float, size: float, measure: Measure) -> tuple[str, ...]:
    """Greedy word wrap; a newline in ``text`` always breaks; a word wider than the box stays whole."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if current and measure(candidate, size) > width_mm:
                lines.append(current)
                current = word
            else:
                current = candidate
        if current:
            lines.append(current)
    return tuple(lines)


def _sizes(size: float, min_size: float):
    """size, size − 0,5, … down to min_size (always tried last)."""
    steps = max(0, math.floor((size - min_size) / SHRINK_STEP + 1e-9))
    for step in range(steps + 1):
        yield round(size - step * SHRINK_STEP, 3)
    if round(size - steps * SHRINK_STEP, 3) > min_size:
        yield min_size


def _fits(lines: tuple[str, ...], width_mm: float, height_mm: float, size: float, measure: Measure) -> bool:
    epsilon = 1e-6
    return (text_height_mm(len(lines), size) <= height_mm + epsilon
            and all(measure(line, size) <= width_mm + epsilon for line in lines))


def fit_text(text: str, width_mm: float, height_mm: float, size: float, min_size: float,
             measure: Measure) -> Fit:
    """The lines and the largest size (0,5 pt steps, not below ``min_size``) at which ``text`` fits the box.

    When it does not fit even at ``min_size``, the lines at ``min_size`` come back with
    ``overflow=True``: the caller reports it instead of printing over the frame.
    """
    lines: tuple[str, ...] = ()
    for candidate in _sizes(size, min_size):
        lines = wrap_words(text, width_mm, candidate, measure)
        if _fits(lines, width_mm, height_mm, candidate, measure):
            return Fit(balanced(text, lines, width_mm, candidate, measure), candidate)
    return Fit(lines, min_size, True)


def balanced(text: str, lines: tuple[str, ...], width_mm: float, size: float, measure: Measure) -> tuple[str, ...]:
    """The same number of lines as ``lines``, as even as can be: no long line over a lone last word.

    Found by narrowing the width (bisection) while the greedy wrap still needs no more lines.
    """
    if len(lines) < 2:
        return lines
    best, low, high = lines, 0.0, width_mm
    for _ in range(24):
        middle = (low + high) / 2
        trial = wrap_words(text, middle, size, measure)
        if len(trial) <= len(lines):
            best, high = trial, middle
        else:
            low = middle
    return best


# --- the texts of one certificate ---------------------------------------------------------------

def honorific(gender: str) -> str:
    """ "Bà" for a woman ("Nữ"), "Ông" otherwise."""
    return "Bà" if gender.strip().lower() == "nữ" else "Ông"


def _position_line(title: str, commune_name: str) -> str:
    """ "Công chức Tư pháp - Hộ tịch, UBND xã Hòa Bình Xuân"; "Chủ tịch UBND xã" gets the commune's name."""
    title = title.strip()
    if not commune_name or commune_name in title:
        return title
    if title.lower().endswith(" xã"):
        return f"{title} {commune_name}"
    return f"{title}, UBND xã {commune_name}" if title else f"UBND xã {commune_name}"


def _sentence_part(text: str) -> str:
    """ "Phong trào thi đua …" → "phong trào thi đua …" (an acronym such as "CCHC" keeps its capitals)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def achievement_text(award_name: str, award_kind: str, campaign: str, year: int) -> str:
    """A title (danh hiệu) is "attained"; a form (Giấy khen) rewards the campaign's achievement."""
    if award_kind == "title":
        return f"Đã đạt danh hiệu “{award_name}” năm {year}"
    if campaign:
        return f"Đã có thành tích xuất sắc trong {_sentence_part(campaign)}"
    return f"Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {year}"


def _signer_title(chairman_title: str) -> str:
    """A vice-chairman signs "KT. Chủ tịch" over his own title (Decree 30: ký thay)."""
    title = chairman_title.strip() or "Chủ tịch"
    return f"KT. Chủ tịch\n{title}" if title.lower().startswith("phó") else title


def field_values(nominee: Any, profile: Any, decision: Any, *, gender: str = "", campaign: str = "",
                 achievement: str | None = None) -> dict[str, str]:
    """Every field's text for one granted nominee.

    ``nominee`` has ``name``, ``title`` (position), ``subject_kind`` ("official" or
    "collective"), ``award_name`` and ``award`` (with ``kind``, or None); ``profile`` has
    ``commune_name``, ``place_name``, ``chairman_name``, ``chairman_title``; ``decision``
    has ``number``, ``signed_on`` and ``year``. A collective gets its name with no Ông/Bà.
    """
    collective = nominee.subject_kind == "collective"
    signed_on: date | None = decision.signed_on
    kind = getattr(nominee.award, "kind", "") if nominee.award else ""
    commune = profile.commune_name
    return {
        "honorific_name": nominee.name if collective else f"{honorific(gender)} {nominee.name}",
        "name": nominee.name,
        "position": "" if collective else _position_line(nominee.title, commune),
        "achievement": achievement or achievement_text(nominee.award_name, kind, campaign, decision.year),
        "award_name": nominee.award_name,
        "year": str(decision.year),
        "decision": f"Số QĐ: {decision.number}" if decision.number else "",
        "decision_date": short_date(signed_on) if signed_on else "",
        "place_date": place_and_date(profile.place_name or commune, signed_on) if signed_on else "",
        "issuer": f"Chủ tịch Ủy ban nhân dân xã {commune}" if commune else "Chủ tịch Ủy ban nhân dân xã",
        "signer_title": _signer_title(profile.chairman_title),
        "signer_name": profile.chairman_name,
    }


# --- layouts as JSON ----------------------------------------------------------------------------

_NUMBERS = ("x_mm", "y_mm", "width_mm", "height_mm", "size_pt", "min_size_pt")


def _mm(value: float) -> str:
    """48.5 → "48,5" (Vietnamese decimal comma)."""
    return f"{value:g}".replace(".", ",")


def _number(raw: dict, name: str, where: str, problems: list[str], default: float | None = None) -> float:
    value = raw.get(name, default)
    if value is None:
        problems.append(f"{where}: thiếu “{name}”.")
        return 0.0
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        problems.append(f"{where}: “{name}” phải là một số, đang là “{value}”.")
        return 0.0
    return float(value)


def _box_from_dict(raw: Any, index: int, problems: list[str]) -> FieldBox | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("key"), str) or not raw["key"].strip():
        problems.append(f"Ô thứ {index} không có tên (“key”).")
        return None
    key = raw["key"].strip()
    where = f"Ô “{FIELD_LABELS.get(key, key)}”"
    values = {name: _number(raw, name, where, problems) for name in _NUMBERS[:5]}
    values["min_size_pt"] = _number(raw, "min_size_pt", where, problems, values["size_pt"])
    upper = raw.get("upper", False)
    if not isinstance(upper, bool):
        problems.append(f"{where}: “upper” (in hoa) phải là true hoặc false, đang là “{upper}”.")
    return FieldBox(key=key, font=str(raw.get("font", "serif")), align=str(raw.get("align", "center")),
                    upper=upper is True, **values)


def layout_from_dict(data: Any) -> CertificateLayout:
    """Read and validate a layout; raises :class:`LayoutInvalid` listing every problem."""
    if not isinstance(data, dict) or not isinstance(data.get("fields"), list):
        raise LayoutInvalid(["Tệp không phải mẫu vị trí in giấy khen (thiếu danh sách ô “fields”)."])
    if data.get("format", FORMAT) != FORMAT:
        raise LayoutInvalid([f"Tệp là “{data.get('format')}”, không phải mẫu vị trí in giấy khen."])
    version = data.get("version", VERSION)
    if not isinstance(version, int) or version > VERSION:
        raise LayoutInvalid([f"Mẫu được tạo bằng phiên bản phần mềm mới hơn (dạng {version}); hãy cập nhật phần mềm."])
    problems: list[str] = []
    width = _number(data, "page_width_mm", "Khổ giấy", problems)
    height = _number(data, "page_height_mm", "Khổ giấy", problems)
    boxes = [_box_from_dict(raw, index, problems) for index, raw in enumerate(data["fields"], 1)]
    layout = CertificateLayout(
        name=" ".join(str(data.get("name", "")).split()), page_width_mm=width, page_height_mm=height,
        fields=tuple(box for box in boxes if box is not None),
        award_key=str(data.get("award_key", "")).strip(), note=str(data.get("note", "")).strip(),
    )
    problems += layout_problems(layout) if not problems else []
    if problems:
        raise LayoutInvalid(problems)
    return layout


def layout_to_dict(layout: CertificateLayout) -> dict:
    """The JSON form (what :func:`layout_from_dict` reads back unchanged)."""
    return {
        "format": FORMAT, "version": VERSION, "name": layout.name, "award_key": layout.award_key,
        "note": layout.note, "page_width_mm": layout.page_width_mm, "page_height_mm": layout.page_height_mm,
        "fields": [
            {"key": box.key, "x_mm": box.x_mm, "y_mm": box.y_mm, "width_mm": box.width_mm,
             "height_mm": box.height_mm, "font": box.font, "size_pt": box.size_pt,
             "min_size_pt": box.min_size_pt, "align": box.align, "upper": box.upper}
            for box in layout.fields
        ],
    }


def layout_problems(layout: CertificateLayout) -> list[str]:
    """Every reason the layout cannot be printed, in Vietnamese; empty when it is sound."""
    problems: list[str] = []
    if not layout.name:
        problems.append("Chưa đặt tên cho mẫu.")
    if layout.page_width_mm <= 0 or layout.page_height_mm <= 0:
        problems.append("Khổ giấy phải có chiều rộng và chiều cao lớn hơn 0 mm.")
        return problems
    if not layout.fields:
        problems.append("Mẫu chưa có ô nào để in.")
    seen: set[str] = set()
    for box in layout.fields:
        if box.key in seen:
            problems.append(f"Ô “{box.label}” có hai lần trong mẫu.")
        seen.add(box.key)
        problems += _box_problems(box, layout)
    return problems


def _box_problems(box: FieldBox, layout: CertificateLayout) -> list[str]:
    where = f"Ô “{box.label}”"
    if box.key not in FIELD_LABELS:
        return [f"Ô “{box.key}” không có trong phần mềm; các ô dùng được: {', '.join(FIELD_LABELS)}."]
    problems = []
    if box.font not in FONTS:
        problems.append(f"{where}: kiểu chữ “{box.font}” không có; chọn một trong {', '.join(FONTS)}.")
    if box.align not in ALIGNS:
        problems.append(f"{where}: căn lề “{box.align}” không có; chọn left (trái), center (giữa) hoặc right (phải).")
    if box.width_mm <= 0 or box.height_mm <= 0:
        problems.append(f"{where}: chiều rộng và chiều cao phải lớn hơn 0 mm.")
    if box.size_pt <= 0 or box.min_size_pt <= 0:
        problems.append(f"{where}: cỡ chữ phải lớn hơn 0.")
    elif box.min_size_pt > box.size_pt:
        problems.append(f"{where}: cỡ chữ nhỏ nhất ({_mm(box.min_size_pt)}) lớn hơn cỡ chữ ({_mm(box.size_pt)}).")
    elif box.height_mm > 0 and text_height_mm(1, box.min_size_pt) > box.height_mm + 1e-6:
        problems.append(f"{where}: cao {_mm(box.height_mm)} mm, không đủ cho một dòng chữ cỡ {_mm(box.min_size_pt)} "
                        f"(cần {_mm(round(text_height_mm(1, box.min_size_pt), 1))} mm).")
    return problems + _outside(box, layout, where)


def _outside(box: FieldBox, layout: CertificateLayout, where: str) -> list[str]:
    problems = []
    if box.x_mm < 0 or box.y_mm < 0:
        problems.append(f"{where}: tọa độ phải từ 0 trở lên (mm, tính từ góc trên bên trái trang).")
    if box.x_mm + box.width_mm > layout.page_width_mm + 1e-6:
        problems.append(f"{where} tràn ra ngoài trang: mép phải ở {_mm(box.x_mm + box.width_mm)} mm, "
                        f"khổ giấy chỉ rộng {_mm(layout.page_width_mm)} mm.")
    if box.y_mm + box.height_mm > layout.page_height_mm + 1e-6:
        problems.append(f"{where} tràn ra ngoài trang: mép dưới ở {_mm(box.y_mm + box.height_mm)} mm, "
                        f"khổ giấy chỉ cao {_mm(layout.page_height_mm)} mm.")
    return problems
