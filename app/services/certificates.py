"""Certificate layouts (vị trí in trên phôi giấy khen) and the certificates of an issued decision.

A layout says where each field goes on a pre-printed blank, in millimetres. It is
kept in the database as JSON, exported and imported as a ``.json`` file so one
commune can hand its measured layout to the next, and validated every time it
comes in. The scanned blank (PNG or JPEG) is copied into the evidence store, for
on-screen previews only: the paper already carries the frame.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.atomic import atomic_path
from app.domain.certificates import (
    CertificateLayout,
    CertificatePage,
    LayoutInvalid,
    field_values,
    layout_from_dict,
    layout_problems,
    layout_to_dict,
)
from app.errors import UserError
from app.resources import load_json
from app.services.changes import Changes, Done, short
from app.store import Store
from db.models import AwardDecisionRow, AwardRecordRow, CertificateLayoutRow, DossierRow, OfficialRow

DEFAULT_LAYOUT = ("certificates", "giay-khen-a4-ngang.json")
MAX_LAYOUT_FILE = 1024 * 1024  # a layout is a few kilobytes; anything larger is not one
IMAGE_SIGNATURES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",)}


@dataclass(frozen=True)
class LayoutInfo:
    id: int
    layout: CertificateLayout
    background: str  # relative to evidence/, "" without a scan

    @property
    def name(self) -> str:
        return self.layout.name


def _invalid(error: LayoutInvalid, name: str = "") -> UserError:
    what = f"Mẫu vị trí in “{name}”" if name else "Mẫu vị trí in"
    return UserError(
        f"{what} chưa dùng được:\n" + "\n".join(f"- {problem}" for problem in error.problems),
        "Sửa các chỗ trên (đơn vị mm, tính từ góc trên bên trái trang) rồi lưu lại.",
    )


def _read(row: CertificateLayoutRow) -> LayoutInfo:
    try:
        layout = layout_from_dict(json.loads(row.definition))
    except ValueError as error:  # a hand-edited database (LayoutInvalid is a ValueError): say so, do not crash
        raise UserError(f"Mẫu vị trí in “{row.name}” trong dữ liệu bị hỏng.",
                        "Xóa mẫu này rồi nhập lại từ tệp .json.", str(error)) from error
    return LayoutInfo(row.id, layout, row.background)


def _row(session: Session, layout_id: int) -> CertificateLayoutRow:
    row = session.get(CertificateLayoutRow, layout_id)
    if row is None:
        raise UserError("Không tìm thấy mẫu vị trí in này; có thể đã bị xóa.")
    return row


def list_layouts(store: Store) -> list[LayoutInfo]:
    with store.transaction() as session:
        return [_read(row) for row in session.scalars(select(CertificateLayoutRow).order_by(CertificateLayoutRow.id))]


def get_layout(store: Store, layout_id: int) -> LayoutInfo:
    with store.transaction() as session:
        return _read(_row(session, layout_id))


def choose_layout(store: Store, name: str | None = None) -> LayoutInfo:
    """The layout called ``name``; without a name the only one (reading writes nothing)."""
    layouts = list_layouts(store)
    names = ", ".join(f"“{info.name}”" for info in layouts)
    if not layouts:
        raise UserError("Chưa có mẫu vị trí in giấy khen nào.",
                        "Mở “In giấy khen…” ở thẻ Quyết định của hồ sơ khen thưởng (mẫu ví dụ được thêm sẵn), "
                        "hoặc nhập một mẫu .json.")
    if name is None:
        if len(layouts) == 1:
            return layouts[0]
        raise UserError(f"Có {len(layouts)} mẫu vị trí in; hãy chọn một.", f"Các mẫu: {names}.")
    wanted = " ".join(name.split()).casefold()
    for info in layouts:
        if info.name.casefold() == wanted:
            return info
    raise UserError(f"Không có mẫu vị trí in “{name}”.", f"Các mẫu đang có: {names}.")


def _check_award(session: Session, layout: CertificateLayout) -> None:
    from app.services.award_kinds import read_kinds

    if layout.award_key and layout.award_key not in read_kinds(session, active_only=False):
        raise UserError(
            f"Mẫu “{layout.name}” dành cho danh hiệu, hình thức có mã “{layout.award_key}”, phần mềm không có mã này.",
            "Sửa “award_key” thành một mã có sẵn (ví dụ ldtt, cstdcs, giay_khen_xa) hoặc để trống để in mọi danh hiệu.",
        )


def save_layout(store: Store, layout: CertificateLayout, layout_id: int | None = None,
                label: str | None = None) -> Done[LayoutInfo]:
    """Add (``layout_id`` None) or replace a layout after validating it, as one undoable action.

    ``label`` names the step as the editor sees it ("Di chuyển ô “Họ tên”"); by default what was done.
    """
    default = f"Thêm mẫu vị trí in “{short(layout.name)}”" if layout_id is None else f"Sửa mẫu “{short(layout.name)}”"
    with store.action(label or default) as action:
        info = _save_in(action.session, layout, layout_id)
    return Done(info, action.changes)


def _save_in(session: Session, layout: CertificateLayout, layout_id: int | None, background: str = "") -> LayoutInfo:
    problems = layout_problems(layout)
    if problems:
        raise _invalid(LayoutInvalid(problems), layout.name)
    clash = session.scalar(select(CertificateLayoutRow.id).where(CertificateLayoutRow.name == layout.name))
    if clash is not None and clash != layout_id:
        raise UserError(f"Đã có mẫu vị trí in tên “{layout.name}”.", "Đặt một tên khác cho mẫu này.")
    _check_award(session, layout)
    row = _row(session, layout_id) if layout_id is not None else CertificateLayoutRow(background=background)
    row.name, row.award_key = layout.name, layout.award_key
    row.definition = json.dumps(layout_to_dict(layout), ensure_ascii=False)
    session.add(row)
    session.flush()
    return LayoutInfo(row.id, layout, row.background)


def copy_layout(store: Store, layout_id: int, name: str) -> Done[LayoutInfo]:
    """A copy of a layout, with its scan, under ``name`` (one undoable action)."""
    with store.action(f"Nhân bản thành “{short(name)}”") as action:
        source = _read(_row(action.session, layout_id))
        info = _save_in(action.session, replace(source.layout, name=name), None, source.background)
    return Done(info, action.changes)


def delete_layout(store: Store, layout_id: int) -> Changes:
    """Remove a layout (undoable; the scanned image stays in the store, so undo finds it again)."""
    with store.action("Xóa mẫu vị trí in") as action:
        row = _row(action.session, layout_id)
        action.label = f"Xóa mẫu vị trí in “{row.name}”"
        action.session.delete(row)
    return action.changes


def default_layout() -> CertificateLayout:
    """The shipped example (A4 landscape Giấy khen); to be measured against the office's own blanks."""
    return layout_from_dict(load_json(*DEFAULT_LAYOUT))


