"""The awards side of one of the demo's post-reform years (``resources/demo/awards-year.json``, any year ≥ 2025).

The Hội đồng Thi đua - Khen thưởng of the merged commune and its rules of the year, the offices'
and officials' registration in January, the year-end evaluation against the emulation criteria, and
the year's dossier under the commune's own authority (NĐ 129/2025 Điều 59): the council's meeting
with a written vote of the absent member, the Chairman's decision issued, the certificate layout.

Built relative to ``today``: each step has its day in the year (``days``), and a step whose day is
after ``today`` has not happened yet; so in November the dossier is a draft (no meeting, no
decision), and the same ``today`` always gives the same demo. Officials must be in the database
(found by full name, roster of the merged commune); the offices are collectives of the
collective register, each made of the officials of its head's department.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from app.demo_dossier import record_written_votes
from app.domain.awards import Quorum, VoteRule
from app.domain.criteria import EMULATION
from app.resources import load_json
from app.services import council, council_rules, registers, scoring
from app.services.achievement_draft import draft_report
from app.services.award_decision import issue, update_decision
from app.services.award_history import list_records
from app.services.certificates import install_default_layout
from app.services.criteria_sets import list_sets, load_set
from app.services.dossier import add_nomination, create_dossier, list_dossiers, update_dossier, update_nomination
from app.services.emulation_evaluation import leaves_for, set_mark
from app.services.officials import list_officials
from app.services.registration import set_registered
from app.store import Store


def load_year_awards(store: Store, year: int, today: date) -> None:
    """Everything of the awards of ``year`` that has happened by ``today`` (nothing when the year has not begun)."""
    spec = _with_year(load_json("demo", "awards-year.json"), year)
    dated = spec["days"] | spec["days_of_year"].get(str(year), {})  # the merged commune's first year starts in July
    days = {name: date.fromisoformat(f"{year}-{dated[name]}") for name in spec["days"]}
    if today < date(year, 1, 1):
        return
    people = {official.full_name: official.id for official in list_officials(store)}
    groups = _office_collectives(store, spec["offices"])
    _council(store, year, spec, people)
    if today >= days["registration"]:
        _register(store, year, spec["registration"], people, groups)
        _start_evaluation(store, year)
    if today >= days["evaluation"]:
        _initiatives(store, year, spec, people, days)
        _evaluate(store, year, spec, people, groups)
    if today >= days["dossier"]:
        _dossier(store, year, spec, people, groups, days, today)


def _with_year(value, year: int):
    """The spec with "{year}" (and "{last}", the year before) written out in every text (dates stay "MM-DD":
    the caller puts the year in)."""
    if isinstance(value, str):
        return value.replace("{year}", str(year)).replace("{last}", str(year - 1))
    if isinstance(value, list):
        return [_with_year(item, year) for item in value]
    if isinstance(value, dict):
        return {key: _with_year(item, year) for key, item in value.items()}
    return value


def _office_collectives(store: Store, offices: list) -> dict[str, int]:
    """The offices as collectives (made once, kept for every year): each is its head's department, so the
    share of its members holding Lao động tiên tiến is counted over the office's own staff."""
    existing = {item.name: item.id for item in registers.list_collectives(store)}
    departments = {official.full_name: official.department for official in list_officials(store)}
    for name, head in offices:
        if name not in existing:
            existing[name] = registers.save_collective(store, name, departments.get(head, "")).value.id
    return existing


def _council(store: Store, year: int, spec: dict, people: dict[str, int]) -> None:
    """The year's council (members missing from it only: a council carried from last year stays) and rules."""
    seated = {member.full_name for member in council.members(store, year)}
    for name, role in spec["council"]:
        if name not in seated and name in people:
            council.add_member(store, year, role, official_id=people[name])
    if not council_rules.rules(store, year).saved:
        numerator, denominator = spec["rules"]["quorum"]
        thresholds = {key: VoteRule(Decimal(percent), base, strictly, secret)
                      for key, (percent, base, strictly, secret) in spec["rules"]["thresholds"].items()}
        council_rules.save_rules(store, year, Quorum(numerator, denominator), thresholds)


def _register(store: Store, year: int, spec: dict, people: dict[str, int], groups: dict[str, int]) -> None:
    for subject, lookup in (("official", people), ("collective", groups)):
        for award, names in spec[subject].items():
            for name in names:
                if name in lookup:
                    set_registered(store, year, subject, lookup[name], award, True)


def _initiatives(store: Store, year: int, spec: dict, people: dict[str, int], days: dict[str, date]) -> None:
    """The year's initiatives the council recognised (the CSTĐCS nominees' "có sáng kiến")."""
    known = {item.title for item in registers.list_initiatives(store, year)}
    recognition = spec["initiative_recognition"]
    for item in spec["initiatives"]:
        authors = tuple(people[name] for name in item["authors"] if name in people)
        if item["title"] in known or not authors:
            continue
        registers.save_initiative(store, registers.InitiativeData(
            year=year, title=item["title"], author_ids=authors, recognised_by=recognition["by"],
            decision_number=recognition["number"],
            decision_date=date.fromisoformat(f"{year}-{recognition['date']}")))


