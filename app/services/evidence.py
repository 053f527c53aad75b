"""Evidence files (tài liệu kiểm chứng): copied into the data folder, stored once by content hash.

A file attached from a USB stick is copied at once (hash computed while
copying, written to a temporary name, flushed, renamed), so it stays usable
after the stick is gone and a power cut never leaves half a file under its
final name. Nothing here deletes a stored file: detaching, deleting a task or undoing an
attach removes rows only, so the journal can bring a link or file row back (undo, redo) and
find its bytes still stored. Every write is one journaled action (``Store.action``).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.domain.text import clean_text
from app.errors import UserError
from app.paths import DataFolder
from app.services.changes import Changes, Done, short
from app.store import Store
from db.fsync import fsync_dir, replace_durably
from db.models import AreaRow, EvidenceFileRow, EvidenceLinkRow, OccurrenceRow, PlanRow, TaskHistoryRow, TaskRow

MAX_SIZE = 200 * 1024 * 1024  # a scanned dossier is large; a film is not evidence
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Evidence:
    link_id: int
    task_id: int
    occurrence_id: int | None
    original_name: str
    note: str
    attached_at: datetime
    size: int
    sha256: str


def _copy_hashing(source: Path, target_dir: Path) -> tuple[Path, str, int]:
    """Copy ``source`` to a temporary file in ``target_dir``, hashing as it goes."""
    digest, size = hashlib.sha256(), 0
    target_dir.mkdir(parents=True, exist_ok=True)
    temp = target_dir / f".incoming-{os.getpid()}-{datetime.now():%H%M%S%f}.part"
    with source.open("rb") as reader, temp.open("wb") as writer:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            writer.write(chunk)
    return temp, digest.hexdigest(), size


def store_file(folder: DataFolder, source: Path) -> tuple[str, int, str]:
    """Put a copy of ``source`` in the evidence store; returns (sha256, size, path relative to evidence/)."""
    temp, sha256, size = _copy_hashing(source, folder.evidence)
    suffix = "".join(source.suffixes[-1:]).lower()[:10]
    relative = f"{sha256[:2]}/{sha256}{suffix}"
    final = folder.evidence / relative
    try:
        if final.exists():
            temp.unlink()
        else:
            created = not final.parent.exists()
            final.parent.mkdir(parents=True, exist_ok=True)
            if created:
                fsync_dir(folder.evidence)  # the new ab/ folder itself must survive a power cut
            replace_durably(temp, final)
    finally:
        temp.unlink(missing_ok=True)
    return sha256, size, relative


def remove_leftovers(folder: DataFolder) -> int:
    """Delete copies cut short (``.incoming-*.part``); they were never linked. Returns how many."""
    if not folder.evidence.is_dir():
        return 0
    leftovers = list(folder.evidence.glob(".incoming-*.part"))
    for path in leftovers:
        path.unlink(missing_ok=True)
    return len(leftovers)


def _check_source(source: Path) -> None:
    if not source.is_file():
        raise UserError(f"Không tìm thấy tệp “{source.name}”.", "Kiểm tra ổ USB còn cắm và tệp còn ở đó.", str(source))
    if source.stat().st_size > MAX_SIZE:
        raise UserError(
            f"Tệp “{source.name}” quá lớn (hơn {MAX_SIZE // (1024 * 1024)} MB).",
            "Hãy nén hoặc quét lại với độ phân giải thấp hơn rồi đính kèm.", str(source),
        )


def attach(store: Store, task_id: int, source: Path, occurrence_id: int | None = None, note: str = "",
           now: datetime | None = None, name: str | None = None) -> Done[Evidence]:
    """Copy ``source`` in (once per content) and link it to the task or one of its checkpoints.

    ``name`` is the name to show and to give the file back under (default: the source's own name).
    """
    name = name or source.name
    _check_source(source)
    try:
        sha256, size, relative = store_file(store.folder, source)
    except OSError as error:
        raise UserError(
            f"Không chép được tệp “{source.name}” vào thư mục dữ liệu.",
            "Kiểm tra ổ đĩa còn chỗ trống và tệp không bị khóa, rồi thử lại.", f"{source}: {error}",
        ) from error
    now = now or datetime.now()
    with store.action(f"Đính kèm “{short(name)}”") as action:
        session = action.session
        task = session.get(TaskRow, task_id)
        if task is None:
            raise UserError("Không tìm thấy nhiệm vụ này; có thể đã bị xóa.")
        if occurrence_id is not None and session.get(OccurrenceRow, occurrence_id) is None:
            raise UserError("Không tìm thấy kỳ thực hiện này; có thể đã bị xóa.")
        file_row = session.scalar(select(EvidenceFileRow).where(EvidenceFileRow.sha256 == sha256))
        if file_row is None:
            file_row = EvidenceFileRow(sha256=sha256, size=size, stored_as=relative, added_at=now)
            session.add(file_row)
            session.flush()
        link = EvidenceLinkRow(file_id=file_row.id, task_id=task_id, occurrence_id=occurrence_id,
                               original_name=name, note=clean_text(note), attached_at=now)
        session.add(link)
        session.add(TaskHistoryRow(task_id=task_id, occurrence_id=occurrence_id, at=now,
                                   what=f"Đính kèm tài liệu kiểm chứng “{name}”"))
        session.flush()
        attached = _read(link, file_row)
    return Done(attached, action.changes)


def _read(link: EvidenceLinkRow, file_row: EvidenceFileRow) -> Evidence:
    return Evidence(link.id, link.task_id, link.occurrence_id, link.original_name, link.note,
                    link.attached_at, file_row.size, file_row.sha256)


def _query():
    return select(EvidenceLinkRow, EvidenceFileRow).join(EvidenceFileRow, EvidenceLinkRow.file_id == EvidenceFileRow.id)


def list_evidence(store: Store, task_id: int) -> list[Evidence]:
    """A task's evidence (its own and its checkpoints'), oldest first."""
    with store.transaction() as session:
        rows = session.execute(_query().where(EvidenceLinkRow.task_id == task_id).order_by(EvidenceLinkRow.id))
        return [_read(link, file_row) for link, file_row in rows]


def year_evidence(store: Store, year: int) -> list[Evidence]:
    """Every evidence link of the year's plans, in task order."""
    query = (
        _query().join(TaskRow, EvidenceLinkRow.task_id == TaskRow.id).join(AreaRow).join(PlanRow)
        .where(PlanRow.year == year).order_by(PlanRow.id, AreaRow.position, TaskRow.position, EvidenceLinkRow.id)
    )
    with store.transaction() as session:
        return [_read(link, file_row) for link, file_row in session.execute(query)]


