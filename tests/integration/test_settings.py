"""Settings a manager can change (pos.store.settings.change_setting), on SQLite and
PostgreSQL: a bad value or a person who may not changes nothing; a change is an audit
event with who and the old and new value, sealed with the value in the journal."""

import json

import pytest
from sqlalchemy import func, select, text

from pos.db.models import AuditEvent, Setting
from pos.kernel.errors import UserError
from pos.ledger import audit, facts, verify
from pos.people import staff
from pos.store import details
from pos.store.settings import DEFAULTS, change_setting, get_setting, list_settings


def staff_id(db, name: str) -> int:
    return next(s.id for s in staff.list_staff(db) if s.name == name)


def state(db):
    """Everything a refused change must leave as it was: the stored settings and the
    audit trail's length."""
    with db.read() as session:
        rows = dict(session.execute(select(Setting.key, Setting.value_json)).all())
        events = session.scalar(select(func.count()).select_from(AuditEvent))
    return rows, events


def current(db, key):
    with db.read() as session:
        return get_setting(session, key)


def test_a_manager_changes_a_setting_audited_with_who_old_and_new_and_the_journal_holds(demo_db):
    manager = staff_id(demo_db, "Zhang Wei")
    change = change_setting(demo_db, key="margin_threshold_bp", value_text="800",
                            staff_id=manager)
    assert (change.old, change.new, change.changed) == (500, 800, True)
    assert str(change.message) == "margin_threshold_bp changed from 500 to 800"
    assert current(demo_db, "margin_threshold_bp") == 800
    [event] = audit.list_audit(demo_db, action="setting_changed")
    assert event.staff_name == "Zhang Wei" and event.ref == "margin_threshold_bp"
    assert event.details == {"key": "margin_threshold_bp", "old": 500, "new": 800,
                             "by": "Zhang Wei"}
    [sealed] = [e for e in audit.list_audit(demo_db, action=facts.SETTING_RECORD)
                if e.ref == "margin_threshold_bp"]
    assert sealed.details == {"value": 800}
    assert verify.verify(demo_db).ok

    again = change_setting(demo_db, key="margin_threshold_bp", value_text=" 800 ",
                           staff_id=manager)
    assert again.changed is False
    assert str(again.message) == "margin_threshold_bp is already 800: nothing was changed"
    assert len(audit.list_audit(demo_db, action="setting_changed")) == 1


def test_an_object_setting_is_changed_whole_and_the_old_value_is_kept_in_the_audit(demo_db):
    admin = staff.add_staff(demo_db, name="Admin Qian", role="admin", pin="48273").id
    limits = {"cashier": 1500, "installer": 1000, "manager": 10000, "admin": 10000}
    change_setting(demo_db, key="discount_limit_bp", value_text=json.dumps(limits),
                   staff_id=admin)
    assert current(demo_db, "discount_limit_bp") == limits
    [event] = audit.list_audit(demo_db, action="setting_changed")
    assert event.details["old"] == DEFAULTS["discount_limit_bp"]
    assert event.details["new"] == limits and event.details["by"] == "Admin Qian"
    assert verify.verify(demo_db).ok


@pytest.mark.parametrize("key, value_text, expected", [
    ("margin_threshold_bp", "80000", "a whole number from 0 to 10000 is needed, not 80000"),
    ("account_days", '{"consumer": 7, "business": 30}', "account_days > consumer"),
    ("discount_limit_bp", '{"cashier": 500}', "missing: installer, manager, admin"),
    ("allow_negative_stock", "maybe", 'true or false is needed, not "maybe"'),
    ("imei_categories", '["PHONE", "NOPE"]', "imei_categories > 2: no category has the code NOPE"),
    ("printers", '{"T99": {"paper_mm": 80}}', "printers > T99: no terminal has the code T99"),
    ("commission_schemes", '[{"code": "x", "name": "X", "basis": "all", "steps": [[0, 100]], '
                           '"staff": ["Nobody"]}]', "x > staff > 1: no staff member is called"),
    ("margin_threshold_bp", "[800", "cannot be read"),
])
def test_a_bad_value_is_refused_with_its_reason_and_changes_nothing(demo_db, key, value_text,
                                                                     expected):
    before = state(demo_db)
    with pytest.raises(UserError) as caught:
        change_setting(demo_db, key=key, value_text=value_text,
                       staff_id=staff_id(demo_db, "Zhang Wei"))
    assert expected in str(caught.value)
    assert state(demo_db) == before
    assert verify.verify(demo_db).ok


@pytest.mark.parametrize("name", ["Li Na", "Wang Qiang"])  # a cashier, an installer
def test_only_managers_and_administrators_may_change_settings(demo_db, name):
    before = state(demo_db)
    with pytest.raises(UserError, match="Only a manager or an administrator"):
        change_setting(demo_db, key="margin_threshold_bp", value_text="800",
                       staff_id=staff_id(demo_db, name))
    assert state(demo_db) == before


