"""The Decree 30/2020/NĐ-CP (Appendix I) numbers, once, for every renderer.

Lengths are in millimetres, sizes in points. Where the decree gives a range the
value chosen is stated beside it; renderers convert units, never re-decide.
"""

from __future__ import annotations

from app.documents.model import Orientation

# A4 paper (Decree 30/2020: A4, 210 × 297 mm).
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0

# Decree 30/2020: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
# The smallest values: a commune's papers are long and printed on its own printer.
MARGIN_TOP_MM = 20.0
MARGIN_BOTTOM_MM = 20.0
MARGIN_LEFT_MM = 30.0
MARGIN_RIGHT_MM = 15.0

# Page number: centred in the top margin, measured from the top edge to the baseline.
PAGE_NUMBER_FROM_TOP_MM = 12.0
PAGE_NUMBER_SIZE = 13.0  # Decree 30/2020: 13–14 pt, upright

FONT_FAMILY = "Times New Roman"  # Decree 30/2020 (TCVN 6909:2001 Unicode)

# Ô 1–4: the header.
NATIONAL_TITLE_SIZE = 12.0  # 12–13 pt bold caps; 12 leaves room in the right column for long place names
MOTTO_SIZE = 13.0  # 13–14 pt bold
BODY_NAME_SIZE = 12.0  # superior / issuing body: 12–13 pt caps
NUMBER_SIZE = 13.0  # "Số: …": 13 pt
PLACE_DATE_SIZE = 14.0  # 13–14 pt italic
FORM_LABEL_SIZE = 12.0  # "Mẫu số 08 — Nghị định số …" above the header, as the decrees' forms print it
ISSUER_RULE_SHARE = 0.4  # the rule under the issuing body: 1/3–1/2 of its line
SUMMARY_RULE_SHARE = 0.35  # the rule under the summary line: short, centred
HEADER_RIGHT_SHARE = (0.5, 0.6)  # the motto column's share of the text width, least and most

# Ô 5a, 6, 9a: title, body, addressees.
TITLE_SIZE = 14.0  # document type, 13–14 pt bold caps
SUMMARY_SIZE = 14.0  # trích yếu, 13–14 pt bold
BODY_SIZE = 14.0  # 13–14 pt
FIRST_LINE_INDENT_MM = 10.0  # 1–1.27 cm
SPACE_AFTER_PT = 6.0  # at least 6 pt between paragraphs
LINE_SPACING = 1.15  # PDF leading as a multiple of the size: 1.15 is what Word's "single" gives Times (single to 1.5)
TITLE_SPACE_BEFORE_PT = 12.0

# Ô 7, 9b: signature and recipients.
SIGNATURE_SIZE = 14.0  # 13–14 pt bold
SIGNATURE_GAP_MM = 25.0  # room for the hand signature and the seal
RECIPIENTS_LABEL_SIZE = 12.0  # "Nơi nhận:" 12 pt bold italic
RECIPIENTS_SIZE = 11.0  # recipient lines 11 pt
RECIPIENTS_SHARE = 0.45  # the recipients column's share beside a single signature

# Tables.
TABLE_CELL_PADDING_PT = 3.0
TABLE_RULE_PT = 0.5


def page_size_mm(orientation: Orientation) -> tuple[float, float]:
    """(width, height) of an A4 page in the orientation."""
    if orientation is Orientation.LANDSCAPE:
        return PAGE_HEIGHT_MM, PAGE_WIDTH_MM
    return PAGE_WIDTH_MM, PAGE_HEIGHT_MM


def text_width_mm(orientation: Orientation) -> float:
    """Width between the left and right margins."""
    return page_size_mm(orientation)[0] - MARGIN_LEFT_MM - MARGIN_RIGHT_MM


def text_height_mm(orientation: Orientation) -> float:
    """Height between the top and bottom margins."""
    return page_size_mm(orientation)[1] - MARGIN_TOP_MM - MARGIN_BOTTOM_MM


def header_columns(right_needed: float, text_width: float) -> tuple[float, float]:
    """(left, right) widths of the header columns, any unit: the right column as wide as its longest line
    (national title, motto, place and date) within HEADER_RIGHT_SHARE; the issuing body gets the rest."""
    least, most = HEADER_RIGHT_SHARE
    right = min(max(right_needed, least * text_width), most * text_width)
    return text_width - right, right
