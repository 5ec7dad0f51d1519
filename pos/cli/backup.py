"""`pos backup` (a checked backup now: for cron or a Windows scheduled task) and `pos
restore FILE --to NEW_DATA_FOLDER` (a backup checked, then put back into a new data
folder; over the live database only with --over-live and a typed confirmation).
README: Backups."""

from __future__ import annotations

import sys
from pathlib import Path

from pos.backup import files
from pos.backup.restore import restore_over, restore_to_folder
from pos.backup.run import backup_now
from pos.db.location import data_dir, sqlite_path
from pos.db.schema import HEAD
from pos.kernel.errors import UserError

CONFIRM_WORD = "RESTORE"


def register(sub) -> None:
    backup = sub.add_parser("backup", help="back up the database now, checked (SQLite: its "
                            "backup API; PostgreSQL on this machine: pg_dump)")
    # Reads the database only; an older schema is backed up as it is (the app upgrades it).
    backup.set_defaults(run=run_backup, migrate=False, writes=False)
    restore = sub.add_parser("restore", help="check a backup file and restore it into a new "
                             "data folder")
    restore.add_argument("file", help="the backup file (in the data folder's backups/)")
    where = restore.add_mutually_exclusive_group(required=True)
    where.add_argument("--to", metavar="NEW_DATA_FOLDER",
                       help="a new, empty data folder to restore into")
    where.add_argument("--over-live", action="store_true",
                       help="replace the live database (close every till first; asks you to "
                       f"type {CONFIRM_WORD})")
    restore.set_defaults(run=run_restore, migrate=False, writes=False)


def run_backup(args, db, terminal) -> int:
    outcome = backup_now(db, reason="manual")
    where = files.backups_dir() / outcome.file
    if not outcome.good:
        raise UserError("backup.not_good", problem=outcome.problem)
    print(f"backup written and checked: {where} ({outcome.size:,} bytes, schema "
          f"{outcome.revision})")
    if outcome.second_copy == "ok":
        print("  copied to the second folder too")
    elif outcome.second_copy:
        print(f"  warning: {outcome.second_copy}", file=sys.stderr)
    return 0


def run_restore(args, db, terminal) -> int:
    backup = Path(args.file).expanduser()
    if args.to:
        done = restore_to_folder(backup, Path(args.to).expanduser())
        _say_checked(done.check)
        print(f"restored into {done.path}")
        if done.key_copied:
            print("  the store's key (store.key) was copied beside it, so its journal verifies")
        print("next: close the till, then either start it on this folder (set POS_DATA_DIR="
              f"{done.path.parent}) or, with every till closed, move the old data folder "
              f"({data_dir()}) aside and put this folder's files in its place. Check with "
              "`pos journal verify` before selling.")
        return 0
    live = sqlite_path(db.url)
    if live is None:
        raise UserError("restore.not_sqlite")
    print(f"This replaces the live database {live} with {backup}. Every till must be closed.")
    try:
        answer = input(f"Type {CONFIRM_WORD} to go on: ")
    except EOFError:  # nobody to type it (a script, cron): no confirmation
        answer = ""
    if answer.strip() != CONFIRM_WORD:
        raise UserError("restore.over_live_refused", path=str(live))
    if live.exists():
        from pos.backup.sqlite_backup import take_backup

        try:  # the file being replaced is kept too: it may hold what the backup lacks
            before = take_backup(db, reason="before_restore", before="restore")
            print(f"  the live database was backed up first: {files.backups_dir() / before.file}")
        except UserError as exc:
            print(f"  warning: the live database could not be backed up first: {exc}",
                  file=sys.stderr)
    db.dispose()
    done = restore_over(backup, live)
    _say_checked(done.check)
    print(f"restored over {live}. next: start the till; check with `pos journal verify`")
    return 0


def _say_checked(check) -> None:
    journal = (f"journal verified ({check.documents} documents)" if check.journal_checked
               else f"journal checked after the upgrade to {HEAD} at the first start")
    print(f"backup checked: integrity ok, schema {check.revision}, {journal}")
