"""`pos settings list|get|set` as a store's administrator uses it."""

import json
import sqlite3

import pytest

from pos.cli import EXIT_REFUSED, EXIT_USAGE, main
from pos.db.engine import Database
from pos.ledger import audit, verify
from pos.store.settings import DEFAULTS


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("POS_LOCALE", "en")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """`pos demo load` into a database file, once for the module."""
    path = tmp_path_factory.mktemp("settings_cli") / "demo.db"
    assert main([f"--db=sqlite:///{path}", "demo", "load"]) == 0
    return path


@pytest.fixture
def store(tmp_path, capsys, demo_file):
    """A demo store's database file of its own (a copy of the one `pos demo load` made),
    and the --db argument naming it."""
    path = tmp_path / "cli.db"
    source, copy = sqlite3.connect(demo_file), sqlite3.connect(path)
    try:
        source.backup(copy)  # whole, whatever is still in the write-ahead log
    finally:
        source.close()
        copy.close()
    capsys.readouterr()
    return f"sqlite:///{path}"


def run(store, capsys, *words) -> tuple[int, str, str]:
    code = main([f"--db={store}", *words])
    out, err = capsys.readouterr()
    return code, out, err


def test_settings_set_margin_threshold_800_works_and_is_audited(store, capsys):
    code, out, err = run(store, capsys, "settings", "set", "margin_threshold_bp", "800")
    assert (code, err) == (0, "")
    assert out == "margin_threshold_bp changed from 500 to 800\n"
    assert run(store, capsys, "settings", "get", "margin_threshold_bp")[1] == "800\n"
    db = Database(store)
    try:
        [event] = audit.list_audit(db, action="setting_changed")
        assert event.details == {"key": "margin_threshold_bp", "old": 500, "new": 800,
                                 "by": "pos command"}
        assert verify.verify(db).ok
    finally:
        db.dispose()
    code, out, _ = run(store, capsys, "settings", "set", "margin_threshold_bp", "800")
    assert code == 0 and "already 800: nothing was changed" in out


def test_a_bad_value_exits_refused_with_the_reason_and_changes_nothing(store, capsys):
    code, out, err = run(store, capsys, "settings", "set", "margin_threshold_bp", "80000")
    assert code == EXIT_REFUSED and out == ""
    assert err.splitlines() == [
        "error: margin_threshold_bp was not changed: it takes a whole number of basis points "
        "from 0 to 10000 (500 = 5%)",
        "  margin_threshold_bp: a whole number from 0 to 10000 is needed, not 80000"]
    code, _, err = run(store, capsys, "settings", "set", "account_days",
                       '{"consumer": 5, "business": 45}')
    assert code == EXIT_REFUSED
    assert "  account_days > consumer: a whole number from 0 to 3 is needed, not 5" in err
    assert "  account_days > business: a whole number from 0 to 30 is needed, not 45" in err
    assert run(store, capsys, "settings", "get", "margin_threshold_bp")[1] == "500\n"
    assert json.loads(run(store, capsys, "settings", "get", "account_days")[1]) == {
        "consumer": 3, "business": 30}


def test_an_unknown_key_exits_refused_listing_the_settings(store, capsys):
    code, _, err = run(store, capsys, "settings", "set", "commission_steps", "{}")
    assert code == EXIT_REFUSED
    assert "error: There is no setting \"commission_steps\"; the settings are" in err
    assert "commission_schemes" in err
    assert run(store, capsys, "settings", "get", "nope")[0] == EXIT_REFUSED


def test_set_without_a_value_is_a_usage_error(store, capsys):
    with pytest.raises(SystemExit) as exited:
        main([f"--db={store}", "settings", "set", "margin_threshold_bp"])
    assert exited.value.code == EXIT_USAGE
    assert "one of the arguments VALUE --file is required" in capsys.readouterr().err


def test_list_shows_every_key_its_value_default_or_changed_and_help(store, capsys):
    run(store, capsys, "settings", "set", "allow_negative_stock", "true")
    code, out, _ = run(store, capsys, "settings", "list")
    assert code == 0
    lines = out.splitlines()
    keys = [line.split()[0] for line in lines[::2]]
    assert keys == list(DEFAULTS)
    rows = {line.split()[0]: (line, help_line) for line, help_line in zip(lines[::2], lines[1::2])}
    assert rows["allow_negative_stock"][0].split()[1:] == ["changed", "true"]
    assert rows["margin_threshold_bp"][0].split()[1:] == ["default", "500"]
    assert "Whether a sale may take a product's stock below zero" in rows["allow_negative_stock"][1]
    assert rows["commission_schemes"][0].endswith("…")  # long values are cut: `get` shows them


def test_list_speaks_the_readers_language(store, capsys, monkeypatch):
    monkeypatch.setenv("POS_LOCALE", "zh_CN")
    out = run(store, capsys, "settings", "list")[1]
    assert "销售是否允许库存低于零" in out and "默认" in out


def test_a_long_value_round_trips_through_get_and_a_file(store, capsys, tmp_path):
    schemes = json.loads(run(store, capsys, "settings", "get", "commission_schemes")[1])
    assert schemes == DEFAULTS["commission_schemes"]
    schemes[2]["staff"] = ["Zhang Wei"]
    (tmp_path / "s.json").write_text(json.dumps(schemes, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(store, capsys, "settings", "set", "commission_schemes",
                         "--file", str(tmp_path / "s.json"))
    assert code == 0, err
    assert "commission_schemes changed from" in out
    stored = json.loads(run(store, capsys, "settings", "get", "commission_schemes")[1])
    assert stored[2]["staff"] == ["Zhang Wei"]
    (tmp_path / "bad.json").write_bytes("[\"\u5f20\"]".encode("gb18030"))
    code, _, err = run(store, capsys, "settings", "set", "commission_schemes", "--file",
                       str(tmp_path / "bad.json"))
    assert code == EXIT_REFUSED and "must be UTF-8 text" in err


def test_store_set_of_a_setting_points_to_pos_settings_set(store, capsys):
    code, _, err = run(store, capsys, "store", "set", "margin_threshold_bp=800")
    assert code == EXIT_REFUSED
    assert "margin_threshold_bp: a setting, not a store detail; change it with pos settings " \
           "set KEY VALUE" in err
