"""The day report's section on customer accounts and deposits (issue 19), for
printing.report_pdf: what was sold on account and put back on accounts, payments
received per tender, write-offs; deposits taken, paid back, used on sales and held at
the end; and the takings as money in. Left out when there was none of it, so a report
without account money is as before."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Table, TableStyle

from .fonts import LATIN_FONT

WIDTH = A4[0] - 2 * 36  # A4 less report_pdf's margins


def account_section(page) -> list:
    """Customer accounts and deposits (issue 19), only when there was any: none of it
    is a sale; payments received and deposits are money in, counted in the takings."""
    r = page.report
    if not r.has_account:
        return []
    a = r.account
    ledger = [[page.t("sales_on_account"), page.money(a.sales_on_account)],
              [page.t("refunds_to_account"), page.money(a.refunds_to_account)]]
    ledger += [[f"{page.t('payments_received')} · {page.t(k)}", page.money(v)]
               for k, v in a.payments.items()]
    ledger.append([page.t("write_offs"), page.money(a.write_offs)])
    deposits = [[f"{page.t('deposits_taken')} · {page.t(k)}", page.money(v)]
                for k, v in a.deposits_taken.items()]
    deposits += [[f"{page.t('deposits_refunded')} · {page.t(k)}", page.money(v)]
                 for k, v in a.deposits_refunded.items()]
    deposits += [[page.t("deposits_used"), page.money(a.deposits_used)],
                 [page.t("deposits_held"), page.money(a.deposits_held)]]
    takings = [[page.t(k), page.money(v)] for k, v in r.takings.items()]
    takings.append([page.t("sum"), page.money(sum(r.takings.values()))])
    tables = [page.table([page.t("accounts_col"), page.t("total")], ledger, [112, -64]),
              page.table([page.t("deposits_col"), page.t("total")], deposits, [112, -64]),
              page.table([page.t("takings"), page.t("total")], takings, [80, -64],
                         bold_last=True)]
    gap = (WIDTH - 176 - 176 - 144) / 2
    row = Table([tables], colWidths=[176 + gap, 176 + gap, 144], hAlign="LEFT")
    row.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), LATIN_FONT),
                             ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [page.heading("accounts"), row]

