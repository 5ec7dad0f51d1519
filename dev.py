#!/usr/bin/env python3
"""Set up and run Tickbox POS with nothing but Python 3.11+.

    python3 dev.py run     # venv + dependencies, demo store on first run, open the app
    python3 dev.py test    # venv + dependencies, then the whole test suite (a worker per CPU)
    python3 dev.py package [--smoke]  # the installable folder dist/tickbox-pos (PyInstaller)

The virtual environment lives in .venv and is reinstalled when pyproject.toml changes.
Extra arguments after `test` go to pytest (`-n 0` runs it in one process); after `run`
they go to `pos`. `package` builds with packaging/tickbox-pos.spec into dist/tickbox-pos
(a Windows build on Windows, a Linux one on Linux; README: Installable packages), then
with --smoke runs packaging/smoke.py on the result; PyInstaller is installed into .venv
on first use.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".tickbox-installed"


def ensure_environment() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"Tickbox POS needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("creating virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("installing Tickbox POS and its dependencies ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run(pip + ["--upgrade", "pip"], check=True)
    subprocess.run(pip + ["-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


def run(args: list[str]) -> int:
    pos = [str(PYTHON), "-m", "pos.cli"]
    locale = os.environ.get("POS_DEMO_LOCALE", "en")
    loaded = subprocess.run(pos + ["demo", "load", "--if-empty", "--locale", locale], cwd=ROOT)
    if loaded.returncode != 0:
        return loaded.returncode
    return subprocess.run(pos + args, cwd=ROOT).returncode


def parallel_options(args: list[str]) -> list[str]:
    """pytest-xdist's options unless the arguments choose their own: one worker process
    per CPU (`-n auto`), each test file on one worker (`--dist loadfile`: a module's
    module-scoped fixture, such as a history built once, is built once, and its tests run
    in the file's order). `-n 0` or `-p no:xdist` runs the suite in one process."""
    if "no:xdist" in args or "-pno:xdist" in args:
        return []
    options = []
    if not any(arg.startswith(("-n", "--numprocesses")) for arg in args):
        options += ["-n", "auto"]
    if not any(arg == "-d" or arg.startswith("--dist") for arg in args):
        options += ["--dist", "loadfile"]
    return options


def test(args: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    command = [str(PYTHON), "-m", "pytest", *parallel_options(args), *args]
    return subprocess.run(command, cwd=ROOT, env=env).returncode


PYINSTALLER = "pyinstaller>=6.10,<7"


def package(args: list[str]) -> int:
    """dist/tickbox-pos from packaging/tickbox-pos.spec (build/ holds PyInstaller's work;
    both are ignored by git), then the smoke test of the built app with --smoke."""
    unknown = [a for a in args if a != "--smoke"]
    if unknown:
        print(f"dev.py package: unknown {' '.join(unknown)} (only --smoke)")
        return 2
    found = subprocess.run([str(PYTHON), "-c", "import PyInstaller"], capture_output=True)
    if found.returncode != 0:
        print(f"installing {PYINSTALLER} into .venv ...", flush=True)
        subprocess.run([str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check",
                        "-q", PYINSTALLER], check=True)
    built = subprocess.run([str(PYTHON), "-m", "PyInstaller", "--noconfirm", "--clean",
                            "--log-level", "WARN", "--distpath", str(ROOT / "dist"),
                            "--workpath", str(ROOT / "build"),
                            str(ROOT / "packaging" / "tickbox-pos.spec")], cwd=ROOT)
    if built.returncode != 0:
        return built.returncode
    print(f"built {ROOT / 'dist' / 'tickbox-pos'}", flush=True)
    if "--smoke" in args:
        return subprocess.run([str(PYTHON), str(ROOT / "packaging" / "smoke.py")],
                              cwd=ROOT).returncode
    return 0


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("run", "test", "setup", "package"):
        print(__doc__)
        return 2
    ensure_environment()
    command, rest = sys.argv[1], sys.argv[2:]
    if command == "setup":
        return 0
    if command == "package":
        return package(rest)
    return run(rest) if command == "run" else test(rest)


if __name__ == "__main__":
    sys.exit(main())
