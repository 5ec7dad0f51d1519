"""`pos ... | head`: when the reader stops reading, the command ends without a traceback."""

import subprocess
import sys


def test_a_closed_pipe_ends_the_command_quietly(sqlite_demo_db):
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pos.cli import main; sys.exit(main())",
         f"--db={sqlite_demo_db.url}", "audit"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdout.close()  # the reader is gone before the first line
    _, errors = child.communicate(timeout=120)
    assert b"Traceback" not in errors, errors.decode(errors="replace")
    assert child.returncode == 1
