"""Reading one cell of a criteria workbook: a text, a number of points, a year, a choice among labels, the
bands or options of a rule. Each raises ``BadCell`` with the Vietnamese reason a cell cannot be read.

Excel hands back what the clerk typed in many forms: numbers may be number cells
or text with a decimal comma ("0,5"); a code typed as 1.1 comes back a number;
labels may be written with or without diacritics, in any case. At most two
decimals a number of points, nothing near a million.
"""

from __future__ import annotations

import math
import re
from datetime import date, time, timedelta
from decimal import Decimal

from app.domain.criteria import OPTIONS, RATIO, RULE_KINDS, SET_KINDS, Rule
from app.domain.criteria_text import parse_bands, parse_options
from app.domain.points import parse_points
from app.domain.text import clean_line, clean_text
from app.domain.vietnamese import fold

_TOO_LARGE = Decimal(1_000_000)  # no point or percentage comes near; bigger numbers break two-decimal rounding


class BadCell(Exception):
    """A cell that cannot be read; ``args[0]`` says why, in Vietnamese."""


def cell_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


def label_key(text: str) -> str:
    """What a label is compared by: no diacritics, no case, no spaces or punctuation."""
    return re.sub(r"[^0-9a-z]+", "", fold(text))


def cell_shown(value) -> str:
    """A cell as the clerk reads it, for messages and labels."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format(value, ".15g").replace(".", ",") if math.isfinite(value) else str(value)
    return clean_line(str(value))


def _decimal_shown(number: Decimal) -> str:
    return str(number).replace(".", ",")


def cell_text(value, clean=clean_line) -> str:
    if value is None:
        return ""
    if isinstance(value, (date, time, timedelta)):
        raise BadCell("Excel đã đổi ô này thành ngày giờ; hãy định dạng ô là Văn bản (Text) rồi gõ lại.")
    if isinstance(value, float) and math.isfinite(value):
        return format(value, ".15g")  # a code typed as 1.1 comes back a number
    return clean(str(value))


def cell_long_text(value) -> str:
    """A text that may keep its line breaks (evidence, a note)."""
    return cell_text(value, clean_text)


def cell_points(value) -> Decimal | None:
    """A number cell or a text with a decimal comma; at most two decimals."""
    if value is None or isinstance(value, str) and not clean_text(value):
        return None
    shown = cell_shown(value)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise BadCell(f"“{shown}” không phải là số.")
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) >= _TOO_LARGE:
            raise BadCell(f"“{shown}” quá lớn.")
        number = Decimal(format(value, ".12g"))  # 0.1 + 0.2 computed by Excel reads 0,3
    else:
        try:
            number = parse_points(value if isinstance(value, int) else clean_line(value))
        except ValueError:
            number = None
        if number is None:
            raise BadCell(f"“{shown}” không phải là số.")
    _check_number(number, shown, decimals=True)
    return number


def _check_number(number: Decimal, shown: str, decimals: bool) -> None:
    if abs(number) >= _TOO_LARGE:
        raise BadCell(f"“{shown}” quá lớn.")
    if decimals and number.normalize().as_tuple().exponent < -2:
        raise BadCell(f"“{shown}”: điểm chỉ lấy tối đa hai chữ số thập phân (ví dụ 0,25).")


def cell_year(value) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = cell_text(value)
    if not text:
        raise BadCell("Chưa ghi năm áp dụng (ví dụ 2025).")
    if not re.fullmatch(r"\d{4}", text):
        raise BadCell(f"“{text}” không phải là năm (ví dụ 2025).")
    return int(text)


def cell_set_kind(value) -> str:
    kind = cell_choice(value, SET_KINDS, "loại bộ tiêu chí", "")
    if not kind:
        raise BadCell(f"Chưa ghi loại bộ tiêu chí; ghi {_either(SET_KINDS)}.")
    return kind


def cell_choice(value, choices: dict[str, str], what: str, default: str) -> str:
    """The key whose label (or key) ``value`` names, diacritics and case aside; ``default`` when blank."""
    text = cell_text(value)
    if not text:
        return default
    wanted = label_key(text)
    for key, label in choices.items():
        if wanted in (label_key(key), label_key(label)):
            return key
    raise BadCell(f"“{text}” không phải {what} hợp lệ; ghi {_either(choices)}.")


def _either(choices: dict[str, str]) -> str:
    labels = [f"“{label}”" for label in choices.values()]
    return ", ".join(labels[:-1]) + " hoặc " + labels[-1]


def cell_rule(kind: str, value) -> Rule:
    text = cell_long_text(value)
    if kind not in (RATIO, OPTIONS):
        if text:
            raise BadCell(f"Cách chấm “{RULE_KINDS[kind]}” không dùng các mức; hãy để trống ô này, "
                          f"hoặc chọn cách chấm “{RULE_KINDS[OPTIONS]}” hay “{RULE_KINDS[RATIO]}”.")
        return Rule(kind)
    example = ("100%: 1 | từ 90% đến dưới 100%: 0,5 | dưới 90%: 0" if kind == RATIO
               else "Có kế hoạch: 0,5 | Có báo cáo: 0,5")
    try:
        parsed = parse_bands(text) if kind == RATIO else parse_options(text)
    except (ValueError, ArithmeticError) as error:
        piece = clean_line(str(error.args[0])) if error.args else ""
        piece = piece or text
        raise BadCell(f"Không hiểu “{piece}” trong các mức; ghi mỗi mức “điều kiện: điểm”, "
                      f"cách nhau bằng “|”, ví dụ “{example}”.") from error
    if kind == RATIO:
        for band in parsed:
            for percent in (band.low, band.high):
                if percent is not None:
                    _check_number(percent, f"{_decimal_shown(percent)}%", decimals=False)
            if band.points is not None:
                _check_number(band.points, _decimal_shown(band.points), decimals=True)
        return Rule(RATIO, bands=parsed)
    for option in parsed:
        if not option.label:
            raise BadCell(f"Có mức chưa ghi tên; ví dụ “{example}”.")
        _check_number(option.points, _decimal_shown(option.points), decimals=True)
    return Rule(OPTIONS, options=parsed)
