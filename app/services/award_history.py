"""The award history (sổ theo dõi khen thưởng): entered by hand, imported from Excel, read by eligibility.

A record names the person or collective as written and, when the name matches
one of the lists, links it (so a renamed official keeps their awards). The
award is matched to a known kind by name, without regard to case or
diacritics; an award the app does not know is kept as written.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from app.domain.awards import AwardRecord
from app.domain.text import clean_line
from app.domain.vietnamese import by_folded_name, fold
from app.errors import UserError
from app.queries.models.award_history import Record, RecordData
from app.services.award_kinds import read_kinds
from app.services.changes import Changes, Done, short
from app.store import Store
from db.models import AwardRecordRow, CollectiveRow, OfficialRow

OFFICIAL, COLLECTIVE = "official", "collective"
SUBJECT_LABELS = {OFFICIAL: "Cá nhân", COLLECTIVE: "Tập thể"}
HISTORY_SHEET = "Khen thưởng"
HISTORY_HEADER = ("Năm", "Họ và tên / Tên tập thể", "Cá nhân/Tập thể", "Danh hiệu, hình thức khen thưởng",
                  "Cơ quan quyết định", "Số quyết định", "Ngày quyết định")
MAX_ROWS = 20_000
_SHOWN_PROBLEMS = 200


def read_record(row: AwardRecordRow) -> Record:
    return Record(row.subject_kind, row.subject_name, row.year, row.award_name, row.authority, row.decision_number,
                  row.decision_date, row.subject_id, row.award_key, id=row.id, source=row.source)


def list_records(store: Store, subject_kind: str | None = None, subject_id: int | None = None) -> list[Record]:
    with store.transaction() as session:
        query = select(AwardRecordRow).order_by(AwardRecordRow.year.desc(), AwardRecordRow.subject_name)
        if subject_kind is not None:
            query = query.where(AwardRecordRow.subject_kind == subject_kind)
        if subject_id is not None:
            query = query.where(AwardRecordRow.subject_id == subject_id)
        return [read_record(row) for row in session.scalars(query)]


def history_of(session, subject_kind: str, subject_id: int) -> tuple[AwardRecord, ...]:
    """What eligibility reads for one nominee."""
    rows = session.scalars(select(AwardRecordRow).where(
        AwardRecordRow.subject_kind == subject_kind, AwardRecordRow.subject_id == subject_id))
    return tuple(AwardRecord(row.year, row.award_key, row.award_name, row.authority, row.decision_number)
                 for row in rows)


def _problems(data: RecordData) -> list[tuple[str, str]]:
    """(column, message) for each thing wrong with one record."""
    out = []
    if data.subject_kind not in SUBJECT_LABELS:
        out.append((HISTORY_HEADER[2], "phải là “Cá nhân” hoặc “Tập thể”"))
    if not data.subject_name:
        out.append((HISTORY_HEADER[1], "chưa có tên"))
    if not 1975 <= data.year <= 2100:
        out.append((HISTORY_HEADER[0], f"năm {data.year} không hợp lệ"))
    if not data.award_name:
        out.append((HISTORY_HEADER[3], "chưa có danh hiệu hoặc hình thức khen thưởng"))
    if data.decision_date is not None and not data.year - 1 <= data.decision_date.year <= data.year + 1:
        out.append((HISTORY_HEADER[6], f"ngày {data.decision_date:%d/%m/%Y} không khớp với năm {data.year}"))
    return out


class _Matcher:
    """Links names to officials and collectives, and award names to kinds, once per import."""

    def __init__(self, session) -> None:
        self.people = by_folded_name(session.execute(select(OfficialRow.id, OfficialRow.full_name)))
        self.collectives = by_folded_name(session.execute(select(CollectiveRow.id, CollectiveRow.name)))
        kinds = read_kinds(session, active_only=False)
        self.kinds = {fold(kind.name): key for key, kind in kinds.items()} | {fold(key): key for key in kinds}

    def complete(self, data: RecordData) -> RecordData:
        names = self.people if data.subject_kind == OFFICIAL else self.collectives
        return replace(
            data,
            subject_id=data.subject_id if data.subject_id is not None else names.get(fold(data.subject_name)),
            award_key=data.award_key or self.kinds.get(fold(data.award_name), ""),
        )


def _cleaned(data: RecordData) -> RecordData:
    return replace(data, subject_name=clean_line(data.subject_name), award_name=clean_line(data.award_name),
                   authority=clean_line(data.authority), decision_number=clean_line(data.decision_number))


def add_record(store: Store, data: RecordData, source: str = "manual") -> Done[int]:
    """Enter one award in the history (an undoable action); the new record's id."""
    data = _cleaned(data)
    problems = _problems(data)
    if problems:
        raise UserError("Bản ghi khen thưởng chưa đúng: " + "; ".join(f"{column} {message}" for column, message in problems) + ".")
    with store.action(f"Thêm khen thưởng của {short(data.subject_name)} ({data.year})") as action:
        session = action.session
        data = _Matcher(session).complete(data)
        if session.scalar(select(AwardRecordRow.id).where(
                AwardRecordRow.subject_kind == data.subject_kind, AwardRecordRow.subject_name == data.subject_name,
                AwardRecordRow.year == data.year, AwardRecordRow.award_name == data.award_name,
                AwardRecordRow.decision_number == data.decision_number)):
            raise UserError(f"Sổ đã có “{data.award_name}” năm {data.year} của {data.subject_name}.")
        row = AwardRecordRow(**_columns(data), source=source)
        session.add(row)
        session.flush()
        record_id = row.id
    return Done(record_id, action.changes)


