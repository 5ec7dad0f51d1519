"""CSV files as stores save them: UTF-8 with or without Excel's byte-order mark, or
GB18030/GBK from Excel on Chinese Windows. Rows keep their line numbers so every
error can say ``line N, column: reason`` (a message: csv.problem, its reason a message
too); files we write carry the BOM so Excel opens Chinese names correctly.

Files we write are safe to open in a spreadsheet: a cell that a spreadsheet would run as
a formula (one beginning with ``=``, ``+``, ``-`` or ``@``, or with a tab or carriage
return) is written with a leading apostrophe, which makes it text (OWASP's advice for
CSV injection); plain numbers, negative ones included, are left as numbers. Reading
takes that apostrophe off again, so what we export imports back unchanged."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from pos.kernel.errors import UserError
from pos.kernel.messages import Message, msg

HEADER, ROW = msg("csv.header"), msg("csv.row")  # the "column" of a whole-header or row error

# What a spreadsheet may take for the start of a formula, and the apostrophe that makes
# a cell text instead.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"
_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?%?")
FIELD_LIMIT = csv.field_size_limit()  # 131,072 characters


def decode_csv_bytes(data: bytes) -> str:
    """Text of a CSV file: UTF-8 (BOM or not) first, then GB18030 (a superset of GBK).
    A file that starts with UTF-8's byte-order mark must be UTF-8 throughout."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[:3 + exc.start].count(b"\n") + 1
            raise UserError("csv.bom_not_utf8", line=line) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise UserError("csv.not_text") from exc


_CHUNK = 1 << 20  # bytes read at a time when a file is checked or read as it streams


def csv_encoding(file: BinaryIO) -> str:
    """The encoding a seekable binary CSV file is read with, as decode_csv_bytes decides
    it (and refuses it, with the same messages), reading the file a chunk at a time
    rather than whole: "utf-8-sig" (the byte-order mark, if any, left out) or "gb18030".
    The file is left at its start."""
    file.seek(0)
    bom = file.read(3) == b"\xef\xbb\xbf"
    try:
        if _decodes(file, "utf-8", bom=bom):
            return "utf-8-sig"
        if not bom and _decodes(file, "gb18030", bom=False):
            return "gb18030"
    finally:
        file.seek(0)
    raise UserError("csv.not_text")


def _decodes(file: BinaryIO, encoding: str, *, bom: bool) -> bool:
    """Whether the whole file decodes; a file with a BOM that is not UTF-8 throughout is
    refused with the line of its first bad byte."""
    file.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)()
    newlines = 0
    chunk = b""
    try:
        while chunk := file.read(_CHUNK):
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                newlines += chunk[:max(0, exc.start - pending)].count(b"\n")
                raise
            newlines += chunk.count(b"\n")
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        if bom:
            raise UserError("csv.bom_not_utf8", line=newlines + 1) from None
        return False
    return True


def open_csv_text(file: BinaryIO) -> TextIO:
    """A seekable binary CSV file as text to stream through csv.reader (iter_rows), in
    the encoding csv_encoding decides. Detach the wrapper (not close it) to keep the
    file open."""
    return io.TextIOWrapper(file, encoding=csv_encoding(file), newline="")


@dataclass
class Row:
    line: int
    values: dict[str, str]


