"""Persistent sessions: their wire shapes, the turn runner, and the UI message stream.

Import the submodules directly (``sessions.turns``, ``sessions.runner``, ...): the routes and the
server state depend on different parts.
"""
