"""A date field that takes typing: Ctrl+A (or one click) then "20/12/2026" or "20/12" replaces the date.

Qt's QDateEdit edits a date section by section, so a date typed in one go ("20/12/2024" over
"06/12/2024") ends as a mix of both. This is a line edit with a calendar: what is typed is read
as a whole (``app/domain/typed_date.py``) when the clerk leaves the field or presses Enter;
a text that names no day puts the last date back and says why. Up/Down move a day,
PageUp/PageDown a month, Alt+Down or F4 opens the calendar. The API is QDateEdit's as used
here: ``date()``, ``setDate()``, ``displayFormat()``, ``dateChanged``, ``editingFinished``.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QStyle, QToolTip, QWidget, QWidgetAction

from app.domain.typed_date import is_complete, parse_typed_date

FORMAT = "dd/MM/yyyy"


class DateField(QLineEdit):
    """One date, typed as dd/mm/yyyy or picked in the calendar; never empty."""

    dateChanged = Signal(QDate)

    def __init__(self, parent: QWidget | None = None, *, objectName: str = "") -> None:
        super().__init__(parent, objectName=objectName)
        self._date = QDate.currentDate()
        self.setPlaceholderText("ngày/tháng/năm")
        self.setToolTip("Gõ ngày/tháng/năm, ví dụ 20/12/2026 (hoặc 20/12 cho năm đang chọn); Alt+↓ mở lịch")
        self._calendar_action = QAction(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
                                        "Chọn ngày trên lịch", self)
        self._calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self._calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self._commit)
        self.textEdited.connect(self._typed)
        self._show(self._date)

    # QDateEdit's API, as the forms use it
    def date(self) -> QDate:
        """The date shown: what is typed, once it names a day, else the last one kept."""
        typed = parse_typed_date(self.text(), self._date.year())
        return QDate(typed.year, typed.month, typed.day) if typed else QDate(self._date)

    def displayFormat(self) -> str:  # noqa: N802 - Qt's name
        return FORMAT

    def setDate(self, value: QDate | datetime.date) -> None:  # noqa: N802 - Qt's name
        day = value if isinstance(value, QDate) else QDate(value.year, value.month, value.day)
        changed = day != self._date
        self._date = QDate(day)
        self._show(day)
        if changed:
            self.dateChanged.emit(QDate(day))

    # typing
    def _typed(self, text: str) -> None:
        """A whole date typed (four-digit year): take it now, so a save on quit already has it."""
        if is_complete(text) and parse_typed_date(text, self._date.year()):
            self._take(self.date(), reshow=False)

    def _commit(self) -> None:
        typed = parse_typed_date(self.text(), self._date.year())
        if typed is None:
            wrong = self.text().strip()
            self._show(self._date)
            if wrong:
                QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())),
                                  f"“{wrong}” không phải một ngày. Gõ ngày/tháng/năm, ví dụ 20/12/2026; "
                                  f"đã giữ ngày {self._date.toString(FORMAT)}.", self)
            return
        self._take(QDate(typed.year, typed.month, typed.day), reshow=True)

    def _take(self, day: QDate, *, reshow: bool) -> None:
        changed = day != self._date
        self._date = QDate(day)
        if reshow:
            self._show(day)
        if changed:
            self.dateChanged.emit(QDate(day))

    def _show(self, day: QDate) -> None:
        self.setText(day.toString(FORMAT))
        self.setProperty("sample", day.addDays(-3).toString(FORMAT))  # what a test may type there

    # keys and focus
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        steps = {Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0), Qt.Key.Key_PageUp: (0, 1), Qt.Key.Key_PageDown: (0, -1)}
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.show_calendar()
        elif key in steps and not alt:
            days, months = steps[key]
            self._take(self.date().addDays(days).addMonths(months), reshow=True)
            self.selectAll()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        QTimer.singleShot(0, self.selectAll)  # after the click that brought the focus: typing replaces the date

    def show_calendar(self) -> None:
        """The month of the date shown, under the field; a click picks the day."""
        menu = QMenu(self)
        calendar = QCalendarWidget(menu, gridVisible=True, objectName="date_calendar")
        calendar.setSelectedDate(self.date())
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)
        calendar.clicked.connect(lambda day: (self._take(day, reshow=True), menu.close()))
        calendar.activated.connect(lambda day: (self._take(day, reshow=True), menu.close()))
        menu.popup(self.mapToGlobal(QPoint(0, self.height())))
        calendar.setFocus()
