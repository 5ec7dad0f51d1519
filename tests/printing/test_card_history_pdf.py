"""A service card's history (printing.card_history_pdf, `pos card show --pdf`): the card,
its units (a business card's, n of 10) and its claims, covered or paid and why, with the
job and technician; in English and Chinese, fonts embedded; a long history runs onto
more pages; the command prints the same and refuses an unknown card (exit 1)."""

from __future__ import annotations

import io
import uuid
from datetime import date

from pypdf import PdfReader

from pos.cli import main
from pos.service import card_units, claims
from pos.service.card_history import card_history
from pos.service.jobs import register_job
from printing.card_history_pdf import card_history_pdf
from tests.integration.checkout_helpers import staff_id
from tests.integration.test_card_claims import sell
from tests.printing.test_pdf_fonts import assert_fonts_embedded


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def business_card_with_claims(db, extra_units: int = 2) -> str:
    card_no = sell(db, "PF3HIST000", "blue-gold", business=True).card_numbers[0]
    for n in range(1, extra_units + 1):
        card_units.register_unit(db, card_no=card_no, serial=f"PF3HIST{n:03d}",
                                 staff_id=staff_id(db, "cashier"))
    visit = register_job(db, kind="on_site", staff_id=staff_id(db, "cashier"),
                         request_id=str(uuid.uuid4()), serial="PF3HIST001", area="city",
                         need="office suite will not start",
                         technician=staff_id(db, "installer"))
    claims.claim(db, job_no=visit.job_no, staff_id=staff_id(db, "installer"))
    repair = register_job(db, kind="repair", staff_id=staff_id(db, "cashier"),
                          request_id=str(uuid.uuid4()), serial="PF3HIST000",
                          need="screen flickers", fault="screen flickers")
    claims.claim(db, job_no=repair.job_no, staff_id=staff_id(db, "manager"), what="hardware")
    return card_no


def test_the_history_shows_the_card_its_units_and_its_claims(sqlite_demo_db):
    db = sqlite_demo_db
    card_no = business_card_with_claims(db)
    history = card_history(db, card_no=card_no)
    assert history.in_force and history.why_not is None
    assert [u.serial for u in history.units] == ["PF3HIST000", "PF3HIST001", "PF3HIST002"]
    assert [(c.covered, c.reason) for c in history.claims] == [
        (True, None), (False, "claim.outside_scope")]
    text = text_of(card_history_pdf(history, locale="en"))
    for expected in ("Service card history", card_no, "Blue-gold card", "IN FORCE",
                     "Units covered (3 of 10)", "PF3HIST002", "sold with the card",
                     "Claims (2, 1 covered)", "S01-CL-000001", "S01-CL-000002", "covered",
                     "paid", "hardware", "on-site visit", "repair", history.store.name):
        assert expected in text, expected
    zh = card_history_pdf(history, locale="zh_CN")
    zh_text = text_of(zh)
    for expected in ("服务卡记录", "保障设备（3/10台）", "索赔记录（2次，保障内1次）", "保障内",
                     "收费", "上门", "送修", card_no):
        assert expected in zh_text, expected
    assert_fonts_embedded(zh, chinese=True)


def test_an_expired_card_says_why_and_a_long_history_runs_onto_more_pages(sqlite_demo_db):
    db = sqlite_demo_db
    card_no = business_card_with_claims(db, extra_units=9)
    later = date.today().replace(year=date.today().year + 2)
    history = card_history(db, card_no=card_no, on=later)
    assert not history.in_force and history.why_not.id == "claim.expired"
    assert len(history.units) == 10
    long = history.__class__(**{**history.__dict__, "claims": history.claims * 40})
    data = card_history_pdf(long, locale="en")
    assert len(PdfReader(io.BytesIO(data)).pages) >= 2
    text = text_of(data)
    assert "NOT IN FORCE" in text and "ended on" in text and "(continued)" in text


def test_pos_card_show_claims_register_and_a_refusal(sqlite_demo_db, tmp_path, capsys):
    db = sqlite_demo_db
    card_no = business_card_with_claims(db, extra_units=1)
    url = str(db.engine.url)
    pdf = tmp_path / "history.pdf"
    assert main(["--db", url, "card", "show", card_no, "--pdf", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "Units (2 of 10)" in out and "Claims (2, 1 covered)" in out and "PAID" in out
    assert text_of(pdf.read_bytes()).startswith("") and pdf.stat().st_size > 1000
    assert main(["--db", url, "card", "register", card_no, "pf3hist009", "--staff",
                 _name(db, "cashier")]) == 0
    assert "unit PF3HIST009 registered" in capsys.readouterr().out
    assert main(["--db", url, "card", "register", card_no, "PF3HIST009", "--staff",
                 _name(db, "cashier")]) == 1
    assert "already on card" in capsys.readouterr().err
    assert main(["--db", url, "card", "claims", card_no]) == 0
    assert "S01-CL-000002" in capsys.readouterr().out
    assert main(["--db", url, "card", "cover", "PF3HIST009"]) == 0
    assert f"card {card_no}" in capsys.readouterr().out
    assert main(["--db", url, "card", "show", "S01-C-NOPE"]) == 1
    assert "No service card" in capsys.readouterr().err


def _name(db, role: str) -> str:
    from pos.people import staff

    return next(s.name for s in staff.list_staff(db) if s.role.value == role)
