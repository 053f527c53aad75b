"""Points as Vietnamese write them: a decimal comma ("0,5"), never a float.

Scores are kept as ``Decimal`` from the keyboard to the database (stored as
text) and back, so 0,25 + 0,25 + 0,5 is exactly 1 and a total never reads
"99,99999".
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
HUNDREDTH = Decimal("0.01")


def parse_points(text: str | int | float | Decimal | None) -> Decimal | None:
    """``"0,5"`` → Decimal("0.5"); blank → None; raises ValueError on anything else.

    ``1.234,5`` style thousands are not points; a single comma or dot is the
    decimal mark either way, so a value typed on an English keyboard works too.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValueError(str(text))
    if isinstance(text, (int, Decimal)):
        return Decimal(text)
    if isinstance(text, float):
        return Decimal(repr(text))
    cleaned = str(text).strip().replace(" ", "").replace("\u00a0", "")
    cleaned = re.sub(r"(?i)(điểm|đ)$", "", cleaned)
    if not cleaned:
        return None
    if not _NUMBER.match(cleaned):
        raise ValueError(text)
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation as error:  # pragma: no cover - the pattern already refused it
        raise ValueError(text) from error


def format_points(value: Decimal | int | None, blank: str = "") -> str:
    """Decimal("0.50") → "0,5"; Decimal("10") → "10"; None → ``blank``."""
    if value is None:
        return blank
    value = Decimal(value).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if text != "-0" else "0"


def rounded(value: Decimal) -> Decimal:
    """Two decimals, half up: how scoring tables print a pro-rata score (4/5 × 1 = 0,8; 2/3 × 1 = 0,67)."""
    return value.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def format_percent(value: Decimal | None) -> str:
    """Decimal("91.666") → "91,7%"."""
    if value is None:
        return ""
    return format_points(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) + "%"
