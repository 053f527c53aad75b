"""`consolidate` as the province's specialist runs it: real processes, real packages, files read back."""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl

from app.paths import DataFolder
from app.receiving.appraisal import set_province_appraisal
from app.store import Store
from tests.fixtures.received_packages import commune_data, tamper, write_package

from .test_command_line import run_app


def _packages(folder):
    """An Phú 18, Bình Minh tampered, Cát Tiên exported twice (the newer 15), Đông Sơn without data file."""
    write_package(commune_data("An Phú", {"1.1": "5", "1.2": "4", "2.1": "8", "3.1": "1"}), folder)
    tamper(write_package(commune_data("Bình Minh", {"1.1": "5"}), folder / "usb-2"))
    write_package(commune_data("Cát Tiên", {"1.1": "5", "1.2": "5", "2.1": "10"},
                               exported_at="2026-12-01T08:00:00+07:00"), folder / "thu", name="CatTien-cu")
    write_package(commune_data("Cát Tiên", {"1.1": "4", "1.2": "4", "2.1": "7"}), folder / "thu", name="CatTien-moi")
    write_package(commune_data("Đông Sơn", {}, year=2026), folder, with_data=False, as_zip=False)


def test_json_shape_statuses_and_ranking(tmp_path):
    """`--json` prints the packages with their statuses and the ranking; exit 0; both files written."""
    _packages(tmp_path / "goi")
    out = tmp_path / "tong-hop"
    result = run_app("consolidate", str(tmp_path / "goi"), "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert set(shown) == {"packages", "ranking"}
    assert all(set(item) == {"path", "commune", "province", "year", "period", "status", "reason"}
               for item in shown["packages"])
    status = {(item["commune"], item["path"].rsplit("/", 1)[-1].rsplit("\\", 1)[-1]): item["status"]
              for item in shown["packages"]}
    assert status == {("Xã An Phú", "CCHC_AnPhu_2026_year.zip"): "ok",
                      ("Xã Bình Minh", "CCHC_BinhMinh_2026_year.zip"): "refused",
                      ("Xã Cát Tiên", "CatTien-cu.zip"): "replaced", ("Xã Cát Tiên", "CatTien-moi.zip"): "ok",
                      ("Xã Đông Sơn", "CCHC_DongSon_2026_year"): "text_only"}
    assert shown["ranking"] == [{"commune": "Xã An Phú", "self_score": 18, "appraised_score": None, "rank": 1},
                                {"commune": "Xã Cát Tiên", "self_score": 15, "appraised_score": None, "rank": 2}]
    assert (out / "TongHop-CCHC-2026.xlsx").is_file() and (out / "BaoCao-TongHop-CCHC-2026.pdf").is_file()
    assert (out / "du-lieu-tong-hop" / "cchc-xa.sqlite3").is_file()


def test_plain_output_names_each_package_and_the_files(tmp_path):
    """Without `--json`: one Vietnamese line per package with its reason, then where the files went."""
    _packages(tmp_path / "goi")
    result = run_app("consolidate", str(tmp_path / "goi"), "--out", str(tmp_path / "ra"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    refused = next(line for line in lines if line.startswith("Bị từ chối"))
    assert "CCHC_BinhMinh_2026_year.zip" in refused and "KH-CCHC-2026.pdf" in refused
    assert any(line.startswith("Chỉ có văn bản: CCHC_DongSon_2026_year") for line in lines)
    assert any("TongHop-CCHC-2026.xlsx" in line for line in lines)
    assert "Traceback" not in result.stdout + result.stderr


def test_nothing_consolidated_exits_2(tmp_path):
    """Only a tampered package and a missing path: exit 2, nothing written, no traceback."""
    tamper(write_package(commune_data("Bình Minh", {"1.1": "5"}), tmp_path / "goi"))
    out = tmp_path / "ra"
    result = run_app("consolidate", str(tmp_path / "goi"), str(tmp_path / "khong-co"), "--out", str(out), "--json")
    assert result.returncode == 2
    assert [item["status"] for item in json.loads(result.stdout)["packages"]] == ["refused", "refused"]
    assert not (out / "TongHop-CCHC-2026.xlsx").exists() and "Traceback" not in result.stderr


def test_rerun_into_the_same_folder_is_incremental_and_keeps_the_appraisal(tmp_path):
    """The second run into the same DIR skips unchanged packages and ranks on the appraisal entered between."""
    _packages(tmp_path / "goi")
    out = tmp_path / "ra"
    assert run_app("consolidate", str(tmp_path / "goi"), "--out", str(out)).returncode == 0
    store = Store(DataFolder(out / "du-lieu-tong-hop"))
    try:
        set_province_appraisal(store, commune_data("An Phú").commune.key, 2026, "2.1", Decimal(2), "Thiếu minh chứng")
    finally:
        store.close()
    again = run_app("consolidate", str(tmp_path / "goi"), "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("(không đổi từ lần trước)") == 5
    shown = json.loads(run_app("consolidate", str(tmp_path / "goi"), "--out", str(out), "--json").stdout)
    assert shown["ranking"] == [{"commune": "Xã Cát Tiên", "self_score": 15, "appraised_score": None, "rank": 1},
                                {"commune": "Xã An Phú", "self_score": 18, "appraised_score": 12, "rank": 2}]
    ranking = openpyxl.load_workbook(out / "TongHop-CCHC-2026.xlsx")["Xếp hạng"]
    assert [row[:2] for row in ranking.iter_rows(min_row=3, values_only=True)] == [(1, "Xã Cát Tiên"), (2, "Xã An Phú")]


def test_data_dir_holds_the_receiving_data_when_given(tmp_path):
    """`--data-dir` names the receiving folder: nothing is made inside DIR but the two files."""
    _packages(tmp_path / "goi")
    out = tmp_path / "ra"
    result = run_app("consolidate", str(tmp_path / "goi"), "--out", str(out), "--year", "2026",
                     "--data-dir", str(tmp_path / "nhan"))
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in out.iterdir()) == ["BaoCao-TongHop-CCHC-2026.pdf", "TongHop-CCHC-2026.xlsx"]
    assert (tmp_path / "nhan" / "cchc-xa.sqlite3").is_file()
    assert (tmp_path / "nhan" / "che-do-tong-hop.txt").is_file()  # the commune window knows it before its paint


def test_a_communes_data_folder_is_refused_as_the_receiving_folder(demo_template, tmp_path):
    """--data-dir naming a commune's folder: exit 2 in Vietnamese, and the commune's database is untouched."""
    import shutil

    _packages(tmp_path / "goi")
    commune = tmp_path / "xa"
    commune.mkdir()
    shutil.copyfile(demo_template.database, commune / "cchc-xa.sqlite3")
    before = (commune / "cchc-xa.sqlite3").read_bytes()
    result = run_app("consolidate", str(tmp_path / "goi"), "--out", str(tmp_path / "ra"), "--data-dir", str(commune))
    assert result.returncode == 2 and "là thư mục dữ liệu của một xã" in result.stderr
    assert "Traceback" not in result.stderr
    assert (commune / "cchc-xa.sqlite3").read_bytes() == before and not (commune / "che-do-tong-hop.txt").exists()
