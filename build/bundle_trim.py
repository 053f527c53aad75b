"""What the one-folder bundle leaves out: rules installer.spec applies to PyInstaller's lists.

PyInstaller collects what a module *could* load: every Qt plugin of QtGui (GTK's theme on Linux,
software OpenGL on Windows), every translation, pygments because mako can highlight with it.
The app loads none of these. Three kinds of rule, each written for both layouts
(Linux ``PySide6/Qt/plugins/...``, Windows ``PySide6/plugins/...``):

* ``EXCLUDED_MODULES``: Python packages the analysis must not follow;
* ``keep_binary`` / ``keep_data``: plugins, Qt libraries and files dropped by name;
* ``prune_orphans``: the shared libraries only a dropped piece needed (GTK, cairo, pango and
  friends come in with Qt's GTK theme plugin alone).

Kept on purpose: the platform plugins a clerk's desktop uses (windows, xcb, offscreen for CI),
styles, input methods (ibus carries Vietnamese typing on Linux), jpeg (scanned blanks), svg and
ico (icons), printsupport (printing goes through QtPrintSupport). Unknown plugin folders stay:
a rule drops only what it names, so a module another part of the app starts using keeps working.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# Python packages never imported by the app. Tests of libraries, pygments (mako's optional
# highlighting), lxml's objectify (python-docx and openpyxl use etree), Pillow's codecs and font
# engine beyond PNG/JPEG (reportlab only reads scanned blanks), Qt modules outside
# Core/Gui/Widgets/PrintSupport, numpy/yaml (optional extras).
EXCLUDED_MODULES = [
    "tkinter", "numpy", "yaml", "pygments", "mako.ext", "sqlalchemy.testing", "alembic.testing", "mako.testing",
    "lxml.objectify", "PIL._avif", "PIL._webp", "PIL._imagingtk", "PIL.ImageTk", "PIL._imagingcms", "PIL._imagingft",
    *(f"PySide6.{name}" for name in (
        "QtNetwork", "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtWebEngineCore",
        "QtWebEngineWidgets", "QtWebChannel", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets",
        "QtMultimedia", "QtMultimediaWidgets", "Qt3DCore", "QtCharts", "QtDesigner", "QtUiTools", "QtHelp",
        "QtSql", "QtTest", "QtXml", "QtSvgWidgets", "QtConcurrent", "QtBluetooth", "QtPositioning")),
]

# Plugin folders whose every plugin is for something the app does not do (touch/evdev input, EGL
# full-screen devices, Wayland's client side, networking, SQL, QML, Designer, the virtual keyboard).
DROPPED_PLUGIN_FOLDERS = {
    "egldeviceintegrations", "generic", "wayland-decoration-client", "wayland-graphics-integration-client",
    "wayland-shell-integration", "networkinformation", "tls", "sqldrivers", "qmltooling", "qmllint",
    "designer", "multimedia", "position", "sensors", "webview", "scenegraph", "renderers",
    "geometryloaders", "sceneparsers", "virtualkeyboard", "texttospeech", "canbus",
}

# Single plugins, by folder and base name ("lib" prefix and suffix removed): Qt's GTK theme (it
# alone brings GTK 3, cairo, pango, atk), platforms no desktop session uses (Wayland falls back to
# xcb through XWayland), image formats no scan or icon comes in, the QML virtual keyboard.
DROPPED_PLUGINS = {
    "platformthemes": {"qgtk3"},
    "platforms": {"qeglfs", "qlinuxfb", "qminimal", "qminimalegl", "qvkkhrdisplay", "qvnc", "qwayland",
                  "qdirect2d"},
    "imageformats": {"qtiff", "qwebp", "qicns", "qtga", "qwbmp", "qpdf"},
    "platforminputcontexts": {"qtvirtualkeyboardplugin"},
    # Linux only: CUPS printing brings libcups, GnuTLS, p11-kit, Avahi (≈ 9 MB). The clerk's app is the Windows
    # one (its print plugin stays); a Linux bundle previews and prints to PDF, a source install prints anywhere.
    "printsupport": {"cupsprintersupport"},
}

# Windows: Qt's software OpenGL (20 MB) and ANGLE/Direct3D pieces serve OpenGL and Qt Quick only;
# a widget app paints without them.
DROPPED_LIBRARIES = re.compile(r"^(opengl32sw|d3dcompiler_\d+|libEGL|libGLESv2)\.dll$", re.IGNORECASE)

# Qt ships no Vietnamese catalogue (ui/qt_vietnamese.py covers Qt's own strings); one may come.
KEPT_TRANSLATION = re.compile(r"_vi(_VN)?\.qm$", re.IGNORECASE)


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def _plugin_name(file_name: str) -> str:
    """``libqgtk3.so`` and ``qgtk3.dll`` are one plugin."""
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_binary(dest: str) -> bool:
    """False for a plugin or Qt library the app never loads (``dest``: its path inside the bundle)."""
    parts = _parts(dest)
    if DROPPED_LIBRARIES.match(parts[-1]):
        return False
    if "plugins" not in parts[:-1] or parts[0] != "PySide6":
        return True
    folder = parts[parts.index("plugins") + 1] if len(parts) > parts.index("plugins") + 2 else ""
    if folder in DROPPED_PLUGIN_FOLDERS:
        return False
    return _plugin_name(parts[-1]) not in DROPPED_PLUGINS.get(folder, set())


def keep_data(dest: str) -> bool:
    """False for Qt translations other than Vietnamese and for plugin files dropped with their plugin."""
    parts = _parts(dest)
    if parts[0] == "PySide6" and "translations" in parts[:-1]:
        return bool(KEPT_TRANSLATION.search(parts[-1]))
    return keep_binary(dest)


# Folders where PyInstaller puts only libraries that something links: the bundle's top level, Qt's
# own library folders, and the "<wheel>.libs" folders auditwheel/delvewheel fill with grafted ones.
# A library elsewhere may be loaded by ctypes (pypdfium2's pdfium, for one): never pruned.
_LINKED_ONLY_FOLDERS = {(), ("PySide6",), ("PySide6", "Qt", "lib")}


def _is_root(dest: str, typecode: str) -> bool:
    """Pieces loaded by name, not because another library links them: extension modules, Qt's
    plugins, Python itself, any library outside the folders above."""
    parts = _parts(dest)
    folder = parts[:-1]
    linked_only = folder in _LINKED_ONLY_FOLDERS or (len(folder) == 1 and folder[0].endswith(".libs"))
    return (typecode != "BINARY" or not linked_only
            or parts[-1].lower().startswith(("libpython", "python")))


def prune_orphans(binaries: Iterable[tuple[str, str, str]],
                  imports_of: Callable[[str], Iterable[str]]) -> list[tuple[str, str, str]]:
    """Keep the roots and every library they link, directly or not; drop the rest.

    ``imports_of(source_path)`` gives the file names a binary links (PyInstaller's bindepend).
    A library PyInstaller collected because a dropped plugin linked it is loaded by nothing else.
    """
    entries = list(binaries)
    by_name: dict[str, list[int]] = {}
    for index, (dest, _source, _kind) in enumerate(entries):
        by_name.setdefault(_parts(dest)[-1].lower(), []).append(index)
    reached = {index for index, (dest, _source, kind) in enumerate(entries) if _is_root(dest, kind)}
    todo = list(reached)
    while todo:
        for name in imports_of(entries[todo.pop()][1]):
            for index in by_name.get(PurePosixPath(name.replace("\\", "/")).name.lower(), []):
                if index not in reached:
                    reached.add(index)
                    todo.append(index)
    return [entry for index, entry in enumerate(entries) if index in reached]


def bindepend_imports(source: str) -> list[str]:
    """The names ``source`` links, as PyInstaller's own dependency analysis reads them."""
    from PyInstaller.depend import bindepend

    try:
        return [name for name, _path in bindepend.get_imports(source)]
    except Exception:  # a file PyInstaller cannot parse links nothing we could prune
        return []


def trim(binaries: list[tuple[str, str, str]], datas: list[tuple[str, str, str]]):
    """installer.spec's one call: the binaries and datas the bundle keeps.

    PyInstaller lists a library's Linux symlinks (``libQt6Core.so.6`` -> ``PySide6/Qt/lib/...``)
    among the datas, the target's bundle path as source: one goes with its target.
    """
    kept = prune_orphans([entry for entry in binaries if keep_binary(entry[0])], bindepend_imports)
    targets = {_parts(dest) for dest, _source, _kind in kept}
    return kept, [(dest, source, kind) for dest, source, kind in datas
                  if keep_data(dest) and (kind != "SYMLINK" or _parts(source) in targets)]
