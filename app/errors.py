"""The one kind of error a clerk is shown: a Vietnamese message, what to do, and details."""

from __future__ import annotations


class UserError(Exception):
    """A failure the clerk can understand and act on.

    ``message`` says what happened, ``hint`` what to do next, ``details``
    the technical facts (file, row, field) for whoever helps the clerk.
    Only the error dialog and the command line show it; nothing returns
    ``False`` instead of raising one.
    """

    def __init__(self, message: str, hint: str = "", details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.details = details

    def __str__(self) -> str:
        return "\n".join(part for part in (self.message, self.hint, self.details) if part)


class DatabaseProblem(UserError):
    """The database cannot be opened as it is; ``kind`` says why, so the start offers only what fits.

    Kinds: ``busy`` (another program holds the file), ``read-only``, ``disk-full``,
    ``missing`` and ``empty`` (next to backups that hold data), ``newer`` (written
    by a newer release), ``damaged`` (fails its check). Only ``damaged``,
    ``missing`` and ``empty`` offer a backup (``latest_backup``): the others are
    intact data that a restore would replace.
    """

    def __init__(self, kind: str, message: str, hint: str, details: str, latest_backup=None) -> None:
        super().__init__(message, hint, details)
        self.kind = kind
        self.latest_backup = latest_backup


class DatabaseDamagedError(DatabaseProblem):
    """The database file failed its integrity check; ``latest_backup`` may rescue it."""

    def __init__(self, message: str, hint: str, details: str, latest_backup=None) -> None:
        super().__init__("damaged", message, hint, details, latest_backup)


class SaveFailed(UserError):
    """A write the disk refused (full, failing, read-only): nothing of it was saved.

    The screens keep what the clerk typed and offer to try again; the data
    saved before is intact (the transaction was rolled back).
    """
