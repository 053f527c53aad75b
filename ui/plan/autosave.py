"""Moved to ``ui.widgets.autosave`` (every page and dialog uses it); kept so older imports still work."""

from ui.widgets.autosave import PAUSE_MS, Autosave, flush_all_edits, text_box, transient  # noqa: F401
