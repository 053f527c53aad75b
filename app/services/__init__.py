"""The only code that opens a session: one function = one user action = one transaction.

Functions take a ``Store`` and return frozen read models (never ORM rows),
and a ``Changes`` value where screens must refresh.
"""
