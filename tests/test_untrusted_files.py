"""Files that arrive from other offices are parsed safely."""

from __future__ import annotations


def test_openpyxl_reads_workbooks_through_defusedxml():
    """openpyxl switches to defusedxml when it is installed; it is a declared dependency, so this must hold."""
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True

