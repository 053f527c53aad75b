"""Save-as-you-type, the one mechanism every editable field goes through.

Each form owns an ``Autosave``: a short pause, leaving the field or a selection
change saves. Every live ``Autosave`` is also registered here, so a single call,
``flush_all_edits()``, saves whatever any field of any page or dialog still holds;
the main window calls it on every way out (Thoát, the close button, the session
ending, a page switch, a dialog opening or closing, undo, export).

A save the disk refuses (``SaveFailed``) keeps the text in the field, marks the
field "Chưa lưu" (red border and tooltip), says so once, and is tried again on
the next edit or flush.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

from app.errors import SaveFailed

PAUSE_MS = 700
UNSAVED_TIP = "Chưa lưu: ổ đĩa không nhận ghi. Nội dung vẫn còn ở đây và sẽ được lưu lại ở lần sửa tiếp theo."
_UNSAVED_STYLE = "border: 2px solid #c62828;"

_live: weakref.WeakSet[Autosave] = weakref.WeakSet()
_running: list[Autosave] = []  # the autosave whose save is on the stack (a failure shown inside it is its own)
_warned = False  # the clerk has been told the disk refuses writes; not again until a save succeeds


class Autosave(QObject):
    """Calls ``save`` once the clerk pauses typing, or at once on ``flush()``.

    ``with autosave:`` marks a block that fills the form from saved data:
    changes made there are not edits and start no save. ``follow(widget)`` hears
    a field's edits and marks it when its text could not be saved.
    """

    def __init__(self, save: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._loading = False
        self.failure: SaveFailed | None = None  # the last save was refused; the text waits in the fields
        self.fields: list[QWidget] = []
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.flush)
        _live.add(self)

    def follow(self, *widgets: QWidget) -> Autosave:
        """Save ``widgets`` as they are edited: on a pause, and at once when the clerk leaves one."""
        for widget in widgets:
            self.fields.append(widget)
            _connect_edits(widget, self)
        return self

    def changed(self, *_args) -> None:
        if not self._loading:
            self._timer.start()

    def pending(self) -> bool:
        """Typing waits for the pause, or the last save was refused."""
        return self._timer.isActive() or self.failure is not None

    def flush(self, *_args) -> None:
        self._timer.stop()
        if self._loading or self in _running:
            return
        for field in self.fields:
            if isinstance(field, QAbstractSpinBox) and isValid(field):
                field.interpretText()  # a box without keyboard tracking holds the typed number only as text
        self._timer.stop()
        _running.append(self)
        failure = None
        try:
            self._save()
        except SaveFailed as error:
            failure = error
        finally:
            _running.remove(self)
            failure = failure or self._caught
            self._caught = None
        self._set_failure(failure)

    _caught: SaveFailed | None = None

    def refused(self) -> bool:
        """Inside ``save``: the write just attempted was refused (shown through the error dialog)."""
        return self._caught is not None

    def _set_failure(self, failure: SaveFailed | None) -> None:
        global _warned
        self.failure = failure
        if failure is not None and not self.fields and is_field(QApplication.focusWidget()):
            self.fields.append(QApplication.focusWidget())  # a form that named no fields: the one being typed in
        for widget in self.fields:
            if isValid(widget):
                _mark(widget, failure is not None)
        if failure is None:
            if not any(autosave.failure for autosave in list(_live)):
                _warned = False
            return
        if not _warned and not _quiet:
            _warned = True
            _tell(self, failure)

    def __enter__(self) -> Autosave:
        self._timer.stop()
        self._loading = True
        return self

    def __exit__(self, *_exc) -> None:
        self._loading = False


def caught_by_autosave(error: BaseException) -> bool:
    """True when ``error`` is a refused write inside an autosave's save: that autosave keeps the text,
    marks the field and tells the clerk once (the error dialog calls this instead of showing it again)."""
    if isinstance(error, SaveFailed) and _running:
        _running[-1]._caught = error
        return True
    return False


_quiet = False


def flush_all_edits(quiet: bool = False) -> list[SaveFailed]:
    """Save everything any live field still holds; the refusals left (empty: all saved).

    ``quiet`` keeps the once-only message back: the caller asks the clerk itself (quitting).
    """
    global _quiet
    _quiet, before = quiet, _quiet
    try:
        for autosave in list(_live):
            if isValid(autosave) and autosave.pending():
                autosave.flush()
        _flush_focused_field()
    finally:
        _quiet = before
    return [autosave.failure for autosave in list(_live) if isValid(autosave) and autosave.failure]


def _flush_focused_field() -> None:
    """The field with focus may save on leaving it (``editingFinished``): make it leave, as a click elsewhere would."""
    focused = QApplication.focusWidget()
    spin = focused if isinstance(focused, QAbstractSpinBox) else (focused.parent() if focused is not None else None)
    if isinstance(spin, QAbstractSpinBox):
        spin.interpretText()  # a box without keyboard tracking takes the typed number only now
    for autosave in list(_live):
        if isValid(autosave) and focused is not None and any(_holds(field, focused) for field in autosave.fields):
            autosave.flush()


def _holds(field: QWidget, focused: QWidget) -> bool:
    return isValid(field) and (field is focused or field.isAncestorOf(focused))


def _tell(autosave: Autosave, failure: SaveFailed) -> None:
    # Deferred: the message must not open inside the save (a modal loop there would save again).
    from ui.dialogs.error_dialog import error_box

    parent = next((w.window() for w in autosave.fields if isValid(w)), None) or QApplication.activeWindow()
    QTimer.singleShot(0, lambda: error_box(parent if parent is None or isValid(parent) else None, failure).exec())


def _mark(widget: QWidget, unsaved: bool) -> None:
    """A red border and a tooltip on a field whose text is not saved yet; put back as they were once it is."""
    if bool(widget.property("unsaved")) == unsaved:
        return
    widget.setProperty("unsaved", unsaved)
    if unsaved:
        widget.setProperty("saved_style", widget.styleSheet())
        widget.setProperty("saved_tip", widget.toolTip())
        widget.setStyleSheet(widget.styleSheet() + _UNSAVED_STYLE)
        widget.setToolTip(UNSAVED_TIP)
    else:
        widget.setStyleSheet(widget.property("saved_style") or "")
        widget.setToolTip(widget.property("saved_tip") or "")


class _LeaveFilter(QObject):
    """Saves a multi-line field when the clerk leaves it (it has no ``editingFinished``)."""

    def __init__(self, autosave: Autosave) -> None:
        super().__init__(autosave)
        self._autosave = autosave

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusOut:
            self._autosave.flush()
        return False


def _connect_edits(widget: QWidget, autosave: Autosave) -> None:
    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(autosave.changed)
        widget.editingFinished.connect(autosave.flush)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.textChanged.connect(autosave.changed)
        widget.installEventFilter(_LeaveFilter(autosave))
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(autosave.changed)
        if widget.isEditable():
            widget.editTextChanged.connect(autosave.changed)
        widget.activated.connect(autosave.flush)
    elif isinstance(widget, QDateTimeEdit):
        widget.dateTimeChanged.connect(autosave.changed)
        widget.editingFinished.connect(autosave.flush)
    elif isinstance(widget, QAbstractSpinBox):
        widget.valueChanged.connect(autosave.changed)
        widget.editingFinished.connect(autosave.flush)


def is_field(widget: QWidget | None) -> bool:
    """A widget the clerk types data into."""
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)) and not widget.isReadOnly()


def transient(widget: QWidget) -> QWidget:
    """Marks a field that holds no data of its own (a search box, a year picker, the entry row of an Add
    button): what is typed there is not saved, and the test that walks every field leaves it out."""
    widget.setProperty("transient", True)
    return widget


def text_box(name: str, lines: int, placeholder: str = "", fixed: bool = True) -> QPlainTextEdit:
    """A multi-line field sized for ``lines`` lines (fixed, or as a minimum); Tab moves on."""
    box = QPlainTextEdit(objectName=name, placeholderText=placeholder)
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setFixedHeight(height) if fixed else box.setMinimumHeight(height)
    return box