def test_a_manager_no_longer_active_may_not_change_settings(demo_db):
    manager = staff_id(demo_db, "Zhang Wei")
    with demo_db.unit_of_work() as session:
        session.execute(text("UPDATE staff SET active = :no WHERE id = :id"),
                        {"no": False, "id": manager})
    with pytest.raises(UserError, match="Log in first"):
        change_setting(demo_db, key="margin_threshold_bp", value_text="800", staff_id=manager)
    assert current(demo_db, "margin_threshold_bp") == 500


def test_an_unknown_key_is_refused_naming_the_settings(demo_db):
    before = state(demo_db)
    with pytest.raises(UserError) as caught:
        change_setting(demo_db, key="commission_steps", value_text="{}", staff_id=None)
    assert "There is no setting \"commission_steps\"; the settings are discount_limit_bp, " \
           "pin_min_digits, account_days" in str(caught.value)
    assert "commission_schemes" in str(caught.value)
    assert state(demo_db) == before


def test_the_command_line_changes_settings_as_the_machine_administrator(demo_db):
    change_setting(demo_db, key="allow_negative_stock", value_text="true", staff_id=None)
    assert current(demo_db, "allow_negative_stock") is True
    [event] = audit.list_audit(demo_db, action="setting_changed")
    assert event.staff_name is None and event.details["by"] == "pos command"
    assert verify.verify(demo_db).ok


def test_names_in_a_value_are_checked_against_the_database(demo_db):
    manager = staff_id(demo_db, "Zhang Wei")
    change_setting(demo_db, key="imei_categories", value_text="phone,tablet", staff_id=manager)
    assert current(demo_db, "imei_categories") == ["PHONE", "TABLET"]
    schemes = [{"code": "adviser", "name": "Advisers", "basis": "categories",
                "categories": ["phone-acc", "Bags"], "steps": [[0, 500]], "roles": ["cashier"],
                "staff": ["Wang Qiang"]}]
    change_setting(demo_db, key="commission_schemes", value_text=json.dumps(schemes),
                   staff_id=manager)
    [stored] = current(demo_db, "commission_schemes")
    assert stored["categories"] == ["PHONE-ACC", "BAGS"] and stored["staff"] == ["Wang Qiang"]
    assert stored["period"] == "month"
    change_setting(demo_db, key="printers", value_text='{"T01": {"paper_mm": 58}}',
                   staff_id=manager)
    assert current(demo_db, "printers") == {"T01": {"paper_mm": 58}}
    assert verify.verify(demo_db).ok


def test_a_setting_edited_behind_the_stores_back_is_named_by_verify(demo_db):
    change_setting(demo_db, key="margin_threshold_bp", value_text="800", staff_id=None)
    with demo_db.unit_of_work() as session:
        session.execute(text("UPDATE settings SET value_json = '0' "
                             "WHERE key = 'margin_threshold_bp'"))
    result = verify.verify(demo_db)
    assert not result.ok and "margin_threshold_bp" in result.problem


def test_a_stored_commission_steps_row_from_before_is_ignored_and_still_verifies(demo_db):
    old = {"cashier": [[0, 500]]}
    with demo_db.unit_of_work() as session:  # as an older version left it, sealed
        session.add(Setting(key="commission_steps", value_json=json.dumps(old)))
        session.flush()
        facts.seal_setting(session.connection(), by=None, key="commission_steps", value=old)
    assert "commission_steps" not in [info.key for info in list_settings(demo_db)]
    assert current(demo_db, "commission_schemes") == DEFAULTS["commission_schemes"]
    assert verify.verify(demo_db).ok


def test_list_settings_says_each_value_default_or_changed_with_help(demo_db):
    change_setting(demo_db, key="margin_threshold_bp", value_text="800", staff_id=None)
    infos = {info.key: info for info in list_settings(demo_db)}
    assert list(infos) == list(DEFAULTS)
    assert infos["margin_threshold_bp"].value == 800 and infos["margin_threshold_bp"].overridden
    assert not infos["account_days"].overridden
    assert str(infos["allow_negative_stock"].help) == (
        "Whether a sale may take a product's stock below zero")


def test_store_set_names_a_setting_and_points_to_pos_settings_set(demo_db):
    with pytest.raises(UserError, match="margin_threshold_bp: a setting, not a store detail; "
                                        "change it with pos settings set KEY VALUE"):
        details.update_store(demo_db, terminal="T01", margin_threshold_bp="800")
    with pytest.raises(UserError, match="unknown store setting"):
        details.update_store(demo_db, terminal="T01", colour="blue")
