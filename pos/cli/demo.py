"""`pos demo load`: fill an empty database with the demo store."""

from __future__ import annotations


def register(sub) -> None:
    group = sub.add_parser("demo", help="the demo store").add_subparsers(dest="action", required=True)
    load = group.add_parser("load", help="fill an empty database with the demo store")
    load.add_argument("--locale", default="en", choices=["en", "zh_CN"])
    load.add_argument("--if-empty", action="store_true",
                      help="do nothing (and succeed) when the database already has data")
    load.set_defaults(run=run)


def run(args, db, terminal) -> int:
    from pos.demo import loader  # the demo tables load only when asked for

    if args.if_empty and not loader.database_is_empty(db):
        print("database already has data; demo store not loaded")
        return 0
    summary = loader.load_demo(db, locale=args.locale, stores=True, crm=True)
    print(f"demo store loaded ({summary.locale}): {summary.categories} categories, "
          f"{summary.products} products, {summary.sheets} sheets with "
          f"{summary.sheet_items} items, {summary.tiers} service tiers")
    for name, role, pin in summary.staff:
        print(f"  staff {name} ({role}), PIN {pin}")
    return 0
