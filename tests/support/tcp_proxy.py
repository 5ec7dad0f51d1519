"""A TCP proxy on loopback that can hang: for tests of a database link that stops
answering without being reset (a router dropping packets, a server frozen).

    with TcpProxy("127.0.0.1", server.port) as proxy:
        url = server.url(name).replace(f":{server.port}/", f":{proxy.port}/")
        ...
        proxy.hang()          # nothing passes either way; no connection is closed
        proxy.hang_replies()  # requests still reach the server; its replies are held back
        proxy.resume()        # what was held back passes again

While hung, connections are still accepted (the kernel completes the handshake, as a
half-dead server's does) but nothing is forwarded, either way; bytes already read wait.
A side that closes while hung is seen, and passed on, once the proxy resumes.
"""

from __future__ import annotations

import selectors
import socket
import threading


class TcpProxy:
    def __init__(self, upstream_host: str, upstream_port: int):
        self.upstream = (upstream_host, upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.setblocking(False)
        self.port = self._listener.getsockname()[1]
        # set: forwarding that way; clear: hung
        self._requests, self._replies = threading.Event(), threading.Event()
        self._requests.set()
        self._replies.set()
        self._stopped = False
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self.accepted = 0
        self._accepter = threading.Thread(target=self._accept, name="proxy-accept",
                                          daemon=True)
        self._accepter.start()

    # control -----------------------------------------------------------------------
    @property
    def hung(self) -> bool:
        return not (self._requests.is_set() and self._replies.is_set())

    def hang(self) -> None:
        """Stop forwarding, in both directions, without closing anything."""
        self._requests.clear()
        self._replies.clear()

    def hang_replies(self) -> None:
        """Pass what clients send on, but hold back what the server answers (a COMMIT
        that reaches the server, whose answer is lost)."""
        self._replies.clear()

    def resume(self) -> None:
        self._requests.set()
        self._replies.set()

    def close(self) -> None:
        self._stopped = True
        self.resume()
        self._listener.close()
        with self._lock:
            for sock in self._sockets:
                try:
                    sock.close()
                except OSError:
                    pass
        for thread in [self._accepter, *self._threads]:
            thread.join(timeout=2)

    def __enter__(self) -> TcpProxy:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # the work ------------------------------------------------------------------------
    def _accept(self) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self._listener, selectors.EVENT_READ)
            while not self._stopped:
                try:
                    if not selector.select(timeout=0.05):
                        continue
                    client, _address = self._listener.accept()
                except OSError:
                    if self._stopped:
                        return
                    continue
                self.accepted += 1
                # Connected to the server at once, even while hung: what is held back is
                # the traffic, not the handshake.
                try:
                    server = socket.create_connection(self.upstream, timeout=5)
                except OSError:
                    client.close()
                    continue
                for sock in (client, server):
                    sock.setblocking(True)
                    sock.settimeout(None)
                with self._lock:
                    self._sockets += [client, server]
                for source, target, way in ((client, server, self._requests),
                                            (server, client, self._replies)):
                    thread = threading.Thread(target=self._pump, args=(source, target, way),
                                              name="proxy-pump", daemon=True)
                    self._threads.append(thread)
                    thread.start()

    def _pump(self, source: socket.socket, target: socket.socket,
              way: threading.Event) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(source, selectors.EVENT_READ)
            while not self._stopped:
                if not way.wait(timeout=0.05):
                    continue  # hung: leave the bytes where they are
                try:
                    if not selector.select(timeout=0.05):
                        continue
                    if not way.is_set():
                        continue  # hung while waiting: the bytes stay unread
                    data = source.recv(65536)
                    if not data:
                        break
                    target.sendall(data)
                except OSError:
                    break
        # One side closed: close both, as a link going down does.
        for sock in (source, target):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            try:
                sock.close()
            except OSError:
                pass
