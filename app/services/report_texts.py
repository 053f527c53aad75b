"""The progress report's narrative parts as the clerk wrote them: read, save, reset to the suggestion.

A report is one paper per year and period (quý I, 6 tháng, 9 tháng, năm) over every plan of
the year, so its text is kept per year, period and section. A section the clerk never
edited (or reset) has no row and prints the suggestion written from the numbers, which
follows the checklist as it changes; a saved text wins over the suggestion everywhere the
report is made: the dialog, the package and ``python -m app export``.

Every write is one journaled action (``Store.action``) and returns what it changed; undo
puts back what was stored before (or no row: the suggestion) through the journal.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.progress import REPORT_PERIODS
from app.errors import UserError
from app.services.changes import Changes
from app.store import Store
from db.models import ReportTextRow


def _headings() -> dict[str, str]:
    from app.services.progress_report import SECTION_HEADINGS  # it reads this module: imported late

    return dict(SECTION_HEADINGS)


def _section_keys() -> tuple[str, ...]:
    return tuple(_headings())


def _check(period: str, section: str | None = None) -> None:
    if period not in {p.key for p in REPORT_PERIODS}:
        raise UserError(f"Không có kỳ báo cáo “{period}”.", "Chọn một kỳ: quý I, 6 tháng, 9 tháng hoặc năm.")
    if section is not None and section not in _section_keys():
        raise UserError(f"Báo cáo không có mục “{section}”.",
                        "Các mục là: triển khai, kết quả, tồn tại hạn chế, phương hướng.")


def _normal(text: str) -> str:
    # NFC and one kind of line break; not trimmed, so a space just typed is not taken back from the field
    return unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n").replace("\r", "\n"))


def _row(session: Session, year: int, period: str, section: str) -> ReportTextRow | None:
    return session.scalars(select(ReportTextRow).where(
        ReportTextRow.year == year, ReportTextRow.period == period, ReportTextRow.section == section,
    )).one_or_none()


def stored_texts(store: Store, year: int, period: str) -> dict[str, str]:
    """The sections of the report of ``year`` and ``period`` the clerk wrote (section key → text)."""
    with store.transaction() as session:
        rows = session.scalars(select(ReportTextRow).where(ReportTextRow.year == year, ReportTextRow.period == period))
        return {row.section: row.text for row in rows}


def _store_text(store: Store, year: int, period: str, section: str, text: str | None, label: str) -> Changes:
    """Store ``text`` for the section (None: delete it, the suggestion shows), as one action named ``label``."""
    _check(period, section)
    with store.action(f"{label} “{_headings()[section]}” của báo cáo") as action:
        session = action.session
        row = _row(session, year, period, section)
        if text is None and row is not None:
            session.delete(row)
        elif text is not None and row is None:
            session.add(ReportTextRow(year=year, period=period, section=section, text=_normal(text)))
        elif text is not None:
            row.text = _normal(text)
    return action.changes


def set_text(store: Store, year: int, period: str, section: str, text: str) -> Changes:
    """Save the clerk's text of one section (as it is typed)."""
    return _store_text(store, year, period, section, text, "Sửa")


def reset_text(store: Store, year: int, period: str, section: str) -> Changes:
    """Dùng lại nội dung gợi ý: forget the clerk's text of one section."""
    return _store_text(store, year, period, section, None, "Dùng lại nội dung gợi ý")


def report_narrative(store: Store, year: int, period: str, today: date | None = None) -> tuple:
    """Every section with its text: the clerk's where stored, the suggestion from the numbers otherwise."""
    from app.services.progress_report import progress_report

    _check(period)
    return progress_report(store, year, period, today or date.today()).narrative
