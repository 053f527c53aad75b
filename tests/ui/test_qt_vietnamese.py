"""Qt's own strings in Vietnamese, and nothing blanked where the translator knows no Vietnamese."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QFileDialog, QLabel, QLineEdit, QPushButton, QSpinBox, QTreeView

from ui.qt_vietnamese import VietnameseQtStrings


@pytest.fixture
def vietnamese(qapp):
    translator = VietnameseQtStrings(qapp)
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_shortcut_names_are_kept(vietnamese):
    """A string the translator does not list keeps Qt's text: shortcuts read "Ctrl+Shift+B", "F2", "Del"."""
    native = QKeySequence.SequenceFormat.NativeText
    assert QKeySequence("Ctrl+Shift+B").toString(native) == "Ctrl+Shift+B"
    assert QKeySequence("F2").toString(native) == "F2"
    assert QKeySequence(QKeySequence.StandardKey.Delete).toString(native) == "Del"
    assert vietnamese.translate("QShortcut", "Ctrl") is None


@pytest.mark.parametrize("kind", [QLineEdit, QSpinBox, QDateEdit])
def test_field_context_menus_have_no_empty_item(qtbot, vietnamese, kind):
    """The right-click menu of text, number and date fields is Vietnamese, each item with its shortcut shown."""
    field = kind()
    qtbot.addWidget(field)
    editor = field if isinstance(field, QLineEdit) else field.lineEdit()
    texts = [action.text() for action in editor.createStandardContextMenu().actions() if not action.isSeparator()]
    assert "&Sao chép\tCtrl+C" in texts and "&Dán\tCtrl+V" in texts
    assert all(text and not text.endswith("\t") for text in texts)
    assert vietnamese.translate("QAbstractSpinBox", "&Step up") == "&Tăng"


def test_qts_own_file_dialog_speaks_vietnamese(qtbot, vietnamese, tmp_path):
    """Qt's file dialog (used where the system's is not) has its labels, columns and buttons in Vietnamese."""
    dialog = QFileDialog(None, "Chọn tệp", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    buttons = {button.text() for button in dialog.findChildren(QPushButton)}
    assert {"Tìm &trong:", "&Tên tệp:", "&Loại tệp:"} <= labels
    assert "&Mở" in buttons and "" not in buttons
    view = dialog.findChild(QTreeView)
    columns = [view.model().headerData(column, Qt.Orientation.Horizontal) for column in range(4)]
    assert columns == ["Tên", "Kích thước", "Loại", "Ngày sửa"]


def test_the_print_preview_speaks_vietnamese(qtbot, vietnamese):
    """The preview before printing: its title and every toolbar button in Vietnamese, none empty or English."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrinter

    dialog = QPrintPreviewDialog(QPrinter())
    qtbot.addWidget(dialog)
    texts = [action.text() for action in dialog.findChildren(QAction) if not action.isSeparator() and action.text()]
    assert dialog.windowTitle() == "Xem trước khi in"
    assert {"Vừa trang", "Phóng to", "Trang sau", "In", "Thiết lập trang"} <= set(texts)
    english = {"Fit width", "Fit page", "Zoom in", "Next page", "Print", "Page setup", "Portrait", "Landscape"}
    assert not english & set(texts)
