"""How a province is named on a paper: "tỉnh Quảng Ngãi", but "thành phố Hà Nội" for a centrally-run city.

The cities and the day each became one are data (``resources/law/provinces.json``): Huế is "thành phố Huế" on
a paper from 01/01/2025, "tỉnh Thừa Thiên Huế" before. A name typed with its level is kept as typed.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from app.domain.vietnamese import fold
from app.resources import load_json

_LEVEL = re.compile(r"^(tỉnh|thành phố|tp\.?)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cities() -> tuple[tuple[frozenset[str], str, date], ...]:
    found = []
    for city in load_json("law", "provinces.json")["cities"]:
        names = frozenset(fold(name) for name in (city["name"], city["title"], *city.get("aliases", ())))
        found.append((names, city["title"], date.fromisoformat(city["from"])))
    return tuple(found)


def has_level(province: str) -> bool:
    """Typed with its level ("thành phố Huế", "tỉnh Lào Cai")."""
    return bool(_LEVEL.match(province.strip()))


def bare_name(province: str) -> str:
    """The name without its level: "thành phố Huế" → "Huế" (what a place-and-date line prints)."""
    return _LEVEL.sub("", " ".join(province.split()))


def province_title(province: str, day: date) -> str:
    """The province as a paper of ``day`` names it after "UBND", "Sở Nội vụ" or a comma; "" for no name."""
    name = " ".join(province.split())
    if not name or has_level(name) and not name.lower().startswith("tp"):
        return name
    folded = fold(name)
    for names, title, since in _cities():
        if folded in names and day >= since:
            return title
    return f"tỉnh {bare_name(name)}"
