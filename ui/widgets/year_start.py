"""What the pages that show one year at a time share: the year spin box, and the empty state shown in place
of the page's body while the year has nothing yet (a few lines and the button that starts it).

The scoring page offers only the years with a plan or a score (and this one),
so it picks its year in a combo box of its own; its empty state is this one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class YearSpin(QSpinBox):
    """The year shown (2000–2100); a typed year is signalled once the typing is done, not digit by digit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="year", minimum=2000, maximum=2100, keyboardTracking=False)
        self.chosen = False
        # connected first, so a year chosen before the page's first reading is kept, not replaced by the default
        self.valueChanged.connect(self._chosen_by_hand)

    def _chosen_by_hand(self, _year: int) -> None:
        self.chosen = True

    def choose_once(self, default: Callable[[], int]) -> None:
        """The first time only, show ``default()`` without signalling a change; later the clerk's year stays."""
        if self.chosen:
            return
        self.chosen = True
        self.blockSignals(True)
        self.setValue(default())
        self.blockSignals(False)


class EmptyState(QWidget):
    """``content`` (a widget or a layout) a third of the way down; ``centred``: in the middle six eighths of
    the width, else across all of it."""

    def __init__(self, content: QWidget | QLayout, centred: bool = False, name: str = "empty_state",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        if centred:
            middle = QHBoxLayout()
            middle.addStretch(1)
            _add(middle, content, 6)
            middle.addStretch(1)
            layout.addLayout(middle)
        else:
            _add(layout, content)
        layout.addStretch(2)


def _add(layout: QBoxLayout, content: QWidget | QLayout, stretch: int = 0) -> None:
    if isinstance(content, QLayout):
        layout.addLayout(content, stretch)
    else:
        layout.addWidget(content, stretch)
