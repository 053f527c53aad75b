"""What the package ticks by default on a day: the shipped data read as a clerk would meet it, and rows as data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from app.domain.package_due import due_contents

RESOURCES = Path(__file__).resolve().parents[3] / "resources" / "defaults"
ROWS = json.loads((RESOURCES / "package-due.json").read_text("utf-8"))["due"]
DEADLINES = json.loads((RESOURCES / "deadlines.json").read_text("utf-8"))["deadlines"]


def _due(year: int, today: date, rows=ROWS) -> dict[str, str]:
    return {item.key: item.period for item in due_contents(rows, DEADLINES, year, today)}


def test_in_october_only_the_quarter_report_is_due():
    """On 01/10 the nine-month report (due 25/08, still in its window) is the one content due."""
    assert _due(2026, date(2026, 10, 1)) == {"report": "q3"}


def test_in_december_the_year_papers_are_due_with_their_deadline():
    """On 07/12 the year report, the self-scoring, the dossier and the decisions are due, each saying its date."""
    due = due_contents(ROWS, DEADLINES, 2026, date(2026, 12, 7))
    assert {item.key: item.period for item in due} == {"report": "year", "scores": "", "dossier": "", "decisions": ""}
    dossier = next(item for item in due if item.key == "dossier")
    assert dossier.reason == "đến hạn 10/12/2026 (Hồ sơ đề nghị khen thưởng năm)"


def test_a_past_year_owes_its_year_papers_and_says_the_deadline_passed():
    """For 2024 seen in 2026 the year's papers are due (no quarter report), each "hạn … đã qua"."""
    due = due_contents(ROWS, DEADLINES, 2024, date(2026, 3, 1))
    assert [item.key for item in due] == ["report", "scores", "dossier", "decisions"]
    assert due[0].period == "year" and due[0].reason.startswith("hạn 20/11/2024 đã qua")
    assert due[1].reason == "hạn 20/11/2024 đã qua (gửi cùng báo cáo kết quả CCHC năm)"  # the row's own label


def test_a_future_year_owes_nothing_yet():
    """The package of next year has nothing due today (the package then falls back on its defaults)."""
    assert _due(2027, date(2026, 12, 7)) == {}


def test_the_rows_are_the_rule():
    """Moving the dossier's window in the data (not the code) makes it due in October."""
    rows = [dict(row, opens_days_before=80) if row["content"] == "dossier" else row for row in ROWS]
    assert _due(2026, date(2026, 10, 1), rows) == {"report": "q3", "dossier": ""}


def test_a_row_whose_deadline_is_gone_is_skipped():
    """A row naming a deadline the clerk removed from deadlines.json is ignored, not an error."""
    rows = [{"content": "report", "period": "q1", "deadline": "khong-co", "opens_days_before": 400,
             "stays_days_after": 400}]
    assert _due(2026, date(2026, 6, 1), rows) == {}
