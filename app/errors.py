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


class DatabaseDamagedError(UserError):
    """The database file failed its integrity check; ``latest_backup`` may rescue it."""

    def __init__(self, message: str, hint: str, details: str, latest_backup=None) -> None:
        super().__init__(message, hint, details)
        self.latest_backup = latest_backup


class SaveFailed(UserError):
    """A write the disk refused (full, failing, read-only): nothing of it was saved.

    The screens keep what the clerk typed and offer to try again; the data
    saved before is intact (the transaction was rolled back).
    """
