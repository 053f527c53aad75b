"""The demo commune's scoring year (``resources/demo/scoring.json``): collectives, initiatives, one
discipline record, procedures per quarter, self-scores for 2023 and 2024, and the 2024 emulation marks."""

from __future__ import annotations

from datetime import date

from app.domain.criteria import EMULATION, PAR
from app.domain.points import parse_points
from app.resources import load_json
from app.services import registers, scoring
from app.services.criteria_sets import DEFAULT_SETS, install_default_sets, list_sets, load_set
from app.services.emulation_evaluation import set_mark
from app.store import Store

# Proposals are read as at the start of the next year: the demo year is over.
_DEMO_TODAY = date(2025, 1, 15)


def load_demo_scoring(store: Store) -> None:
    demo = load_json("demo", "scoring.json")
    install_default_sets(store)
    people = {name: official_id for official_id, name in registers.official_names(store, active_only=False)}
    for item in demo["collectives"]:
        registers.save_collective(store, item["name"], item["department"])
    for item in demo["initiatives"]:
        registers.save_initiative(store, registers.InitiativeData(
            year=item["year"], title=item["title"], author_ids=tuple(people[name] for name in item["authors"]),
            recognised_by=item["recognised_by"], decision_number=item["decision_number"],
            decision_date=date.fromisoformat(item["decision_date"]),
        ))
    for item in demo["discipline"]:
        registers.save_discipline(store, registers.DisciplineData(
            official_id=people[item["official"]], year=item["year"], form=item["form"],
            decision_number=item["decision_number"], decision_date=date.fromisoformat(item["decision_date"]),
            reason=item["reason"],
        ))
    for year, quarters in demo["procedures"].items():
        for quarter, (received, on_time) in enumerate(quarters, start=1):
            registers.set_procedure_stat(store, int(year), quarter, received, on_time)
    _load_self_scores(store, demo["par"])
    _load_marks(store, demo["emulation"])


def _load_self_scores(store: Store, years: dict) -> None:
    example = next(summary for summary in list_sets(store, PAR) if summary.name == _default_name(0))
    ids = load_set(store, example.id).criterion_ids
    for year_text, entry in sorted(years.items()):
        year = int(year_text)
        scoring.start(store, year, example.id)
        for code, value in entry["scores"].items():
            scoring.set_score(store, year, ids[code], parse_points(value))
        for code in entry.get("accept", []):
            scoring.accept_proposal(store, year, ids[code], today=_DEMO_TODAY)
        for code, comment in entry.get("comments", {}).items():
            scoring.set_comment(store, year, ids[code], comment)


def _load_marks(store: Store, years: dict) -> None:
    for year_text, entry in years.items():
        year = int(year_text)
        chosen = next(summary for summary in list_sets(store, EMULATION) if summary.name == entry["set"])
        scoring.start(store, year, chosen.id, kind=EMULATION)
        ids = load_set(store, chosen.id).criterion_ids
        collectives = [item.id for item in registers.list_collectives(store)]
        officials = [official_id for official_id, _ in registers.official_names(store)]
        for kind, subjects, marks in (("collective", collectives, entry["collective_marks"]),
                                      ("official", officials, entry["official_marks"])):
            for subject_id in subjects:
                for code, (status, reason) in marks.items():
                    set_mark(store, year, ids[code], kind, subject_id, status, reason)
        people = {name: official_id for official_id, name in registers.official_names(store)}
        for name, marks in entry.get("person_marks", {}).items():
            for code, (status, reason) in marks.items():
                set_mark(store, year, ids[code], "official", people[name], status, reason)
        groups = {item.name: item.id for item in registers.list_collectives(store)}
        for name, marks in entry.get("collective_marks_by_name", {}).items():
            for code, (status, reason) in marks.items():
                set_mark(store, year, ids[code], "collective", groups[name], status, reason)


def _default_name(index: int) -> str:
    return load_json("criteria", DEFAULT_SETS[index])["name"]
