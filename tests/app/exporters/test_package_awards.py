"""The package's award contents on the demo: every dossier going upward (none taken silently) and the decisions
the commune issued, in their own folder, listed in the manifest and verified."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.errors import UserError
from app.exporters.package import ExportCancelled, PackageRequest, build_package
from app.exporters.verify import verify_package
from app.queries.package import dossier_choices
from app.services.award_kinds import kind_definition, save_kind
from app.services.dossier import update_dossier
from tests.app.exporters.test_dossier_files import pdf_text

DECEMBER = date(2024, 12, 20)
AWARDS = ("dossier", "decisions")


@pytest.fixture
def out(tmp_path) -> Path:
    target = tmp_path / "usb"
    target.mkdir()
    return target


def _choices(store) -> dict[str, object]:
    """The demo's two 2024 dossiers by campaign: the drive's (with a letter) and the year's titles (own decision)."""
    return {("drive" if "Phong trào" in choice.campaign else "titles"): choice
            for choice in dossier_choices(store, 2024, DECEMBER)}


def keep_titles_at_the_commune(store) -> None:
    """The titles' letter dated after 01/07/2025: the commune Chairman then grants CSTĐCS and TTLĐTT himself
    (NĐ 129/2025 Điều 59), so nobody of that dossier goes upward (in 2024 the district granted them)."""
    titles = next(choice for choice in dossier_choices(store, 2024, DECEMBER) if "Bình xét" in choice.campaign)
    update_dossier(store, titles.id, letter_date=date(2025, 8, 15))


def test_each_dossier_is_listed_with_what_goes_upward(demo_store):
    """Both 2024 dossiers are offered with their letters (in 2024 the titles' CSTĐCS and TTLĐTT went to the
    district); dated after 01/07/2025 the titles' dossier goes nowhere and names QĐ 52 instead."""
    choices = _choices(demo_store)
    assert choices["drive"].goes_upward and "Tờ trình số 218/TTr-UBND ngày 05/12/2024" in choices["drive"].description
    assert choices["titles"].goes_upward and "Tờ trình số 226/TTr-UBND ngày 18/12/2024" in choices["titles"].description
    keep_titles_at_the_commune(demo_store)
    titles = _choices(demo_store)["titles"]
    assert not titles.goes_upward and "Quyết định số 52/QĐ-UBND" in titles.description


def test_the_decision_goes_in_its_own_folder_listed_and_verified(demo_store, out):
    """QĐ 52/QĐ-UBND (paper and list) lands in quyet-dinh-cua-xa/, named in the manifest; the zip verifies."""
    result = build_package(demo_store, PackageRequest(2024, AWARDS, today=DECEMBER), out)
    decisions = {f.path: f for f in result.manifest.files if f.kind == "decisions"}
    assert set(decisions) == {"quyet-dinh-cua-xa/QD-KhenThuong-2024.pdf", "quyet-dinh-cua-xa/DanhSach-QD-2024.xlsx"}
    assert all("52/QĐ-UBND" in f.title for f in decisions.values())
    assert "Số: 52/QĐ-UBND" in pdf_text(result.folder / "quyet-dinh-cua-xa/QD-KhenThuong-2024.pdf")
    assert {"key": "decisions", "title": "Quyết định khen thưởng của xã"} in result.manifest.contents
    assert "quyet-dinh-cua-xa/QD-KhenThuong-2024.pdf" in (result.folder / "DANH_MUC.txt").read_text("utf-8-sig")
    assert verify_package(result.zip_path).ok and verify_package(result.folder).ok


def test_a_changed_decision_file_fails_verification(demo_store, out):
    """The decision is checked like every other file: one byte changed in its folder is named by verify."""
    result = build_package(demo_store, PackageRequest(2024, ("decisions",), make_zip=False, today=DECEMBER), out)
    target = result.folder / "quyet-dinh-cua-xa" / "DanhSach-QD-2024.xlsx"
    target.write_bytes(target.read_bytes() + b"x")
    assert verify_package(result.folder).changed == ("quyet-dinh-cua-xa/DanhSach-QD-2024.xlsx",)


def test_every_dossier_going_upward_is_taken_by_default(demo_store, out):
    """Both dossiers go upward (2024: CSTĐCS and TTLĐTT are the district's): both letters, each in its own folder."""
    result = build_package(demo_store, PackageRequest(2024, AWARDS, make_zip=False, today=DECEMBER), out)
    letters = sorted(f.path for f in result.manifest.files if f.path.endswith("TTr-KhenThuong-2024.pdf"))
    assert letters == ["HoSoKhenThuong-1/TTr-KhenThuong-2024.pdf", "HoSoKhenThuong-2/TTr-KhenThuong-2024.pdf"]
    assert "226/TTr-UBND" in pdf_text(result.folder / "HoSoKhenThuong-2/TTr-KhenThuong-2024.pdf")
    assert verify_package(result.folder).ok


def test_the_clerk_may_take_one_dossier_of_two(demo_store, out):
    """Asking for one dossier by id leaves the other out, whole."""
    titles = _choices(demo_store)["titles"].id
    request = PackageRequest(2024, ("dossier",), make_zip=False, today=DECEMBER, dossiers=(titles,))
    result = build_package(demo_store, request, out)
    assert all("Bình xét danh hiệu thi đua" in f.title for f in result.manifest.files if f.kind == "dossier")
    assert "TTr-KhenThuong-2024.pdf" in {f.path for f in result.manifest.files}


@pytest.mark.parametrize("wanted, says", [((), "Chưa chọn hồ sơ khen thưởng nào"),
                                          ((999,), "không có hồ sơ khen thưởng số 999"),
                                          ("titles", "không có ai đề nghị cấp trên")])
def test_a_dossier_that_cannot_go_is_refused_by_name(demo_store, out, wanted, says):
    """No dossier, an unknown one, or one with nobody going upward: a Vietnamese refusal, nothing written."""
    if wanted == "titles":
        keep_titles_at_the_commune(demo_store)
        wanted = (_choices(demo_store)["titles"].id,)
    with pytest.raises(UserError, match=says):
        build_package(demo_store, PackageRequest(2024, ("dossier",), today=DECEMBER, dossiers=wanted), out)
    assert list(out.iterdir()) == []


def test_cancel_while_writing_the_decision_leaves_nothing(demo_store, out):
    """"Hủy" at the decisions' step removes every file the build had written."""
    seen = []

    def cancelled() -> bool:
        return any("quyết định" in text.lower() for text in seen)

    with pytest.raises(ExportCancelled):
        build_package(demo_store, PackageRequest(2024, AWARDS, today=DECEMBER), out,
                      progress=lambda step, total, text: seen.append(text), cancelled=cancelled)
    assert list(out.iterdir()) == []
