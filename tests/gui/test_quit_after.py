"""POS_QUIT_AFTER (ui.quit_after): the real app, started as `pos` is, quits by itself at
the login's first paint or once the till is loaded, saying so; the frozen app's smoke
test (packaging/smoke.py) and the cold-start timing rely on it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("stage, said", [("login", "tickbox: login painted"),
                                         ("till", "tickbox: till loaded")])
def test_the_app_quits_after_the_stage_asked(sqlite_demo_db, tmp_path, stage, said):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POS_QUIT_AFTER=stage, POS_LOCALE="en",
               POS_DATA_DIR=str(tmp_path), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "pos.cli", "--db", str(sqlite_demo_db.engine.url)],
                          env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == said
    assert (tmp_path / "logs").is_dir()  # the app's log is set up in its data folder


def test_without_it_nothing_is_watched(monkeypatch):
    from ui.quit_after import watch

    monkeypatch.delenv("POS_QUIT_AFTER", raising=False)
    assert watch(object()) is None
    monkeypatch.setenv("POS_QUIT_AFTER", "never")
    assert watch(object()) is None
