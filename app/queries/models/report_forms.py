"""Which achievement-report form a dossier uses: dated data, not code.

``resources/awards/report-forms.json`` holds the decrees, their periods (one
after the other, from/until both included) and, for each period, the form per
purpose × subject:

- purpose ``drive`` — an emulation drive or theme (thi đua theo đợt, chuyên đề);
  ``annual`` — the year's work (bình xét danh hiệu thi đua năm: LĐTT, CSTĐCS, TTLĐTT…);
- subject ``collective`` (tập thể) or ``individual`` (cá nhân).

A dossier row stores one key, the drive form of the decree it was made under
(``nd98-m08``): that key stands for the decree's whole form set, and the form of
each report follows from it with the dossier's purpose and the nominee's
subject. The purpose is not stored: a dossier whose nominations are all
emulation titles (danh hiệu thi đua) is the year-end title dossier.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from app.resources import load_json

DRIVE, ANNUAL = "drive", "annual"
INDIVIDUAL, COLLECTIVE = "individual", "collective"
PURPOSE_TEXT = {DRIVE: "báo cáo thành tích theo đợt thi đua, chuyên đề",
                ANNUAL: "báo cáo thành tích năm (bình xét danh hiệu thi đua)"}
SUBJECT_TEXT = {COLLECTIVE: "tập thể", INDIVIDUAL: "cá nhân"}


def _data() -> dict:
    return load_json("awards", "report-forms.json")


@dataclass(frozen=True)
class Period:
    """One decree's time: ``until`` None while in force; ``forms[purpose][subject]`` a form key."""

    start: date
    until: date | None
    decree: str
    forms: Mapping[str, Mapping[str, str]]
    source: str

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.until is None or day <= self.until)


def periods() -> tuple[Period, ...]:
    """The JSON's periods, oldest first."""
    out = [Period(date.fromisoformat(raw["from"]), date.fromisoformat(raw["until"]) if raw["until"] else None,
                  raw["decree"], raw["forms"], raw["source"]) for raw in _data()["periods"]]
    return tuple(sorted(out, key=lambda period: period.start))


def period_on(day: date) -> Period:
    """The period in force on ``day``; a day before the first period takes the first (no older forms here)."""
    found = periods()
    return next((period for period in found if period.covers(day)), found[0])


def decree(key: str) -> dict:
    """ {"name", "number", "source", ["expected"]} of a decree key ("nd98")."""
    return _data()["decrees"][key]


def form_version_for(on: date, purpose: str = DRIVE, subject: str = INDIVIDUAL) -> str:
    """The form key in force on ``on`` for the purpose and subject (FORMS.md §0–§2, as data)."""
    return period_on(on).forms[purpose][subject]


def drive_versions() -> dict[str, str]:
    """What a dossier may store: each decree's drive form, labelled "Mẫu số 08, Nghị định 98/2023/NĐ-CP"."""
    forms = _data()["forms"]
    keys = dict.fromkeys(period.forms[DRIVE][INDIVIDUAL] for period in periods())
    return {key: f"{forms[key]['form']}, {forms[key]['decree']}" for key in keys}


FORM_VERSIONS = drive_versions()


def decree_choices() -> dict[str, str]:
    """The screen's choice of decree for a dossier: stored key → "Nghị định 98/2023/NĐ-CP (01/01/2024 – 30/06/2025)"."""
    spans: dict[str, list[Period]] = {}
    for period in periods():
        spans.setdefault(period.forms[DRIVE][INDIVIDUAL], []).append(period)
    out = {}
    for key, group in spans.items():
        until = None if any(period.until is None for period in group) else max(period.until for period in group)
        span = f"{group[0].start:%d/%m/%Y} – {until:%d/%m/%Y}" if until else f"từ {group[0].start:%d/%m/%Y}"
        out[key] = f"{FORM_VERSIONS[key].split(', ', 1)[1]} ({span})"
    return out


