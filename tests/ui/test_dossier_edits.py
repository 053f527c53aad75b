"""The dossier tabs' ``Edits``: an Outcome says whether an edit was done, never "the value is not None"."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.errors import UserError
from app.services.changes import NOTHING, Done
from ui.dossier.commands import Edits


def _edits(qtbot) -> tuple[Edits, list]:
    parent = QWidget()
    qtbot.addWidget(parent)
    recorded: list = []
    return Edits(parent, None, None, recorded.append), recorded


def _refuse():
    raise UserError("Số phiếu đồng ý lớn hơn số người dự họp.", "Sửa lại số phiếu.")


def test_a_refused_edit_is_a_failed_outcome_shown_once_and_recorded_nowhere(qtbot, errors_shown):
    """A refusal gives a failed Outcome (not None), is shown once and leaves no undo step."""
    edits, recorded = _edits(qtbot)
    outcome = edits.apply(_refuse)
    assert not outcome.ok and isinstance(outcome.error, UserError)
    assert recorded == [] and errors_shown == ["Số phiếu đồng ý lớn hơn số người dự họp."]


def test_an_edit_that_changed_nothing_still_counts_as_done(qtbot, errors_shown):
    """An empty Changes is a success: the Outcome is ok, it goes to ``record`` and nothing is shown."""
    edits, recorded = _edits(qtbot)
    outcome = edits.apply(lambda: NOTHING)
    assert outcome.ok and outcome.value is NOTHING
    assert recorded == [NOTHING] and errors_shown == []


def test_a_done_whose_value_is_none_is_a_success_recorded_by_its_changes(qtbot, errors_shown):
    """A service returning ``Done(None, …)`` succeeded: ``run`` leaves recording to the caller, ``apply`` records."""
    edits, recorded = _edits(qtbot)
    ran = edits.run(lambda: Done(None, NOTHING))
    assert ran.ok and ran.value.value is None and recorded == []
    applied = edits.apply(lambda: Done(None, NOTHING))
    assert applied.ok and recorded == [NOTHING] and errors_shown == []
