"""The words of a timeframe: folding that remembers positions, and what clerks write.

Matching works on folded text (no diacritics, lower case: ``vietnamese.fold``) so
"Quý", "quy" and "QUÝ" read alike, while every folded character remembers where it
came from, so labels are cut from the clerk's own wording and never retyped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.domain.vietnamese import fold


@dataclass(frozen=True)
class Folded:
    """``text`` is ``source`` folded; ``origin[i]`` is where folded character ``i`` came from."""

    source: str
    text: str
    origin: tuple[int, ...]

    def at(self, index: int) -> int:
        """Position in ``source`` of folded character ``index``; the end of ``source`` past the last."""
        return self.origin[index] if index < len(self.origin) else len(self.source)

    def original(self, start: int, end: int) -> str:
        """The clerk's own words behind folded ``text[start:end]``."""
        return self.source[self.at(start) : self.at(end)] if start < end else ""


def fold_with_map(text: str) -> Folded:
    """Fold ``text`` character by character, keeping every white space as one space."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = " " if char.isspace() else fold(char)
        pieces.append(piece)
        origin.extend([index] * len(piece))
    return Folded(text, "".join(pieces), tuple(origin))


@dataclass(frozen=True)
class Hit:
    """One thing read in a clause: its kind, folded span and captured numbers or words."""

    kind: str
    start: int
    end: int
    groups: tuple[tuple[str, str], ...] = ()

    def get(self, name: str) -> str | None:
        return dict(self.groups).get(name)


# Document numbers ("140/KH-UBND", "130/2005/NĐ-CP", "04-NQ/TU") and the date that
# follows them ("... ngày 14/10/2021") cite another paper: never a deadline, never a plan year.
CITATION = (
    r"(?<![0-9a-z])[0-9]{1,6}(?:[/-][a-z0-9]{1,8}){0,3}[/-][a-z][a-z0-9]{0,8}(?:[/-][a-z0-9]{1,8}){0,3}"
    r"(?:\s*,?\s*ngay\s*[0-9]{1,2}\s*[/.-]\s*[0-9]{1,2}\s*[/.-]\s*[0-9]{4}(?![0-9]))?"
)
_YEAR = r"(?P<y>[0-9]{4})(?![0-9])"
_OPT_YEAR = rf"(?:\s*(?:/|-|,|nam)?\s*{_YEAR})?"

# Order matters: earlier patterns claim their words first ("6 tháng đầu năm 2024"
# before "đầu năm", "Quý I năm 2024" before "năm 2024").
DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("cite", CITATION),
        ("day", rf"\bngay\s*(?P<d>[0-9]{{1,2}})\s*thang\s*(?P<m>[0-9]{{1,2}})(?:\s*,?\s*nam\s*{_YEAR})?"),
        (
            "day",
            r"(?:\bngay\s*)?(?<![0-9./-])(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})"
            r"(?:\s*/\s*(?P<y>[0-9]{4}|[0-9]{2}))?(?![0-9]|\s*/\s*[0-9])",
        ),
        (
            "day",
            r"(?:\bngay\s*)?(?<![0-9./-])(?P<d>[0-9]{1,2})\s*(?P<s>[.-])\s*(?P<m>[0-9]{1,2})"
            r"\s*(?P=s)\s*(?P<y>[0-9]{4})(?![0-9])",
        ),
        ("month", rf"\bthang\s*(?P<m>[0-9]{{1,2}})(?![0-9]){_OPT_YEAR}"),
        (
            "quarter",
            r"\bquy\s*(?P<q>[ivx]+|[0-9]+)\b(?!\s*/?\s*(?:mot\s+|1\s+)?lan\b)"
            rf"(?P<more>(?:\s*(?:,|-|va)\s*(?:iv|i{{1,3}}|[1-4])\b(?!\s*/?\s*(?:mot\s+|1\s+)?lan\b))*){_OPT_YEAR}",
        ),
        ("half", rf"\b(?:(?:6|sau)\s*thang|nua)\s*(?P<p>dau|cuoi)\s*(?:cua\s*)?nam{_OPT_YEAR}"),
        ("part", rf"\b(?P<p>dau|giua|cuoi)\s*nam(?:\s*{_YEAR})?"),
        ("span", r"(?<![0-9])(?P<a>[0-9]{4})\s*[-–]\s*(?P<y>[0-9]{4})(?![0-9])"),
        ("year", rf"\bnam\s*{_YEAR}"),
        ("thisyear", r"\b(?:trong|ca|het|suot)\s+nam\b(?!\s*[0-9])"),
    )
)

# "quy" is also the first word of "quy định", "quy chế"…; "nam" of "Nam Định".
_PERIOD = (
    r"\b(?:(?:6|sau)\s*thang|nua\s*nam|thang|quy(?!\s+(?:dinh|che|trinh|hoach|mo|tac|pham|chuan|uoc)\b)"
    r"|nam(?!\s+(?:dinh|bo|gioi|hoc)\b))\b"
)
_ONCE = r"(?:\s*(?:/\s*|mot\s+|1\s+)lan\b)?"  # "hằng quý 1 lần"
_PERIOD_LIST = rf"(?P<list>{_PERIOD}(?:\s*(?:,|/|-|\bva\b|\bhoac\b)?\s*(?:(?:hang|moi)\s+)?{_PERIOD})*)"

WORD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("weekly", r"\b(?:hang|moi|dinh\s*ky(?:\s+hang)?)\s+(?P<unit>tuan|ngay)\b"),
        ("recur", rf"\b(?:dinh\s*ky|hang|moi|bao\s*cao)\s+(?:(?:hang|moi)\s+)?{_PERIOD_LIST}{_ONCE}"),
        ("recur", rf"(?P<list>{_PERIOD})\s*(?:/\s*|mot\s+|1\s+)lan\b"),
        ("periodic", r"\bdinh\s*ky\b"),
        ("ongoing", r"\b(?:thuong\s*xuyen|lien\s*tuc|quanh\s*nam)\b"),
        ("superior", r"\b(?:theo|dung)\s+tien\s*do\b"),
        ("superior", r"\btheo\s+(?:su\s+)?(?:huong\s*dan|quy\s*dinh|yeu\s*cau|chi\s*dao)\b"),
        ("superior", r"\bcap\s+(?:co\s+tham\s+quyen|tren)\b"),
        ("superior", r"\bthoi\s*(?:gian|han)\s+(?:theo\s+)?quy\s*dinh\b"),
        (
            "superior",
            r"\btheo\s+(?:cong\s*van|van\s*ban|thong\s*bao|nghi\s*dinh|nghi\s*quyet|thong\s*tu"
            r"|chi\s*thi|quyet\s*dinh|luat)\b",
        ),
        ("superior", r"\btheo\s+(?:ke\s*hoach|chuong\s*trinh|lich)\s+(?:so|cua|cap|ubnd|huyen|tinh|xa)\b"),
        ("superior", r"\bkhi\s+co\s+(?:yeu\s*cau|van\s*ban|huong\s*dan|chi\s*dao)\b"),
        ("event", r"\b(?:sau\s+(?:moi\s+|cac\s+|tung\s+)?(?:dot|khi|buoi|cuoc)|khi\s+phat\s+sinh)\b"),
    )
)

# "từ <start> đến (hết) <end>": only the end is a deadline.
_RANGE = re.compile(r"\btu\b(?:\s+[^\s,;]+){0,8}?\s+den\b(?:\s+het\b)?")
_CLAUSE_END = re.compile(r"[;\n]|\.(?=\s)")


@dataclass(frozen=True)
class Clause:
    """A part of the phrase between semicolons, with everything read in it in text order."""

    start: int
    end: int
    hits: tuple[Hit, ...]
    leftover: str  # folded clause text with every hit blanked out


def split_clauses(folded: Folded) -> list[Clause]:
    """Cut the phrase at semicolons, line breaks and full stops and read each part."""
    clauses: list[Clause] = []
    start = 0
    for mark in _CLAUSE_END.finditer(folded.text):
        clauses.append(read_clause(folded.text, start, mark.start()))
        start = mark.end()
    clauses.append(read_clause(folded.text, start, len(folded.text)))
    return [clause for clause in clauses if clause.start < clause.end]


def read_clause(text: str, start: int, end: int) -> Clause:
    """Every date, recurrence and hint in ``text[start:end]``, each claiming its own words."""
    chars = list(text[start:end])
    hits = _scan(chars, DATE_PATTERNS, start)
    hits = _merge_ranges(text[start:end], hits, start)
    hits += _scan(chars, WORD_PATTERNS, start)
    return Clause(start, end, tuple(sorted(hits, key=lambda hit: hit.start)), "".join(chars))


def _scan(chars: list[str], patterns, offset: int) -> list[Hit]:
    """Run the patterns in order over ``chars``, blanking what each one claims."""
    hits: list[Hit] = []
    for kind, pattern in patterns:
        for match in list(pattern.finditer("".join(chars))):
            hits += _hits(kind, match, offset)
            chars[match.start() : match.end()] = " " * (match.end() - match.start())
    return hits


def _hits(kind: str, match: re.Match[str], offset: int) -> list[Hit]:
    """One hit per match, except "Quý III, IV/2024": one per quarter, sharing the year."""
    groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None and k != "more")
    more = match.groupdict().get("more")
    if not more:
        return [Hit(kind, match.start() + offset, match.end() + offset, groups)]
    hits = [Hit(kind, match.start() + offset, match.end("q") + offset, groups)]
    for numeral in re.finditer(r"iv|i{1,3}|[1-4]", more):
        start = match.start("more") + numeral.start() + offset
        own = tuple((k, numeral.group() if k == "q" else v) for k, v in groups)
        hits.append(Hit(kind, start, start + len(numeral.group()), own))
    last = hits[-1]
    return hits[:-1] + [replace(last, end=match.end() + offset)]


def _merge_ranges(text: str, hits: list[Hit], offset: int) -> list[Hit]:
    """In "từ X đến Y" drop X and let Y's words start at "từ"."""
    for found in _RANGE.finditer(text):
        begin, finish = found.start() + offset, found.end() + offset
        target = _range_end(text, hits, offset, finish)
        if target is None:
            continue
        kept = [h for h in hits if h is not target and not (begin <= h.start < finish and h.kind != "cite")]
        hits = kept + [replace(target, start=begin)]
    return hits


