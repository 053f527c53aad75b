"""Walking a screen's widget tree: every editable field in every state a clerk reaches without a dialog.

A state is the screen as it opens, each tab of each tab widget, and the first row (the first
leaf of a tree) selected in each list; the walk is the same on a reopened window, so a field
is found again by its ``key``: the state and its path of class names, object names and places.
Fields marked ``transient`` (search boxes, year pickers) hold no data and are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from tests.ui.conftest import type_text


def is_field(widget: QWidget) -> bool:
    """A widget the clerk types data into (a spin box's or combo box's inner line is part of its owner)."""
    if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
        return False
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)):
        return not widget.isReadOnly()
    return False


def _transient(widget: QWidget | None) -> bool:
    while widget is not None:
        if widget.property("transient"):
            return True
        widget = widget.parentWidget()
    return False


def usable_fields(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if is_field(w) and w.isVisibleTo(root) and w.isVisible()
            and w.isEnabled() and not _transient(w)]


def path_of(widget: QWidget, root: QWidget) -> str:
    parts = []
    while widget is not None and widget is not root:
        parent = widget.parentWidget()
        twins = [w for w in (parent.findChildren(type(widget), options=Qt.FindChildOption.FindDirectChildrenOnly)
                             if parent else []) if w.objectName() == widget.objectName()]
        place = next((n for n, twin in enumerate(twins) if twin is widget), 0)
        parts.append(f"{type(widget).__name__}:{widget.objectName()}:{place}")
        widget = parent
    return "/".join(reversed(parts))


def _first_rows(view: QAbstractItemView) -> list:
    """The first row, and for a tree its first leaf too (an area shows one editor, a task another)."""
    model = view.model()
    found = [model.index(0, 0)]
    while isinstance(view, QTreeView) and model.rowCount(found[-1]):
        view.expand(found[-1])
        found.append(model.index(0, 0, found[-1]))
    return [found[0], found[-1]] if len(found) > 1 else found


def states(root: QWidget) -> Iterator[str]:
    """Puts ``root`` in each state in turn (yields its name while it is there)."""
    yield "start"
    yield from _rows(root, "start")
    for number, tabs in enumerate(w for w in root.findChildren(QTabWidget) if w.isVisible() and not _transient(w)):
        for tab in range(tabs.count()):
            tabs.setCurrentIndex(tab)
            QApplication.processEvents()
            yield f"tabs{number}:{tab}"
            yield from _rows(tabs.widget(tab), f"tabs{number}:{tab}")


def _rows(root: QWidget, where: str) -> Iterator[str]:
    views = [v for v in root.findChildren(QAbstractItemView) if v.isVisible() and not _transient(v)
             and v.model() is not None and v.model().rowCount()]
    for number, view in enumerate(views):
        for depth, index in enumerate(_first_rows(view)):
            view.setCurrentIndex(index)
            QApplication.processEvents()
            yield f"{where}/rows{number}.{depth}"


def value_of(field: QWidget):
    """What the field shows (text without the blanks around it: saving trims them)."""
    if isinstance(field, (QPlainTextEdit, QTextEdit)):
        return field.toPlainText().strip()
    if isinstance(field, QLineEdit):
        return field.text().strip()
    if isinstance(field, QComboBox):
        return field.currentText().strip()
    if isinstance(field, QDateTimeEdit):
        return field.date().toPython()
    return field.value()


def type_into(field: QWidget, marker: str):
    """Edit ``field`` as a clerk would, leaving the focus in it; returns the value it should then hold."""
    field.setFocus()
    sample = field.property("sample")  # a field that takes a format (a time, a score) says what fits
    if isinstance(field, (QPlainTextEdit, QTextEdit)):
        field.moveCursor(field.textCursor().MoveOperation.End)
        type_text(field, f" {marker}")
    elif isinstance(field, (QLineEdit, QComboBox)):
        line = field if isinstance(field, QLineEdit) else field.lineEdit()
        if sample:
            line.selectAll()
            type_text(line, sample)
        else:
            line.end(False)
            type_text(line, f" {marker}")
    elif isinstance(field, QDateTimeEdit):
        field.setDate(field.date().toPython() - timedelta(days=3))
    elif isinstance(field, (QSpinBox, QDoubleSpinBox)):
        value = field.value() + 1 if field.value() < field.maximum() else field.value() - 1
        field.lineEdit().selectAll()
        type_text(field.lineEdit(), field.textFromValue(value))
        return value  # what was typed: without keyboard tracking the box reads it only when the clerk leaves
    return value_of(field)


def walk(root: QWidget, act: Callable[[str, QWidget], None]) -> None:
    """Calls ``act(key, field)`` once for every usable field in every state of ``root``."""
    done: set[str] = set()
    for state in states(root):
        for field in usable_fields(root):
            key = path_of(field, root)
            if key not in done:
                done.add(key)
                act(f"{state}|{key}", field)


def press_quit(window: QWidget) -> None:
    """Ctrl+Q as the clerk presses it, the focus still in the field."""
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
