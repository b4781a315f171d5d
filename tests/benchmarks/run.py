"""`make bench`: run every benchmark script and fail if any misses its target."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n=== {script.stem} ===", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(script.stem)
    print(
        f"\nbenchmarks missing their targets: {', '.join(failed)}"
        if failed
        else "\nall benchmark targets met"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
