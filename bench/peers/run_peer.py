"""What every peer script does when run: ``python <peer>_serve.py PORT`` serves its app on
127.0.0.1:PORT (threading mode, no request log), like bench/serve.py does for ours."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any


def serve(make_app: Callable[[], tuple[Any, Any]]) -> None:
    port = int(sys.argv[1])
    logging.basicConfig(level=logging.ERROR)
    app, socketio = make_app()
    socketio.run(app, host="127.0.0.1", port=port, allow_unsafe_werkzeug=True, log_output=False)
