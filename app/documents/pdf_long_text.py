"""A very long text in a PDF table cell: pieces that are each broken into lines once (see ``long_text``).

reportlab wraps every cell of the rows still to place each time a table moves on to
the next page; a cell holding a whole book was broken into lines again on every
page. A piece remembers its lines for the width it was given, so wrapping it again
at that width costs nothing.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph

from app.documents.long_text import text_pieces


class WrappedOnce(Paragraph):
    """A paragraph that breaks its lines once per available width."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        # split() drops the lines when the piece must move whole to the next page: then they are broken again
        if self._wrapped is None or self._wrapped[0] != availWidth or not hasattr(self, "blPara"):
            self._wrapped = (availWidth, super().wrap(availWidth, availHeight))
        return self._wrapped[1]


def long_cell(text: str, make) -> list[Paragraph]:
    """``text`` as consecutive WrappedOnce paragraphs made by ``make(piece) -> Paragraph`` (for its markup and
    style)."""
    pieces = []
    for piece in text_pieces(text):
        made = make(piece)
        pieces.append(WrappedOnce(made.text, made.style))
    return pieces
