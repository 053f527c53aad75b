"""The page of a certificate layout drawn at scale: the scanned blank and one movable, resizable box per field.

One scene unit is one millimetre from the page's top-left corner, so a box's
position and size are the layout's own numbers. Dragging snaps to 0,5 mm.
Nothing is saved here: the scene says when a drag ends (``boxEdited``) and the
editor saves the change, or puts the box back where the saved layout has it.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImageReader,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.domain.certificates import MM_PER_PT, CertificateLayout, FieldBox, text_height_mm
from app.paths import resource

SNAP_MM = 0.5
MARGIN_MM = 10  # grey border round the page: room to see a box that touches the page's edge
HANDLE_PX = 7  # how near an edge (in screen pixels, at any zoom) a press resizes instead of moving
MIN_WIDTH_MM = 5.0
MAX_SCAN_PX = 2400  # a 300 dpi scan is shown downsized: the screen never needs more
BOX_COLOUR = QColor("#1f5fbf")
SELECTED_COLOUR = QColor("#e06000")
LABEL_COLOUR = QColor("#17375e")
PAGE_COLOUR = QColor("#ffffff")
BACKDROP_COLOUR = QColor("#cfd4da")
FONT_FILES = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
              "LiberationSerif-BoldItalic.ttf")

Geometry = tuple[float, float, float, float]  # x, y, width, height in mm

_CURSORS = {
    frozenset(): Qt.CursorShape.SizeAllCursor,
    frozenset({"left"}): Qt.CursorShape.SizeHorCursor, frozenset({"right"}): Qt.CursorShape.SizeHorCursor,
    frozenset({"top"}): Qt.CursorShape.SizeVerCursor, frozenset({"bottom"}): Qt.CursorShape.SizeVerCursor,
    frozenset({"left", "top"}): Qt.CursorShape.SizeFDiagCursor,
    frozenset({"right", "bottom"}): Qt.CursorShape.SizeFDiagCursor,
    frozenset({"right", "top"}): Qt.CursorShape.SizeBDiagCursor,
    frozenset({"left", "bottom"}): Qt.CursorShape.SizeBDiagCursor,
}


def snap(value: float) -> float:
    """To the nearest 0,5 mm."""
    return round(round(value / SNAP_MM) * SNAP_MM, 2)


def _label_family() -> str:
    """The serif the PDF uses (bundled Liberation Serif), loaded once, so the boxes look like the print."""
    family = getattr(_label_family, "family", None)
    if family is None:
        added = [QFontDatabase.addApplicationFont(str(resource("fonts", name))) for name in FONT_FILES]
        families = [QFontDatabase.applicationFontFamilies(font_id) for font_id in added]
        family = next((found[0] for found in families if found), "Times New Roman")
        _label_family.family = family
    return family


class FieldItem(QGraphicsRectItem):
    """One field's box; drag inside to move it, drag an edge or a corner (or Shift+drag) to resize it."""

    def __init__(self, box: FieldBox) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        self._drag: tuple[frozenset[str], Geometry, QPointF] | None = None
        self.show_box(box)

    @property
    def key(self) -> str:
        return self.box.key

    def show_box(self, box: FieldBox) -> None:
        self.box = box
        self.set_geometry((box.x_mm, box.y_mm, box.width_mm, box.height_mm))
        self.setToolTip(f"{box.label}\nKéo để di chuyển; kéo mép hoặc góc để đổi kích thước.")
        self.update()

    def geometry(self) -> Geometry:
        rect = self.rect()
        return (round(self.pos().x(), 2), round(self.pos().y(), 2), round(rect.width(), 2), round(rect.height(), 2))

    def set_geometry(self, geometry: Geometry) -> None:
        x, y, width, height = geometry
        self.setPos(x, y)
        self.setRect(0, 0, width, height)

    def drag_ended(self, what: str = "move") -> None:
        """Tell the scene (and so the editor) where the box now is; ``what`` is "move" or "resize"."""
        scene = self.scene()
        if isinstance(scene, LayoutScene):
            scene.boxEdited.emit(self.key, self.geometry(), what)

    # --- the mouse ---------------------------------------------------------------------------------

    def _mm_per_pixel(self) -> float:
        views = self.scene().views() if self.scene() else []
        scale = views[0].transform().m11() if views else 1.0
        return 1.0 / scale if scale > 0 else 1.0

    def edges_at(self, point: QPointF) -> frozenset[str]:
        """The edges within reach of ``point`` (item coordinates); a small box keeps its middle for moving."""
        reach, rect, edges = HANDLE_PX * self._mm_per_pixel(), self.rect(), set()
        wide, tall = rect.width() > 3 * reach, rect.height() > 3 * reach
        if wide and abs(point.x() - rect.left()) <= reach:
            edges.add("left")
        elif abs(point.x() - rect.right()) <= reach:
            edges.add("right")
        if tall and abs(point.y() - rect.top()) <= reach:
            edges.add("top")
        elif abs(point.y() - rect.bottom()) <= reach:
            edges.add("bottom")
        return frozenset(edges)

    def hoverMoveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        edges = self.edges_at(event.pos())
        if not edges and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            edges = frozenset({"right", "bottom"})
        self.setCursor(_CURSORS[edges])
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        if self.scene() is not None:
            self.scene().clearSelection()
        self.setSelected(True)
        edges = self.edges_at(event.pos())
        if not edges and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            edges = frozenset({"right", "bottom"})
        self._drag = (edges, self.geometry(), event.scenePos())
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._drag is None:
            return
        edges, start, pressed = self._drag
        delta = event.scenePos() - pressed
        self.set_geometry(self.dragged(edges, start, delta.x(), delta.y()))
        scene = self.scene()
        if isinstance(scene, LayoutScene):
            scene.boxMoving.emit(self.key, self.geometry())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._drag is None:
            return
        edges, start, _pressed = self._drag
        self._drag = None
        if self.geometry() != start:
            self.drag_ended("resize" if edges else "move")

    def dragged(self, edges: frozenset[str], start: Geometry, dx: float, dy: float) -> Geometry:
        """The box after dragging by (dx, dy) mm: moved when no edge is held, else those edges moved; on 0,5 mm."""
        x, y, width, height = start
        if not edges:
            return snap(x + dx), snap(y + dy), width, height
        least_height = math.ceil(text_height_mm(1, self.box.min_size_pt) / SNAP_MM) * SNAP_MM
        right, bottom = x + width, y + height
        if "left" in edges:
            x = min(snap(x + dx), right - MIN_WIDTH_MM)
        if "right" in edges:
            right = max(snap(right + dx), x + MIN_WIDTH_MM)
        if "top" in edges:
            y = min(snap(y + dy), bottom - least_height)
        if "bottom" in edges:
            bottom = max(snap(bottom + dy), y + least_height)
        return round(x, 2), round(y, 2), round(right - x, 2), round(bottom - y, 2)

    # --- drawing -----------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        selected = self.isSelected()
        colour = SELECTED_COLOUR if selected else BOX_COLOUR
        fill = QColor(colour)
        fill.setAlpha(45 if selected else 25)
        pen = QPen(colour, 2.2 if selected else 1.2)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        painter.drawRect(self.rect())
        self._draw_label(painter)
        if selected:
            self._draw_handles(painter, colour)

    def _draw_label(self, painter: QPainter) -> None:
        """The field's name in the box's font, size and alignment, top-aligned as the text will be printed."""
        rect, box = self.rect(), self.box
        em = min(box.size_pt * MM_PER_PT, rect.height() * 0.8)
        if em <= 0:
            return
        scale = em / 100.0  # a 100 px font scaled down: fonts below 1 px are not drawn well
        font = QFont(_label_family())
        font.setPixelSize(100)
        font.setBold(box.bold)
        font.setItalic(box.italic)
        area = QRectF(rect.x() / scale, rect.y() / scale, rect.width() / scale, rect.height() / scale)
        area = area.adjusted(40, 0, -40, 0)
        text = box.label.upper() if box.upper else box.label
        text = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, max(area.width(), 0))
        align = {"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight}.get(
            box.align, Qt.AlignmentFlag.AlignHCenter)
        painter.save()
        painter.scale(scale, scale)
        painter.setFont(font)
        painter.setPen(LABEL_COLOUR)
        painter.drawText(area, align | Qt.AlignmentFlag.AlignTop, text)
        painter.restore()

    def _draw_handles(self, painter: QPainter, colour: QColor) -> None:
        size = 6 * self._mm_per_pixel()
        rect = self.rect()
        painter.setBrush(QBrush(colour))
        for x in (rect.left(), rect.center().x(), rect.right()):
            for y in (rect.top(), rect.center().y(), rect.bottom()):
                if (x, y) != (rect.center().x(), rect.center().y()):
                    painter.drawRect(QRectF(x - size / 2, y - size / 2, size, size))

    def boundingRect(self) -> QRectF:  # noqa: N802
        """Room for the handles drawn over the edges (about 4 px at any zoom)."""
        pad = 4 * self._mm_per_pixel()
        return self.rect().adjusted(-pad, -pad, pad, pad)

    def shape(self) -> QPainterPath:
        """The box and the outer half of its handles: a press there resizes instead of missing the box."""
        path = QPainterPath()
        path.addRect(self.boundingRect())
        return path