def evidence_path(store: Store, link_id: int) -> Path:
    """Where the stored copy is, to open it with the system viewer."""
    with store.transaction() as session:
        link = session.get(EvidenceLinkRow, link_id)
        if link is None:
            raise UserError("Không tìm thấy tài liệu này; có thể đã được gỡ.")
        path = store.folder.evidence / session.get(EvidenceFileRow, link.file_id).stored_as
    if not path.exists():
        raise UserError(
            f"Tệp lưu của “{link.original_name}” không còn trong thư mục dữ liệu.",
            "Hãy khôi phục bản sao lưu của thư mục dữ liệu, hoặc đính kèm lại tệp.", str(path),
        )
    return path


def _existing_link(session, link_id: int) -> EvidenceLinkRow:
    link = session.get(EvidenceLinkRow, link_id)
    if link is None:
        raise UserError("Không tìm thấy tài liệu này; có thể đã được gỡ.", "Chọn lại nhiệm vụ để xem danh sách tài liệu.")
    return link


def set_note(store: Store, link_id: int, note: str) -> Changes:
    """Change a link's note."""
    with store.action("Sửa ghi chú tài liệu") as action:
        _existing_link(action.session, link_id).note = clean_text(note)
    return action.changes


def detach(store: Store, link_id: int) -> Changes:
    """Remove the link (the stored file stays, so undo brings it back whole)."""
    with store.action("Gỡ tài liệu") as action:
        session = action.session
        link = _existing_link(session, link_id)
        action.label = f"Gỡ “{short(link.original_name)}”"
        session.add(TaskHistoryRow(task_id=link.task_id, occurrence_id=link.occurrence_id, at=datetime.now(),
                                   what=f"Gỡ tài liệu kiểm chứng “{link.original_name}”"))
        session.delete(link)
    return action.changes

