"""The floor for the start-up figure: a bare PySide6 main window, shown and closed as ``--exit-after-show`` does.

    QT_QPA_PLATFORM=offscreen python benchmarks/bare_window.py
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1100, 700)
    window.show()
    QTimer.singleShot(0, window.close)
    sys.exit(app.exec())
