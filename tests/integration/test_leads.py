"""Leads (商机) and the hand-over to a team (转单), issue 19 point 4: added with the five
needs answers, moved along the transition table, won into a customer, handed over with a
sealed `handover` event; every refusal changes nothing. SQLite and PostgreSQL."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from pos.db.models import AuditEvent, Customer, JournalEntry, Lead
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import customers, leads, staff
from pos.people.leads import Needs
from tests.integration.checkout_helpers import staff_id

NEEDS = Needs(who="the office's 12 clerks", what="accounts and e-mail",
              can_use="Windows, no IT staff", values="on-site service, one invoice",
              summary="12 desktops with a blue-gold card")


def customer_manager(db, name="Zhao Min"):
    return staff.add_staff(db, name=name, role="customer_manager", pin="583920").id


def snapshot(db):
    with db.read() as session:
        counts = tuple(session.scalar(select(func.count()).select_from(model))
                       for model in (Lead, Customer, AuditEvent, JournalEntry))
        rows = session.execute(select(Lead.state, Lead.owner_id, Lead.contact_name, Lead.phone,
                                      Lead.team, Lead.lost_reason, Lead.need_who)
                               .order_by(Lead.id)).all()
    return counts, rows


def refused(db, message_id, call, **kwargs):
    before = snapshot(db)
    with pytest.raises(UserError) as error:
        call(db, **kwargs)
    assert error.value.message_id == message_id
    assert snapshot(db) == before
    return error.value


def test_a_lead_is_added_with_its_needs_and_found_by_owner_state_and_due(demo_db):
    db = demo_db
    cm = customer_manager(db)
    cashier = staff_id(db, "cashier")
    soon = date.today() + timedelta(days=2)
    lead = leads.add_lead(db, staff_id=cm, kind="smb", contact_name="Ms Sun",
                          phone="+86 139-1000-2000", company="Sun Accounting", needs=NEEDS,
                          next_contact_on=soon)
    assert (lead.state, lead.owner_id, lead.phone, lead.needs) == ("open", cm, "13910002000",
                                                                   NEEDS)
    # anyone may add one at the counter: a cashier's lead waits for an owner
    walk_in = leads.add_lead(db, staff_id=cashier, kind="walk_in", contact_name="Mr Qian",
                             wechat="qian_88", needs={"what": "a school notebook"})
    assert walk_in.owner_id is None and walk_in.needs.what == "a school notebook"
    assert [x.id for x in leads.list_leads(db, owner=cm)] == [lead.id]
    assert [x.id for x in leads.list_leads(db, due_by=soon)] == [lead.id]
    assert {x.id for x in leads.list_leads(db, state="open")} == {lead.id, walk_in.id}
    assert leads.list_leads(db, state="won") == []
    updated = leads.update_lead(db, lead_id=walk_in.id, staff_id=cm, owner_id=cm,
                                needs=NEEDS, next_contact_on=soon)
    assert (updated.owner_id, updated.needs, updated.wechat) == (cm, NEEDS, "qian_88")
    assert verify(db).ok


def test_lead_refusals_change_nothing(demo_db):
    db = demo_db
    cm = customer_manager(db)
    cashier = staff_id(db, "cashier")
    refused(db, "lead.needs_contact", leads.add_lead, staff_id=cm, kind="smb",
            contact_name="No Contact", company="Nowhere Ltd")
    refused(db, "lead.needs_name", leads.add_lead, staff_id=cm, kind="smb", contact_name="  ",
            phone="13910002000")
    refused(db, "lead.bad_kind", leads.add_lead, staff_id=cm, kind="friend",
            contact_name="Ms Sun", phone="13910002000")
    refused(db, "customer.bad_phone", leads.add_lead, staff_id=cm, kind="smb",
            contact_name="Ms Sun", phone="12")
    refused(db, "text.too_long", leads.add_lead, staff_id=cm, kind="smb",
            contact_name="Ms Sun", phone="13910002000", needs={"who": "x" * 501})
    refused(db, "lead.owner_unknown", leads.add_lead, staff_id=cm, kind="smb",
            contact_name="Ms Sun", phone="13910002000", owner_id=99_999)
    lead = leads.add_lead(db, staff_id=cm, kind="government", contact_name="Mr Li",
                          phone="13910002001", company="District Office")
    refused(db, "lead.not_allowed", leads.update_lead, lead_id=lead.id, staff_id=cashier,
            contact_name="Someone")
    refused(db, "lead.not_allowed", leads.move_lead, lead_id=lead.id, to="lost",
            reason="no budget", staff_id=cashier)
    refused(db, "lead.not_allowed", leads.hand_over, lead_id=lead.id, team="business",
            staff_id=cashier, note="")
    refused(db, "lead.needs_contact", leads.update_lead, lead_id=lead.id, staff_id=cm,
            phone=None)
    refused(db, "lead.unknown", leads.move_lead, lead_id=99_999, to="won", staff_id=cm)
    refused(db, "lead.lost_needs_reason", leads.move_lead, lead_id=lead.id, to="lost",
            staff_id=cm)
    refused(db, "lead.bad_transition", leads.move_lead, lead_id=lead.id, to="transferred",
            staff_id=cm)
    refused(db, "handover.team_unknown", leads.hand_over, lead_id=lead.id, team="sales",
            staff_id=cm, note="")
    refused(db, "customer.unknown", leads.hand_over, customer_id=99_999, team="business",
            staff_id=cm, note="")
    leads.move_lead(db, lead_id=lead.id, to="lost", reason="bought elsewhere", staff_id=cm)
    error = refused(db, "lead.bad_transition", leads.move_lead, lead_id=lead.id, to="won",
                    staff_id=cm)
    assert error.params == {"from": "lead.state.lost", "to": "lead.state.won"}
    refused(db, "lead.bad_transition", leads.hand_over, lead_id=lead.id, team="business",
            staff_id=cm, note="")
    wechat_only = leads.add_lead(db, staff_id=cm, kind="smb", contact_name="Mr Wu",
                                 wechat="wu_office")
    refused(db, "lead.won_needs_phone", leads.move_lead, lead_id=wechat_only.id, to="won",
            staff_id=cm)
    assert verify(db).ok


def test_lost_lead_reopens_and_a_won_lead_becomes_or_links_a_customer(demo_db):
    db = demo_db
    cm = customer_manager(db)
    lead = leads.add_lead(db, staff_id=cm, kind="smb", contact_name="Ms Sun",
                          phone="13910002000", company="Sun Accounting")
    lost = leads.move_lead(db, lead_id=lead.id, to="lost", reason="too dear", staff_id=cm)
    assert (lost.state, lost.lost_reason) == ("lost", "too dear")
    reopened = leads.move_lead(db, lead_id=lead.id, to="open", staff_id=cm)
    assert (reopened.state, reopened.lost_reason) == ("open", None)
    assert leads.move_lead(db, lead_id=lead.id, to="quoted", staff_id=cm).state == "quoted"
    won = leads.move_lead(db, lead_id=lead.id, to="won", staff_id=cm)
    made = customers.find_customer(db, phone="13910002000")
    assert won.customer_id == made.id
    assert (made.kind.value, made.company, made.name) == ("business", "Sun Accounting", "Ms Sun")
    # a lead whose phone is a customer's already links that customer
    known = customers.create_customer(db, phone="13800009999", name="Old Friend")
    again = leads.add_lead(db, staff_id=cm, kind="staff_referral", contact_name="Old Friend",
                           phone="13800009999")
    assert leads.move_lead(db, lead_id=again.id, to="won", staff_id=cm).customer_id == known.id
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 2
    assert verify(db).ok


def test_hand_over_records_team_who_and_when_and_seals_an_event(demo_db):
    db = demo_db
    cm = customer_manager(db)
    other = customer_manager(db, "Qian Hua")
    manager = staff_id(db, "manager")
    lead = leads.add_lead(db, staff_id=cm, kind="smb", contact_name="Ms Sun",
                          phone="13910002000", company="Sun Accounting")
    done = leads.hand_over(db, lead_id=lead.id, team="business", to_staff=other,
                           staff_id=manager, note="12 desktops, fits the business team")
    after = leads.get_lead(db, lead_id=lead.id)
    assert (after.state, after.team, after.handed_over_by, after.owner_id) == (
        "transferred", "business", manager, other)
    assert after.handed_over_at == done.at
    buyer = customers.create_customer(db, phone="13700000001", name="Acme buyer",
                                      kind="business", company="Acme Ltd")
    leads.hand_over(db, customer_id=buyer.id, team="big_accounts", staff_id=cm, note="")
    with db.read() as session:
        row = session.get(Customer, buyer.id)
        assert (row.team, row.handed_over_by, row.owner_id) == ("big_accounts", cm, None)
        events = session.execute(select(AuditEvent.action, AuditEvent.ref, AuditEvent.staff_id)
                                 .where(AuditEvent.action == "handover")
                                 .order_by(AuditEvent.id)).all()
    assert events == [("handover", f"lead:{lead.id}", manager),
                      ("handover", f"customer:{buyer.id}", cm)]
    # a transferred lead is closed by the team: won or lost, never handed over again
    assert leads.move_lead(db, lead_id=lead.id, to="won", staff_id=other).state == "won"
    assert verify(db).ok


def test_the_lead_and_followup_commands_and_their_refusals(demo_db, capsys, monkeypatch,
                                                           tmp_path):
    from pos.cli import main

    monkeypatch.setenv("POS_LOCALE", "en")
    db = demo_db
    customer_manager(db)
    url = "--db=" + db.engine.url.render_as_string(hide_password=False)

    def pos(*words):
        capsys.readouterr()
        code = main([url, *map(str, words)])
        said = capsys.readouterr()
        return code, said.out, said.err

    code, out, _ = pos("lead", "add", "--kind", "smb", "--name", "Ms Sun", "--phone",
                       "13910002000", "--company", "Sun Accounting", "--who", "12 clerks",
                       "--next", "2026-12-02", "--staff", "Zhao Min")
    assert code == 0 and "owner Zhao Min" in out
    lead_id = int(out.split()[1])
    before = snapshot(db)
    code, _, err = pos("lead", "add", "--kind", "smb", "--name", "No Contact",
                       "--staff", "Li Na")
    assert code == 1 and "needs a phone number or a WeChat id" in err
    code, _, err = pos("lead", "lost", lead_id, "--staff", "Zhao Min")
    assert code == 1 and "Say why" in err
    code, _, err = pos("lead", "handover", lead_id, "--team", "business", "--staff", "Li Na")
    assert code == 1 and "managers and customer managers" in err
    code, _, err = pos("lead", "won", 999, "--staff", "Zhao Min")
    assert code == 1 and "No lead 999" in err
    code, _, err = pos("lead", "handover", "--customer", "13000000000", "--team", "business",
                       "--staff", "Zhao Min")
    assert code == 1 and "No customer '13000000000'" in err
    code, _, err = pos("followup", "plan", "--week", "2026-W60", "--staff", "Zhao Min")
    assert code == 1 and "is not a week" in err
    assert snapshot(db) == before
    code, out, _ = pos("leads", "--state", "open", "--owner", "Zhao Min")
    assert code == 0 and "Ms Sun" in out and "1 leads" in out
    code, out, _ = pos("lead", "update", lead_id, "--values", "one invoice", "--staff",
                       "Zhao Min")
    assert code == 0 and "what they value: one invoice" in out and "who uses it: 12 clerks" in out
    code, out, _ = pos("followup", "plan", "--week", "2026-W49", "--staff", "Zhao Min")
    assert code == 0 and "1 contacts planned" in out
    code, out, _ = pos("followup", "week", "--week", "2026-W49")
    call_id = int(out.split()[0])
    code, _, err = pos("followup", "record", call_id, "--outcome", "reached", "--visit",
                       "--staff", "Zhao Min")
    assert code == 1 and "A visit needs notes" in err
    code, out, _ = pos("followup", "record", call_id, "--outcome", "interested", "--visit",
                       "--notes", "met the boss", "--staff", "Zhao Min")
    assert code == 0 and out.startswith("visit")
    code, out, _ = pos("followup", "report", "--week", "2026-W49", "--csv", tmp_path / "r.csv")
    assert code == 0 and (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbfweek,")
    code, out, _ = pos("lead", "handover", lead_id, "--team", "business", "--note", "fits",
                       "--staff", "Zhang Wei")
    assert code == 0 and "handed over to the business team" in out
    code, out, _ = pos("lead", "show", lead_id)
    assert "transferred" in out and "team: business" in out
    assert verify(db).ok
