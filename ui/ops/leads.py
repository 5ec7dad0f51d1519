"""The leads screen's calls (ui.leads): the leads and their five needs answers, a lead
added or changed, moved (won, lost, open again) or handed over to a team; the week's
follow-up plan, planned and recorded; the manager's weekly report (pos.people.leads,
followup_plan, followup_report). Plain values in, the services' records out; the
services load lazily, on the worker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.ops.running import Call


@dataclass(frozen=True, slots=True)
class LeadDraft:
    """What the lead form holds: the contact, the five answers, owner and next date."""

    kind: str
    contact_name: str
    phone: str = ""
    wechat: str = ""
    company: str = ""
    who: str = ""
    what: str = ""
    can_use: str = ""
    values: str = ""
    summary: str = ""
    owner_id: int | None = None
    next_contact_on: date | None = None

    def fields(self) -> dict:
        return {"kind": self.kind, "contact_name": self.contact_name,
                "phone": self.phone or None, "wechat": self.wechat or None,
                "company": self.company or None, "owner_id": self.owner_id,
                "next_contact_on": self.next_contact_on,
                "needs": {"who": self.who, "what": self.what, "can_use": self.can_use,
                          "values": self.values, "summary": self.summary}}


def list_leads(*, owner: int | None = None, state: str | None = None) -> Call:
    def call(db):
        from pos.people.leads import list_leads as listed

        return listed(db, owner=owner, state=state)
    return call


def lead_staff() -> Call:
    """The active staff who may look after leads (managers, admins, customer managers)."""
    def call(db):
        from pos.people.leads import KEEPERS
        from pos.people.staff import list_staff

        return [s for s in list_staff(db) if s.role in KEEPERS]
    return call


def save_lead(*, lead_id: int | None, draft: LeadDraft, staff_id: int) -> Call:
    """A new lead (lead_id None) or the lead changed to the draft."""
    def call(db):
        from pos.people.leads import add_lead, update_lead

        if lead_id is None:
            return add_lead(db, staff_id=staff_id, **draft.fields())
        return update_lead(db, lead_id=lead_id, staff_id=staff_id, **draft.fields())
    return call


def move_lead(*, lead_id: int, to: str, staff_id: int, reason: str | None = None) -> Call:
    def call(db):
        from pos.people.leads import move_lead as move

        return move(db, lead_id=lead_id, to=to, reason=reason, staff_id=staff_id)
    return call


def hand_over(*, lead_id: int, team: str, to_staff: int | None, staff_id: int,
              note: str) -> Call:
    """The lead handed to the team; the answer is the lead as it is now."""
    def call(db):
        from pos.people.leads import get_lead
        from pos.people.leads import hand_over as hand

        hand(db, lead_id=lead_id, team=team, to_staff=to_staff, staff_id=staff_id, note=note)
        return get_lead(db, lead_id=lead_id)
    return call


def week_plan(*, week_start: date, staff: int | None = None) -> Call:
    def call(db):
        from pos.people.followup_plan import week_plan as plan

        return plan(db, week_start=week_start, staff=staff)
    return call


def plan_week(*, week_start: date, staff_id: int) -> Call:
    """Plan the week (idempotent); the answer is (the WeekPlan, the week's contacts)."""
    def call(db):
        from pos.people.followup_plan import plan_week as plan
        from pos.people.followup_plan import week_plan as planned

        done = plan(db, week_start=week_start, staff_id=staff_id)
        return done, planned(db, week_start=week_start)
    return call


def record_contact(*, followup_id: int, staff_id: int, kind: str, outcome: str,
                   notes: str) -> Call:
    def call(db):
        from pos.people.followups import record_contact as record

        record(db, followup_id=followup_id, staff_id=staff_id, kind=kind, outcome=outcome,
               notes=notes)
    return call


def followup_report(*, week_start: date) -> Call:
    def call(db):
        from pos.people.followup_report import followup_report as report

        return report(db, week_start=week_start)
    return call
