"""Alembic environment: always run from ``db.migrate`` with a live connection in ``config.attributes``."""

from alembic import context

from db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through db.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: recreate tables in batch
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
