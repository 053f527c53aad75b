"""The demo commune's own awards for 2024 (``resources/demo/commune-awards-2024.json``): the start-of-year
registration, the letter that proposes Chiến sĩ thi đua cơ sở and Tập thể lao động tiên tiến to the
district Chairman (theirs until 30/06/2025, Luật TĐKT 2022 Điều 80.2) and the commune Chairman's issued
decision (Lao động tiên tiến only), so the award history, certificates and statistics have something to show."""

from __future__ import annotations

from datetime import date, datetime, time

from app.demo_dossier import record_written_votes
from app.resources import load_json
from app.services import council, registers
from app.services.achievement_draft import draft_report
from app.services.award_decision import issue, update_decision
from app.services.certificates import install_default_layout
from app.services.dossier import add_nomination, create_dossier, update_dossier, update_nomination
from app.services.registration import set_registered
from app.store import Store


def load_demo_commune_awards(store: Store) -> None:
    demo = load_json("demo", "commune-awards-2024.json")
    year = demo["year"]
    people = {name: official_id for official_id, name in registers.official_names(store, active_only=False)}
    groups = {item.name: item.id for item in registers.list_collectives(store)}
    for subject, names in (("official", demo["registration"]["individual"]),
                           ("collective", demo["registration"]["collective"])):
        lookup = people if subject == "official" else groups
        for award, listed in names.items():
            for name in listed:
                set_registered(store, year, subject, lookup[name], award, True)
    plan = demo["dossier"]
    dossier = create_dossier(store, year, plan["campaign"], plan["form_version"]).value.id
    letter = plan["letter"]
    update_dossier(store, dossier, letter_number=letter["number"], letter_date=date.fromisoformat(letter["date"]),
                   addressee=letter["addressee"])
    members = {member.full_name: member.id for member in council.members(store, year)}
    meeting = plan["meeting"]
    council.update_meeting(
        store, dossier, number=meeting["number"], held_on=date.fromisoformat(meeting["held_on"]),
        starts_at=time.fromisoformat(meeting["starts_at"]), ends_at=time.fromisoformat(meeting["ends_at"]),
        place=meeting["place"], chair_id=members[meeting["chair"]], secretary_id=members[meeting["secretary"]],
        method=meeting["method"], discussion=meeting["discussion"],
    )
    for name, (reason, written) in meeting["absent"].items():
        council.set_attendance(store, dossier, members[name], False, reason, written)
    nominated = []
    for kind, name, award, votes in plan["nominations"]:
        subject = people[name] if kind == "official" else groups[name]
        nomination = add_nomination(store, dossier, kind, subject, award).value
        draft = draft_report(store, nomination, date(2024, 12, 16))
        update_nomination(store, nomination, identity=draft.identity, report_duties=draft.duties,
                          report_achievements=draft.achievements, report_date=date(2024, 12, 10))
        council.set_votes(store, nomination, votes)
        nominated.append((nomination, name, award))
    record_written_votes(store, members, meeting.get("written_votes", {}), nominated)
    decision = plan["decision"]
    update_decision(store, dossier, number=decision["number"], signed_on=date.fromisoformat(decision["signed_on"]))
    issue(store, dossier, now=datetime.fromisoformat(decision["issued_at"]), today=date(2024, 12, 20))
    install_default_layout(store)
