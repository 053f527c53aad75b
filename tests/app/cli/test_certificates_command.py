"""`certificates` as a clerk runs it, and the layout service behind it (import, export, scanned blank)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from app.domain.certificates import layout_to_dict
from app.errors import UserError
from app.services import council
from app.services.award_decision import issue, update_decision
from app.services.certificates import (
    background_path,
    certificate_pages,
    choose_layout,
    default_layout,
    delete_layout,
    export_layout,
    import_layout,
    install_default_layout,
    list_layouts,
    save_layout,
    set_background,
)
from app.services.dossier import add_nomination, create_dossier
from app.services.officials import OfficialData, add_official

from .test_command_line import run_app

TODAY = date(2025, 12, 1)


def granted_dossier(store, issued: bool = True) -> int:
    """A 2025 dossier: Mai (Nữ) and An (Nam) carried for Lao động tiên tiến; the decision issued if asked."""
    mai = add_official(store, OfficialData("Lê Thị Mai", gender="Nữ", position="Công chức Văn phòng - Thống kê")).value.id
    an = add_official(store, OfficialData("Trần Văn An", gender="Nam", position="Công chức Tư pháp - Hộ tịch")).value.id
    dossier = create_dossier(store, 2025, "Phong trào thi đua đẩy mạnh cải cách hành chính năm 2025", today=TODAY).value.id
    nominations = [add_nomination(store, dossier, "official", person, "ldtt").value for person in (mai, an)]
    for number in range(3):
        council.add_member(store, 2025, "Ủy viên", full_name=f"Thành viên {number}")
    for nomination in nominations:
        council.set_votes(store, nomination, 3)
    update_decision(store, dossier, number="45/QĐ-UBND", signed_on=date(2025, 12, 10))
    if issued:
        issue(store, dossier, now=datetime(2025, 12, 10, 9), today=TODAY)
    return dossier


def test_certificates_of_an_issued_decision_are_written(store, tmp_path):
    """`certificates --year 2025` writes one page per granted nominee plus the calibration page, and says so."""
    granted_dossier(store)
    store.close()
    out = tmp_path / "giay-khen-2025.pdf"
    result = run_app("certificates", "--data-dir", str(store.folder.root), "--year", "2025", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Đã ghi 2 giấy khen và trang căn chỉnh" in result.stdout
    pages = PdfReader(out).pages
    assert len(pages) == 3
    assert "Bà Lê Thị Mai" in pages[0].extract_text() and "Ông Trần Văn An" in pages[1].extract_text()
    assert "Đã đạt danh hiệu “Lao động tiên tiến” năm 2025" in " ".join(pages[0].extract_text().split())


def test_without_an_issued_decision_it_fails_cleanly(store, tmp_path):
    """A decision not yet issued: exit 2, a Vietnamese message saying what to do, no file, no traceback."""
    granted_dossier(store, issued=False)
    store.close()
    out = tmp_path / "giay-khen.pdf"
    result = run_app("certificates", "--data-dir", str(store.folder.root), "--year", "2025", "--out", str(out))
    assert result.returncode == 2
    assert "Năm 2025 chưa có quyết định khen thưởng nào đã ban hành" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_an_unknown_layout_or_folder_is_refused(store, tmp_path):
    """`--layout` naming no layout lists those there are; an output folder that does not exist is named."""
    granted_dossier(store)
    store.close()
    data = str(store.folder.root)
    result = run_app("certificates", "--data-dir", data, "--year", "2025", "--out", str(tmp_path / "a.pdf"),
                     "--layout", "Phôi không có")
    assert result.returncode == 2 and "Không có mẫu vị trí in “Phôi không có”" in result.stderr
    assert "Giấy khen A4 ngang (mẫu ví dụ)" in result.stderr
    result = run_app("certificates", "--data-dir", data, "--year", "2025", "--out", str(tmp_path / "khong" / "a.pdf"))
    assert result.returncode == 2 and "Không có thư mục" in result.stderr


# --- the layout service behind the command ------------------------------------------------------

def test_the_default_layout_is_installed_once(store):
    """A new data folder has the shipped example (installed with the schema); installing again adds nothing."""
    assert [info.name for info in list_layouts(store)] == ["Giấy khen A4 ngang (mẫu ví dụ)"]
    again = install_default_layout(store)
    assert again.value is None and not again.changes  # nothing written, no undo step
    assert len(list_layouts(store)) == 1


def test_choosing_a_layout_writes_nothing_and_says_what_to_do_without_one(store):
    """With every layout deleted, choosing one (the command's path) names what to do instead of adding one."""
    delete_layout(store, list_layouts(store)[0].id)
    with pytest.raises(UserError, match="Chưa có mẫu vị trí in giấy khen nào"):
        choose_layout(store)
    assert list_layouts(store) == []


def test_a_layout_exported_then_imported_comes_back_whole_under_a_free_name(store, tmp_path):
    """Export writes JSON; importing it again gives the same layout, named “… (2)” beside the first."""
    info = list_layouts(store)[0]  # the shipped example, installed with the schema
    path = export_layout(store, info.id, tmp_path / "phoi.json")
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "cchc-xa/certificate-layout"
    imported = import_layout(store, path).value
    assert imported.name == "Giấy khen A4 ngang (mẫu ví dụ) (2)"
    assert replace(imported.layout, name=info.name) == info.layout


def test_importing_a_broken_file_says_where(store, tmp_path):
    """Broken JSON names the line; a layout with a box off the page names the field; nothing is saved."""
    broken = tmp_path / "hong.json"
    broken.write_text('{"name": "Phôi",\n "fields": [}', encoding="utf-8")
    with pytest.raises(UserError, match="lỗi cú pháp JSON ở dòng 2"):
        import_layout(store, broken)
    raw = layout_to_dict(default_layout())
    raw["fields"][0]["x_mm"] = 200
    wrong = tmp_path / "lech.json"
    wrong.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        import_layout(store, wrong)
    assert "Ô “Ông/Bà và họ tên” tràn ra ngoài trang: mép phải ở 410 mm" in caught.value.message
    assert len(list_layouts(store)) == 1  # only the shipped example


def test_saving_refuses_a_taken_name_and_an_unknown_award(store):
    """Two layouts cannot share a name; a layout for an award code the app does not know is refused."""
    with pytest.raises(UserError, match="Đã có mẫu vị trí in tên"):
        save_layout(store, default_layout())
    with pytest.raises(UserError, match="không có mã này"):
        save_layout(store, replace(default_layout(), name="Phôi khác", award_key="khong_co"))


def test_a_scanned_blank_must_be_a_real_png_or_jpeg(store, tmp_path):
    """A .gif or a text file named .png is refused; a real PNG is copied into the evidence store."""
    from PIL import Image

    info = list_layouts(store)[0]  # the shipped example, installed with the schema
    gif = tmp_path / "phoi.gif"
    gif.write_bytes(b"GIF89a")
    with pytest.raises(UserError, match="không phải ảnh PNG hoặc JPEG"):
        set_background(store, info.id, gif)
    fake = tmp_path / "phoi.png"
    fake.write_text("không phải ảnh", encoding="utf-8")
    with pytest.raises(UserError, match="nội dung không phải ảnh đó"):
        set_background(store, info.id, fake)
    Image.new("RGB", (60, 42), "white").save(fake)
    assert set_background(store, info.id, fake).label == "Đặt ảnh phôi đã quét"
    stored = background_path(store, info.id)
    assert stored is not None and stored.parent.parent == store.folder.evidence and stored.suffix == ".png"


def test_pages_follow_gender_and_the_layout_award(store):
    """The service gives Bà/Ông by the official's gender; a layout for another award finds no one."""
    dossier = granted_dossier(store)
    info = choose_layout(store)
    pages = certificate_pages(store, dossier, info.id)
    assert [page.values["honorific_name"] for page in pages] == ["Bà Lê Thị Mai", "Ông Trần Văn An"]
    other = save_layout(store, replace(info.layout, name="Phôi Chiến sĩ thi đua", award_key="cstdcs")).value
    assert certificate_pages(store, dossier, other.id) == ()
