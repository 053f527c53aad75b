"""Undo cases: the self-scoring, the emulation marks, the registers they read and the criteria sets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from app.domain.criteria import EMULATION, PAR
from app.services import criteria_sets, registers, scoring
from app.services import emulation_evaluation as evaluation
from app.services.evidence_choices import year_evidence_files
from tests.app.undo_cases import Case

YEAR, NEW_YEAR, TODAY = 2024, 2030, date(2025, 1, 15)  # 2030: a year the demo (as of 06/12/2026) has not scored


def _par_set(store) -> int:
    return next(item.id for item in criteria_sets.list_sets(store, PAR) if "ví dụ" in item.name)


def _leaf(store, wanted=lambda line: True):
    """A scored year's leaf that ``wanted`` accepts (the demo scores 2024)."""
    sheet = scoring.score_sheet(store, YEAR, TODAY)
    return next(line for line in sheet.lines if line.is_leaf and line.max_points and wanted(line))


def _other_points(line) -> Decimal:
    return Decimal(0) if line.points else line.max_points


# --- the self-scoring ------------------------------------------------------------------------

def _start(store, _prepared):
    return scoring.start(store, NEW_YEAR, _par_set(store))


def _second_set(store) -> int:
    """A second PAR set, and the new year started on the first one."""
    first = _par_set(store)
    example = criteria_sets.load_set(store, first).data
    second = criteria_sets.save_set(store, replace(example, name="Bộ chỉ số thử đổi bộ", year=NEW_YEAR)).value
    scoring.start(store, NEW_YEAR, first)
    return second


def _switch(store, second):
    return scoring.start(store, NEW_YEAR, second)


def _score(store, _prepared):
    line = _leaf(store)
    return scoring.set_score(store, YEAR, line.criterion_id, _other_points(line))


def _accept(store, _prepared):
    line = _leaf(store, lambda item: item.proposal is not None and item.proposal.points is not None
                 and (item.points != item.proposal.points or item.basis != "proposal"))
    return scoring.accept_proposal(store, YEAR, line.criterion_id, TODAY)


def _comment(store, _prepared):
    return scoring.set_comment(store, YEAR, _leaf(store).criterion_id, "Giải trình thử: đã đối chiếu biên bản.")


def _source_file(store):
    source = store.folder.root.parent / "nguon" / "bien-ban-kiem-tra.pdf"
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(b"%PDF-1.4 bien ban kiem tra " + source.name.encode())
    return source


def _attach(store, source):
    return scoring.attach_evidence(store, YEAR, _leaf(store).criterion_id, source)


def _link(store, _prepared):
    choice = year_evidence_files(store, YEAR)[0]
    return scoring.link_evidence(store, YEAR, _leaf(store, lambda line: not line.evidence).criterion_id,
                                 choice.file_id, choice.name)


def _linked(store) -> int:
    return _attach(store, _source_file(store)).value


def _detach(store, link_id):
    return scoring.detach_evidence(store, link_id)


# --- the emulation evaluation -------------------------------------------------------------------

def _start_emulation(store, _prepared):
    return scoring.start(store, NEW_YEAR, next(item.id for item in criteria_sets.list_sets(store, EMULATION)),
                         kind=EMULATION)


def _first_mark(store):
    found = evaluation.evaluation(store, YEAR, TODAY)
    subject = next(item for item in found.subjects if item.marks)
    return found, subject, subject.marks[0]


def _set_mark(store, _prepared):
    found, subject, mark = _first_mark(store)
    status = "not_met" if mark.status == "met" else "met"
    return evaluation.set_mark(store, YEAR, found.criterion_ids[mark.criterion_code], subject.kind, subject.id,
                               status, "Theo biên bản họp bình xét")


def _stored_mark(store):
    found, subject, mark = _first_mark(store)
    evaluation.set_mark(store, YEAR, found.criterion_ids[mark.criterion_code], subject.kind, subject.id, "met",
                        "Đạt theo biên bản")
    return found.criterion_ids[mark.criterion_code], subject


def _follow_software(store, prepared):
    criterion_id, subject = prepared
    return evaluation.set_mark(store, YEAR, criterion_id, subject.kind, subject.id, None)


# --- the registers ---------------------------------------------------------------------------

