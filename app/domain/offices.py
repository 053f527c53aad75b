"""Wordings that name the commune's offices, chosen by a paper's date (standard library only).

Each dated wording is a dict of ``resources/defaults/decision-executors.json``::

    {"from": "2025-07-01", "to": null, "offices": {"van_phong": "Chánh {name} {unit}", …},
     "text": "{offices} và các tập thể, cá nhân có tên tại Điều 1", "without_offices": "…"}

A wording without ``offices`` is printed as it is (a time before the commune had offices).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from app.domain.hierarchy import level_on


def executors_on(day: date, wordings: Sequence[Mapping], offices: Sequence[tuple[str, str]], unit: str) -> str:
    """Điều 3's executors of a decision signed on ``day``; ``offices`` are (kind, name) in force that day."""
    wording = level_on(day, wordings)
    templates = wording.get("offices")
    if not templates:
        return wording["text"].format(unit=unit)
    named = [templates[kind].format(name=name, unit=unit) for kind, name in offices if kind in templates]
    if not named:
        return wording["without_offices"].format(unit=unit)
    return wording["text"].format(offices=", ".join(named), unit=unit)
