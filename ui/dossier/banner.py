"""The readiness banner over the dossier's tabs: "Còn thiếu 5 mục" (opens to the list, each line with
"Đến đó"), or "Hồ sơ đã đủ" in green; the cross-checks' warnings (``dossier_checks``) in orange below;
above it, who grants what on the dossier's day and why."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.services.dossier_readiness import Missing
from ui.dossier import GREEN, ORANGE, RED, html


class ReadinessBanner(QFrame):
    """"Còn thiếu 5 mục" (opens to the list, each line with "Đến đó"), or "Hồ sơ đã đủ" in green."""

    go_to = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="readiness")
        self.missing: tuple[Missing, ...] | None = None
        # which version of the law applies (Luật TĐKT 2022 Điều 80 before 01/7/2025, NĐ 129/2025 after)
        self.authority = QLabel(objectName="authority_line", wordWrap=True)
        self.authority.hide()
        self.warnings: tuple[Missing, ...] = ()
        self.status = QLabel(objectName="readiness_status", wordWrap=True)
        self.toggle = QPushButton("Xem", objectName="readiness_toggle", checkable=True)
        self.toggle.toggled.connect(self._toggled)
        self.rows = QWidget()
        self.rows_layout = QVBoxLayout(self.rows)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.detail = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame, objectName="readiness_list")
        self.detail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail.setWidget(self.rows)
        self.detail.hide()
        header = QHBoxLayout()
        header.addWidget(self.status, 1)
        header.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.authority)
        layout.addLayout(header)
        layout.addWidget(self.detail)

    def show_authority(self, text: str) -> None:
        """ "Chủ tịch UBND xã tặng: … Trình Chủ tịch UBND huyện: … (Luật …; hồ sơ ngày …)."; hidden when empty."""
        self.authority.setText(text)
        self.authority.setVisible(bool(text))

    def show_missing(self, missing: tuple[Missing, ...], warnings: tuple[Missing, ...] = ()) -> None:
        """The gaps (they stop a whole print) and, below them, the cross-checks' warnings (they do not)."""
        if (missing, warnings) == (self.missing, self.warnings):
            return
        self.missing, self.warnings = missing, warnings
        tint = "#fdecea" if missing else "#fff4e0" if warnings else "#e8f5e9"
        self.setStyleSheet(f"QFrame#readiness {{ background: {tint}; border-radius: 4px; }}")
        if not missing:
            self.status.setText(f"<b style='color:{GREEN}'>Hồ sơ đã đủ</b> — in hoặc xuất được ngay."
                                + self._warned(warnings))
        else:
            self.status.setText(f"<b style='color:{RED}'>Còn thiếu {len(missing)} mục</b> trước khi in hồ sơ."
                                + self._warned(warnings))
        shown = bool(missing or warnings)
        self.toggle.setVisible(shown)
        self.detail.setVisible(shown and self.toggle.isChecked())
        while self.rows_layout.count():
            item = self.rows_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        for entry in missing:
            self.rows_layout.addWidget(self._row(entry))
        for entry in warnings:
            self.rows_layout.addWidget(self._row(entry, warning=True))
        self.rows_layout.addStretch(1)
        # as tall as the lines, up to about five of them; more scroll
        tallest = self.fontMetrics().lineSpacing() * 9
        self.detail.setFixedHeight(min(self.rows.sizeHint().height() + 2, tallest))

    @staticmethod
    def _warned(warnings: tuple[Missing, ...]) -> str:
        if not warnings:
            return ""
        return (f" <b style='color:{ORANGE}'>Có {len(warnings)} điểm cần xem lại</b> "
                "(giấy tờ chưa khớp nhau; vẫn in được).")

    def _row(self, entry: Missing, warning: bool = False) -> QWidget:
        row = QWidget(objectName="warning_row" if warning else "missing_row")
        line = f"<span style='color:{ORANGE}'>⚠ {html(entry.what)}</span>" if warning else f"• {html(entry.what)}"
        text = QLabel(line, wordWrap=True, alignment=Qt.AlignmentFlag.AlignVCenter)
        button = QPushButton("Đến đó", objectName="go_there", clicked=lambda: self.go_to.emit(entry))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(text, 1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def _toggled(self, on: bool) -> None:
        self.toggle.setText("Ẩn" if on else "Xem")
        self.detail.setVisible(on and bool(self.missing or self.warnings))
