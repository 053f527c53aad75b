"""Read models: frozen dataclasses the query layer and the services fill, and papers are built from.

No database here (no sqlalchemy, no ``db``, no ``app.store``, no ``app.services``): a paper loads and
renders from these values alone, as ``tests/test_architecture.py`` checks.
"""
