"""`pos settings list|get|set`: the store's settings (pos.store.settings), each value
checked by its rule (pos.store.setting_rules); every change is an audit event sealed in
the journal. The command line is the machine administrator's, like `pos staff add`.

    pos settings list                                  # each: value, default or changed, help
    pos settings get commission_schemes > s.json       # the value as JSON
    pos settings set margin_threshold_bp 800           # a number, true/false, a word or JSON
    pos settings set commission_schemes --file s.json  # a longer value from a file

What is said (help, refusals, the change) is in the reader's language."""

from __future__ import annotations


from pos.cli.common import read_file
from pos.kernel.errors import UserError
from pos.kernel.messages import render
from pos.store import settings

SHOWN_VALUE = 60  # characters of a value `list` shows; `get` shows it whole


def register(sub) -> None:
    group = sub.add_parser("settings", help="the store's settings (discount limits, "
                           "commission schemes, ...)").add_subparsers(dest="action", required=True)
    group.add_parser("list", help="every setting: its value, default or changed, and what it "
                     "does").set_defaults(run=list_settings, writes=False)
    getter = group.add_parser("get", help="one setting's value, as JSON")
    getter.add_argument("key", metavar="KEY")
    getter.set_defaults(run=get_setting, writes=False)
    setter = group.add_parser("set", help="change a setting: KEY VALUE (a number, true or "
                              "false, a word, or JSON), or KEY --file FILE.json")
    setter.add_argument("key", metavar="KEY")
    value = setter.add_mutually_exclusive_group(required=True)
    value.add_argument("value", metavar="VALUE", nargs="?")
    value.add_argument("--file", metavar="FILE", help="read the value (JSON, UTF-8) from FILE")
    setter.set_defaults(run=set_setting)


def _say(db, terminal: str):
    """A renderer in the reader's language: POS_LOCALE, else the store's, else the
    system's (as refusals are said)."""
    from pos.cli.common import reader_locale
    from pos.kernel.translations import load_translations

    translations = load_translations(reader_locale(db, terminal))
    translate = translations.message_template if translations else None
    return lambda message: render(message, translate=translate)


def list_settings(args, db, terminal) -> int:
    say = _say(db, terminal)
    for info in settings.list_settings(db):
        text = info.text
        if len(text) > SHOWN_VALUE:
            text = text[:SHOWN_VALUE - 1] + "…"
        state = say("setting.is_changed" if info.overridden else "setting.is_default")
        print(f"{info.key:<22} {state:<8} {text}")
        print(f"{'':<22} {say(info.help)}")
    return 0


def get_setting(args, db, terminal) -> int:
    print(settings.value_text(settings.read_setting(db, args.key).value, indent=2))
    return 0


def set_setting(args, db, terminal) -> int:
    settings.check_key(args.key)  # before reading a file for a key that is no setting
    text = args.value
    if args.file is not None:
        try:
            text = read_file(args.file).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UserError("setting.file_not_utf8", path=args.file) from None
    change = settings.change_setting(db, key=args.key, value_text=text, staff_id=None)
    print(_say(db, terminal)(change.message))
    return 0