def install_default_layout(store: Store) -> Done[LayoutInfo | None]:
    """Add the shipped example when there is no layout at all (an undoable action); None if layouts exist."""
    with store.action(f"Thêm mẫu vị trí in “{default_layout().name}”") as action:
        info = add_default_layout(action.session)
    return Done(info, action.changes)


def add_default_layout(session: Session) -> LayoutInfo | None:
    """``install_default_layout`` inside the caller's transaction."""
    if session.scalar(select(CertificateLayoutRow.id).limit(1)) is not None:
        return None
    return _save_in(session, default_layout(), None)


# --- sharing a layout as a file -----------------------------------------------------------------

def export_layout(store: Store, layout_id: int, path: Path) -> Path:
    """Write the layout as a .json file another commune can import (the scanned image stays here)."""
    info = get_layout(store, layout_id)
    text = json.dumps(layout_to_dict(info.layout), ensure_ascii=False, indent=1)
    try:
        with atomic_path(path) as temp:
            temp.write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        raise UserError(f"Không ghi được tệp “{Path(path).name}”.",
                        "Kiểm tra thư mục (hoặc ổ USB) còn chỗ trống và không bị khóa ghi.",
                        f"{path}: {error}") from error
    return Path(path)


def _read_layout_file(path: Path) -> CertificateLayout:
    name = path.name
    try:
        if path.stat().st_size > MAX_LAYOUT_FILE:
            raise UserError(f"Tệp “{name}” quá lớn, không phải mẫu vị trí in giấy khen.")
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError as error:
        raise UserError(f"Không tìm thấy tệp “{name}”.", "Kiểm tra ổ USB còn cắm và tệp còn ở đó.",
                        str(path)) from error
    except OSError as error:
        raise UserError(f"Không đọc được tệp “{name}”.", "Chép tệp vào máy rồi thử lại.", f"{path}: {error}") from error
    except UnicodeDecodeError as error:
        raise UserError(f"Tệp “{name}” không phải tệp văn bản JSON (UTF-8).",
                        "Chọn tệp .json đã xuất từ phần mềm CCHC Xã.", str(error)) from error
    except json.JSONDecodeError as error:
        raise UserError(f"Tệp “{name}” bị hỏng: lỗi cú pháp JSON ở dòng {error.lineno}, cột {error.colno}.",
                        "Xuất lại tệp từ máy gửi, hoặc sửa chỗ sai (thường là thiếu dấu phẩy hay ngoặc).",
                        error.msg) from error
    try:
        return layout_from_dict(data)
    except LayoutInvalid as error:
        raise _invalid(error, data.get("name", "") if isinstance(data, dict) else "") from error


