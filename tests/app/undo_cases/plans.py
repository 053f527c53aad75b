"""Undo cases: plans, their areas and tasks, the checklist, evidence and the progress report's narrative."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.importers.plan_model import ImportedPlan, ImportedTask
from app.services import checklist, evidence, plan_import, plan_tree, plans, report_texts
from tests.app.undo_cases import Case

YEAR = 2024  # the demo's year: its reform plan has statuses, evidence and history


def _reform(store) -> plans.PlanSummary:
    return next(p for p in plans.list_plans(store, YEAR) if p.kind == "reform")


def _tree(store):
    return plan_tree.plan_tree(store, _reform(store).id)


def _task_with_evidence(store) -> int:
    return evidence.year_evidence(store, YEAR)[0].task_id


def _fresh_plan(store) -> plans.Plan:
    return plans.create_plan(store, plans.new_plan_data(store, 2031)).value


def _edit_plan(store, _prepared):
    plan = plans.get_plan(store, _reform(store).id)
    sections = tuple((key, body + "\nThêm một câu.") for key, body in plan.sections)
    return plans.update_plan(store, plan.id, replace(plan.data, number="99/KH-UBND", sections=sections))


def _move_plan_year(store, plan):
    plan_tree.add_task(store, plan_tree.plan_tree(store, plan.id)[0].id, plan_tree.TaskData("Báo cáo", timeframe="Quý II"))
    return plan.id


def _change_year(store, plan_id):
    return plans.update_plan(store, plan_id, replace(plans.get_plan(store, plan_id).data, year=2032))


def _import(store, _prepared):
    imported = ImportedPlan(areas=["Cải cách thủ tục hành chính"], tasks=[
        ImportedTask("Cải cách thủ tục hành chính", "Rà soát thủ tục", "Công chức Tư pháp - Hộ tịch",
                     ["Văn phòng - Thống kê"], "Báo cáo", "Quý III"),
        ImportedTask("Nhiệm vụ khác", "Niêm yết công khai", "", [], "", "Thường xuyên"),
    ])
    return plan_import.save_imported_plan(store, imported, plans.new_plan_data(store, 2030))


def _copy_to_the_new_world(store, _prepared):
    plan_id = _reform(store).id
    preview = plans.preview_copy(store, plan_id, 2027, today=date(2026, 12, 7))
    return plans.copy_plan(store, plan_id, 2027, preview.proposals)


def _add_task(store, _prepared):
    return plan_tree.add_task(store, _tree(store)[1].id, plan_tree.TaskData("Nhiệm vụ mới", timeframe="Hằng quý"), 0)


def _edit_task(store, _prepared):
    task = _tree(store)[0].tasks[0]
    return plan_tree.update_task(store, task.id, replace(task.data, title="Sửa nội dung", timeframe="Tháng 11"))


def _move_task(store, _prepared):
    areas = _tree(store)
    return plan_tree.move_task(store, areas[0].tasks[0].id, areas[1].id, 1)


def _line_statuses(store):
    return [row for row in checklist.year_checklist(store, YEAR) if row.status == "todo"][0]


def _set_status(store, row):
    return checklist.set_status(store, row.occurrence_id, "done", date(2024, 10, 1))


def _many_todo(store):
    return [row.occurrence_id for row in checklist.year_checklist(store, YEAR) if row.status == "todo"][:4]


def _set_many(store, ids):
    return checklist.set_status_many(store, ids, "skipped", reason="Không còn phù hợp sau khi sáp nhập")


def _source(store, name: str, content: bytes):
    path = store.folder.root / name
    path.write_bytes(content)
    return path


def _attach_new(store, _prepared):
    task_id = _tree(store)[0].tasks[0].id
    return evidence.attach(store, task_id, _source(store, "bien-ban-hop.pdf", b"%PDF-1.4 bien ban"), note="Bản chụp")


def _attach_again(store, _prepared):
    """The same bytes as a stored file: only a link (and the history line) is new."""
    known = evidence.year_evidence(store, YEAR)[0]
    content = evidence.evidence_path(store, known.link_id).read_bytes()
    return evidence.attach(store, _tree(store)[1].tasks[0].id, _source(store, "ban-sao.pdf", content))


def _note(store, _prepared):
    return evidence.set_note(store, evidence.year_evidence(store, YEAR)[0].link_id, "Ghi chú mới")


def _detach(store, _prepared):
    return evidence.detach(store, evidence.year_evidence(store, YEAR)[0].link_id)


def _text(store, _prepared):
    return report_texts.set_text(store, YEAR, "q3", "results", "Kết quả: đã xong phần lớn việc.")


def _stored_text(store):
    report_texts.set_text(store, YEAR, "q3", "results", "Bản đầu")


CASES = [
    Case("tạo kế hoạch", lambda store, _p: plans.create_plan(store, plans.new_plan_data(store, 2030, "emulation"))),
    Case("sửa thông tin kế hoạch", _edit_plan),
    Case("đổi năm kế hoạch (hạn của nhiệm vụ theo năm mới)", _change_year,
         prepare=lambda store: _move_plan_year(store, _fresh_plan(store))),
    Case("sao chép kế hoạch sang năm sau", lambda store, _p: plans.copy_plan(store, _reform(store).id, 2025)),
    Case("sao chép kế hoạch sang năm sau cải cách, nhận các đề xuất", _copy_to_the_new_world),
    Case("nhập kế hoạch từ văn bản", _import),
    Case("xóa kế hoạch có tiến độ và minh chứng", lambda store, _p: plans.delete_plan(store, _reform(store).id)),
    Case("thêm lĩnh vực", lambda store, _p: plan_tree.add_area(store, _reform(store).id, "Chuyển đổi số", 1)),
    Case("đổi tên lĩnh vực", lambda store, _p: plan_tree.rename_area(store, _tree(store)[0].id, "Chỉ đạo, điều hành")),
    Case("chuyển vị trí lĩnh vực", lambda store, _p: plan_tree.move_area(store, _tree(store)[3].id, 0)),
    Case("xóa lĩnh vực cùng nhiệm vụ", lambda store, _p: plan_tree.delete_area(store, _tree(store)[0].id)),
    Case("thêm nhiệm vụ", _add_task),
    Case("sửa nhiệm vụ (kỳ theo dõi theo thời hạn mới)", _edit_task),
    Case("chuyển nhiệm vụ sang lĩnh vực khác", _move_task),
    Case("xóa nhiệm vụ có minh chứng", lambda store, _p: plan_tree.delete_task(store, _task_with_evidence(store))),
    Case("cập nhật trạng thái", _set_status, prepare=_line_statuses),
    Case("cập nhật trạng thái nhiều kỳ việc cùng lúc", _set_many, prepare=_many_todo),
    Case("đính kèm tệp mới", _attach_new),
    Case("đính kèm tệp đã lưu", _attach_again),
    Case("sửa ghi chú tài liệu", _note),
    Case("gỡ tài liệu", _detach),
    Case("sửa nội dung báo cáo", _text),
    Case("sửa lại nội dung báo cáo đã lưu", _text, prepare=_stored_text),
    Case("dùng lại nội dung gợi ý", lambda store, _p: report_texts.reset_text(store, YEAR, "q3", "results"),
         prepare=_stored_text),
]
