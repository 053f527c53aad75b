"""The package's data file (``du-lieu-cchc.json``): what the receiving side reads; the papers stay the record.

One JSON object, UTF-8, Vietnamese as is (NFC), written by the commune beside its papers, listed and hashed
in ``manifest.json`` like any paper (kind ``data``). Points are decimal *strings* ("12.5") so nothing is
rounded on the way; dates are ISO (``2026-12-07``). Its fields are documented in
``resources/exchange/package-data.md``; ``FORMAT_VERSION`` grows when a field changes meaning, and a reader
refuses a version newer than its own (older ones it reads: a missing field takes its default).

The sender fills a ``PackageData`` (``app/queries/package_data.py``) and writes ``to_json``; the
receiver reads it with ``parse_package_data``, which refuses anything malformed with a Vietnamese message
naming the field (``scoring.lines[3].points``).
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from app.domain.criteria import CriterionData, RatingBand, rating_for
from app.domain.score_totals import Totals, tally
from app.domain.vietnamese import fold
from app.errors import UserError

FORMAT = "cchc-xa-data"
FORMAT_VERSION = 1
DATA_FILE = "du-lieu-cchc.json"
DATA_KIND = "data"  # the manifest's kind for this file
TASK_STATUSES = ("planned", "in_progress", "done", "overdue", "cancelled")
SUBJECT_KINDS = ("official", "collective")


@dataclass(frozen=True)
class CommuneInfo:
    name: str  # "Hòa Bình Xuân": without the word xã/phường
    province: str  # "Quảng Ngãi": without the word tỉnh/thành phố
    unit_kind: str = "xa"  # "xa" | "phuong"
    code: str = ""  # mã đơn vị hành chính when the clerk typed it; "" unknown

    @property
    def key(self) -> str:
        """Who this is across packages: the code when known, else province, kind and name folded
        (case, tones and spaces do not make another commune)."""
        if self.code.strip():
            return f"ma:{self.code.strip()}"
        return "|".join(" ".join(fold(part).split()) for part in (self.province, self.unit_kind, self.name))

    @property
    def title(self) -> str:
        """ "Xã Hòa Bình Xuân" / "Phường An Phú" as the receiver lists it."""
        return f"{'Phường' if self.unit_kind == 'phuong' else 'Xã'} {self.name}"


@dataclass(frozen=True)
class TaskData:
    plan: str  # the plan's label and number: "Kế hoạch CCHC năm 2026 (số 12/KH-UBND)"
    area: str  # the reform area (lĩnh vực) or section heading it is under
    title: str
    lead: str  # the lead official or office as the plan prints it
    timeframe: str  # "Quý I/2026", "Thường xuyên"
    status: str  # TASK_STATUSES as of the export, from its checkpoints (all skipped: cancelled)
    done_on: str = ""  # ISO date when done: the last checkpoint's completion
    checkpoints_done: int = 0  # done or skipped
    checkpoints_total: int = 0


@dataclass(frozen=True)
class ScoreLineData:
    code: str
    name: str
    parent_code: str = ""
    max_points: Decimal | None = None
    node_kind: str = ""  # "" ordinary | bonus | penalty (a top-level node's; children inherit)
    is_leaf: bool = True
    points: Decimal | None = None  # the commune's self-score (leaves only)
    not_applicable: bool = False
    declared: str = ""  # số liệu kê khai
    comment: str = ""
    appraised: Decimal | None = None  # the province's appraised score, when the commune has it
    appraisal_note: str = ""


@dataclass(frozen=True)
class ScoringData:
    """The self-scoring of the year against one criteria set (identity: name, year, issuer, decision;
    version: ``criteria_version`` of its lines)."""

    set_name: str
    set_year: int
    issuer: str = ""
    decision: str = ""
    version: str = ""
    na_rule: str = "scale"
    ratings: tuple[RatingBand, ...] = ()
    lines: tuple[ScoreLineData, ...] = ()

    def criteria(self) -> tuple[CriterionData, ...]:
        return tuple(CriterionData(line.code, line.name, parent_code=line.parent_code, max_points=line.max_points,
                                   node_kind=line.node_kind) for line in self.lines)

    def totals(self, points: dict[str, Decimal | None] | None = None) -> Totals:
        """The totals of the self-scores, or of ``points`` (code → points: an appraisal) under the set's rules."""
        scores = points if points is not None else {line.code: line.points for line in self.lines if line.is_leaf}
        na = {line.code for line in self.lines if line.not_applicable}
        return tally(self.criteria(), scores, na, self.na_rule)

    def rating(self, totals: Totals) -> str:
        return rating_for(totals.scaled, self.ratings) if self.ratings else ""

    def appraised_points(self) -> dict[str, Decimal | None] | None:
        """The appraisal the commune already holds (code → points), None when it has none."""
        if not any(line.appraised is not None for line in self.lines):
            return None
        return {line.code: line.appraised for line in self.lines if line.is_leaf}