class LayoutScene(QGraphicsScene):
    """The page (with the scan when there is one) and the field boxes, updated in place from a layout."""

    boxEdited = Signal(str, object, str)  # key, Geometry, "move" | "resize": a drag ended
    boxMoving = Signal(str, object)  # key, Geometry: during a drag

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # a dozen boxes; their handles follow the zoom
        self.page = QGraphicsRectItem()
        self.page.setBrush(QBrush(PAGE_COLOUR))
        pen = QPen(QColor("#8a9099"), 1)
        pen.setCosmetic(True)
        self.page.setPen(pen)
        self.page.setZValue(-2)
        self.scan = QGraphicsPixmapItem()
        self.scan.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scan.setZValue(-1)
        self.addItem(self.page)
        self.addItem(self.scan)
        self.fields: dict[str, FieldItem] = {}
        self._scan_path: Path | None = None

    def show_layout(self, layout: CertificateLayout | None, scan: Path | None = None) -> None:
        """Show ``layout``: boxes kept, moved, added or removed by key, so a selection survives a refresh."""
        width, height = (layout.page_width_mm, layout.page_height_mm) if layout else (297.0, 210.0)
        self.page.setRect(0, 0, width, height)
        self.setSceneRect(-MARGIN_MM, -MARGIN_MM, width + 2 * MARGIN_MM, height + 2 * MARGIN_MM)
        self._show_scan(scan, width, height)
        boxes = {box.key: box for box in layout.fields} if layout else {}
        for key in [key for key in self.fields if key not in boxes]:
            self.removeItem(self.fields.pop(key))
        for key, box in boxes.items():
            if key in self.fields:
                self.fields[key].show_box(box)
            else:
                self.fields[key] = FieldItem(box)
                self.addItem(self.fields[key])

    def _show_scan(self, path: Path | None, width: float, height: float) -> None:
        if path != self._scan_path:
            self._scan_path = path
            self.scan.setPixmap(_read_scan(path) if path else QPixmap())
        pixmap = self.scan.pixmap()
        self.scan.setVisible(not pixmap.isNull())
        if not pixmap.isNull():
            self.scan.setTransform(QTransform.fromScale(width / pixmap.width(), height / pixmap.height()))

    @property
    def has_scan(self) -> bool:
        return not self.scan.pixmap().isNull()

    def selected_key(self) -> str | None:
        chosen = [item for item in self.selectedItems() if isinstance(item, FieldItem)]
        return chosen[0].key if chosen else None

    def select(self, key: str | None) -> None:
        self.clearSelection()
        if key in self.fields:
            self.fields[key].setSelected(True)


def _read_scan(path: Path) -> QPixmap:
    """The scan as a pixmap (turned upright by its EXIF orientation, downsized for the screen); empty if unreadable."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_SCAN_PX:
        reader.setScaledSize(size.scaled(MAX_SCAN_PX, MAX_SCAN_PX, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


class PageView(QGraphicsView):
    """The page fitted to the view; arrow keys ask to nudge the selected box (0,5 mm, Shift 5 mm)."""

    nudged = Signal(float, float)

    def __init__(self, scene: LayoutScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("page_view")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
                            | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QBrush(BACKDROP_COLOUR))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setMinimumSize(420, 300)
        scene.sceneRectChanged.connect(lambda _rect: self.fit())

    def fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.fit()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        direction = steps.get(event.key())
        scene = self.scene()
        if direction is None or not isinstance(scene, LayoutScene) or scene.selected_key() is None:
            super().keyPressEvent(event)
            return
        step = 5.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else SNAP_MM
        self.nudged.emit(direction[0] * step, direction[1] * step)
        event.accept()
