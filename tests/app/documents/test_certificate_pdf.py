"""Certificates on pre-printed blanks: exact page size, every line inside its box, refusals, calibration page."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from app.documents.certificate_pdf import write_certificates
from app.documents.fonts import text_width_pt
from app.domain.certificates import (
    CertificatePage,
    FieldBox,
    field_values,
    layout_from_dict,
)
from app.errors import UserError
from app.paths import resource

MM = 25.4 / 72
PROFILE = SimpleNamespace(commune_name="Hòa Bình Xuân", place_name="Hòa Bình Xuân", chairman_name="Trần Văn Hùng",
                          chairman_title="Chủ tịch")
DECISION = SimpleNamespace(number="45/QĐ-UBND", signed_on=date(2025, 12, 10), year=2025)
CAMPAIGN = "Phong trào thi đua đẩy mạnh cải cách hành chính năm 2025"


def shipped_layout():
    with resource("certificates", "giay-khen-a4-ngang.json").open(encoding="utf-8") as handle:
        return layout_from_dict(json.load(handle))


def page(name, gender="", title="Công chức Văn phòng - Thống kê", kind="official", award_kind="form"):
    nominee = SimpleNamespace(name=name, title=title, subject_kind=kind, award_name="Giấy khen",
                              award=SimpleNamespace(kind=award_kind))
    return CertificatePage(name, field_values(nominee, PROFILE, DECISION, gender=gender, campaign=CAMPAIGN))


PAGES = (
    page("Nguyễn Thị Ngọc Ánh", "Nữ"),
    page("Trương Ẫn Ễ Quốc Bảo", "Nam", title="Chỉ huy trưởng Ban Chỉ huy Quân sự"),  # stacked marks on capitals
    page("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", kind="collective", title="Tập thể"),
)


def text_runs(pdf_page) -> list[tuple[str, float, float, float, str]]:
    """(text, x mm from the left, baseline mm from the top, size pt, font) of each text run on the page."""
    height_mm = float(pdf_page.mediabox.height) * MM
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((text.strip(), x * MM, height_mm - y * MM, size * tm[3] * cm[3],
                         (font or {}).get("/BaseFont", "")))

    pdf_page.extract_text(visitor_text=visit)
    return runs


def owner(layout, values, text):
    """The box whose printed text contains this line."""
    boxes = [box for box in layout.fields if text in box.shown(values.get(box.key, "")).replace("\n", " ")]
    assert len(boxes) == 1, text
    return boxes[0]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    path = tmp_path_factory.mktemp("certificates") / "giay-khen.pdf"
    write_certificates(PAGES, shipped_layout(), path)
    return PdfReader(path)


def test_every_page_is_exactly_the_layout_size(written):
    """297 × 210 mm is 841,89 × 595,28 points, on every certificate and on the calibration page."""
    layout = shipped_layout()
    assert len(written.pages) == len(PAGES) + 1
    for pdf_page in written.pages:
        assert float(pdf_page.mediabox.width) == pytest.approx(layout.page_width_mm * 72 / 25.4, abs=0.01)
        assert float(pdf_page.mediabox.height) == pytest.approx(layout.page_height_mm * 72 / 25.4, abs=0.01)


def test_every_line_sits_inside_its_box(written):
    """Each line's start, end and baseline lie in its box (± 0,5 mm), with room above for stacked capitals."""
    layout = shipped_layout()
    for pdf_page, certificate in zip(written.pages, PAGES):
        runs = text_runs(pdf_page)
        assert runs
        for text, x, baseline, size, font in runs:
            box = owner(layout, certificate.values, text)
            width = text_width_pt(text, size, bold="Bold" in font, italic="Italic" in font) * MM
            assert box.x_mm - 0.5 <= x and x + width <= box.x_mm + box.width_mm + 0.5, (text, x, width, box)
            assert box.y_mm - 0.5 <= baseline <= box.y_mm + box.height_mm + 0.5, (text, baseline, box)
            assert baseline - 0.92 * size * MM >= box.y_mm - 0.5, f"marks above “{text}” leave the box"
            assert baseline + 0.22 * size * MM <= box.y_mm + box.height_mm + 0.5, f"“{text}” hangs below the box"


def test_every_field_is_printed(written):
    """All seven texts of a certificate are on its page, the signer's title in capitals."""
    printed = " ".join(text for text, *_ in text_runs(written.pages[0]))
    for expected in ("Bà Nguyễn Thị Ngọc Ánh", "UBND xã Hòa Bình Xuân", "Số QĐ: 45/QĐ-UBND",
                     "Hòa Bình Xuân, ngày 10 tháng 12 năm 2025", "CHỦ TỊCH", "Trần Văn Hùng", "cải cách hành chính"):
        assert expected in printed


