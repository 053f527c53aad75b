"""Chấm điểm CCHC: the self-scoring tree, its side panel, the start of a year and the evidence picker."""
