"""The `pos` command as a store's administrator uses it."""

import os
import subprocess
import sys

import pytest

from pos.cli import main
from tests.support.stores import add_store_to_sqlite

CATEGORIES = "code,name,kind,sheet_layout\nNOTEBOOK,Notebooks,main_unit,notebook\n"
CATALOG = ("sku,barcode,name,category,price,cost,stock,role,serial_tracked,vat_rate\n"
           "NB-14,6901234567892,Notebook 14,NOTEBOOK,4999,4700,5,mainstream,yes,13\n")


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """The command speaks English here unless a test says otherwise (the machine's own
    language would decide otherwise)."""
    monkeypatch.setenv("POS_LOCALE", "en")


@pytest.fixture
def db_arg(tmp_path):
    return f"--db=sqlite:///{tmp_path / 'cli.db'}"


def test_bad_catalog_exits_non_zero_listing_every_error(tmp_path, db_arg, capsys):
    (tmp_path / "c.csv").write_text(CATEGORIES)
    assert main([db_arg, "categories", "import", str(tmp_path / "c.csv")]) == 0
    bad = CATALOG + "X,6901234567893,Y,NOPE,1,1,1,none,no,13\n"
    (tmp_path / "p.csv").write_text(bad)
    capsys.readouterr()
    assert main([db_arg, "catalog", "import", str(tmp_path / "p.csv")]) == 1
    err = capsys.readouterr().err
    assert "error: catalog import refused: 2 errors; nothing was changed" in err
    assert "  line 3, barcode: barcode '6901234567893' has a bad check digit" in err
    assert "  line 3, category: unknown category 'NOPE'" in err
    assert main([db_arg, "catalog", "export", str(tmp_path / "out.csv")]) == 0
    assert (tmp_path / "out.csv").read_text(encoding="utf-8-sig").count("\n") == 1  # header only


def test_export_import_export_through_the_command_is_identical(tmp_path, db_arg):
    (tmp_path / "c.csv").write_text(CATEGORIES)
    (tmp_path / "p.csv").write_text(CATALOG)
    assert main([db_arg, "categories", "import", str(tmp_path / "c.csv")]) == 0
    add_store_to_sqlite(tmp_path / "cli.db")
    assert main([db_arg, "catalog", "import", str(tmp_path / "p.csv")]) == 0
    assert main([db_arg, "catalog", "export", str(tmp_path / "a.csv")]) == 0
    assert main([db_arg, "catalog", "import", str(tmp_path / "a.csv")]) == 0
    assert main([db_arg, "catalog", "export", str(tmp_path / "b.csv")]) == 0
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_a_missing_file_is_a_clear_error(db_arg, capsys):
    assert main([db_arg, "catalog", "import", "/nonexistent/file.csv"]) == 1
    assert "cannot read /nonexistent/file.csv" in capsys.readouterr().err


def test_staff_add_asks_the_pin_twice_and_never_prints_it(tmp_path):
    env = dict(os.environ, POS_DATABASE_URL=f"sqlite:///{tmp_path / 'staff.db'}")
    added = subprocess.run(
        [sys.executable, "-m", "pos.cli", "staff", "add", "--name", "Li Na", "--role", "cashier"],
        input="4827\n4827\n", capture_output=True, text=True, env=env,
    )
    assert added.returncode == 0, added.stderr
    assert "4827" not in added.stdout + added.stderr
    mismatch = subprocess.run(
        [sys.executable, "-m", "pos.cli", "staff", "add", "--name", "Wang", "--role", "manager"],
        input="4827\n9999\n", capture_output=True, text=True, env=env,
    )
    assert mismatch.returncode == 1 and "the two PINs differ" in mismatch.stderr
    listed = subprocess.run([sys.executable, "-m", "pos.cli", "staff", "list"],
                            capture_output=True, text=True, env=env)
    assert "Li Na" in listed.stdout and "cashier" in listed.stdout and "Wang" not in listed.stdout


def test_pos_without_qt_says_why_the_window_cannot_open(db_arg, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "ui.app", None)  # importing it now raises ImportError
    assert main([db_arg]) == 1
    err = capsys.readouterr().err
    assert "error: the till cannot open its window" in err
    assert "pos --help" in err


def test_a_refusal_is_printed_in_chinese_with_pos_locale_zh_cn(tmp_path, db_arg, capsys,
                                                               monkeypatch):
    monkeypatch.setenv("POS_LOCALE", "zh_CN")
    (tmp_path / "c.csv").write_text(CATEGORIES)
    assert main([db_arg, "categories", "import", str(tmp_path / "c.csv")]) == 0
    (tmp_path / "p.csv").write_text(CATALOG + "X,6901234567893,Y,NOPE,1.234,1,1,none,no,13\n")
    capsys.readouterr()
    assert main([db_arg, "catalog", "import", str(tmp_path / "p.csv")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "错误：商品导入未执行：共 3 处错误，未做任何更改",
        "  第 3 行，barcode：条码“6901234567893”的 EAN-13 校验位不对（应为 2）",
        "  第 3 行，category：没有类别“NOPE”",
        "  第 3 行，price：“1.234”的小数超过 2 位",
    ]
    assert main([db_arg, "catalog", "import", "/nonexistent/file.csv"]) == 1
    assert capsys.readouterr().err.strip() == "错误：无法读取 /nonexistent/file.csv：文件或目录不存在"


def test_without_pos_locale_the_stores_language_decides(tmp_path, db_arg, capsys, monkeypatch):
    monkeypatch.delenv("POS_LOCALE")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main([db_arg, "demo", "load", "--locale", "zh_CN"]) == 0
    capsys.readouterr()
    assert main([db_arg, "store", "set", "nonsense"]) == 1
    assert capsys.readouterr().err.strip() == "错误：“nonsense”不是“键=值”的格式"
    monkeypatch.setenv("POS_LOCALE", "en")
    assert main([db_arg, "store", "set", "nonsense"]) == 1
    assert capsys.readouterr().err.strip() == "error: 'nonsense' is not KEY=VALUE"


def test_without_a_store_the_systems_language_decides(db_arg, capsys, monkeypatch):
    monkeypatch.delenv("POS_LOCALE")
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main([db_arg, "report", "x"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "错误：本数据库中没有设置收银台 T01"


def test_the_command_says_refusals_in_chinese_without_qt(tmp_path):
    """Qt missing: the translations come from the .ts file all the same."""
    blocked = ("import sys; sys.modules['PySide6'] = None; from pos.cli import main; "
               f"sys.exit(main(['--db=sqlite:///{tmp_path / 'q.db'}', 'catalog', 'import', "
               "'/nonexistent.csv']))")
    result = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True,
                            env=dict(os.environ, POS_LOCALE="zh_CN"))
    assert result.returncode == 1
    assert "错误：无法读取 /nonexistent.csv：文件或目录不存在" in result.stderr
