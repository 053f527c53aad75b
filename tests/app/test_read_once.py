"""A long read-only job (the package) reads the year's criteria set and verdicts once; a write in between, an
undo, or another thread never sees what the block remembered."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import event

from app.domain.criteria import EMULATION
from app.domain.emulation import MET
from app.read_once import read_once, remembered
from app.services import criteria_sets, scoring
from app.services.emulation_evaluation import evaluation, set_mark
from app.services.officials import OfficialData, add_official
from app.services.undo import undo

DAY = date(2025, 1, 10)


@pytest.fixture
def year(store):
    """2024 with the commune's emulation set chosen and one official."""
    official = add_official(store, OfficialData("Lê Thị Mai", department="VP-TK")).value.id
    chosen = next(item for item in criteria_sets.list_sets(store, EMULATION) if "của xã" in item.name)
    scoring.start(store, 2024, chosen.id, kind=EMULATION)
    return store, official, chosen.id


@pytest.fixture
def statements(store):
    """Every SQL statement the store's engine runs from now on."""
    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def _set_reads(seen: list[str]) -> int:
    return sum(1 for text in seen if "FROM criterion" in text)


def _mark(store, official: int, code: str):
    subject = evaluation(store, 2024, DAY).subject("official", official)
    return next(mark for mark in subject.marks if mark.criterion_code == code)


def test_within_the_block_the_set_and_the_verdicts_are_read_once(year, statements):
    store, official, set_id = year
    with read_once():
        first = evaluation(store, 2024, DAY)
        after_first = len(statements)
        assert evaluation(store, 2024, DAY) is first and len(statements) == after_first
        assert criteria_sets.load_set(store, set_id) is criteria_sets.load_set(store, set_id)
        assert _set_reads(statements) == 1  # the evaluation's read of the set served the two loads
        assert evaluation(store, 2024, date(2025, 2, 1)) is not first  # another day is another read
    statements.clear()
    assert criteria_sets.load_set(store, set_id) is not criteria_sets.load_set(store, set_id)
    assert _set_reads(statements) == 2  # outside a block every call reads


def test_a_write_inside_the_block_is_seen_by_the_next_read(year):
    store, official, set_id = year
    code = "CN.1"
    with read_once():
        before = _mark(store, official, code)
        assert before.reason != "Đánh giá cuối năm"
        ids = evaluation(store, 2024, DAY).criterion_ids
        set_mark(store, 2024, ids[code], "official", official, MET, "Đánh giá cuối năm")
        after = _mark(store, official, code)
        assert (after.status, after.reason, after.computed) == (MET, "Đánh giá cuối năm", False)
        undo(store)
        assert _mark(store, official, code) == before


def test_the_block_belongs_to_its_thread(year):
    store, official, set_id = year
    seen = {}

    def elsewhere():
        seen["other"] = remembered("key", lambda: "read in the other thread")

    with read_once():
        assert remembered("key", lambda: "read here") == "read here"
        worker = threading.Thread(target=elsewhere)
        worker.start()
        worker.join()
        assert remembered("key", lambda: "read again") == "read here"
    assert seen["other"] == "read in the other thread"
    assert remembered("key", lambda: "outside") == "outside"
