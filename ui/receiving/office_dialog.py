"""The receiving office's name as its papers print it ("Sở Nội vụ tỉnh Quảng Ngãi") and who signs its summary
paper: asked at the first start, editable later (Tệp → Tên cơ quan tổng hợp…)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ui.widgets.form_dialog import FormDialog


class OfficeDialog(FormDialog):
    def __init__(self, parent: QWidget | None, name: str, province: str, save, signer: str = "") -> None:
        super().__init__("Cơ quan tổng hợp", save, parent)
        self.setObjectName("office_dialog")
        about = QLabel("Tên cơ quan in ở đầu báo cáo tổng hợp và trong tệp kết quả thẩm định gửi các xã.",
                       wordWrap=True)
        self.form.addRow(about)
        self.name_edit = QLineEdit(name, objectName="office_name")
        self.name_edit.setPlaceholderText("Ví dụ: Sở Nội vụ tỉnh Quảng Ngãi")
        self.province_edit = QLineEdit(province, objectName="office_province")
        self.province_edit.setPlaceholderText("Ví dụ: Quảng Ngãi")
        self.signer_edit = QLineEdit(signer, objectName="office_signer")
        self.signer_edit.setPlaceholderText("Họ và tên Giám đốc, in dưới chữ ký (có thể để trống)")
        self.form.addRow("&Tên cơ quan:", self.name_edit)
        self.form.addRow("T&ỉnh, thành phố:", self.province_edit)
        self.form.addRow("&Người ký báo cáo:", self.signer_edit)

    def entered(self) -> tuple[str, str, str]:
        return self.name_edit.text(), self.province_edit.text(), self.signer_edit.text()
