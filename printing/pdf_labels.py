"""The words printed on the PDF documents (configuration sheet copies, blank sheets,
service-card certificates) in English and Simplified Chinese, and the per-family
wording of the sheet. Printing has no Qt, so these live here, not in the UI's files."""

from __future__ import annotations

# The copy labels are bilingual on every sheet, as on the printed carbon pads.
COPY_LABELS = {
    "customer": "CUSTOMER COPY / 客户联",
    "store": "STORE COPY / 存根联",
    "installer": "INSTALLER COPY / 安装联",
}

# What a sheet item ended in, as printed next to its box; tests read these back.
# Marks an item an installer sold later, as an add-on to this unit.
ON_SITE_WORDS = {"en": "Added on site", "zh_CN": "上门加购"}

STATE_WORDS = {
    "en": {"sold": "SOLD", "declined": "DECLINED", "not_offered": "not offered"},
    "zh_CN": {"sold": "已售", "declined": "拒绝", "not_offered": "未推荐"},
}

LABELS = {
    "en": {
        "receipt_no": "Receipt no.", "date": "Date",
        "salesperson": "Salesperson", "customer": "Customer", "phone": "Phone",
        "company": "Company", "unit": "Main unit", "unit_price": "Unit price",
        "item": "Item", "state": "Result", "product": "Product chosen", "price": "Price",
        "candidates": "Products to offer (high price first)", "pack": "pack", "gift": "Gift",
        "warranty": "Maker's warranty",
        "card": "Service card", "card_no": "Card no.", "tier": "Card", "term": "Term",
        "months": "{n} months", "lifetime": "lifetime", "valid_until": "Valid until",
        "on_site": "on-site", "carry_in": "carry-in",
        "card_declined": "Offered; the customer declined the card",
        "card_not_offered": "No card was offered",
        "card_reminder": "Confirm the card: before and after the sale is confirmed, "
                         "before payment, before pickup, at installation",
        "sign_customer": "Customer signature", "sign_salesperson": "Salesperson signature",
        "sign_installer": "Installer signature",
        "sign_date": "Date: ____ / ____ / ______",
        "others": "Also sold (scanned, not on the checklist)", "qty": "Qty",
        "each": "Unit price", "with_sale": " (with the sale)",
        "grand_total": "Sale total", "in_capitals": "",
        "legend_taken": "sold", "legend_declined": "declined",
        "legend_empty": "not offered",
        "summary": "{sold} sold, {declined} declined, {not_offered} not offered; "
                   "add-ons {amount}",
        "copies": "White: customer   Pink: store   Yellow: installer",
        "page": "Page {n} of {total}", "continued": "continued",
        "continued_next": "Continued on the next page",
        "pad_no": "Pad no.", "notes": "Notes",
        # the service-card certificate
        "certificate": "Service Card Certificate",
        "service": "Service", "units_covered": "Units covered",
        "units": "{n} unit", "units_many": "{n} units", "serial": "Serial / IMEI",
        "start": "Start date", "end": "End date", "issued_by": "Issued by",
        "terms_title": "Terms and conditions", "stamp": "Store stamp",
        "authorised": "Authorised signature", "price_paid": "Price paid",
        "terms": "Show this certificate or the receipt when you ask for service. The card "
                 "stays with the unit it covers and has no cash value. Unless this card says "
                 "so, damage from accidents, misuse or unauthorised repair is not covered.",
        "terms_on_site": " On-site service: within 2 hours in the city, 6 hours in the county.",
        "terms_carry_in": "Carry-in service: bring the unit and this certificate to the "
                          "issuing store or an authorised service point.",
        "clause_promise": "{tier}: {promise}. Valid from {start} to {end}.",
        "clause_promise_lifetime": "{tier}: {promise}. Valid from {start} for the life of "
                                   "the unit.",
        "clause_one_unit": "It covers one unit: {unit}, serial {serial}.",
        "clause_no_serial": "as on the receipt",
        "clause_units": "It covers up to {n} units registered to it, starting with {unit}.",
    },
    "zh_CN": {
        "receipt_no": "小票号", "date": "日期",
        "salesperson": "销售员", "customer": "客户姓名", "phone": "联系电话",
        "company": "单位名称", "unit": "主机型号", "unit_price": "主机价格",
        "item": "项目", "state": "结果", "product": "所选商品", "price": "金额",
        "candidates": "推荐商品（先高后低）", "pack": "礼包价", "gift": "赠品",
        "warranty": "厂商保修",
        "card": "服务卡", "card_no": "卡号", "tier": "卡种", "term": "期限",
        "months": "{n}个月", "lifetime": "终身", "valid_until": "有效期至",
        "on_site": "上门服务", "carry_in": "送修服务",
        "card_declined": "已推荐，客户拒绝服务卡",
        "card_not_offered": "未推荐服务卡",
        "card_reminder": "服务卡五次确认：确认销售前、确认销售后、付款前、提货前、安装时",
        "sign_customer": "客户签名", "sign_salesperson": "销售员签名",
        "sign_installer": "安装人员签名",
        "sign_date": "日期：______年____月____日",
        "others": "其他商品（扫码销售，不在清单内）", "qty": "数量",
        "each": "单价", "with_sale": "（随单销售）",
        "grand_total": "合计", "in_capitals": "合计金额（大写）",
        "legend_taken": "已售", "legend_declined": "拒绝",
        "legend_empty": "未推荐",
        "summary": "已售 {sold} 项，拒绝 {declined} 项，未推荐 {not_offered} 项；"
                   "附加销售 {amount}",
        "copies": "白联：客户   红联：存根   黄联：安装",
        "page": "第 {n} 页 共 {total} 页", "continued": "续",
        "continued_next": "接下页",
        "pad_no": "单据编号", "notes": "备注",
        "certificate": "服务卡证书",
        "service": "服务方式", "units_covered": "覆盖台数",
        "units": "{n} 台", "units_many": "{n} 台", "serial": "序列号 / IMEI",
        "start": "生效日期", "end": "截止日期", "issued_by": "发证门店",
        "terms_title": "服务条款", "stamp": "门店盖章",
        "authorised": "授权签字", "price_paid": "售价",
        "terms": "报修时请出示本证书或购物小票。本卡随所保主机使用，不可转让至其他主机，不可兑换现金。"
                 "除本卡另有说明外，意外损坏、使用不当或非授权维修造成的损坏不在服务范围内。",
        "terms_on_site": "上门服务承诺：市区2小时、郊县6小时内到达。",
        "terms_carry_in": "送修服务：请携主机及本证书至发证门店或授权服务点。",
        "clause_promise": "{tier}：{promise}。有效期 {start} 至 {end}。",
        "clause_promise_lifetime": "{tier}：{promise}。自 {start} 起终身有效。",
        "clause_one_unit": "本卡保一台主机：{unit}，序列号 {serial}。",
        "clause_no_serial": "见购物小票",
        "clause_units": "本卡最多保 {n} 台登记在本卡名下的主机，首台为 {unit}。",
    },
}