def _columns(data: RecordData) -> dict:
    return dict(subject_kind=data.subject_kind, subject_id=data.subject_id, subject_name=data.subject_name,
                year=data.year, award_key=data.award_key, award_name=data.award_name, authority=data.authority,
                decision_number=data.decision_number, decision_date=data.decision_date)


def delete_record(store: Store, record_id: int) -> Changes:
    """Take one record out of the history (undoable)."""
    with store.action("Xóa khen thưởng") as action:
        row = action.session.get(AwardRecordRow, record_id)
        if row is None:
            raise UserError("Bản ghi khen thưởng này đã bị xóa.", "Đóng rồi mở lại sổ theo dõi khen thưởng.")
        action.label = f"Xóa khen thưởng của {short(row.subject_name)} ({row.year})"
        action.session.delete(row)
    return action.changes


# --- Excel -------------------------------------------------------------------------------------

def read_history_workbook(path: Path) -> list[RecordData]:
    """Records from the first sheet laid out as HISTORY_HEADER; a UserError with one line per bad row."""
    from app.importers.xlsx_file import damaged, open_untrusted_workbook

    workbook = open_untrusted_workbook(path, "sổ theo dõi khen thưởng")
    try:
        sheet = workbook[HISTORY_SHEET] if HISTORY_SHEET in workbook.sheetnames else workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = tuple(clean_line(str(value or "")) for value in next(rows, ()))[:len(HISTORY_HEADER)]
        if tuple(fold(value) for value in header) != tuple(fold(value) for value in HISTORY_HEADER):
            expected = " | ".join(HISTORY_HEADER)
            raise UserError(f"Tệp “{path.name}”: dòng 1 của trang “{sheet.title}” không đúng tiêu đề cột mẫu.",
                            f"Dòng tiêu đề phải là: {expected}.")
        records, problems = [], []
        for number, values in enumerate(rows, start=2):
            if number > MAX_ROWS:
                raise UserError(f"Tệp “{path.name}” có quá {MAX_ROWS} dòng.", "Hãy tách thành nhiều tệp.")
            values = tuple(values or ())[:len(HISTORY_HEADER)] + (None,) * len(HISTORY_HEADER)
            if all(value in (None, "") for value in values[:len(HISTORY_HEADER)]):
                continue
            data, cell_problems = _record_from_cells(values)
            data = _cleaned(data)
            reported = {column for column, _ in cell_problems}
            row_problems = cell_problems + [item for item in _problems(data) if item[0] not in reported]
            row_problems.sort(key=lambda item: HISTORY_HEADER.index(item[0]))
            problems += [f"Dòng {number}, cột “{column}”: {message}." for column, message in row_problems]
            records.append(data)
    except UserError:
        raise
    except Exception as error:  # a damaged sheet surfaces as many kinds of parser errors
        raise damaged(path.name, error) from error
    finally:
        workbook.close()
    if problems:
        shown = problems[:_SHOWN_PROBLEMS]
        if len(problems) > len(shown):
            shown.append(f"… và {len(problems) - len(shown)} lỗi khác; sửa các lỗi trên rồi nhập lại để xem tiếp.")
        raise UserError(f"Tệp “{path.name}” có {len(problems)} lỗi, chưa nhập dòng nào:", "\n".join(shown))
    if not records:
        raise UserError(f"Tệp “{path.name}” không có dòng khen thưởng nào.")
    return records


