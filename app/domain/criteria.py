"""Criteria sets (bộ tiêu chí) as data: a tree of fields, criteria and sub-criteria.

Every province issues its own PAR INDEX set and revises it; emulation plans
write their own criteria. So a set is data: codes, names, maximum points, how
each node is scored, the evidence expected, and the rating bands of the
total. Code here only interprets it, and is testable without a database.

How a node is scored (``Rule.kind``):
- ``yesno``: full points or nothing;
- ``levels``: the options the source lists, each with its points (the clerk
  may add options up, as in "trực tuyến: 0,5 | truyền thống: 0,5");
- ``ratio``: bands on a percentage, e.g. "100%: 1 | từ 90% đến dưới 100%: 0,5 |
  dưới 90%: 0"; a band may be pro-rata ("theo tỷ lệ": percentage × maximum);
- ``manual``: any value from 0 to the maximum;
- ``passfail``: an emulation criterion, met or not met, no points.
A node with children is scored as the sum of its children, capped at its maximum.
The bands and options, and the text they are typed as, are in ``criteria_text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from app.domain.criteria_text import (
    Band,
    Option,
    format_band_condition,
    format_bands,
    format_options,
)
from app.domain.points import format_points, rounded

PAR = "par"
EMULATION = "emulation"
SET_KINDS = {PAR: "Chỉ số CCHC", EMULATION: "Tiêu chuẩn thi đua"}

LEVELS = {"field": "Lĩnh vực", "criterion": "Tiêu chí", "sub": "Tiêu chí thành phần"}

YESNO, OPTIONS, RATIO, MANUAL, PASSFAIL = "yesno", "levels", "ratio", "manual", "passfail"
RULE_KINDS = {
    YESNO: "Có/Không",
    OPTIONS: "Chọn mức",
    RATIO: "Theo tỷ lệ",
    MANUAL: "Tự nhập",
    PASSFAIL: "Đạt/Không đạt",
}

# A top-level node's kind (app/domain/score_totals.py adds them up); its children share it.
ORDINARY, BONUS, PENALTY = "", "bonus", "penalty"
NODE_KINDS = {ORDINARY: "Nội dung", BONUS: "Điểm thưởng", PENALTY: "Điểm trừ"}
# How "Không áp dụng" changes the total: rule data a set carries (``na_rule`` in its JSON and workbook).
SCALE = "scale"
NA_RULES = {SCALE: "Bỏ điểm tối đa của tiêu chí không áp dụng khỏi tổng; quy đổi tổng điểm về thang điểm của bộ"}

COLLECTIVE, INDIVIDUAL = "collective", "individual"
SUBJECTS = {COLLECTIVE: "Tập thể", INDIVIDUAL: "Cá nhân"}


@dataclass(frozen=True)
class Rule:
    kind: str = MANUAL
    options: tuple[Option, ...] = ()
    bands: tuple[Band, ...] = ()


@dataclass(frozen=True)
class CriterionData:
    code: str
    name: str
    level: str = "criterion"
    parent_code: str = ""
    max_points: Decimal | None = None
    rule: Rule = field(default_factory=Rule)
    evidence: str = ""
    source: str = ""  # a computed source the app can propose from (see app/services/proposals.py)
    subject: str = ""  # emulation criteria: collective or individual
    node_kind: str = ORDINARY  # a top-level node: bonus or penalty content (its children follow it)
    na_allowed: bool = True  # the clerk may mark it "Không áp dụng"


@dataclass(frozen=True)
class RatingBand:
    label: str
    min_points: Decimal


@dataclass(frozen=True)
class CriteriaSetData:
    kind: str
    name: str
    year: int
    issuer: str = ""
    decision: str = ""
    note: str = ""
    criteria: tuple[CriterionData, ...] = ()
    ratings: tuple[RatingBand, ...] = ()
    na_rule: str = SCALE


@dataclass(frozen=True)
class Problem:
    """Something wrong in a set: where (criterion code, a column's name) and what, in Vietnamese."""

    message: str
    code: str = ""
    column: str = ""


def describe_rule(rule: Rule) -> str:
    """One line for the screen: how this node is scored."""
    if rule.kind == RATIO:
        return format_bands(rule.bands)
    if rule.kind == OPTIONS:
        return format_options(rule.options)
    return RULE_KINDS.get(rule.kind, rule.kind)


# --- scoring -----------------------------------------------------------------------------------

def band_points(rule: Rule, max_points: Decimal, percent: Decimal) -> tuple[Decimal, Band | None]:
    """The points a percentage earns under ``rule``'s bands, and the band that gave them."""
    for band in rule.bands:
        if band.contains(percent):
            if band.prorata:
                return min(max_points, rounded(percent / 100 * max_points)), band
            return min(max_points, band.points or Decimal(0)), band
    return Decimal(0), None


def score_problem(criterion: CriterionData, value: Decimal | None) -> str | None:
    """Why ``value`` cannot be this criterion's score, in Vietnamese; None when it can."""
    if value is None:
        return None
    name = f"tiêu chí {criterion.code}" if criterion.code else "tiêu chí này"
    if value < 0:
        return f"Điểm không được âm: {name} nhận từ 0 đến {format_points(criterion.max_points)}."
    if criterion.max_points is not None and value > criterion.max_points:
        return (
            f"Điểm tối đa của {name} là {format_points(criterion.max_points)}; "
            f"không nhập được {format_points(value)}."
        )
    if value != rounded(value):
        return "Điểm chỉ lấy tối đa hai chữ số thập phân (ví dụ 0,25)."
    if criterion.rule.kind == YESNO and criterion.max_points is not None and value not in (0, criterion.max_points):
        return f"{name[0].upper()}{name[1:]} chấm Có/Không: chỉ nhận 0 hoặc {format_points(criterion.max_points)}."
    return None


def children_by_parent(criteria: tuple[CriterionData, ...]) -> dict[str, list[CriterionData]]:
    result: dict[str, list[CriterionData]] = {}
    for criterion in criteria:
        result.setdefault(criterion.parent_code, []).append(criterion)
    return result


def subtotals(criteria: tuple[CriterionData, ...], scores: dict[str, Decimal | None]) -> dict[str, Decimal | None]:
    """Every node's score: a leaf's own, a parent's the sum of its children (capped at its maximum).

    A node with nothing scored beneath it is None (not 0): "not yet scored" and
    "scored zero" read differently on the screen.
    """
    children = children_by_parent(criteria)
    by_code = {criterion.code: criterion for criterion in criteria}
    result: dict[str, Decimal | None] = {}

    def visit(code: str) -> Decimal | None:
        if code in result:
            return result[code]
        kids = children.get(code, [])
        if not kids:
            value = scores.get(code)
        else:
            parts = [visit(kid.code) for kid in kids]
            known = [part for part in parts if part is not None]
            value = sum(known, Decimal(0)) if known else None
            maximum = by_code[code].max_points
            if value is not None and maximum is not None:
                value = min(value, maximum)
        result[code] = value
        return value

    for criterion in criteria:
        visit(criterion.code)
    return result


def roots(criteria: tuple[CriterionData, ...]) -> list[CriterionData]:
    codes = {criterion.code for criterion in criteria}
    return [criterion for criterion in criteria if not criterion.parent_code or criterion.parent_code not in codes]


def total(criteria: tuple[CriterionData, ...], scores: dict[str, Decimal | None]) -> Decimal:
    """Σ contents + bonus − penalty (each top-level node capped at its maximum); "Không áp dụng" and the
    scaled total are ``app/domain/score_totals.tally``'s."""
    values = subtotals(criteria, scores)
    return sum(((-1 if root.node_kind == PENALTY else 1) * (values[root.code] or Decimal(0))
                for root in roots(criteria)), Decimal(0))


def max_total(criteria: tuple[CriterionData, ...]) -> Decimal:
    """The set's scale: the maxima of its ordinary contents (bonus and penalty have their own)."""
    return sum((root.max_points or Decimal(0) for root in roots(criteria) if root.node_kind == ORDINARY),
               Decimal(0))


def rating_for(total_points: Decimal, ratings: tuple[RatingBand, ...]) -> str:
    """The highest band whose threshold the total reaches ("" when none or no bands)."""
    reached = [band for band in ratings if total_points >= band.min_points]
    return max(reached, key=lambda band: band.min_points).label if reached else ""


# --- checking a whole set ----------------------------------------------------------------------

def set_problems(data: CriteriaSetData) -> list[Problem]:
    """Everything wrong with a set, one Problem each; empty when it can be saved."""
    problems: list[Problem] = []
    if data.kind not in SET_KINDS:
        problems.append(Problem(f"Loại bộ tiêu chí “{data.kind}” không hợp lệ.", column="Loại"))
    if not data.name.strip():
        problems.append(Problem("Chưa có tên bộ tiêu chí.", column="Tên bộ tiêu chí"))
    if not 2000 <= data.year <= 2100:
        problems.append(Problem(f"Năm áp dụng {data.year} không hợp lệ.", column="Năm"))
    if not data.criteria:
        problems.append(Problem("Bộ tiêu chí chưa có tiêu chí nào."))
    if data.na_rule not in NA_RULES:
        problems.append(Problem(f"Cách tính “Không áp dụng” “{data.na_rule}” không hợp lệ; dùng “{SCALE}”.",
                                column="Không áp dụng"))
    seen: dict[str, CriterionData] = {}
    for criterion in data.criteria:
        problems.extend(_criterion_problems(data.kind, criterion, seen))
        seen.setdefault(criterion.code, criterion)
    problems.extend(_tree_problems(data.criteria, seen))
    labels = [band.label for band in data.ratings]
    for band in data.ratings:
        if not band.label.strip():
            problems.append(Problem("Một mức xếp loại chưa có tên.", column="Xếp loại"))
        if band.min_points < 0:
            problems.append(Problem(f"Mức “{band.label}”: điểm từ không được âm.", column="Từ điểm"))
    for label in sorted({label for label in labels if labels.count(label) > 1}):
        problems.append(Problem(f"Mức xếp loại “{label}” ghi hai lần.", column="Xếp loại"))
    return problems


def _criterion_problems(kind: str, criterion: CriterionData, seen: dict[str, CriterionData]) -> list[Problem]:
    code = criterion.code
    out: list[Problem] = []

    def add(message: str, column: str) -> None:
        out.append(Problem(message, code, column))

    if not code:
        add("Thiếu mã tiêu chí.", "Mã")
    elif code in seen:
        add(f"Mã “{code}” đã dùng cho một tiêu chí khác.", "Mã")
    if not criterion.name.strip():
        add("Thiếu tên tiêu chí.", "Tên tiêu chí")
    if criterion.level not in LEVELS:
        add(f"Cấp “{criterion.level}” không hợp lệ; dùng Lĩnh vực, Tiêu chí hoặc Tiêu chí thành phần.", "Cấp")
    if criterion.rule.kind not in RULE_KINDS:
        add(f"Cách chấm “{criterion.rule.kind}” không hợp lệ.", "Cách chấm")
    if criterion.node_kind not in NODE_KINDS:
        add(f"Loại mục “{criterion.node_kind}” không hợp lệ; dùng Điểm thưởng, Điểm trừ hoặc để trống.", "Loại mục")
    if criterion.subject and criterion.subject not in SUBJECTS:
        add(f"Đối tượng “{criterion.subject}” không hợp lệ; dùng Tập thể hoặc Cá nhân.", "Đối tượng")
    points = criterion.max_points
    if kind == PAR and criterion.rule.kind != PASSFAIL and points is None:
        add("Thiếu điểm tối đa.", "Điểm tối đa")
    if points is not None and points < 0:
        add("Điểm tối đa không được âm.", "Điểm tối đa")
    if points is not None:
        for option in criterion.rule.options:
            if option.points > points:
                add(
                    f"Mức “{option.label}” cho {format_points(option.points)} điểm, "
                    f"quá điểm tối đa {format_points(points)}.", "Các mức",
                )
        for band in criterion.rule.bands:
            if band.points is not None and band.points > points:
                add(
                    f"Mức “{format_band_condition(band)}” cho {format_points(band.points)} điểm, "
                    f"quá điểm tối đa {format_points(points)}.", "Các mức",
                )
    if criterion.rule.kind == RATIO and not criterion.rule.bands:
        add("Cách chấm theo tỷ lệ cần các mức, ví dụ “100%: 1 | từ 90% đến dưới 100%: 0,5 | dưới 90%: 0”.",
            "Các mức")
    if criterion.rule.kind == OPTIONS and not criterion.rule.options:
        add("Cách chấm chọn mức cần các mức, ví dụ “Có kế hoạch: 0,5 | Có báo cáo: 0,5”.", "Các mức")
    return out


def _tree_problems(criteria: tuple[CriterionData, ...], by_code: dict[str, CriterionData]) -> list[Problem]:
    out: list[Problem] = []
    for criterion in criteria:
        parent = by_code.get(criterion.parent_code) if criterion.parent_code else None
        if criterion.parent_code and parent is None:
            out.append(Problem(f"Mã cha “{criterion.parent_code}” không có trong bộ.", criterion.code, "Mã cha"))
        if parent is not None and _reaches(criterion.code, parent.code, by_code):
            out.append(Problem("Tiêu chí nằm trong chính nó (vòng lặp mã cha).", criterion.code, "Mã cha"))
        elif (parent is not None and parent.max_points is not None and criterion.max_points is not None
              and criterion.max_points > parent.max_points):
            out.append(Problem(
                f"Điểm tối đa {format_points(criterion.max_points)} vượt điểm tối đa "
                f"{format_points(parent.max_points)} của tiêu chí cha {parent.code}.",
                criterion.code, "Điểm tối đa",
            ))
    for code, kids in children_by_parent(criteria).items():
        parent = by_code.get(code)
        if parent is None or parent.max_points is None:
            continue
        summed = sum((kid.max_points or Decimal(0) for kid in kids), Decimal(0))
        if summed > parent.max_points and all(kid.max_points <= parent.max_points for kid in kids if kid.max_points):
            out.append(Problem(
                f"Tổng điểm các tiêu chí con ({format_points(summed)}) vượt điểm tối đa "
                f"{format_points(parent.max_points)} của tiêu chí {code}.",
                code, "Điểm tối đa",
            ))
    return out


def _reaches(start: str, parent_code: str, by_code: dict[str, CriterionData]) -> bool:
    """Whether following parents from ``parent_code`` comes back to ``start``."""
    seen = set()
    code = parent_code
    while code and code not in seen:
        if code == start:
            return True
        seen.add(code)
        node = by_code.get(code)
        code = node.parent_code if node else ""
    return False
