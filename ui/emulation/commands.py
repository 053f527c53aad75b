"""Undo steps of Thi đua: a mark, and the registers the marks read (collectives, initiatives, discipline, procedures).

Each step is pushed after its service call succeeded (``DoneCommand``); undo and
redo call the services again and tell every screen that scoring changed.
``item_id`` names the record a step is about, so a register can select it.
"""

from __future__ import annotations

from dataclasses import fields

from app.services import emulation_evaluation as evaluation
from app.services import registers
from app.services.changes import SCORING, Changes
from app.services.emulation_evaluation import MarkState
from app.services.registers import Collective, Discipline, DisciplineData, Initiative, InitiativeData, QuarterStat
from ui.undo_commands import DoneCommand

_QUARTERS = ("I", "II", "III", "IV")


def _short(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class ScoringStep(DoneCommand):
    changes = Changes.of(SCORING)
    item_id: int | None = None


class SetMark(ScoringStep):
    def __init__(self, store, notify, before: MarkState, after: MarkState, text: str) -> None:
        super().__init__(text, store, notify)
        self.before, self.after = before, after

    def apply(self) -> None:
        evaluation.restore_mark(self.store, self.after)

    def revert(self) -> None:
        evaluation.restore_mark(self.store, self.before)


# --- collectives ---------------------------------------------------------------------------

class AddCollective(ScoringStep):
    def __init__(self, store, notify, added: Collective) -> None:
        super().__init__(f"Thêm tập thể “{_short(added.name)}”", store, notify)
        self.item_id, self.values = added.id, None

    def apply(self) -> None:
        registers.restore_collective(self.store, self.values)

    def revert(self) -> None:
        self.values = registers.delete_collective(self.store, self.item_id)


class EditCollective(ScoringStep):
    def __init__(self, store, notify, before: Collective, after: Collective) -> None:
        super().__init__(f"Sửa tập thể “{_short(after.name)}”", store, notify)
        self.item_id, self.before, self.after = after.id, before, after

    @staticmethod
    def put_cell(store, item: Collective) -> None:
        registers.save_collective(store, item.name, item.department, item.id, item.active)

    def apply(self) -> None:
        self.put_cell(self.store, self.after)

    def revert(self) -> None:
        self.put_cell(self.store, self.before)


class DeleteCollective(ScoringStep):
    def __init__(self, store, notify, values: dict) -> None:
        super().__init__(f"Xóa tập thể “{_short(values['name'])}”", store, notify)
        self.item_id, self.values = values["id"], values

    def apply(self) -> None:
        self.values = registers.delete_collective(self.store, self.item_id)

    def revert(self) -> None:
        registers.restore_collective(self.store, self.values)


# --- initiatives ------------------------------------------------------------------------------

def initiative_data(item: Initiative) -> InitiativeData:
    """The editable part of a listed initiative."""
    return InitiativeData(**{field.name: getattr(item, field.name) for field in fields(InitiativeData)})


class AddInitiative(ScoringStep):
    def __init__(self, store, notify, initiative_id: int, data: InitiativeData) -> None:
        super().__init__(f"Thêm sáng kiến “{_short(data.title)}”", store, notify)
        self.item_id, self.saved = initiative_id, None

    def apply(self) -> None:
        registers.restore_initiative(self.store, self.saved)

    def revert(self) -> None:
        self.saved = registers.delete_initiative(self.store, self.item_id)


class EditInitiative(ScoringStep):
    def __init__(self, store, notify, initiative_id: int, before: InitiativeData, after: InitiativeData) -> None:
        super().__init__(f"Sửa sáng kiến “{_short(after.title)}”", store, notify)
        self.item_id, self.before, self.after = initiative_id, before, after

    def apply(self) -> None:
        registers.save_initiative(self.store, self.after, self.item_id)

    def revert(self) -> None:
        registers.save_initiative(self.store, self.before, self.item_id)


class DeleteInitiative(ScoringStep):
    def __init__(self, store, notify, saved: tuple[dict, list[dict]]) -> None:
        super().__init__(f"Xóa sáng kiến “{_short(saved[0]['title'])}”", store, notify)
        self.item_id, self.saved = saved[0]["id"], saved

    def apply(self) -> None:
        self.saved = registers.delete_initiative(self.store, self.item_id)

    def revert(self) -> None:
        registers.restore_initiative(self.store, self.saved)


# --- discipline ---------------------------------------------------------------------------------

def discipline_data(item: Discipline) -> DisciplineData:
    return DisciplineData(**{field.name: getattr(item, field.name) for field in fields(DisciplineData)})


class AddDiscipline(ScoringStep):
    def __init__(self, store, notify, discipline_id: int, name: str) -> None:
        super().__init__(f"Thêm kỷ luật của {name}", store, notify)
        self.item_id, self.values = discipline_id, None

    def apply(self) -> None:
        registers.restore_discipline(self.store, self.values)

    def revert(self) -> None:
        self.values = registers.delete_discipline(self.store, self.item_id)


class EditDiscipline(ScoringStep):
    def __init__(self, store, notify, discipline_id: int, before: DisciplineData, after: DisciplineData,
                 name: str) -> None:
        super().__init__(f"Sửa kỷ luật của {name}", store, notify)
        self.item_id, self.before, self.after = discipline_id, before, after

    def apply(self) -> None:
        registers.save_discipline(self.store, self.after, self.item_id)

    def revert(self) -> None:
        registers.save_discipline(self.store, self.before, self.item_id)


class DeleteDiscipline(ScoringStep):
    def __init__(self, store, notify, values: dict, name: str) -> None:
        super().__init__(f"Xóa kỷ luật của {name}", store, notify)
        self.item_id, self.values = values["id"], values

    def apply(self) -> None:
        self.values = registers.delete_discipline(self.store, self.item_id)

    def revert(self) -> None:
        registers.restore_discipline(self.store, self.values)


# --- procedures per quarter -----------------------------------------------------------------------

class SetProcedureStat(ScoringStep):
    def __init__(self, store, notify, year: int, before: QuarterStat, after: QuarterStat) -> None:
        super().__init__(f"Sửa số liệu TTHC quý {_QUARTERS[after.quarter - 1]} năm {year}", store, notify)
        self.year, self.before, self.after = year, before, after

    def put_cell(self, stat: QuarterStat) -> None:
        registers.set_procedure_stat(self.store, self.year, stat.quarter, stat.received, stat.on_time)

    def apply(self) -> None:
        self.put_cell(self.after)

    def revert(self) -> None:
        self.put_cell(self.before)
