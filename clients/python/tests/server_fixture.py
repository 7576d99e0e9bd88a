"""Starts a real Sextant server for the integration tests, once per test run.

Uses SEXTANT_TEST_URL / SEXTANT_TEST_API_KEY when set (the Vitest wrapper passes its own server);
otherwise spawns packages/server/src/testing/child-server.ts with Node on a fresh data dir and port 0.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO_ROOT = Path(__file__).resolve().parents[3]
API_KEY = "sxk_python-client-test-key-0123456789abcdef"
_server: Optional[Tuple[str, str]] = None


def start_server() -> Tuple[str, str]:
    """(base URL, admin API key) of a running server."""
    global _server
    if _server is not None:
        return _server
    if os.environ.get("SEXTANT_TEST_URL"):
        _server = (os.environ["SEXTANT_TEST_URL"], os.environ["SEXTANT_TEST_API_KEY"])
        return _server
    data_dir = tempfile.mkdtemp(prefix="sextant-py-")
    entry = REPO_ROOT / "packages/server/src/testing/child-server.ts"
    env = {**os.environ, "SEXTANT_ADMIN_API_KEY": API_KEY}
    process = subprocess.Popen(
        ["node", "--conditions=source", "--import", "tsx", str(entry), "--data-dir", data_dir, "--port", "0",
         "--demo-enabled", "false", "--log-level", "warn"],
        cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith('{"url"'):
            url = json.loads(line)["url"]
            break
    else:
        raise RuntimeError(f"the server exited before listening ({process.wait()})")

    def stop() -> None:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)

    atexit.register(stop)
    _server = (url, API_KEY)
    return _server