def _start_evaluation(store: Store, year: int) -> None:
    """The year's emulation criteria chosen with the launch plan: the set the year already uses, else the merged
    commune's own (``resources/demo/emulation-commune.json``, added once: the district's 2024 set names the district)."""
    if scoring.assessment_set(store, year, EMULATION) is None:
        scoring.start(store, year, _commune_set(store), kind=EMULATION)


def _commune_set(store: Store) -> int:
    from app.resources import load_json
    from app.services.criteria_sets import save_set, set_from_json

    data = set_from_json(load_json("demo", "emulation-commune.json"))
    existing = next((s.id for s in list_sets(store, EMULATION) if s.name == data.name), None)
    return existing if existing is not None else save_set(store, data).value


def _evaluate(store: Store, year: int, spec: dict, people: dict[str, int], groups: dict[str, int]) -> None:
    """The nominees marked against every criterion of the year's set, the year-end assessment as the reason."""
    stored = load_set(store, scoring.assessment_set(store, year, EMULATION))
    for kind, subject, lookup in (("collective", "collective", groups), ("official", "individual", people)):
        names = dict.fromkeys(name for who, name, *_ in spec["dossier"]["nominations"] if who == kind)
        for name in names:
            for criterion in leaves_for(stored.data.criteria, subject):
                set_mark(store, year, stored.criterion_ids[criterion.code], kind, lookup[name], "met",
                         spec["marks"][kind])


def _dossier(store: Store, year: int, spec: dict, people: dict[str, int], groups: dict[str, int],
             days: dict[str, date], today: date) -> None:
    """The year's dossier opened in October with its nominees; then, each on its day, their reports, the
    meeting and votes, the letter, the Chairman's decision issued."""
    plan = _with_upward(store, year, spec["dossier"], spec["upward"], people)
    if any(item.campaign == plan["campaign"] for item in list_dossiers(store, year)):
        return  # loaded already: the demo is built once
    dossier = create_dossier(store, year, plan["campaign"], today=days["meeting"]).value.id
    update_dossier(store, dossier, addressee=plan["addressee"], summary=plan["summary"])
    nominated = []
    for kind, name, award, votes in plan["nominations"]:
        subject = people[name] if kind == "official" else groups[name]
        nomination = add_nomination(store, dossier, kind, subject, award).value
        if today >= days["reports"]:  # the offices hand in their reports in late November
            draft = draft_report(store, nomination, days["reports"])
            update_nomination(store, nomination, identity=draft.identity | plan["identity"].get(name, {}),
                              report_duties=draft.duties,
                              report_achievements=_achievements(plan["achievements"], name, award, draft),
                              report_date=days["reports"])
        nominated.append((nomination, name, award, votes))
    if today < days["meeting"]:
        return
    members = _hold_meeting(store, dossier, year, plan["meeting"], days["meeting"])
    for nomination, _name, _award, votes in nominated:
        council.set_votes(store, nomination, votes)
    record_written_votes(store, members, plan["meeting"]["written_votes"],
                         [(nomination, name, award) for nomination, name, award, _ in nominated])
    if today >= days["letter"]:
        update_dossier(store, dossier, letter_number=plan["letter_number"], letter_date=days["letter"])
    if today >= days["decision"]:
        decision = spec["decision"]
        update_decision(store, dossier, number=decision["number"], signed_on=days["decision"])
        issued_at = datetime.combine(days["decision"], time.fromisoformat(decision["issued_at"]))
        issue(store, dossier, now=issued_at, today=days["decision"])
        install_default_layout(store)


def _with_upward(store: Store, year: int, plan: dict, upward: dict, people: dict[str, int]) -> dict:
    """The dossier as planned, or, when a nominee above the commune qualifies (Chiến sĩ thi đua cơ sở last
    year, in the award history), with that proposal too and the letter to the province's Chairman."""
    held = {record.subject_id for record in list_records(store, "official")
            if record.year == year - 1 and record.award_key == upward["held_last_year"]}
    chosen = [item for item in upward["nominations"] if people.get(item[1]) in held]
    if not chosen:
        return plan
    return plan | {"nominations": plan["nominations"] + chosen, "letter_number": upward["letter_number"],
                   "addressee": upward["addressee"], "summary": upward["summary"],
                   "achievements": plan["achievements"] | upward["achievements"]}


def _achievements(texts: dict, name: str, award: str, draft) -> str:
    """The nominee's own text for this award ("Name|award": a second title gets its own, not a copy), else
    their text, else the app's draft."""
    return texts.get(f"{name}|{award}") or texts.get(name) or draft.achievements


def _hold_meeting(store: Store, dossier: int, year: int, meeting: dict, held_on: date) -> dict[str, int]:
    """The minutes' facts and who was absent (with a written opinion); the members by name."""
    members = {member.full_name: member.id for member in council.members(store, year)}
    council.update_meeting(
        store, dossier, number=meeting["number"], held_on=held_on,
        starts_at=time.fromisoformat(meeting["starts_at"]), ends_at=time.fromisoformat(meeting["ends_at"]),
        place=meeting["place"], chair_id=members[meeting["chair"]], secretary_id=members[meeting["secretary"]],
        method=meeting["method"], discussion=meeting["discussion"],
    )
    for name, (reason, written) in meeting["absent"].items():
        council.set_attendance(store, dossier, members[name], False, reason, written)
    return members

