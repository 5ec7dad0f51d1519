"""Text on a fixed-column receipt, measured by what the printer will do with it: a
character sent as one byte takes one column; one sent as a two- or four-byte GB18030/GBK
sequence is printed from the printer's Chinese font and takes two (so `·`, sent as A1 A4,
takes two, and `¥`, four bytes in GB18030, takes two); a character the printer's encoding
lacks goes out as `?`, one column. `printer_text` first swaps characters a printer profile
cannot print for ones it can (`¥` becomes the full-width `￥` on GBK-only printers).

Lines are fitted, wrapped (at spaces and punctuation; long Chinese runs anywhere, but
never with an opening bracket at a line end or a closing mark at a line start) and split
into left/right parts by that count, so 58 mm (32 columns) and 80 mm (48 columns) paper
both line up. A no-break space (U+00A0) in a text keeps its two sides on one line and
prints as a space."""

from __future__ import annotations

import codecs
import functools
import unicodedata

DEFAULT_ENCODING = "gb18030"
NBSP = "\u00a0"

# What a printer profile cannot print, and what it prints instead.
_SUBSTITUTES = {
    "gb18030": {},
    "gbk": {"¥": "￥"},  # U+00A5 is not in GBK; the full-width sign is (A3 A4)
    "ascii": {"¥": "RMB", "￥": "RMB", "·": ".", "–": "-", "—": "-", "×": "x", "（": "(",
              "）": ")", "：": ":", "，": ",", "。": "."},
}


@functools.lru_cache(maxsize=32)
def profile(encoding: str) -> str:
    """gb18030 / gbk / ascii: how a printer encoding measures and substitutes."""
    try:
        name = codecs.lookup(encoding or DEFAULT_ENCODING).name
    except LookupError:
        return "ascii"
    if name == "gb18030":
        return "gb18030"
    if name in ("gbk", "gb2312", "cp936", "hz"):
        return "gbk"
    return "ascii" if _single_byte(name) else "wide"


def _single_byte(codec: str) -> bool:
    try:
        return len("中".encode(codec)) == 1
    except UnicodeEncodeError:
        return True


def printer_text(text: str, encoding: str = DEFAULT_ENCODING) -> str:
    """The text as the printer profile can print it."""
    table = _SUBSTITUTES.get(profile(encoding))
    if not table:
        return text
    return "".join(table.get(char, char) for char in text)


@functools.lru_cache(maxsize=8192)
def char_width(char: str, encoding: str = DEFAULT_ENCODING) -> int:
    if ord(char) < 0x80 or char == NBSP:
        return 1
    kind = profile(encoding)
    if kind == "wide":  # not a GB printer: the Unicode East Asian width
        return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    try:
        sent = char.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return 1  # goes out as "?"
    return 1 if len(sent) == 1 else 2


def display_width(text: str, encoding: str = DEFAULT_ENCODING) -> int:
    return sum(char_width(char, encoding) for char in text)


def fit(text: str, width: int, encoding: str = DEFAULT_ENCODING) -> str:
    """Cut to at most `width` columns (never half a wide character)."""
    used, out = 0, []
    for char in text:
        step = char_width(char, encoding)
        if used + step > width:
            break
        out.append(char)
        used += step
    return "".join(out)


# Chinese typesetting never starts a line with closing punctuation, nor ends one with an
# opening bracket.
NO_LINE_START = set("，。、；：！？）》」』】,.;:!?)")
NO_LINE_END = set("（《「『【(")
_BREAK_AFTER = set("，。、；：！？）》」』】,;:!?/") | {" "}


def wrap(text: str, width: int, encoding: str = DEFAULT_ENCODING) -> list[str]:
    """Break into lines of at most `width` columns: at spaces and after punctuation, and
    inside a word only when the word alone is longer than a line."""
    text = printer_text(text, encoding)
    measure = functools.partial(display_width, encoding=encoding)
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in _tokens(paragraph):
            if measure(current + word.rstrip()) <= width:
                current += word
                continue
            if measure(word.strip()) > width:  # too long for any line: fill this one
                current = _split_long(lines, current, word, width, encoding)
                continue
            carried = ""
            if (word[:1] in NO_LINE_START and len(current.rstrip()) > 1
                    and measure(current.rstrip()[-1] + word.rstrip()) <= width):
                current, carried = current.rstrip()[:-1], current.rstrip()[-1]
            if current.strip():
                lines.append(current.rstrip())
            current = carried + word.lstrip()
        if current.strip() or not lines:
            lines.append(current.rstrip())
    return [line.replace(NBSP, " ") for line in lines]


def _split_long(lines: list[str], current: str, word: str, width: int, encoding: str) -> str:
    current = (current + word) if current.strip() else word.lstrip()
    while display_width(current.rstrip(), encoding) > width:
        head = fit(current, width, encoding)
        cut = max(1, len(head))  # a line narrower than one character still moves on
        while cut > 1 and (head[cut - 1] in NO_LINE_END or current[cut:cut + 1] in NO_LINE_START):
            cut -= 1
        lines.append(current[:cut].rstrip())
        current = current[cut:].lstrip(" ")
    return current


def _tokens(text: str) -> list[str]:
    """Words to break between: a run of characters up to and with a space or a
    punctuation mark; an opening bracket starts a new word."""
    tokens, word = [], ""
    for char in text:
        if char in NO_LINE_END and word.strip():
            tokens.append(word)
            word = ""
        word += char
        if char in _BREAK_AFTER:
            tokens.append(word)
            word = ""
    if word:
        tokens.append(word)
    return tokens


def left_right(left: str, right: str, width: int, indent: int = 0, *,
               hang: int = 0, encoding: str = DEFAULT_ENCODING) -> list[str]:
    """`left` and `right` on one line, right-aligned; the left text wraps above when the
    two do not fit together. Lines after the first are indented `hang` more (under the
    text after a "+ " marker, not under the marker)."""
    left, right = printer_text(left, encoding), printer_text(right, encoding)
    room = width - display_width(right, encoding) - 1
    first = wrap(left, max(4, room - indent), encoding)
    lines = [" " * indent + first[0]]
    if len(first) > 1:
        rest = wrap(left[len(first[0]):].lstrip() if left.startswith(first[0])
                    else " ".join(first[1:]), max(4, room - indent - hang), encoding)
        lines += [" " * (indent + hang) + piece for piece in rest]
    last = lines[-1]
    gap = width - display_width(last, encoding) - display_width(right, encoding)
    if gap >= 1:
        lines[-1] = last + " " * gap + right
    else:
        lines.append(" " * max(0, width - display_width(right, encoding)) + right)
    return lines


def centre(text: str, width: int, encoding: str = DEFAULT_ENCODING) -> list[str]:
    return [" " * ((width - display_width(line, encoding)) // 2) + line
            for line in wrap(text, width, encoding)]
