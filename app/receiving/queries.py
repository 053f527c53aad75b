"""The receiving side's reads, on plain sqlite3 (``store.reading()``): frozen models from ``models.py``.

Ranking (``ranking``): one row per commune with an ok package of the year, read from its latest period. The
score ranked is the total the set's rating bands read (``Totals.scaled``): the self-scores, or — when the
province has appraised the commune — the self-scores with its appraised points put over them. Communes on
different criteria sets (name and content version) are ranked apart; equal scores share a rank (1, 2, 2, 4).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from functools import lru_cache

from app.domain.criteria import roots, subtotals
from app.domain.province_names import province_title
from app.domain.vietnamese import collation_key
from app.exchange.package_data import PackageData, ScoringData, parse_package_data
from app.receiving.models import (
    OK, AppraisalEntry, FieldScore, ProposalRow, RankingRow, ReceivedPackage, ReceivedRow, YearSummary, period_rank,
)

COLUMNS = ("id, path, package_name, commune_key, commune_name, province, unit_kind, commune_code, year, period, "
           "exported_at, app_version, status, reason, self_total, rating, set_name, set_version, tasks_total, "
           "tasks_done, tasks_overdue, proposals_count, decisions_count")


def row_of(values: tuple) -> ReceivedRow:
    """A ``ReceivedRow`` from the values of ``SELECT {COLUMNS}``."""
    values = list(values)
    values[14] = None if values[14] is None else Decimal(values[14])
    return ReceivedRow(*values)


def received(store, year: int | None = None) -> tuple[ReceivedRow, ...]:
    """Every package seen (of ``year`` when given), by commune, then year, period and export time."""
    where, args = ("WHERE year = ?", (year,)) if year is not None else ("", ())
    with store.reading() as connection:
        rows = [row_of(values) for values in connection.execute(
            f"SELECT {COLUMNS} FROM received_package {where}", args)]
    return tuple(sorted(rows, key=lambda row: (collation_key(row.commune_name), row.year, period_rank(row.period),
                                               row.exported_at, row.path)))


def years(store) -> tuple[int, ...]:
    """The years some package was taken in for (not refused), oldest first."""
    with store.reading() as connection:
        return tuple(year for (year,) in connection.execute(
            "SELECT DISTINCT year FROM received_package WHERE status != 'refused' AND year > 0 ORDER BY year"))


def package(store, package_id: int) -> ReceivedPackage | None:
    """One package with its data file read (None when there is no such row)."""
    with store.reading() as connection:
        values = connection.execute(f"SELECT {COLUMNS} FROM received_package WHERE id = ?", (package_id,)).fetchone()
        raw = connection.execute("SELECT data_json FROM received_package WHERE id = ?", (package_id,)).fetchone()
    if values is None:
        return None
    return ReceivedPackage(row_of(values), _data(raw[0]) if raw and raw[0] else None)


def _data(text: str) -> PackageData:
    return parse_package_data(text.encode("utf-8"))


def appraisal(store, commune_key: str, year: int) -> tuple[AppraisalEntry, ...]:
    """The province's appraisal of one commune's year, by criterion code as stored."""
    with store.reading() as connection:
        rows = connection.execute("SELECT code, points, note, updated_at FROM province_appraisal "
                                  "WHERE commune_key = ? AND year = ? ORDER BY id", (commune_key, year)).fetchall()
    return tuple(AppraisalEntry(code, None if points is None else Decimal(points), note, str(when))
                 for code, points, note, when in rows)


def ranked_package(store, commune_key: str, year: int) -> ReceivedPackage | None:
    """The package the ranking reads for a commune's year: its ok package of the latest period."""
    with store.reading() as connection:
        ids = connection.execute("SELECT id, period, exported_at FROM received_package WHERE commune_key = ? AND "
                                 "year = ? AND status = ?", (commune_key, year, OK)).fetchall()
    if not ids:
        return None
    latest = max(ids, key=lambda item: (period_rank(item[1]), item[2], item[0]))
    return package(store, latest[0])


def merged_points(scoring: ScoringData, entries: tuple[AppraisalEntry, ...]) -> dict[str, Decimal | None] | None:
    """The self-scores with the appraised points put over them (leaves); None when nothing is appraised."""
    appraised = {entry.code: entry.points for entry in entries if entry.points is not None}
    if not appraised:
        return None
    return {line.code: appraised.get(line.code, line.points) for line in scoring.lines if line.is_leaf}


def _fields(scoring: ScoringData, points: dict[str, Decimal | None]) -> tuple[FieldScore, ...]:
    na = {line.code for line in scoring.lines if line.not_applicable}
    criteria = scoring.criteria()
    values = subtotals(criteria, {code: value for code, value in points.items() if code not in na})
    return tuple(FieldScore(root.code, root.name, values.get(root.code) or Decimal(0), root.max_points)
                 for root in roots(criteria))


def _latest_rows(store, year: int) -> list[tuple[ReceivedRow, str]]:
    """Each commune's ok package of the year, its latest period: (row, data file text)."""
    with store.reading() as connection:
        found = [(row_of(values[:-1]), values[-1]) for values in connection.execute(
            f"SELECT {COLUMNS}, data_json FROM received_package WHERE year = ? AND status = ?", (year, OK))]
    latest: dict[str, tuple[ReceivedRow, str]] = {}
    for row, text in found:
        held = latest.get(row.commune_key)
        if held is None or (period_rank(row.period), row.exported_at) > (period_rank(held[0].period), held[0].exported_at):
            latest[row.commune_key] = (row, text)
    return list(latest.values())


