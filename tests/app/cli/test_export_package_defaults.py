"""`export` without --content: the year's papers that are due, every dossier going upward named, the commune's
decision carried; `--dossier` chooses. Real processes on a copy of the demo."""

from __future__ import annotations

import zipfile

from tests.app.exporters.test_package_awards import keep_titles_at_the_commune

from .test_command_line import run_app


def _export(demo_store, out, *extra: str):
    out.mkdir(exist_ok=True)
    return run_app("export", "--data-dir", str(demo_store.folder.root), "--year", "2024", "--out", str(out), *extra)


def test_the_default_package_of_a_past_year_carries_what_was_due(demo_store, tmp_path):
    """2024 seen today: report, scores, the dossier going upward and QĐ 52 in its folder; each dossier named;
    the zip verifies."""
    exported = _export(demo_store, tmp_path / "usb")
    assert exported.returncode == 0, exported.stderr
    assert "Hồ sơ đề nghị khen thưởng: hạn 10/12/2024 đã qua" in exported.stdout
    assert "Đưa vào gói hồ sơ khen thưởng số 1 “Phong trào thi đua đẩy mạnh" in exported.stdout
    assert "Đưa vào gói hồ sơ khen thưởng số 2 “Bình xét danh hiệu thi đua năm 2024”" in exported.stdout
    (archive,) = (tmp_path / "usb").glob("*.zip")
    assert archive.name == "CCHC_HoaBinhXuan_2024_BC-CD-KT-QD.zip"
    with zipfile.ZipFile(archive) as opened:
        names = {name.split("/", 1)[1] for name in opened.namelist()}
    assert {"BC-CCHC-2024-nam.pdf", "TuChamDiem-CCHC-2024.pdf", "HoSoKhenThuong-1/TTr-KhenThuong-2024.pdf",
            "HoSoKhenThuong-2/TTr-KhenThuong-2024.pdf",
            "quyet-dinh-cua-xa/QD-KhenThuong-2024.pdf", "quyet-dinh-cua-xa/DanhSach-QD-2024.xlsx"} <= names
    checked = run_app("verify", str(archive))
    assert checked.returncode == 0 and "NGUYÊN VẸN" in checked.stdout


def test_a_dossier_with_nobody_going_upward_is_refused_by_number(demo_store, tmp_path):
    """`--dossier 2` (the titles, dated after 01/07/2025: all the commune's, ending with QĐ 52) exits 2 in
    Vietnamese, naming it; nothing is written."""
    keep_titles_at_the_commune(demo_store)
    refused = _export(demo_store, tmp_path / "usb", "--dossier", "2", "--no-zip")
    assert refused.returncode == 2 and "Hồ sơ khen thưởng số 2" in refused.stderr
    assert "Traceback" not in refused.stderr and list((tmp_path / "usb").iterdir()) == []


def test_dossier_needs_the_dossier_content(demo_store, tmp_path):
    """`--dossier` with a --content that leaves the dossier out is refused before anything is opened."""
    refused = _export(demo_store, tmp_path / "usb", "--content", "report", "--dossier", "1")
    assert refused.returncode == 2 and "--dossier chỉ dùng khi gói có nội dung “dossier”" in refused.stderr


def test_a_chosen_dossier_joins_an_explicit_content(demo_store, tmp_path):
    """`--content dossier --dossier 1` takes that dossier and says so."""
    exported = _export(demo_store, tmp_path / "usb", "--content", "dossier", "--dossier", "1", "--no-zip")
    assert exported.returncode == 0, exported.stderr
    assert "Đưa vào gói hồ sơ khen thưởng số 1" in exported.stdout
    assert (tmp_path / "usb" / "CCHC_HoaBinhXuan_2024_KT" / "TTr-KhenThuong-2024.pdf").is_file()
