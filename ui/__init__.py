"""The window: PySide6 only. Calls services in ``app/``; never opens a session or writes SQL."""
