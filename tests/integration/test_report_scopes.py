"""What a report may cover: every store on the database with its tills, as the report
screen offers them (pos.store.details.stores_and_tills)."""

from pos.store.details import StoreTills, ensure_store, stores_and_tills


def test_every_store_is_listed_with_its_own_tills(demo_db):
    ensure_store(demo_db, code="S02", name="Second store", terminal="T21")
    ensure_store(demo_db, code="S02", terminal="T20")
    found = stores_and_tills(demo_db)
    assert [s.code for s in found] == ["S01", "S02"]
    assert [code for code, _name in found[0].terminals] == ["T01", "T02", "T03"]
    assert found[1] == StoreTills("S02", "Second store", (("T20", "T20"), ("T21", "T21")))


def test_an_empty_database_has_no_store_to_report_on(db):
    assert stores_and_tills(db) == []
