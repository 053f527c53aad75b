"""The query layer: reads a Store into the plain, frozen read models that papers and exports are built from.

``app.queries.models`` holds the read models themselves (standard library and ``app.domain`` only, so the
papers in ``app/documents`` load without the database); the other modules fill them.
"""
