"""Award kinds, their eligibility rules and the council's vote, as data the code interprets.

An award kind (danh hiệu or hình thức khen thưởng) says who it is for
(individual or collective), who grants it, the vote it needs in the council,
and a list of rules. Each rule is a small dict from ``resources/awards``:

- ``{"rule": "emulation_qualified"}``: meets every criterion of the year's emulation evaluation;
- ``{"rule": "awards_in_window", "awards": [...], "min": 2, "years": 5}`` or with
  ``"from": 2021, "to": 2025``: at least ``min`` of those awards within the window
  (by default the ``years`` years ending with the nomination year);
- ``{"rule": "consecutive_years", "award": k, "years": 2, "include_current": false}``:
  held ``k`` in each of the ``years`` years before (or up to) the nomination year;
- ``{"rule": "same_year", "award": k}``: holds or is proposed for ``k`` the same year;
- ``{"rule": "initiative_or_excellent"}``: a recognised initiative that year, or
  the nomination records "hoàn thành xuất sắc nhiệm vụ";
- ``{"rule": "initiative"}``: a recognised initiative that year;
- ``{"rule": "no_discipline", "min_form": "Cảnh cáo"}``: no discipline that year
  (for a collective: no member disciplined at or above ``min_form``);
- ``{"rule": "members_with_award", "award": k, "min_percent": 70}``: a collective whose
  members hold (or are proposed for) ``k`` in at least that share;
- ``{"rule": "members_with_award", "award": k, "min_count": 1}``: … in at least that number;
- ``{"rule": "registered", "blocking": false}``: registered for this title at the start of the year.

Limits on how many may be proposed (``limit``) are checked over the whole
nomination list: ``{"max_percent_of": k, "percent": 15}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

INDIVIDUAL, COLLECTIVE = "individual", "collective"
DISCIPLINE_ORDER = ("Khiển trách", "Cảnh cáo", "Hạ bậc lương", "Giáng chức", "Cách chức", "Buộc thôi việc")


@dataclass(frozen=True)
class VoteRule:
    """The share of votes an award needs: ``percent`` of all members or of those present."""

    percent: Decimal = Decimal(50)
    base: str = "present"  # present | all
    strictly_more: bool = True  # "quá bán": more than half; 80 %: at least
    secret_ballot: bool = False

    def describe(self) -> str:
        whom = "tổng số thành viên Hội đồng" if self.base == "all" else "số thành viên dự họp"
        how = "trên" if self.strictly_more else "từ"
        tail = "" if self.strictly_more else " trở lên"
        return f"{how} {_percent_text(self.percent)}{tail} {whom}"


@dataclass(frozen=True)
class AwardKind:
    key: str
    name: str
    subject: str  # individual | collective | both
    authority: str  # who grants it, e.g. "Chủ tịch UBND xã"
    authority_level: str  # commune | superior
    kind: str = "title"  # title (danh hiệu thi đua) | form (hình thức khen thưởng)
    rules: tuple[dict, ...] = ()
    vote: VoteRule = field(default_factory=VoteRule)
    limit: dict | None = None
    money_coefficient: Decimal | None = None
    collective_money_coefficient: Decimal | None = None  # where a collective's differs (Giấy khen: 0,6 vs 0,3)
    basis: str = ""  # the legal basis, shown in explanations
    note: str = ""

    def applies_to(self, subject: str) -> bool:
        return self.subject in (subject, "both")

    def coefficient_for(self, subject: str) -> Decimal | None:
        """The money coefficient for an individual or a collective (``subject``: "official" or "collective")."""
        if subject == COLLECTIVE and self.collective_money_coefficient is not None:
            return self.collective_money_coefficient
        return self.money_coefficient


@dataclass(frozen=True)
class AwardRecord:
    """One award a person or collective received: the history eligibility reads."""

    year: int
    award_key: str
    award_name: str = ""
    authority: str = ""
    decision_number: str = ""


@dataclass(frozen=True)
class NomineeFacts:
    """What eligibility needs to know of one nominee."""

    subject: str
    year: int
    history: tuple[AwardRecord, ...] = ()
    emulation_qualified: bool | None = None
    emulation_summary: str = ""
    initiatives: tuple[str, ...] = ()
    excellent: bool = False  # the nomination records "hoàn thành xuất sắc nhiệm vụ"
    discipline: tuple[str, ...] = ()  # forms, this year (for a collective: its members')
    proposed: tuple[str, ...] = ()  # other awards proposed for the same nominee this year
    members: int = 0  # a collective's members
    members_with: dict[str, int] = field(default_factory=dict)  # award key -> members holding or proposed
    registered: tuple[str, ...] | None = None  # titles registered this year; None: no registration kept


@dataclass(frozen=True)
class Check:
    rule: str
    passed: bool | None  # None: cannot tell
    reason: str
    blocking: bool = True


@dataclass(frozen=True)
class Eligibility:
    checks: tuple[Check, ...]

    @property
    def eligible(self) -> bool | None:
        blocking = [check for check in self.checks if check.blocking]
        if any(check.passed is False for check in blocking):
            return False
        if any(check.passed is None for check in blocking):
            return None
        return True

    @property
    def failing(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if check.passed is False)

    @property
    def warnings(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if not check.blocking and check.passed is False)

    def summary(self) -> str:
        if self.eligible is True:
            return "Đủ điều kiện."
        failing = [check.reason for check in self.failing if check.blocking]
        if failing:
            return "Chưa đủ điều kiện: " + "; ".join(failing) + "."
        unknown = [check.reason for check in self.checks if check.passed is None]
        return "Chưa đủ thông tin: " + "; ".join(unknown) + "."


def _percent_text(value: Decimal) -> str:
    text = format(value.quantize(Decimal("0.01")).normalize(), "f").replace(".", ",")
    return f"{text}%"


def _names(keys, kinds: dict[str, AwardKind]) -> str:
    return " hoặc ".join(f"“{kinds[key].name}”" if key in kinds else f"“{key}”" for key in keys)


def check_eligibility(kind: AwardKind, facts: NomineeFacts, kinds: dict[str, AwardKind]) -> Eligibility:
    """Every rule of ``kind`` applied to one nominee, each with its reason in Vietnamese."""
    checks = []
    if not kind.applies_to(facts.subject):
        whom = "cá nhân" if kind.subject == INDIVIDUAL else "tập thể"
        checks.append(Check("subject", False, f"“{kind.name}” chỉ xét cho {whom}"))
    for rule in kind.rules:
        checks.append(_check(rule, kind, facts, kinds))
    return Eligibility(tuple(checks))


def _check(rule: dict, kind: AwardKind, facts: NomineeFacts, kinds: dict[str, AwardKind]) -> Check:
    name = rule["rule"]
    blocking = rule.get("blocking", True)
    handler = _RULES.get(name)
    if handler is None:
        return Check(name, None, f"quy tắc “{name}” chưa được hỗ trợ", blocking)
    passed, reason = handler(rule, kind, facts, kinds)
    return Check(name, passed, reason, blocking)


def _emulation(rule, kind, facts, kinds):
    if facts.emulation_qualified is None:
        return None, "chưa có kết quả đánh giá tiêu chuẩn thi đua" + (
            f" ({facts.emulation_summary})" if facts.emulation_summary else "")
    if facts.emulation_qualified:
        return True, "đạt các tiêu chuẩn thi đua của năm"
    return False, facts.emulation_summary or "chưa đạt tiêu chuẩn thi đua của năm"


def window(rule: dict, year: int) -> tuple[int, int]:
    """The years a window rule looks at, both ends included."""
    if "from" in rule and "to" in rule:
        return int(rule["from"]), int(rule["to"])
    years = int(rule.get("years", 5))
    return year - years + 1, year


def _awards_in_window(rule, kind, facts, kinds):
    start, end = window(rule, facts.year)
    wanted = set(rule["awards"])
    found = sorted(record.year for record in facts.history if record.award_key in wanted and start <= record.year <= end)
    needed = int(rule.get("min", 1))
    what = _names(rule["awards"], kinds)
    listed = f" (năm {', '.join(str(year) for year in found)})" if found else ""
    if len(found) >= needed:
        return True, f"có {len(found)} lần {what} trong giai đoạn {start}-{end}{listed}"
    return False, f"cần ít nhất {needed} lần {what} trong giai đoạn {start}-{end}, mới có {len(found)}{listed}"


def _consecutive(rule, kind, facts, kinds):
    years = int(rule.get("years", 2))
    last = facts.year if rule.get("include_current") else facts.year - 1
    needed = list(range(last - years + 1, last + 1))
    award = rule["award"]
    held = {record.year for record in facts.history if record.award_key == award}
    if rule.get("include_current") and award in facts.proposed:
        held.add(facts.year)
    missing = [year for year in needed if year not in held]
    what = _names([award], kinds)
    if not missing:
        return True, f"{years} năm liên tục {what} ({needed[0]}-{needed[-1]})"
    return False, (f"cần {what} {years} năm liên tục {needed[0]}-{needed[-1]}; "
                   f"thiếu năm {', '.join(str(year) for year in missing)}")


def _same_year(rule, kind, facts, kinds):
    award = rule["award"]
    what = _names([award], kinds)
    if award in facts.proposed or any(r.award_key == award and r.year == facts.year for r in facts.history):
        return True, f"đạt hoặc được đề nghị {what} năm {facts.year}"
    return False, f"cần đạt {what} năm {facts.year} (chưa có trong danh sách đề nghị)"


def _initiative_or_excellent(rule, kind, facts, kinds):
    if facts.initiatives:
        return True, "có sáng kiến được công nhận: " + "; ".join(facts.initiatives)
    if facts.excellent:
        return True, "hoàn thành xuất sắc nhiệm vụ"
    return False, "chưa có sáng kiến được công nhận năm nay và chưa ghi nhận hoàn thành xuất sắc nhiệm vụ"


def _initiative(rule, kind, facts, kinds):
    if facts.initiatives:
        return True, "có sáng kiến được công nhận: " + "; ".join(facts.initiatives)
    return False, f"chưa có sáng kiến được công nhận năm {facts.year}"


def _no_discipline(rule, kind, facts, kinds):
    floor = rule.get("min_form")
    counted = list(facts.discipline)
    if floor in DISCIPLINE_ORDER:
        level = DISCIPLINE_ORDER.index(floor)
        counted = [form for form in counted if form in DISCIPLINE_ORDER and DISCIPLINE_ORDER.index(form) >= level]
    scope = f" từ hình thức {floor.lower()} trở lên" if floor else ""
    who = "thành viên" if facts.subject == COLLECTIVE else ""
    if counted:
        return False, f"có {who + ' ' if who else ''}bị kỷ luật{scope} năm {facts.year}: {', '.join(counted)}"
    return True, f"không có {who + ' ' if who else ''}bị kỷ luật{scope} năm {facts.year}".replace("không có bị", "không bị")


def _members_with_award(rule, kind, facts, kinds):
    award = rule["award"]
    count = facts.members_with.get(award, 0)
    what = _names([award], kinds)
    if not facts.members:
        return None, "chưa biết số thành viên của tập thể"
    if "min_percent" in rule:
        share = (Decimal(count) * 100 / facts.members).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        needed = Decimal(str(rule["min_percent"]))
        text = f"{count}/{facts.members} thành viên ({_percent_text(share)}) đạt {what}"
        if Decimal(count) * 100 >= needed * facts.members:
            return True, text
        return False, f"{text}; cần ít nhất {_percent_text(needed)}"
    needed_count = int(rule.get("min_count", 1))
    if count >= needed_count:
        return True, f"có {count} thành viên đạt {what}"
    return False, f"cần ít nhất {needed_count} thành viên đạt {what}, mới có {count}"


def _registered(rule, kind, facts, kinds):
    if facts.registered is None:
        return None, "chưa có danh sách đăng ký thi đua đầu năm"
    if kind.key in facts.registered:
        return True, f"đã đăng ký “{kind.name}” đầu năm"
    return False, f"không đăng ký “{kind.name}” đầu năm {facts.year}"


_RULES = {
    "emulation_qualified": _emulation,
    "awards_in_window": _awards_in_window,
    "consecutive_years": _consecutive,
    "same_year": _same_year,
    "initiative_or_excellent": _initiative_or_excellent,
    "initiative": _initiative,
    "no_discipline": _no_discipline,
    "members_with_award": _members_with_award,
    "registered": _registered,
}
RULE_NAMES = tuple(_RULES)


def limit_problem(kind: AwardKind, proposed_count: int, counts: dict[str, int], kinds: dict[str, AwardKind]) -> str:
    """Why too many are proposed for ``kind`` ("" when within its limit)."""
    if not kind.limit:
        return ""
    base_key = kind.limit["max_percent_of"]
    percent = Decimal(str(kind.limit["percent"]))
    base = counts.get(base_key, 0)
    allowed = int((Decimal(base) * percent / 100).to_integral_value(rounding="ROUND_FLOOR"))
    if proposed_count > allowed:
        return (f"Đề nghị {proposed_count} “{kind.name}” vượt giới hạn {_percent_text(percent)} của "
                f"{base} {_names([base_key], kinds)} (tối đa {allowed}).")
    return ""


# --- the council ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Quorum:
    """The share of members who must attend for the council to decide."""

    numerator: int = 2
    denominator: int = 3

    def met(self, present: int, members: int) -> bool:
        return members > 0 and present * self.denominator >= self.numerator * members

    def describe(self) -> str:
        return f"ít nhất {self.numerator}/{self.denominator} tổng số thành viên"


@dataclass(frozen=True)
class VoteResult:
    votes_for: int
    base: int  # the members the percentage is of
    percent: Decimal
    passed: bool
    text: str


def vote_result(rule: VoteRule, votes_for: int, present: int, members: int, written: int = 0) -> VoteResult:
    """Whether ``votes_for`` carries the award.

    With ``base = all``, absent members who voted in writing (``written``) count
    among the votes already included in ``votes_for``; the share is of all members.
    """
    if votes_for < 0 or present < 0 or members <= 0 or present > members or written < 0:
        raise ValueError("vote counts out of range")
    base = members if rule.base == "all" else present
    voters = present + (written if rule.base == "all" else 0)
    if votes_for > voters:
        raise ValueError("more votes than voters")
    percent = (Decimal(votes_for) * 100 / base).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if base else Decimal(0)
    exact = Decimal(votes_for) * 100
    target = rule.percent * base
    passed = base > 0 and (exact > target if rule.strictly_more else exact >= target)
    verdict = "đạt" if passed else "không đạt"
    text = f"{votes_for}/{base} phiếu đồng ý ({_percent_text(percent)}), {verdict} (cần {rule.describe()})"
    return VoteResult(votes_for, base, percent, passed, text)


def kind_from_dict(raw: dict) -> AwardKind:
    """An award kind as ``resources/awards/award-kinds.json`` writes it."""
    vote = raw.get("vote", {})
    coefficient, collective = raw.get("money_coefficient"), raw.get("money_coefficient_collective")
    return AwardKind(
        key=raw["key"], name=raw["name"], subject=raw.get("subject", INDIVIDUAL),
        authority=raw.get("authority", ""), authority_level=raw.get("authority_level", "commune"),
        kind=raw.get("kind", "title"), rules=tuple(raw.get("rules", ())),
        vote=VoteRule(Decimal(str(vote.get("percent", "50"))), vote.get("base", "present"),
                      bool(vote.get("strictly_more", True)), bool(vote.get("secret_ballot", False))),
        limit=raw.get("limit"), money_coefficient=Decimal(str(coefficient)) if coefficient is not None else None,
        collective_money_coefficient=Decimal(str(collective)) if collective is not None else None,
        basis=raw.get("basis", ""), note=raw.get("note", ""),
    )
