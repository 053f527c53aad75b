"""Giấy khen in lên phôi: the layout editor (boxes on the scanned blank, in mm) and its dialog.

Their edits need no undo code: each service call is an action the data's journal can undo,
mirrored on the window's undo stack (``ui/journal_undo.py``).
"""
