"""The scoring page's edits of today's fields ("Không áp dụng", số liệu kê khai, thẩm định) and its summary line.

A mixin of ``ScoringPage`` (``ui/pages/scoring_page.py``): it uses the page's ``store``, ``sheet``,
``_done`` and the ``attempt`` runner, and calls one service per edit.
"""

from __future__ import annotations

from app.domain.points import format_points, format_percent, parse_points
from app.errors import UserError
from app.services import appraisal, scoring
from app.services.scoring import ScoreSheet
from ui.runner import attempt

WIDE_PAGE = 1000  # pixels: the page on a 1366-pixel screen is ~1170 wide, on a 1024-pixel one ~830


class EntryActions:
    """Save the N/A mark, the declared figures and the appraisal of the selected criterion; show or hide
    their columns."""

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.sheet is not None:
            self._show_extra_columns()

    def extra_toggled(self, on: bool) -> None:
        self._extra_chosen = on
        self._show_extra_columns()

    def _show_extra_columns(self) -> None:
        """Kê khai and Thẩm định: as the clerk chose on this page, else shown when the year has either."""
        from ui.scoring.tree_model import APPRAISED, DECLARED, DIFFERENCE, PREVIOUS, PROPOSAL

        has = self.sheet is not None and (self.sheet.has_appraisal or any(line.declared for line in self.sheet.lines))
        # Unasked, only where the names stay readable beside them (a 1366-pixel screen, not a 1024 one).
        shown = has and self.width() >= WIDE_PAGE if self._extra_chosen is None else self._extra_chosen
        self.extra_toggle.blockSignals(True)
        self.extra_toggle.setChecked(shown)
        self.extra_toggle.blockSignals(False)
        self.tree.setColumnHidden(DECLARED, not shown)
        self.tree.setColumnHidden(APPRAISED, not shown)
        # Both shown on a narrow page: the proposal (also in the panel) and last year's columns make room.
        crowded = shown and self.width() < WIDE_PAGE
        has_previous = self.sheet is not None and any(line.previous is not None for line in self.sheet.lines)
        self.tree.setColumnHidden(PROPOSAL, crowded)
        for column in (PREVIOUS, DIFFERENCE):
            self.tree.setColumnHidden(column, crowded or not has_previous)

    def set_not_applicable(self, criterion_id: int, on: bool) -> None:
        if self.sheet is None:
            return
        year = self.sheet.year
        outcome = attempt(self, lambda: scoring.set_not_applicable(self.store, year, criterion_id, on))
        if outcome.ok:
            self._done(outcome.value)
        else:
            self._show_selected()  # the box goes back to what is saved

    def save_declared(self, criterion_id: int, text: str) -> None:
        if self.sheet is None or self.sheet.line(criterion_id).declared == text.strip():
            return
        year = self.sheet.year
        outcome = attempt(self, lambda: scoring.set_declared(self.store, year, criterion_id, text))
        if outcome.ok:
            self._done(outcome.value)

    def save_appraisal(self, criterion_id: int, points_text: str, note: str) -> None:
        """Save the appraised points and note; a value that is not a number is refused in Vietnamese."""
        if self.sheet is None:
            return
        line = self.sheet.line(criterion_id)
        sheet = self.sheet

        def save():
            try:
                points = parse_points(points_text)
            except ValueError:
                raise UserError(f"“{points_text.strip()}” không phải là số điểm thẩm định.",
                                f"Gõ một số từ 0 đến {format_points(line.max_points)}, ví dụ 0,5; "
                                "để trống nếu tỉnh chưa thẩm định tiêu chí này.") from None
            if points == line.appraised and note.strip() == line.appraisal_note:
                return None
            return appraisal.set_appraisal(self.store, sheet.assessment_id, line.code, points, note)

        outcome = attempt(self, save)
        if outcome.ok and outcome.value is not None:
            self._done(outcome.value)
        elif not outcome.ok:
            self._show_selected()


def summary_text(sheet: ScoreSheet) -> str:
    """"Tổng: 72,5 / 100 — Xếp loại: Khá — năm trước 68 (+4,5) — đã chấm 20/31 tiêu chí"; with today's sets
    also the bonus and penalty, the scaled total when criteria are "Không áp dụng", and the appraised total."""
    from ui.scoring.tree_model import MINUS, signed

    parts = [f"Tổng: {format_points(sheet.total)} / {format_points(sheet.max_total)}"]
    totals = sheet.totals
    if totals is not None and (totals.bonus_max or totals.penalty_max):
        parts[0] += (f" (nội dung {format_points(totals.ordinary)}, thưởng +{format_points(totals.bonus)}, "
                     f"trừ {MINUS}{format_points(totals.penalty)})")
    if totals is not None and totals.applicable_max != totals.full_max:
        parts.append(f"quy đổi {format_points(totals.scaled)} ({format_percent(totals.percent)} điểm áp dụng)")
    if sheet.rating and sheet.scored:
        parts.append(f"Xếp loại: {sheet.rating}")
    if sheet.has_appraisal:
        parts.append(f"thẩm định {format_points(sheet.appraised.total)}"
                     + (f", xếp loại {sheet.appraised_rating}" if sheet.appraised_rating else ""))
    if sheet.previous_total is not None:
        change = sheet.total - sheet.previous_total
        parts.append(f"năm trước {format_points(sheet.previous_total)} ({signed(change) or '0'})")
    parts.append(f"đã chấm {sheet.scored}/{sheet.leaves} tiêu chí")
    return " — ".join(parts)