def _add_collective(store, _prepared=None):
    return registers.save_collective(store, "Bộ phận Tiếp nhận và trả kết quả", "VP-TK")


def _edit_collective(store, _prepared):
    first = registers.list_collectives(store)[0]
    return registers.save_collective(store, first.name + " (sửa)", first.department, first.id, not first.active)


def _delete_collective(store, added):
    return registers.delete_collective(store, added.id)


def _people(store) -> list[int]:
    return [official_id for official_id, _name in registers.official_names(store)]


def _add_initiative(store, _prepared=None):
    return registers.save_initiative(store, registers.InitiativeData(
        YEAR, "Số hóa sổ hộ tịch", tuple(_people(store)[:2]), "Hội đồng sáng kiến xã", "30/QĐ-UBND",
        date(YEAR, 11, 20)))


def _edit_initiative(store, _prepared):
    first = registers.list_initiatives(store)[0]
    return registers.save_initiative(store, registers.InitiativeData(
        first.year, first.title + " (sửa)", tuple(_people(store)[2:4]), first.recognised_by), first.id)


def _delete_initiative(store, initiative_id):
    return registers.delete_initiative(store, initiative_id)


def _add_discipline(store, _prepared=None):
    return registers.save_discipline(store, registers.DisciplineData(_people(store)[0], YEAR, "Khiển trách",
                                                                     "45/QĐ-UBND", None, "Đi muộn nhiều lần"))


def _edit_discipline(store, _prepared):
    first = registers.list_discipline(store)[0]
    return registers.save_discipline(store, registers.DisciplineData(
        first.official_id, first.year, "Cảnh cáo", first.decision_number, first.decision_date, "Sửa lý do"), first.id)


def _delete_discipline(store, discipline_id):
    return registers.delete_discipline(store, discipline_id)


def _procedures(store, _prepared):
    return registers.set_procedure_stat(store, YEAR, 2, 321, 300)


# --- the criteria sets ------------------------------------------------------------------------

def _import_set(store, _prepared):
    example = criteria_sets.load_set(store, _par_set(store)).data
    return criteria_sets.save_set(store, replace(example, name="Bộ chỉ số của tỉnh (nhập thử)", year=NEW_YEAR))


def _unused_set(store) -> int:
    return next(item.id for item in criteria_sets.list_sets(store) if not item.used_in_years)


def _delete_set(store, set_id):
    return criteria_sets.delete_set(store, set_id)


def _reinstall(store, _prepared):
    return criteria_sets.install_default_sets(store)


CASES = [
    Case("bắt đầu chấm điểm", _start),
    Case("đổi bộ tiêu chí", _switch, prepare=_second_set),
    Case("chấm điểm tiêu chí", _score),
    Case("nhận điểm đề xuất", _accept),
    Case("sửa giải trình", _comment),
    Case("gắn tài liệu mới", _attach, prepare=_source_file),
    Case("gắn tài liệu của danh mục", _link),
    Case("gỡ tài liệu", _detach, prepare=_linked),
    Case("bắt đầu đánh giá thi đua", _start_emulation),
    Case("chấm tiêu chuẩn thi đua", _set_mark),
    Case("theo phần mềm", _follow_software, prepare=_stored_mark),
    Case("thêm tập thể", _add_collective),
    Case("sửa tập thể", _edit_collective),
    Case("xóa tập thể", _delete_collective, prepare=lambda store: _add_collective(store).value),
    Case("thêm sáng kiến", _add_initiative),
    Case("sửa sáng kiến", _edit_initiative),
    Case("xóa sáng kiến", _delete_initiative, prepare=lambda store: _add_initiative(store).value),
    Case("thêm kỷ luật", _add_discipline),
    Case("sửa kỷ luật", _edit_discipline),
    Case("xóa kỷ luật", _delete_discipline, prepare=lambda store: _add_discipline(store).value),
    Case("sửa số liệu TTHC", _procedures),
    Case("nhập bộ tiêu chí", _import_set),
    Case("xóa bộ tiêu chí", _delete_set, prepare=lambda store: _import_set(store, None).value),
    Case("thêm các bộ tiêu chí có sẵn", _reinstall,
         prepare=lambda store: criteria_sets.delete_set(store, _unused_set(store))),
]
