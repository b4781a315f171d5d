"""What every family of the server shares.

The request context (``call``), what handlers answer (``replies``), the server's state
(``state``), errors, the input boundary (``validation``), idempotency, the event log, API keys
and rate limits (``auth``), settings, ids, cursors, and storage: the row types and core store
protocols (``store``), the SQLite plumbing with its JSON-document tables (``sqlite``) and the
core's own tables (``sqlite_tables``). ``core.http`` is the HTTP glue, the one part that knows
Starlette.
"""
