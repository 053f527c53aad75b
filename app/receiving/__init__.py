"""The receiving side (Tổng hợp): the province's Sở Nội vụ consolidates, appraises and ranks the communes'
packages, offline. No Qt here: the window, the command line (``app/cli/consolidate.py``) and tests share it."""
