"""Remote refs, when allowed, are fetched (over loopback here); when none is followed, neither
requests nor urllib.request is imported (jsonref would import both: 75 ms of a cached run)."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

SPEC = """\
asyncapi: 2.6.0
info: {title: Remote, version: 1.0.0}
channels:
  /:
    publish:
      message:
        name: move
        payload: {$ref: "URL"}
"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 serving tmp_path/www; stopped after the test."""
    www = tmp_path / "www"
    www.mkdir()
    (www / "move.json").write_text(
        '{"type": "object", "properties": {"cell": {"type": "integer"}}}'
    )
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(www))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_an_allowed_remote_ref_is_fetched(served: str, tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(SPEC.replace("URL", f"{served}/move.json"))
    out = tmp_path / "models.py"
    refused = subprocess.run([sys.executable, "-m", "sio_codegen", "models", str(spec), "-o",
                              str(out)], capture_output=True, text=True, check=False)  # fmt: skip
    assert refused.returncode == 2 and "pass --allow-remote-refs" in refused.stderr
    done = subprocess.run([sys.executable, "-m", "sio_codegen", "models", str(spec), "-o",
                           str(out), "--allow-remote-refs", "-q"], capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "cell: int | None" in out.read_text()


def test_loading_a_local_spec_imports_no_http_client() -> None:
    spec = Path(__file__).parent / "specs" / "e2e.yaml"
    code = (
        "import sys; from pathlib import Path\n"
        "from sio_codegen.load.loader import load_api\n"
        f"load_api(Path({str(spec)!r}))\n"
        "heavy = ('requests', 'urllib.request', 'http.client')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
