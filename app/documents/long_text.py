"""Very long texts cut into pieces a page can hold, so laying them out stays linear in their length.

reportlab breaks a paragraph's lines by popping words off the front of a list
(quadratic in the words of one paragraph), and re-breaks what is left of a
paragraph or a table cell each time it moves on to the next page (quadratic in
the pages it spans): one 100,000-character task title took two minutes. Cut into
paragraphs of at most ``PIECE`` characters, each piece is broken once and
whole pieces move from page to page. Ordinary texts (under ``PIECE``) are one piece.
"""

from __future__ import annotations

PIECE = 1_500  # characters: a third of a landscape page in a narrow column, a few lines of the body


def text_pieces(text: str, piece: int = PIECE) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``piece`` characters, at a line break or a space when
    there is one in the second half of the piece; joined with nothing they give ``text`` back."""
    pieces, start = [], 0
    while len(text) - start > piece:
        end = start + piece
        cut = max(text.rfind("\n", start + piece // 2, end), text.rfind(" ", start + piece // 2, end))
        end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces
