"""The award history from Excel: validated row by row, all or nothing, linked to the lists, round trip."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from app.errors import UserError
from app.services import award_history as history
from app.services import undo
from app.services.officials import OfficialData, add_official


def _workbook(path, rows, header=history.HISTORY_HEADER):
    book = Workbook()
    sheet = book.active
    sheet.title = history.HISTORY_SHEET
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


GOOD = [
    (2022, "Lê Thị Mai", "Cá nhân", "Lao động tiên tiến", "Chủ tịch UBND xã", "12/QĐ-UBND", "15/12/2022"),
    (2023, "Le Thi Mai", "ca nhan", "Chiến sĩ thi đua cơ sở", "Chủ tịch UBND huyện", "88/QĐ-UBND", date(2023, 12, 20)),
    (2023, "Bộ phận Một cửa", "Tập thể", "Bằng khen của Bộ trưởng", "Bộ Nội vụ", "", None),
]


def test_import_links_names_and_award_kinds(store, tmp_path):
    mai = add_official(store, OfficialData("Lê Thị Mai")).value.id
    records = history.read_history_workbook(_workbook(tmp_path / "so.xlsx", GOOD))
    assert history.import_records(store, records).value == history.Imported(3, 0)
    saved = {(r.year, r.award_name): r for r in history.list_records(store)}
    assert saved[(2022, "Lao động tiên tiến")].subject_id == mai
    assert saved[(2022, "Lao động tiên tiến")].award_key == "ldtt"
    assert saved[(2023, "Chiến sĩ thi đua cơ sở")].decision_date == date(2023, 12, 20)
    assert saved[(2023, "Bằng khen của Bộ trưởng")].award_key == ""  # not a known kind: kept as written
    again = history.import_records(store, records)
    assert again.value == history.Imported(0, 3) and not again.changes  # the same file twice adds nothing


def test_every_bad_row_is_named_and_nothing_is_imported(store, tmp_path):
    bad = GOOD + [
        ("hai nghìn", "Võ Thị Ánh", "Cá nhân", "Lao động tiên tiến", "", "", ""),
        (2024, "", "Cá nhân", "Lao động tiên tiến", "", "", ""),
        (2024, "Võ Thị Ánh", "Cả hai", "Lao động tiên tiến", "", "", "31/02/2024"),
    ]
    with pytest.raises(UserError) as caught:
        history.read_history_workbook(_workbook(tmp_path / "so.xlsx", bad))
    lines = caught.value.hint.splitlines()
    assert "Dòng 5, cột “Năm”: “hai nghìn” không phải là năm." in lines
    assert "Dòng 6, cột “Họ và tên / Tên tập thể”: chưa có tên." in lines
    assert any(line.startswith("Dòng 7, cột “Ngày quyết định”: “31/02/2024”") for line in lines)
    assert "Dòng 7, cột “Cá nhân/Tập thể”: phải là “Cá nhân” hoặc “Tập thể”." in lines
    assert history.list_records(store) == []


def test_a_wrong_header_says_what_it_should_be(tmp_path):
    path = _workbook(tmp_path / "so.xlsx", GOOD, header=("Năm", "Tên", "Loại", "Khen", "Cơ quan", "Số", "Ngày"))
    with pytest.raises(UserError, match="không đúng tiêu đề cột mẫu") as caught:
        history.read_history_workbook(path)
    assert "Năm | Họ và tên / Tên tập thể | Cá nhân/Tập thể" in caught.value.hint


@pytest.mark.parametrize("content", [b"", b"not a workbook", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100])
def test_files_that_are_not_workbooks_are_refused(tmp_path, content):
    path = tmp_path / "so.xlsx"
    path.write_bytes(content)
    with pytest.raises(UserError):
        history.read_history_workbook(path)


def test_export_reads_back_the_same(store, tmp_path):
    add_official(store, OfficialData("Lê Thị Mai"))
    history.import_records(store, history.read_history_workbook(_workbook(tmp_path / "so.xlsx", GOOD)))
    history.write_history_workbook(store, tmp_path / "xuat.xlsx")
    again = history.read_history_workbook(tmp_path / "xuat.xlsx")
    assert sorted((r.year, r.subject_name, r.award_name) for r in again) == sorted(
        (r.year, r.subject_name, r.award_name) for r in history.list_records(store))
    cell = load_workbook(tmp_path / "xuat.xlsx").active["B2"]
    assert cell.data_type == "s"


def test_hand_entry_is_checked(store):
    with pytest.raises(UserError, match="chưa có danh hiệu"):
        history.add_record(store, history.RecordData("official", "Lê Thị Mai", 2024, ""))
    record = history.add_record(store, history.RecordData("official", "Lê Thị Mai", 2024, "Giấy khen")).value
    history.delete_record(store, record)
    undo.undo(store)  # the deletion taken back through the journal
    assert [item.id for item in history.list_records(store)] == [record]


CELL = st.one_of(st.none(), st.integers(-10, 3000), st.text(max_size=30), st.floats(allow_nan=False, width=32),
                 st.dates(date(1900, 1, 1), date(2100, 1, 1)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(*[CELL] * 7), min_size=1, max_size=6))
def test_random_cells_give_records_or_a_clear_refusal(tmp_path, rows):
    path = tmp_path / "fuzz.xlsx"
    try:
        _workbook(path, [tuple(value if not isinstance(value, str) else value.replace("\x00", "") for value in row)
                         for row in rows])
    except Exception:  # openpyxl refuses to write some characters; not our input to judge
        return
    try:
        records = history.read_history_workbook(path)
    except UserError as error:
        assert error.message
        return
    assert all(1975 <= record.year <= 2100 and record.subject_name and record.award_name for record in records)
