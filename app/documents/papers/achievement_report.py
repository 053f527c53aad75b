"""The BÁO CÁO THÀNH TÍCH of one nominee, laid out by the dossier's form version.

The layout of each version (title lines, the sections and their headings, the
part-I fields of a person and of a collective, the history tables, the
signature blocks) is data: ``resources/awards/report-forms.json``, each entry
saying which decree and form it follows and how sure FORMS.md is of it. This
module only interprets it. Part I prints the nominee's identity fields, a blank
one as a dotted gap to write in by hand; part II the duties and achievements,
one paragraph per line; part III (where the form has it) the award history,
split into emulation titles and award forms.

The report is the nominee's own: the clerk's justification for proposing a
nominee against the rules is not printed here (it goes in the list's Ghi chú).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app.documents.model import (
    Align,
    Column,
    Document,
    Header,
    Paragraph,
    Row,
    Signature,
    Signatures,
    Table,
    TitleBlock,
    heading,
    para,
)
from app.documents.papers.common import commune_body, place_date_line, text_paragraphs
from app.domain.awards import AwardKind
from app.domain.vietnamese import fold
from app.queries.models.award_history import Record, records_as_of
from app.queries.models.dossier import OFFICIAL, Nomination
from app.queries.models.profile import CommuneProfile
from app.queries.models.report_forms import DRIVE, form_for, form_label, subject_of
from app.resources import load_json

BLANK = "…" * 12  # a gap the clerk fills by hand
FORMS_FILE = ("awards", "report-forms.json")
# An award the app does not know is sorted by its name: these begin award forms, the rest are titles.
_FORM_PREFIXES = ("giay khen", "bang khen", "huan chuong", "huy chuong", "ky niem chuong")


def report_forms() -> dict:
    """Every form version's layout, as the JSON holds it."""
    return load_json(*FORMS_FILE)["forms"]


def report_form(version: str) -> dict:
    """One version's layout; a ValueError names an unknown version (the dossier service refuses those)."""
    forms = report_forms()
    if version not in forms:
        raise ValueError(f"no achievement report layout for form version {version!r}; known: {sorted(forms)}")
    return forms[version]


def subject_layout(version: str, subject: str) -> Mapping:
    """The body of ``version`` for "individual" or "collective", following "layout_of" to the form it reuses."""
    layout = report_form(version).get(subject)
    if layout is None:
        raise ValueError(f"form version {version!r} has no {subject} layout")
    return subject_layout(layout["layout_of"], subject) if "layout_of" in layout else layout


def commune_unit(profile: CommuneProfile) -> str:
    """ "UBND xã Hòa Bình Xuân", as the drafts write the unit."""
    return f"UBND xã {profile.commune_name}".strip() if profile.commune_name else "UBND xã"


def position_line(nomination: Nomination, profile: CommuneProfile) -> str:
    """ "Công chức VP-TK, UBND xã Hòa Bình Xuân": a person's position and unit; a collective's unit."""
    unit = str(nomination.identity.get("Đơn vị công tác", "")).strip() or commune_unit(profile)
    if nomination.subject_kind != OFFICIAL:
        return "" if fold(unit) in fold(nomination.name) else unit
    title = str(nomination.identity.get("Chức vụ", "")).strip() or nomination.title
    return ", ".join(part for part in (title, unit) if part)


# ----------------------------------------------------------------------------- part I, II, III


def _field_text(field: Mapping, identity: Mapping) -> str:
    value = str(identity.get(field.get("key", field["label"]), "")).strip()
    return f"{field['label']}: {value or BLANK}"


def field_paragraphs(lines: Iterable, identity: Mapping) -> list[Paragraph]:
    """ "- Quê quán: …" per line of the form; fields sharing a line are joined by ";"."""
    return [para("- " + "; ".join(_field_text(field, identity) for field in line)) for line in lines]


def _text_item(item: Mapping, nomination: Nomination) -> list:
    text = {"duties": nomination.duties, "achievements": nomination.achievements}[item["from"]]
    blocks: list = [heading(item["heading"], 2)] if item.get("heading") else []
    return blocks + (text_paragraphs(text) or [para(BLANK * 4)])


def award_kind_of(record: Record, kinds: Mapping[str, AwardKind]) -> str:
    """ "title" (danh hiệu thi đua) or "form" (hình thức khen thưởng) of a history record."""
    kind = kinds.get(record.award_key)
    if kind is not None:
        return kind.kind
    return "form" if fold(record.award_name).startswith(_FORM_PREFIXES) else "title"


