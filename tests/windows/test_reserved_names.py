"""Names Windows reserves (CON, NUL, COM1, LPT1, trailing dots and spaces) never reach the disk as such."""

from __future__ import annotations

import pytest

from app.exporters.package import PackageRequest, build_package
from app.exporters.package_names import safe_file_name, windows_safe
from app.exporters.verify import verify_package
from app.services.evidence import attach, year_evidence

pytestmark = pytest.mark.windows

# Windows opens the device, not a file, for these names whatever follows the first dot.
DEVICES = ["CON", "prn", "Aux", "NUL", "COM1", "com9", "COM0", "LPT1", "lpt0", "CONIN$", "CONOUT$", "COM¹", "LPT³"]


@pytest.mark.parametrize("device", DEVICES)
def test_a_device_name_gets_an_underscore_whatever_its_extension(device):
    """"NUL", "nul.pdf", "nul .pdf" and "nul.tar.gz" all become names that are not the device."""
    for name in (device, f"{device}.pdf", f"{device} .pdf", f"{device}.tar.gz"):
        safe = windows_safe(name)
        first = safe.split(".")[0].rstrip(" ").upper()
        assert first == f"{device.upper()}_", (name, safe)


def test_trailing_dots_spaces_and_forbidden_characters_go():
    """Windows drops trailing dots and spaces and refuses <>:"/\\|?*; none survive."""
    assert windows_safe("bao cao. . ") == "bao cao"
    assert windows_safe('a<b>c:d"e/f\\g|h?i*.pdf') == "a-b-c-d-e-f-g-h-i-.pdf"
    assert windows_safe("AUX. ") == "AUX_"


def test_names_that_only_look_reserved_are_kept():
    """CONSOLE, COM10 and NULL are ordinary names on Windows and stay as they are."""
    assert [windows_safe(n) for n in ("CONSOLE.pdf", "COM10.pdf", "NULL.txt")] == ["CONSOLE.pdf", "COM10.pdf", "NULL.txt"]


def test_evidence_named_like_devices_exports_and_verifies(demo_store, tmp_path):
    """Evidence whose names are CON, NUL .pdf, com1.tar.gz… lands in a real package that verifies."""
    task_id = year_evidence(demo_store, 2024)[0].task_id
    source = tmp_path / "scan.pdf"
    for number, name in enumerate(("CON.pdf", "NUL .pdf", "com1.tar.gz", "LPT9", "AUX.", "Lpt0 .docx", "prn.")):
        source.write_bytes(b"%PDF-1.4 " + bytes([number]) * 64)
        attach(demo_store, task_id, source, name=name)
    out = tmp_path / "usb"
    out.mkdir()
    result = build_package(demo_store, PackageRequest(2024, ("evidence",)), out)
    written = sorted(p.name for p in (result.folder / "tai-lieu-kiem-chung").iterdir())
    assert all(name.split(".")[0].upper().rstrip(" ") not in {d.upper() for d in DEVICES} for name in written), written
    assert {"con_.pdf", "nul_.pdf", "com1_.tar.gz", "lpt9_", "aux_", "lpt0_.docx", "prn_"} <= set(written)
    assert verify_package(result.folder).ok and verify_package(result.zip_path).ok
    assert all(safe_file_name(name) == name for name in written)