def form_for(stored: str, purpose: str, subject: str) -> str:
    """The form of one report in a dossier that stores ``stored`` (its decree's drive form)."""
    for period in periods():
        if stored in period.forms[DRIVE].values():
            return period.forms[purpose][subject]
    return stored  # not a drive key: the form itself


def subject_of(subject_kind: str) -> str:
    """A nomination's subject kind ("official", "collective") as the forms name it."""
    return INDIVIDUAL if subject_kind == "official" else COLLECTIVE


def dossier_purpose(award_kinds: Iterable[str | None]) -> str:
    """ ``annual`` when every nomination is an emulation title ("title" in award-kinds.json), else ``drive``.

    ``award_kinds`` holds each nomination's kind ("title", "form", None when unknown); no nomination yet
    means a drive dossier, the one the clerk makes most.
    """
    kinds = list(award_kinds)
    return ANNUAL if kinds and all(kind == "title" for kind in kinds) else DRIVE


@dataclass(frozen=True)
class FormLabel:
    """What a form prints top right and the screen names: "Mẫu số 08" of "Nghị định số 98/2023/NĐ-CP"."""

    form: str
    decree_name: str
    decree_number: str
    verified: bool

    @property
    def printed(self) -> str:
        """ "Mẫu số 08 — Nghị định số 98/2023/NĐ-CP", the line above the motto."""
        return f"{self.form} — Nghị định số {self.decree_number}" if self.decree_number else self.form


def form_label(key: str) -> FormLabel:
    form = _data()["forms"][key]
    law = decree(form["decree_key"])
    return FormLabel(form["form"], law["name"], law["number"], bool(form.get("verified")))


def choice_note(stored: str, purpose: str, subjects: Iterable[str], day: date | None,
                what: str = "hồ sơ lập") -> str:
    """The screen's sentence: which form, of which decree, for which purpose, and why.

    "Mẫu số 02 (tập thể), Mẫu số 03 (cá nhân), Nghị định 98/2023/NĐ-CP — báo cáo thành tích năm …, vì hồ sơ
    lập ngày 05/12/2024." ``day`` is the dossier's date, ``what`` says which ("hồ sơ lập": the letter's;
    "Hội đồng họp": the meeting's, for a dossier with no letter); without a day the stored decree stands.
    """
    given = set(subjects) or {COLLECTIVE, INDIVIDUAL}
    wanted = [subject for subject in (COLLECTIVE, INDIVIDUAL) if subject in given]  # tập thể first
    keys = {subject: form_for(stored, purpose, subject) for subject in wanted}
    labels = {subject: form_label(key) for subject, key in keys.items()}
    if len(set(keys.values())) == 1:
        forms = labels[wanted[0]].form
    else:
        forms = ", ".join(f"{labels[s].form} ({SUBJECT_TEXT[s]})" for s in wanted)
    text = f"{forms}, {labels[wanted[0]].decree_name} — {PURPOSE_TEXT[purpose]}" + _why(stored, day, what)
    if not all(label.verified for label in labels.values()):
        text += " Bố cục mẫu chưa đối chiếu với văn bản gốc: kiểm tra lại trước khi nộp."
    return text


def _why(stored: str, day: date | None, what: str) -> str:
    if day is None:
        return ", theo nghị định chọn khi lập hồ sơ (hồ sơ chưa có ngày tờ trình, ngày họp Hội đồng)."
    period = period_on(day)
    in_force = period.forms[DRIVE][INDIVIDUAL]
    if in_force != stored:
        return (f". Nhưng {what} ngày {day:%d/%m/%Y}, thuộc {FORM_VERSIONS[in_force].split(', ', 1)[1]}: "
                "đổi ở thẻ “Tờ trình” nếu hồ sơ theo ngày đó.")
    text = f", vì {what} ngày {day:%d/%m/%Y}."
    if decree(period.decree).get("expected"):
        text += f" Từ {period.start:%d/%m/%Y} dự kiến có nghị định thay thế, chưa có mẫu mới: kiểm tra lại."
    return text