def _record_from_cells(values: tuple) -> tuple[RecordData, list[tuple[str, str]]]:
    """The record the cells hold (what could be read) and the cells that could not be read."""
    problems = []
    year = _year_cell(values[0])
    if year is None:
        problems.append((HISTORY_HEADER[0], f"“{values[0] or ''}” không phải là năm"))
    kind_text = fold(str(values[2] or "")).strip()
    kind = {"ca nhan": OFFICIAL, "tap the": COLLECTIVE}.get(kind_text, "bad")
    decision_date, date_problem = _date_cell(values[6])
    if date_problem:
        problems.append((HISTORY_HEADER[6], date_problem))
    return RecordData(kind, str(values[1] or ""), year or 0, str(values[3] or ""), str(values[4] or ""),
                      str(values[5] or ""), decision_date), problems


def _year_cell(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) == 4 else None


def _date_cell(value) -> tuple[date | None, str]:
    if value in (None, ""):
        return None, ""
    if isinstance(value, datetime):
        return value.date(), ""
    if isinstance(value, date):
        return value, ""
    text = str(value).strip()
    try:
        return datetime.strptime(text, "%d/%m/%Y").date(), ""
    except ValueError:
        return None, f"“{text}” không phải ngày dạng ngày/tháng/năm (ví dụ 15/11/2024)"


@dataclass(frozen=True)
class Imported:
    added: int
    skipped: int  # already in the book


def import_records(store: Store, records: list[RecordData]) -> Done[Imported]:
    """Save records read from a workbook as one undoable action; how many were added and skipped."""
    added = skipped = 0
    with store.action("Nhập sổ theo dõi khen thưởng từ Excel") as action:
        session = action.session
        matcher = _Matcher(session)
        existing = {
            (row.subject_kind, fold(row.subject_name), row.year, fold(row.award_name), row.decision_number)
            for row in session.scalars(select(AwardRecordRow))
        }
        for data in records:
            key = (data.subject_kind, fold(data.subject_name), data.year, fold(data.award_name), data.decision_number)
            if key in existing:
                skipped += 1
                continue
            existing.add(key)
            session.add(AwardRecordRow(**_columns(matcher.complete(data)), source="import"))
            added += 1
        action.label = f"Nhập {added} khen thưởng vào sổ theo dõi"
    return Done(Imported(added, skipped), action.changes)


def write_history_workbook(store: Store, path: Path) -> None:
    """The whole history in the import layout (so it round-trips); text cells stay text."""
    _write_workbook(path, list(reversed(list_records(store))))


def write_history_template(path: Path) -> None:
    """An empty workbook in the import layout, for the clerk to fill."""
    _write_workbook(path, [])


def _write_workbook(path: Path, records: list[Record]) -> None:
    from openpyxl import Workbook

    from app.documents.atomic import atomic_path
    from app.documents.render_xlsx import print_setup, put_cell

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = HISTORY_SHEET
    for column, title in enumerate(HISTORY_HEADER, start=1):
        put_cell(sheet, 1, column, title)
    for number, record in enumerate(records, start=2):
        values = (record.year, record.subject_name, SUBJECT_LABELS[record.subject_kind], record.award_name,
                  record.authority, record.decision_number,
                  record.decision_date.strftime("%d/%m/%Y") if record.decision_date else "")
        for column, value in enumerate(values, start=1):
            if isinstance(value, int):
                sheet.cell(row=number, column=column, value=value)
            else:
                put_cell(sheet, number, column, value)
    for letter, width in zip("ABCDEFG", (8, 30, 12, 40, 30, 18, 16)):
        sheet.column_dimensions[letter].width = width
    print_setup(sheet, header_row=1)
    with atomic_path(path) as temporary:
        workbook.save(temporary)