def _appraisals(store, year: int) -> dict[str, tuple[AppraisalEntry, ...]]:
    with store.reading() as connection:
        rows = connection.execute("SELECT commune_key, code, points, note, updated_at FROM province_appraisal "
                                  "WHERE year = ? ORDER BY id", (year,)).fetchall()
    result: dict[str, list[AppraisalEntry]] = {}
    for key, code, points, note, when in rows:
        result.setdefault(key, []).append(AppraisalEntry(code, None if points is None else Decimal(points), note, str(when)))
    return {key: tuple(entries) for key, entries in result.items()}


@lru_cache(maxsize=512)  # the window ranks again after each appraisal typed: only that commune is worked out anew
def _unranked(row: ReceivedRow, text: str, entries: tuple[AppraisalEntry, ...]) -> RankingRow:
    data = _data(text)
    base = dict(package_id=row.id, commune_key=row.commune_key, commune=row.commune, province=row.province,
                period=row.period, tasks_total=row.tasks_total, tasks_done=row.tasks_done,
                tasks_overdue=row.tasks_overdue)
    scoring = data.scoring
    if scoring is None:
        return RankingRow(**base, set_name="", set_version="", self_total=None, appraised_total=None, score=None,
                          rating="", rank=None)
    self_points = {line.code: line.points for line in scoring.lines if line.is_leaf}
    merged = merged_points(scoring, entries)
    self_total = scoring.totals().scaled
    appraised = scoring.totals(merged) if merged is not None else None
    score_totals = appraised if appraised is not None else scoring.totals()
    return RankingRow(**base, set_name=scoring.set_name, set_version=scoring.version, self_total=self_total,
                      appraised_total=appraised.scaled if appraised is not None else None, score=score_totals.scaled,
                      rating=scoring.rating(score_totals), rank=None,
                      fields=_fields(scoring, merged if merged is not None else self_points))


def ranking(store, year: int) -> tuple[RankingRow, ...]:
    """The year's ranking: sets with the most communes first, then by rank, then by name; unscored last."""
    appraisals = _appraisals(store, year)
    rows = [_unranked(row, text, appraisals.get(row.commune_key, ())) for row, text in _latest_rows(store, year)]
    sizes = Counter((row.set_name, row.set_version) for row in rows if row.score is not None)
    ranked: list[RankingRow] = []
    for group in sorted(sizes, key=lambda group: (-sizes[group], collation_key(group[0]), group[1])):
        members = sorted((row for row in rows if (row.set_name, row.set_version) == group and row.score is not None),
                         key=lambda row: (-row.score, collation_key(row.commune)))
        for place, row in enumerate(members, start=1):
            tied = ranked[-1] if ranked and place > 1 and ranked[-1].score == row.score else None
            ranked.append(_with_rank(row, tied.rank if tied else place))
    unscored = sorted((row for row in rows if row.score is None), key=lambda row: collation_key(row.commune))
    return tuple(ranked + unscored)


def _with_rank(row: RankingRow, rank: int) -> RankingRow:
    from dataclasses import replace

    return replace(row, rank=rank)


def receiving_office(store) -> tuple[str, str]:
    """(name, province) of the receiving office: as set, else "Sở Nội vụ tỉnh <the province most packages name>"
    ("Sở Nội vụ thành phố Huế" for a centrally-run city: ``province_title``)."""
    with store.reading() as connection:
        own = connection.execute("SELECT name, province FROM receiving_office ORDER BY id LIMIT 1").fetchone()
        if own and own[0].strip():
            return own[0], own[1]
        common = connection.execute(
            "SELECT province FROM received_package WHERE status != 'refused' AND province != '' "
            "GROUP BY province ORDER BY COUNT(*) DESC, province LIMIT 1").fetchone()
    province = common[0] if common else ""
    return (f"Sở Nội vụ {province_title(province, date.today())}" if province else "Sở Nội vụ", province)


def receiving_signer(store) -> str:
    """Who signs the summary paper (the director's full name), "" when not typed."""
    with store.reading() as connection:
        row = connection.execute("SELECT signer FROM receiving_office ORDER BY id LIMIT 1").fetchone()
    return row[0] if row else ""


def proposals(store, year: int) -> tuple[ProposalRow, ...]:
    """The award proposals of the year across communes (each commune's ranked package), by commune."""
    found = []
    for row, text in _latest_rows(store, year):
        found += [ProposalRow(row.commune, item.nominee, item.nominee_kind, item.title, item.authority,
                              item.vote_text, item.dossier) for item in _data(text).proposals]
    return tuple(sorted(found, key=lambda item: (collation_key(item.commune), collation_key(item.nominee))))


def summary(store, year: int) -> YearSummary:
    """The year as the workbook and the summary paper show it: packages (also those unreadable, of no
    year), the ranking, the proposals, and the receiving office."""
    office, province = receiving_office(store)
    packages = tuple(row for row in received(store) if row.year in (year, 0))
    return YearSummary(year, office, province, packages, ranking(store, year), proposals(store, year),
                       receiving_signer(store))
