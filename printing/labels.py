"""The words printed on receipts, in English and Simplified Chinese. Printing has no Qt,
so its few labels live here rather than in the UI's translation files. What pos/ words
as a message (a card's promise, a unit's warranty) is rendered by `say`, in the
document's language, from the same translations the till and the command use."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date

from pos.kernel.messages import Message, render
from pos.kernel.translations import Translations, load_translations

LABELS = {
    "en": {
        "receipt": "Receipt", "date": "Date", "till": "Till", "staff": "Served by",
        "customer": "Customer", "serial": "S/N", "imei": "IMEI", "each": "@",
        "discount": "Discount", "total": "TOTAL", "vat": "incl. VAT {rate}%",
        "change": "Change", "card": "Service card", "card_no": "Card no.",
        "term_months": "{n} months", "lifetime": "lifetime", "valid_until": "Valid until",
        "on_site": "on-site", "carry_in": "carry-in", "copy": "*** COPY ***",
        "reference": "Ref", "due": "Due", "tax_id": "Tax ID", "pack": "gift pack",
        "price_changed": "price changed", "items": "Items", "gift": "Gift",
        "cash": "Cash", "bank_card": "Bank card", "wechat": "WeChat Pay", "alipay": "Alipay",
        "voucher": "Voucher", "on_account": "On account", "exchange": "Exchange credit",
        "deposit": "Deposit", "transfer": "Bank transfer",
        "addon_of": "Added on site to {receipt}", "refund_of": "REFUND of {receipt}",
        "void_of": "VOID of {receipt}", "exchange_of": "EXCHANGE against {receipt}",
        "code": "Code", "reprinted": "Reprinted {at} by {by}", "reprinted_at": "Reprinted {at}",
        "refund_title": "Refund", "void_title": "Void", "addon_title": "Add-on",
        "service_card": "Service card",
    },
    "zh_CN": {
        "receipt": "销售小票", "date": "日期", "till": "收银台", "staff": "经办人",
        "customer": "顾客", "serial": "序列号", "imei": "IMEI", "each": "单价",
        "discount": "优惠", "total": "合计", "vat": "含增值税 {rate}%",
        "change": "找零", "card": "服务卡", "card_no": "卡号",
        "term_months": "{n}个月", "lifetime": "终身", "valid_until": "有效期至",
        "on_site": "上门", "carry_in": "送修", "copy": "*** 重印 ***",
        "reference": "参考号", "due": "到期", "tax_id": "税号", "pack": "礼包",
        "price_changed": "改价", "items": "件数", "gift": "赠品",
        "cash": "现金", "bank_card": "银行卡", "wechat": "微信支付", "alipay": "支付宝",
        "voucher": "代金券", "on_account": "挂账", "exchange": "换货抵扣",
        "deposit": "定金", "transfer": "银行转账",
        "addon_of": "上门加购，原单 {receipt}", "refund_of": "退货单，原单 {receipt}",
        "void_of": "作废单，原单 {receipt}", "exchange_of": "换货单，原单 {receipt}",
        "code": "编码", "reprinted": "{at} 由 {by} 重印", "reprinted_at": "{at} 重印",
        "refund_title": "退货单", "void_title": "作废单", "addon_title": "加购单",
        "service_card": "服务卡",
    },
}


def labels_for(locale: str) -> dict[str, str]:
    return LABELS["zh_CN" if locale.startswith("zh") else "en"]


@functools.lru_cache(maxsize=4)
def _translations(language: str) -> Translations | None:
    return load_translations(language)


def say(message: Message, locale: str, *, day: Callable[[date], str] | None = None) -> str:
    """A message of pos/ as a document prints it: in the locale's language ("zh..." is
    Chinese, anything else English), dates by `day` (YYYY-MM-DD without it, as receipts
    print them)."""
    translations = _translations("zh_CN" if locale.startswith("zh") else "en")
    return render(message, translate=translations.message_template if translations else None,
                  date=day)
