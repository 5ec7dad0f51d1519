"""Staff and their PINs: only a salted slow hash is stored."""

import pytest
from sqlalchemy import select

from pos.db.models import Staff
from pos.kernel.enums import StaffRole
from pos.kernel.errors import UserError
from pos.people import staff


def test_pin_is_stored_only_as_a_salted_scrypt_hash(db):
    first = staff.add_staff(db, name="Li Na", role="cashier", pin="4321")
    staff.add_staff(db, name="Wang Wei", role="manager", pin="4321")
    with db.read() as session:
        hashes = session.scalars(select(Staff.pin_hash)).all()
    assert all(h.startswith("scrypt$") and "4321" not in h for h in hashes)
    assert hashes[0] != hashes[1]  # same PIN, different salt
    assert staff.verify_pin(db, staff_id=first.id, pin="4321").role is StaffRole.CASHIER


def test_a_wrong_pin_is_refused(db):
    member = staff.add_staff(db, name="Li Na", role="cashier", pin="4321")
    with pytest.raises(UserError, match="Wrong PIN"):
        staff.verify_pin(db, staff_id=member.id, pin="1234")


@pytest.mark.parametrize("pin", ["12", "123456789", "12a4", ""])
def test_pins_that_are_not_4_to_8_digits_are_refused(db, pin):
    with pytest.raises(UserError, match="4 to 8 digits"):
        staff.add_staff(db, name="Li Na", role="cashier", pin=pin)
    assert staff.list_staff(db) == []


def test_names_are_unique_and_roles_known(db):
    staff.add_staff(db, name="Li Na", role="cashier", pin="4321")
    with pytest.raises(UserError, match="already a staff member"):
        staff.add_staff(db, name="Li Na", role="installer", pin="1111")
    with pytest.raises(UserError, match="not a role"):
        staff.add_staff(db, name="Zhao", role="boss", pin="1111")
    assert [s.name for s in staff.list_staff(db)] == ["Li Na"]


def test_only_an_administrator_adds_staff_from_the_app(db):
    from pos.ledger import audit

    cashier = staff.add_staff(db, name="Li Na", role="cashier", pin="4321")
    admin = staff.add_staff(db, name="Boss", role="admin", pin="8888")
    with pytest.raises(UserError, match="An administrator must approve this: manage staff"):
        staff.add_staff(db, name="New", role="cashier", pin="1111", by_staff_id=cashier.id)
    assert [s.name for s in staff.list_staff(db)] == ["Boss", "Li Na"]
    staff.add_staff(db, name="New", role="cashier", pin="1111", by_staff_id=admin.id)
    assert [e.ref for e in audit.list_audit(db, action="staff_added")] == ["New", "Boss", "Li Na"]
