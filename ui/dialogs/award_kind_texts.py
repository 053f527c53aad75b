"""How the award kinds dialog writes a rule and its numbers in Vietnamese, and the key of a new kind (no widgets)."""

from __future__ import annotations

import re
from decimal import Decimal

from app.domain.vietnamese import fold

KEY_LENGTH = 50  # the column holds 60; room for a "_2" suffix


def number_text(value) -> str:
    """75.0 -> "75", 66.5 -> "66,5": how a number reads in Vietnamese."""
    return format(Decimal(str(value)).normalize(), "f").replace(".", ",")


def stored_number(value: float, before) -> str:
    """``value`` as the definition stores it ("75"), keeping ``before``'s spelling ("1.0") when it is the same number."""
    text = format(Decimal(str(round(value, 2))).normalize(), "f")
    try:
        return str(before) if before is not None and Decimal(str(before)) == Decimal(text) else text
    except ArithmeticError:
        return text


def describe_rule(rule: dict, names: dict[str, str], subject: str = "individual") -> str:
    """One rule as a clerk would say it, e.g. "Không bị kỷ luật từ hình thức cảnh cáo trở lên"."""
    name = rule.get("rule", "")

    def what(*keys) -> str:
        return " hoặc ".join(f"“{names.get(key, key)}”" for key in keys)

    if name == "awards_in_window":
        span = (f"trong {rule['from']}–{rule['to']}" if "from" in rule and "to" in rule
                else f"trong {rule.get('years', 5)} năm tính đến năm xét")
        return f"Ít nhất {rule.get('min', 1)} lần {what(*rule.get('awards', ()))} {span}"
    if name == "consecutive_years":
        until = "tính cả năm xét" if rule.get("include_current") else "liền trước năm xét"
        return f"{rule.get('years', 2)} năm liên tục đạt {what(rule.get('award', ''))} ({until})"
    if name == "members_with_award":
        if "min_percent" in rule:
            return f"Ít nhất {number_text(rule['min_percent'])}% thành viên đạt {what(rule.get('award', ''))}"
        return f"Ít nhất {rule.get('min_count', 1)} thành viên đạt {what(rule.get('award', ''))}"
    if name == "same_year":
        return f"Đạt hoặc được đề nghị {what(rule.get('award', ''))} cùng năm"
    if name == "no_discipline":
        who = "Không có thành viên bị kỷ luật" if subject == "collective" else "Không bị kỷ luật"
        floor = rule.get("min_form")
        return f"{who} từ hình thức {floor.lower()} trở lên" if floor else f"{who} trong năm"
    return {
        "emulation_qualified": "Đạt tiêu chuẩn thi đua của năm",
        "initiative_or_excellent": "Có sáng kiến được công nhận hoặc hoàn thành xuất sắc nhiệm vụ",
        "initiative": "Có sáng kiến được công nhận trong năm",
        "registered": "Đã đăng ký thi đua đầu năm",
    }.get(name, f"Quy tắc “{name}”")


def rule_numbers(rule: dict) -> list[tuple[str, str, int, int]]:
    """The numbers of ``rule`` a clerk may change: (field, label, lowest, highest)."""
    name = rule.get("rule")
    if name == "awards_in_window":
        span = ([("from", "Từ năm:", 1975, 2100), ("to", "Đến năm:", 1975, 2100)] if "from" in rule
                else [("years", "Trong số năm (tính đến năm xét):", 1, 50)])
        return [("min", "Số lần ít nhất:", 1, 50), *span]
    if name == "consecutive_years":
        return [("years", "Số năm liên tục:", 1, 20)]
    if name == "members_with_award":
        if "min_percent" in rule:
            return [("min_percent", "Tỷ lệ thành viên ít nhất:", 1, 100)]
        return [("min_count", "Số thành viên ít nhất:", 1, 1000)]
    return []


def new_key(name: str, taken) -> str:
    """An ASCII key from ``name`` ("Giấy khen Đoàn xã" -> "giay_khen_doan_xa"), unlike any in ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_")[:KEY_LENGTH].strip("_") or "danh_hieu"
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}_{number}"
    return key
