"""Undo cases: the commune's own awards (registration, the Chairman's decision, certificate layouts)
and the award registers (the award history, the award kinds)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.services import award_decision, award_history, award_kinds, certificates, registration
from app.services.award_history import RecordData
from app.services.officials import list_officials
from tests.app.undo_cases import Case

YEAR = 2024  # the demo's year: its registration, its issued decision
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)  # enough for the signature check; the journal never reads the file


def _dossier(store) -> int:
    """The demo's dossier whose decision is issued."""
    return certificates.issued_dossiers(store, YEAR)[0]


def _first_official(store) -> int:
    return list_officials(store)[0].id


def _layout(store):
    return certificates.list_layouts(store)[0]


def _withdrawn(store) -> int:
    dossier = _dossier(store)
    award_decision.withdraw(store, dossier)
    return dossier


def _moved(info):
    first = info.layout.fields[0]
    fields = (replace(first, x_mm=first.x_mm + 5), *info.layout.fields[1:])
    return replace(info.layout, fields=fields)


def _scan(store):
    path = store.folder.root / "phoi.png"
    path.write_bytes(PNG)
    return path


def _exported(store):
    return certificates.export_layout(store, _layout(store).id, store.folder.root / "mau.json")


def _no_layouts(store) -> None:
    for info in certificates.list_layouts(store):
        certificates.delete_layout(store, info.id)


def _vote_changed(store):
    raw = award_kinds.kind_definition(store, "ldtt")
    return award_kinds.save_kind(store, dict(raw, vote={"percent": 80, "base": "all"}))


def _history_rows():
    return [RecordData("official", "Lê Thị Mai", 2019, "Giấy khen của Chủ tịch UBND huyện", "Chủ tịch UBND huyện"),
            RecordData("collective", "Tổ dân phố 9", 2020, "Tập thể lao động tiên tiến")]


def _reimported(store):
    """The year's registration as an import: one dropped, one added."""
    kept = sorted(registration.registrations(store, YEAR), key=lambda item: (item.subject_id, item.award_key))
    added = registration.Registration("official", _first_official(store), "ldtt")
    found = [item for item in kept[1:] if item != added]
    return registration.replace_year(store, YEAR, [*found, added] if added in kept else found)


CASES = [
    Case("đăng ký thi đua", lambda store, _p: registration.set_registered(
        store, 2030, "official", _first_official(store), "ldtt", True)),  # a year the demo has not registered
    Case("bỏ đăng ký thi đua", lambda store, item: registration.set_registered(
        store, YEAR, item.subject_kind, item.subject_id, item.award_key, False),
        prepare=lambda store: sorted(registration.registrations(store, YEAR), key=repr)[0]),
    Case("nhập đăng ký thi đua", lambda store, _p: _reimported(store)),
    Case("sửa số quyết định", lambda store, dossier: award_decision.update_decision(
        store, dossier, number="46/QĐ-UBND"), prepare=_withdrawn),
    Case("ban hành quyết định", lambda store, dossier: award_decision.issue(store, dossier, today=date(YEAR, 12, 20)),
         prepare=_withdrawn),
    Case("hủy ban hành quyết định", lambda store, _p: award_decision.withdraw(store, _dossier(store))),
    Case("sửa mẫu vị trí in", lambda store, info: certificates.save_layout(store, _moved(info), info.id,
                                                                           "Di chuyển ô"), prepare=_layout),
    Case("thêm mẫu vị trí in", lambda store, _p: certificates.save_layout(
        store, replace(certificates.default_layout(), name="Phôi mới"))),
    Case("nhân bản mẫu vị trí in", lambda store, info: certificates.copy_layout(store, info.id, "Bản sao"),
         prepare=_layout),
    Case("xóa mẫu vị trí in", lambda store, info: certificates.delete_layout(store, info.id), prepare=_layout),
    Case("nhập mẫu vị trí in", lambda store, path: certificates.import_layout(store, path), prepare=_exported),
    Case("thêm mẫu ví dụ khi không còn mẫu nào", lambda store, _p: certificates.install_default_layout(store),
         prepare=_no_layouts),
    Case("đặt ảnh phôi", lambda store, path: certificates.set_background(store, _layout(store).id, path),
         prepare=_scan),
    Case("bỏ ảnh phôi", lambda store, _p: certificates.remove_background(store, _layout(store).id),
         prepare=lambda store: certificates.set_background(store, _layout(store).id, _scan(store))),
    Case("thêm khen thưởng vào sổ", lambda store, _p: award_history.add_record(store, _history_rows()[0])),
    Case("xóa khen thưởng khỏi sổ", lambda store, _p: award_history.delete_record(
        store, award_history.list_records(store)[0].id)),
    Case("nhập sổ khen thưởng", lambda store, _p: award_history.import_records(store, _history_rows())),
    Case("sửa danh hiệu", lambda store, _p: _vote_changed(store)),
    Case("thêm danh hiệu", lambda store, _p: award_kinds.save_kind(store, {
        "key": "giay_khen_doan", "name": "Giấy khen của Đoàn xã", "kind": "form", "subject": "individual",
        "authority_level": "commune"})),
    Case("ngừng dùng danh hiệu", lambda store, _p: award_kinds.set_kind_active(store, "ldtt", False)),
]
