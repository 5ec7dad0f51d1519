"""Printers named by URI, and sending bytes to them without ever hanging the till.

    network://HOST:9100        raw TCP (JetDirect); asks the printer's status afterwards
    usb://VENDOR:PRODUCT       python-escpos Usb (hex ids, e.g. usb://04b8:0202)
    serial:///dev/ttyUSB0      python-escpos Serial
    file:///path/to/device     python-escpos File (e.g. /dev/usb/lp0, or a plain file)
    pdf:///path/to/folder      no printer: a PDF preview saved in that folder

A printer that is off, unreachable, or accepts the connection and then stalls gives a
PrinterError within the timeout."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from pos.kernel.errors import UserError, os_reason

STATUS_REQUEST = b"\x10\x04\x01"  # DLE EOT 1: real-time printer status
OFFLINE_BIT = 0x08


class PrinterError(UserError):
    """The printer did not take the job; the message says what to check."""


@dataclass(frozen=True)
class PrinterTarget:
    scheme: str
    host: str = ""
    port: int = 9100
    vendor: int = 0
    product: int = 0
    path: str = ""

    @property
    def is_pdf(self) -> bool:
        return self.scheme == "pdf"


def parse_printer_uri(uri: str) -> PrinterTarget:
    parsed = urlparse(uri.strip())
    scheme = parsed.scheme.lower()
    try:
        if scheme == "network":
            if not parsed.hostname:
                raise ValueError("no host")
            return PrinterTarget("network", host=parsed.hostname, port=parsed.port or 9100)
        if scheme == "usb":
            vendor, product = parsed.netloc.split(":")
            return PrinterTarget("usb", vendor=int(vendor, 16), product=int(product, 16))
        if scheme in ("serial", "file", "pdf"):
            if not parsed.path:
                raise ValueError("no path")
            return PrinterTarget(scheme, path=parsed.path)
    except ValueError:
        pass
    raise UserError("printer.bad_uri", uri=uri)


def send(target: PrinterTarget, data: bytes, *, timeout: float = 5.0,
         on_sent: Callable[[], None] | None = None) -> None:
    """Deliver ESC/POS bytes; raise PrinterError on any failure, within `timeout`.

    `on_sent` is called once the bytes have been handed to the printer (connected and
    written), before its status is asked: a step that must happen at most once (the
    drawer kick) is marked done then, even if the printer stalls afterwards."""
    if target.scheme == "network":
        _send_network(target, data, timeout, on_sent)
    elif target.scheme == "file":
        try:
            with open(target.path, "ab") as device:
                device.write(data)
                if on_sent is not None:
                    on_sent()
        except OSError as exc:
            raise PrinterError("printer.file_failed", where=target.path,
                               reason=os_reason(exc)) from exc
    elif target.scheme in ("usb", "serial"):
        _send_escpos_device(target, data, timeout, on_sent)
    else:
        raise PrinterError("printer.cannot_send", scheme=target.scheme)


def _send_network(target: PrinterTarget, data: bytes, timeout: float,
                  on_sent: Callable[[], None] | None = None) -> None:
    where = f"{target.host}:{target.port}"
    deadline = time.monotonic() + timeout
    try:
        with socket.create_connection((target.host, target.port), timeout=timeout) as sock:
            sock.settimeout(max(0.1, deadline - time.monotonic()))
            sock.sendall(data)
            if on_sent is not None:
                on_sent()
            # The bytes may sit in buffers of a printer that has stalled: only its answer
            # to a status request proves it is alive and took them.
            sock.sendall(STATUS_REQUEST)
            sock.settimeout(max(0.1, deadline - time.monotonic()))
            status = sock.recv(1)
    except ConnectionRefusedError as exc:
        raise PrinterError("printer.refused", where=where) from exc
    except (socket.timeout, TimeoutError) as exc:
        raise PrinterError("printer.timeout", where=where, seconds=timeout) from exc
    except OSError as exc:
        raise PrinterError("printer.unreachable", where=where, reason=os_reason(exc)) from exc
    if not status:
        raise PrinterError("printer.no_answer", where=where)
    if status[0] & OFFLINE_BIT:
        raise PrinterError("printer.offline", where=where)


def _send_escpos_device(target: PrinterTarget, data: bytes, timeout: float,
                        on_sent: Callable[[], None] | None = None) -> None:
    from escpos import printer as escpos_printers

    try:
        if target.scheme == "usb":
            device = escpos_printers.Usb(target.vendor, target.product, timeout=int(timeout * 1000))
        else:
            device = escpos_printers.Serial(devfile=target.path, timeout=timeout)
        device.open()
        device._raw(data)
        if on_sent is not None:
            on_sent()
        device.close()
    except Exception as exc:  # noqa: BLE001 - drivers raise many kinds; all mean "not printed"
        where = f"{target.scheme}://{target.path or hex(target.vendor)}"
        raise PrinterError("printer.device_failed", where=where, reason=str(exc)) from exc


def save_pdf(target: PrinterTarget, name: str, pdf: bytes) -> Path:
    folder = Path(target.path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_bytes(pdf)
    except OSError as exc:
        raise PrinterError("printer.cannot_save", name=name, folder=str(folder),
                           reason=os_reason(exc)) from exc
    return path
