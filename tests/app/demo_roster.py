"""The merged commune's officials (briefs: roster of xã Hòa Bình Xuân after 01/07/2025) put into the 2024 demo:
the twelve keep their names and take today's positions, five come from the two merged communes."""

from __future__ import annotations

from app.services.officials import OfficialData, add_official, list_officials, update_official
from app.store import Store

# full_name, gender, birth_year, position, department (one per office), category, active
ROSTER = (
    ("Trần Văn Hùng", "Nam", 1975, "Chủ tịch UBND xã", "Lãnh đạo", "Cán bộ", True),
    ("Nguyễn Thị Thu Hà", "Nữ", 1980, "Phó Chủ tịch UBND xã", "Lãnh đạo", "Cán bộ", True),
    ("Phạm Quốc Bảo", "Nam", 1978, "Phó Chủ tịch UBND xã", "Lãnh đạo", "Cán bộ", True),
    ("Đặng Văn Đức", "Nam", 1985, "Chánh Văn phòng HĐND và UBND", "VP", "Công chức", True),
    ("Phan Văn Lộc", "Nam", 1986, "Phó Chánh Văn phòng HĐND và UBND", "VP", "Công chức", True),
    ("Võ Thị Ánh", "Nữ", 1990, "Công chức Văn phòng HĐND và UBND (tư pháp)", "VP", "Công chức", True),
    ("Bùi Thị Ngọc Ánh", "Nữ", 1992, "Trưởng Phòng Văn hóa - Xã hội", "VH-XH", "Công chức", True),
    ("Hồ Văn Sáng", "Nam", 1984, "Phó Trưởng Phòng Văn hóa - Xã hội", "VH-XH", "Công chức", True),
    ("Lê Thị Mai", "Nữ", 1988, "Công chức Phòng Văn hóa - Xã hội (lĩnh vực Nội vụ)", "VH-XH", "Công chức", True),
    ("Huỳnh Văn Ân", "Nam", 1983, "Trưởng Phòng Kinh tế", "KT", "Công chức", True),
    ("Đỗ Minh Tâm", "Nam", 1987, "Công chức Phòng Kinh tế (tài chính - kế toán)", "KT", "Công chức", True),
    ("Tạ Thị Kim Oanh", "Nữ", 1991, "Công chức Phòng Kinh tế (địa chính - xây dựng)", "KT", "Công chức", True),
    ("Lý Thị Hồng", "Nữ", 1982, "Giám đốc Trung tâm Phục vụ hành chính công", "PV-HCC", "Công chức", True),
    ("Mạc Thị Yến", "Nữ", 1994, "Viên chức Trung tâm Phục vụ hành chính công", "PV-HCC", "Viên chức", True),
    ("Trương Thị Ơn", "Nữ", 1995, "Nhân viên Trung tâm Phục vụ hành chính công", "PV-HCC",
     "Người hoạt động không chuyên trách", True),
    ("Ngô Văn Toàn", "Nam", 1979, "Chỉ huy trưởng Ban Chỉ huy Quân sự", "QS", "Công chức", True),
    ("Châu Văn Ưng", "Nam", 1968, "Cán bộ Văn phòng Đảng ủy", "Đảng ủy", "Người hoạt động không chuyên trách", False),
)


def add_roster(store: Store) -> None:
    """Every official of the roster, by full name: updated when there, added when new."""
    present = {official.full_name: official.id for official in list_officials(store)}
    for name, gender, born, position, department, category, active in ROSTER:
        data = OfficialData(name, gender, born, position, department, category, active)
        if name in present:
            update_official(store, present[name], data)
        else:
            add_official(store, data)
