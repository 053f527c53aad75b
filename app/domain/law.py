"""The law as dated data: who grants each award, the money it carries, the base salary — on a given day.

Authority and money change with the law (Luật Thi đua, khen thưởng 2022 Điều 80 until 30/06/2025,
NĐ 129/2025 Điều 59 after; NĐ 91/2017, NĐ 98/2023, NĐ 152/2025 money tables; a base salary per
decree). ``resources/law/authority.json`` and ``resources/law/money.json`` hold each version with its
dates, its basis and whether it was verified; a new decree is a new entry there, never a new ``if`` here.

Periods are inclusive at both ends; a missing bound (``null``) is open. The day asked about is the
dossier's day (``app.services.dossier_day``) or, for money, the decision's signing date.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache

from app.domain.awards import COLLECTIVE, INDIVIDUAL, AwardKind
from app.resources import load_json

COMMUNE, DISTRICT, PROVINCE = "commune", "district", "province"
OWN_LIST = "theo danh mục của xã"  # said of a kind the clerk added, which the law data does not know


@dataclass(frozen=True)
class Grant:
    """Who grants one award on one day, and why."""

    level: str  # commune | district | province (a clerk's own kind: its own level, e.g. "superior")
    grantor: str  # "Chủ tịch UBND xã"
    basis: str
    verified: bool
    since: date | None = None
    until: date | None = None
    note: str = ""

    @property
    def by_commune(self) -> bool:
        return self.level == COMMUNE


@dataclass(frozen=True)
class _Period:
    since: date | None
    until: date | None
    entry: dict

    def holds(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _periods(entries) -> tuple[_Period, ...]:
    return tuple(_Period(_day(item.get("from")), _day(item.get("until")), item) for item in entries)


@lru_cache(maxsize=None)
def _grants() -> dict[str, tuple[_Period, ...]]:
    by_kind: dict[str, list[dict]] = {}
    for item in load_json("law", "authority.json")["grants"]:
        by_kind.setdefault(item["kind"], []).append(item)
    return {key: _periods(items) for key, items in by_kind.items()}


@lru_cache(maxsize=None)
def _money_tables() -> tuple[_Period, ...]:
    return _periods(load_json("law", "money.json")["coefficients"])


def known_kinds() -> frozenset[str]:
    """The award keys the law data covers (the shipped kinds)."""
    return frozenset(_grants())


def money_kinds() -> frozenset[str]:
    """The award keys some dated money table covers (their coefficient is the law's, not the clerk's)."""
    return frozenset(key for period in _money_tables() for key in period.entry.get("table", {}))


def grant_periods(kind_key: str) -> tuple[Grant, ...]:
    """Every dated grant of a shipped kind, oldest first (empty for a kind the data does not know)."""
    return tuple(_grant(period) for period in _grants().get(kind_key, ()))


def _grant(period: _Period) -> Grant:
    entry = period.entry
    return Grant(entry["level"], entry["grantor"], entry["basis"], bool(entry.get("verified")), period.since,
                 period.until, entry.get("note", ""))


def grant_on(kind_key: str, day: date, fallback_level: str = COMMUNE, fallback_grantor: str = "") -> Grant:
    """Who grants ``kind_key`` on ``day``; a kind the data does not know keeps the clerk's own level and grantor."""
    found = next((period for period in _grants().get(kind_key, ()) if period.holds(day)), None)
    if found is not None:
        return _grant(found)
    grantor = fallback_grantor or ("Chủ tịch UBND xã" if fallback_level == COMMUNE else "cấp trên")
    return Grant(fallback_level, grantor, OWN_LIST, False)


def money_on(kind_key: str, subject: str, day: date,
             fallback: Decimal | None = None) -> tuple[Decimal | None, str]:
    """The coefficient (× base salary) of ``kind_key`` for ``subject`` (individual | collective) on ``day``
    and the text that cites it; a kind the tables do not know: ``fallback``, "theo danh mục của xã"."""
    table = next((period.entry for period in _money_tables() if period.holds(day)), None)
    row = (table or {}).get("table", {}).get(kind_key)
    if table is None or row is None:
        return fallback, OWN_LIST if fallback is not None else ""
    value = row.get(subject) or row.get(INDIVIDUAL if subject == COLLECTIVE else COLLECTIVE)
    return (Decimal(value) if value is not None else None), table["basis"]


def money_basis_on(day: date) -> tuple[str, bool]:
    """The money table's basis in force on ``day`` and whether it was verified ("" when none)."""
    table = next((period.entry for period in _money_tables() if period.holds(day)), None)
    return (table["basis"], bool(table.get("verified"))) if table else ("", False)


def _salary_entry(day: date) -> dict | None:
    values = sorted(load_json("law", "money.json")["base_salary"], key=lambda item: item["from"])
    return next((item for item in reversed(values) if date.fromisoformat(item["from"]) <= day), None)


def base_salary_on(day: date) -> int:
    """The base salary (lương cơ sở) in force on ``day``; 0 before the first dated value."""
    entry = _salary_entry(day)
    return int(entry["amount"]) if entry else 0


def base_salary_basis_on(day: date) -> str:
    """ "Nghị định 73/2024/NĐ-CP": the decree that set the base salary in force on ``day`` ("" before any)."""
    entry = _salary_entry(day)
    return entry.get("basis", "") if entry else ""


