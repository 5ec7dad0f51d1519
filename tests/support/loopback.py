"""A test server on a free loopback port, serving in a thread until closed: the base of
the test printers (tests/printing/fake_printer.py, tests/support/tcp_printer.py), which
say what `_serve` does with each connection."""

from __future__ import annotations

import socket
import threading


class LoopbackServer:
    ACCEPT_TIMEOUT = 0.2  # how often the serving thread looks whether to stop

    def __init__(self, port: int = 0):
        self.server = socket.create_server(("127.0.0.1", port))
        self.port = self.server.getsockname()[1]
        self.server.settimeout(self.ACCEPT_TIMEOUT)
        self._stop = threading.Event()
        self._held: list[socket.socket] = []  # connections kept open on purpose
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def uri(self) -> str:
        return f"network://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self._stop.set()
        self.thread.join(timeout=2)
        for connection in self._held:
            connection.close()
        self.server.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