@dataclass(frozen=True)
class ProposalData:
    """One nominee proposed in an award dossier of the year, with the council's vote and who grants it."""

    nominee: str
    nominee_kind: str  # SUBJECT_KINDS
    award_key: str  # resources/awards key: "cstdcs", "bang_khen_tinh"…
    title: str  # the title or form as written: "Chiến sĩ thi đua cơ sở"
    authority: str  # who grants it: "Chủ tịch UBND xã", "Chủ tịch UBND tỉnh"
    votes_for: int | None = None
    votes_total: int | None = None
    vote_text: str = ""  # "9/9 thành viên đồng ý (100%)"
    dossier: str = ""  # the letter: "Tờ trình số 15/TTr-UBND ngày 10/12/2026"


@dataclass(frozen=True)
class DecisionAwardData:
    nominee: str
    nominee_kind: str
    award_key: str
    title: str
    amount: int = 0  # đồng


@dataclass(frozen=True)
class DecisionData:
    """An award decision the commune Chairman issued himself."""

    number: str
    signed_on: str  # ISO date
    awards: tuple[DecisionAwardData, ...] = ()


@dataclass(frozen=True)
class PackageData:
    commune: CommuneInfo
    year: int
    period: str  # the report period key ("q1", "h1", "q3", "year") or "" when the package has no report
    period_label: str = ""  # "Quý IV/2026 (15/09/2026 - 14/12/2026)"
    exported_at: str = ""  # ISO time, as in the manifest
    app_version: str = ""
    tasks: tuple[TaskData, ...] = ()
    scoring: ScoringData | None = None
    proposals: tuple[ProposalData, ...] = ()
    decisions: tuple[DecisionData, ...] = ()
    format_version: int = field(default=FORMAT_VERSION)

    def to_json(self) -> bytes:
        return (json.dumps(_plain(self), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def criteria_version(lines: tuple[ScoreLineData, ...]) -> str:
    """The set's version as its content: code, parent, name, maximum and kind of every line, hashed.
    Two communes on the same set (however imported) give the same version; a changed maximum gives another."""
    shape = [[line.code, line.parent_code, unicodedata.normalize("NFC", line.name), _text(line.max_points),
              line.node_kind] for line in lines]
    return hashlib.sha256(json.dumps(shape, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- writing


def _text(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f") if value == value.to_integral() else str(value)


def _plain(value):
    if isinstance(value, Decimal):
        return _text(value)
    if isinstance(value, RatingBand):
        return {"label": value.label, "min_points": _text(value.min_points)}
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        data = {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
        if isinstance(value, PackageData):
            data = {"format": FORMAT, "format_version": data.pop("format_version"), **data}
        return data
    return value


# ---------------------------------------------------------------- reading


def _refuse(where: str, why: str) -> UserError:
    return UserError(f"Tệp dữ liệu {DATA_FILE} của gói không đọc được: trường “{where}” {why}.",
                     "Gói có thể được tạo bởi phần mềm khác hoặc đã bị sửa; hãy xin xã gửi lại gói.")


class _Reader:
    """Typed access to one JSON object, naming the field in every refusal."""

    def __init__(self, data, where: str) -> None:
        if not isinstance(data, dict):
            raise _refuse(where or "gốc", "không phải một đối tượng JSON")
        self.data, self.where = data, where

    def path(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def text(self, name: str, default: str = "") -> str:
        value = self.data.get(name, default)
        if value is None:
            return default
        if not isinstance(value, str):
            raise _refuse(self.path(name), "không phải chữ")
        return unicodedata.normalize("NFC", value)

    def whole(self, name: str, default: int | None = None) -> int | None:
        value = self.data.get(name, default)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            raise _refuse(self.path(name), "không phải số nguyên")
        return value

    def flag(self, name: str) -> bool:
        value = self.data.get(name, False)
        if not isinstance(value, bool):
            raise _refuse(self.path(name), "không phải true/false")
        return value

    def points(self, name: str) -> Decimal | None:
        value = self.data.get(name)
        if value is None:
            return None
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise _refuse(self.path(name), "không phải số điểm (viết dạng chữ, ví dụ \"12.5\")")
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or abs(number) > 100_000:
            raise _refuse(self.path(name), f"không phải số điểm: {str(value)[:30]!r}")
        return number

    def one_of(self, name: str, allowed: tuple[str, ...], default: str = "") -> str:
        value = self.text(name, default)
        if value not in allowed:
            raise _refuse(self.path(name), f"có giá trị lạ {value[:30]!r} (chỉ nhận: {', '.join(allowed)})")
        return value

    def items(self, name: str) -> list[_Reader]:
        value = self.data.get(name) or []
        if not isinstance(value, list):
            raise _refuse(self.path(name), "không phải danh sách")
        return [_Reader(item, f"{self.path(name)}[{number}]") for number, item in enumerate(value)]

    def child(self, name: str) -> _Reader | None:
        value = self.data.get(name)
        return None if value is None else _Reader(value, self.path(name))


def _line(item: _Reader) -> ScoreLineData:
    return ScoreLineData(
        code=item.text("code"), name=item.text("name"), parent_code=item.text("parent_code"),
        max_points=item.points("max_points"), node_kind=item.one_of("node_kind", ("", "bonus", "penalty")),
        is_leaf=item.flag("is_leaf") if "is_leaf" in item.data else True,
        points=item.points("points"), not_applicable=item.flag("not_applicable"), declared=item.text("declared"),
        comment=item.text("comment"), appraised=item.points("appraised"), appraisal_note=item.text("appraisal_note"))


def _scoring(item: _Reader) -> ScoringData:
    lines = tuple(_line(line) for line in item.items("lines"))
    codes = [line.code for line in lines]
    if len(set(codes)) != len(codes) or not all(codes):
        raise _refuse(item.path("lines"), "có mã tiêu chí trống hoặc trùng nhau")
    ratings = tuple(RatingBand(band.text("label"), band.points("min_points") or Decimal(0))
                    for band in item.items("ratings"))
    return ScoringData(item.text("set_name"), item.whole("set_year", 0) or 0, item.text("issuer"),
                       item.text("decision"), item.text("version") or criteria_version(lines),
                       item.text("na_rule", "scale"), ratings, lines)


def _proposal(item: _Reader) -> ProposalData:
    return ProposalData(item.text("nominee"), item.one_of("nominee_kind", SUBJECT_KINDS, "official"),
                        item.text("award_key"), item.text("title"), item.text("authority"),
                        item.whole("votes_for"), item.whole("votes_total"), item.text("vote_text"),
                        item.text("dossier"))


def _decision(item: _Reader) -> DecisionData:
    awards = tuple(DecisionAwardData(a.text("nominee"), a.one_of("nominee_kind", SUBJECT_KINDS, "official"),
                                     a.text("award_key"), a.text("title"), a.whole("amount", 0) or 0)
                   for a in item.items("awards"))
    return DecisionData(item.text("number"), item.text("signed_on"), awards)


def parse_package_data(raw: bytes) -> PackageData:
    """Read a data file; a UserError naming the field when it is not one this version can read."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise UserError(f"Tệp dữ liệu {DATA_FILE} của gói không phải JSON hợp lệ.",
                        "Hãy xin xã gửi lại gói.", str(error)) from error
    root = _Reader(data, "")
    if root.text("format") != FORMAT:
        raise _refuse("format", f"không phải “{FORMAT}”")
    version = root.whole("format_version", 0) or 0
    if version > FORMAT_VERSION:
        raise UserError(f"Tệp dữ liệu của gói thuộc phiên bản {version}, mới hơn phiên bản phần mềm này đọc được "
                        f"({FORMAT_VERSION}).", "Hãy cập nhật CCHC Xã rồi tổng hợp lại.")
    place = root.child("commune")
    if place is None:
        raise _refuse("commune", "bị thiếu")
    commune = CommuneInfo(place.text("name"), place.text("province"), place.one_of("unit_kind", ("xa", "phuong"), "xa"),
                          place.text("code"))
    if not commune.name.strip():
        raise _refuse("commune.name", "để trống")
    year = root.whole("year")
    if year is None or not 1990 <= year <= 2200:
        raise _refuse("year", "không phải một năm")
    tasks = tuple(TaskData(t.text("plan"), t.text("area"), t.text("title"), t.text("lead"), t.text("timeframe"),
                           t.one_of("status", TASK_STATUSES, "planned"), t.text("done_on"),
                           t.whole("checkpoints_done", 0) or 0, t.whole("checkpoints_total", 0) or 0)
                  for t in root.items("tasks"))
    scoring = root.child("scoring")
    return PackageData(
        commune=commune, year=year, period=root.text("period"), period_label=root.text("period_label"),
        exported_at=root.text("exported_at"), app_version=root.text("app_version"), tasks=tasks,
        scoring=_scoring(scoring) if scoring is not None else None,
        proposals=tuple(_proposal(p) for p in root.items("proposals")),
        decisions=tuple(_decision(d) for d in root.items("decisions")), format_version=version)
