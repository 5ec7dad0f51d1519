"""The command: one child process per language and screen size, each with an offscreen
screen of exactly that size (so dialogs that fit themselves to the screen see the real
one) and a demo store of its own; the parent gathers what they wrote and what they
found wrong."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

SIZES = ((1366, 768), (1920, 1080))
LOCALES = ("en", "zh_CN")


def parse_size(text: str) -> tuple[int, int]:
    width, height = text.lower().split("x")
    return int(width), int(height)


def arguments(argv=None) -> argparse.Namespace:
    from ui.screenshots import __doc__ as doc

    parser = argparse.ArgumentParser(prog="python -m ui.screenshots",
                                     description=doc.splitlines()[0])
    parser.add_argument("out", nargs="?", help="folder for the PNG files")
    parser.add_argument("--out", dest="out_option", help=argparse.SUPPRESS)
    parser.add_argument("--locale", choices=LOCALES, action="append",
                        help="en or zh_CN (both by default); may be repeated")
    parser.add_argument("--size", type=parse_size, action="append",
                        help="WIDTHxHEIGHT (1366x768 and 1920x1080 by default)")
    parser.add_argument("--screens", help="comma-separated names (all by default)")
    parser.add_argument("--list", action="store_true", help="list the screens and stop")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = arguments(argv)
    from ui.screenshots.screens import SCREENS, TO_ADD

    if args.list:
        for name in SCREENS:
            print(name)
        for name, what in TO_ADD.items():
            print(f"{name}  (to add: {what})")
        return 0
    out = Path(args.out or args.out_option or "screenshots")
    chosen = args.screens.split(",") if args.screens else list(SCREENS)
    unknown = [name for name in chosen if name not in SCREENS]
    if unknown:
        print(f"unknown screens: {', '.join(unknown)} (see --list)", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    if args.child:
        return render(args.locale[0], args.size[0], out, chosen)
    failed = False
    for locale in args.locale or LOCALES:
        for size in args.size or SIZES:
            failed |= run_child(locale, size, out, chosen) != 0
    return 1 if failed else 0


def run_child(locale: str, size: tuple[int, int], out: Path, screens: list[str]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "screen.json"
        config.write_text(json.dumps({"screens": [{
            "name": "till", "x": 0, "y": 0, "width": size[0], "height": size[1],
            "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}))
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
               "POS_DATA_DIR": folder}
        command = [sys.executable, "-m", "ui.screenshots", str(out), "--child",
                   "--locale", locale, "--size", f"{size[0]}x{size[1]}",
                   "--screens", ",".join(screens)]
        result = subprocess.run(command, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        sys.stdout.write(result.stdout)
        if result.returncode != 0:
            sys.stderr.write(result.stderr[-4000:])
        return result.returncode


def render(locale: str, size: tuple[int, int], out: Path, screens: list[str]) -> int:
    """In the child: the demo store, the app's own start, then each screen in turn."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import install_translator, load_services, make_application
    from ui.screenshots.screens import SCREENS
    from ui.screenshots.stage import NotYet, Stage
    from ui.worker import Worker

    app = make_application()
    folder = Path(os.environ.get("POS_DATA_DIR") or tempfile.mkdtemp())
    url = f"sqlite:///{folder / 'demo.db'}"
    subprocess.run([sys.executable, "-m", "pos.cli", "--db", url, "demo", "load",
                    "--locale", locale], check=True, capture_output=True)
    context, people = load_services(url, terminal="T01", worker=Worker(), locale=locale)
    install_translator(app, locale)
    stage = Stage(app, context, people, locale=locale, size=size, out=out)
    failures = 0
    for name in screens:
        try:
            SCREENS[name](stage)
        except NotYet as missing:
            print(f"not yet: {name} ({missing})")
        except Exception:  # noqa: BLE001 - one screen's trouble is reported, the rest go on
            failures += 1
            print(f"failed: {locale} {size[0]}x{size[1]} {name}\n{traceback.format_exc()}")
        finally:
            stage.close_window()
    for path in stage.written:
        print(path)
    for problem in stage.problems:
        print(f"problem: {locale} {size[0]}x{size[1]} {problem}")
    context.worker.pool.waitForDone(5000)
    context.db.dispose()
    return 1 if failures else 0
