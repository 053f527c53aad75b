"""What the bundle leaves out (build/bundle_trim.py, applied by installer.spec), on both layouts:
Linux wheels put Qt under PySide6/Qt/{lib,plugins,translations}, Windows wheels under PySide6/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "build"))

import bundle_trim  # noqa: E402

KEPT = [
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/plugins/platforms/qwindows.dll", "PySide6/plugins/platforms/qoffscreen.dll",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll", "PySide6/plugins/imageformats/qjpeg.dll",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/plugins/printsupport/windowsprintersupport.dll",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt6Core.dll", "PySide6/Qt6PrintSupport.dll",
    "PySide6/Qt/plugins/someday/libqnew.so",
]
DROPPED = [
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", "PySide6/plugins/tls/qopensslbackend.dll",
    "PySide6/plugins/imageformats/qpdf.dll", "PySide6/plugins/imageformats/qtiff.dll",
    "PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", "PySide6/plugins/sqldrivers/qsqlite.dll",
    "PySide6/opengl32sw.dll", "PySide6\\d3dcompiler_47.dll", "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
]


@pytest.mark.parametrize("dest", KEPT)
def test_what_a_clerk_s_desktop_and_printing_load_stays(dest):
    """Platforms, styles, jpeg/svg, input methods, printsupport, Qt's libraries and unknown plugin folders stay."""
    assert bundle_trim.keep_binary(dest)


@pytest.mark.parametrize("dest", DROPPED)
def test_plugins_and_libraries_the_app_never_loads_go(dest):
    """GTK's theme, VNC/Wayland/touch, TLS, PDF/TIFF images, SQL, the QML keyboard, software OpenGL, Linux's CUPS go."""
    assert not bundle_trim.keep_binary(dest)


def test_translations_go_on_both_layouts_except_vietnamese():
    """Qt's catalogues go on Linux and on Windows (the old filter missed PySide6/translations); a _vi one stays."""
    assert not bundle_trim.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not bundle_trim.keep_data("PySide6\\translations\\qt_help_fr.qm")
    assert bundle_trim.keep_data("PySide6/translations/qtbase_vi.qm")
    assert bundle_trim.keep_data("docx/templates/default.docx")


def test_libraries_only_a_dropped_plugin_linked_go_with_it():
    """GTK goes with Qt's GTK theme plugin, Pillow's avif library with its left-out module; a library a kept
    piece links (even indirectly) stays, and so does one outside the linked-only folders (ctypes loads it)."""
    links = {
        "/src/libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6"],
        "/src/libgtk-3.so.0": ["libcairo.so.2"],
        "/src/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/src/libQt6XcbQpa.so.6": ["libxkbcommon.so.0"],
        "/src/_imaging.so": ["libjpeg-1.so.62"],
    }
    binaries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
        ("libxkbcommon.so.0", "/src/libxkbcommon.so.0", "BINARY"),
        ("PIL/_imaging.so", "/src/_imaging.so", "EXTENSION"),
        ("pillow.libs/libjpeg-1.so.62", "/src/libjpeg-1.so.62", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
        ("pillow.libs/libavif-2.so.16", "/src/libavif-2.so.16", "BINARY"),
        # loaded by ctypes, linked by nothing: a hook collected it on purpose
        ("pypdfium2_raw/libpdfium.so", "/src/libpdfium.so", "BINARY"),
    ]
    symlinks = [("libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "SYMLINK"),
                ("libgtk-3.so.0.link", "libgtk-3.so.0", "SYMLINK")]
    original, bundle_trim.bindepend_imports = bundle_trim.bindepend_imports, lambda source: links.get(source, [])
    try:
        kept, datas = bundle_trim.trim(binaries, symlinks)
    finally:
        bundle_trim.bindepend_imports = original
    assert sorted(dest for dest, _source, _kind in kept) == [
        "PIL/_imaging.so", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libpython3.11.so.1.0", "libxkbcommon.so.0", "pillow.libs/libjpeg-1.so.62", "pypdfium2_raw/libpdfium.so"]
    assert datas == [("libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "SYMLINK")]


def test_every_module_of_the_app_imports_without_what_the_bundle_leaves_out():
    """In a fresh interpreter where the excluded modules cannot be found, as in the bundle, every module
    of app/, ui/ and db/ still imports (optional ones such as openpyxl's numpy fall back)."""
    driver = """
import importlib, importlib.abc, json, pkgutil, sys
EXCLUDED = tuple(json.loads(sys.argv[1]))

class LeftOut(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in EXCLUDED or name.startswith(tuple(e + "." for e in EXCLUDED)):
            raise ModuleNotFoundError(f"No module named {name!r} (left out of the bundle)", name=name)

sys.meta_path.insert(0, LeftOut())
count = 0
for package in ("app", "ui", "db"):
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, package + "."):
        if ".migrations" not in info.name:
            importlib.import_module(info.name)
            count += 1
print(count)
"""
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", driver, json.dumps(bundle_trim.EXCLUDED_MODULES)], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip().splitlines()[-1]) > 100
