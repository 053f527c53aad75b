"""Undo cases: the award dossier — the dossier itself, its nominees, the council, the meeting, the votes."""

from __future__ import annotations

from datetime import date, time

from app.services import council, dossier
from tests.app.undo_cases import Case

YEAR = 2024
TODAY = date(2025, 1, 10)


def _open(store):
    """The demo's dossier still open (its decision not issued)."""
    return next(item for item in dossier.list_dossiers(store, YEAR) if item.campaign.startswith("Phong trào"))


def _first_nominee(store):
    return dossier.nominations(store, _open(store).id, TODAY)[0]


def _unlisted(store, award_key: str = "ldtt") -> list[tuple[str, int]]:
    """Two officials not yet proposed for ``award_key`` in the open dossier."""
    listed = {(item.subject_kind, item.subject_id) for item in dossier.nominations(store, _open(store).id, TODAY)
              if item.award_key == award_key}
    return [(kind, subject_id) for kind, subject_id, _name in dossier.candidates(store)
            if kind == "official" and (kind, subject_id) not in listed][:2]


def _create(store, _prepared):
    return dossier.create_dossier(store, YEAR, "Khen thưởng chuyên đề chuyển đổi số", today=TODAY)


def _edit_dossier(store, _prepared):
    return dossier.update_dossier(store, _open(store).id, "Sửa số tờ trình", letter_number="99/TTr-UBND",
                                  letter_date=date(2024, 12, 20))


def _made_with_meeting(store) -> int:
    """A dossier made by mistake, with a meeting and an absence marked (its deletion takes both)."""
    made = dossier.create_dossier(store, YEAR, "Hồ sơ lập nhầm", today=TODAY).value.id
    council.update_meeting(store, made, place="Hội trường")
    member = council.members(store, YEAR)[0]
    council.set_attendance(store, made, member.id, False, "ốm")
    return made


def _delete_dossier(store, made):
    return dossier.delete_dossier(store, made)


def _add_nominations(store, picks):
    return dossier.add_nominations(store, _open(store).id, picks, "ldtt")


def _edit_nomination(store, _prepared):
    return dossier.update_nomination(store, _first_nominee(store).id, "Sửa ghi chú", note="Đề nghị lần đầu",
                                     excellent=True, identity={"Quê quán": "Hòa Bình"})


def _remove_nomination(store, _prepared):
    return dossier.remove_nomination(store, _first_nominee(store).id)  # its votes go with it


def _add_member(store, _prepared):
    return council.add_member(store, YEAR, "Ủy viên", full_name="Trần Văn Mới", title="Trưởng thôn")


def _remove_member(store, _prepared):
    chair = council.meeting(store, _open(store).id).chair  # chairs the meeting and is marked present
    return council.remove_member(store, chair.id)


def _copy_members(store, _prepared):
    return council.copy_members(store, YEAR, 2030)  # a year without a council in the demo


def _edit_meeting(store, _prepared):
    return council.update_meeting(store, _open(store).id, "Sửa giờ họp", starts_at=time(7, 30), place="Nhà văn hóa")


def _attendance(store, _prepared):
    absent = council.meeting(store, _open(store).id).absent[0].member  # back after all: present
    return council.set_attendance(store, _open(store).id, absent.id, True, label="Đánh dấu có mặt")


def _votes(store, _prepared):
    return council.set_votes(store, _first_nominee(store).id, 5, "Nhập 5 phiếu")


def _clear_votes(store, _prepared):
    return council.set_votes(store, _first_nominee(store).id, None, "Xóa số phiếu")


CASES = [
    Case("lập hồ sơ khen thưởng", _create),
    Case("sửa tờ trình", _edit_dossier),
    Case("xóa hồ sơ lập nhầm", _delete_dossier, prepare=_made_with_meeting),
    Case("thêm đề nghị", _add_nominations, prepare=_unlisted),
    Case("sửa đề nghị", _edit_nomination),
    Case("bỏ đề nghị", _remove_nomination),
    Case("thêm thành viên Hội đồng", _add_member),
    Case("bỏ thành viên Hội đồng", _remove_member),
    Case("chép Hội đồng năm trước", _copy_members),
    Case("sửa biên bản họp", _edit_meeting),
    Case("đánh dấu có mặt", _attendance),
    Case("nhập số phiếu", _votes),
    Case("xóa số phiếu", _clear_votes),
]
