"""The `pos` command: the app with no arguments, administration with them.

Every command opens the database from --db / POS_DATABASE_URL / the user data folder,
brings its schema up to date (or refuses a newer one), then runs one service call. Each
command group has its module here, with `register(subparsers)` adding its parsers and
the function each one runs.

The database layer and the services are imported by the commands, not at the top: the
app (no arguments) shows its first screen before they load (see ui.app), and `pos` with
no command builds no command's parser.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# The command groups, in the order `pos --help` lists them.
COMMAND_MODULES = ("database", "catalog", "demo", "staff", "store", "journal", "prints",
                   "customers", "reports")


def add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database URL or SQLite file (default: POS_DATABASE_URL, "
                        "else tickbox.db in the user data folder)")
    parser.add_argument("--terminal", help="this till's terminal code (default: POS_TERMINAL or T01)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos", description="Tickbox POS")
    add_common_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"pos.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Opening the app (no command) skips building every command's parser: the till's
    # first screen is timed against a bare Qt window.
    app_only = argparse.ArgumentParser(prog="pos", add_help=False)
    add_common_options(app_only)
    app_args, rest = app_only.parse_known_args(argv)
    if not rest:
        return open_app(app_args)
    args = build_parser().parse_args(argv)
    if args.command is None:
        return open_app(args)
    from pos.db import schema
    from pos.db.engine import Database
    from pos.db.location import resolve_url, this_terminal
    from pos.kernel.errors import UserError

    db = Database(resolve_url(args.db))
    try:
        if getattr(args, "migrate", True):
            done = schema.ensure_schema(db.engine)
            if done != "current":
                print(f"database {done} at schema {schema.head_revision()}", file=sys.stderr)
        return args.run(args, db, this_terminal(args.terminal))
    except UserError as exc:
        from pos.cli.common import refusal_lines

        locale, currency = _reader_locale(db, args)
        print("\n".join(refusal_lines(exc, locale=locale, currency=currency)), file=sys.stderr)
        return 1
    finally:
        db.dispose()


def _reader_locale(db, args) -> tuple[str, str]:
    """The language to say a refusal in (POS_LOCALE, else the store's setting when the
    database answers, else the system's) and the store's currency."""
    import os

    from pos.kernel.translations import choose_locale

    store = None
    try:
        from pos.db.location import this_terminal
        from pos.store.details import store_info

        store = store_info(db, terminal=this_terminal(args.terminal))
    except Exception:  # noqa: BLE001 - no store, no schema, no server: the system decides
        pass
    wanted = os.environ.get("POS_LOCALE") or (store.locale if store else None)
    return choose_locale(wanted), (store.currency if store else "CNY")


def open_app(args) -> int:
    try:
        from ui.app import run_app
    except ImportError as exc:  # Qt itself, or a system library it needs, is missing
        print(f"error: the till cannot open its window: {exc}\n"
              "  Qt (PySide6) and its system libraries are needed; see the README's quick "
              "start. The commands work without them: pos --help", file=sys.stderr)
        return 1
    return run_app(db_url=args.db, terminal=args.terminal)


if __name__ == "__main__":
    sys.exit(main())