def test_honorific_follows_gender_and_a_collective_has_none(written):
    """Bà for a woman, Ông for a man, the bare name for a collective."""
    names = [text_runs(pdf_page)[0][0] for pdf_page in written.pages[:3]]
    assert names[0] == "Bà Nguyễn Thị Ngọc Ánh"
    assert names[1] == "Ông Trương Ẫn Ễ Quốc Bảo"
    assert names[2].startswith("Văn phòng Hội đồng nhân dân") and "Ông" not in names[2] and "Bà" not in names[2]


def test_the_calibration_page_names_the_boxes_and_shows_the_scale(written):
    """The last page carries the grid's millimetre labels, each box's name and the 100 mm bar."""
    text = written.pages[-1].extract_text()
    assert "TRANG CĂN CHỈNH" in text and "100 mm" in text
    for label in ("Ông/Bà và họ tên", "Chức vụ người ký", "Số quyết định"):
        assert label in text
    assert "290" in text  # the last labelled 10 mm line of a 297 mm page


def test_without_calibration_there_is_one_page_per_certificate(tmp_path):
    """calibration=False leaves only the certificates."""
    path = write_certificates(PAGES[:1], shipped_layout(), tmp_path / "a.pdf", calibration=False)
    assert len(PdfReader(path).pages) == 1


def test_an_overflowing_field_is_refused_naming_the_nominee_and_the_field(tmp_path):
    """A text that does not fit even at the smallest size raises, names both, and writes no file."""
    layout = shipped_layout()
    tight = replace(layout, fields=tuple(replace(box, width_mm=40) if box.key == "achievement" else box
                                         for box in layout.fields))
    target = tmp_path / "giay-khen.pdf"
    with pytest.raises(UserError, match="Nguyễn Thị Ngọc Ánh: chữ ở ô “Thành tích” quá dài"):
        write_certificates(PAGES, tight, target)
    assert list(tmp_path.iterdir()) == []


def test_long_text_shrinks_and_still_stays_in_its_box(tmp_path):
    """A long achievement in the shipped box comes out smaller than 16 pt and inside the box."""
    layout = shipped_layout()
    long = CertificatePage("Lê Thị Mai", dict(PAGES[0].values, achievement=(
        "Đã có thành tích xuất sắc trong phong trào thi đua đẩy mạnh cải cách hành chính, xây dựng chính quyền "
        "số, chuyển đổi số và cải thiện chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan "
        "hành chính nhà nước trên địa bàn xã năm 2025")))
    path = write_certificates([long], layout, tmp_path / "a.pdf", calibration=False)
    box = layout.box("achievement")
    runs = [run for run in text_runs(PdfReader(path).pages[0]) if owner(layout, long.values, run[0]) is box]
    assert len(runs) >= 3 and all(size < box.size_pt for _t, _x, _y, size, _f in runs)
    assert all(box.y_mm <= baseline <= box.y_mm + box.height_mm for _t, _x, baseline, _s, _f in runs)


def _image_count(pdf_page) -> int:
    resources = pdf_page.get("/Resources") or {}
    xobjects = resources.get("/XObject") or {}
    return sum(1 for item in xobjects.values() if item.get_object().get("/Subtype") == "/Image")


def test_the_scanned_blank_is_drawn_only_in_preview(tmp_path):
    """Printing never puts the scan on paper; preview draws it under the text, with the boxes."""
    from PIL import Image

    scan = tmp_path / "phoi.png"
    Image.new("RGB", (297, 210), (250, 240, 200)).save(scan)
    printed = write_certificates(PAGES[:1], shipped_layout(), tmp_path / "in.pdf", calibration=False,
                                 background=scan)
    preview = write_certificates(PAGES[:1], shipped_layout(), tmp_path / "xem.pdf", calibration=False,
                                 preview=True, background=scan)
    assert _image_count(PdfReader(printed).pages[0]) == 0
    assert _image_count(PdfReader(preview).pages[0]) == 1
    assert "Thành tích (achievement)" in PdfReader(preview).pages[0].extract_text()


def test_a_box_with_right_alignment_ends_at_its_right_edge(tmp_path):
    """Right-aligned text ends on the box's right edge (within 0,5 mm)."""
    layout = shipped_layout()
    right = replace(layout, fields=(FieldBox("decision", 150, 170, 100, 8, "serif", 13, 11, "right"),))
    path = write_certificates(PAGES[:1], right, tmp_path / "a.pdf", calibration=False)
    [(text, x, _baseline, size, _font)] = text_runs(PdfReader(path).pages[0])
    assert x + text_width_pt(text, size) * MM == pytest.approx(250, abs=0.5)
