"""stdlib logging for agentkit, switched on with ``AGENTKIT_LOG=debug|info``."""

from __future__ import annotations

import logging
import os

__all__ = ["logger", "setup_logging_from_env"]

logger = logging.getLogger("agentkit")
_configured = False


def setup_logging_from_env() -> None:
    """Attach a stderr handler at the level ``AGENTKIT_LOG`` names, once per process."""
    global _configured
    if _configured:
        return
    _configured = True
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(
        os.environ.get("AGENTKIT_LOG", "").strip().lower()
    )
    if level is None:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
