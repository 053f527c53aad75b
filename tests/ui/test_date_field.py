"""The date field takes a date typed in one go, as a clerk types it."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget, QVBoxLayout, QLineEdit

from ui.widgets.date_field import DateField


def _field(qtbot, day=QDate(2024, 12, 6)):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    field = DateField(objectName="day")
    other = QLineEdit(objectName="other")
    layout.addWidget(field)
    layout.addWidget(other)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    field.setDate(day)
    field.holder = holder  # the window lives as long as the field the test holds
    return field, other


def _type(qtbot, field, keys):
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, keys)


def test_ctrl_a_then_a_whole_date_replaces_it(qtbot):
    """Ctrl+A then "20/12/2024" over 06/12/2024 gives 20/12/2024 (Qt's QDateEdit gave 06/12/2024), signalled once."""
    field, other = _field(qtbot)
    seen = []
    field.dateChanged.connect(seen.append)
    _type(qtbot, field, "20/12/2024")
    other.setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus())
    assert field.date() == QDate(2024, 12, 20) and field.text() == "20/12/2024"
    assert seen == [QDate(2024, 12, 20)]


def test_day_and_month_complete_the_year_on_enter(qtbot):
    """"20/12" then Enter is 20/12 of the year the field shows, written out in full."""
    field, _ = _field(qtbot, QDate(2026, 3, 1))
    _type(qtbot, field, "20/12")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.date() == QDate(2026, 12, 20) and field.text() == "20/12/2026"


def test_one_click_then_typing_replaces_the_date(qtbot):
    """A single click selects the whole date, so what is typed next replaces it."""
    field, _ = _field(qtbot)
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: field.selectedText() == "06/12/2024")
    QTest.keyClicks(field, "01/02/2025")
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert field.date() == QDate(2025, 2, 1)


def test_a_wrong_date_puts_the_old_one_back(qtbot):
    """"32/13/2024" is no day: the field shows its last date again and nothing is signalled."""
    field, _ = _field(qtbot)
    seen = []
    field.dateChanged.connect(seen.append)
    _type(qtbot, field, "32/13/2024")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "06/12/2024" and field.date() == QDate(2024, 12, 6) and seen == []


def test_arrows_move_a_day_and_page_keys_a_month(qtbot):
    """Up adds a day, PageDown takes a month away, each signalled."""
    field, _ = _field(qtbot)
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Up)
    assert field.date() == QDate(2024, 12, 7)
    QTest.keyClick(field, Qt.Key.Key_PageDown)
    assert field.date() == QDate(2024, 11, 7) and field.text() == "07/11/2024"


def test_the_calendar_picks_a_day(qtbot):
    """Alt+Down opens the calendar on the date shown; clicking a day takes it."""
    field, _ = _field(qtbot)
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.findChild(QWidget, "date_calendar")
    qtbot.waitUntil(lambda: calendar is not None and calendar.isVisible())
    assert calendar.selectedDate() == QDate(2024, 12, 6)
    calendar.clicked.emit(QDate(2024, 12, 24))
    assert field.date() == QDate(2024, 12, 24)


def test_set_date_takes_a_python_date(qtbot):
    """setDate takes a datetime.date as QDateEdit does, and date() gives a QDate."""
    field, _ = _field(qtbot)
    field.setDate(date(2023, 1, 31))
    assert field.date() == QDate(2023, 1, 31) and field.text() == "31/01/2023"
