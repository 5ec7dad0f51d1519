"""A scripted ESC/POS network printer on 127.0.0.1 for tests: each connection it accepts
follows the next step of its script, so a test can make it take a job, stall mid-job or
drop the connection mid-job, and then recover on the next attempt. It keeps every byte it
received on every connection, so a test can count what really reached the printer
(e.g. how many drawer kicks, across all retries).

Steps: "ok" reads the job and answers the status request (online); ("stall", n) reads n
bytes and then neither reads nor answers (the client times out); ("close", n) reads n
bytes and closes the connection. After the script, every connection is "ok"."""

from __future__ import annotations

import socket
import threading

from printing.printers import STATUS_REQUEST
from tests.support.loopback import LoopbackServer

ONLINE = b"\x12"  # DLE EOT 1 answer: online, drawer closed


class TcpTestPrinter(LoopbackServer):
    ACCEPT_TIMEOUT = 0.1

    def __init__(self, script=(), port: int = 0):
        self.script = list(script)
        self.connections: list[bytes] = []  # what each connection delivered, in order
        self._lock = threading.Lock()
        super().__init__(port)

    @property
    def received(self) -> bytes:
        """Every byte received, on every connection, in order."""
        with self._lock:
            return b"".join(self.connections)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.server.accept()
            except (socket.timeout, OSError):
                continue
            step = self.script.pop(0) if self.script else "ok"
            with self._lock:
                self.connections.append(b"")
                index = len(self.connections) - 1
            try:
                self._follow(connection, step, index)
            except OSError:
                connection.close()

    def _keep(self, index: int, chunk: bytes) -> None:
        with self._lock:
            self.connections[index] += chunk

    def _read(self, connection: socket.socket, index: int, limit: int | None) -> bytes:
        data = b""
        connection.settimeout(5)
        while (limit is None and not data.endswith(STATUS_REQUEST)) or \
                (limit is not None and len(data) < limit):
            chunk = connection.recv(1 if limit is not None else 65536)
            if not chunk:
                break
            data += chunk
            self._keep(index, chunk)
        return data

    def _follow(self, connection: socket.socket, step, index: int) -> None:
        kind, count = (step, None) if isinstance(step, str) else step
        if kind == "ok":
            with connection:
                self._read(connection, index, None)
                connection.sendall(ONLINE)
        elif kind == "stall":
            self._read(connection, index, count)
            self._held.append(connection)  # never read again, never answer
        elif kind == "close":
            self._read(connection, index, count)
            connection.close()
        else:
            raise ValueError(f"unknown step {step!r}")

