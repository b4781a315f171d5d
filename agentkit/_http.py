"""The one place agentkit imports its HTTP library.

Everything else imports ``httpx`` from here, so moving to a fork with the same API (``httpx2``)
is a one-line change.
"""

import httpx

__all__ = ["httpx"]
