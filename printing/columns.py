"""Text on a fixed-column receipt: Chinese (East Asian wide) characters take two columns,
everything else one; lines are fitted, wrapped and split into left/right parts by that
count, so 58 mm (32 columns) and 80 mm (48 columns) paper both line up."""

from __future__ import annotations

import unicodedata


def char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(char) for char in text)


def fit(text: str, width: int) -> str:
    """Cut to at most `width` columns (never half a wide character)."""
    used, out = 0, []
    for char in text:
        step = char_width(char)
        if used + step > width:
            break
        out.append(char)
        used += step
    return "".join(out)


# Chinese typesetting never starts a line with closing punctuation.
NO_LINE_START = set("，。、；：！？）》」』】,.;:!?)")


def wrap(text: str, width: int) -> list[str]:
    """Break into lines of at most `width` columns, at spaces where Latin text allows and
    anywhere in Chinese text (but never before a closing punctuation mark)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in _tokens(paragraph):
            if display_width(current + word) <= width:
                current += word
                continue
            carried = ""
            if word[:1] in NO_LINE_START and len(current) > 1:
                current, carried = current[:-1], current[-1]
            if current.strip():
                lines.append(current.rstrip())
            current = carried + word.lstrip()
            while display_width(current) > width:
                head = fit(current, width)
                lines.append(head)
                current = current[len(head):]
        if current.strip() or not lines:
            lines.append(current.rstrip())
    return lines


def _tokens(text: str) -> list[str]:
    """Latin words stay whole (with their following space); each wide char stands alone."""
    tokens, word = [], ""
    for char in text:
        if char_width(char) == 2:
            if word:
                tokens.append(word)
                word = ""
            tokens.append(char)
        else:
            word += char
            if char == " ":
                tokens.append(word)
                word = ""
    if word:
        tokens.append(word)
    return tokens


def left_right(left: str, right: str, width: int, indent: int = 0) -> list[str]:
    """`left` and `right` on one line, right-aligned; the left text wraps above when the
    two do not fit together."""
    pad = " " * indent
    room = width - display_width(right) - 1
    pieces = wrap(left, max(4, room - indent))
    lines = [pad + piece for piece in pieces]
    last = lines[-1]
    gap = width - display_width(last) - display_width(right)
    if gap >= 1:
        lines[-1] = last + " " * gap + right
    else:
        lines.append(" " * (width - display_width(right)) + right)
    return lines


def centre(text: str, width: int) -> list[str]:
    return [" " * ((width - display_width(line)) // 2) + line for line in wrap(text, width)]
