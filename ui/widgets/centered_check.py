"""A tick box drawn in the middle of its table cell, toggled by a click anywhere in the cell or by Space.

For grids of ticks, one column per choice (the registration grid); a cell that
is not user-checkable paints and behaves as a plain cell.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem


class CenteredCheck(QStyledItemDelegate):
    """A tick drawn in the middle of its cell; a click anywhere in the cell, or Space, toggles it."""

    def _check_rect(self, option) -> QRect:
        style = option.widget.style() if option.widget else QApplication.style()
        size = QSize(style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, option, option.widget),
                     style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, option, option.widget))
        return QStyle.alignedRect(option.direction, Qt.AlignmentFlag.AlignCenter, size, option.rect)

    def paint(self, painter, option, index) -> None:
        if not index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            super().paint(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        style = option.widget.style() if option.widget else QApplication.style()
        tick = QStyleOptionViewItem(cell)
        cell.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, option.widget)
        tick.rect = self._check_rect(option)
        tick.state &= ~QStyle.StateFlag.State_HasFocus
        tick.state |= QStyle.StateFlag.State_On if cell.checkState == Qt.CheckState.Checked else \
            QStyle.StateFlag.State_Off
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, tick, painter, option.widget)

    def editorEvent(self, event, model, option, index) -> bool:  # noqa: N802 (Qt's name)
        if not index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            return True  # the release toggles
        toggles = kind == QEvent.Type.MouseButtonRelease and option.rect.contains(event.position().toPoint())
        toggles |= kind == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
        if not toggles:
            return False
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        return model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)
