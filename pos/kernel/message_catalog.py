"""The message catalog: every message the store says to people, by id, as its English
template (the placeholders are described in pos.kernel.messages). Ids are grouped by
the part of the store that says them: `area.what`. Add a message here and its
translation to ui/i18n/zh_CN.ts (ui/i18n/update.py writes the entry; type the Chinese);
tests/unit/test_messages.py fails on an id without one.

Keep English templates stable: the Chinese is looked up by the id and the English text,
so changing the English marks the translation for review."""

# The Qt translation context of these templates in ui/i18n/*.ts; each template's message
# id is its disambiguation (<comment>), so two ids with the same English text may still
# translate differently.
MESSAGE_CONTEXT = "pos"

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
    # --- completing a sale, documents, returns, voids and exchanges --------------------
    "cart.empty": "The cart is empty",
    "sale.serial_race": ("A serial number on this sale was sold at the same moment elsewhere; "
                         "check the serials and try again"),
    "serial.missing": "Scan or type the serial number of {name}",
    "serial.already_sold": "Serial {serial} has already been sold",
    "card.needs_named_customer": "Service cards need a customer with a phone number and a name",
    "tender.card_number_typed": ("Never type a card number: keep only the terminal's reference and"
                                 " the last 4 digits"),
    "tender.last4_bank_card_only": "Only a bank card payment keeps a last-4, and it is 4 digits",
    "tender.voucher_code": "A voucher payment needs the voucher's code",
    "tender.account_needs_customer": "Paying on account needs the customer",
    "find.what": "Scan the receipt, or type a receipt number, phone or serial",
    "sale.no_receipt": "No sale has the receipt number '{receipt}'",
    "sale.not_a_sale": "{receipt} is a {kind:msg}, not a sale",
    "addon.not_a_sale": "{receipt} is a {kind:msg}: add to the original sale",
    "document.sale": "sale",
    "document.addon": "add-on",
    "document.refund": "refund",
    "document.void": "void",
    "card.no_number": "No service card has the number '{card}'",
    "sheet.no_sheet_on_layout": "No sheet '{sheet}' prints on the {layout} layout",
    "sheet.no_layout": "No sheet uses the layout '{layout}' (layouts: {layouts:list})",
    "return.choose_items": "Choose what comes back",
    "return.quantity_whole": "A returned quantity is a whole number above zero",
    "return.line_not_on_receipt": "Line {line} is not on receipt {receipt}",
    "return.attached_ask": "{name} was sold with {names:list}: do they come back too?",
    "return.only_left": "Only {left} of {name} can still come back on this receipt",
    "return.already_back": "{name} has already come back",
    "return.reason_without_receipt": "Say why the goods come back without a receipt",
    "return.no_receipt_price": "Without a receipt the refund is at most the current price",
    "return.serial_needs_sale": ("A unit with a serial number comes back against its sale: find it"
                                 " by its serial"),
    "refund.over_paid": "A refund cannot be more than was paid less earlier refunds",
    "refund.must_add_up": ("The refund is {total:money}; the money given back must add up to "
                           "exactly that"),
    "refund.payment_positive": "Each refund payment must be more than zero",
    "refund.cash_or_original_way": "Money goes back in cash or by the way it was paid",
    "void.closed_shift": ("{receipt} belongs to a closed shift: only sales of the current shift "
                          "can be voided; take a return instead"),
    "void.already_corrected": "{receipt} already has a return or a void",
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
                      "{current}); this version knows schemas up to {head}. Install that newer "
                      "version (or a later one) on this terminal: run its installer (Windows) "
                      "or unpack its package over this one (Linux); the data folder is kept "
                      "and nothing needs moving (README: Upgrading).",
    # --- free text -----------------------------------------------------------------------
    "text.required": "{field:msg} is required",
    "text.control_characters": "{field:msg} holds control characters (such as NUL); type it again",
    "text.too_long": "{field:msg} is longer than {max} characters",
    "field.text": "The text",
    "field.name": "The name",
    "field.reason": "The reason",
    "field.reference": "The payment reference",
    "field.notes": "The notes",
    "field.company": "The company name",
    "field.label": "The label",
    "field.address": "The address",
    # --- the store's key -----------------------------------------------------------------
    "key.shared": ("The store's key {path} is readable by other users; make it readable by its "
                   "owner only (chmod 600) and start again"),
    "key.damaged": ("The store's key {path} is damaged or not a Tickbox key; put back the "
                    "store.key from the store's backup (the journal cannot be checked without it)"),
    # --- bad input and damaged files (issue 12) ------------------------------------------
    "csv.bom_not_utf8": ("the file begins with UTF-8's byte-order mark, but line {line} is not "
                         "UTF-8 (GBK?); save it from Excel as 'CSV UTF-8' and try again"),
    "csv.field_too_long": "a field is longer than {max} characters",
    "csv.unreadable_row": "cannot be read as CSV: {reason}",
    "field.control_characters": "holds control characters (such as NUL)",
    "value.too_large": "'{text}' is more than {max}",
    "amount.too_large": "'{text}' is more than {max:money}",
    "checklist.too_deep": ("the checklist file nests tables or arrays too deeply to be a checklist"
                           " file"),
    "checklist.text_value": "{key} must be text in quotes",
    "checklist.term_too_long": ("term_months is at most {max} ({years} years); for longer, write "
                                "lifetime = true"),
    "checklist.units_covered_max": "units_covered is at most {max}",
    "followup.days_range": "days must be from 1 to {max}",
    "store.unknown_code": "No store has the code '{code}'",
    "db.disk_full": ("The disk holding the database {where} is full: nothing was saved. Free some "
                     "space on it (or call the manager), then try again"),
    "db.read_only": ("The database {where} is read-only: nothing was saved. Check the file's "
                     "permissions and the disk, then try again"),
    "db.io_error": ("The disk holding the database {where} could not be read or written (an I/O "
                    "error): nothing was saved. Check the disk, then try again"),
    "db.busy": ("The database {where} is busy: another till or program has held it for more than "
                "{seconds} s. Try again"),
    "db.no_folder": ("The folder {folder} of the database {where} does not exist: check --db or "
                     "POS_DATABASE_URL"),
    "db.cannot_open": ("Cannot open the database {where}: check that the file and its folder can "
                       "be read and written"),
    "db.damaged": ("The database {where} is damaged. Stop selling on this till and restore the "
                   "database from the latest backup (README: Restoring a damaged database), then "
                   "run pos journal verify"),
    "db.server_busy": ("The database server {where} is out of resources (memory or connections): "
                       "try again shortly"),
    "db.login_refused": ("The database server {where} refused the user name or password of the "
                         "database URL"),
    "db.no_such_database": ("The database server has no database {where}: check --db or "
                            "POS_DATABASE_URL"),
    "db.connection_lost": "The connection to the database {where} was lost: try again",
    "db.server_timeout": ("The database server {where} did not answer within {seconds} s: check "
                          "the network and the server"),
    "db.server_refused": "The database server {where} refused the connection: is it running?",
    "db.server_unreachable": "Cannot reach the database server {where}: {reason}",
    "db.backup_sqlite_only": ("pos db backup copies an SQLite file; back up a PostgreSQL database "
                              "with pg_dump"),
    "db.backup_exists": "{path} already exists; give the backup a new name",
    "error.bug": ("unexpected error: a bug in Tickbox POS (the traceback above says where); please"
                  " report it"),
    # --- enforced in the services (issue 12) ---------------------------------------------
    "action.paid_in": "pay cash into the drawer",
    "action.paid_out": "pay cash out of the drawer",
    "approval.other_amount": ("That approval was given to {action:msg} for another amount; a "
                              "manager must approve this amount"),
    "approval.lapsed": ("That approval was given more than {minutes} minutes ago; a manager must "
                        "approve again"),
    "staff.pin_trivial": ("That PIN is too easy to guess (a repeat, a run such as 1234, a year or "
                          "a date); choose another"),
    "staff.pin_too_short": "A {role:msg} needs a PIN of at least {digits} digits",
    "staff.other_key": ("This till's store key (store.key) is not the one the PINs were set with; "
                        "copy the store's key file to this till's data folder"),
    "park.damaged": "That parked sale is damaged and cannot be resumed; start the sale again",
    "sale.line_not_valid": ("The cart's line {name} does not match the store's records; remove it "
                            "and add it again"),
    "sale.product_gone": "{name} is no longer sold; remove it from the cart",
    "sale.price_not_current": ("The price of {name} is {price:money} and no approved override says"
                               " otherwise; remove the line and add it again"),
    "sale.discount_not_approved": ("The discount on {name} is more than a {role:msg} may give "
                                   "({limit:percent} of the line) and no manager approved it as it"
                                   " is now; give the discount again"),
    "field.code": "The code",
    "field.receipt": "The receipt number",
    "field.search": "The search",
    "correction.request_reused": ("That request was already used for {receipt}, another "
                                  "correction; try again"),
    # --- reports -------------------------------------------------------------------------
    "report.bad_month": "{month} is not a month: write it as YYYY-MM, e.g. 2026-11",
    "report.period_backwards": "The period ends ({end}) before it starts ({start})",
    "report.period_too_long": "A report covers at most {days} days: choose a shorter period",
    "report.month_or_dates": "Give either --month or --from/--to, not both",
    "report.period_needs_from": ("A period report needs --from DATE (and --to DATE, default today)"
                                 " or --month YYYY-MM"),
    # --- IMEIs and stock that may not go below zero --------------------------------------
    "serial.not_imei": ("'{serial}' is not a valid IMEI for {name}: an IMEI is 15 digits, the last"
                        " one a check digit"),
    "serial.imei_check_digit": ("IMEI {serial} of {name} has a wrong check digit: a digit was "
                                "mistyped or two were swapped; check it against the box or dial "
                                "*#06#"),
    "stock.short": ("Only {stock:number} of {name} in stock and this sale takes {asked:number}: "
                    "nothing was sold. Receive the stock first, or a manager may allow selling "
                    "below zero (setting allow_negative_stock)"),
    # --- service-card coverage, maker's warranty, gifts, sheet ownership -----------------
    "checklist.needs_scope": ('needs scope = "software", "hardware" or "screen": what the card '
                              "covers"),
    "checklist.needs_starts": ('needs starts = "sale" or "warranty_end": whether its cover begins '
                               "at the sale or when the maker's warranty ends"),
    "checklist.gift_boolean": "gift must be true or false",
    "checklist.gift_is_free": 'a gift is free: its pack_price is "0.00" or left out, not {price}',
    "checklist.zero_needs_gift": "pack_price is 0: an item given free is marked gift = true",
    "checklist.category_owned": ("category '{code}' is on sheet '{owner}'; importing it on sheet "
                                 "'{sheet}' would move it: take it off one of the two sheets, or "
                                 "import with --move-categories"),
    "catalog.bad_warranty": ("'{text}' is not a warranty: write the maker's warranty in whole "
                             "months from 0 to {max}, or leave it empty for the category's"),
    "card.unit_warranty_unknown": ("{card} begins when the maker's warranty of {name} ends, and "
                                   "the catalog does not say how long that warranty is: set "
                                   "warranty_months for the product or its category"),
    "coverage.term": "{what:msg} for {months} months {when:msg}{dates:msg}",
    "coverage.lifetime": "{what:msg} for life, {when:msg}{dates:msg}",
    "coverage.from_sale": "from the sale",
    "coverage.after_maker": "after the maker's {months}-month warranty",
    "coverage.after_maker_unknown": "after the maker's warranty",
    "coverage.until": " (to {end:date})",
    "coverage.between": " ({start:date} to {end:date})",
    "coverage.since": " (from {start:date})",
    "coverage.period": "{what:msg} from {start:date} to {end:date}",
    "coverage.what.on_site.software": "On-site software service",
    "coverage.what.carry_in.software": "Carry-in software service",
    "coverage.what.on_site.hardware": "On-site hardware warranty",
    "coverage.what.carry_in.hardware": "Carry-in hardware warranty",
    "coverage.what.on_site.screen": "On-site screen-break cover",
    "coverage.what.carry_in.screen": "Carry-in screen-break cover",
    "coverage.maker_warranty": "Maker's warranty: {months} months",
    "coverage.no_maker_warranty": "Maker's warranty: none",
    # --- settings a manager can change (issue 13) ----------------------------------------
    "setting.unknown": "There is no setting {key}; the settings are {known:list}",
    "setting.too_long": "{key} was not changed: the value is longer than {most:number} characters",
    "setting.unreadable": ("{key} was not changed: {text} cannot be read; write a number, true "
                           "or false, a word, or JSON"),
    "setting.managers_only": "Only a manager or an administrator may change the store's settings",
    "setting.unchanged": "{key} is already {value}: nothing was changed",
    "setting.changed": "{key} changed from {old} to {new}",
    "setting.bad_value": "{key} was not changed: it takes {expected:msg}",
    "setting.at": "{where:path}: {problem:msg}",
    "setting.need_whole": ("a whole number from {low:number} to {high:number} is needed, not "
                           "{value}"),
    "setting.need_object": "a JSON object is needed, not {value}",
    "setting.need_list": "a list [...] is needed, not {value}",
    "setting.too_many": "at most {most:number} entries",
    "setting.need_text": "text of 1 to {most:number} characters is needed, not {value}",
    "setting.need_bool": "true or false is needed, not {value}",
    "setting.need_choice": "one of {allowed:list} is needed, not {value}",
    "setting.missing": "missing: {names:list}",
    "setting.not_known_here": "not known here: {names:list} (known: {known:list})",
    "setting.no_such_category": "no category has the code {code}",
    "setting.no_such_terminal": "no terminal has the code {code}",
    "setting.no_such_staff": "no staff member is called {name}",
    "setting.staff_twice": "{name} is already paid by the scheme {scheme}",
    "setting.twice": "{value} is named twice",
    "setting.scheme_code": ("a code of lower-case letters, digits and hyphens is needed, not "
                            "{value}"),
    "setting.needs_categories": "the basis categories needs at least one category code",
    "setting.no_categories": "the basis {basis} takes no categories",
    "setting.step": ("a step is [threshold in fen, rate in basis points from 0 to "
                     "{high:number}], not {value}"),
    "setting.steps_order": "the first step's threshold is 0 and each next one is higher",
    "setting.printer_uri": ("{value} is not a printer address; it starts with {schemes:list} "
                            "and ://"),
    "setting.encoding": "{value} is not a text encoding such as gb18030",
    "setting.expect.discount_limit_bp": ("for each role ({roles:list}) a whole number of basis "
                                         "points from 0 to {high:number} (100 = 1%)"),
    "setting.expect.pin_min_digits": ("for each role ({roles:list}) a whole number of digits "
                                      "from {low:number} to {high:number}"),
    "setting.expect.account_days": ("whole days for consumer (0 to {consumer:number}) and "
                                    "business (0 to {business:number}), e.g. {example}"),
    "setting.expect.printers": ("for each terminal code its printers ({fields:list}), e.g. "
                                "{example}"),
    "setting.expect.margin_threshold_bp": ("a whole number of basis points from 0 to "
                                           "{high:number} (500 = 5%)"),
    "setting.expect.allow_negative_stock": "true or false",
    "setting.expect.imei_categories": ("a list of category codes, e.g. [\"PHONE\", \"TABLET\"] "
                                       "(or PHONE,TABLET)"),
    "setting.expect.commission_schemes": ("a list of schemes, each with code, name, basis "
                                          "({bases:list}), categories (for the basis "
                                          "categories), period (month), steps [[threshold in "
                                          "fen, rate in basis points], ...] from 0 up, roles "
                                          "({roles:list}) and staff (names)"),
    "setting.help.discount_limit_bp": ("Largest line discount each role may give without a "
                                       "manager, in basis points (100 = 1%)"),
    "setting.help.pin_min_digits": "Fewest digits a new PIN may have, per role (4 to 8)",
    "setting.help.account_days": ("Days a sale may stay on account: consumers at most 3, "
                                  "business customers at most 30"),
    "setting.help.printers": ("Each terminal's printers: receipt and documents addresses, paper "
                              "width, sheet after sale, encoding (pos printers set changes one "
                              "terminal)"),
    "setting.help.margin_threshold_bp": ("A line sold under this margin (basis points of its "
                                         "price) counts as sold without profit"),
    "setting.help.allow_negative_stock": "Whether a sale may take a product's stock below zero",
    "setting.help.imei_categories": ("Categories whose serial numbers must be valid IMEIs (15 "
                                     "digits with a check digit)"),
    "setting.help.commission_schemes": ("Commission schemes: stepped monthly rates on a basis, "
                                        "paid to staff by name or by role"),
    "setting.is_default": "default",
    "setting.is_changed": "changed",
    "store.is_a_setting": ("{names:list}: a setting, not a store detail; change it with pos "
                           "settings set KEY VALUE"),
    # --- settings from a file (issue 13) -------------------------------------------------
    "setting.file_not_utf8": "{path} must be UTF-8 text (JSON)",
    # --- the till's sheet: a free gift ---------------------------------------------------
    "sheet.gift_row": "Given free: {parts}",
    # --- add-on history (issue 14) -------------------------------------------------------
    "addon.unit_unknown": "No unit sold earlier has the line number {line}",
    # --- first run: pos setup and the wizard (issue 14) ----------------------------------
    "setup.already_set_up": ("This database already has a store, '{name}'; nothing was changed. "
                             "Change its details with pos store set and its settings with pos "
                             "settings set (at the till: Settings [F10])"),
    "setup.needs_store_name": "The store needs a name",
    "setup.bad_phone": ("'{phone}' is not a phone number: digits, with spaces, dashes, brackets or"
                        " a leading +"),
    "setup.bad_tax_id": ("'{tax_id}' is not a tax ID: letters and digits (spaces and dashes "
                         "between them)"),
    "setup.tax_id_check": ("'{tax_id}' is not a valid unified social credit code: a character is "
                           "mistyped (its check character does not match)"),
    "setup.bad_locale": "'{locale}' is not a language of the till; choose one of {allowed:list}",
    "setup.bad_till_code": ("'{code}' is not a till code: 1 to {most} letters, digits or dashes, "
                            "such as T01"),
    "setup.till_twice": "Till {code} is listed twice",
    "setup.needs_till": "Add at least one till",
    "setup.this_till_missing": ("This computer is till {code}, which is not among the tills set up"
                                " ({codes:list}); add it (or start with --terminal CODE to be "
                                "another one)"),
    "setup.bad_till_arg": "'{text}' is not a till: give CODE=Name, such as T01=Front till",
    "setup.needs_admin_name": "The administrator needs a name",
    "setup.file_too_big": "{path} is larger than {most} MB",
    "setup.missing_options": "pos setup without a terminal to ask on needs {options:list}",
    "setup.test_print_failed": ("The store is set up, but the test page did not print: "
                                "{reason:msg}. Check the printer, then set it again: pos printers "
                                "set --receipt URI"),
    "field.store_name": "The store's name",
    "field.phone": "The phone number",
    "field.tax_id": "The tax ID",
    "field.till_name": "The till's name",
    # --- close shift (issue 14) ----------------------------------------------------------
    "setting.expect.close_shift_show_expected": "true or false",
    "setting.help.close_shift_show_expected": ("Whether the close-shift count shows the expected "
                                               "cash before the count is in (false: a blind count)"),
    # --- close shift (issue 14) ----------------------------------------------------------
    "print.no_z_report": "No closed shift has the Z report {ref}",
    # --- a product added at the till (pos.catalog.new_product) ---------------------------
    "catalog.add_managers_only": "Only a manager or an administrator may add a product",
    "catalog.price_positive": "The price must be more than zero",
    # --- receipt QR codes (issue 15) -----------------------------------------------------
    "setting.need_qr_text": ("text of at most {most:number} characters, without control "
                             "characters, is needed, not {value}"),
    "setting.need_web_address": ("a web address starting with http:// or https:// and a host, "
                                 "without spaces, is needed, not {value}"),
    "setting.expect.einvoice_qr": ("the store's e-invoice web address (https://…) or text of up to"
                                   " {most:number} characters; empty for none"),
    "setting.help.einvoice_qr": ("What the receipt's second QR code holds, for the customer to "
                                 "scan and ask for an e-invoice (empty: no such QR code)"),
    # --- X and Z reports at the command line (issue 15) ----------------------------------
    "tender_name.cash": "Cash",
    "tender_name.bank_card": "Bank card",
    "tender_name.wechat": "WeChat Pay",
    "tender_name.alipay": "Alipay",
    "tender_name.voucher": "Voucher",
    "tender_name.on_account": "On account",
    "tender_name.exchange": "Exchange credit",
    "report.x_heading": "X report {terminal}, shift {shift} open since {opened}",
    "report.x_sales": "sales {count}  {total}   returns/voids {returns}",
    "report.x_expected": "expected cash in drawer {amount}",
    "report.z_heading": ("Z {number} {terminal}: shift {shift} {opened} to {closed}, {count} sales"
                         " {total}, returns/voids {returns}"),
    "report.z_cash": "expected cash {expected}, counted {counted}, over/short {over_short}",
    # --- database timeouts (issue 16) ----------------------------------------------------
    "db.timeout": ("The database {where} did not answer within {seconds} s: check the network "
                   "and the server, then try again"),
    "db.bad_timeout": "{variable} must be a number of seconds from {min} to {max}, not '{value}'",
    "till.db_no_answer": ("The database did not answer in {seconds} s; the sale stays in the cart."
                          " Try again"),
    "till.db_unreachable": ("The database cannot be reached just now; the sale stays in the cart. "
                            "Try again"),
    # --- journal verify from a checkpoint (issue 16) -------------------------------------
    "journal.anchor_unknown": ("No journal entry carries the anchor {anchor}: check the code "
                               "printed on the Z report (16 hexadecimal digits), or verify the "
                               "whole journal without --from-anchor"),
    "journal.no_z_report": ("No Z report has been closed yet, so there is no anchor to start from:"
                            " verify the whole journal without --from-anchor"),
    # --- catalog import (streaming) ------------------------------------------------------
    "import.more_problems": "…and {count} more problems: the first {shown} are listed",
    # --- backups and upgrades (issue 17) -------------------------------------------------
    "setting.expect.backup_keep": "a whole number of backups from 1 to {most:number}",
    "setting.expect.backup_second_folder": ("a folder's path of at most {most:number} characters "
                                            "(a USB stick or a network share), or \"\" for none"),
    "setting.expect.backup_interval_hours": ("a whole number of hours from 0 to {most:number} (0: "
                                             "only at every Z close)"),
    "setting.help.backup_keep": ("How many backups of the database are kept (in the data folder's "
                                 "backups and in the second folder); older ones are deleted."),
    "setting.help.backup_second_folder": ("A folder that also gets a copy of every good backup: a "
                                          "USB stick or a network share."),
    "setting.help.backup_interval_hours": ("How often the open app backs up the database, in hours"
                                           " (it also backs up at every Z close)."),
    "setting.need_folder": ("a folder's path of at most {most:number} characters, without control "
                            "characters, is needed, not {value}"),
    "backup.sqlite_only": ("This database is not an SQLite file: back up a PostgreSQL database "
                           "with pg_dump or a base backup on its server (README: Backups)"),
    "backup.pg_remote": ("The database is on another server ({host}): back it up on that server "
                         "with pg_dump or pg_basebackup (README: Backups)"),
    "backup.pg_dump_missing": ("pg_dump was not found: install PostgreSQL's client tools (the "
                               "server's major version or newer) or put pg_dump on the PATH"),
    "backup.pg_dump_failed": "pg_dump could not back up the database: {reason}",
    "backup.not_good": ("The backup was taken but did not check good, so it does not count: "
                        "{problem}"),
    "restore.no_file": "{path} is not there",
    "restore.not_good": "{path} cannot be restored: {problem}",
    "restore.schema_unknown": ("{path} is at schema {revision}, which this version of Tickbox POS "
                               "does not know: restore it with the newer version that made it"),
    "restore.target_not_empty": ("{path} already holds a database: restore into a new, empty data "
                                 "folder"),
    "restore.over_live_refused": ("That would replace the live database {path}: close every till, "
                                  "then give --over-live and type RESTORE when asked"),
    "restore.not_sqlite": ("pos restore puts back an SQLite backup file; restore a PostgreSQL dump"
                           " with pg_restore (README: Backups)"),
    "upgrade.backup_failed": ("Before upgrading the database from schema {current} to {head}, a "
                              "backup could not be made and checked: {problem}. Nothing was "
                              "changed; free some disk space in the data folder and start again."),
    "upgrade.failed": ("Upgrading the database from schema {current} to {head} failed: {reason}. "
                       "The database was put back as it was from the backup {backup}; nothing was "
                       "lost. Keep using the previous version of Tickbox POS and send the logs in "
                       "the data folder to support."),
    "upgrade.failed_not_restored": ("Upgrading the database from schema {current} to {head} "
                                    "failed: {reason}; putting the backup back failed too: "
                                    "{problem}. Do not sell from this till: restore {backup} with "
                                    "pos restore (README: Backups)."),
    # --- restoring a backup (issue 17) ---------------------------------------------------
    "restore.no_key": ("The store's key {path} is not there: put the store's store.key (from the "
                       "old till's data folder, or its safe copy) there first, so the backup's "
                       "journal can be checked"),
    # --- stock per store -----------------------------------------------------------------
    "store.unknown": "There is no store {store}",
    "store.exists": "Store {store} already exists",
    "store.code_invalid": "A store code is 1 to 20 letters, digits or dashes, like S02",
    "store.name_required": "Give the store a name",
    "store.terminal_has_sales": ("Till {terminal} has sales at its store: it cannot move to "
                                 "another store"),
    "stock.same_store": "A transfer goes to another store, not to {store} itself",
    "stock.negative_quantity": "Quantities are whole numbers of at least 1 ({text})",
    "stock.negative_count": "A counted quantity is a whole number of 0 or more ({text})",
    "stock.nothing_to_post": "There is nothing to post: add at least one line",
    "stock.product_unknown": "No product {code} in the catalog",
    "stock.short_at_store": ("Only {stock:number} of {name} at {store} and this takes "
                             "{asked:number}: nothing was posted"),
    "stock.serial_received_twice": ("Serial {serial} is already in stock or was already received: "
                                    "a unit is received once"),
    "stock.serial_repeated": "Serial {serial} appears twice in this document",
    "stock.serial_is_sold": ("Serial {serial} was sold on {receipt}: it cannot be received as new "
                             "stock (a customer's return goes through Returns)"),
    "stock.serial_count_mismatch": ("{name} is serial-tracked: scan one serial per unit "
                                    "({quantity:number} units, {serials:number} serials)"),
    "stock.serial_needed": "{name} is serial-tracked: give each unit's serial number",
    "stock.serial_not_tracked": "{name} does not take serial numbers",
    "stock.serial_unknown": "Serial {serial} is not known to the store",
    "stock.serial_at_store": ("Serial {serial} is in stock at {store}, not here: transfer it "
                              "first, or a manager may override"),
    "stock.serial_in_transit": ("Serial {serial} is in transit to {store}: receive the transfer "
                                "first"),
    "stock.serial_unavailable": "Serial {serial} is {state:msg} and cannot be used here",
    "stock.serial_not_received": ("Serial {serial} of {name} was never received into stock (this "
                                  "store sells only received serials): receive it first, or a "
                                  "manager may override"),
    "stock.serial_not_here": "Serial {serial} is not in stock at {store}",
    "stock.count_already_posted": "Count {count} was already posted",
    "stock.count_unknown": "There is no open stock count {count}",
    "stock.transfer_unknown": "There is no transfer {transfer}",
    "stock.transfer_already_received": "Transfer {transfer} was already received ({doc})",
    "stock.transfer_not_for_store": "Transfer {transfer} goes to {store}, not here",
    "stock.transfer_more_than_sent": ("{received:number} of {name} received but only {sent:number}"
                                      " were sent"),
    "stock.transfer_serial_not_sent": "Serial {serial} is not on transfer {transfer}",
    "stock.reason_required": "Choose a reason",
    "stock.reason_invalid": "'{reason}' is not a reason here; use one of {allowed:list}",
    "stock.scope_invalid": "A count covers category:CODE or shelf:NAME, not '{scope}'",
    "stock.supplier_required": "Give the supplier and the delivery note number",
    "stock.cost_invalid": "'{text}' is not a cost (an amount like 129.00)",
    "stock.reorder_invalid": "A reorder point is a whole number of 0 or more",
    "stock.document_unknown": "There is no stock document {doc}",
    "stock.not_serial_state": "Serial {serial} is {state:msg}; this needs it {needed:msg}",
    "stock.state.in_stock": "in stock",
    "stock.state.returned": "returned (in stock)",
    "stock.state.in_transit": "in transit",
    "stock.state.sold": "sold",
    "stock.state.repair": "sent for repair",
    "stock.state.written_off": "written off",
    "stock.kind.opening": "opening stock",
    "stock.kind.receipt": "goods received",
    "stock.kind.transfer_out": "transfer sent",
    "stock.kind.transfer_in": "transfer received",
    "stock.kind.count": "stock count",
    "stock.kind.adjust": "adjustment",
    "stock.kind.write_off": "write-off",
    "stock.reason.opening": "opening",
    "stock.reason.supplier": "from supplier",
    "stock.reason.transfer": "transfer",
    "stock.reason.damaged": "damaged",
    "stock.reason.demo_unit": "demo unit",
    "stock.reason.lost": "lost",
    "stock.reason.found": "found",
    "stock.reason.count_difference": "count difference",
    "stock.reason.transit_short": "short on arrival",
    "stock.reason.repair_out": "sent for repair",
    "stock.reason.repair_back": "back from repair",
    "stock.reason.till_override": "manager override at the till",
    "stock.reason.correction": "correction",
    "import.stock": "stock file",
    # --- stock per store: settings -------------------------------------------------------
    "setting.need_serial_stock": "lenient or strict, not {value}",
    "setting.expect.serial_stock": "lenient or strict",
    "setting.help.serial_stock": ("Which serials the till sells: strict, only units received into "
                                  "this store's stock; lenient, also a serial never seen before "
                                  "(it becomes a unit as it is sold)"),
    # --- stock per store: catalog --------------------------------------------------------
    "catalog.stock_needs_store": ("The file sets stock, but there is no store to hold it: add the "
                                  "store first"),
    # --- stock per store: files and commands ---------------------------------------------
    "stock.serial_repeated_line": "serial {serial} is already on line {line}",
    "stock.product_repeated_line": "{code} is already on line {line}",
    "stock.adjust_zero": "an adjustment adds (+N) or takes (-N) at least one unit, not '{text}'",
    "stock.serial_one_unit": "a row with a serial moves one unit, not {quantity}",
    "stock.cli.posted": ("{kind:msg} {doc} posted at {store}: {lines:number} lines, {units:number}"
                         " units"),
    "stock.cli.replayed": ("{kind:msg} {doc} was already posted for this request: nothing new was "
                           "written"),
    "stock.cli.short": "  {name} ({sku}): {sent:number} sent, {received:number} received",
    "stock.cli.missing_serials": "    serials not received: {serials:list}",
    "stock.cli.imported": ("stock set at {store}: {products:number} products in the file, "
                           "{documents:number} opening documents, {points:number} reorder points"),
    "stock.cli.count_started": ("count {count} started at {store} ({scope}): {rows:number} rows "
                                "scanned"),
    "stock.cli.reorder_set": "reorder point of {sku} at {store}: {point:number}",
    "stock.cli.store_added": "store {store} added: {name}",
    "stock.cli.no_rows": "no stock to show",
    "stock.cli.no_transfers": "no open transfers",
    "stock.cli.list_header": ("store  sku                  on hand  reserved  in transit  reorder"
                              "  name"),
    "stock.cli.low": "low",
    "stock.cli.transfer_line": ("{doc}  {from_store} -> {to_store}  sent {sent}  {units:number} "
                                "units{received}"),
    "stock.cli.transfer_received": ", received {doc}",
    "stock.cli.lookup_head": "{sku}  {name}",
    "stock.cli.lookup_store": ("  {store} {store_name}: on hand {on_hand:number}, in transit "
                               "{in_transit:number}"),
    "stock.cli.lookup_serials": "    serials: {serials:list}",
    "stock.cli.serial_head": "serial {serial}: {name} ({sku}), {state:msg}{where}",
    "stock.cli.serial_where": " at {store}",
    "stock.cli.serial_event": "  {at}  {kind}  {document}  {store}  -> {state:msg}{more}",
    "stock.cli.stores_header": "code     name",
    "stock.pin_needs_staff": "--pin checks the PIN of the staff member named by --staff",
    # --- stock per store: movements (P2a) ------------------------------------------------
    "stock.managers_only": "Only a manager or an administrator may {action:msg}",
    "stock.action.adjust": "adjust stock",
    "stock.action.write_off": "write off stock",
    "stock.action.reorder_point": "set a reorder point",
    "stock.request_reused": "This request was already used for stock document {doc}",
    "stock.serial_ambiguous": ("Serial {serial} belongs to several products ({skus}); give the "
                               "product too"),
    # --- stock per store: counts and serials ---------------------------------------------
    "stock.count_managers_only": "Only a manager or an administrator may post a stock count",
    "stock.count_other_category": "{name} is in category {category}, not in this count ({scope})",
    "stock.count_not_yours": ("Count {count} was started by {name}: only they or a manager may "
                              "discard it"),
    "stock.count_serial_not_scanned": "Serial {serial} was not scanned in this count",
    "stock.serial_several_products": ("Serial {serial} belongs to more than one product "
                                      "({names:list}): scan the product first, then the serial"),
    # --- stock per store: the till (P4) --------------------------------------------------
    "action.serial_override": "bring a serial unit to this store at the till",
    "stock.serial_already_here": ("Serial {serial} is already in stock at {store}: there is "
                                  "nothing to override"),
    # --- stock: reports ------------------------------------------------------------------
    "stock.report_kind_unknown": "'{kind}' is not a kind of movement; use one of {allowed:list}",
    "stock.aged_days_invalid": "The age is a whole number of days, 0 or more ({days})",
    # --- stock per store: movements, fields (P2a) ----------------------------------------
    "field.supplier": "The supplier",
    "field.delivery_note": "The delivery note number",
    # --- stock per store: stock screen ---------------------------------------------------
    "stock.lookup_nothing": ("No product has the barcode or SKU {code}, and no unit has it as its "
                             "serial"),
    # --- stock per store: files and commands (2) -----------------------------------------
    "cli.bad_request_id": "'{text}' is not a request id (a uuid such as 0b6f4c1e-...)",
    "stock.cli.reorder_cleared": "{sku} at {store} has no reorder point now",
    # --- stock per store: files and commands (3) -----------------------------------------
    "stock.shelf_zero": ("a shelf count lists what is on the shelf: leave out what is not there (a"
                         " category count sets what it does not find to 0)"),
    # --- accounts, quotes, pre-orders, leads (issue 19) ----------------------------------
    "setting.expect.account_credit_limit": ("the credit limit a new account gets per customer "
                                            "kind, in fen, null for none, e.g. {example}"),
    "setting.expect.account_block_overdue": "true or false",
    "setting.expect.quote_valid_days": "a whole number of days from {low} to {high}",
    "setting.expect.followup_cadence": ("the days before a prospect is visited again and the "
                                        "business customer contacts a month, e.g. {example}"),
    "setting.expect.visits_per_day_target": "a whole number of visits from {low} to {high}",
    "setting.help.account_credit_limit": ("The credit limit an account gets when it is opened, per"
                                          " customer kind (fen; null: no limit)"),
    "setting.help.account_block_overdue": ("Whether the till refuses a sale on account while one "
                                           "of the account's invoices is overdue"),
    "setting.help.quote_valid_days": ("How many days a quote stands unless another date is given "
                                      "(90 at most)"),
    "setting.help.followup_cadence": ("When a visited prospect is due again, and how often a month"
                                      " an owned business customer is contacted"),
    "setting.help.visits_per_day_target": "The visits a customer manager should make in a day",
    "role.customer_manager": "customer manager",
    "action.account_open": "open a customer account or change its terms",
    "action.account_transfer": "pass an account to the big-account team",
    "action.account_write_off": "write off an account's debt",
    "action.deposit_refund": "refund a pre-order's deposit",
    "action.quote_after_expiry": "sell at an expired quote's prices",
    "tender_name.deposit": "Deposit",
    "tender_name.transfer": "Bank transfer",
    "account.kind.payment": "Payment",
    "account.kind.write_off": "Write-off",
    "account.kind.allocate": "Credit applied",
    "account.kind.deposit": "Deposit",
    "account.kind.deposit_refund": "Deposit refund",
    "account.kind.invoice": "Sale on account",
    "account.kind.sale_credit": "Refund to account",
    "account.state.open": "open",
    "account.state.transferred": "with the big-account team",
    "account.state.closed": "closed",
    "lead.state.open": "open",
    "lead.state.quoted": "quoted",
    "lead.state.won": "won",
    "lead.state.lost": "lost",
    "lead.state.transferred": "handed over",
    "lead.kind.smb": "small business",
    "lead.kind.government": "government purchase",
    "lead.kind.staff_referral": "referred by staff",
    "lead.kind.walk_in": "walk-in",
    "team.business": "business team",
    "team.big_accounts": "big-account team",
    "quote.state.open": "open",
    "quote.state.accepted": "accepted",
    "quote.state.converted": "sold",
    "quote.state.cancelled": "cancelled",
    "quote.state.expired": "expired",
    "preorder.state.open": "open",
    "preorder.state.completed": "completed",
    "preorder.state.cancelled": "cancelled",
    "account.none": "{customer} has no account: a manager opens one before selling on account",
    "account.exists": "{customer} already has an account",
    "account.over_limit": ("{customer}'s account would go over its limit: limit {limit:money}, "
                           "owing {balance:money}, this sale {amount:money}. Nothing was sold"),
    "account.overdue": ("{customer} owes {amount:money} overdue by {days} days: take a payment "
                        "before selling on account"),
    "account.transferred": ("{customer}'s account is with the big-account team: no more sales on "
                            "account"),
    "account.term_too_long": "An account's term for a {kind:msg} is at most {most} days",
    "account.limit_negative": "A credit limit cannot be below zero",
    "account.payment_not_positive": "A payment must be more than zero",
    "account.payment_over_balance": ("The payment {amount:money} is more than the {balance:money} "
                                     "owed: record the rest as a credit, or take less"),
    "account.invoice_unknown": "{receipt} is not an open invoice on this account",
    "account.invoice_other_customer": "{receipt} is another customer's invoice",
    "account.invoice_settled": "{receipt} is already settled",
    "account.pick_over_open": ("{receipt} has {open:money} open; {asked:money} cannot be applied "
                               "to it"),
    "account.balance_changed": ("The account changed while this was being posted: look at it again"
                                " and retry"),
    "account.write_off_reason": "A write-off needs a reason",
    "account.write_off_over_open": "Only {open:money} is open; {asked:money} cannot be written off",
    "account.cash_needs_till": "Cash is taken at a till with an open shift",
    "account.bad_tender": ("A payment on account is made in cash, by card, by transfer, WeChat Pay"
                           " or Alipay"),
    "account.nothing_open": "{customer} owes nothing",
    "customer.unknown": "No customer '{customer}': give a phone number or #id",
    "customer.bad_tax_id": "'{tax_id}' is not a tax id: 15 to 20 letters and digits",
    "customer.bad_bank_account": "'{account}' is not a bank account number: 8 to 32 digits",
    "quote.needs_company": ("A quote is for a business customer with a company name; {customer} "
                            "has none"),
    "quote.empty": "A quote needs at least one line",
    "quote.valid_until_past": "A quote cannot end in the past ({date:date})",
    "quote.valid_too_long": "A quote stands at most {days} days",
    "quote.unknown": "No quote {quote}",
    "quote.expired": "Quote {quote} expired on {valid_until:date}: a manager approves its prices",
    "quote.already_converted": "Quote {quote} was already sold as {receipt}",
    "quote.cancelled": "Quote {quote} was cancelled",
    "quote.altered": "Quote {quote} does not match what was issued: it cannot be opened",
    "deposit.not_positive": "A deposit must be more than zero",
    "deposit.needs_customer": "A pre-order needs the customer",
    "deposit.not_whole": "The deposit is used whole: {held:money}",
    "deposit.already_used": "The deposit of {preorder} was already used on {receipt}",
    "deposit.other_customer": "Pre-order {preorder} is another customer's",
    "deposit.not_refund_tender": ("Money is never paid back to a deposit: choose cash or the "
                                  "original tender"),
    "preorder.unknown": "No pre-order {preorder}",
    "preorder.cancelled": "Pre-order {preorder} was cancelled",
    "preorder.product_unknown": "No product '{code}' to pre-order",
    "preorder.quantity": "A pre-order is for 1 to 99 units",
    "lead.needs_contact": "A lead needs a phone number or a WeChat id",
    "lead.needs_name": "A lead needs a contact name",
    "lead.bad_kind": "'{kind}' is not a kind of lead: smb, government, staff_referral or walk_in",
    "lead.unknown": "No lead {lead}",
    "lead.bad_transition": "A lead that is {from:msg} cannot become {to:msg}",
    "lead.lost_needs_reason": "Say why the lead was lost",
    "lead.not_allowed": "Leads are looked after by managers and customer managers",
    "handover.team_unknown": "'{team}' is not a team: business, customer or big_accounts",
    "followup.visit_needs_notes": "A visit needs notes: what was seen and said",
    "followup.bad_week": "'{week}' is not a week: write 2026-W49 or the Monday's date",
    "invoice.needs_details": "An invoice needs the customer's {missing:list}",
    "invoice.already_requested": "An invoice was already requested for {receipt}",
    "invoice.not_a_sale": "{receipt} is not a sale to a customer: no invoice can be requested",
    "invoice.field.company": "company name",
    "invoice.field.tax_id": "tax id",
    # --- customer kinds ------------------------------------------------------------------
    "customer_kind.consumer": "consumer",
    "customer_kind.business": "business customer",
    # --- pre-orders and deposits (issue 19, P4) ------------------------------------------
    "deposit.bad_tender": ("A deposit is taken in cash, by card, WeChat Pay, Alipay or bank "
                           "transfer"),
    "deposit.over_price": ("The deposit {deposit:money} is more than the pre-order's price "
                           "{price:money}"),
    "deposit.over_due": ("The deposit of {preorder} ({held:money}) is more than this sale's "
                         "{due:money}: a manager refunds the deposit and the sale is paid "
                         "otherwise"),
    "deposit.refund_tender": ("A deposit is paid back in cash or the way it was taken "
                              "({tender:msg})"),
    "preorder.bad_price": "A promised price is an amount above zero",
    "preorder.not_open": "Pre-order {preorder} is {state:msg}: nothing to do",
    "field.gift": "The gift",
    # --- quotes and invoices (issue 19, P3) ----------------------------------------------
    "field.bank_name": "The bank's name",
    "customer.bad_owner": "No active staff member {staff} to look after this customer",
    "quote.not_opened": "Quote {quote} is not opened for this sale: open it again",
    "quote.other_customer": "Quote {quote} is for another customer",
    # --- leads and follow-up (issue 19, P5) ----------------------------------------------
    "field.wechat": "The WeChat id",
    "field.need_who": "Who uses it",
    "field.need_what": "What it is for",
    "field.need_can_use": "What they can use",
    "field.need_values": "What they value",
    "field.need_summary": "The summary of the need",
    "lead.won_needs_phone": "A won lead becomes a customer: give the lead a phone number first",
    "lead.owner_unknown": "No staff member {owner} to look after the lead",
    "followup.bad_contact_kind": "'{kind}' is not a contact: call or visit",
    # --- leads and follow-up (issue 19, P5) ----------------------------------------------
    "cli.lead_or_customer": ("Hand over a lead (its number) or a customer (--customer), one of the"
                             " two"),
    # --- customer accounts: receivables (issue 19, P2) -----------------------------------
    "account.bad_days": "Days overdue is a whole number of at least 1",
    "accounts.cli.statement": "Statement of {customer} ({state:msg}), from {start} to {end}",
    "accounts.cli.opening": "Brought forward: {amount:money}",
    "accounts.cli.closing": "Balance: {amount:money}; overdue: {overdue:money}",
    "accounts.cli.nothing": "No account owes anything here",
    "accounts.cli.none_overdue": "No account is overdue",
    "accounts.cli.posted": "{doc} posted: {amount:money}; the balance is now {balance:money}",
    "accounts.cli.replayed": "{doc} was already posted for this request: nothing new was posted",
    "accounts.cli.applied": "  applied to {ref}: {amount:money}",
    "accounts.cli.unapplied": "  kept as a credit: {amount:money}",
    "accounts.cli.opened": ("The account of {customer}: limit {limit}, term {days} days, balance "
                            "{balance:money}"),
    "accounts.cli.no_limit": "none",
    "accounts.cli.transferred": "The account of {customer} passed to the big-account team",
    "accounts.cli.bad_invoice": "--invoice is RECEIPT or RECEIPT=AMOUNT, not '{text}'",
    "accounts.cli.bad_limit": "--limit is an amount or 'none', not '{text}'",
    "accounts.cli.aging_head": "Store  Customer  Current  1-30  31-60  60+  Credit  Total",
    "accounts.cli.overdue_head": "Customer  Oldest due  Days  Overdue  Balance  Big accounts",
    "accounts.cli.statement_head": "Date  Reference  Kind  Debit  Credit  Balance  Due  Open",
    "accounts.cli.written": "written {path}",
    # --- day and shift reports: account money (issue 19, P4) -----------------------------
    "report.shift_account_in": "Payments received on account:",
    "report.shift_deposits_in": "Deposits taken:",
    "report.shift_deposits_out": "Deposits paid back:",
    # --- customer accounts: print (issue 19, P2) -----------------------------------------
    "print.no_account_doc": "No account document has the number {doc}",
    # --- day and shift reports: account money (issue 19, P4) -----------------------------
    "report.store_deposits_held": "Deposits held by {store} (pre-orders): {amount}",
    # --- service jobs, card claims, confirmations (issue 20) -----------------------------
    "setting.expect.service_promise": ("minutes from a request to the technician's arrival, per "
                                       "area, e.g. {example}"),
    "setting.expect.card_confirmations_required": "a whole number from 0 to 5",
    "setting.help.service_promise": ("How soon a technician must arrive, per area (minutes): the "
                                     "city 2 hours, the county 6"),
    "setting.help.card_confirmations_required": ("How many of the five card confirmations a unit "
                                                 "leaving without a card should have had"),
    "job.kind.installation": "installation",
    "job.kind.on_site": "on-site visit",
    "job.kind.repair": "repair",
    "job.state.registered": "registered",
    "job.state.scheduled": "scheduled",
    "job.state.on_the_way": "on the way",
    "job.state.arrived": "arrived",
    "job.state.done": "done",
    "job.state.cancelled": "cancelled",
    "job.state.received": "received",
    "job.state.diagnosed": "diagnosed",
    "job.state.waiting_parts": "waiting for parts",
    "job.state.ready": "ready",
    "job.state.collected": "collected",
    "department.counter": "counter",
    "department.installation": "installation",
    "department.on_site": "on-site",
    "department.repair": "repair",
    "confirm.point.before_agree": "before the sale is agreed",
    "confirm.point.after_agree": "after the sale is agreed",
    "confirm.point.at_payment": "at payment",
    "confirm.point.at_pickup": "at pickup",
    "confirm.point.during_install": "during installation",
    "job.unknown": "No job {job}",
    "job.bad_kind": "'{kind}' is not a kind of job: installation, on_site or repair",
    "job.bad_transition": "A job that is {from:msg} cannot become {to:msg}",
    "job.not_diagnosed": ("Repair {job} was never diagnosed: record the diagnosis before it is "
                          "ready or collected"),
    "job.appointment_past": "An appointment cannot be in the past ({when:datetime})",
    "job.appointment_order": "An appointment ends after it starts",
    "job.unknown_serial": ("No unit {serial} was sold here: only a repair may take it in, as a "
                           "unit not sold here"),
    "job.needs_need": "Say what the customer needs",
    "job.needs_unit": "Say which unit: its serial or the sale",
    "job.bad_area": "'{area}' is not an area of the service promise: {areas:list}",
    "job.needs_area": "An on-site job needs its area: {areas:list}",
    "job.bad_priority": "A job's priority is 1 (urgent), 2 or 3",
    "job.not_allowed": "Jobs are worked by installers, technicians and managers",
    "job.technician_unknown": "No technician '{name}'",
    "job.closed": "Job {job} is closed",
    "job.estimate_negative": "An estimate cannot be below zero",
    "job.needs_fault": "A repair needs the fault as the customer describes it",
    "claim.card_unknown": "No service card {card}",
    "claim.expired": "Card {card} ended on {until:date}: the service is paid",
    "claim.not_started": "Card {card} covers from {start:date}: the service is paid",
    "claim.unit_not_registered": "Unit {serial} is not registered on card {card}",
    "claim.carry_in_only": "Card {card} covers carry-in service only: an on-site visit is paid",
    "claim.outside_scope": "Card {card} covers {what:msg}, not this work: it is paid",
    "claim.card_cancelled": "Card {card} was cancelled (refunded): the service is paid",
    "card.units_full": "Card {card} already covers its {most} units",
    "card.unit_registered": "Unit {serial} is already on card {card}",
    "card.single_unit": "Card {card} covers its own unit only",
    "confirm.bad_point": "'{point}' is not a card confirmation point",
    "confirm.summary": "card confirmed {count} of {required} times",
    # --- service jobs (issue 20, J1) -----------------------------------------------------
    "field.job_need": "The customer's need",
    "field.fault": "The fault",
    "field.accessories": "The accessories left",
    "field.condition": "The condition",
    "field.diagnosis": "The diagnosis",
    "field.job_note": "The note",
    "job.bad_state": "'{state}' is not a job state: {states:list}",
    "job.not_a_repair": "Job {job} is not a repair",
    "job.bad_time": "The time {when:datetime} is before job {job} was registered or in the future",
    "job.needs_diagnosis": "Say what the diagnosis found",
    "job.no_unit_line": "Receipt {receipt} has no unit at line {line}",
    "job.choose_unit": "Receipt {receipt} has several units: say which line or serial",
    "job.unit_not_on_receipt": "Unit {serial} is not on receipt {receipt}",
    "job.no_unit_on_receipt": "Receipt {receipt} has no unit",
    "job.staff_unknown": "No active staff member #{staff}",
    "job.bad_period": "The period ends after it starts",
    "job.list_header": "{count} jobs",
    # --- card claims and business cards (issue 20, J3) -----------------------------------
    "claim.no_card": "No service card covers unit {serial}: the service is paid",
    "claim.no_unit": "Job {job} names no unit: a claim needs the unit's serial",
    "claim.already": "Job {job} already has claim {claim} on card {card} for this work",
    "claim.bad_what": "'{what}' is not what a card covers: software, hardware or screen",
    "claim.covered": "Covered by card {card}: {terms:msg}",
    "card.unit_card_cancelled": "Card {card} was cancelled (refunded): it takes no more units",
    "card.unit_card_expired": "Card {card} ended on {until:date}: it takes no more units",
    "card.unit_other_card": "Unit {serial} is already covered by card {other}",
    # --- service jobs (issue 20, J1) -----------------------------------------------------
    "job.needs_appointment": "Job {job} has no appointment yet: give its date and time window",
    # --- job sheets and selling on jobs (issue 20, J2) -----------------------------------
    "job.no_sheet": ("Job {job} has no sheet: its department ({department:msg}) has none for this "
                     "unit"),
    "job.item_not_on_sheet": "'{item}' is not on the sheet of job {job}",
    "job.item_sold_by_sale": ("'{item}' is sold by selling it on the job (a receipt), not by "
                              "marking it"),
    "job.item_already_sold": "'{item}' was already sold on job {job}",
    "job.call_needs_items": "Say which items were proposed on the call",
    # --- service jobs (issue 20, J1) -----------------------------------------------------
    "job.bad_when": "'{text}' is not a date and time: YYYY-MM-DD HH:MM",
    # --- teams ---------------------------------------------------------------------------
    "team.customer": "customer sales team",
    # --- quotes, pre-orders and invoices: review (issue 19) ------------------------------
    "quote.over_quantity": ("Quote {quote} gives its price for {quantity} × {name} at most: sell "
                            "any more on another sale"),
    # --- quotes, pre-orders and invoices: review (issue 19) ------------------------------
    "deposit.not_voided": ("A sale paid by a pre-order's deposit is not voided (money never goes "
                           "back to a deposit): take the goods back as a return, paid in cash"),
    # --- quotes, pre-orders and invoices: review (issue 19) ------------------------------
    "invoice.voided": "{receipt} was voided: there is nothing to invoice",
    # --- quotes, pre-orders and invoices: review (issue 19) ------------------------------
    "deposit.not_as_taken": ("The deposit held on {preorder} ({held:money}) is not what its "
                             "deposit document took ({taken:money}): it is not spent. Run pos "
                             "journal verify"),
    # --- quotes, pre-orders and invoices: review (issue 19) ------------------------------
    "invoice.refunded": "{receipt} was refunded in full: there is nothing to invoice",
    # --- refunds of sales on account -----------------------------------------------------
    "refund.back_to_account": ("This sale was paid on account and not all of it has been paid: at "
                               "most {most:money} goes back as money; {account:money} goes back to"
                               " the account"),
    # --- quotes, pre-orders and invoices: review (issue 19) ------------------------------
    "quote.none_of_its_lines": ("This sale holds none of quote {quote}'s lines at its prices: it "
                                "does not convert the quote (take the quote off the sale, or sell "
                                "its lines)"),
    # --- quotes, pre-orders and invoices: review (issue 19) ------------------------------
    "invoice.altered": ("The invoice request for {receipt} is not what was sealed when it was "
                        "asked for: nothing exported. Run pos journal verify"),
    # --- chain and sync (issue 21) -------------------------------------------------------
    "sync.not_joined": ("This database has not joined a chain: run pos store join --hq URL --store"
                        " CODE first"),
    "sync.hq_unreachable": ("Head office cannot be reached ({reason}); the store goes on selling "
                            "and sends its documents when the line is back"),
    "sync.unknown_store": ("Head office does not know store {code}: add the store at head office "
                           "first"),
    "sync.not_hq": "{where} is not a head office database: run pos hq init on it first",
    "sync.already_joined": ("Store {code} already sends its documents to head office from another "
                            "database (its journal starts {first}); a second database cannot join "
                            "as the same store"),
    "sync.joined_as_other": "This database already joined the chain as store {code}",
    "sync.no_local_store": "This database has no store {code}: a store joins with its own code",
    "sync.bad_url": "{url} is not a PostgreSQL address (postgresql://user@host/database)",
    "sync.master_older": ("Head office offers master data version {offered}, older than this "
                          "store's {held}: nothing was applied (was head office restored from an "
                          "older copy?)"),
    "hq.chain_gap": ("Store {store}: document #{seq} arrived but head office holds only up to "
                     "#{last}; the store's stream is stopped until this is resolved"),
    "hq.chain_broken": ("Store {store}: document #{seq} does not match the chain ({why}); the "
                        "store's stream is stopped until this is resolved"),
    "hq.stream_stopped": ("Store {store}'s stream is stopped: {error}. A head office manager "
                          "looks, then resumes it (pos hq resume {store})"),
    "hq.schema_differs": ("Store {store} runs schema {store_rev} and head office {hq_rev}: upgrade"
                          " the older one first"),
    "hq.clock_skew": ("Store {store}'s clock is {seconds} s off head office's; its documents keep "
                      "their own times"),
    "hq.serial_twice": "Serial {serial} was sold at {stores}",
    "hq.stock_negative": "Store {store} holds {quantity} of {sku}: below zero",
    # --- chain push and receive (issue 21) -----------------------------------------------
    "hq.why_hash": "its content does not give the hash it carries",
    "hq.why_link": "it does not follow #{prev}: its previous hash differs",
    "hq.why_differs": "it differs from the copy head office received before",
    "hq.why_first": "it is not the first document the store joined with",
    "hq.why_deleted": "it was deleted at the store after it was sealed",
    # --- chain commands and status (issue 21) --------------------------------------------
    "hq.needs_postgres": "Head office runs on PostgreSQL: {where} is not a PostgreSQL database",
    "hq.is_store": ("This database is store {code} of a chain: head office needs a database of its"
                    " own"),
    "hq.unknown_stream": "Head office has no stream from store {store}: it has not joined",
    "sync.is_hq": "This database is head office: a store joins from its own database",
    "sync.no_hq_file": ("This store joined the chain but the head office address file {path} is "
                        "missing or unreadable: run pos store join --hq URL --store CODE again"),
    "sync.joined_other_hq": ("This database already sends its documents to head office {hq}; it "
                             "cannot join another head office"),
    "sync.cli.hq_ready": ("Head office ready on {where}: stores {codes:list}; master data version "
                          "{version}"),
    "sync.cli.demo_loaded": "Demo master data and its three stores loaded",
    "sync.cli.joined": ("Store {code} joined head office {hq}: {rows} rows of its history queued "
                        "to send"),
    "sync.cli.rejoined": "Store {code} had already joined head office {hq}: nothing changed",
    "sync.cli.synced": ("Sent {documents} documents ({rows} rows) in {batches} batches; master "
                        "data version {version} ({pulled} rows received)"),
    "sync.cli.status_store": "Store {code}, head office {hq}",
    "sync.cli.status_waiting": "Waiting to be sent: {documents} documents ({rows} rows)",
    "sync.cli.status_synced": "Synced: nothing waiting",
    "sync.cli.last_ok": "Last sync: {at:datetime}; master data version {version}",
    "sync.cli.never_synced": "Not synced yet; master data version {version}",
    "sync.cli.unreachable_since": "Head office unreachable since {at:datetime}",
    "sync.cli.last_error": "Last error: {error:msg}",
    "sync.cli.terminal_line": ("  Till {terminal}: last receipt {receipt} ({at:datetime}); head "
                               "office holds {received}"),
    "sync.cli.terminal_none": "  Till {terminal}: no receipt yet; head office holds {received}",
    "sync.cli.hq_view": ("At head office: document #{seq} received {received_at}, lag {lag}, "
                         "{state:msg}"),
    "sync.cli.hq_not_asked": "Head office not asked: {reason:msg}",
    "sync.cli.not_joined": "This database has not joined a chain",
    "sync.cli.unknown": "unknown",
    "sync.cli.never": "never",
    "hq.cli.store_line": ("{store} {name}: document #{seq} of {document_at}, received "
                          "{received_at}, lag {lag}, {state:msg}, {alerts} open alerts"),
    "hq.cli.store_not_joined": "{store} {name}: not joined",
    "hq.cli.terminal_line": "  Till {terminal}: last receipt {receipt} ({at:datetime})",
    "hq.cli.state_ok": "stream ok",
    "hq.cli.state_stopped": "stream stopped: {error:msg}",
    "hq.cli.no_alerts": "No open alerts",
    "hq.cli.alert_line": "#{id} {at:datetime} {store}: {text:msg}",
    "hq.cli.resumed": "Store {store}'s stream resumed",
    # --- chain master data and store prices (issue 21) -----------------------------------
    "sync.master_bad_row": ("Head office's master data has a {table} row ({key}) without {field}: "
                            "nothing was applied"),
    "sync.master_missing": ("Head office's {table} row {key} names {parent} {ref}, which this "
                            "store does not hold: nothing was applied"),
    "sync.master_conflict": ("Head office's {table} row {key} clashes with this store's own data "
                             "({detail}): nothing was applied"),
    "sync.store_prices_off": ("This store may not set its own prices: the setting "
                              "store_prices_allowed is off"),
    "sync.prices_managers_only": "Only a manager or an administrator may set the store's own price",
    "sync.no_store_price": "{sku} has no store price to clear: it sells at head office's price",
    "setting.expect.store_prices_allowed": "true or false",
    "setting.help.store_prices_allowed": ("Whether this store may set its own product prices, kept"
                                          " when head office's prices arrive"),
    # --- chain push and receive (issue 21) -----------------------------------------------
    "sync.push_running": ("Another sync of this store is sending its documents just now; this one "
                          "sent nothing (it goes on by itself, or try again when that one ends)"),
    # --- chain commands: durations (issue 21) --------------------------------------------
    "sync.cli.seconds": "{n} s",
    "sync.cli.minutes": "{n} min",
    "sync.cli.hours": "{h} h {m} min",
    "sync.cli.days": "{d} d {h} h",
    # --- chain: head office verify -------------------------------------------------------
    "hq.cli.verified": "Store {store}: {checked} documents verified at head office; head {head}",
    "hq.cli.verify_failed": ("Store {store}: head office's copy fails after {checked} good "
                             "documents: {problem}"),
    # --- chain staff and settings (issue 21) ---------------------------------------------
    "staff.no_pin": ("{name} has no PIN at this store yet: a manager sets it first (pos staff set-"
                     "pin)"),
    "sync.master_bad_setting": ("Head office's setting {key} is refused by this store "
                                "({reason:msg}): nothing was applied"),
    "sync.master_bad_staff": ("Head office's staff member {name} has the role '{role}', which this"
                              " store does not know: nothing was applied"),
    # --- chain: resend -------------------------------------------------------------------
    "sync.cli.resend_queued": ("{rows} rows of store {code} queued to be sent again: once head "
                               "office resumed the stream (pos hq resume {code}), run pos sync"),
    # --- chain: a batch head office does not keep ----------------------------------------
    "hq.batch_table": ("Store {store} sent rows of table {table}, which head office does not keep:"
                       " nothing of the batch was applied"),
    "hq.batch_column": ("Store {store} sent column {column} of table {table}, which head office "
                        "does not keep: nothing of the batch was applied"),
    "hq.batch_key": ("Store {store} sent a row of table {table} without its whole key: nothing of "
                     "the batch was applied"),
}
