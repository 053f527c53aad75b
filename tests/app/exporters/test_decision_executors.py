"""Điều 3 of the Chairman's award decision names who executes it by the decision's date, read back from Word."""

from __future__ import annotations

from datetime import date

from app.exporters.decision_files import write_decision_files
from app.services import council
from app.services.award_decision import decision_for, update_decision
from app.services.dossier import add_nomination, create_dossier
from app.services.offices import OfficeData, add_office
from app.services.officials import OfficialData, add_official
from app.services.profile import CommuneProfile, save_profile
from tests.app.exporters.test_dossier_files import word_text

REFORM_DAY = date(2025, 7, 1)


def _commune(store) -> int:
    """A commune whose offices exist from 01/07/2025; one official, Lê Thị Mai."""
    save_profile(store, CommuneProfile(commune_name="Hòa Bình Xuân", province="Quảng Ngãi", chairman_name="Trần Văn Hùng",
                                       chairman_title="Chủ tịch", place_name="Hòa Bình Xuân"))
    for kind, name in (("van_phong", "Văn phòng HĐND và UBND"), ("van_hoa_xa_hoi", "Phòng Văn hóa - Xã hội"),
                       ("kinh_te", "Phòng Kinh tế"), ("phuc_vu_hcc", "Trung tâm Phục vụ hành chính công")):
        add_office(store, OfficeData(kind, name, active_from=REFORM_DAY))
    return add_official(store, OfficialData("Lê Thị Mai", position="Công chức")).value.id


def _decision(store, year: int, signed: date) -> int:
    """A dossier of ``year``: Mai for Lao động tiên tiến, carried by a council of three, the decision signed."""
    mai = _commune(store)
    dossier = create_dossier(store, year, f"Phong trào thi đua năm {year}", today=signed).value.id
    nomination = add_nomination(store, dossier, "official", mai, "ldtt").value
    for number in range(3):
        council.add_member(store, year, "Ủy viên", full_name=f"Thành viên {number + 1}")
    council.set_votes(store, nomination, 3)
    council.update_meeting(store, dossier, held_on=signed)
    update_decision(store, dossier, number="12", signed_on=signed)
    return dossier


def test_a_2024_decision_names_the_officials_titles(store, tmp_path):
    """Before the commune had offices: “Công chức Văn phòng - Thống kê, công chức Tài chính - Kế toán …”."""
    dossier = _decision(store, 2024, date(2024, 12, 10))
    written = {path.suffix: path for path in write_decision_files(store, dossier, tmp_path, date(2024, 12, 12))}
    text = word_text(written[".docx"])
    assert ("Công chức Văn phòng - Thống kê, công chức Tài chính - Kế toán và các cá nhân có tên tại Điều 1 "
            "chịu trách nhiệm thi hành") in text
    assert "Phòng Văn hóa - Xã hội" not in text


def test_a_2026_decision_names_the_heads_of_the_offices_in_force(store, tmp_path):
    """From 01/07/2025: the heads of Văn phòng, Văn hóa - Xã hội and Kinh tế, as the offices are named."""
    dossier = _decision(store, 2026, date(2026, 12, 10))
    written = {path.suffix: path for path in write_decision_files(store, dossier, tmp_path, date(2026, 12, 12))}
    assert ("Chánh Văn phòng HĐND và UBND xã, Trưởng Phòng Văn hóa - Xã hội, Trưởng Phòng Kinh tế và các tập thể, "
            "cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành") in word_text(written[".docx"])


def test_executors_the_clerk_did_not_type_follow_the_signing_date(store):
    """A 2025 decision first dated in June names the titles; signed in December, the offices."""
    mai = _commune(store)
    dossier = create_dossier(store, 2025, "Phong trào thi đua năm 2025", today=date(2025, 6, 1)).value.id
    add_nomination(store, dossier, "official", mai, "ldtt")
    update_decision(store, dossier, signed_on=date(2025, 6, 20))
    assert decision_for(store, dossier).executors.startswith("Công chức Văn phòng - Thống kê")
    update_decision(store, dossier, signed_on=date(2025, 12, 20))
    assert decision_for(store, dossier).executors.startswith("Chánh Văn phòng HĐND và UBND xã")
    update_decision(store, dossier, executors="Văn phòng và các cá nhân có tên tại Điều 1")
    update_decision(store, dossier, signed_on=date(2025, 12, 22))
    assert decision_for(store, dossier).executors == "Văn phòng và các cá nhân có tên tại Điều 1"
