"""The receiving window's menus: Tệp, Sửa (Hoàn tác / Làm lại of the appraisals), Trợ giúp; each entry with
an Alt letter of its own (``with_mnemonic``) and the keys the commune window uses for the same things."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from ui.window_menus import with_mnemonic


def _action(window, menu, text: str, slot, *keys, name: str = "") -> QAction:
    letters = set(menu.property("mnemonics") or [])
    action = QAction(with_mnemonic(text, letters), window, objectName=name)
    menu.setProperty("mnemonics", sorted(letters))
    if keys:
        action.setShortcuts([QKeySequence(key) for key in keys])
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window) -> None:
    from ui.receiving import actions

    files = window.menuBar().addMenu("&Tệp")
    _action(window, files, "Mở thư mục gói…", lambda: actions.take_in(window), "Ctrl+O", name="take_in_folder")
    _action(window, files, "Thêm tệp gói .zip…", lambda: actions.take_in(window, files=True), name="take_in_files")
    files.addSeparator()
    _action(window, files, "Xuất bảng tổng hợp…", lambda: actions.export_summary(window), "Ctrl+E",
            name="export_summary")
    _action(window, files, "Xuất kết quả thẩm định…", lambda: actions.export_results(window), name="export_results")
    files.addSeparator()
    _action(window, files, "Tên cơ quan tổng hợp…", lambda: actions.name_office(window), name="office")
    files.addSeparator()
    _action(window, files, "Thoát", window.close, "Ctrl+Q", name="quit")
    _edit(window, window.menuBar().addMenu("&Sửa"))
    helps = window.menuBar().addMenu("Trợ &giúp")
    _action(window, helps, "Hướng dẫn chế độ Tổng hợp", window.show_help, "F1", name="help")


def _edit(window, menu) -> None:
    stack = window.undo_stack
    undo = _action(window, menu, "&Hoàn tác", stack.undo, QKeySequence.StandardKey.Undo, name="undo")
    redo = _action(window, menu, "&Làm lại", stack.redo, "Ctrl+Y", "Ctrl+Shift+Z", name="redo")
    stack.undoTextChanged.connect(lambda text: undo.setText(f"&Hoàn tác {text}".strip()))
    stack.redoTextChanged.connect(lambda text: redo.setText(f"&Làm lại {text}".strip()))
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
