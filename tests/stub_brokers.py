"""Brokers that are not Redis, for the tests of a queue URL that points at the wrong thing: a
TCP server on a free 127.0.0.1 port that accepts connections and never answers (a hung Redis, a
port owned by a service waiting for its own protocol), or one that answers every read with an
HTTP error (another service's protocol). Each runs in a thread of the test process, started and
stopped by the test (a context manager)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

GARBAGE = b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n"
"""What the garbage broker answers to every read: what an HTTP server says to a Redis client."""


@dataclass
class StubBroker:
    """A listening socket and the connections it accepted; ``accepted`` counts them."""

    port: int
    reply: bytes | None
    listener: socket.socket
    connections: list[socket.socket] = field(default_factory=list)
    accepted: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def serve(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:  # closed by stop()
                return
            with self.lock:
                self.connections.append(connection)
                self.accepted += 1
            threading.Thread(target=self.talk, args=(connection,), daemon=True).start()

    def talk(self, connection: socket.socket) -> None:
        """Read what the client sends; answer each read with ``reply``, or nothing, until the
        client or the test closes the connection."""
        try:
            while connection.recv(65536):
                if self.reply is not None:
                    connection.sendall(self.reply)
        except OSError:
            return

    def stop(self) -> None:
        self.stopping.set()
        self.listener.close()
        with self.lock:
            for connection in self.connections:
                with suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
                connection.close()


@contextmanager
def stub_broker(reply: bytes | None = None) -> Iterator[StubBroker]:
    """A broker on a free loopback port: ``reply`` None never answers (hangs), else answers each
    read with ``reply`` (e.g. :data:`GARBAGE`); stopped (every connection closed) at the end."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    broker = StubBroker(listener.getsockname()[1], reply, listener)
    thread = threading.Thread(target=broker.serve, daemon=True)
    thread.start()
    try:
        yield broker
    finally:
        broker.stop()
        thread.join(timeout=10)


@contextmanager
def hanging_broker() -> Iterator[StubBroker]:
    """Accepts TCP connections, reads what is sent, never answers."""
    with stub_broker(None) as broker:
        yield broker


@contextmanager
def garbage_broker() -> Iterator[StubBroker]:
    """Accepts TCP connections and answers every read with an HTTP 400 response."""
    with stub_broker(GARBAGE) as broker:
        yield broker
