"""`pos support bundle [--out FILE]`: a zip of the logs, versions, settings, failed
print jobs and the database's health, for the store to send (pos.support.bundle).

Reads only, and runs on a database that cannot be migrated or is damaged (what went
wrong is then in the bundle): it is made exactly when something is wrong."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


def register(sub) -> None:
    group = sub.add_parser("support", help="a support bundle to send when something is wrong"
                           ).add_subparsers(dest="action", required=True)
    bundle = group.add_parser("bundle", help="a zip of the logs, versions and settings (no "
                              "PINs, no customers' phone numbers or names)")
    bundle.add_argument("--out", metavar="FILE",
                        help="where to write the zip (default: support/ in the data folder)")
    bundle.set_defaults(run=support_bundle, writes=False, migrate=False)


def support_bundle(args, db, terminal: str) -> int:
    from pos.db.location import data_dir
    from pos.kernel.errors import UserError, os_reason
    from pos.support.bundle import write_bundle

    folder = data_dir()
    out = Path(args.out) if args.out else (
        folder / "support" / f"tickbox-support-{terminal}-{datetime.now():%Y%m%d-%H%M%S}.zip")
    try:
        bundle = write_bundle(db, terminal=terminal, data_folder=folder, out=out,
                              extra_versions=_qt_versions())
    except OSError as exc:
        raise UserError("file.cannot_write", path=str(out), reason=os_reason(exc)) from exc
    for problem in bundle.problems:
        print(f"note: {problem}")
    print(f"support bundle written to {bundle.path} ({len(bundle.members)} files)")
    return 0


def _qt_versions() -> dict[str, str]:
    """Qt's own version, asked of Qt itself where it loads (the `pos` command is the
    composition root; pos.support never imports Qt)."""
    try:
        from ui.versions import qt_versions
    except ImportError:
        return {"qt": "not installed"}
    try:
        return qt_versions()
    except ImportError as exc:  # Qt or a system library it needs is missing
        return {"qt": f"cannot load: {exc}"}