def _free_name(store: Store, name: str) -> str:
    taken = {info.name for info in list_layouts(store)}
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name} ({number})", number + 1
    return candidate


def import_layout(store: Store, path: Path) -> Done[LayoutInfo]:
    """Add the layout in a .json file (validated); a name already used gets " (2)", " (3)"…"""
    layout = _read_layout_file(Path(path))
    layout = replace(layout, name=_free_name(store, layout.name))
    return save_layout(store, layout, label=f"Nhập mẫu vị trí in “{short(layout.name)}”")


# --- the scanned blank --------------------------------------------------------------------------

def _check_image(image: Path) -> None:
    signatures = IMAGE_SIGNATURES.get(image.suffix.lower())
    if signatures is None:
        raise UserError(f"Tệp “{image.name}” không phải ảnh PNG hoặc JPEG.", "Quét phôi thành ảnh .png hoặc .jpg.")
    if not image.is_file():
        raise UserError(f"Không tìm thấy tệp “{image.name}”.", "Kiểm tra ổ USB còn cắm và tệp còn ở đó.", str(image))
    with image.open("rb") as handle:
        head = handle.read(8)
    if not head.startswith(signatures):
        raise UserError(f"Tệp “{image.name}” có đuôi {image.suffix} nhưng nội dung không phải ảnh đó.",
                        "Mở ảnh bằng trình xem ảnh, lưu lại dạng PNG hoặc JPEG rồi chọn lại.")


def set_background(store: Store, layout_id: int, image: Path) -> Changes:
    """Copy the scan into the evidence store and use it under the layout (one undoable action).

    The file stays in the store whatever is undone later (files there are never removed), so undo and
    redo only move the layout's pointer.
    """
    from app.services.evidence import store_file

    image = Path(image)
    get_layout(store, layout_id)
    _check_image(image)
    try:
        _sha, _size, relative = store_file(store.folder, image)
    except OSError as error:
        raise UserError(f"Không chép được ảnh “{image.name}” vào thư mục dữ liệu.",
                        "Kiểm tra ổ đĩa còn chỗ trống rồi thử lại.", f"{image}: {error}") from error
    return _point_at(store, layout_id, relative, "Đặt ảnh phôi đã quét")


