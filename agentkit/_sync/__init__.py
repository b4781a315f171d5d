# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""The async implementation. It is the source of truth: ``agentkit/_sync`` is generated from it by
``scripts/unasync.py``, so edit here and regenerate."""
