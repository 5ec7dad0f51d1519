"""A TCP proxy on loopback that adds a delay to a link and counts its round trips, for
the benchmarks (benchmarks/till.py: a main-unit scan on PostgreSQL over a 10 ms link).

Every chunk is held `one_way_ms` in each direction (so a round trip gains twice that),
in order, without holding up the chunks behind it longer than their own delay (a link's
delay, not a queue). A round trip is counted each time the client speaks after the
server did (or first): one request and its answer, however many packets they took."""

from __future__ import annotations

import heapq
import itertools
import socket
import threading
import time


class DelayProxy:
    def __init__(self, upstream: tuple[str, int], *, one_way_ms: float = 5.0):
        self.upstream, self.delay = upstream, one_way_ms / 1000
        self.round_trips = 0
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._closing = False
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._closing = True
        self._server.close()

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            link = _Link()
            _Pipe(self, client, server, link, requests=True)
            _Pipe(self, server, client, link, requests=False)


class _Link:
    """Who spoke last on one client's connection."""

    def __init__(self):
        self.last_from_client = False


class _Pipe:
    """One direction: a reader that timestamps what arrives, a writer that sends it on
    when its delay is up."""

    def __init__(self, proxy: DelayProxy, source, sink, link: _Link, *, requests: bool):
        self.proxy, self.source, self.sink, self.link = proxy, source, sink, link
        self.requests = requests
        self.queue: list = []
        self.order = itertools.count()
        self.ready = threading.Condition()
        self.done = False
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._write, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                data = self.source.recv(65536)
            except OSError:
                data = b""
            with self.proxy._lock:
                if data and self.requests and not self.link.last_from_client:
                    self.proxy.round_trips += 1
                if data:
                    self.link.last_from_client = self.requests
            with self.ready:
                if not data:
                    self.done = True
                else:
                    heapq.heappush(self.queue, (time.monotonic() + self.proxy.delay,
                                                next(self.order), data))
                self.ready.notify()
            if not data:
                return

    def _write(self) -> None:
        while True:
            with self.ready:
                while not self.queue and not self.done:
                    self.ready.wait()
                if not self.queue:
                    break
                due, _, data = self.queue[0]
                wait = due - time.monotonic()
                if wait > 0:
                    self.ready.wait(wait)
                    continue
                heapq.heappop(self.queue)
            try:
                self.sink.sendall(data)
            except OSError:
                break
        for sock in (self.sink, self.source):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
