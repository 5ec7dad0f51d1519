"""A network receipt printer on 127.0.0.1 for tests: it takes the job, or stalls."""

from __future__ import annotations

import socket

from printing.printers import STATUS_REQUEST
from tests.support.loopback import LoopbackServer


class FakePrinter(LoopbackServer):
    """Accepts connections on a free loopback port. `mode` "ok" reads the job and answers
    the status request (online); "stall" accepts and then neither reads nor answers."""

    def __init__(self, mode: str = "ok", port: int = 0):
        self.mode = mode
        self.received: list[bytes] = []
        super().__init__(port)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.server.accept()
            except (socket.timeout, OSError):
                continue
            if self.mode == "stall":
                self._held.append(connection)  # never read, never answer
                continue
            with connection:
                connection.settimeout(5)
                data = b""
                while not data.endswith(STATUS_REQUEST):
                    chunk = connection.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                self.received.append(data[: -len(STATUS_REQUEST)])
                connection.sendall(b"\x12")  # online, drawer closed



def closed_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
