"""The ``agentkit`` command's parts: ``serve`` and the client commands, and how they print.

Nothing here is imported by ``import agentkit``; ``agentkit.cli`` loads each part when its
command runs.
"""
