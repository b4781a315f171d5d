# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""One module per resource family."""
