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

This module imports nothing from the rest of pos (errors.py and money.py import it)."""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# The Qt translation context of the catalog's templates in ui/i18n/*.ts; each template's
# message id is its disambiguation (<comment>), so two ids with the same English text
# may still translate differently.
MESSAGE_CONTEXT = "pos"

PLACEHOLDER_TYPES = ("", "money", "percent", "date", "datetime", "number", "msg", "list", "path")

CATALOG: dict[str, str] = {
    # --- general -------------------------------------------------------------------------
    "list.separator": ", ",
    "error.line": "error: {message}",
    "terminal.not_set_up": "Terminal {terminal} is not set up in this database",
    "terminal.not_set_up_hint": "Terminal {terminal} is not set up in this database; load the "
                                "demo store (pos demo load) or add the terminal first",
    "value.negative": "'{text}' is negative",
    "value.not_one_of": "'{text}' is not one of {allowed:list}",
    "value.not_whole_number": "'{text}' is not a whole number",
    "field.empty": "is empty",
    "field.too_long": "is longer than {max} characters",
    "import.catalog": "catalog import",
    "import.categories": "category import",
    "import.checklists": "checklist import",
    "import.refused": "{what:msg} refused: {count} errors; nothing was changed",
    "import.refused_one": "{what:msg} refused: 1 error; nothing was changed",
    # --- files (reasons from the operating system) -------------------------------------
    "os.no_such_file": "No such file or directory",
    "os.permission_denied": "Permission denied",
    "os.is_a_directory": "Is a directory",
    "os.not_a_directory": "Not a directory",
    "os.disk_full": "No space left on device",
    "os.read_only": "Read-only file system",
    "file.cannot_read": "cannot read {path}: {reason}",
    "file.cannot_write": "cannot write {path}: {reason}",
    # --- money, numbers, barcodes --------------------------------------------------------
    "amount.required": "an amount is required",
    "amount.invalid": "'{text}' is not an amount",
    "amount.too_many_places": "'{text}' has more than {digits} decimal places",
    "percent.required": "a percentage is required",
    "percent.invalid": "'{text}' is not a percentage",
    "barcode.not_digits": "barcode '{code}' must be digits only",
    "barcode.bad_length": "barcode '{code}' has {digits} digits; EAN-13 has 13, UPC-A 12, EAN-8 8",
    "barcode.bad_check_digit": "barcode '{code}' has a bad check digit for {kind} "
                               "(expected {expected})",
    # --- CSV files -----------------------------------------------------------------------
    "csv.not_text": "the file is neither UTF-8 nor GB18030/GBK text; save it from Excel as "
                    "'CSV UTF-8' and try again",
    "csv.problem": "line {line}, {column}: {reason}",
    "csv.header": "header",
    "csv.row": "row",
    "csv.file_empty": "the file is empty",
    "csv.missing_columns": "missing column(s): {columns:list}",
    "csv.unknown_columns": "unknown column(s): {columns:list}",
    "csv.repeated_columns": "repeated column(s): {columns:list}",
    "csv.ragged_row": "has {fields} fields, the header has {expected}",
    # --- the catalog: categories and products --------------------------------------------
    "catalog.scan_or_type": "scan a barcode or type a product code",
    "catalog.unknown_code": "No product has the barcode or code '{code}'",
    "catalog.code_twice": "'{code}' appears twice in the file",
    "catalog.needs_layout": "a main-unit category needs a sheet layout",
    "catalog.layout_main_only": "only main-unit categories print on a sheet",
    "catalog.sku_format": "'{sku}' must be at most {max} characters, no spaces",
    "catalog.sku_repeated": "'{sku}' already appears on line {line}",
    "catalog.barcode_repeated": "{barcode} already appears on line {line}",
    "catalog.barcode_taken": "{barcode} belongs to product {owner}",
    "catalog.unknown_category": "unknown category '{code}'",
    "catalog.not_yes_no": "'{text}' is not yes or no",
    "catalog.vat_over_100": "'{text}' is over 100%",
    # --- checklist files (configuration sheets and card tiers) ---------------------------
    "checklist.not_utf8": "the checklist file must be UTF-8 text",
    "checklist.not_toml": "the checklist file is not valid TOML: {error}",
    "checklist.problem": "{where:path}: {reason}",
    "checklist.problem_at": "line {line}, {where:path}: {reason}",
    "checklist.document": "document",
    "checklist.sheet": 'sheet "{code}"',
    "checklist.sheet_n": "sheet #{n}",
    "checklist.section": 'section "{code}"',
    "checklist.section_n": "section #{n}",
    "checklist.item": 'item "{code}"',
    "checklist.item_n": "item #{n}",
    "checklist.tier": 'tier "{code}"',
    "checklist.tier_n": "tier #{n}",
    "checklist.band": "band {n}",
    "checklist.array_of_tables": "must be an array of tables ([[{key}]])",
    "checklist.must_be_table": "must be a table",
    "checklist.needs_code": "needs a code",
    "checklist.needs_name": "needs a name",
    "checklist.needs_title": "needs a title",
    "checklist.sheet_code_taken": "this code is used by another sheet",
    "checklist.section_code_taken": "this code is used by another section of the sheet",
    "checklist.item_code_taken": "this code is used by another item of the sheet",
    "checklist.tier_code_taken": "this code is used by another tier",
    "checklist.not_main_unit": "category '{code}' is not a main-unit category",
    "checklist.category_on_sheet": "category '{code}' is already on sheet '{sheet}'",
    "checklist.needs_categories": "needs categories = [main-unit category codes]",
    "checklist.needs_section": "needs at least one [[sheet.section]]",
    "checklist.script_text": "script must be text",
    "checklist.needs_products": "needs products = [one or more skus]",
    "checklist.unknown_sku": "unknown sku '{sku}'",
    "checklist.sku_twice": "sku '{sku}' is listed twice",
    "checklist.pack_two": "a gift pack bundles two or more products",
    "checklist.pack_above_zero": "pack_price must be above zero",
    "checklist.pack_above_parts": "pack_price {price} is above the price of its parts "
                                  "({parts:money})",
    "checklist.lifetime_or_term": "give either lifetime = true or term_months, not both",
    "checklist.needs_term": "needs term_months (a whole number above 0) or lifetime = true",
    "checklist.units_covered": "units_covered must be a whole number of 1 or more",
    "checklist.tier_needs_categories": "needs categories = [the main-unit categories it covers]",
    "checklist.needs_bands": 'needs bands = [{{ up_to = "3000", price = "199" }}, ..., '
                             '{{ price = "399" }}]',
    "checklist.last_band_open": "the last band has no up_to: it prices every unit above the "
                                "others",
    "checklist.up_to_rises": "up_to must rise from band to band",
    "checklist.needs_up_to": "needs up_to (only the last band is open-ended)",
    "checklist.unknown_keys": "unknown key(s): {keys:list}",
    "checklist.unknown_tables": "unknown table(s): {tables:list}",
    "checklist.quoted_amount": 'write amounts as quoted decimal text, e.g. "199.00"',
    # --- staff, roles, permissions and approvals -----------------------------------------
    "role.cashier": "cashier",
    "role.installer": "installer",
    "role.manager": "manager",
    "role.admin": "administrator",
    "action.void": "void a sale",
    "action.refund": "refund a return",
    "action.no_receipt_return": "take a return without a receipt",
    "action.discount_beyond_limit": "give a discount beyond the limit",
    "action.price_override": "override a price",
    "action.open_drawer": "open the drawer without a sale",
    "action.staff_admin": "manage staff",
    "action.close_day": "close the day",
    "staff.pin_format": "A PIN is {min} to {max} digits",
    "staff.needs_name": "A staff member needs a name",
    "staff.unknown_role": "'{role}' is not a role; choose one of {allowed:list}",
    "staff.name_taken": "There is already a staff member called '{name}'",
    "staff.wrong_pin": "Wrong PIN",
    "staff.locked": "Too many wrong PINs: {name} is locked for {seconds} more seconds",
    "staff.pins_differ": "the two PINs differ; nothing was changed",
    "staff.no_one_called": "No staff member is called '{name}'",
    "staff.no_such": "No such staff member",
    "permission.log_in_first": "Log in first",
    "permission.manager_must_approve": "A manager must approve this: {action:msg}",
    "permission.admin_must_approve": "An administrator must approve this: {action:msg}",
    "permission.may_not_approve": "{name} may not approve: {action:msg}",
    "approval.unknown": "That approval does not exist",
    "approval.used": "That approval was already used; a manager must approve again",
    "approval.other_action": "That approval was given for something else",
    # --- customers and follow-up calls ---------------------------------------------------
    "customer.bad_phone": "'{phone}' is not a phone number",
    "customer.gone": "That customer no longer exists",
    "customer.needs_name": "A customer needs a name",
    "customer.bad_kind": "A customer is a consumer or a business",
    "customer.needs_company": "A business customer needs a company name",
    "customer.phone_taken": "A customer with phone {phone} already exists",
    "customer.unknown_phone": "No customer has the phone number {phone}",
    "customer.no_such": "No such customer",
    "followup.days": "days must be 1 or more",
    "followup.kind": "kind is consumer or business",
    "followup.bad_outcome": "'{outcome}' is not a call outcome ({allowed:list})",
    "followup.say_how": "Say how the call went",
    "followup.unknown": "That follow-up call does not exist",
    "followup.not_yours": "That call is assigned to someone else",
    # --- the cart and checkout -----------------------------------------------------------
    "cart.line_gone": "That line is no longer in the cart",
    "cart.not_main_unit": "{name} is not a main unit",
    "tender.unknown": "'{tender}' is not a way to pay",
    "tender.none": "Add a payment before completing the sale",
    "tender.not_positive": "Each payment must be more than zero",
    "tender.short": "Not enough tendered: {due:money} still due",
    "tender.non_cash_over": "Card, mobile, voucher or account payments cannot exceed the amount "
                            "due; change is given only in cash",
    "tender.change_from_cash": "Change can be given only from cash",
    "sale.log_in_to_start": "Log in before starting a sale",
    "sale.log_in_to_sell": "Log in before selling",
    "sale.unit_is_new_sale": "A new unit is a new sale, not an add-on",
    "sale.cards_from_tiers": "Service cards are added from the unit's card tiers",
    "sale.serial_units_one_by_one": "Serial-tracked units are added one at a time (each has "
                                    "its own serial)",
    "sale.quantity_plain_only": "Only the quantity of a plain accessory line can change",
    "sale.discount_over_new_total": "The line's discount is larger than the new line total",
    "sale.unit_sold_earlier": "The unit was sold earlier; only what is added now can be removed",
    "sale.quantity_whole": "Quantity must be a whole number above zero",
    "sale.quantity_max": "Quantity above {max} is not allowed",
    "discount.percent_or_amount": "Give a discount as a percentage or as an amount",
    "discount.pack_price": "A gift pack is already at its pack price",
    "discount.negative": "A discount cannot be negative",
    "discount.over_line": "A discount cannot be more than the line",
    "discount.over_limit": "A {role:msg} may discount at most {limit:percent} of a line; this "
                           "needs a manager",
    "price.needs_reason": "A price override needs a reason",
    "price.negative": "A price cannot be negative",
    "price.fixed": "Pack parts, service cards and earlier units keep their prices",
    "price.below_discount": "Remove the line's discount before lowering the price below it",
    "serial.not_tracked": "{name} does not take a serial number",
    "serial.invalid": "'{serial}' is not a serial number or IMEI",
    "serial.on_other_line": "Serial {serial} is already on another line of this sale",
    "serial.sold": "Serial {serial} of {name} has already been sold",
    "sale.cards_need_customer": "Service cards on the sale need a customer",
    "sale.business_cards_need_business": "Business cards on the sale need a business customer",
    "sheet.bad_outcome": "'{outcome}' is not sold, declined or not yet",
    "sheet.item_not_on_sheet": "That item is not on the sheet of {name}",
    "sheet.product_not_for_item": "That product does not satisfy '{item}'",
    "card.not_available": "That service card is not available for {name}",
    "card.already": "{name} already has a {card}",
    "card.needs_customer": "A service card needs the customer: find or add them by phone first",
    "card.business_only": "{card} is for business customers",
    "card.remove_before_decline": "Remove the chosen card before recording that the card was "
                                  "declined",
    "park.nothing": "There is nothing to park",
    "park.already_resumed": "That parked sale was already resumed",
    "addon.no_unit": "{receipt} has no unit to add accessories to",
    "addon.choose_unit": "This sale has several units: choose the one you are installing",
    "addon.not_a_unit": "Line {line} of {receipt} is not a unit",
    # --- shifts and the drawer -----------------------------------------------------------
    "shift.float_negative": "The float is an amount of zero or more",
    "shift.already_open": "{terminal} already has an open shift; close it first",
    "shift.cash_zero": "Paid-in or paid-out is an amount other than zero",
    "shift.cash_reason": "Say why cash goes in or out of the drawer",
    "shift.none_open": "{terminal} has no open shift",
    "shift.none_to_close": "{terminal} has no open shift to close",
    "shift.denominations": "Count only these notes and coins: {denominations:list}",
    "shift.count_whole": "Each count is a whole number of zero or more",
    "drawer.reason": "Say why the drawer is opened",
    # --- printing ------------------------------------------------------------------------
    "print.job_printed": "That job was already printed",
    "print.retry_failed_only": "Only a failed print job can be retried",
    "print.job_gone": "That print job no longer exists",
    "print.unknown_settings": "unknown printer setting(s): {names:list}",
    "print.paper_width": "receipt paper is 58 or 80 mm wide",
    "print.receipt_not_printed": "receipt not printed (job {job} kept for retry): {reason}",
    "print.bad_copies": "copies are customer, store and installer; not {copies:list}",
    "print.no_main_unit": "Sale {receipt} has no main unit, so no configuration sheet",
    "print.unknown_sheet_copies": "Unknown sheet copies {copies:list}; choose from {allowed:list}",
    "print.page_size": "Page size '{size}' is not supported (A4 or A5)",
    "print.unknown_job_kind": "Unknown print job kind '{kind}'",
    "print.documents_to_pdf": "Sheets and card certificates print to a PDF folder "
                              "(pdf:///folder), not to the receipt printer",
    "printer.bad_uri": "'{uri}' is not a printer address; use network://HOST:9100, "
                       "usb://VENDOR:PRODUCT, serial:///dev/ttyUSB0, file:///path or "
                       "pdf:///folder",
    "printer.file_failed": "Printer {where}: {reason}",
    "printer.cannot_send": "Cannot send receipt bytes to a {scheme} printer",
    "printer.refused": "Printer {where} refused the connection: is it switched on?",
    "printer.timeout": "Printer {where} did not answer within {seconds:number} s: check paper, "
                       "cover and cable",
    "printer.unreachable": "Printer {where} is unreachable: {reason}",
    "printer.no_answer": "Printer {where} closed the connection without answering",
    "printer.offline": "Printer {where} is offline: check paper and cover",
    "printer.device_failed": "Printer {where}: {reason}",
    "printer.cannot_save": "Cannot save {name} in {folder}: {reason}",
    # --- the store, the demo, the database, the command ----------------------------------
    "store.unknown_settings": "unknown store setting(s): {names:list}",
    "store.currency": "currency is a three-letter ISO code such as CNY",
    "cli.not_key_value": "'{text}' is not KEY=VALUE",
    "cli.bad_date": "'{text}' is not a date like 2026-11-23",
    "demo.bad_locale": "demo locale '{locale}' is not one of {allowed:list}",
    "demo.not_empty": "This database already has products or staff; the demo store loads only "
                      "into an empty database (use --db with a new file)",
    "schema.too_new": "This database was set up by a newer version of Tickbox POS (schema "
                      "{current}); this version knows schemas up to {head}. Update Tickbox POS "
                      "on this terminal before using it.",
}


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
