"""CSV files as stores save them: UTF-8 with or without Excel's byte-order mark, or
GB18030/GBK from Excel on Chinese Windows. Rows keep their line numbers so every
error can say ``line N, column: reason``; files we write carry the BOM so Excel opens
Chinese names correctly."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pos.kernel.errors import UserError


def decode_csv_bytes(data: bytes) -> str:
    """Text of a CSV file: UTF-8 (BOM or not) first, then GB18030 (a superset of GBK)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise UserError(
            "the file is neither UTF-8 nor GB18030/GBK text; save it from Excel as "
            "'CSV UTF-8' and try again"
        ) from exc


@dataclass
class Row:
    line: int
    values: dict[str, str]


@dataclass
class ErrorList:
    """Errors collected across a whole file, so the user can fix them all in one go."""

    errors: list[str] = field(default_factory=list)

    def add(self, line: int, column: str, reason: str) -> None:
        self.errors.append(f"line {line}, {column}: {reason}")

    def raise_if_any(self, what: str) -> None:
        if self.errors:
            count = len(self.errors)
            raise UserError(
                f"{what} refused: {count} error{'s' if count != 1 else ''}; nothing was changed",
                details=self.errors,
            )


def read_rows(text: str, header: Sequence[str], errors: ErrorList) -> list[Row]:
    """Rows as dicts keyed by the expected header. Column order in the file is free;
    missing or unknown columns and ragged rows are errors."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        file_header = next(reader)
    except StopIteration:
        errors.add(1, "header", "the file is empty")
        return []
    names = [name.strip().lstrip("\ufeff").lower() for name in file_header]
    while names and names[-1] == "":  # Excel's trailing empty columns
        names.pop()
    missing = [name for name in header if name not in names]
    unknown = [name for name in names if name not in header]
    duplicated = sorted({name for name in names if names.count(name) > 1})
    if missing:
        errors.add(1, "header", "missing column(s): " + ", ".join(missing))
    if unknown:
        errors.add(1, "header", "unknown column(s): " + ", ".join(unknown))
    if duplicated:
        errors.add(1, "header", "repeated column(s): " + ", ".join(duplicated))
    if missing or unknown or duplicated:
        return []
    rows: list[Row] = []
    line = reader.line_num + 1
    for record in reader:
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        while len(record) > len(names) and record[-1].strip() == "":
            record = record[:-1]
        if len(record) != len(names):
            errors.add(start, "row", f"has {len(record)} fields, the header has {len(names)}")
            continue
        rows.append(Row(start, {name: cell.strip() for name, cell in zip(names, record)}))
    return rows


def write_rows(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
