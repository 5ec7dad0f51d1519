"""The slip of an account document on the receipt printer (print job kind `account`): a
payment received on account, or a pre-order's deposit taken or paid back. Pure layout,
the same operations as a receipt (printing/receipt.py), so it goes out through the same
ESC/POS path or the receipt-width PDF preview. English or Chinese."""

from __future__ import annotations

from pos.kernel.enums import AccountDocKind
from pos.kernel.money import to_decimal_string
from pos.printjobs.account_slip import AccountSlipRecord

from .columns import DEFAULT_ENCODING
from .labels import labels_for
from .receipt import Barcode, Cut, Op, Paper, Rule, Text

WORDS = {
    "en": {AccountDocKind.PAYMENT: "Payment on account", AccountDocKind.DEPOSIT: "Deposit",
           AccountDocKind.DEPOSIT_REFUND: "Deposit paid back",
           AccountDocKind.WRITE_OFF: "Write-off", AccountDocKind.ALLOCATE: "Credit applied",
           "till": "Till", "staff": "Staff", "customer": "Customer", "amount": "Amount",
           "reference": "Reference", "card": "Card", "applied": "Settled",
           "credit": "Kept as credit", "balance": "Balance now owed", "preorder": "Pre-order",
           "gift": "Gift", "thanks": "Thank you. Keep this slip as your receipt."},
    "zh_CN": {AccountDocKind.PAYMENT: "收款单（还款）", AccountDocKind.DEPOSIT: "定金收据",
              AccountDocKind.DEPOSIT_REFUND: "退定金单", AccountDocKind.WRITE_OFF: "坏账核销",
              AccountDocKind.ALLOCATE: "冲账", "till": "收银台", "staff": "经办人",
              "customer": "客户", "amount": "金额", "reference": "参考号", "card": "卡号末四位",
              "applied": "冲销单据", "credit": "留作预收款", "balance": "当前欠款余额",
              "preorder": "预订单", "gift": "预订礼品", "thanks": "谢谢惠顾，请妥善保管本收据。"},
}


def masked_phone(phone: str) -> str:
    """138****8000, as on a receipt: enough to recognise, not enough to copy."""
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 8 else phone


def account_slip_layout(record: AccountSlipRecord, *, width: int = 48,
                        encoding: str = DEFAULT_ENCODING) -> list[Op]:
    paper = Paper(width, encoding)
    store = record.store
    words = WORDS["zh_CN" if store.locale.startswith("zh") else "en"]
    labels = labels_for(store.locale)
    money = lambda amount: to_decimal_string(amount, currency=store.currency)
    ops: list[Op] = []

    def add(text: str, **style) -> None:
        for piece in paper.wrap(text, width // 2 if style.get("double") else width):
            ops.append(Text(piece, **style))

    def row(left: str, right: str, **style) -> None:
        for text in paper.left_right(left, right, hang=2 if left.startswith("  ") else 0):
            add(text, **style)

    for line in paper.centre(store.name, width // 2):
        add(line.strip(), align="center", bold=True, double=True)
    for part in (store.address, store.phone):
        if part:
            add(part, align="center")
    for line in paper.centre(words[record.kind], width // 2):
        add(line.strip(), align="center", bold=True, double=True)
    ops.append(Rule("="))
    row(record.doc_no, f"{record.posted_at.astimezone():%Y-%m-%d %H:%M}")
    if record.terminal or record.staff:
        row(f"{words['till']} {record.terminal or '-'}", f"{words['staff']} {record.staff or ''}")
    ops.append(Rule())
    add(f"{words['customer']} {record.customer_name} {masked_phone(record.customer_phone)}")
    if record.company:
        add(record.company)
    if record.preorder:
        add(f"{words['preorder']} {record.preorder}")
        if record.gift:
            add(f"{words['gift']} {record.gift}")
    ops.append(Rule())
    tender = labels.get(record.tender.value, record.tender.value) if record.tender else ""
    row(f"{words['amount']} {tender}".strip(), money(record.amount), bold=True)
    if record.reference:
        add(f"{words['reference']} {record.reference}")
    if record.card_last4:
        add(f"{words['card']} {record.card_last4}")
    if record.applied:
        add(words["applied"], bold=True)
        for ref, amount in record.applied:
            row(f"  {ref}", money(amount))
    if record.unapplied:
        row(words["credit"], money(record.unapplied))
    if record.balance_after is not None:
        ops.append(Rule())
        row(words["balance"], money(record.balance_after), bold=True)
    ops.append(Rule("="))
    add(words["thanks"], align="center")
    ops.append(Barcode(record.doc_no))
    ops.append(Cut())
    return ops
