"""A small horizontal bar chart painted with QPainter (PySide6-Essentials has no QtCharts).

Each item takes two lines: its label, word-wrapped to the full width so a long
Vietnamese area name is never clipped, then a bar with "done/total (xx%)" at its
right. The height follows the width (height-for-width), tooltips name the item.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

_GAP = 8  # between the bar and its value text
_ITEM_SPACING = 10
SIDE_BY_SIDE_WIDTH = 700  # below this, each label takes its own line above the bar
_LABEL_BAR_SPACING = 2
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)

DONE_COLOR = QColor("#2e7d32")  # 100 %
GOOD_COLOR = QColor("#1565c0")  # half or more
LOW_COLOR = QColor("#e65100")  # less than half
TRACK_COLOR = QColor("#e3e6ea")


@dataclass(frozen=True)
class Bar:
    label: str
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def value_text(self) -> str:
        return f"{self.done}/{self.total} ({self.percent}%)"


@dataclass(frozen=True)
class _Placed:
    label: QRect
    bar: QRect
    value: QRect

    @property
    def whole(self) -> QRect:
        return self.label.united(self.bar).united(self.value)


def bar_color(percent: int) -> QColor:
    if percent >= 100:
        return DONE_COLOR
    return GOOD_COLOR if percent >= 50 else LOW_COLOR


class BarChart(QWidget):
    """Horizontal bars of done / total; give it items with ``label``, ``done`` and ``total``."""

    def __init__(self, unit: str = "kỳ", empty_text: str = "Chưa có số liệu.", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit, self.empty_text = unit, empty_text
        self._bars: tuple[Bar, ...] = ()
        self._placed_at: dict[int, list[_Placed]] = {}  # width → layout; cleared when the bars or the font change
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMouseTracking(True)

    def set_items(self, items: Iterable) -> None:
        self._bars = tuple(Bar(item.label, item.done, item.total) for item in items)
        self._placed_at.clear()
        self.setAccessibleDescription("; ".join(f"{bar.label}: {bar.value_text}" for bar in self._bars))
        self._fit_height()
        self.updateGeometry()
        self.update()

    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def tooltip_text(self, bar: Bar) -> str:
        left = bar.total - bar.done
        return f"{bar.label}\nHoàn thành {bar.done}/{bar.total} {self.unit} ({bar.percent}%), còn {left} {self.unit} chưa xong."

    # -- geometry -----------------------------------------------------------------
    def _value_width(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(bar.value_text) for bar in self._bars), default=0)

    def _placed(self, width: int) -> list[_Placed]:
        """The layout at ``width``, measured once: a layout pass asks heightForWidth a dozen times for the same
        width, and measuring every wrapped label each time was half the dashboard's build (issue 24)."""
        placed = self._placed_at.get(width)
        if placed is None:
            if len(self._placed_at) > 8:  # dragging the window's edge asks for many widths: keep a few
                self._placed_at.clear()
            placed = self._placed_at[width] = self._place(width)
        return placed

    def _place(self, width: int) -> list[_Placed]:
        """Label above its bar when narrow; beside it (a wrapped column of ~40 %) when wide enough."""
        metrics = self.fontMetrics()
        value_width = self._value_width()
        bar_height = metrics.height() + 4
        beside = width >= SIDE_BY_SIDE_WIDTH
        label_width = int(width * 0.4) if beside else width
        placed, y = [], 0
        for bar in self._bars:
            label_height = metrics.boundingRect(QRect(0, 0, max(label_width, 1), 100000), _WRAP, bar.label).height()
            label = QRect(0, y, label_width, label_height)
            if beside:
                row_height = max(label_height, bar_height)
                label.moveTop(y + (row_height - label_height) // 2)
                bar_top, left = y + (row_height - bar_height) // 2, label_width + _GAP
                y += row_height + _ITEM_SPACING // 2
            else:
                bar_top, left = y + label_height + _LABEL_BAR_SPACING, 0
                y = bar_top + bar_height + _ITEM_SPACING
            track = QRect(left, bar_top, max(width - left - value_width - _GAP, 20), bar_height)
            value = QRect(track.right() + _GAP, bar_top, value_width, bar_height)
            placed.append(_Placed(label, track, value))
        return placed

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if not self._bars:
            return self.fontMetrics().height() * 2
        return self._placed(width)[-1].whole.bottom() + 1

    def sizeHint(self) -> QSize:
        return QSize(360, self.heightForWidth(360))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._value_width() + _GAP + 60, self.fontMetrics().height() * 2)

    def _fit_height(self) -> None:
        # Not every container asks heightForWidth (a QScrollArea does not): hold the minimum ourselves.
        self.setMinimumHeight(self.heightForWidth(max(self.width(), self.minimumSizeHint().width())))

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # the labels measure differently
            self._placed_at.clear()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    # -- painting and tooltips ----------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        if not self._bars:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), _WRAP, self.empty_text)
            return
        for bar, place in zip(self._bars, self._placed(self.width())):
            painter.setPen(text_color)
            painter.drawText(place.label, _WRAP, bar.label)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK_COLOR)
            painter.drawRoundedRect(place.bar, 3, 3)
            filled = round(place.bar.width() * bar.done / bar.total) if bar.total else 0
            if filled:
                painter.setBrush(bar_color(bar.percent))
                painter.drawRoundedRect(QRect(place.bar.left(), place.bar.top(), filled, place.bar.height()), 3, 3)
            painter.setPen(text_color)
            painter.drawText(place.value, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), bar.value_text)

    def bar_at(self, x: int, y: int) -> Bar | None:
        for bar, place in zip(self._bars, self._placed(self.width())):
            if place.whole.adjusted(0, 0, 0, _ITEM_SPACING).contains(x, y):
                return bar
        return None

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            bar = self.bar_at(event.pos().x(), event.pos().y())
            if bar is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(bar), self)
            return True
        return super().event(event)
