"""Khen thưởng: one refresh reads the dossier once; an edit is one journal step on the Edit menu."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtCore import Qt

import app.services.emulation_evaluation as emulation_evaluation
from app.services import undo
from app.services.changes import PLANS, Changes
from app.services.nominee_facts import FactsContext
from ui.dossier import ID_ROLE
from ui.journal_undo import JournalUndoStack
from ui.pages.dossier_page import DossierPage

TODAY = date(2025, 1, 10)


@pytest.fixture
def counted(demo_store, monkeypatch):
    """Counts of transactions opened, evaluations made and eligibility contexts built, from now on."""
    counts = {"transactions": 0, "evaluations": 0, "judgements": 0}
    opened, evaluation, context = demo_store.transaction, emulation_evaluation.evaluation, FactsContext.__init__

    @contextmanager
    def transaction():
        counts["transactions"] += 1
        with opened() as session:
            yield session

    def evaluated(*args, **kwargs):
        counts["evaluations"] += 1
        return evaluation(*args, **kwargs)

    def judging(self, *args, **kwargs):
        counts["judgements"] += 1
        context(self, *args, **kwargs)

    monkeypatch.setattr(demo_store, "transaction", transaction)
    monkeypatch.setattr(emulation_evaluation, "evaluation", evaluated)
    monkeypatch.setattr(FactsContext, "__init__", judging)
    return counts


def _page(qtbot, store):
    holder = {}

    def notify(changes):
        holder["page"].refresh(changes)

    stack = JournalUndoStack(store, notify)
    page = DossierPage(store, stack, notify, today=TODAY)
    holder["page"] = page
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.view is not None)
    return page, stack


def test_one_refresh_opens_two_transactions_and_judges_eligibility_once(qtbot, demo_store, counted):
    """Reloading the demo's dossier (ten nominees, every tab filled) reads it in two transactions, one judgement."""
    page, _stack = _page(qtbot, demo_store)
    for name in counted:
        counted[name] = 0
    page.reload()
    assert len(page.view.nominations) >= 10 and page.view.decision is not None
    assert counted == {"transactions": 2, "evaluations": 1, "judgements": 1}


def test_a_change_the_page_does_not_show_reads_nothing(qtbot, demo_store, counted):
    """A plan edit elsewhere does not make the dossier page read again."""
    page, _stack = _page(qtbot, demo_store)
    counted["transactions"] = 0
    page.refresh(Changes.of(PLANS))
    assert counted["transactions"] == 0


def test_an_edit_is_one_journal_step_that_undo_takes_back(qtbot, demo_store):
    """Typing a letter number is one step named on the Edit menu; undo through the journal empties the field."""
    page, stack = _page(qtbot, demo_store)
    before = page.view.dossier.letter_number
    assert page.edits.dossier(page.view.dossier.id, "Sửa số tờ trình", letter_number="77/TTr-UBND")
    assert page.view.dossier.letter_number == "77/TTr-UBND"
    assert stack.undoText() == "Sửa số tờ trình" == undo.next_steps(demo_store)[0]
    stack.undo()
    qtbot.waitUntil(lambda: page.view.dossier.letter_number == before)
    assert page.letter_tab.number.text() == before


def test_nominees_added_together_are_one_step_and_the_first_is_selected(qtbot, demo_store):
    """Two people added for Lao động tiên tiến are one undo step; the first of them is the row selected."""
    page, stack = _page(qtbot, demo_store)
    page.dossiers.setCurrentIndex(page.dossiers.findText("Phong trào", Qt.MatchFlag.MatchStartsWith))
    listed = {item.subject_id for item in page.view.nominations if item.award_key == "ldtt"}
    picks = [("official", person.id) for person in page.view.people if person.id not in listed][:2]
    added = page.nominations_tab.add(picks, "ldtt")
    assert len(added) == 2 and stack.undoText() == "Thêm 2 đề nghị “Lao động tiên tiến”"
    assert page.nominations_tab.current_id == added[0]
    assert page.nominations_tab.table.currentIndex().data(ID_ROLE) == added[0]
    stack.undo()
    qtbot.waitUntil(lambda: page.view.nomination(added[0]) is None)
    assert page.view.nomination(added[1]) is None
