"""What the package reads about evidence files: the year's files and where each stored copy is."""

from __future__ import annotations

from pathlib import Path

from app.services.evidence import Evidence, evidence_path, year_evidence
from app.store import Store


def year_evidence_files(store: Store, year: int) -> tuple[tuple[Evidence, Path], ...]:
    """The evidence of the year's plans in task order, with the path of its stored copy.

    A file attached under the same name to several checkpoints is listed once (the package carries it once).
    """
    found, seen = [], set()
    for evidence in year_evidence(store, year):
        if (evidence.sha256, evidence.original_name) not in seen:
            seen.add((evidence.sha256, evidence.original_name))
            found.append((evidence, evidence_path(store, evidence.link_id)))
    return tuple(found)
