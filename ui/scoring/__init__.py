"""Chấm điểm CCHC: the self-scoring tree, its side panel and its undo steps."""