# Per sheet family: its tag, how the unit's number is called, and the family's own
# write-in fields (a fourth header row installers and service staff fill by hand).
FAMILY_WORDS = {
    "desktop_pc": {
        "en": ("DESKTOP PC", "Serial no.",
               (("Delivery & installation address", 2), ("Installation appointment", 1))),
        "zh_CN": ("台式电脑", "主机序列号", (("送装地址", 2), ("预约安装时间", 1))),
    },
    "notebook": {
        "en": ("NOTEBOOK", "Serial no.",
               (("Brand warranty registered", 1), ("Setup & data transfer notes", 2))),
        "zh_CN": ("笔记本电脑", "序列号", (("官方保修登记", 1), ("开机设置 / 数据迁移备注", 2))),
    },
    "digital": {
        "en": ("DIGITAL", "Serial / body no.", (("Lens serial no.", 1), ("Shutter count", 1))),
        "zh_CN": ("数码影像", "机身号 / 序列号", (("镜头序列号", 1), ("快门次数", 1))),
    },
    "phone": {
        "en": ("PHONE / TABLET", "IMEI",
               (("Mobile number (carrier plan)", 1), ("Second IMEI / MEID", 1))),
        "zh_CN": ("手机平板", "IMEI 串号", (("办理号码", 1), ("第二 IMEI / MEID", 1))),
    },
}


def language(locale: str) -> str:
    """The label set for a locale: zh_CN for any Chinese locale, else English."""
    return "zh_CN" if locale.replace("-", "_").lower().startswith("zh") else "en"
