"""The commune takes in the province's appraisal result file (KQTD_<xã>_<năm>.zip) in one undoable step.

The file is verified first (``read_appraisal_file``); a result meant for another commune, or for a year the
commune has not scored, is refused before anything is saved. A result made on another version of the
criteria set is taken all the same (the codes are checked row by row by ``import_appraisal``, which refuses
the whole list when one is wrong) but the summary says so, so the clerk compares before relying on it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from app.domain.points import format_points
from app.domain.province_names import province_title
from app.errors import UserError
from app.exchange.appraisal_result import AppraisalResult, read_appraisal_file
from app.exchange.package_data import CommuneInfo
from app.queries.package_data import commune_info, year_scoring
from app.services.appraisal import AppraisalRow, import_appraisal
from app.services.changes import Done
from app.services.profile import get_profile
from app.store import Store


@dataclass(frozen=True)
class AppraisalImport:
    """What one import did: how many criteria it appraised, and the lines the clerk is shown."""

    count: int
    year: int
    lines: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def summary(self) -> str:
        return "\n".join(self.lines + self.warnings)


def same_commune(theirs: CommuneInfo, ours: CommuneInfo) -> bool:
    """By the code when both sides know it; else by province, kind and name (``CommuneInfo.key`` without code),
    so a result carrying the code still matches a profile where the clerk has not typed it yet."""
    if theirs.code.strip() and ours.code.strip():
        return theirs.key == ours.key
    return replace(theirs, code="").key == replace(ours, code="").key


def _place(commune: CommuneInfo) -> str:
    return f"{commune.title}" + (f", {province_title(commune.province, date.today())}" if commune.province else "")


def import_appraisal_file(store: Store, path: Path) -> Done[AppraisalImport]:
    """Read, check and save the province's result at ``path``; a Vietnamese UserError (nothing saved) when it is
    not whole, not a result file, another commune's, or for a year without self-scoring."""
    result = read_appraisal_file(Path(path))
    ours = commune_info(get_profile(store))
    if not same_commune(result.commune, ours):
        raise UserError(
            f"Tệp “{Path(path).name}” là kết quả thẩm định của {_place(result.commune)}, không phải của "
            f"{_place(ours)}; chưa nhập gì.",
            "Kiểm tra lại tệp Sở Nội vụ gửi về (có thể gửi nhầm tệp của xã khác) và chọn đúng tệp của xã mình.")
    scoring = year_scoring(store, result.year)
    if scoring is None:
        raise UserError(
            f"Năm {result.year} xã chưa tự chấm điểm nên chưa nhập được kết quả thẩm định “{Path(path).name}”.",
            f"Vào mục Chấm điểm, chọn năm {result.year} và bộ tiêu chí, tự chấm điểm rồi nhập lại.")
    done = import_appraisal(store, result.year, [AppraisalRow(line.code, line.points, line.note)
                                                 for line in result.lines])
    warnings = ()
    if result.set_version and result.set_version != scoring.version:
        warnings = (f"Lưu ý: Sở Nội vụ thẩm định theo bộ tiêu chí “{result.set_name or 'không ghi tên'}”, khác "
                    f"phiên bản bộ “{scoring.set_name}” xã đang chấm năm {result.year} (điểm tối đa hoặc nội dung "
                    "tiêu chí có chỗ khác). Hãy đối chiếu điểm thẩm định từng tiêu chí trước khi dùng.",)
    return Done(AppraisalImport(done.value, result.year, _lines(result, done.value), warnings), done.changes)


def _lines(result: AppraisalResult, count: int) -> tuple[str, ...]:
    scored = sum(1 for line in result.lines if line.points is not None)
    lines = [f"Đã nhập kết quả thẩm định năm {result.year} của {result.appraiser or 'Sở Nội vụ'}"
             + (f" ngày {_day(result.appraised_on)}" if result.appraised_on else "")
             + f": {scored} tiêu chí có điểm thẩm định ({count} dòng)."]
    if result.total is not None:
        lines.append(f"Tổng điểm thẩm định theo tỉnh: {format_points(result.total)}"
                     + (f", xếp loại {result.rating}." if result.rating else "."))
    lines.append("Điểm và ý kiến thẩm định hiện bên cạnh điểm tự chấm; hoàn tác bằng Ctrl+Z.")
    return tuple(lines)


def _day(iso: str) -> str:
    parts = iso.split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else iso
