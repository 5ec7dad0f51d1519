"""QR codes on receipts (issue 15): the receipt's own (its number and the check value
sealed for it in the journal, so a returned receipt can be checked: pos.printjobs.records
.verify_receipt, `pos journal verify --anchor CODE`) and, when the store set one, its
e-invoice (开票) QR code with a caption.

On a receipt printer the printer draws them itself with its native GS ( k command
(QR model 2; no raster image); the receipt's PDF preview draws the same code
(ReportLab's QR widget)."""

from __future__ import annotations

from dataclasses import dataclass

from pos.printjobs.receipt_check import receipt_qr_text
from pos.printjobs.records import SaleRecord

from .receipt import Cut, Op, Text

GS_K = b"\x1d\x28\x6b"  # GS ( k: the 2D code functions
QR_DATA_MAX = 7089  # bytes a QR symbol (model 2) holds at most
EINVOICE_CAPTION = ("Scan for e-invoice", "扫码开票")  # "Scan for e-invoice / 扫码开票"
# Under the receipt's QR code, its check value as typed back (pos journal verify --anchor)
CHECK_LABEL = {"en": "Check", "zh_CN": "校验码"}
PRINTABLE_DOTS = {True: 384, False: 576}  # 58 mm paper (True), 80 mm: 8 dots a mm
ERROR_LEVELS = {"L": 48, "M": 49, "Q": 50, "H": 51}


@dataclass(frozen=True)
class Qr:
    """A QR code, centred, `size` dots a module on the printer (1-16)."""
    data: str
    size: int = 6

    def __post_init__(self):
        if not self.data:
            raise ValueError("a QR code holds something")
        if len(self.data.encode("utf-8")) > QR_DATA_MAX:
            raise ValueError("too much for one QR code")


def _fn(cn_fn_params: bytes) -> bytes:
    """GS ( k pL pH cn fn [params]: pL pH count the bytes after them."""
    length = len(cn_fn_params)
    return GS_K + bytes((length % 256, length // 256)) + cn_fn_params


def qr_bytes(data: str, *, size: int = 6, error: str = "M") -> bytes:
    """The printer's native QR commands: model 2 (fn 65), module size (fn 67), error
    correction (fn 69), store the data (fn 80, UTF-8), print it (fn 81), centred."""
    payload = data.encode("utf-8")
    if not payload or len(payload) > QR_DATA_MAX:
        raise ValueError("a QR code holds 1 to 7089 bytes")
    if not 1 <= size <= 16:
        raise ValueError("module size is 1 to 16 dots")
    return (b"\x1b\x61\x01"  # ESC a 1: centre
            + _fn(b"\x31\x41\x32\x00")  # cn 49, fn 65: model 2
            + _fn(b"\x31\x43" + bytes((size,)))  # fn 67: module size
            + _fn(b"\x31\x45" + bytes((ERROR_LEVELS[error],)))  # fn 69: error correction
            + _fn(b"\x31\x50\x30" + payload)  # fn 80: store the data
            + _fn(b"\x31\x51\x30")  # fn 81: print the stored symbol
            + b"\n\x1b\x61\x00")  # ESC a 0: left again


def receipt_qr_ops(record: SaleRecord, *, width: int) -> list[Op]:
    """The QR codes a receipt ends with: its own (when its journal check is known) and
    the store's e-invoice QR with its caption (when set)."""
    ops: list[Op] = []
    if record.journal_check:
        label = CHECK_LABEL.get(record.store.locale, CHECK_LABEL["en"])
        own = receipt_qr_text(record.receipt_no, record.journal_check)
        ops += [Qr(own, module_size(own, width=width)),
                Text(f"{label} {record.journal_check}", align="center")]
    if record.einvoice_qr:
        ops += [Text(""), Text(EINVOICE_CAPTION[0], align="center"),
                Text(EINVOICE_CAPTION[1], align="center"),
                Qr(record.einvoice_qr, module_size(record.einvoice_qr, width=width))]
    return ops


def modules(data: str) -> int:
    """How many modules a side the QR symbol for `data` has (error correction M)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    widget = QrCodeWidget(data, barLevel="M")
    widget.getBounds()  # encodes it
    return widget.qr.getModuleCount()


def module_size(data: str, *, width: int) -> int:
    """Dots a module: 4 on 58 mm paper, 6 on 80 mm, smaller when a long content (a 300
    character e-invoice address) would not fit the paper's printable dots otherwise."""
    wanted = 4 if width <= 32 else 6
    return max(1, min(wanted, (PRINTABLE_DOTS[width <= 32] - 16) // modules(data)))


def with_qr_codes(ops: list[Op], record: SaleRecord, *, width: int) -> list[Op]:
    """The receipt's operations with its QR codes before the cut (at the end if none)."""
    codes = receipt_qr_ops(record, width=width)
    if not codes:
        return list(ops)
    cut = max((i for i, op in enumerate(ops) if isinstance(op, Cut)), default=len(ops))
    return [*ops[:cut], *codes, *ops[cut:]]


def qr_drawing(data: str, side: float):
    """The same code for a PDF: a ReportLab Drawing `side` points square."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    widget = QrCodeWidget(data, barLevel="M", barBorder=4)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing
