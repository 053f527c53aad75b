"""The query layer: reads a Store into the plain, frozen read models that papers and exports are built from.

``app.queries.models`` holds the read models themselves (standard library, ``app.domain`` and
``app.resources`` only, so the papers in ``app/documents`` load without the database); the other modules
gather, per paper, everything it prints, so ``app/exporters`` never calls a service. For now they gather
it from the services' read functions (the screens share those); reading with ``select()`` here instead
changes these modules and nothing above them.

``start``, ``checklist_view`` and ``dashboard_view`` read with plain SQL over the standard library's sqlite3
(no ORM): what the start path and the first page show before SQLAlchemy is imported.
"""