def remove_background(store: Store, layout_id: int) -> Changes:
    """Show no scan under the layout any more (undoable; the image stays stored)."""
    return _point_at(store, layout_id, "", "Bỏ ảnh phôi đã quét")


def _point_at(store: Store, layout_id: int, relative: str, label: str) -> Changes:
    with store.action(label) as action:
        _row(action.session, layout_id).background = relative
    return action.changes


def background_path(store: Store, layout_id: int) -> Path | None:
    """The stored scan, or None when there is none (or its file has gone)."""
    relative = get_layout(store, layout_id).background
    path = store.folder.evidence / relative if relative else None
    return path if path is not None and path.is_file() else None


# --- the certificates of a decision ---------------------------------------------------------------

def certificate_pages(store: Store, dossier_id: int, layout_id: int, today: date | None = None,
                      require_issued: bool = True) -> tuple[CertificatePage, ...]:
    """The field texts of each nominee the decision grants (only the layout's award, if it names one)."""
    from app.services.award_decision import decision_for, routing
    from app.services.profile import get_profile

    layout = get_layout(store, layout_id).layout
    decision = decision_for(store, dossier_id)
    if require_issued and not decision.issued:
        raise UserError(f"Quyết định khen thưởng năm {decision.year} chưa ban hành.",
                        "Nhập số, ngày ký và ban hành quyết định rồi in giấy khen.")
    granted = [item for item in routing(store, dossier_id, today).commune
               if not layout.award_key or item.award_key == layout.award_key]
    if decision.issued:  # exactly what the decision wrote into the history, whatever changed since
        with store.transaction() as session:
            recorded = set(session.execute(
                select(AwardRecordRow.subject_kind, AwardRecordRow.subject_id, AwardRecordRow.award_key)
                .where(AwardRecordRow.decision_id == decision.id)).all())
        granted = [item for item in granted if (item.subject_kind, item.subject_id, item.award_key) in recorded]
    profile = get_profile(store)
    with store.transaction() as session:
        campaign = session.get(DossierRow, dossier_id).campaign
        genders = dict(session.execute(select(OfficialRow.id, OfficialRow.gender)).all())
    return tuple(
        CertificatePage(item.name, field_values(
            item, profile, decision, campaign=campaign,
            gender=genders.get(item.subject_id, "") if item.subject_kind == "official" else ""))
        for item in granted
    )


def issued_dossiers(store: Store, year: int) -> list[int]:
    """The dossiers of ``year`` whose decision is issued, oldest first."""
    with store.transaction() as session:
        return list(session.scalars(
            select(AwardDecisionRow.dossier_id).where(AwardDecisionRow.year == year,
                                                      AwardDecisionRow.issued_at.is_not(None))
            .order_by(AwardDecisionRow.dossier_id)))


@dataclass(frozen=True)
class CertificatesWritten:
    path: Path
    count: int
    layout_name: str


def write_year_certificates(store: Store, year: int, path: Path, layout_name: str | None = None,
                            calibration: bool = True, preview: bool = False) -> CertificatesWritten:
    """Every certificate of the year's issued decisions, on one layout, as one PDF (atomic)."""
    from app.documents.certificate_pdf import write_certificates

    dossiers = issued_dossiers(store, year)
    if not dossiers:
        raise UserError(f"Năm {year} chưa có quyết định khen thưởng nào đã ban hành.",
                        "Ban hành quyết định khen thưởng của năm (trang Hồ sơ khen thưởng) rồi in giấy khen.")
    info = choose_layout(store, layout_name)
    pages = [page for dossier in dossiers for page in certificate_pages(store, dossier, info.id)]
    if not pages:
        raise UserError(f"Quyết định năm {year} không khen ai theo mẫu “{info.name}”.",
                        f"Mẫu này chỉ in cho danh hiệu, hình thức có mã “{info.layout.award_key}”; chọn mẫu khác.")
    background = background_path(store, info.id) if preview else None
    write_certificates(pages, info.layout, path, calibration=calibration, preview=preview, background=background)
    return CertificatesWritten(Path(path), len(pages), info.name)