@dataclass
class ErrorList:
    """Errors collected across a whole file, so the user can fix them all in one go.
    With a `limit`, only the first `limit` are kept (a file of a million bad rows is
    refused in bounded memory); the others are counted in `beyond`."""

    errors: list[Message] = field(default_factory=list)
    limit: int | None = None
    beyond: int = 0

    def add(self, line: int, column: str | Message, reason: str | Message | UserError, /,
            **params) -> None:
        """One error: `column` is the file's column name (or HEADER, ROW); `reason` a
        message id with its `params`, or a Message or UserError already made."""
        if self.limit is not None and len(self.errors) >= self.limit:
            self.beyond += 1
            return
        if isinstance(reason, str):
            reason = msg(reason, **params)
        self.errors.append(msg("csv.problem", line=line, column=column, reason=reason))

    def insert(self, place: int, error: Message) -> None:
        """An error that goes before others already listed (at `place`)."""
        self.errors.insert(place, error)
        if self.limit is not None and len(self.errors) > self.limit:
            self.errors.pop()
            self.beyond += 1

    def extend(self, other: ErrorList) -> None:
        """`other`'s errors after these, within this list's limit."""
        for error in other.errors:
            if self.limit is not None and len(self.errors) >= self.limit:
                self.beyond += 1
            else:
                self.errors.append(error)
        self.beyond += other.beyond

    def raise_if_any(self, what: str) -> None:
        """Refuse the whole file when anything was wrong; `what` is a message id such as
        "import.catalog"."""
        if self.errors:
            count = len(self.errors) + self.beyond
            details = self.errors
            if self.beyond:
                details = [*details, msg("import.more_problems", count=self.beyond,
                                         shown=len(self.errors))]
            raise UserError("import.refused_one" if count == 1 else "import.refused",
                            what=what, count=count, details=details)


def read_rows(text: str, header: Sequence[str], errors: ErrorList,
              optional: Sequence[str] = ()) -> list[Row]:
    """Rows as dicts keyed by the expected header. Column order in the file is free;
    missing or unknown columns and ragged rows are errors. An `optional` column may be
    left out of the file: its rows then have no value for it at all."""
    return list(iter_rows(io.StringIO(text, newline=""), header, errors, optional))


def iter_rows(stream: TextIO, header: Sequence[str], errors: ErrorList,
              optional: Sequence[str] = ()) -> Iterator[Row]:
    """read_rows one row at a time, from a text stream (open_csv_text): a file of any
    size is read in bounded memory. The errors go to `errors` as the rows are read."""
    reader = csv.reader(stream)
    try:
        file_header = next(reader)
    except StopIteration:
        errors.add(1, HEADER, "csv.file_empty")
        return
    names = [name.strip().lstrip("\ufeff").lower() for name in file_header]
    while names and names[-1] == "":  # Excel's trailing empty columns
        names.pop()
    missing = [name for name in header if name not in names]
    unknown = [name for name in names if name not in header and name not in optional]
    duplicated = sorted({name for name in names if names.count(name) > 1})
    if missing:
        errors.add(1, HEADER, "csv.missing_columns", columns=missing)
    if unknown:
        errors.add(1, HEADER, "csv.unknown_columns", columns=unknown)
    if duplicated:
        errors.add(1, HEADER, "csv.repeated_columns", columns=duplicated)
    if missing or unknown or duplicated:
        return
    line = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a field over the limit, a stray quote...: this row only
            start, line = line, reader.line_num + 1
            if "field limit" in str(exc):
                errors.add(start, ROW, "csv.field_too_long", max=FIELD_LIMIT)
            else:  # the csv module's own words
                errors.add(start, ROW, "csv.unreadable_row", reason=str(exc))
            continue
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        while len(record) > len(names) and record[-1].strip() == "":
            record = record[:-1]
        if len(record) != len(names):
            errors.add(start, ROW, "csv.ragged_row", fields=len(record), expected=len(names))
            continue
        yield Row(start, {name: from_cell(cell.strip()) for name, cell in zip(names, record)})


def to_cell(value: object) -> str:
    """A value as a cell no spreadsheet runs: text that could start a formula gets the
    apostrophe that makes it text (and text that starts with an apostrophe of its own
    gets one more where reading would otherwise take it off)."""
    text = value if isinstance(value, str) else str(value)
    if not text or _PLAIN_NUMBER.fullmatch(text):
        return text
    if text.startswith(FORMULA_STARTS) or (
            text.startswith(TEXT_MARK) and text[1:2] in (*FORMULA_STARTS, TEXT_MARK)):
        return TEXT_MARK + text
    return text


def from_cell(text: str) -> str:
    """A cell as written by to_cell, back to its value."""
    if text.startswith(TEXT_MARK) and text[1:2] in (*FORMULA_STARTS, TEXT_MARK):
        return text[1:]
    return text


def write_rows(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file for people and spreadsheets: UTF-8 with a BOM, CRLF line ends, every
    cell made safe (to_cell)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([to_cell(cell) for cell in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
