"""What the store says to people: one catalog of messages (id -> English template) and the
renderer that fills a template with its values in the reader's language.

A refusal (pos.kernel.errors.UserError) carries a message id and its values, never
finished English: amounts as integer minor units, names and numbers as they are, and
phrases as message ids of their own, rendered in turn. Whoever shows the message renders
it: the till through Qt's translation of the templates (ui.messages), the `pos` command
through the same translations read without Qt (pos.kernel.translations), logs and tests
in English (``str(error)``).

Templates name their values in braces, with a type where the value needs formatting:

    {name}            as it is (a Message or UserError value is rendered in turn)
    {due:money}       integer minor units, by the caller's money formatter
    {rate:percent}    basis points: 1350 -> "13.5%"
    {day:date}        a date; {when:datetime} a date and time
    {count:number}    a number, by the caller's number formatter
    {action:msg}      a message id (or Message): a phrase rendered in the same language
    {names:list}      a sequence, joined with the language's list separator
    {where:path}      a sequence of places in a file, joined with " > "

Literal braces are doubled ({{ and }}). A translation keeps exactly the placeholders of
its template (tests/unit/test_messages.py checks every one).

The catalog itself is pos.kernel.message_catalog (CATALOG, re-exported here). This module
imports nothing else from pos (errors.py and money.py import it)."""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pos.kernel.message_catalog import CATALOG, MESSAGE_CONTEXT  # noqa: F401 - re-exported

PLACEHOLDER_TYPES = ("", "money", "percent", "date", "datetime", "number", "msg", "list", "path")


@dataclass(frozen=True)
class Message:
    """A message id and its values; ``str()`` is the English text."""

    id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return render(self)


def msg(message_id: str, /, **params: Any) -> Message:
    """A message to render later: ``msg("csv.header")``, ``msg("catalog.unknown_code", code=c)``."""
    return Message(message_id, params)


def as_message(value: Any) -> Message:
    """A Message from a Message, a UserError (anything with ``as_message``), or a string
    (a message id; text not in the catalog is shown as written)."""
    if isinstance(value, Message):
        return value
    if hasattr(value, "as_message"):
        return value.as_message()
    return Message(str(value))


def placeholders(template: str) -> dict[str, str]:
    """Each ``{name:type}`` of a template as name -> type ('' when untyped). Raises
    ValueError on a malformed template (an unpaired brace)."""
    found = {}
    for _literal, name, spec, _conversion in _FORMATTER.parse(template):
        if name is not None:
            found[name] = spec or ""
    return found


Translate = Callable[[str, str], str]  # (English template, message id) -> template to use


def render(message: Any, *, translate: Translate | None = None,
           money: Callable[[int], str] | None = None,
           date: Callable[[Any], str] | None = None,
           datetime: Callable[[Any], str] | None = None,
           number: Callable[[Any], str] | None = None) -> str:
    """The text of a message (a Message, a UserError or an id), in the language of
    `translate` (English without it), amounts through `money` (plain decimals without it:
    the UI passes its Babel formatter, the command line pos.kernel.money.format_money)."""
    formats = _Formats(translate or _english, money or plain_money, date or _iso_date,
                       datetime or _plain_datetime, number or _plain_number)
    return _render(as_message(message), formats)


def plain_money(amount: int, digits: int = 2) -> str:
    """Minor units as a plain decimal with `digits` places: 499900 -> '4999.00'. Amounts in
    English messages without a formatter; pos.kernel.money.to_decimal_string uses it too."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"money is an int of minor units, not {type(amount).__name__}")
    sign = "-" if amount < 0 else ""
    whole, frac = divmod(abs(amount), 10**digits)
    return f"{sign}{whole}" if digits == 0 else f"{sign}{whole}.{frac:0{digits}d}"


def percent_text(basis_points: int) -> str:
    """Basis points as the shortest percentage: 1000 -> '10%', 1350 -> '13.5%'."""
    whole, frac = divmod(abs(basis_points), 100)
    sign = "-" if basis_points < 0 else ""
    digits = f".{frac:02d}".rstrip("0") if frac else ""
    return f"{sign}{whole}{digits}%"


# --- rendering -----------------------------------------------------------------------

_FORMATTER = string.Formatter()
_MISSING = object()


@dataclass(frozen=True)
class _Formats:
    translate: Translate
    money: Callable[[int], str]
    date: Callable[[Any], str]
    datetime: Callable[[Any], str]
    number: Callable[[Any], str]


def _render(message: Message, formats: _Formats) -> str:
    template = CATALOG.get(message.id)
    if template is None:
        # Not a catalog id: text from code that still builds its own (shown as written).
        return message.id
    text = formats.translate(template, message.id) or template
    if text != template:
        try:
            if placeholders(text) != placeholders(template):
                text = template  # a translation that lost a value is worse than English
        except ValueError:
            text = template
    out = []
    for literal, name, spec, _conversion in _FORMATTER.parse(text):
        out.append(literal)
        if name is not None:
            out.append(_value(message.params.get(name, _MISSING), name, spec or "", formats))
    return "".join(out)


def _value(value: Any, name: str, kind: str, formats: _Formats) -> str:
    if value is _MISSING:
        return "{" + name + "}"
    if value is None:
        return ""
    if kind == "money":
        return formats.money(value)
    if kind == "percent":
        return percent_text(value)
    if kind == "date":
        return formats.date(value)
    if kind == "datetime":
        return formats.datetime(value)
    if kind == "number":
        return formats.number(value)
    if kind == "msg":
        return _render(as_message(value), formats)
    if kind == "list":
        separator = _render(Message("list.separator"), formats)
        return separator.join(_piece(item, formats) for item in _sequence(value))
    if kind == "path":
        return " > ".join(_piece(item, formats) for item in _sequence(value))
    return _piece(value, formats)


def _piece(value: Any, formats: _Formats) -> str:
    if isinstance(value, Message) or hasattr(value, "as_message"):
        return _render(as_message(value), formats)
    return str(value)


def _sequence(value: Any) -> Iterable[Any]:
    return [value] if isinstance(value, (str, Message)) else value


def _english(template: str, _message_id: str) -> str:
    return template


def _iso_date(day: Any) -> str:
    return day.isoformat()


def _plain_datetime(when: Any) -> str:
    return when.strftime("%Y-%m-%d %H:%M")


def _plain_number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
