"""The summary paper: "Báo cáo tổng hợp kết quả tự đánh giá, chấm điểm Chỉ số CCHC năm … của các xã, phường".

A Decree 30/2020 report of the province's Sở Nội vụ (A4 landscape when the fields need the width): ô 1
"UBND TỈNH …" over "SỞ NỘI VỤ", the number left blank to write in ("Số:      /BC-SNV"), place and date; the
title; what was received (packages, refused, replaced, text only, communes ranked); the ranking table (rank,
each field's points, self, appraised and ranked totals, rating), communes on another criteria set in a
group of their own; the packages refused with their reason; GIÁM ĐỐC signing, recipients. Built from the
``YearSummary`` read model only, through the app's document model and PDF renderer.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from app.documents.model import (
    Align, Closing, Column, Document, GroupRow, Header, Orientation, Recipients, Row, Signature, Style, Table,
    TitleBlock, heading, para,
)
from app.documents.papers.common import number_line, place_date_line
from app.domain.points import format_points
from app.domain.province_names import bare_name, province_title
from app.receiving.models import REFUSED, REPLACED, TEXT_ONLY, RankingRow, YearSummary
from app.receiving.summary_workbook import field_columns, written

PORTRAIT_FIELDS = 3  # beyond this many field columns the paper turns landscape


def file_name(year: int) -> str:
    return f"BaoCao-TongHop-CCHC-{year}.pdf"


def title_line(year: int) -> str:
    return f"Tổng hợp kết quả tự đánh giá, chấm điểm Chỉ số CCHC năm {year} của các xã, phường"


def office_header(office: str, province: str, day: date | None, year: int) -> Header:
    """ô 1–4: the province's People's Committee over the office ("SỞ NỘI VỤ"), the blank number, the date.

    ``province`` is a bare name ("Quảng Ngãi": a province) or typed with its level ("thành phố Huế")."""
    bare = bare_name(province)
    titled = province_title(province, day or date(year, 12, 31))
    own = re.sub(rf"\s+(tỉnh|thành phố)\s+{re.escape(bare)}\s*$", "", office, flags=re.IGNORECASE) if bare else office
    superior = f"UBND {titled.upper()}" if bare else ""
    return Header(own.upper(), number_line("/BC-SNV"), place_date_line(bare, day, year), superior_body=superior)


def _points(value) -> str:
    return format_points(value)


def intro(summary: YearSummary) -> tuple:
    ranked = sum(1 for row in summary.ranking if row.rank is not None)
    appraised = sum(1 for row in summary.ranking if row.appraised_total is not None)
    taken = len(summary.packages) - summary.count(REFUSED)
    return (
        heading("I. TÌNH HÌNH TIẾP NHẬN HỒ SƠ"),
        para(f"{summary.office} đã tiếp nhận {len(summary.packages)} gói hồ sơ cải cách hành chính năm "
             f"{summary.year} của các xã, phường; tổng hợp được {taken} gói" + "".join(
                 f"; {text}" for count, text in (
                     (summary.count(REPLACED), f"{summary.count(REPLACED)} gói được thay bằng gói gửi sau hoặc là bản sao của gói đã tính"),
                     (summary.count(TEXT_ONLY), f"{summary.count(TEXT_ONLY)} gói chỉ có văn bản (không có tệp dữ liệu)"),
                     (summary.count(REFUSED), f"từ chối {summary.count(REFUSED)} gói không nguyên vẹn hoặc không "
                                              "đọc được")) if count) + "."),
        para(f"Có {ranked} xã, phường được xếp hạng; " + (
            f"{appraised} xã, phường đã được thẩm định, xếp hạng theo điểm thẩm định, các xã, phường còn lại theo "
            "điểm tự chấm." if appraised else "chưa xã, phường nào được thẩm định: xếp hạng theo điểm tự chấm.")),
    )


def _columns(fields) -> tuple[Column, ...]:
    return (Column("Hạng", 0.75, Align.CENTER), Column("Xã, phường", 1.9),
            *(Column(f"Lĩnh vực {code}", 0.8, Align.CENTER) for code, _name in fields),
            Column("Tự chấm", 0.8, Align.CENTER), Column("Thẩm định", 0.85, Align.CENTER),
            Column("Điểm xếp hạng", 0.85, Align.CENTER), Column("Xếp loại", 0.9, Align.CENTER))


def _row(row: RankingRow, fields) -> Row:
    points = {field.code: field.points for field in row.fields}
    return Row((row.rank if row.rank is not None else "", row.commune,
                *(_points(points.get(code)) for code, _name in fields), _points(row.self_total),
                _points(row.appraised_total), _points(row.score), row.rating))


def ranking_table(summary: YearSummary) -> Table:
    fields = field_columns(summary.ranking)
    rows: list = []
    groups = list(dict.fromkeys((row.set_name, row.set_version) for row in summary.ranking))
    for name, version in groups:
        if len(groups) > 1:
            rows.append(GroupRow(f"Bộ tiêu chí: {name} (phiên bản {version})" if name else
                                 "Chưa xếp hạng: gói không có bảng tự chấm điểm"))
        rows += [_row(row, fields) for row in summary.ranking if (row.set_name, row.set_version) == (name, version)]
    return Table(_columns(fields), tuple(rows), size=11)


def _ranking_part(summary: YearSummary) -> tuple:
    fields = field_columns(summary.ranking)
    if not summary.ranking:
        return (heading("II. KẾT QUẢ XẾP HẠNG"), para("Chưa có xã, phường nào gửi bảng tự chấm điểm đọc được."))
    legend = "; ".join(f"lĩnh vực {code}: {name}" for code, name in fields)
    return (heading("II. KẾT QUẢ XẾP HẠNG"),
            para(f"Điểm xếp hạng là điểm thẩm định khi đã thẩm định, nếu chưa là điểm tự chấm; các xã, phường bằng "
                 f"điểm nhau cùng hạng. Ghi chú: {legend}.", italic=True),
            ranking_table(summary))


def _refused_part(summary: YearSummary) -> tuple:
    refused = [row for row in summary.packages if row.status == REFUSED]
    if not refused:
        return ()
    lines = [para(f"- {row.commune + ': ' if row.commune else ''}{row.reason}", Style.BODY) for row in refused]
    return (heading("III. CÁC GÓI HỒ SƠ BỊ TỪ CHỐI"), *lines)


def _last_sentence(summary: YearSummary, day: date):
    """The closing sentence: it goes to the next page with the signature, never the signature alone (Decree 30)."""
    return para(f"Trên đây là kết quả tổng hợp tự đánh giá, chấm điểm Chỉ số CCHC năm {summary.year} của các xã, "
                f"phường; {summary.office} báo cáo {_province_committee(summary.province, day)} xem xét, chỉ đạo./.")


def _province_committee(province: str, day: date) -> str:
    """ "UBND tỉnh Quảng Ngãi", "UBND thành phố Huế" (``province_title``)."""
    return f"UBND {province_title(province, day)}" if province.strip() else "UBND tỉnh"


def summary_document(summary: YearSummary, day: date | None = None) -> Document:
    """The paper, for PDF; ``day`` None leaves the day and month blank to write in."""
    wide = len(field_columns(summary.ranking)) > PORTRAIT_FIELDS
    dated = day or date(summary.year, 12, 31)  # a blank date names the province as at the year's end
    closing = Closing((Signature("GIÁM ĐỐC", summary.signer),),
                      Recipients.of(_province_committee(summary.province, dated), "Các xã, phường", "Lưu: VT"))
    blocks = (office_header(summary.office, summary.province, day, summary.year),
              TitleBlock("BÁO CÁO", (title_line(summary.year),)),
              *intro(summary), *_ranking_part(summary), *_refused_part(summary), _last_sentence(summary, dated), closing)
    return Document(title=title_line(summary.year), blocks=blocks, author=summary.office,
                    orientation=Orientation.LANDSCAPE if wide else Orientation.PORTRAIT)


def write_paper(summary: YearSummary, out: Path, day: date | None = None) -> Path:
    """Write the paper as PDF into ``out`` (replacing the last run's)."""
    from app.documents.render_pdf import render_pdf

    target = Path(out) / file_name(summary.year)
    written(lambda: render_pdf(summary_document(summary, day), target), target)
    return target
