"""The data store: SQLAlchemy models, engine and pragmas, Alembic migrations, backups.

Knows nothing of ``app/`` or ``ui/``.
"""
