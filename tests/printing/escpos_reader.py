"""A test ESC/POS printer: reads the bytes a receipt sends and lays them out in columns
the way an Epson-style thermal printer with a Chinese (GB18030/GBK) font does, so tests
check what comes out of the printer rather than what the layout meant.

The printer's rules it follows:
- `ESC @` resets everything; `FS &` turns Chinese mode on (`FS .` off): in it a byte
  0x81-0xFE starts a two-byte character (four bytes when the second is 0x30-0x39, as
  GB18030 does), printed from the Chinese font two columns wide; other bytes are
  one-column alphanumerics. Outside Chinese mode every byte is one column.
- `ESC ! n` sizes alphanumerics only (bit 5 double width, bit 4 double height, bit 3
  bold); `FS ! n` sizes Chinese only (bit 2 double width, bit 3 double height); `GS ! n`
  sizes both (high nibble width - 1, low nibble height - 1). The last command to touch a
  script's size wins.
- `ESC a n` aligns (0 left, 1 centre, 2 right) whatever is on the line when it prints;
  `ESC E n` bold; `LF` prints the line; a line wider than the paper wraps onto the next
  (the overflow a test must catch).
- Barcodes (`GS k`, with `GS h/w/H/f`), QR (`GS ( k`), cut (`GS V`), feeds (`ESC d`) and
  the drawer (`ESC p`) are noted as events, not text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Glyph:
    char: str
    columns: int
    double_height: bool
    chinese: bool = False  # from the Chinese font (two columns at normal size)

    @property
    def double_width(self) -> bool:
        return self.columns > (2 if self.chinese else 1)


@dataclass
class Line:
    """One printed line: its text, the columns it takes, its alignment and where each
    character starts (column), as the paper shows it."""
    glyphs: list[Glyph]
    align: int
    bold: bool
    paper: int

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)

    @property
    def columns(self) -> int:
        return sum(g.columns for g in self.glyphs)

    @property
    def start(self) -> int:
        """The column the first glyph prints at."""
        free = max(0, self.paper - self.columns)
        return {0: 0, 1: free // 2, 2: free}.get(self.align, 0)

    @property
    def end(self) -> int:
        """The column after the last non-space glyph (paper's right edge = paper)."""
        used = self.start
        last = self.start
        for glyph in self.glyphs:
            used += glyph.columns
            if glyph.char != " ":
                last = used
        return last

    @property
    def doubled(self) -> set[str]:
        """'alnum' / 'chinese': the scripts printed double width on this line."""
        return {"chinese" if g.chinese else "alnum" for g in self.glyphs
                if g.char != " " and g.double_width}

    def rendered(self) -> str:
        """The line as the paper shows it: each glyph followed by spaces for its extra
        columns, after the alignment's offset."""
        out = " " * self.start
        for glyph in self.glyphs:
            out += glyph.char + " " * (glyph.columns - (2 if glyph.chinese else 1))
        return out


@dataclass
class Printout:
    paper: int
    lines: list[Line] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    overflows: list[str] = field(default_factory=list)  # lines the printer had to wrap

    def texts(self) -> list[str]:
        return [line.text for line in self.lines]


class Reader:
    def __init__(self, paper: int, encoding: str = "gb18030"):
        self.paper, self.encoding = paper, encoding
        self.reset()

    def reset(self) -> None:
        self.chinese = False
        self.alnum_w = self.alnum_h = 1
        self.cjk_w = self.cjk_h = 1
        self.align = 0
        self.bold = False

    def read(self, data: bytes) -> Printout:
        out = Printout(self.paper)
        glyphs: list[Glyph] = []
        i = 0

        def flush(force: bool = True) -> None:
            nonlocal glyphs
            if glyphs or force:
                line = Line(glyphs, self.align, self.bold, self.paper)
                if line.columns > self.paper:
                    out.overflows.append(line.text)
                out.lines.append(line)
            glyphs = []

        while i < len(data):
            b = data[i]
            if b == 0x0A:
                flush()
                i += 1
            elif b == 0x1B:  # ESC
                cmd = data[i + 1]
                if cmd == 0x40:
                    self.reset()
                    i += 2
                elif cmd == 0x21:
                    n = data[i + 2]
                    self.alnum_w = 2 if n & 0x20 else 1
                    self.alnum_h = 2 if n & 0x10 else 1
                    self.bold = bool(n & 0x08)
                    i += 3
                elif cmd == 0x61:
                    self.align = data[i + 2] % 48 if data[i + 2] >= 48 else data[i + 2]
                    i += 3
                elif cmd == 0x45:
                    self.bold = bool(data[i + 2] & 1)
                    i += 3
                elif cmd == 0x64:
                    out.events.append(f"feed {data[i + 2]}")
                    i += 3
                elif cmd == 0x70:
                    out.events.append("drawer")
                    i += 5
                elif cmd in (0x2D, 0x47, 0x4D, 0x74, 0x56, 0x7B, 0x20, 0x33, 0x4A, 0x52):
                    i += 3
                elif cmd == 0x32:
                    i += 2
                else:
                    raise ValueError(f"unknown ESC {cmd:#x} at {i}")
            elif b == 0x1C:  # FS
                cmd = data[i + 1]
                if cmd == 0x26:
                    self.chinese = True
                    i += 2
                elif cmd == 0x2E:
                    self.chinese = False
                    i += 2
                elif cmd == 0x21:
                    n = data[i + 2]
                    self.cjk_w = 2 if n & 0x04 else 1
                    self.cjk_h = 2 if n & 0x08 else 1
                    i += 3
                else:
                    raise ValueError(f"unknown FS {cmd:#x} at {i}")
            elif b == 0x1D:  # GS
                cmd = data[i + 1]
                if cmd == 0x21:
                    n = data[i + 2]
                    self.alnum_w = self.cjk_w = (n >> 4) + 1
                    self.alnum_h = self.cjk_h = (n & 0x0F) + 1
                    i += 3
                elif cmd in (0x68, 0x77, 0x66, 0x48):
                    i += 3
                elif cmd == 0x6B:  # GS k m n d1..dn (m >= 65)
                    m = data[i + 2]
                    if m >= 65:
                        n = data[i + 3]
                        out.events.append("barcode " + data[i + 4:i + 4 + n].decode("ascii"))
                        i += 4 + n
                    else:
                        end = data.index(0, i + 3)
                        out.events.append("barcode " + data[i + 3:end].decode("ascii"))
                        i = end + 1
                elif cmd == 0x28 and data[i + 2] == 0x6B:  # GS ( k pL pH cn fn ...
                    size = data[i + 3] + 256 * data[i + 4]
                    body = data[i + 5:i + 5 + size]
                    if body[:2] == b"\x31\x50":
                        out.events.append("qr " + body[3:].decode("utf-8", "replace"))
                    i += 5 + size
                elif cmd == 0x56:  # GS V m [n]
                    out.events.append("cut")
                    i += 4 if data[i + 2] in (65, 66) else 3
                else:
                    raise ValueError(f"unknown GS {cmd:#x} at {i}")
            elif b < 0x20:
                raise ValueError(f"control byte {b:#x} in text at {i}")
            elif self.chinese and 0x81 <= b <= 0xFE:
                length = 4 if i + 1 < len(data) and 0x30 <= data[i + 1] <= 0x39 else 2
                char = data[i:i + length].decode(self.encoding, errors="replace")
                glyphs.append(Glyph(char, 2 * self.cjk_w, self.cjk_h > 1, chinese=True))
                i += length
            else:
                char = bytes([b]).decode("latin-1") if b >= 0x80 else chr(b)
                glyphs.append(Glyph(char, self.alnum_w, self.alnum_h > 1))
                i += 1
        if glyphs:
            flush()
        return out


def read(data: bytes, paper: int, encoding: str = "gb18030") -> Printout:
    return Reader(paper, encoding).read(data)
