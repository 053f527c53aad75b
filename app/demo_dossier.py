"""The demo commune's 2024 award dossier (``resources/demo/dossier-2024.json``): the council and its
meeting, ten nominations (one not eligible, proposed with a reason and not carried), the absent
member's written votes, the reports drafted from the app's data."""

from __future__ import annotations

from datetime import date, time

from app.resources import load_json
from app.services import council, registers, written_votes
from app.services.achievement_draft import draft_report
from app.services.dossier import add_nomination, create_dossier, update_dossier, update_nomination
from app.store import Store

_DEMO_TODAY = date(2024, 12, 5)


def load_demo_dossier(store: Store) -> None:
    demo = load_json("demo", "dossier-2024.json")
    year = demo["year"]
    people = {name: official_id for official_id, name in registers.official_names(store, active_only=False)}
    groups = {item.name: item.id for item in registers.list_collectives(store)}
    dossier = create_dossier(store, year, demo["campaign"], demo["form_version"]).value.id
    update_dossier(store, dossier, letter_number=demo["letter_number"],
                   letter_date=date.fromisoformat(demo["letter_date"]), addressee=demo["addressee"],
                   summary=demo["summary"])
    members = {name: council.add_member(store, year, role, official_id=people[name]).value for name, role in demo["council"]}
    meeting = demo["meeting"]
    council.update_meeting(
        store, dossier, number=meeting["number"], held_on=date.fromisoformat(meeting["held_on"]),
        starts_at=time.fromisoformat(meeting["starts_at"]), ends_at=time.fromisoformat(meeting["ends_at"]),
        place=meeting["place"], chair_id=members[meeting["chair"]], secretary_id=members[meeting["secretary"]],
        method=meeting["method"], discussion=meeting["discussion"],
    )
    for name, (reason, written) in meeting["absent"].items():
        council.set_attendance(store, dossier, members[name], False, reason, written)
    identities = demo["identity"] | demo["collective_identity"]
    nominated = []
    for kind, name, award, votes, justification in demo["nominations"]:
        subject = people[name] if kind == "official" else groups[name]
        nomination = add_nomination(store, dossier, kind, subject, award, justification).value
        draft = draft_report(store, nomination, _DEMO_TODAY)
        update_nomination(store, nomination, identity=draft.identity | identities.get(name, {}),
                          report_duties=draft.duties,
                          report_achievements=demo["achievements"].get(name, draft.achievements),
                          report_date=date(2024, 11, 25))
        council.set_votes(store, nomination, votes)
        nominated.append((nomination, name, award))
    record_written_votes(store, members, meeting.get("written_votes", {}), nominated)


def record_written_votes(store: Store, members: dict[str, int], spec: dict, nominated: list) -> None:
    """Each absent member's written vote on every nominee: "đồng ý" but for those listed ``against``
    as [name, award key]."""
    for name, votes in spec.items():
        against = {tuple(item) for item in votes.get("against", [])}
        for nomination, nominee, award in nominated:
            written_votes.set_written_vote(store, nomination, members[name], (nominee, award) not in against)
