"""The exchange formats' documentation (resources/exchange/*.md) names exactly the fields the code writes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from app.exchange import appraisal_result, package_data

DOCS = Path(__file__).resolve().parents[3] / "resources" / "exchange"
HEADING = re.compile(r"^#+ ", re.MULTILINE)
FIELD_CELL = re.compile(r"^\| `([a-z_]+)` \|", re.MULTILINE)
ENVELOPE = {"format", "format_version"}  # written beside the root object's fields (``_plain`` / ``to_json``)


def _classes(module) -> list[type]:
    return [value for value in vars(module).values()
            if dataclasses.is_dataclass(value) and isinstance(value, type) and value.__module__ == module.__name__]


def _section(text: str, name: str) -> str:
    """The part of the page under the heading naming ``name`` (``Name`` in backticks or as a word)."""
    parts = HEADING.split(text)
    found = [part for part in parts if re.match(rf"[^\n]*\b{name}\b", part)]
    assert found, f"no heading names {name}"
    return found[0]


@pytest.mark.parametrize(("module", "page"), [(package_data, "package-data.md"),
                                              (appraisal_result, "appraisal-result.md")])
def test_every_field_has_its_row_and_every_row_a_field(module, page):
    """Each dataclass of the module has a section whose table lists its fields, no more and no fewer."""
    text = (DOCS / page).read_text(encoding="utf-8")
    classes = _classes(module)
    assert classes
    for cls in classes:
        fields = {field.name for field in dataclasses.fields(cls)}
        rows = set(FIELD_CELL.findall(_section(text, cls.__name__)))
        if ENVELOPE <= rows:
            fields |= ENVELOPE
        assert rows == fields, f"{page}, {cls.__name__}: missing {fields - rows}, not in the code {rows - fields}"


def test_the_pages_state_the_format_and_its_version():
    """Each page names its format and the version the code writes."""
    data = (DOCS / "package-data.md").read_text(encoding="utf-8")
    result = (DOCS / "appraisal-result.md").read_text(encoding="utf-8")
    assert f"`{package_data.FORMAT}`, version {package_data.FORMAT_VERSION}" in data
    assert f"`{appraisal_result.FORMAT}`, version {appraisal_result.FORMAT_VERSION}" in result
    assert package_data.DATA_FILE in data and appraisal_result.RESULT_FILE in result
    assert set(package_data.TASK_STATUSES) <= set(re.findall(r"`([a-z_]+)`", _section(data, "TaskData")))
