"""`python -m ui.screenshots` renders the till's screens to PNG, offscreen, at the size
asked for: here two screens in one language and size, written and not blank, the
dialog drawn over the dimmed till; and the list of screens covers every screen the
issue names."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
ISSUE_SCREENS = {"login", "till-sale", "card-prompt", "payment", "change-due", "find-sale",
                 "add-on", "refund", "exchange", "customer-history", "close-shift",
                 "day-report", "settings", "audit", "first-run"}


def run_tool(*args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    return subprocess.run([sys.executable, "-m", "ui.screenshots", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def colours(image: QImage) -> int:
    """How many different colours a grid of points over the picture has."""
    return len({image.pixel(x, y) for x in range(0, image.width(), 7)
                for y in range(0, image.height(), 7)})


def test_two_screens_are_written_at_the_screen_size_and_not_blank(tmp_path, qapp):
    result = run_tool(str(tmp_path), "--locale", "en", "--size", "1366x768",
                      "--screens", "login,payment")
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    login, payment = (tmp_path / f"en-1366x768-{name}.png" for name in ("login", "payment"))
    assert str(login) in result.stdout and str(payment) in result.stdout
    shots = [QImage(str(login)), QImage(str(payment))]
    for image in shots:
        assert (image.width(), image.height()) == (1366, 768)
        assert colours(image) > 20  # text, buttons and panels, not one flat colour
    # the payment dialog sits over the till, which is dimmed behind it
    corner_login = shots[0].pixelColor(3, 765)
    corner_payment = shots[1].pixelColor(3, 765)
    assert corner_payment.lightness() < corner_login.lightness() - 40
    middle = shots[1].pixelColor(683, 384)
    assert middle.lightness() > corner_payment.lightness()
    assert "problem:" not in result.stdout, result.stdout


def test_the_list_covers_every_screen_the_issue_names():
    result = run_tool("--list")
    assert result.returncode == 0, result.stderr
    listed = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    assert ISSUE_SCREENS <= listed


def test_an_unknown_screen_is_refused_with_the_names_to_use(tmp_path):
    result = run_tool(str(tmp_path), "--screens", "lgoin")
    assert result.returncode == 2
    assert "lgoin" in result.stderr and "--list" in result.stderr
    assert not list(tmp_path.glob("*.png"))
