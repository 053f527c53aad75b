"""Start-of-year registration (đăng ký thi đua): which titles each official and collective registers for.

Eligibility reads it (the ``registered`` rule): a nominee who did not register
is flagged, and whether that blocks is the award kind's data. A year with no
registration at all reads as "not kept" (None), so communes that do not
register are not flagged for everyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.text import clean_line
from app.domain.vietnamese import by_folded_name, fold
from app.errors import UserError
from app.services.award_kinds import read_kinds
from app.services.changes import Changes, short
from app.store import Store
from db.models import CollectiveRow, OfficialRow, RegistrationRow

OFFICIAL, COLLECTIVE = "official", "collective"
SHEET = "Đăng ký thi đua"
HEADER = ("Năm", "Họ và tên / Tên tập thể", "Cá nhân/Tập thể", "Danh hiệu đăng ký")


@dataclass(frozen=True)
class Registration:
    subject_kind: str
    subject_id: int
    award_key: str


def registrations(store: Store, year: int) -> set[Registration]:
    with store.transaction() as session:
        return {Registration(row.subject_kind, row.subject_id, row.award_key) for row in session.scalars(
            select(RegistrationRow).where(RegistrationRow.year == year))}


def registered_keys(session: Session, year: int, subject_kind: str, subject_id: int) -> tuple[str, ...] | None:
    """What a subject registered for; None when the commune kept no registration that year."""
    rows = session.execute(select(RegistrationRow.subject_kind, RegistrationRow.subject_id, RegistrationRow.award_key)
                           .where(RegistrationRow.year == year)).all()
    if not rows:
        return None
    return tuple(key for kind, subject, key in rows if kind == subject_kind and subject == subject_id)


def set_registered(store: Store, year: int, subject_kind: str, subject_id: int, award_key: str,
                   registered: bool) -> Changes:
    """Tick or untick one registration (one undoable action; nothing when it already was so)."""
    with store.action("Sửa đăng ký thi đua") as action:
        session = action.session
        kinds = read_kinds(session, active_only=False)
        if award_key not in kinds:
            raise UserError("Danh hiệu này không có trong danh mục.")
        wanted = "individual" if subject_kind == OFFICIAL else "collective"
        if registered and not kinds[award_key].applies_to(wanted):
            whom = "cá nhân" if wanted == "individual" else "tập thể"
            raise UserError(f"“{kinds[award_key].name}” không dành cho {whom}.")
        row = session.scalar(select(RegistrationRow).where(
            RegistrationRow.year == year, RegistrationRow.subject_kind == subject_kind,
            RegistrationRow.subject_id == subject_id, RegistrationRow.award_key == award_key))
        action.label = (f"{'Đăng ký' if registered else 'Bỏ đăng ký'} “{short(kinds[award_key].name)}” — "
                        f"{short(_subject_name(session, subject_kind, subject_id))}")
        if registered and row is None:
            session.add(RegistrationRow(year=year, subject_kind=subject_kind, subject_id=subject_id,
                                        award_key=award_key))
        elif not registered and row is not None:
            session.delete(row)
    return action.changes


def _subject_name(session: Session, subject_kind: str, subject_id: int) -> str:
    row = session.get(OfficialRow if subject_kind == OFFICIAL else CollectiveRow, subject_id)
    if row is None:
        raise UserError("Không tìm thấy cán bộ hoặc tập thể này; có thể đã bị xóa.", "Đóng rồi mở lại bảng đăng ký.")
    return row.full_name if subject_kind == OFFICIAL else row.name


def read_registration_workbook(store: Store, path: Path, year: int) -> list[Registration]:
    """Registrations of ``year`` from Excel (HEADER layout); a UserError with one line per bad row."""
    from app.importers.xlsx_file import damaged, open_untrusted_workbook

    with store.transaction() as session:
        people = by_folded_name(session.execute(select(OfficialRow.id, OfficialRow.full_name)))
        groups = by_folded_name(session.execute(select(CollectiveRow.id, CollectiveRow.name)))
        kinds = read_kinds(session)
    by_name = {fold(kind.name): key for key, kind in kinds.items()}
    workbook = open_untrusted_workbook(path, "danh sách đăng ký thi đua")
    found, problems = [], []
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = tuple(fold(clean_line(str(value or ""))) for value in next(rows, ()))[:len(HEADER)]
        if header != tuple(fold(title) for title in HEADER):
            raise UserError(f"Tệp “{path.name}”: dòng 1 của trang “{sheet.title}” không đúng tiêu đề cột mẫu.",
                            "Dòng tiêu đề phải là: " + " | ".join(HEADER) + ".")
        for number, values in enumerate(rows, start=2):
            values = (tuple(values or ()) + (None,) * len(HEADER))[:len(HEADER)]
            if all(value is None or (isinstance(value, str) and not clean_line(value)) for value in values):
                continue
            line = _row(values, year, people, groups, by_name, kinds)
            if isinstance(line, Registration):
                found.append(line)
            else:
                column, problem = line
                problems.append(f"Dòng {number}, cột “{column}”: {problem}.")
    except UserError:
        raise
    except Exception as error:  # a damaged sheet surfaces as many kinds of parser errors
        raise damaged(path.name, error) from error
    finally:
        workbook.close()
    if problems:
        shown = problems[:200]
        if len(problems) > len(shown):
            shown.append(f"… và {len(problems) - len(shown)} lỗi khác; sửa các lỗi trên rồi nhập lại để xem tiếp.")
        raise UserError(f"Tệp “{path.name}”, trang “{sheet.title}”: có {len(problems)} lỗi, chưa nhập dòng nào:",
                        "\n".join(shown))
    return found


def _row(values, year, people, groups, by_name, kinds) -> Registration | tuple[str, str]:
    """The registration a row holds, or (the column at fault, what is wrong)."""
    row_year, name, kind_text, award_text = values
    if not _is_year(row_year, year):
        return HEADER[0], f"năm “{_shown(row_year)}” khác năm đang nhập ({year})"
    kind = {"ca nhan": OFFICIAL, "tap the": COLLECTIVE}.get(fold(clean_line(_text(kind_text))))
    if kind is None:
        return HEADER[2], f"“{_shown(kind_text)}” phải là “Cá nhân” hoặc “Tập thể”"
    names = people if kind == OFFICIAL else groups
    subject = names.get(fold(clean_line(_text(name))))
    if subject is None:
        what = "cán bộ, công chức" if kind == OFFICIAL else "tập thể"
        return HEADER[1], f"“{_shown(name)}” không có (hoặc trùng tên) trong danh sách {what}"
    key = by_name.get(fold(clean_line(_text(award_text))))
    if key is None:
        return HEADER[3], f"danh hiệu “{_shown(award_text)}” không có trong danh mục"
    wanted = "individual" if kind == OFFICIAL else "collective"
    if not kinds[key].applies_to(wanted):
        return HEADER[3], f"“{kinds[key].name}” không dành cho {'cá nhân' if kind == OFFICIAL else 'tập thể'}"
    return Registration(kind, subject, key)


def _text(value) -> str:
    return "" if value is None else str(value)


def _is_year(value, year: int) -> bool:
    """The year as Excel gives it: a whole number (2025 or 2025.0) or text “2025”."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return value == year
    return clean_line(_text(value)) == str(year)


def _shown(value, limit: int = 60) -> str:
    """A cell as quoted in a message: one clean line, cut short."""
    text = clean_line(_text(value))
    return text if len(text) <= limit else text[:limit] + "…"


def replace_year(store: Store, year: int, found: list[Registration]) -> Changes:
    """Make the year's registration exactly ``found`` (an import), as one undoable action."""
    with store.action(f"Nhập danh sách đăng ký thi đua năm {year}") as action:
        session = action.session
        kept = {Registration(row.subject_kind, row.subject_id, row.award_key): row for row in session.scalars(
            select(RegistrationRow).where(RegistrationRow.year == year))}
        wanted = dict.fromkeys(found)
        for item, row in kept.items():
            if item not in wanted:
                session.delete(row)  # only what changes is touched, so undo leaves the rest alone
        for item in wanted:
            if item not in kept:
                session.add(RegistrationRow(year=year, subject_kind=item.subject_kind, subject_id=item.subject_id,
                                            award_key=item.award_key))
    return action.changes
