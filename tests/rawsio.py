"""A raw Socket.IO client over one WebSocket: sends packets exactly as given (no client-side
checks), for tests of what a hostile client can send."""

from __future__ import annotations

import json
import time
from typing import Any

import websocket  # websocket-client


class RawSocket:
    """One Engine.IO v4 WebSocket session; answers the server's pings while it reads."""

    def __init__(
        self,
        url: str,
        path: str = "/socket.io",
        *,
        origin: str | None = None,
        no_origin: bool = False,
        headers: dict[str, str] | None = None,
        timeout: float = 10,
    ) -> None:
        target = url.replace("http", "ws", 1) + "/" + path.strip("/") + "/?EIO=4"
        target += "&transport=websocket"
        self.ws = websocket.create_connection(
            target,
            timeout=timeout,
            origin=origin,
            suppress_origin=no_origin,
            header=[f"{k}: {v}" for k, v in (headers or {}).items()],
        )
        opening = self.ws.recv()
        assert opening.startswith("0{"), opening
        self.handshake = json.loads(opening[1:])

    def send(self, text: str) -> None:
        self.ws.send(text)

    def recv(self) -> str:
        """The next packet that is not a ping (pings are answered)."""
        while True:
            text = self.ws.recv()
            if text == "2":
                self.ws.send("3")
                continue
            return str(text)

    def recv_until(self, prefix: str, deadline: float = 10) -> str:
        """The next packet starting with ``prefix`` (others are skipped)."""
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            text = self.recv()
            if text.startswith(prefix):
                return text
        raise TimeoutError(prefix)

    @staticmethod
    def _ns(namespace: str) -> str:
        return "" if namespace == "/" else namespace + ","

    def connect(self, namespace: str = "/", auth: Any = None) -> str:
        """Send CONNECT; the server's answer: ``40...`` (accepted) or ``44...`` (refused)."""
        body = "" if auth is None else json.dumps(auth)
        self.send("40" + self._ns(namespace) + body)
        prefix = "4" if namespace == "/" else None
        while True:
            text = self.recv()
            if text[:2] in ("40", "44") and (prefix or text[2:].startswith(namespace)):
                return text

    def call(self, event: str, *args: Any, namespace: str = "/", id: int = 1) -> Any:
        """Send an event with an ack id; its ack's arguments."""
        self.send(f"42{self._ns(namespace)}{id}" + json.dumps([event, *args]))
        return self.ack(namespace, id)

    def ack(self, namespace: str = "/", id: int = 1) -> Any:
        prefix = f"43{self._ns(namespace)}{id}["
        return json.loads(self.recv_until(prefix)[len(prefix) - 1 :])

    def close(self) -> None:
        self.ws.close()

    def __enter__(self) -> RawSocket:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
