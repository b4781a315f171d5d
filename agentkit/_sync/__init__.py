# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""The sync implementation, generated from ``agentkit/_async`` by ``scripts/unasync.py``:
edit that source and regenerate."""
