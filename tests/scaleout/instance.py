"""One reference server instance in a process of its own, for tests that kill an instance.

Run as ``python -m tests.scaleout.instance '<ServerConfig fields as JSON>'``: it prints its base
URL on the first line, then serves until it is killed.
"""

from __future__ import annotations

import json
import sys
import time

from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer


def main() -> None:
    """Start the instance, print where it listens, serve (bounded: an hour at most)."""
    server = ReferenceServer(ServerConfig(**json.loads(sys.argv[1]))).start()
    print(server.base_url, flush=True)
    time.sleep(3600)  # a test kills it long before; a forgotten one does not linger


if __name__ == "__main__":
    main()
