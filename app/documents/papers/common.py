"""Pieces every paper of the commune shares: the header, the date line, recipients, paragraphs of a text."""

from __future__ import annotations

from datetime import date

from app.documents.model import Header, Paragraph, Recipients, Signature, Style, basis, para

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI")
LETTERS = "abcdđeghiklmnopqrstuvxy"
NBSP = "\u00a0"  # Vietnamese papers letter items a) b) c) d) đ) e) g) …


def roman(number: int) -> str:
    return ROMAN[number - 1] if 1 <= number <= len(ROMAN) else str(number)


def letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else f"{LETTERS[-1]}{index}"


def commune_body(commune_name: str) -> str:
    """ "ỦY BAN NHÂN DÂN\\nXÃ HÒA BÌNH XUÂN": a People's Committee names its level itself, no superior line."""
    return f"ỦY BAN NHÂN DÂN\nXÃ {commune_name.upper()}" if commune_name else "ỦY BAN NHÂN DÂN XÃ"


def number_line(number: str) -> str:
    """ "Số: 15/KH-UBND"; a draft without its number keeps room to write it in: "Số:      /KH-UBND"."""
    number = number.strip()
    if not number or number.startswith("/"):
        # Non-breaking spaces: renderers fold ordinary runs of spaces, which would close the gap.
        return f"Số:{NBSP * 8}{number}"
    return f"Số: {number}"


def place_date_line(place: str, day: date | None, year: int) -> str:
    """The italic date line; a draft without a date leaves blanks for day and month (Decree 30 ô 4)."""
    from app.domain.dates import place_and_date

    if day is not None:
        return place_and_date(place, day)
    prefix = f"{place}, ngày" if place else "Ngày"
    gap = NBSP * 6
    return f"{prefix}{gap}tháng{gap}năm {year}"


def commune_header(commune_name: str, place: str, number: str, day: date | None, year: int) -> Header:
    return Header(
        issuing_body=commune_body(commune_name),
        number_line=number_line(number),
        place_date=place_date_line(place, day, year),
    )


def basis_lines(lines: tuple[str, ...]) -> list[Paragraph]:
    """Căn cứ lines: italic, each ending with ";" and the last with "." (Decree 30 ô 6)."""
    clean = [line.strip().rstrip(";.,") for line in lines if line.strip()]
    return [basis(f"{line}{'.' if number == len(clean) - 1 else ';'}") for number, line in enumerate(clean)]


def text_paragraphs(text: str, style: Style = Style.BODY) -> list[Paragraph]:
    """One paragraph per non-empty line of a stored narrative text."""
    return [para(line.strip(), style) for line in text.split("\n") if line.strip()]


def recipients(lines: tuple[str, ...]) -> Recipients:
    return Recipients.of(*lines)


def chairman_signature(profile) -> Signature:
    """TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH (or the title the profile gives) and the Chairman's name."""
    return Signature((profile.chairman_title or "Chủ tịch").upper(), profile.chairman_name, "TM. ỦY BAN NHÂN DÂN")
