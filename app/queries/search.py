"""Tìm khắp dữ liệu (Ctrl+F): plans, tasks, criteria, officials and nominees whose words match, on plain sqlite3.

Typed with or without diacritics ("cai cach" finds "Cải cách"); every word must appear. Each hit says
what it is and where, so the window can jump to it. Read in one snapshot; a commune has some
thousands of rows, folded here in Python (SQLite has no Vietnamese folding).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.plan_kinds import plan_kind
from app.domain.vietnamese import fold

LIMIT = 50  # of each kind: more is not read by anyone, the clerk types one more word


@dataclass(frozen=True)
class Hit:
    kind: str  # plan | task | criterion | official | nominee
    id: int
    text: str  # what matched, shown as the hit's first line
    where: str  # "Kế hoạch CCHC 2026 › III. Cải cách TTHC", "Bộ tiêu chí … (2025)"
    year: int | None = None
    owner_id: int | None = None  # a criterion's set, a nominee's dossier


KIND_LABELS = {"plan": "Kế hoạch", "task": "Nhiệm vụ", "criterion": "Tiêu chí", "official": "Cán bộ, công chức",
               "nominee": "Đề nghị khen thưởng"}

_QUERIES = {
    "plan": "SELECT id, COALESCE(NULLIF(title, ''), number), year, kind, number, NULL FROM \"plan\" ORDER BY year DESC, id",
    "official": ("SELECT id, full_name, NULL, position, CASE WHEN active THEN '' ELSE 'đã nghỉ' END, NULL FROM official "
                 "ORDER BY active DESC, id"),
    "task": ("SELECT t.id, t.title, p.year, p.kind, a.title, NULL FROM plan_task t JOIN plan_area a ON a.id = t.area_id "
             "JOIN \"plan\" p ON p.id = a.plan_id ORDER BY p.year DESC, p.id, a.position, t.position"),
    "criterion": ("SELECT c.id, c.code || '. ' || c.name, s.year, s.name, s.kind, s.id FROM criterion c "
                  "JOIN criteria_set s ON s.id = c.set_id WHERE s.kind = 'par' ORDER BY s.year DESC, s.id, c.position"),
    "nominee": ("SELECT n.id, COALESCE(o.full_name, c.name, ''), d.year, "
                "COALESCE(json_extract(k.definition, '$.name'), n.award_key), d.letter_number, d.id FROM nomination n "
                "JOIN dossier d ON d.id = n.dossier_id LEFT JOIN award_kind k ON k.key = n.award_key "
                "LEFT JOIN official o ON n.subject_kind = 'official' AND o.id = n.subject_id "
                "LEFT JOIN collective c ON n.subject_kind = 'collective' AND c.id = n.subject_id "
                "ORDER BY d.year DESC, d.id, n.position"),
}


def search(connection, words: str, limit: int = LIMIT) -> list[Hit]:
    """The rows in which every typed word starts a word (folded: "mai" finds "Mai", not "email"); per kind at most
    ``limit``, plans first, then officials, tasks, criteria and nominees, the newest year first."""
    wanted = [re.compile(rf"(?<![0-9a-z]){re.escape(word)}") for word in fold(words).split()]
    if not wanted:
        return []
    hits: list[Hit] = []
    for kind, sql in _QUERIES.items():
        found = 0
        for row_id, text, year, first, second, owner in connection.execute(sql):
            folded = fold(text or "")
            if folded and all(word.search(folded) for word in wanted):
                hits.append(Hit(kind, row_id, " ".join(text.split()), _where(kind, year, first, second), year, owner))
                found += 1
                if found >= limit:
                    break
    return hits


def _where(kind: str, year, first, second) -> str:
    if kind == "plan":
        return f"{plan_kind(first).label} năm {year}" + (f", số {second}" if second else "")
    if kind == "task":
        return f"{plan_kind(first).label} năm {year} › {' '.join((second or '').split())}"
    if kind == "criterion":
        return f"{first} ({year})"
    if kind == "official":
        return ", ".join(part for part in (first, second) if part)
    letter = f", tờ trình số {second}" if second else ""
    return f"Đề nghị {first} — hồ sơ khen thưởng năm {year}{letter}"
