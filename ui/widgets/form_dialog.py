"""A form in a dialog whose "Lưu" saves through a service and keeps the form open with the refusal's reason."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.errors import UserError

ERROR_STYLE = "color: #b00020"


class FormDialog(QDialog):
    """One register entry's fields. "Lưu" runs ``save(entered())``; a refusal keeps the form open with its reason."""

    def __init__(self, title: str, save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.save = save
        self.result_value = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = QLabel(objectName="message", wordWrap=True)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def entered(self):
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_value = self.save(self.entered())
        except UserError as error:
            self.message.setText(f"{error.message} {error.hint}".strip())
            return
        super().accept()
