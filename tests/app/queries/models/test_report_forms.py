"""Which report form a dossier uses: the dated periods of report-forms.json and the sentence the screen shows."""

from __future__ import annotations

from datetime import date, timedelta

from app.queries.models.report_forms import (
    ANNUAL,
    COLLECTIVE,
    DRIVE,
    INDIVIDUAL,
    FORM_VERSIONS,
    choice_note,
    decree,
    decree_choices,
    dossier_purpose,
    form_for,
    form_label,
    form_version_for,
    period_on,
    periods,
)
from app.resources import load_json


def test_every_day_from_2018_to_2027_has_exactly_one_period():
    """The periods follow one another without gap or overlap; each day 2018–2027 falls in exactly one."""
    found = periods()
    for before, after in zip(found, found[1:]):
        assert before.until is not None and before.until + timedelta(days=1) == after.start
    assert found[-1].until is None  # the last is open-ended until a newer decree is entered
    day = date(2018, 1, 1)
    while day <= date(2027, 12, 31):
        assert sum(period.covers(day) for period in found) == 1, day
        day += timedelta(days=1)


def test_each_decree_has_its_own_dates_as_data():
    """NĐ 91 to 31/12/2023, NĐ 98 from 01/01/2024 to 30/06/2025, NĐ 152 from 01/07/2025, a successor from 01/03/2027."""
    assert form_version_for(date(2023, 12, 31)) == "nd91-m07" and form_version_for(date(2024, 1, 1)) == "nd98-m08"
    assert form_version_for(date(2025, 6, 30)) == "nd98-m08" and form_version_for(date(2025, 7, 1)) == "nd152-m08"
    assert period_on(date(2027, 2, 28)).decree == "nd152" and period_on(date(2027, 3, 1)).decree == "next"
    assert decree("next")["expected"] is True and "unverified" in decree("next")["source"]


def test_a_day_in_2026_gives_decree_152s_forms():
    """2026: Mẫu 08 for a drive (both subjects), Mẫu 04 for a collective's and Mẫu 05 for a person's year."""
    day = date(2026, 5, 15)
    assert form_version_for(day, DRIVE, COLLECTIVE) == form_version_for(day, DRIVE, INDIVIDUAL) == "nd152-m08"
    assert form_version_for(day, ANNUAL, COLLECTIVE) == "nd152-m04"
    assert form_version_for(day, ANNUAL, INDIVIDUAL) == "nd152-m05"
    assert form_label("nd152-m05").printed == "Mẫu số 05 — Nghị định số 152/2025/NĐ-CP"


def test_a_2023_day_gives_decree_91s_forms():
    """2023: Mẫu 07 for a drive, Mẫu 01 (tập thể) and 02 (cá nhân) for the year's work."""
    day = date(2023, 11, 20)
    assert form_version_for(day, DRIVE, COLLECTIVE) == "nd91-m07"
    assert (form_version_for(day, ANNUAL, COLLECTIVE), form_version_for(day, ANNUAL, INDIVIDUAL)) == ("nd91-m01",
                                                                                                     "nd91-m02")
    assert form_label("nd91-m07").printed == "Mẫu số 07 — Nghị định số 91/2017/NĐ-CP"


def test_every_period_names_known_forms_with_their_source():
    """Each form a period names exists, belongs to a known decree, and says how sure its source is."""
    data = load_json("awards", "report-forms.json")
    for period in periods():
        assert period.source
        for purpose in (DRIVE, ANNUAL):
            for subject in (COLLECTIVE, INDIVIDUAL):
                form = data["forms"][period.forms[purpose][subject]]
                assert form["decree_key"] in data["decrees"] and form["verified"] is False
                assert any(mark in form["source"] for mark in ("verified", "inferred", "unverified"))


def test_a_stored_drive_form_stands_for_its_decrees_set():
    """A dossier storing nd98-m08 gets Mẫu 02/03 for the year's titles, Mẫu 08 for a drive."""
    assert form_for("nd98-m08", ANNUAL, COLLECTIVE) == "nd98-m02"
    assert form_for("nd98-m08", ANNUAL, INDIVIDUAL) == "nd98-m03"
    assert form_for("nd98-m08", DRIVE, COLLECTIVE) == "nd98-m08"
    assert set(FORM_VERSIONS) == set(decree_choices()) == {"nd91-m07", "nd98-m08", "nd152-m08"}
    assert decree_choices()["nd98-m08"] == "Nghị định 98/2023/NĐ-CP (01/01/2024 – 30/06/2025)"


def test_a_dossier_of_titles_only_is_the_years_dossier():
    """All emulation titles: annual; a Giấy khen among them, an unknown award or none at all: a drive."""
    assert dossier_purpose(["title", "title"]) == ANNUAL
    assert dossier_purpose(["title", "form"]) == DRIVE
    assert dossier_purpose(["title", None]) == DRIVE
    assert dossier_purpose([]) == DRIVE


def test_the_note_says_which_form_and_why():
    """The sentence names the forms per subject, the decree, the purpose and the dossier's date."""
    note = choice_note("nd98-m08", ANNUAL, {COLLECTIVE, INDIVIDUAL}, date(2024, 12, 5))
    assert note.startswith("Mẫu số 02 (tập thể), Mẫu số 03 (cá nhân), Nghị định 98/2023/NĐ-CP — báo cáo thành tích năm")
    assert "vì hồ sơ lập ngày 05/12/2024." in note and "chưa đối chiếu" in note
    drive = choice_note("nd98-m08", DRIVE, {INDIVIDUAL}, date(2024, 12, 5))
    assert drive.startswith("Mẫu số 08, Nghị định 98/2023/NĐ-CP — báo cáo thành tích theo đợt thi đua, chuyên đề")


def test_the_note_warns_when_the_letters_date_belongs_to_another_decree():
    """A dossier kept on NĐ 98 whose letter is dated 08/2025 is told that day falls under NĐ 152."""
    note = choice_note("nd98-m08", DRIVE, {INDIVIDUAL}, date(2025, 8, 10))
    assert "Nhưng hồ sơ lập ngày 10/08/2025, thuộc Nghị định 152/2025/NĐ-CP" in note and "vì hồ sơ lập" not in note
    assert "chưa có ngày tờ trình" in choice_note("nd98-m08", DRIVE, {INDIVIDUAL}, None)
    met = choice_note("nd98-m08", ANNUAL, {INDIVIDUAL}, date(2024, 12, 16), "Hội đồng họp")
    assert met.startswith("Mẫu số 03, Nghị định 98/2023/NĐ-CP") and "vì Hội đồng họp ngày 16/12/2024." in met
    assert "dự kiến có nghị định thay thế" in choice_note("nd152-m08", DRIVE, {INDIVIDUAL}, date(2027, 4, 1))