def kind_on(kind: AwardKind, day: date) -> AwardKind:
    """The award kind as in force on ``day``: its level, grantor and money from the dated law data
    (a kind the data does not know is returned as the clerk defined it)."""
    if kind.key not in known_kinds():
        return kind
    grant = grant_on(kind.key, day)
    single, _ = money_on(kind.key, INDIVIDUAL if kind.subject != COLLECTIVE else COLLECTIVE, day,
                         kind.money_coefficient)
    collective, _ = money_on(kind.key, COLLECTIVE, day, kind.collective_money_coefficient)
    return replace(kind, authority=grant.grantor, authority_level=grant.level, money_coefficient=single,
                   collective_money_coefficient=collective if kind.subject == "both" else None)


# ----------------------------------------------------------------------------- words


def money_citation(day: date, base_salary: int) -> str:
    """ "theo Nghị định 98/2023/NĐ-CP, mức lương cơ sở 2.340.000 đồng (Nghị định 73/2024/NĐ-CP)": the money table
    in force on ``day`` and the base salary, whose decree is cited only when the amount is that decree's."""
    table, _verified = money_basis_on(day)
    amount = f"{base_salary:,}".replace(",", ".") + " đồng" if base_salary else "…… đồng"
    decree = base_salary_basis_on(day) if base_salary and base_salary == base_salary_on(day) else ""
    salary = f"mức lương cơ sở {amount}" + (f" ({decree})" if decree else "")
    return f"theo {table}, {salary}" if table else salary


def vn_day(day: date) -> str:
    """ "01/7/2025", "05/12/2024": as the law's texts write a date (leading zero for the day and months 1–2)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def period_text(grant: Grant) -> str:
    """ "trước 01/7/2025", "từ 01/7/2025", "từ 01/01/2024 đến 30/6/2025", "" (no bound)."""
    if grant.since and grant.until:
        return f"từ {vn_day(grant.since)} đến {vn_day(grant.until)}"
    if grant.until:
        return f"trước {vn_day(date.fromordinal(grant.until.toordinal() + 1))}"
    return f"từ {vn_day(grant.since)}" if grant.since else ""


def authority_history(kind_key: str) -> str:
    """ "Chủ tịch UBND huyện (đến 30/6/2025); Chủ tịch UBND xã (từ 01/7/2025)": a shipped kind's grantors over
    time, periods with the same grantor joined; "" for a kind the data does not know."""
    spans: list[list] = []  # [grantor, since, until]
    for grant in grant_periods(kind_key):
        if spans and spans[-1][0] == grant.grantor:
            spans[-1][2] = grant.until
        else:
            spans.append([grant.grantor, grant.since, grant.until])
    if len(spans) == 1:
        return spans[0][0]
    texts = []
    for grantor, since, until in spans:
        when = (f"từ {vn_day(since)}" if since else "") + (" " if since and until else "")
        when += f"đến {vn_day(until)}" if until else ""
        texts.append(f"{grantor} ({when})" if when else grantor)
    return "; ".join(texts)


def why(day: date, chosen: Grant) -> str:
    """ "Theo Luật Thi đua, khen thưởng 2022, Điều 80 khoản 2: từ 01/01/2024 đến 30/6/2025 Chủ tịch UBND huyện
    tặng; hồ sơ ngày 05/12/2024" — which version applies and why."""
    when = period_text(chosen)
    unchecked = "" if chosen.verified or chosen.basis == OWN_LIST else " (căn cứ chưa đối chiếu văn bản)"
    source = f"Theo {chosen.basis}{unchecked}" if chosen.basis != OWN_LIST else "Theo danh mục của xã"
    return f"{source}: {when + ' ' if when else ''}{chosen.grantor} tặng; hồ sơ ngày {vn_day(day)}"


def _joined_bases(bases: list[str]) -> str:
    """ "Luật Thi đua, khen thưởng 2022, Điều 80 khoản 3, Điều 80 khoản 2": articles of one act cited once."""
    acts: dict[str, list[str]] = {}
    for basis in dict.fromkeys(basis for basis in bases if basis):
        act, found, article = basis.partition(", Điều ")
        acts.setdefault(act if found else basis, []).extend([f"Điều {article}"] if found else [])
    return "; ".join(", ".join([act, *articles]) for act, articles in acts.items())


def routing_text(commune: list[str], superior: dict[str, list[str]], bases: list[str], day: date) -> str:
    """ "Chủ tịch UBND xã tặng: Lao động tiên tiến. Trình Chủ tịch UBND huyện: Chiến sĩ thi đua cơ sở, Tập thể
    lao động tiên tiến (Luật …; hồ sơ ngày 05/12/2024)." — award names, the grantors above the commune, the bases."""
    parts = [f"Chủ tịch UBND xã tặng: {', '.join(commune)}."] if commune else []
    parts += [f"Trình {grantor}: {', '.join(names)}." for grantor, names in superior.items()]
    if not parts:
        return ""
    cited = _joined_bases(bases)
    tail = f" ({cited + '; ' if cited else ''}hồ sơ ngày {vn_day(day)})."
    return " ".join(parts)[:-1] + tail
