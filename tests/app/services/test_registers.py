from datetime import date

import pytest

from app.errors import UserError
from app.services import registers, undo
from app.services.officials import OfficialData, add_official


def test_procedure_figures_are_checked_and_undoable(store):
    changes = registers.set_procedure_stat(store, 2024, 2, 120, 118)
    assert changes.label == "Sửa số liệu TTHC quý II năm 2024"
    assert registers.procedure_stats(store, 2024)[1] == registers.QuarterStat(2, 120, 118)
    with pytest.raises(UserError, match=r"Quý II: số hồ sơ đúng hạn \(121\) lớn hơn"):
        registers.set_procedure_stat(store, 2024, 2, 120, 121)
    with pytest.raises(UserError, match="không được âm"):
        registers.set_procedure_stat(store, 2024, 1, -1, 0)
    with pytest.raises(UserError, match="Quý 5"):
        registers.set_procedure_stat(store, 2024, 5, 1, 1)
    assert registers.procedure_stats(store, 2024)[1].on_time == 118


def test_initiatives_need_a_title_and_an_author_and_delete_undoes(store):
    mai = add_official(store, OfficialData("Lê Thị Mai")).value.id
    with pytest.raises(UserError, match="tên sáng kiến"):
        registers.save_initiative(store, registers.InitiativeData(2024, "  ", (mai,)))
    with pytest.raises(UserError, match="tác giả"):
        registers.save_initiative(store, registers.InitiativeData(2024, "Số hóa"))
    with pytest.raises(UserError, match="không thuộc năm 2024"):
        registers.save_initiative(store, registers.InitiativeData(2024, "Số hóa", (mai,), decision_date=date(2021, 1, 1)))
    new = registers.save_initiative(store, registers.InitiativeData(2024, "Số hóa sổ hộ tịch", (mai, mai))).value
    [saved] = registers.list_initiatives(store, 2024)
    assert (saved.id, saved.authors, saved.author_ids) == (new, "Lê Thị Mai", (mai,))
    assert registers.delete_initiative(store, new).label == "Xóa sáng kiến “Số hóa sổ hộ tịch”"
    assert registers.list_initiatives(store) == []
    undo.undo(store)
    assert registers.list_initiatives(store) == [saved]


def test_discipline_and_collectives_round_trip(store):
    an = add_official(store, OfficialData("Huỳnh Văn Ân")).value.id
    with pytest.raises(UserError, match="hình thức kỷ luật"):
        registers.save_discipline(store, registers.DisciplineData(an, 2024, ""))
    record = registers.save_discipline(store, registers.DisciplineData(an, 2024, "Khiển trách", "98/QĐ-UBND"))
    assert record.changes.label == "Thêm kỷ luật của Huỳnh Văn Ân"
    assert registers.list_discipline(store, 2024)[0].official_name == "Huỳnh Văn Ân"
    registers.delete_discipline(store, record.value)
    undo.undo(store)
    assert len(registers.list_discipline(store)) == 1
    with pytest.raises(UserError, match="tên tập thể"):
        registers.save_collective(store, " ")
    desk = registers.save_collective(store, "Bộ phận Một cửa", "VP-TK").value
    registers.delete_collective(store, desk.id)
    undo.undo(store)
    assert registers.list_collectives(store) == [desk]
