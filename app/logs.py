"""The technical logs in the data folder's ``logs/``: what a helper reads when the clerk reports a problem.

``errors.log``  every unexpected error with its full traceback (the GUI's and the workers'); it rotates at
                1 MB and keeps three old files (errors.log.1 … .3), so years of use never fill the disk.
``crash.log``   what ``faulthandler`` writes when the process dies natively (a Qt segfault): the Python stack
                of every thread. Nothing else can write it: the process is gone.

Writing a log never raises: a full disk, a read-only folder or a ``logs`` that is a file must not stop the
error dialog that is about to tell the clerk something went wrong. ``record_error`` says why it failed
instead, so the dialog can show the details itself.
"""

from __future__ import annotations

import faulthandler
import logging
import threading
from functools import cache
from pathlib import Path

ERRORS_LOG = "errors.log"
CRASH_LOG = "crash.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3

_logger = logging.getLogger("cchc_xa.errors")
_logger.propagate = False  # the terminal gets no tracebacks; the file has them
_logger.setLevel(logging.ERROR)
_lock = threading.Lock()
_path: Path | None = None  # where errors go once ``configure``d; the writer is made at the first error
_crash_file = None  # kept open for the life of the process: faulthandler writes to its descriptor


@cache
def _handler_class() -> type:
    """The rotating writer's class, made at the first error: ``logging.handlers`` (socket, pickle, queue…)
    cost ≈ 12 ms, which every start paid before the window's first paint (issue 24)."""
    from logging.handlers import RotatingFileHandler

    class ErrorLogHandler(RotatingFileHandler):
        """Remembers why the last record could not be written instead of printing a traceback to stderr."""

        failure: BaseException | None = None

        def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
            import sys

            self.failure = sys.exc_info()[1]

    return ErrorLogHandler


def configure(logs: Path) -> Path:
    """Send errors to ``logs/errors.log`` (rotating); once per folder, whichever caller comes first."""
    global _path
    path = Path(logs) / ERRORS_LOG
    with _lock:
        _path = path.absolute()
    return path


def _writer():
    """The handler writing to the configured errors.log, made (or remade for another folder) now; None before
    ``configure``. Only one is ever attached, so no line is written twice."""
    with _lock:
        current = next((h for h in _logger.handlers if isinstance(h, logging.FileHandler)), None)
        if current is not None and Path(current.baseFilename) == _path:
            return current
        if current is not None:
            _logger.removeHandler(current)
            current.close()
        if _path is None:
            return None
        handler = _handler_class()(_path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        _logger.addHandler(handler)
        return handler


def error_log() -> Path | None:
    """Where errors are written, or None before ``configure``."""
    return _path


def record_error(text: str, log_file: Path | None = None) -> str:
    """Append ``text`` (a traceback) to errors.log; "" once written, else why not, in Vietnamese. Never raises.

    ``log_file`` (…/logs/errors.log) configures the log first when given.
    """
    try:
        if log_file is not None:
            configure(Path(log_file).parent)
        handler = _writer()
        if handler is None:
            return "chưa có thư mục nhật ký"
        Path(handler.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        handler.failure = None
        _logger.error("%s", text)
        if handler.failure is not None:
            raise handler.failure
    except Exception as error:  # noqa: BLE001 — whatever the disk says, the caller must go on
        return f"không ghi được tệp nhật ký {error_log() or ''}: {error}"
    return ""


def enable_crash_log(logs: Path) -> Path | None:
    """Have ``faulthandler`` write a native crash's Python stacks to ``logs/crash.log``; None if it cannot open.

    A crash.log past MAX_BYTES is moved to crash.log.1 first (crashes are rare; two files are plenty).
    """
    global _crash_file
    path = Path(logs) / CRASH_LOG
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_BYTES:
            path.replace(path.with_name(CRASH_LOG + ".1"))
        crash_file = path.open("a", encoding="utf-8")
    except OSError:
        return None
    faulthandler.enable(crash_file, all_threads=True)
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = crash_file
    return path


def start_logs(logs: Path) -> None:
    """At the window's start: errors.log configured, crash.log armed."""
    configure(logs)
    enable_crash_log(logs)
