"""Undo and redo of the clerk's actions, from the journal the data keeps (``db/journal.py``).

The journal lives in the data file, so Sửa → Hoàn tác still works after the app was closed
and reopened. A step is refused, with the reason in Vietnamese, when its rows were changed
since by something the journal does not hold (an import, a restore) or by a later step.
"""

from __future__ import annotations

from app.errors import UserError
from app.read_once import writing
from app.services.changes import Changes
from app.store import Store
from db import journal

# What a table's row is called in a refusal ("… đã được sửa sau đó: cán bộ, công chức số 12").
_ROW_NAMES = {
    "commune_profile": "thông tin của xã", "official": "cán bộ, công chức", "plan": "kế hoạch",
    "plan_section": "phần của kế hoạch", "plan_area": "lĩnh vực", "plan_task": "nhiệm vụ",
    "task_occurrence": "kỳ theo dõi nhiệm vụ", "task_history": "lịch sử nhiệm vụ", "evidence_file": "tệp minh chứng",
    "evidence_link": "minh chứng gắn với nhiệm vụ", "report_text": "nội dung báo cáo", "criteria_set": "bộ tiêu chí",
    "criterion": "tiêu chí", "rating_band": "mức xếp loại", "assessment": "bảng chấm điểm", "score_entry": "điểm",
    "score_evidence": "minh chứng của điểm", "emulation_mark": "kết quả bình xét", "collective": "tập thể",
    "initiative": "sáng kiến", "initiative_author": "tác giả sáng kiến", "discipline": "kỷ luật",
    "procedure_stat": "số liệu thủ tục hành chính", "award_kind": "hình thức khen thưởng",
    "award_record": "khen thưởng đã nhận", "dossier": "hồ sơ khen thưởng", "nomination": "người được đề nghị",
    "council_member": "thành viên Hội đồng", "council_meeting": "cuộc họp Hội đồng",
    "meeting_attendance": "người dự họp", "nomination_vote": "phiếu bầu", "registration": "đăng ký thi đua",
    "award_decision": "quyết định khen thưởng", "certificate_layout": "mẫu in giấy khen",
}


def row_name(table: str) -> str:
    return _ROW_NAMES.get(table, table)


def next_steps(store: Store) -> tuple[str | None, str | None]:
    """The labels of the step Hoàn tác and Làm lại would take (None where there is none)."""
    with store.reading() as connection:
        undo, redo = journal.next_undo(connection), journal.next_redo(connection)
    return (undo.label if undo else None), (redo.label if redo else None)


def history(store: Store) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The journal's done steps (oldest first) and undone steps (next to redo first), as (step, label).

    Read on sqlite3: the window mirrors the journal at start, before the ORM is loaded.
    """
    with store.reading() as raw:
        done = raw.execute("SELECT id, label FROM journal_action WHERE state = 'done' ORDER BY id").fetchall()
        undone = raw.execute("SELECT id, label FROM journal_action WHERE state = 'undone' ORDER BY id").fetchall()
    return [tuple(row) for row in done], [tuple(row) for row in undone]


def undo(store: Store, step: int | None = None) -> Changes:
    """Undo ``step`` (the latest by default); what it changed back, or nothing when there was nothing to undo."""
    return _apply(store, journal.undo, step, "Không hoàn tác được")


def redo(store: Store, step: int | None = None) -> Changes:
    """Redo ``step`` (the next undone one by default)."""
    return _apply(store, journal.redo, step, "Không làm lại được")


def _apply(store: Store, move, step: int | None, refusal: str) -> Changes:
    try:
        with writing(), store.transaction() as session:  # a read_once block reads afresh after it
            raw = session.connection().connection.driver_connection
            done = move(raw, step)
    except journal.JournalConflict as conflict:
        raise UserError(
            f"{refusal} “{conflict.label}”: {row_name(conflict.table)} này đã được sửa sau đó.",
            "Dữ liệu hiện tại được giữ nguyên. Hãy sửa trực tiếp nếu vẫn muốn quay lại như trước.",
            f"bảng {conflict.table}, dòng {conflict.row_id}") from conflict
    if done is None:
        return Changes.of()
    return Changes.from_rows(((t.table, t.row_id) for t in done.touched), done.label, done.id)
