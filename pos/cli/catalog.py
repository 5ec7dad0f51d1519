"""`pos catalog|categories import|export` (CSV) and `pos checklists import|export` (TOML)."""

from __future__ import annotations

from pos.catalog import checklists, products
from pos.cli.common import read_file, write_file
from pos.kernel.errors import UserError, os_reason

FILES = {
    "catalog": ("products", products.import_catalog_file, products.export_catalog),
    "categories": ("categories", products.import_categories_file, products.export_categories),
    "checklists": ("sheets and tiers", checklists.import_checklists_file,
                   checklists.export_checklists),
}


def register(sub) -> None:
    for command, (what, _, _) in FILES.items():
        kind = "TOML" if command == "checklists" else "CSV"
        group = sub.add_parser(command, help=f"{what} {kind} import/export").add_subparsers(
            dest="action", required=True)
        importer = group.add_parser("import", help=f"create or update {what} from a {kind} file")
        importer.add_argument("file")
        if command == "checklists":
            importer.add_argument(
                "--move-categories", action="store_true",
                help="let a sheet take a category that another sheet (not in the file) has")
        export = group.add_parser("export", help=f"write all {what} to a {kind} file")
        export.add_argument("file")
        export.set_defaults(writes=False)
        if command == "catalog":  # the file's stock column is one store's on-hand
            for parser in (importer, export):
                parser.add_argument("--store", help="the store whose stock the file's stock "
                                    "column is (default: this database's store)")
        sub.choices[command].set_defaults(run=run)


def open_file(path: str):
    """A file opened to read as it streams; refused as read_file refuses it."""
    try:
        return open(path, "rb")  # the caller's with-block closes it
    except OSError as exc:
        raise UserError("file.cannot_read", path=path, reason=os_reason(exc)) from exc


def run(args, db, terminal) -> int:
    _, importer, exporter = FILES[args.command]
    if args.action == "import" and args.command == "catalog":
        # read as it streams: a chain's catalog of a million rows in bounded memory
        with open_file(args.file) as file:
            print(f"{args.command}: "
                  f"{products.import_catalog_stream(db, file=file, store=args.store)}")
    elif args.action == "import":
        options = ({"move_categories": args.move_categories}
                   if args.command == "checklists" else {})
        print(f"{args.command}: {importer(db, data=read_file(args.file), **options)}")
    else:
        options = {"store": args.store} if args.command == "catalog" else {}
        write_file(args.file, exporter(db, **options))
        print(f"{args.command} written to {args.file}")
    return 0