def _range_end(text: str, hits: list[Hit], offset: int, finish: int) -> Hit | None:
    """The date written right after "đến (hết)", if any."""
    after = [h for h in hits if h.start >= finish and h.kind != "cite"]
    first = min(after, key=lambda hit: hit.start, default=None)
    if first is None or text[finish - offset : first.start - offset].strip():
        return None
    return first


_PUNCT = ".,;:–-…"
_TRAIL_WORDS = {"trong", "truoc", "vao", "den", "het", "tu", "ngay", "han", "la", "va", "hoac", "khoang"}
_LEAD_WORDS = {"va", "hoac", "han"}
_EMPTY_LABELS = {"hoan thanh", "thuc hien", "hoan thanh xong"}


def trim(folded: Folded, start: int, end: int) -> str:
    """The clerk's words in ``[start, end)`` without the joining words around a date
    ("trong", "trước", "Thời gian thực hiện:"), or "" when nothing else is left."""
    spans = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", folded.text[start:end])]
    cores = [folded.text[a:b].strip(_PUNCT) for a, b in spans]
    first = _skip_lead(cores)
    last = len(cores) - _skip_trail(cores[first:])
    if first >= last:
        return ""
    label = folded.original(spans[first][0], spans[last - 1][1]).strip().strip(_PUNCT).strip()
    return "" if fold(label) in _EMPTY_LABELS else label


def _skip_lead(cores: list[str]) -> int:
    index = 0
    while index < len(cores):
        if cores[index] in _LEAD_WORDS or not cores[index]:
            index += 1
        elif cores[index : index + 2] in (["thoi", "gian"], ["thoi", "han"]):
            index += 2
            if cores[index : index + 2] in (["thuc", "hien"], ["hoan", "thanh"], ["to", "chuc"]):
                index += 2
        else:
            break
    return index


def _skip_trail(cores: list[str]) -> int:
    backwards = cores[::-1]
    count = 0
    while count < len(backwards):
        if backwards[count] in _TRAIL_WORDS or not backwards[count]:
            count += 1
        elif backwards[count : count + 2] == ["nhat", "cham"]:
            count += 2
        else:
            break
    return count
