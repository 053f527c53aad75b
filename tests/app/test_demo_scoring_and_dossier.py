"""The demo commune carries a whole year: scores for 2023 and 2024, the registers, a complete 2024 dossier."""

from datetime import date

from app.services import council, registers, scoring
from app.services.dossier import list_dossiers, nominations
from app.services.dossier_readiness import readiness
from app.services.emulation_evaluation import evaluation

DAY = date(2024, 12, 5)


def test_scores_for_two_years_with_a_difference(demo_store):
    for year in (2023, 2024):
        sheet = scoring.score_sheet(demo_store, year, today=date(2025, 1, 15))
        assert sheet.scored == sheet.leaves
    sheet = scoring.score_sheet(demo_store, 2024, today=date(2025, 1, 15))
    assert sheet.previous_total is not None and sheet.total != sheet.previous_total
    accepted = [line for line in sheet.lines if line.basis == "proposal"]
    assert {line.code for line in accepted} == {"1.4", "3.2", "4.1"}
    assert any(line.overridden for line in sheet.lines)  # 1.2: the clerk's 2,5 against the app's 0, explained


def test_registers_hold_initiatives_and_one_discipline_record(demo_store):
    assert len(registers.list_initiatives(demo_store, 2024)) >= 2
    [record] = registers.list_discipline(demo_store)
    assert record.official_name == "Huỳnh Văn Ân" and record.form == "Khiển trách"
    assert registers.procedure_stats(demo_store, 2024)[0].received > 0


def test_the_2024_dossier_is_complete_with_one_nominee_not_eligible(demo_store):
    [dossier] = [item for item in list_dossiers(demo_store, 2024) if item.campaign.startswith("Phong trào")]
    listed = nominations(demo_store, dossier.id, DAY)
    people = [item for item in listed if item.subject_kind == "official"]
    groups = [item for item in listed if item.subject_kind == "collective"]
    assert 1 <= len(groups) <= 3 and 7 <= len(people) <= 10
    refused = [item for item in listed if item.eligibility.eligible is not True]
    assert [item.name for item in refused] == ["Huỳnh Văn Ân"]
    assert "Khiển trách" in refused[0].eligibility.summary() and refused[0].justification
    outcomes = council.outcomes(demo_store, dossier.id)
    assert outcomes[refused[0].id].passed is False
    assert all(outcomes[item.id].passed for item in listed if item is not refused[0])
    assert readiness(demo_store, dossier.id, DAY) == []
    qualified = {subject.name for subject in evaluation(demo_store, 2024, DAY).qualified}
    assert {item.name for item in listed if item.eligibility.eligible} <= qualified


def test_the_demo_opens_with_nothing_to_undo(demo_store):
    """The actions that built the demo (scores, marks, registers) are not steps for the clerk to undo."""
    from app.services import undo

    assert undo.next_steps(demo_store) == (None, None)
