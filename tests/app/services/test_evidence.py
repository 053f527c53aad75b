"""Evidence files: copied in by content hash, kept after the source is gone, linked, noted, detached and back."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.services.checklist import task_history, year_checklist
from app.services.evidence import (
    attach,
    detach,
    evidence_path,
    list_evidence,
    set_note,
    year_evidence,
)
from app.services import undo
from app.services.plan_tree import TaskData, add_task, plan_tree
from app.services.plans import PlanData, create_plan


@pytest.fixture
def task(store):
    plan = create_plan(store, PlanData(year=2024), areas=("Cải cách TTHC",)).value
    return add_task(store, plan_tree(store, plan.id)[0].id, TaskData("Niêm yết TTHC", timeframe="Quý I/2024")).value


@pytest.fixture
def usb(tmp_path):
    """A folder standing for a USB stick, with a scanned minutes file on it."""
    stick = tmp_path / "usb"
    stick.mkdir()
    (stick / "Biên bản kiểm tra.pdf").write_bytes(b"%PDF-1.4 bien ban kiem tra " * 100)
    return stick


def test_attached_file_survives_the_stick_being_removed(store, task, usb):
    attached = attach(store, task.id, usb / "Biên bản kiểm tra.pdf", note="Bản quét có chữ ký").value
    (usb / "Biên bản kiểm tra.pdf").unlink()
    usb.rmdir()
    stored = evidence_path(store, attached.link_id)
    assert stored.read_bytes().startswith(b"%PDF-1.4 bien ban") and stored.is_relative_to(store.folder.evidence)
    assert stored.name == f"{attached.sha256}.pdf"
    assert [e.original_name for e in list_evidence(store, task.id)] == ["Biên bản kiểm tra.pdf"]


def test_the_same_content_is_stored_once(store, task, usb, tmp_path):
    copy = tmp_path / "ban-sao.pdf"
    copy.write_bytes((usb / "Biên bản kiểm tra.pdf").read_bytes())
    first = attach(store, task.id, usb / "Biên bản kiểm tra.pdf").value
    second = attach(store, task.id, copy).value
    assert first.sha256 == second.sha256 and first.link_id != second.link_id
    stored = [p for p in store.folder.evidence.rglob("*") if p.is_file()]
    assert len(stored) == 1 and not list(store.folder.evidence.rglob("*.part"))


def test_evidence_counts_in_the_checklist_and_history(store, task, usb):
    occurrence = year_checklist(store, 2024)[0].occurrence_id
    attach(store, task.id, usb / "Biên bản kiểm tra.pdf", occurrence_id=occurrence)
    assert year_checklist(store, 2024)[0].evidence_count == 1
    assert task_history(store, task.id)[0].what == "Đính kèm tài liệu kiểm chứng “Biên bản kiểm tra.pdf”"
    assert [e.original_name for e in year_evidence(store, 2024)] == ["Biên bản kiểm tra.pdf"]


def test_note_and_detach_are_undone_through_the_journal(store, task, usb):
    """A detached file stays stored; undo of the detach brings the link back with its note."""
    attached = attach(store, task.id, usb / "Biên bản kiểm tra.pdf").value
    assert set_note(store, attached.link_id, "Bản chính").label == "Sửa ghi chú tài liệu"
    assert detach(store, attached.link_id).label == "Gỡ “Biên bản kiểm tra.pdf”"
    assert list_evidence(store, task.id) == []
    assert any(store.folder.evidence.rglob(f"{attached.sha256}.pdf"))
    undo.undo(store)
    assert [(e.link_id, e.note) for e in list_evidence(store, task.id)] == [(attached.link_id, "Bản chính")]


def test_a_missing_source_is_refused_and_nothing_linked(store, task, tmp_path):
    with pytest.raises(UserError) as caught:
        attach(store, task.id, tmp_path / "khong-co.pdf")
    assert "khong-co.pdf" in caught.value.message and list_evidence(store, task.id) == []


def test_a_lost_stored_copy_is_explained(store, task, usb):
    attached = attach(store, task.id, usb / "Biên bản kiểm tra.pdf").value
    evidence_path(store, attached.link_id).unlink()
    with pytest.raises(UserError) as caught:
        evidence_path(store, attached.link_id)
    assert "không còn trong thư mục dữ liệu" in caught.value.message


def test_deleting_a_task_and_undoing_keeps_its_evidence(store, task, usb):
    """Undo of a task's deletion brings back its evidence links, and the stored files open."""
    from app.services.plan_tree import delete_task

    attached = attach(store, task.id, usb / "Biên bản kiểm tra.pdf").value
    delete_task(store, task.id)
    assert year_evidence(store, 2024) == []
    undo.undo(store)
    assert [e.original_name for e in list_evidence(store, task.id)] == ["Biên bản kiểm tra.pdf"]
    assert evidence_path(store, attached.link_id).read_bytes() == (usb / "Biên bản kiểm tra.pdf").read_bytes()


def test_undoing_an_attach_keeps_the_stored_file_for_redo(store, task, usb):
    """Undo of an attach removes the rows only: the stored copy stays, so redo (even after a restart) opens it."""
    from app.store import Store

    attached = attach(store, task.id, usb / "Biên bản kiểm tra.pdf").value
    stored = evidence_path(store, attached.link_id)
    (usb / "Biên bản kiểm tra.pdf").unlink()  # the stick is gone
    undo.undo(store)
    assert list_evidence(store, task.id) == [] and stored.is_file()
    store.close()
    reopened = Store(store.folder)
    try:
        undo.redo(reopened)
        assert evidence_path(reopened, attached.link_id).read_bytes().startswith(b"%PDF-1.4 bien ban")
    finally:
        reopened.close()


def test_starting_again_keeps_files_the_journal_may_bring_back(store, task, usb):
    """The start-up clean-up removes only copies cut short, never a stored file that no row names now."""
    from app.startup import open_store

    attached = attach(store, task.id, usb / "Biên bản kiểm tra.pdf").value
    stored = evidence_path(store, attached.link_id)
    undo.undo(store)
    store.close()
    reopened, _report = open_store(store.folder)
    try:
        assert stored.is_file()
        undo.redo(reopened)
        assert evidence_path(reopened, attached.link_id) == stored
    finally:
        reopened.close()
