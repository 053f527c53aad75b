"""The one reader of bundled resources (``resources/``): JSON rule tables and demo data."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from app.paths import resource


@lru_cache(maxsize=None)
def load_json(*parts: str) -> Any:
    """A bundled JSON file, parsed once per process."""
    with resource(*parts).open(encoding="utf-8") as handle:
        return json.load(handle)


def department_suggestions() -> list[str]:
    return list(load_json("defaults", "departments.json")["departments"])


def working_year_rule():
    """The days of the year-in-progress rule (``resources/defaults/working-year.json``)."""
    from app.domain.working_year import YearRule

    return YearRule.from_json(load_json("defaults", "working-year.json"))
