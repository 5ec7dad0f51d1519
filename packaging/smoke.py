#!/usr/bin/env python3
"""Smoke test of the frozen app that `python3 dev.py package` builds: runs the built
`pos` executable, never the sources, in a fresh data folder, offscreen.

    python3 packaging/smoke.py [--dist dist/tickbox-pos] [--starts N]

1. (Linux) every shared library in the folder finds what it links (ldd);
2. `pos demo load`; the app started to its login (below); `pos sale` completes a sale of a notebook with its serial and a bag,
   paid in cash; `pos print sheet` writes its configuration sheet as a PDF; `pos print
   queue --run` prints the sale's receipt and sheet jobs (to PDF: the demo has no
   printer); `pos journal verify` passes; a refusal is said in Chinese (the .ts
   translations are inside); `pos support bundle` writes its zip;
3. the app itself, offscreen (POS_QUIT_AFTER, ui.quit_after): up to its login screen's
   first paint, then up to the till loaded (the database layer, the schema, the till's
   modules), each exiting 0.

Exit 0 when every step passed, 1 at the first that failed (its output printed). With
--starts N, the cold start is timed too: the first start of the frozen app (the first
after the build when run right after it), then N more of it and N of `pos` from the
virtual environment, to the login's first paint (median). Run timings under
`flock /tmp/bench.lock` on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = os.name == "nt"
NOTEBOOK = "6923150020022"  # the demo's Lenovo notebook, serial-tracked, with a sheet
TIMEOUT = 120


class Failed(Exception):
    pass


def run(exe: Path, args: list[str], env: dict, *, expect: int = 0,
        timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    shown = " ".join(["pos", *args])
    print(f"$ {shown}", flush=True)
    try:
        done = subprocess.run([str(exe), *args], env=env, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise Failed(f"{shown}: no exit within {timeout} s\n{exc.stdout or ''}{exc.stderr or ''}")
    if done.returncode != expect:
        raise Failed(f"{shown}: exit {done.returncode}, expected {expect}\n"
                     f"--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}")
    for line in (done.stdout.strip().splitlines() or [])[:4]:
        print(f"  {line}")
    return done


def check_libraries(folder: Path) -> None:
    """Every .so under the folder finds its libraries (in the folder or the system)."""
    internal = folder / "_internal"
    paths = [str(internal), str(internal / "PySide6" / "Qt" / "lib")]
    env = dict(os.environ, LD_LIBRARY_PATH=":".join(paths))
    missing = {}
    for lib in sorted(internal.rglob("*.so*")):
        if not lib.is_file():
            continue
        out = subprocess.run(["ldd", str(lib)], env=env, capture_output=True, text=True).stdout
        lost = [line.split()[0] for line in out.splitlines() if "not found" in line]
        if lost:
            missing[str(lib.relative_to(folder))] = lost
    if missing:
        raise Failed("libraries that do not find what they link:\n" + "\n".join(
            f"  {lib}: {', '.join(names)}" for lib, names in missing.items()))
    print("libraries: every one finds what it links", flush=True)


def commands(exe: Path, env: dict, work: Path) -> None:
    sale = run(exe, ["sale", "--staff", "Li Na", "--item", f"{NOTEBOOK}@SMOKE0001",
                     "--item", "BAG-NB-156", "--tender", "cash", "--paid", "10000"], env)
    receipt = sale.stdout.split()[1].rstrip(":")
    if not receipt.startswith("T01-"):
        raise Failed(f"pos sale said no receipt number: {sale.stdout}")
    sheet = work / "sheet.pdf"
    run(exe, ["print", "sheet", receipt, "--out", str(sheet)], env)
    data = sheet.read_bytes() if sheet.exists() else b""
    if not data.startswith(b"%PDF") or len(data) < 10_000:
        raise Failed(f"the sheet PDF is not one ({len(data)} bytes)")
    queue = run(exe, ["print", "queue", "--run"], env)
    if "receipt" not in queue.stdout or "FAILED" in queue.stdout:
        raise Failed(f"the sale's print jobs did not print:\n{queue.stdout}")
    run(exe, ["journal", "verify"], env)
    chinese = run(exe, ["sale", "--staff", "Nobody", "--item", "BAG-NB-156"],
                  dict(env, POS_LOCALE="zh_CN"), expect=1)
    if not any("\u4e00" <= ch <= "\u9fff" for ch in chinese.stderr):
        raise Failed(f"a refusal with POS_LOCALE=zh_CN is not in Chinese: {chinese.stderr}")
    print(f"  {chinese.stderr.strip()}")
    bundle = work / "support.zip"
    run(exe, ["support", "bundle", "--out", str(bundle)], env)
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
    wanted = {"versions.json", "settings.json", "database.json", "print_queue.json",
              "logs/cli.log"}
    if not wanted <= names:
        raise Failed(f"the support bundle lacks {sorted(wanted - names)}")


def start_app(exe: list[str], env: dict, stage: str) -> float:
    """Seconds from launch to the stage (POS_QUIT_AFTER), the app exiting 0."""
    begin = time.perf_counter()
    done = subprocess.run(exe, env=dict(env, POS_QUIT_AFTER=stage), capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=TIMEOUT)
    seconds = time.perf_counter() - begin
    said = {"login": "tickbox: login painted", "till": "tickbox: till loaded"}[stage]
    if done.returncode != 0 or said not in done.stdout:
        raise Failed(f"the app (POS_QUIT_AFTER={stage}): exit {done.returncode}\n"
                     f"--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", default=str(ROOT / "dist" / "tickbox-pos"))
    parser.add_argument("--starts", type=int, default=0,
                        help="also time N starts of the frozen app and of `pos` from .venv")
    args = parser.parse_args()
    folder = Path(args.dist).resolve()
    exe = folder / ("pos.exe" if WINDOWS else "pos")
    if not exe.is_file():
        print(f"no built app at {exe}: run `python3 dev.py package` first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="tickbox-smoke-") as tmp:
        work = Path(tmp)
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("POS_", "PYTHON"))}
        env.update(POS_DATA_DIR=str(work / "data"), POS_LOCALE="en",
                   QT_QPA_PLATFORM="offscreen", POS_KEY_FILE=str(work / "data" / "store.key"))
        try:
            if not WINDOWS:
                check_libraries(folder)
            run(exe, ["demo", "load", "--locale", "en"], env)
            first = start_app([str(exe)], env, "login")  # its first start after the build
            commands(exe, env, work)
            print(f"app: login painted (first start {first:.2f} s)", flush=True)
            till = start_app([str(exe)], env, "till")
            print(f"app: till loaded ({till:.2f} s)", flush=True)
            if args.starts:
                time_starts(exe, env, args.starts, first)
        except Failed as failure:
            print(f"SMOKE FAILED: {failure}", file=sys.stderr)
            return 1
    size = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_symlink())
    print(f"smoke passed: {folder} ({size / 1e6:.0f} MB)")
    return 0


def time_starts(exe: Path, env: dict, starts: int, first: float) -> None:
    venv_python = ROOT / ".venv" / ("Scripts/python.exe" if WINDOWS else "bin/python")
    frozen = [start_app([str(exe)], env, "login") for _ in range(starts)]
    source = [start_app([str(venv_python), "-m", "pos.cli"], dict(env, PYTHONPATH=str(ROOT)),
                        "login") for _ in range(starts)]
    print(f"start to the login's first paint, {starts} starts each (median, max):")
    print(f"  frozen, first run after the build: {first:.2f} s")
    print(f"  frozen:        {statistics.median(frozen):.2f} s, {max(frozen):.2f} s")
    print(f"  pos from .venv: {statistics.median(source):.2f} s, {max(source):.2f} s")


if __name__ == "__main__":
    sys.exit(main())
