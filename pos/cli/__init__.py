"""The `pos` command: the app with no arguments, administration with them.

Every command opens the database from --db / POS_DATABASE_URL / the user data folder,
brings its schema up to date (or refuses a newer one), then runs one service call. Each
command group has its module here, with `register(subparsers)` adding its parsers and
the function each one runs.

The database layer and the services are imported by the commands, not at the top: the
app (no arguments) shows its first screen before they load (see ui.app), and `pos` with
no command builds no command's parser.

Before a command that writes (every command but those marked ``writes=False``), the
database file's structure is checked (pos.db.health.quick_check): nothing is written to
a damaged file.

Exit codes, one per kind of failure (the EXIT_ constants below; README: The `pos`
command): 0 done; 1 refused (bad input, a rule of the store); 2 the journal is broken;
3 the database cannot be opened, reached or written; 4 the database file is damaged;
64 a wrong command line; 70 a bug.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

# The command groups, in the order `pos --help` lists them.
COMMAND_MODULES = ("database", "setup", "catalog", "demo", "staff", "store", "stock",
                   "serial", "settings", "journal", "prints", "customers", "reports", "sale",
                   "backup", "support", "accounts", "quotes", "preorders", "leads", "cards",
                   "confirmations", "jobs", "sync", "hq_reports")

EXIT_OK = 0
EXIT_REFUSED = 1          # bad input or a rule of the store; nothing was changed
EXIT_JOURNAL_BROKEN = 2   # pos journal verify: a document fails the journal's check
EXIT_DB_UNAVAILABLE = 3   # the database cannot be opened, reached or written just now
EXIT_DB_DAMAGED = 4       # the database file is damaged: restore it from a backup
EXIT_USAGE = 64           # the command line itself is wrong (as sysexits' EX_USAGE)
EXIT_BUG = 70             # an unexpected error, a bug (EX_SOFTWARE); traceback printed


class CommandParser(argparse.ArgumentParser):
    """argparse with its own exit code for a wrong command line (argparse's 2 is
    `pos journal verify`'s)."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def add_common_options(parser: argparse.ArgumentParser, *, default=None) -> None:
    parser.add_argument("--db", default=default,
                        help="database URL or SQLite file (default: POS_DATABASE_URL, "
                        "else tickbox.db in the user data folder)")
    parser.add_argument("--terminal", default=default,
                        help="this till's terminal code (default: POS_TERMINAL or T01)")


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(prog="pos", description="Tickbox POS")
    add_common_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"pos.cli.{name}").register(sub)
    for command in _commands(parser):
        # --db and --terminal also after the command (pos report day --terminal T02),
        # where they leave what was given before it alone unless given again.
        add_common_options(command, default=argparse.SUPPRESS)
    return parser


def _commands(parser: argparse.ArgumentParser):
    """Every command's own parser (the last word of each command line), depth first."""
    for action in parser._actions:  # noqa: SLF001 - argparse has no public walk
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for child in dict.fromkeys(action.choices.values()):
                has_children = any(isinstance(a, argparse._SubParsersAction)  # noqa: SLF001
                                   for a in child._actions)  # noqa: SLF001
                yield from _commands(child) if has_children else (child,)


def exit_code(error) -> int:
    """The exit code of a refusal."""
    from pos.db.engine import DatabaseDamaged, DatabaseUnavailable
    from pos.kernel.errors import SchemaTooNew

    if isinstance(error, DatabaseDamaged):
        return EXIT_DB_DAMAGED
    if isinstance(error, (DatabaseUnavailable, SchemaTooNew)):
        return EXIT_DB_UNAVAILABLE
    return EXIT_REFUSED


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Opening the app (no command) skips building every command's parser: the till's
    # first screen is timed against a bare Qt window.
    app_only = CommandParser(prog="pos", add_help=False)
    add_common_options(app_only)
    app_args, rest = app_only.parse_known_args(argv)
    if not rest:
        return open_app(app_args)
    args = build_parser().parse_args(argv)
    if args.command is None:
        return open_app(args)
    _start_log(args)
    from pos.cli.common import PrintableOutput
    from pos.db import health, schema
    from pos.db.engine import Database, DatabaseDamaged, DatabaseUnavailable
    from pos.db.location import resolve_url, this_terminal
    from pos.kernel.errors import UserError

    try:
        db = Database(resolve_url(args.db))
    except UserError as exc:  # a limit set wrong (POS_DB_*_TIMEOUT, pos.db.timeouts)
        from pos.cli.common import refusal_lines

        print("\n".join(refusal_lines(exc, locale=_reader_locale(None, args)[0])),
              file=sys.stderr)
        return exit_code(exc)
    try:
        if getattr(args, "writes", True):
            health.quick_check(db)
        if getattr(args, "migrate", True):
            from pos.backup.upgrade import ensure_schema  # a checked backup first

            done = ensure_schema(db)
            if done != "current":
                print(f"database {done} at schema {schema.head_revision()}", file=sys.stderr)
        if getattr(args, "writes", True):
            from pos.ledger.losses import describe_gap, seal_lost_documents

            gap = seal_lost_documents(db)
            if gap is not None:
                print(f"warning: {describe_gap(gap)}; sealed in the journal (pos audit "
                      "--action journal_behind)", file=sys.stderr)
        with PrintableOutput():  # what the database holds never drives the terminal
            return args.run(args, db, this_terminal(args.terminal))
    except UserError as exc:
        from pos.cli.common import refusal_lines

        # The database answers no question when it is what failed.
        database_failed = isinstance(exc, (DatabaseUnavailable, DatabaseDamaged))
        locale, currency = _reader_locale(None if database_failed else db, args)
        print("\n".join(refusal_lines(exc, locale=locale, currency=currency)), file=sys.stderr)
        logging.getLogger("tickbox.cli").info("refused: %s", exc.message_id)
        return exit_code(exc)
    except BrokenPipeError:  # `pos ... | head`: the reader stopped reading; no traceback
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # for the exit flush
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug: loud, with its traceback, own exit code
        import traceback

        from pos.cli.common import bug_line

        traceback.print_exception(exc, file=sys.stderr)
        print(bug_line(), file=sys.stderr)
        logging.getLogger("tickbox.cli").error("bug", exc_info=exc)
        return EXIT_BUG
    finally:
        db.dispose()


def _start_log(args) -> None:
    """The command's words (never its values: a setting's value, a file name) go to the
    rotating logs/cli.log in the data folder (pos.kernel.logs), with any refusal's id
    and any bug's traceback."""
    from pos.db.location import data_dir
    from pos.kernel.logs import CLI_LOG, start_logging

    try:
        start_logging(data_dir(), CLI_LOG)
    except OSError:  # no data folder to write to: the command runs without a file log
        return
    words = [args.command] + [getattr(args, key) for key in ("action", "what")
                              if isinstance(getattr(args, key, None), str)]
    logging.getLogger("tickbox.cli").info("pos %s", " ".join(words))


def _reader_locale(db, args) -> tuple[str, str]:
    """The language to say a refusal in (POS_LOCALE, else the store's setting when the
    database answers, else the system's) and the store's currency."""
    import os

    from pos.kernel.translations import choose_locale

    store = None
    try:
        from pos.db.location import this_terminal
        from pos.store.details import store_info

        if db is not None:
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
