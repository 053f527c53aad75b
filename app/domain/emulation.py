"""Emulation evaluation: each criterion met, not met or not yet known, and whether a subject qualifies."""

from __future__ import annotations

from dataclasses import dataclass

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
MARKS = {MET: "Đạt", NOT_MET: "Không đạt", UNKNOWN: "Chưa rõ"}


@dataclass(frozen=True)
class Mark:
    """One criterion for one subject: the status, why, and whether the app worked it out or the clerk set it."""

    criterion_code: str
    criterion_name: str
    status: str
    reason: str = ""
    computed: bool = False
    proposed_status: str | None = None  # what the app works out, when it can (kept beside an override)
    proposed_reason: str = ""

    @property
    def overridden(self) -> bool:
        return not self.computed and self.proposed_status is not None and self.proposed_status != self.status


@dataclass(frozen=True)
class Verdict:
    qualifies: bool | None  # None: not yet known
    summary: str
    failing: tuple[Mark, ...] = ()
    unknown: tuple[Mark, ...] = ()


def verdict(marks: list[Mark] | tuple[Mark, ...]) -> Verdict:
    """Qualifies when every criterion is met; the reasons of those that are not, otherwise."""
    failing = tuple(mark for mark in marks if mark.status == NOT_MET)
    unknown = tuple(mark for mark in marks if mark.status not in (MET, NOT_MET))
    if not marks:
        return Verdict(None, "Bộ tiêu chuẩn chưa có tiêu chí cho đối tượng này.")
    if failing:
        reasons = "; ".join(_why(mark) for mark in failing)
        return Verdict(False, f"Chưa đạt: {reasons}.", failing, unknown)
    if unknown:
        names = "; ".join(mark.criterion_name for mark in unknown)
        return Verdict(None, f"Chưa đủ thông tin: {names}.", failing, unknown)
    return Verdict(True, "Đạt tất cả tiêu chuẩn.")


def _why(mark: Mark) -> str:
    return f"{mark.criterion_name} ({mark.reason})" if mark.reason else mark.criterion_name