def decision_text(record: Record) -> str:
    """ "Số 145/QĐ-UBND ngày 15/12/2023; Chủ tịch UBND huyện" — what the history holds of the decision."""
    number = f"Số {record.decision_number}" if record.decision_number else ""
    day = f"ngày {record.decision_date:%d/%m/%Y}" if record.decision_date else ""
    decision = " ".join(part for part in (number, day) if part)
    return "; ".join(part for part in (decision, record.authority) if part)


def history_table(item: Mapping, records: Iterable[Record], kinds: Mapping[str, AwardKind]) -> Table:
    """One part-III table: the records of its kind (already those known on the report's date), oldest first;
    two empty rows to write in when there are none."""
    chosen = sorted((r for r in records if award_kind_of(r, kinds) == item["award_kind"]),
                    key=lambda r: (r.year, r.award_name))
    rows = [Row((r.year, r.award_name, decision_text(r))) for r in chosen] or [Row(("", "", ""))] * 2
    year_title, award_title, decision_title = item["columns"]
    columns = (Column(year_title, 0.8, Align.CENTER), Column(award_title, 2.6), Column(decision_title, 3.6))
    return Table(columns, tuple(rows), size=12)


def _section(section: Mapping, nomination: Nomination, records, kinds) -> list:
    blocks: list = [heading(section["heading"], 1)]
    for item in section["items"]:
        if item["type"] == "fields":
            blocks += field_paragraphs(item["fields"], nomination.identity)
        elif item["type"] == "text":
            blocks += _text_item(item, nomination)
        elif item["type"] == "history":
            blocks += [heading(item["heading"], 2), history_table(item, records, kinds)]
        else:
            raise ValueError(f"unknown report item type {item['type']!r}")
    return blocks


# ----------------------------------------------------------------------------- the paper


def _signer(who: str, nomination: Nomination, profile: CommuneProfile) -> str:
    return {"nominee": nomination.name, "chairman": profile.chairman_name}.get(who, "")


def signature_rows(layout: Mapping, nomination: Nomination, profile: CommuneProfile) -> list[Signatures]:
    """The form's signature blocks, one row per list in the JSON, left to right."""
    return [
        Signatures(tuple(Signature(item["position"], _signer(item.get("signer", ""), nomination, profile),
                                   note=item.get("note", "")) for item in row))
        for row in layout["signatures"]
    ]


def report_title(form: Mapping, nomination: Nomination, profile: CommuneProfile) -> TitleBlock:
    """ "BÁO CÁO THÀNH TÍCH" / "ĐỀ NGHỊ TẶNG THƯỞNG <AWARD>" / the nominee's name and position line."""
    doc_type, *lines = form["title"]
    summary = [line.format(award=nomination.award_name.upper()) for line in lines]
    who = ", ".join(part for part in (nomination.name, position_line(nomination, profile)) if part)
    return TitleBlock(doc_type, (*summary, who))


def achievement_report(nomination: Nomination, form_version: str, profile: CommuneProfile, year: int,
                       records: Iterable[Record] = (), kinds: Mapping[str, AwardKind] | None = None,
                       purpose: str = DRIVE) -> Document:
    """The nominee's report on its form, portrait, for PDF and Word.

    ``form_version`` is what the dossier stores (its decree's drive form); with ``purpose`` (the dossier's:
    drive or annual) and the nominee's subject it gives the form, whose number and decree print above the
    header. ``records`` is the nominee's award history (part III), ``kinds`` the award kinds that sort it into
    titles and forms — part III lists only what existed on the report's own date (``records_as_of``: a
    decision signed after the report is not cited); ``year`` is the dossier's, the year of a blank date.
    """
    subject = subject_of(nomination.subject_kind)
    key = form_for(form_version, purpose, subject)
    form, layout, label = report_form(key), subject_layout(key, subject), form_label(key)
    records, kinds = records_as_of(records, nomination.report_date, year), kinds or {}
    header = Header(commune_body(profile.commune_name), "",
                    place_date_line(profile.place_name, nomination.report_date, year), form_label=label.printed)
    blocks: list = [header, report_title(form, nomination, profile)]
    for section in layout["sections"]:
        blocks += _section(section, nomination, records, kinds)
    blocks += signature_rows(layout, nomination, profile)
    return Document(
        title=f"Báo cáo thành tích: {nomination.name} ({nomination.award_name})",
        blocks=tuple(blocks),
        author=commune_unit(profile),
        # The paper prints what the form carries; how sure the layout is stays in the file's properties.
        subject=f"{form['form']}, {form['decree']}" + ("" if label.verified else " (bố cục chưa đối chiếu văn bản gốc)"),
    )
