"""The one runner: work off the GUI thread, a typed outcome, cancel between steps, failures reported once."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from app.errors import UserError
from ui import runner
from ui.runner import Outcome, attempt, run, start, start_worker, wait_for_background


def test_garbage_is_freed_on_the_gui_thread_before_a_worker_starts(qtbot):
    """A closed dialog caught in a reference cycle must not be freed by the worker (Qt would crash)."""
    freed_on_gui_thread = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            freed_on_gui_thread.append(threading.current_thread() is threading.main_thread())

    gc.disable()  # as if the collector had not run yet when the worker starts
    try:
        Cycle()
        worker = QThread()
        start_worker(worker)
        worker.quit()
        assert worker.wait(5000)
    finally:
        gc.enable()
    assert freed_on_gui_thread == [True]


def _parent(qtbot) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    return parent


def test_work_runs_off_the_gui_thread_and_its_value_comes_back(qtbot):
    """The value is the outcome's; the work ran on another thread; the window is enabled again afterwards."""
    parent = _parent(qtbot)
    seen = []

    def work(progress):
        seen.append((threading.current_thread() is threading.main_thread(), parent.isEnabled()))
        progress(0, 1, "Đang làm")
        return 42

    outcome = run(parent, "Thử", work)
    assert outcome.ok and outcome.value == 42 and not outcome.cancelled
    assert seen == [(False, False)] and parent.isEnabled()


def test_a_user_error_in_work_is_shown_once(qtbot, errors_shown):
    """The refusal reaches the one error dialog exactly once, as it was written; the outcome carries it."""
    parent = _parent(qtbot)
    refusal = UserError("Không đọc được tệp “a.xlsx”.", "Chọn tệp khác.")

    def work(progress):
        raise refusal

    outcome = run(parent, "Thử", work)
    assert errors_shown == ["Không đọc được tệp “a.xlsx”."]
    assert not outcome.ok and outcome.error is refusal
    with pytest.raises(ValueError):
        outcome.value  # noqa: B018 - a failed outcome has no value to hand out


def test_hủy_stops_the_work_at_its_next_step(qtbot, errors_shown):
    """"Hủy" pressed while a step runs: the next step raises Cancelled, nothing is shown, the outcome says so."""
    parent = _parent(qtbot)
    pressed, steps_done = threading.Event(), []

    def press_hủy():
        box = parent.findChild(QProgressDialog, "runner_progress")
        if box is None or box.labelText() != "Bước 0":  # pressed once the first step is under way
            QTimer.singleShot(10, press_hủy)
            return
        box.findChild(QPushButton).click()
        pressed.set()

    def work(progress):
        for step in range(3):
            progress(step, 3, f"Bước {step}")
            assert pressed.wait(20)
            steps_done.append(step)
        return "xong"

    QTimer.singleShot(0, press_hủy)
    outcome = run(parent, "Thử", work, cancel=True)
    assert outcome.cancelled and not outcome.ok and steps_done == [0] and errors_shown == []


def test_without_cancel_the_box_offers_no_hủy(qtbot):
    """Work that must not stop half way gets a box with no cancel button."""
    parent = _parent(qtbot)
    buttons, looked = [], threading.Event()

    def look():
        box = parent.findChild(QProgressDialog, "runner_progress")
        if box is None:
            QTimer.singleShot(10, look)
            return
        buttons.append(box.findChildren(QPushButton))
        looked.set()

    QTimer.singleShot(0, look)
    assert run(parent, "Thử", lambda progress: looked.wait(20)).value is True
    assert buttons == [[]]


def test_attempt_reports_a_refusal_and_returns_a_failed_outcome(qtbot, errors_shown):
    """Quick work on the GUI thread: the same outcome and the same one report."""
    outcome = attempt(None, lambda: (_ for _ in ()).throw(UserError("Năm 1990 không hợp lệ.")))
    assert not outcome.ok and errors_shown == ["Năm 1990 không hợp lệ."]
    assert attempt(None, lambda: None).ok  # None is a value like any other, never a failure


def test_background_work_hands_its_outcome_to_done_on_the_gui_thread(qtbot):
    """``start`` holds nothing up; ``done`` runs on the GUI thread with the outcome; waiting for it is possible."""
    parent = _parent(qtbot)
    done: list[tuple[Outcome, bool]] = []
    start(parent, lambda progress: threading.current_thread() is threading.main_thread(),
          lambda outcome: done.append((outcome, threading.current_thread() is threading.main_thread())))
    wait_for_background()
    qtbot.waitUntil(lambda: bool(done))
    ((outcome, on_gui),) = done
    assert outcome.value is False and on_gui and not runner._BACKGROUND
