"""Demo store data for Tickbox POS, in English and Simplified Chinese.

This module owns the sample store that a fresh install, the tests and the benchmarks
start from: the store header, tills, staff, categories, the product catalogue (with its
traffic / mainstream / resource price roles), the configuration sheets (配置单) with their
sales scripts and gift packs, and the service-card tiers. It follows the store practice
in the project brief (shared/domain.md).

It is pure data plus small builders; nothing here touches the database. Every name
exists in both locales and the builders take ``locale`` ("en" or "zh_CN"); codes, SKUs,
barcodes, prices and stock are the same in both. Money is a decimal string in yuan
(CNY, VAT included), e.g. "4999.00". Barcodes are EAN-13 under the Chinese GS1 prefix 69,
derived from a product's category position and its position in that category, so keep
the tables' order when editing (append new rows at the end of a category).
"""

from __future__ import annotations

from typing import NamedTuple

from pos.kernel.barcodes import make_ean13

LOCALES = ("en", "zh_CN")


def _pick(locale: str, en: str, zh: str) -> str:
    if locale == "en":
        return en
    if locale == "zh_CN":
        return zh
    raise ValueError(f"unknown locale {locale!r}; expected one of {LOCALES}")


# --------------------------------------------------------------------------- store


def store(locale: str) -> dict[str, str]:
    """The demo store's header: what the receipt and the sheet copies print at the top."""
    _pick(locale, "", "")  # reject an unknown locale up front
    return {
        "code": "S01",
        "name": _pick(locale, "Tickbox Digital, Xujiahui store", "Tickbox 数码 徐家汇店"),
        "address": _pick(
            locale,
            "Floor 2, 1 Hongqiao Road, Xuhui District, Shanghai 200030",
            "上海市徐汇区虹桥路1号2楼，邮编200030",
        ),
        "phone": "021-6448 7000",
        "tax_id": "91310104MA1FR8TK2K",  # unified social credit code (fictional, valid check)
        "currency": "CNY",
        "locale": locale,
        "receipt_footer": _pick(
            locale,
            "Thank you! Keep this receipt: it is your warranty record. Quality problems: "
            "return within 7 days, exchange within 15 days. On-site service: 2 h in the "
            "city, 6 h in the county.",
            "谢谢惠顾！请保留小票作为保修凭证。商品如有质量问题，7日内可退货，15日内可换货。"
            "上门服务：市区2小时、郊县6小时内到达。",
        ),
    }


def terminals() -> list[tuple[str, str]]:
    """Tills: code and a short label (not localised; staff name them)."""
    return [
        ("T01", "Front till 1"),
        ("T02", "Front till 2"),
        ("T03", "Service counter"),
    ]


# (name_en, name_zh, role, pin)
STAFF: list[tuple[str, str, str, str]] = [
    ("Li Na", "李娜", "cashier", "1111"),
    ("Wang Qiang", "王强", "installer", "2222"),
    ("Zhang Wei", "张伟", "manager", "9999"),
]


# ---------------------------------------------------------------------- categories

# (code, name_en, name_zh, kind, sheet_layout)
_CATEGORIES: tuple[tuple[str, str, str, str, str], ...] = (
    ("DESKTOP", "Desktop PCs", "台式电脑", "main_unit", "desktop_pc"),
    ("NOTEBOOK", "Notebooks", "笔记本电脑", "main_unit", "notebook"),
    ("PHONE", "Mobile phones", "手机", "main_unit", "phone"),
    ("TABLET", "Tablets", "平板电脑", "main_unit", "phone"),
    ("DSLR", "DSLR cameras", "单反相机", "main_unit", "digital"),
    ("COMPACT", "Compact cameras", "卡片相机", "main_unit", "digital"),
    ("CAMCORDER", "Camcorders", "数码摄像机", "main_unit", "digital"),
    ("MONITOR", "Monitors", "显示器", "accessory", ""),
    ("AUDIO", "Speakers, headsets & earbuds", "音箱耳机", "accessory", ""),
    ("PERIPHERALS", "Keyboards, mice & webcams", "键鼠及电脑外设", "accessory", ""),
    ("FURNITURE", "Computer desks & chairs", "电脑桌椅", "accessory", ""),
    ("GAMING", "Gaming controllers", "游戏外设", "accessory", ""),
    ("NETWORK", "Routers & broadband devices", "路由器及上网设备", "accessory", ""),
    ("MEDIA", "TV boxes", "电视盒子", "accessory", ""),
    ("POWER", "Power strips, UPS & adapters", "插座、UPS及电源", "accessory", ""),
    ("BAGS", "Bags & sleeves", "电脑包及摄影包", "accessory", ""),
    ("PROTECTION", "Screen films, filters & cleaning", "贴膜、滤镜及清洁", "accessory", ""),
    ("PHONE-ACC", "Phone & tablet accessories", "手机平板配件", "accessory", ""),
    ("CHARGING", "Chargers & power banks", "充电器及移动电源", "accessory", ""),
    ("MEMORY", "Memory cards & RAM", "存储卡及内存条", "accessory", ""),
    ("STORAGE", "Portable storage & card readers", "移动存储及读卡器", "accessory", ""),
    ("CAMERA-ACC", "Camera accessories", "摄影配件", "accessory", ""),
    ("CABLES", "Cables", "线材", "accessory", ""),
    ("SOFTWARE", "Software", "软件", "software", ""),
    ("PLANS", "Carrier plans & broadband", "通信套餐及宽带", "service", ""),
)


# The maker's warranty of the main units, in months: the national "three guarantees"
# (三包) year for the whole unit, which the hardware extensions follow. A product may
# carry its own in the catalog (warranty_months); these ones take their category's.
_WARRANTY_MONTHS = {
    "DESKTOP": 12, "NOTEBOOK": 12, "PHONE": 12, "TABLET": 12,
    "DSLR": 12, "COMPACT": 12, "CAMCORDER": 12,
}


def categories(locale: str) -> list[dict[str, str]]:
    return [
        {"code": code, "name": _pick(locale, en, zh), "kind": kind, "sheet_layout": layout,
         "warranty_months": str(_WARRANTY_MONTHS.get(code, ""))}
        for code, en, zh, kind, layout in _CATEGORIES
    ]


# ------------------------------------------------------------------------ products

# Per category: (sku, name_en, name_zh, price, cost, stock, role).
# Main units earn little (cost 90-95% of price); accessories carry the margin
# (cost 35-60%). Roles: traffic (cheap entry models and small items, limited stock),
# mainstream (priced at parity), resource (strong value, protected margin).
_Row = tuple[str, str, str, str, str, str, str]

_PRODUCTS: dict[str, tuple[_Row, ...]] = {
    "DESKTOP": (
        ("DT-LEN-BLADE7K", "Lenovo Legion Blade 7000K gaming desktop (i7-14700F / RTX 4060 / 16GB / 1TB)",
         "联想拯救者刃7000K 游戏台式机（i7-14700F/RTX 4060/16G/1T）", "8999.00", "8369.00", "6", "mainstream"),
        ("DT-HP-STAR27", "HP Star 27 all-in-one PC (i5 / 16GB / 1TB)",
         "惠普星 27 一体机（i5/16G/1T）", "5999.00", "5579.00", "8", "mainstream"),
        ("DT-DELL-V3020", "Dell Vostro 3020 desktop (i5-13400 / 16GB / 512GB)",
         "戴尔成就 3020 台式机（i5-13400/16G/512G）", "3999.00", "3759.00", "12", "mainstream"),
        ("DT-LEN-TY510S", "Lenovo Tianyi 510S mini desktop (i3 / 8GB / 512GB)",
         "联想天逸 510S 小机箱台式机（i3/8G/512G）", "2799.00", "2659.00", "5", "traffic"),
    ),
    "NOTEBOOK": (
        ("NB-LEN-Y9000P", "Lenovo Legion Y9000P 2024 gaming notebook (i9 / RTX 4060 / 16GB / 1TB)",
         "联想拯救者 Y9000P 2024 游戏本（i9/RTX 4060/16G/1T）", "9999.00", "9299.00", "5", "mainstream"),
        ("NB-LEN-XXPRO14", "Lenovo Xiaoxin Pro 14 notebook (Ultra 5 / 32GB / 1TB)",
         "联想小新 Pro 14 笔记本（Ultra 5/32G/1T）", "6499.00", "6049.00", "10", "mainstream"),
        ("NB-HW-D14", "Huawei MateBook D 14 notebook (i5 / 16GB / 512GB)",
         "华为 MateBook D 14 笔记本（i5/16G/512G）", "4299.00", "3999.00", "12", "mainstream"),
        ("NB-HON-X14", "Honor MagicBook X 14 notebook (i5 / 8GB / 512GB)",
         "荣耀 MagicBook X 14 笔记本（i5/8G/512G）", "3299.00", "3129.00", "6", "traffic"),
    ),
    "PHONE": (
        ("PH-HW-M60PRO", "Huawei Mate 60 Pro 12GB+512GB", "华为 Mate 60 Pro 12GB+512GB",
         "6999.00", "6509.00", "8", "mainstream"),
        ("PH-APL-IP15", "Apple iPhone 15 128GB", "苹果 iPhone 15 128GB",
         "5999.00", "5639.00", "10", "mainstream"),
        ("PH-MI-14", "Xiaomi 14 12GB+256GB", "小米 14 12GB+256GB",
         "4299.00", "3999.00", "12", "mainstream"),
        ("PH-OPPO-RENO11", "OPPO Reno11 12GB+256GB", "OPPO Reno11 手机 12GB+256GB",
         "2499.00", "2329.00", "15", "mainstream"),
        ("PH-RDM-N13", "Redmi Note 13 5G 8GB+128GB", "红米 Note 13 5G 8GB+128GB",
         "1099.00", "1039.00", "10", "traffic"),
    ),
    "TABLET": (
        ("TB-APL-AIR11", "Apple iPad Air 11-inch (M2) 128GB Wi-Fi", "苹果 iPad Air 11英寸（M2）128GB WLAN版",
         "4799.00", "4509.00", "6", "mainstream"),
        ("TB-HW-MP115", "Huawei MatePad 11.5 8GB+128GB", "华为 MatePad 11.5 8GB+128GB",
         "2099.00", "1949.00", "10", "mainstream"),
        ("TB-RDM-PADSE", "Redmi Pad SE 6GB+128GB", "红米 Pad SE 6GB+128GB",
         "999.00", "949.00", "8", "traffic"),
    ),
    "DSLR": (
        ("DS-CAN-5D4", "Canon EOS 5D Mark IV body", "佳能 EOS 5D Mark IV 单机身",
         "12999.00", "12219.00", "3", "mainstream"),
        ("DS-NIK-D7500K", "Nikon D7500 with 18-140mm lens kit", "尼康 D7500（18-140mm）套机",
         "7999.00", "7439.00", "4", "mainstream"),
        ("DS-CAN-850DK", "Canon EOS 850D with 18-55mm lens kit", "佳能 EOS 850D（18-55mm）套机",
         "5499.00", "5139.00", "6", "mainstream"),
        ("DS-CAN-200D2K", "Canon EOS 200D II with 18-55mm lens kit", "佳能 EOS 200D II（18-55mm）套机",
         "3999.00", "3799.00", "4", "traffic"),
    ),
    "COMPACT": (
        ("DC-SONY-RX100M7", "Sony RX100 VII compact camera", "索尼 RX100 VII 黑卡数码相机",
         "6999.00", "6509.00", "4", "mainstream"),
        ("DC-CAN-G7X3", "Canon PowerShot G7 X Mark III", "佳能 PowerShot G7 X Mark III 数码相机",
         "4999.00", "4649.00", "6", "mainstream"),
        ("DC-CAN-SX740", "Canon PowerShot SX740 HS travel zoom", "佳能 PowerShot SX740 HS 长焦数码相机",
         "2299.00", "2169.00", "5", "traffic"),
    ),
    "CAMCORDER": (
        ("DV-SONY-AX60", "Sony FDR-AX60 4K camcorder", "索尼 FDR-AX60 4K 数码摄像机",
         "6499.00", "6039.00", "3", "mainstream"),
        ("DV-DJI-POCKET3", "DJI Osmo Pocket 3 gimbal camera", "大疆 Osmo Pocket 3 一英寸口袋云台相机",
         "3499.00", "3259.00", "8", "mainstream"),
        ("DV-SONY-CX680", "Sony HDR-CX680 HD camcorder", "索尼 HDR-CX680 高清数码摄像机",
         "2999.00", "2799.00", "4", "mainstream"),
    ),
    "MONITOR": (
        ("MON-DELL-U27", "Dell UltraSharp U2723QE 27-inch 4K monitor", "戴尔 UltraSharp U2723QE 27英寸 4K 显示器",
         "3499.00", "2099.00", "6", "mainstream"),
        ("MON-AOC-Q27", "AOC Q27G3S 27-inch 2K 170 Hz gaming monitor", "AOC Q27G3S 27英寸 2K 170Hz 电竞显示器",
         "1499.00", "869.00", "15", "mainstream"),
        ("MON-PHI-24", "Philips 241V8 24-inch Full HD monitor", "飞利浦 241V8 24英寸 全高清显示器",
         "699.00", "419.00", "20", "traffic"),
    ),
    "AUDIO": (
        ("AUD-SPK-R1700", "Edifier R1700BT bookshelf speakers", "漫步者 R1700BT 蓝牙书架音箱",
         "499.00", "279.00", "20", "mainstream"),
        ("AUD-SPK-R12U", "Edifier R12U USB desktop speakers", "漫步者 R12U USB 桌面音箱",
         "99.00", "59.00", "40", "traffic"),
        ("AUD-HS-CLOUD2", "HyperX Cloud II gaming headset", "HyperX 飓风2 游戏耳机",
         "599.00", "339.00", "15", "mainstream"),
        ("AUD-HS-H390", "Logitech H390 USB headset", "罗技 H390 USB 耳机",
         "199.00", "99.00", "30", "mainstream"),
        ("AUD-TWS-FB3P", "Huawei FreeBuds Pro 3 wireless earbuds", "华为 FreeBuds Pro 3 无线耳机",
         "1199.00", "699.00", "12", "mainstream"),
        ("AUD-TWS-RDM5", "Redmi Buds 5 wireless earbuds", "红米 Buds 5 无线耳机",
         "199.00", "109.00", "30", "mainstream"),
    ),
    "PERIPHERALS": (
        ("PER-KM-MK545", "Logitech MK545 wireless keyboard & mouse set", "罗技 MK545 无线键鼠套装",
         "299.00", "169.00", "25", "mainstream"),
        ("PER-KM-MK120", "Logitech MK120 wired keyboard & mouse set", "罗技 MK120 有线键鼠套装",
         "79.00", "47.00", "50", "traffic"),
        ("PER-MS-MXA3S", "Logitech MX Anywhere 3S wireless mouse", "罗技 MX Anywhere 3S 无线鼠标",
         "549.00", "319.00", "12", "mainstream"),
        ("PER-MS-M185", "Logitech M185 wireless mouse", "罗技 M185 无线鼠标",
         "59.90", "35.90", "60", "traffic"),
        ("PER-CAM-C920", "Logitech C920 Pro HD webcam", "罗技 C920 Pro 高清摄像头",
         "499.00", "289.00", "15", "mainstream"),
        ("PER-CAM-C270", "Logitech C270 HD webcam", "罗技 C270 高清摄像头",
         "169.00", "89.00", "25", "mainstream"),
        ("PER-COOL-CM", "Cooler Master notebook cooling pad", "酷冷至尊 笔记本散热底座",
         "129.00", "59.00", "30", "resource"),
    ),
    "FURNITURE": (
        ("FUR-DESK-120", "Computer desk 120 cm with keyboard tray", "1.2米 电脑桌（带键盘托）",
         "599.00", "259.00", "10", "resource"),
        ("FUR-DESK-100", "Computer desk 100 cm", "1米 简约电脑桌",
         "299.00", "139.00", "12", "resource"),
        ("FUR-CHR-M57", "Sihoo M57 ergonomic chair", "西昊 M57 人体工学椅",
         "899.00", "449.00", "8", "resource"),
        ("FUR-CHR-BASIC", "Mesh swivel office chair", "网布旋转办公椅",
         "299.00", "129.00", "15", "mainstream"),
    ),
    "GAMING": (
        ("GAM-WHL-G29", "Logitech G29 force-feedback racing wheel with pedals", "罗技 G29 力反馈方向盘（含踏板）",
         "1999.00", "1179.00", "4", "mainstream"),
        ("GAM-PAD-XBOX", "Xbox Wireless Controller", "Xbox 无线控制器",
         "449.00", "259.00", "15", "mainstream"),
        ("GAM-PAD-BTP", "Betop Asura 2 Pro gamepad", "北通阿修罗2 Pro 游戏手柄",
         "159.00", "79.00", "25", "mainstream"),
        ("GAM-STK-3DPRO", "Logitech Extreme 3D Pro flight stick", "罗技 Extreme 3D Pro 飞行摇杆",
         "399.00", "229.00", "5", "mainstream"),
    ),
    "NETWORK": (
        ("NET-RT-XDR6088", "TP-Link XDR6088 AX6000 Wi-Fi 6 router", "TP-LINK XDR6088 AX6000 Wi-Fi 6 路由器",
         "699.00", "409.00", "10", "mainstream"),
        ("NET-RT-AX3000T", "Xiaomi AX3000T Wi-Fi 6 router", "小米 AX3000T Wi-Fi 6 路由器",
         "169.00", "99.00", "40", "traffic"),
        ("NET-CPE-5G", "Huawei 5G CPE 5 wireless broadband router", "华为 5G CPE 5 无线宽带路由器",
         "1599.00", "949.00", "6", "mainstream"),
        ("NET-USB-4G", "Huawei E8372 4G USB mobile broadband modem", "华为 E8372 4G 随身上网卡",
         "299.00", "169.00", "15", "mainstream"),
    ),
    "MEDIA": (
        ("MED-TVB-4SMAX", "Xiaomi Box 4S Max 4K TV box", "小米盒子 4S Max 4K 电视盒子",
         "399.00", "229.00", "12", "mainstream"),
        ("MED-TVB-TMALL6", "Tmall Magic Box 6 TV box", "天猫魔盒 6 电视盒子",
         "199.00", "109.00", "15", "mainstream"),
    ),
    "POWER": (
        ("POW-UPS-APC650", "APC BK650M2-CH 650 VA UPS", "APC BK650M2-CH 650VA 不间断电源（UPS）",
         "599.00", "339.00", "8", "mainstream"),
        ("POW-UPS-TGBOX", "Santak TG-BOX 600 UPS", "山特 TG-BOX 600 不间断电源（UPS）",
         "399.00", "229.00", "8", "mainstream"),
        ("POW-AVR-1500", "Delixi 1500 W automatic voltage stabiliser", "德力西 1500W 全自动稳压器",
         "329.00", "149.00", "6", "resource"),
        ("POW-STRIP-8", "Bull 8-outlet surge-protected power strip with USB", "公牛 8位防雷插座（带USB）",
         "99.00", "45.00", "50", "resource"),
        ("POW-STRIP-4", "Bull 4-outlet power strip, 1.8 m", "公牛 4位插座 1.8米",
         "39.90", "23.90", "80", "traffic"),
        ("POW-ADP-230", "Lenovo Legion 230 W original power adapter", "联想拯救者 230W 原装电源适配器",
         "399.00", "229.00", "6", "mainstream"),
        ("POW-ADP-65C", "Lenovo 65 W USB-C original power adapter", "联想 65W USB-C 原装电源适配器",
         "199.00", "109.00", "15", "mainstream"),
        ("POW-BAT-NB", "Notebook replacement battery (Lenovo / Huawei, fitted)", "笔记本替换电池（联想/华为，含安装）",
         "329.00", "179.00", "8", "resource"),
    ),
    "BAGS": (
        ("BAG-BP-SAM", "Samsonite 15.6-inch business backpack", "新秀丽 15.6英寸 商务双肩包",
         "599.00", "299.00", "10", "resource"),
        ("BAG-BP-LEG", "Lenovo Legion 16-inch gaming backpack", "联想拯救者 16英寸 电竞双肩包",
         "199.00", "99.00", "20", "mainstream"),
        ("BAG-NB-156", "Targus 15.6-inch shoulder bag", "泰格斯 15.6英寸 单肩电脑包",
         "399.00", "189.00", "12", "resource"),
        ("BAG-NB-14", "14-inch notebook briefcase", "14英寸 手提电脑包",
         "159.00", "69.00", "25", "resource"),
        ("BAG-SLV-14", "tomtoc 14-inch notebook sleeve", "tomtoc 14英寸 笔记本内胆包",
         "129.00", "59.00", "30", "resource"),
        ("BAG-CAM-BP", "Lowepro Flipside BP 300 AW III camera backpack", "乐摄宝 Flipside BP 300 AW III 双肩摄影包",
         "699.00", "389.00", "6", "mainstream"),
        ("BAG-CAM-SH", "Camera shoulder bag for DSLR and lenses", "单反相机单肩摄影包",
         "299.00", "129.00", "12", "resource"),
        ("BAG-CAM-POUCH", "Compact camera pouch", "卡片机便携相机包",
         "129.00", "55.00", "20", "resource"),
    ),
    "PROTECTION": (
        ("PRO-FLT-27P", "27-inch privacy & anti-glare screen filter", "27英寸 防窥防眩光屏幕滤镜",
         "299.00", "119.00", "10", "resource"),
        ("PRO-FLT-24B", "24-inch anti-blue-light screen filter", "24英寸 防蓝光屏幕滤镜",
         "129.00", "49.00", "15", "resource"),
        ("PRO-NBF-16", "16-inch notebook matte screen film", "16英寸 笔记本磨砂屏幕膜",
         "79.00", "29.00", "60", "resource"),
        ("PRO-NBF-14", "14-inch notebook HD screen film", "14英寸 笔记本高清屏幕膜",
         "59.00", "22.00", "60", "resource"),
        ("PRO-CLN-PC", "Screen & keyboard cleaning kit", "屏幕键盘清洁套装",
         "39.90", "15.90", "100", "resource"),
        ("PRO-CAM-FILM", "Camera LCD tempered-glass screen film", "相机屏幕钢化贴膜",
         "49.00", "18.00", "60", "resource"),
    ),
    "PHONE-ACC": (
        ("PHN-CASE-LTH", "Genuine leather phone case", "真皮手机保护壳",
         "169.00", "69.00", "40", "resource"),
        ("PHN-CASE-TPU", "Clear anti-drop phone case", "透明防摔手机壳",
         "39.90", "23.90", "120", "traffic"),
        ("PHN-GLS-PRIV", "Privacy tempered-glass screen protector", "防窥钢化膜",
         "79.00", "28.00", "100", "resource"),
        ("PHN-GLS-HD", "HD tempered-glass screen protector", "高清钢化膜",
         "29.90", "11.90", "120", "resource"),
        ("PHN-TAB-KB", "Bluetooth keyboard cover for tablets", "平板电脑蓝牙键盘保护套",
         "299.00", "139.00", "12", "mainstream"),
        ("PHN-TAB-PEN", "Active stylus for tablets", "平板电脑主动式触控笔",
         "199.00", "99.00", "15", "mainstream"),
    ),
    "CHARGING": (
        ("CHG-PB-20K", "Anker 20,000 mAh fast-charging power bank", "安克 20000毫安 快充移动电源",
         "249.00", "139.00", "30", "mainstream"),
        ("CHG-PB-10K", "Xiaomi 10,000 mAh power bank", "小米 10000毫安 移动电源",
         "99.00", "59.00", "50", "traffic"),
        ("CHG-GAN-65", "Anker 65 W GaN charger", "安克 65W 氮化镓充电器",
         "199.00", "109.00", "30", "mainstream"),
        ("CHG-USBC-20", "20 W USB-C fast charger", "20W USB-C 快充充电器",
         "69.00", "29.00", "60", "resource"),
    ),
    "MEMORY": (
        ("MEM-SD-256P", "SanDisk Extreme PRO 256GB SDXC card, 200 MB/s (high-speed)",
         "闪迪 256GB 至尊超极速 SDXC 高速存储卡 200MB/s", "599.00", "329.00", "20", "mainstream"),
        ("MEM-SD-128P", "SanDisk Extreme PRO 128GB SDXC card, 200 MB/s (high-speed)",
         "闪迪 128GB 至尊超极速 SDXC 高速存储卡 200MB/s", "299.00", "159.00", "40", "mainstream"),
        ("MEM-SD-64P", "SanDisk Extreme PRO 64GB SDXC card, 200 MB/s (high-speed)",
         "闪迪 64GB 至尊超极速 SDXC 高速存储卡 200MB/s", "169.00", "89.00", "40", "mainstream"),
        ("MEM-SD-128", "SanDisk Ultra 128GB SDXC card", "闪迪 128GB 至尊高速 SDXC 存储卡",
         "129.00", "69.00", "40", "mainstream"),
        ("MEM-SD-64", "SanDisk Ultra 64GB SDXC card", "闪迪 64GB 至尊高速 SDXC 存储卡",
         "69.00", "39.00", "60", "traffic"),
        ("MEM-MSD-256", "SanDisk Extreme 256GB microSDXC card (high-speed)", "闪迪 256GB 至尊极速 microSD 高速存储卡",
         "299.00", "159.00", "25", "mainstream"),
        ("MEM-MSD-128", "SanDisk Extreme 128GB microSDXC card (high-speed)", "闪迪 128GB 至尊极速 microSD 高速存储卡",
         "149.00", "79.00", "40", "mainstream"),
        ("MEM-MSD-64", "SanDisk Ultra 64GB microSDXC card", "闪迪 64GB 至尊高速 microSD 存储卡",
         "49.90", "29.90", "60", "traffic"),
        ("MEM-DDR5-16", "Kingston FURY DDR5-5600 16GB notebook memory", "金士顿 FURY DDR5-5600 16GB 笔记本内存条",
         "399.00", "219.00", "15", "mainstream"),
        ("MEM-DDR4-8", "Kingston DDR4-3200 8GB notebook memory", "金士顿 DDR4-3200 8GB 笔记本内存条",
         "159.00", "89.00", "20", "mainstream"),
    ),
    "STORAGE": (
        ("STO-SSD-T7-1T", "Samsung T7 1TB portable SSD", "三星 T7 1TB 移动固态硬盘",
         "699.00", "399.00", "15", "mainstream"),
        ("STO-HDD-2T", "WD My Passport 2TB portable hard drive", "西部数据 My Passport 2TB 移动硬盘",
         "499.00", "289.00", "15", "mainstream"),
        ("STO-USB-128", "SanDisk 128GB USB 3.2 flash drive", "闪迪 128GB USB 3.2 U盘",
         "89.00", "45.00", "50", "mainstream"),
        ("STO-ODD-USB", "ASUS external USB DVD writer", "华硕 外置 USB DVD 刻录光驱",
         "199.00", "99.00", "10", "mainstream"),
        ("STO-RDR-LEXAR", "Lexar USB 3.1 dual-slot card reader (CF / SD)", "雷克沙 USB 3.1 双槽读卡器（CF/SD）",
         "199.00", "99.00", "10", "mainstream"),
        ("STO-RDR-USBC", "Ugreen USB-C / USB-A card reader (SD / microSD)", "绿联 USB-C/USB-A 双接口读卡器（SD/TF）",
         "59.90", "35.90", "50", "traffic"),
        ("STO-SSD-NVME-1T", "Samsung 990 EVO 1TB NVMe internal SSD", "三星 990 EVO 1TB NVMe 固态硬盘（内置）",
         "549.00", "329.00", "10", "resource"),
    ),
    "CAMERA-ACC": (
        ("CAM-BAT-LPE6NH", "Canon LP-E6NH original battery", "佳能 LP-E6NH 原装电池",
         "469.00", "269.00", "10", "mainstream"),
        ("CAM-BAT-ENEL15C", "Nikon EN-EL15c original battery", "尼康 EN-EL15c 原装电池",
         "429.00", "249.00", "8", "mainstream"),
        ("CAM-BAT-LPE17", "Canon LP-E17 original battery", "佳能 LP-E17 原装电池",
         "349.00", "199.00", "10", "mainstream"),
        ("CAM-BAT-NPFV70", "Sony NP-FV70A original battery", "索尼 NP-FV70A 原装电池",
         "499.00", "289.00", "6", "mainstream"),
        ("CAM-BAT-NB13L", "Canon NB-13L original battery", "佳能 NB-13L 原装电池",
         "329.00", "189.00", "8", "mainstream"),
        ("CAM-BAT-NPBX1", "Sony NP-BX1 original battery", "索尼 NP-BX1 原装电池",
         "299.00", "169.00", "8", "mainstream"),
        ("CAM-TRI-BEFREE", "Manfrotto Befree Advanced aluminium travel tripod", "曼富图 Befree Advanced 铝合金旅行三脚架",
         "1299.00", "729.00", "4", "mainstream"),
        ("CAM-TRI-Q666", "Zomei Q666 aluminium tripod", "卓美 Q666 铝合金三脚架",
         "299.00", "129.00", "10", "resource"),
        ("CAM-TRI-VLOG", "Ulanzi MT-44 mini tripod & selfie grip", "优篮子 MT-44 迷你三脚架自拍杆",
         "99.00", "59.00", "25", "traffic"),
        ("CAM-GRIP-VPT2", "Sony GP-VPT2BT wireless shooting grip", "索尼 GP-VPT2BT 无线拍摄手柄",
         "699.00", "419.00", "5", "mainstream"),
        ("CAM-UV-77", "B+W XS-Pro 77 mm MRC nano UV filter", "B+W XS-Pro 77mm MRC nano UV镜",
         "399.00", "199.00", "6", "resource"),
        ("CAM-UV-67", "Hoya HD 67 mm UV filter", "保谷 HD 67mm UV镜",
         "259.00", "119.00", "8", "resource"),
        ("CAM-UV-58", "Kenko 58 mm UV filter", "肯高 58mm UV镜",
         "99.00", "39.00", "15", "resource"),
        ("CAM-UV-55", "Kenko 55 mm UV filter", "肯高 55mm UV镜",
         "89.00", "35.00", "10", "resource"),
        ("CAM-STR-PD", "Peak Design Slide Lite camera strap", "Peak Design Slide Lite 快拆相机背带",
         "399.00", "219.00", "6", "mainstream"),
        ("CAM-STR-NECK", "Camera neck strap", "相机肩带",
         "69.00", "25.00", "30", "resource"),
        ("CAM-STR-WRIST", "Camera wrist strap", "相机手腕带",
         "49.00", "29.00", "30", "traffic"),
        ("CAM-CLN-VSGO", "VSGO camera cleaning kit", "威高 相机清洁套装",
         "129.00", "49.00", "25", "resource"),
        ("CAM-PEN-LP", "LensPen lens cleaning pen", "LensPen 镜头清洁笔",
         "69.00", "29.00", "30", "resource"),
    ),
    "CABLES": (
        ("CBL-HDMI-3M", "Ugreen HDMI 2.1 8K cable, 3 m", "绿联 HDMI 2.1 8K 高清线 3米",
         "89.00", "35.00", "40", "resource"),
        ("CBL-DP-2M", "Ugreen DisplayPort 1.4 cable, 2 m", "绿联 DP 1.4 高清线 2米",
         "59.90", "24.90", "40", "resource"),
        ("CBL-USBC-1M", "Anker USB-C to USB-C 100 W cable, 1 m", "安克 USB-C 双头 100W 快充数据线 1米",
         "49.90", "19.90", "60", "resource"),
        ("CBL-USB-EXT", "USB 3.0 extension cable, 2 m", "USB 3.0 延长线 2米",
         "29.90", "17.90", "50", "traffic"),
    ),
    "SOFTWARE": (
        ("SW-WIN11-PRO", "Windows 11 Pro, retail (USB)", "Windows 11 专业版 零售盒装（U盘）",
         "1999.00", "1199.00", "10", "mainstream"),
        ("SW-WIN11-HOME", "Windows 11 Home, retail (USB)", "Windows 11 家庭版 零售盒装（U盘）",
         "1088.00", "649.00", "10", "mainstream"),
        ("SW-OFF-HS21", "Microsoft Office Home & Student 2021", "Microsoft Office 家庭和学生版 2021",
         "748.00", "439.00", "20", "mainstream"),
        ("SW-M365-P1Y", "Microsoft 365 Personal, 1-year subscription", "Microsoft 365 个人版 1年订阅",
         "398.00", "219.00", "30", "mainstream"),
        ("SW-WPS-1Y", "WPS Office super member, 1 year", "WPS 超级会员 1年",
         "179.00", "79.00", "50", "resource"),
        ("SW-AV-KAV3", "Kaspersky Standard, 3 devices, 1 year", "卡巴斯基 标准版 3设备 1年",
         "198.00", "89.00", "40", "resource"),
        ("SW-AV-ESET1", "ESET NOD32 Antivirus, 1 device, 1 year", "ESET NOD32 防病毒软件 1设备 1年",
         "118.00", "49.00", "40", "resource"),
    ),
    # The store earns the carrier's commission on these; the price is what the
    # customer pays at the counter (prepaid credit or the year's fee).
    "PLANS": (
        ("PLAN-CM-5G199", "China Mobile 5G 199/month plan, 24-month contract (1000 prepaid)",
         "中国移动 5G 199元套餐 合约24个月（预存1000元）", "1000.00", "800.00", "99", "mainstream"),
        ("PLAN-CU-5G129", "China Unicom 5G 129/month plan, 24-month contract (600 prepaid)",
         "中国联通 5G 129元套餐 合约24个月（预存600元）", "600.00", "480.00", "99", "mainstream"),
        ("PLAN-CT-5G89", "China Telecom 5G 89/month plan, 12-month contract (300 prepaid)",
         "中国电信 5G 89元套餐 合约12个月（预存300元）", "300.00", "240.00", "99", "traffic"),
        ("PLAN-CT-BB1000", "China Telecom 1000M fibre broadband, 12 months",
         "中国电信 千兆光纤宽带 12个月", "1200.00", "960.00", "99", "mainstream"),
        ("PLAN-CM-BB300", "China Mobile 300M broadband, 12 months",
         "中国移动 300M 宽带 12个月", "600.00", "480.00", "99", "mainstream"),
        ("PLAN-CU-WBB", "China Unicom 5G wireless broadband, 12 months",
         "中国联通 5G 无线宽带 12个月", "588.00", "470.00", "99", "mainstream"),
        ("PLAN-CU-DATA", "China Unicom mobile broadband data card, 100 GB a month, 12 months",
         "中国联通 上网卡 每月100GB 12个月", "480.00", "384.00", "99", "mainstream"),
    ),
}

# Software sold as a time-limited subscription is a service for VAT (6%);
# boxed, perpetual software is goods (13%), like the hardware.
_SUBSCRIPTIONS = frozenset({"SW-M365-P1Y", "SW-WPS-1Y", "SW-AV-KAV3", "SW-AV-ESET1"})

_BARCODE_COMPANY = "692315"  # GS1 China (690-699) + a fictional company number


def _barcode(category_index: int, row_index: int) -> str:
    return make_ean13(f"{_BARCODE_COMPANY}{category_index:03d}{row_index:03d}")


def products(locale: str) -> list[dict[str, str]]:
    kinds = {code: kind for code, _en, _zh, kind, _layout in _CATEGORIES}
    order = [code for code, *_rest in _CATEGORIES]
    out: list[dict[str, str]] = []
    for category, rows in _PRODUCTS.items():
        cat_index = order.index(category) + 1
        for row_index, (sku, en, zh, price, cost, stock, role) in enumerate(rows, start=1):
            is_service = kinds[category] == "service" or sku in _SUBSCRIPTIONS
            out.append(
                {
                    "sku": sku,
                    "barcode": _barcode(cat_index, row_index),
                    "name": _pick(locale, en, zh),
                    "category": category,
                    "price": price,
                    "cost": cost,
                    "stock": stock,
                    "role": role,
                    "serial_tracked": "yes" if kinds[category] == "main_unit" else "no",
                    "vat_rate": "6" if is_service else "13",
                    "warranty_months": "",  # the category's
                }
            )
    return out


# ------------------------------------------------------------ configuration sheets


class Item(NamedTuple):
    """One tick box. ``products`` are alternatives, highest price first; with
    ``pack_price`` set it is a gift pack and the products are sold together; with
    ``gift`` they are given free (免费送), at pack price 0."""

    code: str
    name_en: str
    name_zh: str
    products: tuple[str, ...]
    script_en: str
    script_zh: str
    pack_price: str | None = None
    gift: bool = False


class Section(NamedTuple):
    code: str
    title_en: str
    title_zh: str
    items: tuple[Item, ...]


class Sheet(NamedTuple):
    code: str
    name_en: str
    name_zh: str
    categories: tuple[str, ...]
    sections: tuple[Section, ...]


# Items shared by several sheets.
_OFFICE = Item(
    "office-suite", "Office suite", "办公软件", ("SW-OFF-HS21", "SW-M365-P1Y", "SW-WPS-1Y"),
    "Word, Excel and PowerPoint for homework and work; files open exactly as school and "
    "the office send them",
    "Word、Excel、PPT 写作业、办公都要用；学校和单位发来的文件格式完全兼容",
)
_ANTIVIRUS = Item(
    "antivirus", "Antivirus", "杀毒软件", ("SW-AV-KAV3", "SW-AV-ESET1"),
    "Blocks viruses and phishing sites before they reach your bank logins; one licence "
    "protects three devices",
    "拦截病毒和钓鱼网站，保护网银和支付账号；一份授权保护三台设备",
)
_CAMERA_FILM = Item(
    "screen-film", "Screen film", "屏幕贴膜", ("PRO-CAM-FILM",),
    "Tempered glass keeps the rear screen clear and free of scratches; nearly every "
    "camera owner fits one",
    "钢化玻璃膜，高透光，防止机背屏幕刮花；几乎每位机主都会贴",
)
_CAMERA_CARE = Section("care", "Cleaning & care", "清洁保养", (
    Item("cleaning-kit", "Cleaning kit", "清洁套装", ("CAM-CLN-VSGO",),
         "Blower, brush and sensor swabs keep dust spots out of your photos and the "
         "camera holding its value",
         "气吹、毛刷、传感器清洁棒，照片不再有灰点，相机保值"),
    Item("lens-pen", "Lens pen", "镜头笔", ("CAM-PEN-LP",),
         "Carbon tip lifts fingerprints off the lens in seconds, fits in a pocket; sharp "
         "pictures on every outing",
         "碳头几秒擦净镜头指纹，随身放口袋，出门张张清晰"),
))

_SHEETS: tuple[Sheet, ...] = (
    Sheet("desktop", "Desktop PC configuration sheet", "台式电脑配置单", ("DESKTOP",), (
        Section("accessories", "Accessories", "外设配件", (
            Item("monitor", "Monitor", "显示器", ("MON-DELL-U27", "MON-AOC-Q27", "MON-PHI-24"),
                 "A 27-inch 2K or 4K screen shows more and is easier on the eyes; the PC is "
                 "only as good as what you see",
                 "27英寸 2K/4K 大屏，显示内容多、久看不累；电脑性能再好也要靠屏幕呈现"),
            Item("chair", "Chair", "电脑椅", ("FUR-CHR-M57", "FUR-CHR-BASIC"),
                 "Adjustable lumbar support and armrests keep your back straight, so long "
                 "sessions don't hurt",
                 "腰托、扶手可调，坐姿端正，久坐腰不酸"),
            Item("desk", "Computer desk", "电脑桌", ("FUR-DESK-120", "FUR-DESK-100"),
                 "Sized for the monitor with a keyboard tray and a steady steel frame; "
                 "delivered with the PC, usable the same day",
                 "按显示器尺寸设计，带键盘托、钢架稳固；随电脑一起送装，当天就能用"),
            Item("headset", "Headset", "耳机", ("AUD-HS-CLOUD2", "AUD-HS-H390"),
                 "Closed ear cups and a noise-cancelling mic: clear voice in games and video "
                 "calls without disturbing the family",
                 "封闭式耳罩加降噪麦克风，游戏、视频通话声音清楚，不打扰家人"),
            Item("speakers", "Speakers", "音箱", ("AUD-SPK-R1700", "AUD-SPK-R12U"),
                 "The monitor's built-in sound is thin; real speakers give full bass for "
                 "music and films",
                 "显示器自带声音单薄，配一对音箱，听歌看片低音饱满"),
            Item("webcam", "Webcam", "摄像头", ("PER-CAM-C920", "PER-CAM-C270"),
                 "1080p with automatic light correction: you look clear in online classes "
                 "and video meetings",
                 "1080P 自动光线校正，网课、视频会议画面清晰"),
            Item("keyboard-mouse", "Keyboard & mouse", "键盘鼠标", ("PER-KM-MK545", "PER-KM-MK120"),
                 "Full-size keys and a quiet mouse, wireless for a tidy desk; you touch them "
                 "every day",
                 "全尺寸键盘、静音鼠标，无线连接桌面整洁；天天都要用"),
        )),
        Section("gaming", "Gaming", "游戏外设", (
            Item("game-wheel", "Game wheel", "游戏方向盘", ("GAM-WHL-G29",),
                 "Force feedback and real pedals turn racing games into driving; the "
                 "experience a gaming PC is bought for",
                 "力反馈加真实踏板，赛车游戏变成真驾驶；买游戏电脑就为这份体验"),
            Item("gamepad", "Gamepad", "游戏手柄", ("GAM-PAD-XBOX", "GAM-PAD-BTP"),
                 "Plug and play on Windows; sports and action games play far better on a "
                 "pad than on a keyboard",
                 "Windows 即插即用；体育、动作类游戏用手柄比键盘好玩得多"),
            Item("flight-stick", "Flight stick", "飞行摇杆", ("GAM-STK-3DPRO",),
                 "Twist rudder and 12 buttons: flight simulators feel like a real cockpit",
                 "扭转舵向加12个按键，玩飞行模拟如临驾驶舱"),
        )),
        Section("software", "Software", "软件", (
            Item("operating-system", "Operating system", "操作系统", ("SW-WIN11-PRO", "SW-WIN11-HOME"),
                 "Genuine Windows gets every security update and keeps your files safe; no "
                 "pirated-system risks, installed at the counter",
                 "正版 Windows 持续安全更新，文件更安全，没有盗版系统风险；柜台直接装好"),
            _OFFICE,
            _ANTIVIRUS,
        )),
        Section("connectivity", "Connectivity", "上网", (
            Item("wireless-broadband", "Wireless broadband", "无线宽带", ("NET-CPE-5G", "PLAN-CU-WBB"),
                 "5G with no cable to pull: online the day you move in, and it moves with you",
                 "5G 免拉线，入住当天就能上网，搬家直接带走"),
            Item("broadband", "Broadband", "宽带", ("PLAN-CT-BB1000", "PLAN-CM-BB300"),
                 "Signed up here; the installer connects it when delivering the PC, so one "
                 "visit and you are online",
                 "店内直接办理，送装电脑时一起开通，一次上门马上能上网"),
            Item("router", "Router", "路由器", ("NET-RT-XDR6088", "NET-RT-AX3000T"),
                 "Wi-Fi 6 covers the whole home, so phones and the TV share the line "
                 "without lag",
                 "Wi-Fi 6 全屋覆盖，手机、电视一起上网不卡顿"),
        )),
        Section("power", "Power & extras", "电源及其他", (
            Item("ups", "UPS", "UPS 不间断电源", ("POW-UPS-APC650", "POW-UPS-TGBOX"),
                 "Keeps the PC running through a power cut so you can save your work; "
                 "protects the hard disk",
                 "停电时继续供电，来得及保存文件，保护硬盘"),
            Item("tv-box", "TV box", "电视盒子", ("MED-TVB-4SMAX", "MED-TVB-TMALL6"),
                 "Makes the TV smart with 4K films and shows; the family watches while you "
                 "use the PC",
                 "让电视变智能，4K 影视随便看；你用电脑，家人看电视"),
            Item("voltage-stabiliser", "Voltage stabiliser", "稳压器", ("POW-AVR-1500",),
                 "Evens out dips and surges and protects the PC's power supply; a must in "
                 "old buildings and rural areas",
                 "稳定电压波动，保护电脑电源；老小区、乡镇用电尤其需要"),
            Item("screen-filter", "Screen filter", "屏幕滤镜", ("PRO-FLT-27P", "PRO-FLT-24B"),
                 "Cuts glare and blue light and stops others reading your screen; easier "
                 "on the eyes",
                 "防眩光、防蓝光、防偷窥，眼睛更舒服"),
            Item("power-strip", "Power strip", "插座", ("POW-STRIP-8", "POW-STRIP-4"),
                 "Surge protection and USB ports, enough sockets for PC, monitor and "
                 "speakers; safer than an old strip",
                 "防雷防浪涌带 USB 口，电脑、显示器、音箱插座都够，比旧插座安全"),
            Item("cables", "Cables", "线材", ("CBL-HDMI-3M", "CBL-DP-2M", "CBL-USB-EXT"),
                 "The right length and a cable rated for high refresh, so the monitor runs "
                 "at full speed; no second trip",
                 "长度合适、支持高刷新率，显示器满血输出，免得再跑一趟"),
        )),
        Section("gift_packs", "Gift packs", "礼包", (
            Item("desk-chair-pack", "Desk & chair pack", "桌椅礼包", ("FUR-DESK-120", "FUR-CHR-M57"),
                 "Desk and ergonomic chair together save 199, delivered and set up with the PC",
                 "电脑桌加人体工学椅一起买省199元，随电脑一起送装", "1299.00"),
            Item("wireless-pack", "Wireless pack", "无线礼包", ("PER-KM-MK545", "NET-RT-AX3000T"),
                 "Wireless keyboard, mouse and Wi-Fi router: no cables across the room, save 69",
                 "无线键鼠加 Wi-Fi 路由器，屋里不再拉线，省69元", "399.00"),
            Item("security-pack", "Security pack", "安全礼包",
                 ("POW-UPS-APC650", "SW-AV-KAV3", "POW-STRIP-8"),
                 "UPS, antivirus and surge strip: data and hardware protected from day one, save 147",
                 "UPS、杀毒软件、防雷插座，数据和硬件第一天就有保护，省147元", "749.00"),
            Item("entertainment-pack", "Entertainment pack", "娱乐礼包",
                 ("AUD-HS-CLOUD2", "AUD-SPK-R1700", "GAM-PAD-XBOX"),
                 "Headset, speakers and gamepad: games and films ready tonight, save 248",
                 "耳机、音箱、手柄，今晚就能畅玩看片，省248元", "1299.00"),
        )),
    )),
    Sheet("notebook", "Notebook configuration sheet", "笔记本电脑配置单", ("NOTEBOOK",), (
        Section("carry", "Bags & protection", "包袋与防护", (
            Item("backpack", "Backpack", "双肩包", ("BAG-BP-SAM", "BAG-BP-LEG"),
                 "Padded notebook compartment and water-resistant fabric; carry it on the "
                 "commute without worrying",
                 "独立防震电脑仓、防泼水面料，通勤背着放心"),
            Item("bag", "Notebook bag", "电脑包", ("BAG-NB-156", "BAG-NB-14"),
                 "Notebook, charger and mouse in one bag; looks professional at meetings",
                 "电脑、电源、鼠标一包装下，商务见客更得体"),
            Item("sleeve", "Sleeve", "内胆包", ("BAG-SLV-14",),
                 "A slim padded sleeve goes inside any bag and stops scratches and knocks",
                 "轻薄内胆放进任何包，防刮防磕碰"),
            Item("screen-film", "Screen film", "屏幕贴膜", ("PRO-NBF-16", "PRO-NBF-14"),
                 "High transparency, resists oil and scratches, protects the screen; nearly "
                 "everyone fits one",
                 "高透光、防油防刮，保护屏幕，几乎人人都贴"),
            Item("cleaning-kit", "Cleaning kit", "清洁套装", ("PRO-CLN-PC",),
                 "Spray and microfibre cloth lift fingerprints and dust safely; the new "
                 "machine stays looking new",
                 "清洁液加超细纤维布，安全去除指纹灰尘，新机常新"),
        )),
        Section("upgrades", "Upgrades & peripherals", "升级与外设", (
            Item("portable-storage", "Portable storage", "移动存储",
                 ("STO-SSD-T7-1T", "STO-HDD-2T", "STO-USB-128"),
                 "Back up photos and work: a notebook can be dropped or lost, and recovery "
                 "costs far more than a backup",
                 "照片和工作文件随时备份；笔记本摔了丢了，数据恢复比备份贵得多"),
            Item("wireless-mouse", "Wireless mouse", "无线鼠标", ("PER-MS-MXA3S", "PER-MS-M185"),
                 "Faster and more precise than the touchpad; spreadsheets and slides take "
                 "half the effort",
                 "比触控板快而准，做表格、做 PPT 事半功倍"),
            Item("memory-upgrade", "Memory upgrade", "内存升级", ("MEM-DDR5-16", "MEM-DDR4-8"),
                 "More memory keeps many tabs and apps open without slowing; fitted free at "
                 "the counter",
                 "加内存多开网页和软件不卡顿，柜台免费安装"),
            Item("spare-adapter", "Spare adapter", "备用电源适配器", ("POW-ADP-230", "POW-ADP-65C"),
                 "Original adapter: one at home, one at the office, no more carrying the brick",
                 "原装适配器，家里一个、单位一个，不用天天背电源"),
            Item("external-optical-drive", "External optical drive", "外置光驱", ("STO-ODD-USB",),
                 "Thin notebooks have no disc drive; install old software, play CDs and burn "
                 "discs whenever needed",
                 "轻薄本没有光驱，装老软件、听 CD、刻光盘时用得上"),
            Item("cooling-pad", "Cooling pad", "散热底座", ("PER-COOL-CM",),
                 "Several degrees cooler so games and renders don't throttle; lifts the "
                 "screen to save your neck",
                 "降温好几度，游戏、渲染不降频；垫高屏幕更护颈椎"),
        )),
        Section("software", "Software", "软件", (_OFFICE, _ANTIVIRUS)),
        Section("connectivity", "Connectivity", "上网", (
            Item("mobile-broadband-card", "Mobile broadband card", "上网卡",
                 ("PLAN-CU-DATA", "NET-USB-4G"),
                 "Online anywhere without hunting for Wi-Fi: on the train or at a client's office",
                 "随时随地上网，不用找 Wi-Fi；高铁上、客户那里插上就用"),
        )),
        Section("gift_packs", "Gift packs", "礼包", (
            Item("desk-chair-pack", "Desk & chair pack", "桌椅礼包", ("FUR-DESK-100", "FUR-CHR-BASIC"),
                 "A proper desk and chair for working at home, save 99",
                 "在家办公学习有桌有椅，一起买省99元", "499.00"),
            Item("computer-bag-pack", "Computer bag pack", "电脑包礼包",
                 ("BAG-NB-156", "PRO-NBF-16", "PER-MS-M185", "PRO-CLN-PC"),
                 "Bag, screen film, wireless mouse and cleaning kit: ready to carry out of "
                 "the shop, save 118.80",
                 "电脑包、屏幕膜、无线鼠标、清洁套装，出门即用，省118.8元", "459.00"),
            Item("wireless-pack", "Wireless pack", "无线礼包", ("PER-MS-MXA3S", "NET-USB-4G"),
                 "Wireless mouse and 4G modem: work anywhere without cables or Wi-Fi, save 109",
                 "无线鼠标加 4G 上网卡，无线无网也能办公，省109元", "739.00"),
            Item("security-pack", "Security pack", "安全礼包", ("STO-SSD-T7-1T", "SW-AV-KAV3"),
                 "Portable SSD for backups plus antivirus: your files safe from loss and "
                 "viruses, save 98",
                 "移动固态硬盘备份加杀毒软件，文件不怕丢不怕毒，省98元", "799.00"),
        )),
    )),
    Sheet("phone", "Phone & tablet configuration sheet", "手机平板配置单", ("PHONE", "TABLET"), (
        Section("accessories", "Accessories", "配件", (
            Item("earbuds", "Wireless earbuds", "无线耳机", ("AUD-TWS-FB3P", "AUD-TWS-RDM5"),
                 "Noise cancelling on the metro, pairs as soon as the lid opens; calls stay clear",
                 "地铁上一键降噪，开盖即连，通话清晰"),
            Item("tablet-keyboard", "Tablet keyboard cover", "平板键盘保护套", ("PHN-TAB-KB",),
                 "Turns the tablet into a small notebook for typing, homework and online classes",
                 "平板秒变小笔记本，打字、写作业、上网课更方便"),
            Item("power-bank", "Power bank", "移动电源", ("CHG-PB-20K", "CHG-PB-10K"),
                 "Fast-charges the phone three to four times; no battery worries on trips "
                 "or long days out",
                 "可给手机快充三四次，出差、出游不再担心没电"),
            Item("charger", "Charger", "充电器", ("CHG-GAN-65", "CHG-USBC-20"),
                 "Many new phones come without a charger; fast charge to half in 30 minutes, "
                 "one charger for phone and notebook",
                 "很多新机不送充电器；快充半小时充一半，一个充电器手机电脑都能充"),
            Item("stylus", "Stylus", "触控笔", ("PHN-TAB-PEN",),
                 "Pressure-sensitive pen for notes and drawing; handwriting straight into the tablet",
                 "压感触控笔，记笔记、画画直接写在平板上"),
            Item("case", "Case", "保护壳", ("PHN-CASE-LTH", "PHN-CASE-TPU"),
                 "Raised edges and air-cushion corners absorb drops; one screen repair costs "
                 "far more than a case",
                 "加高边框、气囊防摔角；修一次屏远比一个壳贵"),
            Item("screen-protector", "Screen protector", "钢化膜", ("PHN-GLS-PRIV", "PHN-GLS-HD"),
                 "High transparency, resists oil and scratches, protects the screen; nearly "
                 "everyone fits one",
                 "高透光、防油防刮，保护屏幕，几乎人人都贴"),
        )),
        Section("carrier", "Carrier plan", "通信套餐", (
            Item("carrier-plan", "Carrier plan", "运营商套餐",
                 ("PLAN-CM-5G199", "PLAN-CU-5G129", "PLAN-CT-5G89"),
                 "Sign up here with prepaid credit and the number works before you leave; 5G "
                 "data the new phone can really use",
                 "店内办理预存话费，号码当场开通，新手机的 5G 网速马上用上"),
        )),
        Section("gift_packs", "Gift packs", "礼包", (
            Item("protection-pack", "Protection pack", "防护礼包", ("PHN-CASE-LTH", "PHN-GLS-PRIV"),
                 "Leather case and privacy glass fitted at the counter, save 49",
                 "真皮壳加防窥膜，柜台当场贴好装好，省49元", "199.00"),
            Item("charging-pack", "Charging pack", "充电礼包", ("CHG-PB-20K", "CHG-GAN-65", "CBL-USBC-1M"),
                 "Power bank, GaN charger and cable: full battery at home and on the road, save 98.90",
                 "移动电源、氮化镓充电器、快充线，在家出门电量都满格，省98.9元", "399.00"),
            Item("free-film", "Free screen film", "免费送贴膜", ("PHN-GLS-HD",),
                 "HD glass given free with the phone and fitted at the counter: the screen is "
                 "protected before it leaves, and it opens the talk about a case",
                 "购机免费送高清钢化膜，柜台当场贴好，屏幕出门就有保护；顺势推荐保护壳",
                 "0.00", gift=True),
        )),
    )),
    Sheet("dslr", "DSLR configuration sheet", "单反相机配置单", ("DSLR",), (
        Section("accessories", "Accessories", "配件", (
            Item("tripod", "Tripod", "三脚架", ("CAM-TRI-BEFREE", "CAM-TRI-Q666"),
                 "Sharp night, landscape and group shots with no shake; light enough to take "
                 "travelling",
                 "夜景、风景、合影不抖不糊，轻便可带去旅行"),
            Item("camera-bag", "Camera bag", "摄影包", ("BAG-CAM-BP", "BAG-CAM-SH"),
                 "Padded dividers protect body and lenses from knocks, rain and dust",
                 "防震隔层保护机身和镜头，防磕碰、防雨、防尘"),
            Item("memory-card", "High-speed memory card", "高速存储卡",
                 ("MEM-SD-256P", "MEM-SD-128P", "MEM-SD-64P"),
                 "200 MB/s keeps up with burst shooting and 4K video; big enough for a whole trip",
                 "200MB/s 高速卡，连拍和 4K 视频不卡顿，容量够拍一整趟旅行"),
            Item("spare-battery", "Original spare battery", "原装备用电池",
                 ("CAM-BAT-LPE6NH", "CAM-BAT-ENEL15C", "CAM-BAT-LPE17"),
                 "Original battery: safe, with an accurate charge reading; a spare doubles "
                 "your shooting day",
                 "原装电池安全、电量显示准；多一块电池拍摄时间翻倍"),
            Item("uv-filter", "UV filter", "UV镜", ("CAM-UV-77", "CAM-UV-67", "CAM-UV-58"),
                 "Multi-coated glass keeps image quality and shields the front lens from "
                 "scratches; far cheaper than a lens repair",
                 "多层镀膜不影响画质，保护镜头前组防刮防尘，比修镜头便宜得多"),
            Item("strap", "Strap", "相机背带", ("CAM-STR-PD", "CAM-STR-NECK"),
                 "A wide quick-release strap spreads the weight and keeps the camera from "
                 "being dropped",
                 "宽肩带分散重量、快拆方便，相机不怕摔落"),
            Item("card-reader", "Card reader", "读卡器", ("STO-RDR-LEXAR", "STO-RDR-USBC"),
                 "Copies a full card in minutes instead of over the camera cable; works with "
                 "computer and phone",
                 "几分钟导完一张卡，比连相机线快得多，电脑手机都能用"),
            _CAMERA_FILM,
        )),
        _CAMERA_CARE,
        Section("gift_packs", "Gift packs", "礼包", (
            Item("starter-pack", "Starter pack", "入门礼包",
                 ("MEM-SD-128P", "BAG-CAM-SH", "CAM-CLN-VSGO", "CAM-UV-58"),
                 "Card, bag, cleaning kit and UV filter: everything to start shooting today, save 227",
                 "存储卡、摄影包、清洁套装、UV镜，今天就能开拍，省227元", "599.00"),
            Item("travel-pack", "Travel pack", "旅行礼包", ("CAM-TRI-Q666", "CAM-STR-NECK", "CAM-PEN-LP"),
                 "Tripod, strap and lens pen for the first trip, save 88",
                 "三脚架、背带、镜头笔，第一次出游就带上，省88元", "349.00"),
        )),
    )),
    Sheet("compact", "Compact camera & camcorder configuration sheet", "卡片机及摄像机配置单",
          ("COMPACT", "CAMCORDER"), (
        Section("accessories", "Accessories", "配件", (
            Item("tripod", "Tripod / shooting grip", "三脚架 / 拍摄手柄", ("CAM-GRIP-VPT2", "CAM-TRI-VLOG"),
                 "Grip, selfie stick and tripod in one: steady vlogs and group shots, with "
                 "record and zoom on the handle",
                 "手柄、自拍杆、三脚架三合一，拍 vlog、合影更稳，手柄上就能录像变焦"),
            Item("spare-battery", "Original spare battery", "原装备用电池",
                 ("CAM-BAT-NPFV70", "CAM-BAT-NB13L", "CAM-BAT-NPBX1"),
                 "Small cameras drain fast when filming; an original spare doubles your day "
                 "and charges safely",
                 "小相机录像耗电快，原装备用电池安全，拍摄时间翻倍"),
            Item("memory-card", "Memory card", "存储卡", ("MEM-SD-128P", "MEM-SD-128", "MEM-SD-64"),
                 "A high-speed card keeps 4K recording from stopping; 128 GB holds hours of video",
                 "高速卡录 4K 不中断，128GB 能存好几个小时视频"),
            Item("microsd-card", "microSD card", "microSD 存储卡",
                 ("MEM-MSD-256", "MEM-MSD-128", "MEM-MSD-64"),
                 "For pocket gimbals and camcorders that take microSD: fast enough for 4K, "
                 "room for a whole holiday",
                 "口袋云台、摄像机用 microSD；速度够录 4K，容量够一整个假期"),
            Item("camera-bag", "Camera bag", "相机包", ("BAG-CAM-POUCH",),
                 "Padded pouch fits in a handbag or on a belt; no scratches, always at hand",
                 "加厚软包可放手袋、挂腰带，不刮花，随手就能拍"),
            Item("uv-filter", "UV filter", "UV镜", ("CAM-UV-55",),
                 "Shields the camcorder lens from scratches and fingerprints without "
                 "affecting the picture",
                 "保护摄像机镜头防刮防指纹，不影响画质"),
            Item("card-reader", "Card reader", "读卡器", ("STO-RDR-USBC",),
                 "Moves videos to phone or computer in minutes; SD and microSD in one",
                 "视频几分钟导到手机电脑，SD、TF 卡都能读"),
            Item("strap", "Wrist strap", "手腕带", ("CAM-STR-WRIST",),
                 "Keeps the camera on your wrist in crowds and on boats; no drops",
                 "人多、坐船时相机挂在手腕上，不怕掉落"),
            _CAMERA_FILM,
        )),
        _CAMERA_CARE,
        Section("gift_packs", "Gift packs", "礼包", (
            Item("vlog-pack", "Vlog pack", "Vlog 礼包", ("CAM-GRIP-VPT2", "MEM-SD-128P", "BAG-CAM-POUCH"),
                 "Shooting grip, high-speed card and pouch: start vlogging today, save 228",
                 "拍摄手柄、高速卡、相机包，今天就开始拍 vlog，省228元", "899.00"),
            Item("travel-pack", "Travel pack", "旅行礼包", ("CAM-TRI-VLOG", "CAM-PEN-LP", "CAM-STR-WRIST"),
                 "Mini tripod, lens pen and wrist strap for the holiday, save 48",
                 "迷你三脚架、镜头笔、手腕带，假期出游必备，省48元", "169.00"),
        )),
    )),
)


# ------------------------------------------------------------------- service tiers


class Tier(NamedTuple):
    """A service card. What it promises is printed from ``service``, ``scope``,
    ``starts`` and ``term_months`` (pos.catalog.coverage); the description is the
    store's note for the salesperson and must say the same."""

    code: str
    name_en: str
    name_zh: str
    description_en: str
    description_zh: str
    audience: str  # consumer | business
    term_months: int | None  # None: lifetime
    service: str  # on_site | carry_in
    scope: str  # software | hardware | screen
    starts: str  # sale | warranty_end (when the unit's maker's warranty ends)
    units_covered: int
    categories: tuple[str, ...]
    # (up_to, price): the card's price when the covered unit costs at most up_to;
    # the last band has up_to None (any price above the previous band).
    bands: tuple[tuple[str | None, str], ...]


_PC = ("DESKTOP", "NOTEBOOK")
_CAMERAS = ("DSLR", "COMPACT", "CAMCORDER")

# The gold card extends on-site service "from 1 to 3 years": it covers until month 36
# from the sale, whatever the unit's own warranty, so it starts at the sale and runs 36
# months. The hardware extensions follow the maker's warranty (12 months on PCs,
# notebooks, phones and cameras here): a 2-year extension runs from month 12 to 36.
_TIERS: tuple[Tier, ...] = (
    Tier("silver", "Silver card", "银卡",
         "Lifetime carry-in software service", "终身送修软件服务",
         "consumer", None, "carry_in", "software", "sale", 1, _PC,
         (("3000.00", "99.00"), ("6000.00", "149.00"), (None, "199.00"))),
    Tier("gold", "Gold card", "金卡",
         "On-site service extended from 1 to 3 years", "上门服务由1年延长至3年",
         "consumer", 36, "on_site", "software", "sale", 1, _PC,
         (("3000.00", "199.00"), ("6000.00", "299.00"), (None, "399.00"))),
    Tier("diamond", "Diamond card", "钻石卡",
         "Lifetime on-site software service", "终身上门软件服务",
         "consumer", None, "on_site", "software", "sale", 1, _PC,
         (("3000.00", "299.00"), ("6000.00", "449.00"), (None, "599.00"))),
    Tier("blue-gold", "Blue-gold card", "蓝金卡",
         "1 year on-site software service for 10 PCs", "10台电脑1年上门软件服务",
         "business", 12, "on_site", "software", "sale", 10, _PC,
         (("4000.00", "2980.00"), ("8000.00", "3980.00"), (None, "4980.00"))),
    Tier("blue-diamond", "Blue-diamond card", "蓝钻卡",
         "Lifetime on-site software service for 10 PCs", "10台电脑终身上门软件服务",
         "business", None, "on_site", "software", "sale", 10, _PC,
         (("4000.00", "5980.00"), ("8000.00", "7980.00"), (None, "9980.00"))),
    Tier("digital-1y", "Digital 1-year extension", "数码延保1年卡",
         "1 extra year of hardware warranty for cameras and camcorders, after the maker's",
         "相机、摄像机厂商保修期满后，硬件保修再延长1年",
         "consumer", 12, "carry_in", "hardware", "warranty_end", 1, _CAMERAS,
         (("3000.00", "98.00"), ("6000.00", "198.00"), (None, "298.00"))),
    Tier("hw-1y", "Hardware 1-year extension", "硬件延保1年卡",
         "1 extra year of hardware warranty on PC and notebook main parts, after the maker's",
         "台式机、笔记本主要部件厂商保修期满后，硬件保修再延长1年",
         "consumer", 12, "carry_in", "hardware", "warranty_end", 1, _PC,
         (("3000.00", "149.00"), ("6000.00", "249.00"), (None, "349.00"))),
    Tier("hw-2y", "Hardware 2-year extension", "硬件延保2年卡",
         "2 extra years of hardware warranty on PC and notebook main parts, after the maker's",
         "台式机、笔记本主要部件厂商保修期满后，硬件保修再延长2年",
         "consumer", 24, "carry_in", "hardware", "warranty_end", 1, _PC,
         (("3000.00", "249.00"), ("6000.00", "399.00"), (None, "549.00"))),
    Tier("phone-ext", "Phone extended warranty", "手机延保卡",
         "1 extra year of warranty for phones, after the maker's", "手机厂商保修期满后，保修再延长1年",
         "consumer", 12, "carry_in", "hardware", "warranty_end", 1, ("PHONE",),
         (("2000.00", "99.00"), ("4000.00", "199.00"), (None, "299.00"))),
    Tier("screen-break", "Screen-break cover", "碎屏保障卡",
         "12 months' cover for screen breakage on phones and tablets, from the sale",
         "手机、平板自购买之日起12个月碎屏保障",
         "consumer", 12, "carry_in", "screen", "sale", 1, ("PHONE", "TABLET"),
         (("2000.00", "79.00"), ("4000.00", "149.00"), (None, "249.00"))),
)


# The service departments' own shelf lists (domain: "service staff sell too"): what an
# installer carries to a set-up, what an on-site technician proposes on the pre-visit
# call and sells on the visit, and what the repair desk offers while a unit is in. Each
# is a sheet of its department for the PCs (pos.catalog.checklist_file: department).
_MEMORY = Item(
    "memory", "Memory upgrade", "内存升级", ("MEM-DDR5-16", "MEM-DDR4-8"),
    "More memory keeps many tabs and apps open without slowing; fitted now, while the "
    "machine is open",
    "加内存多开网页和软件不卡顿；现在就装好，省得再拆一次机")
_ROUTER = Item(
    "router", "Router", "路由器", ("NET-RT-XDR6088", "NET-RT-AX3000T"),
    "Wi-Fi 6 reaches every room; set up with the PC, so the whole family is online today",
    "Wi-Fi 6 全屋覆盖，和电脑一起调试好，全家今天就能上网")
_DEPARTMENT_SHEETS: tuple[tuple[str, Sheet], ...] = (
    ("installation", Sheet("install-pc", "Installer's list (PCs)", "安调随身清单（电脑）",
                           ("DESKTOP", "NOTEBOOK"), (
        Section("shelf", "Shelf items", "随身商品", (
            Item("screen-film", "Screen film", "屏幕贴膜", ("PRO-NBF-16", "PRO-NBF-14"),
                 "Fitted now, bubble-free, before the first fingerprint; nearly everyone "
                 "takes one",
                 "现在就贴，无气泡，赶在第一个指纹之前；几乎人人都贴"),
            Item("cleaning-kit", "Cleaning kit", "清洁套装", ("PRO-CLN-PC",),
                 "Keeps the new screen and keyboard like new; costs less than one cleaning",
                 "新屏幕、新键盘常保如新，比一次清洗还便宜"),
            Item("bag", "Notebook bag", "电脑包", ("BAG-NB-156", "BAG-NB-14"),
                 "The machine, charger and mouse in one padded bag for the first trip out",
                 "电脑、电源、鼠标一包装下，第一次出门就有保护"),
            Item("mouse-keyboard", "Mouse & keyboard", "键盘鼠标",
                 ("PER-KM-MK545", "PER-MS-MXA3S", "PER-MS-M185"),
                 "Plugged in while we set up; faster than the touchpad from the first day",
                 "安装时一起连好，第一天就比触控板顺手"),
        )),
        Section("software", "Software", "软件", (
            Item("antivirus", "Antivirus", "杀毒软件", ("SW-AV-KAV3", "SW-AV-ESET1"),
                 "Installed and activated before you go online for the first time",
                 "第一次上网前就装好激活"),
            Item("office", "Office software", "办公软件", ("SW-OFF-HS21", "SW-M365-P1Y", "SW-WPS-1Y"),
                 "Installed and signed in now, so the first document opens as it should",
                 "现在就装好登录，第一份文件就能正常打开"),
        )),
        Section("upgrades", "Upgrades & storage", "升级与存储", (
            _MEMORY,
            Item("external-drive", "External drive", "移动硬盘", ("STO-SSD-T7-1T", "STO-HDD-2T"),
                 "Back up the new machine from day one; set up its automatic backup now",
                 "新机第一天就备份，现在就设好自动备份"),
            _ROUTER,
        )),
    ))),
    ("on_site", Sheet("onsite-pc", "On-site visit list (PCs)", "上门服务清单（电脑）",
                      ("DESKTOP", "NOTEBOOK"), (
        Section("proposals", "Proposed on the call", "电话推荐", (
            _MEMORY,
            Item("software", "Software", "软件", ("SW-AV-KAV3", "SW-OFF-HS21", "SW-WIN11-PRO"),
                 "Genuine antivirus and office installed during the visit; no second trip",
                 "正版杀毒和办公软件上门时一并装好，不用再跑一趟"),
            _ROUTER,
            Item("broadband", "Broadband", "宽带", ("PLAN-CT-BB1000", "PLAN-CM-BB300"),
                 "Signed up now, connected on the visit: one appointment, online the same day",
                 "现在办理，上门时开通：一次预约，当天上网"),
        )),
    ))),
    ("repair", Sheet("repair-pc", "Repair desk list (PCs)", "送修推荐清单（电脑）",
                     ("DESKTOP", "NOTEBOOK"), (
        Section("upgrades", "While it is open", "趁机升级", (
            Item("ssd-upgrade", "SSD upgrade", "固态硬盘升级", ("STO-SSD-NVME-1T",),
                 "Starts in seconds instead of a minute; fitted with the repair, no extra labour",
                 "开机从一分钟变几秒；随维修一起装，不另收工时"),
            _MEMORY,
            Item("battery", "Battery", "电池", ("POW-BAT-NB",),
                 "A worn battery lasts an hour; a new one brings back a full day away from the socket",
                 "旧电池只撑一小时，换新电池离开插座也能用一整天"),
        )),
        Section("care", "Care & backup", "保养与备份", (
            Item("cleaning", "Cleaning kit", "清洁套装", ("PRO-CLN-PC",),
                 "Dust is what makes it hot and loud; keep it clean after we dust it out",
                 "灰尘让电脑发热、风扇吵；我们清灰之后用它保持干净"),
            Item("backup", "Backup drive", "备份硬盘", ("STO-HDD-2T", "STO-SSD-T7-1T", "STO-USB-128"),
                 "A repair can mean a new disk: copy your files first, keep them safe after",
                 "维修可能要换硬盘：先把文件备份出来，以后也安心"),
        )),
    ))),
)


def _item_dict(item: Item, locale: str) -> dict:
    out: dict = {
        "code": item.code,
        "name": _pick(locale, item.name_en, item.name_zh),
        "script": _pick(locale, item.script_en, item.script_zh),
        "products": list(item.products),
    }
    if item.pack_price is not None:
        out["pack_price"] = item.pack_price
    if item.gift:
        out["gift"] = True
    return out


def _tier_dict(tier: Tier, locale: str) -> dict:
    out: dict = {
        "code": tier.code,
        "name": _pick(locale, tier.name_en, tier.name_zh),
        "description": _pick(locale, tier.description_en, tier.description_zh),
        "audience": tier.audience,
    }
    if tier.term_months is None:
        out["lifetime"] = True
    else:
        out["term_months"] = tier.term_months
    out["service"] = tier.service
    out["scope"] = tier.scope
    out["starts"] = tier.starts
    out["units_covered"] = tier.units_covered
    out["categories"] = list(tier.categories)
    out["bands"] = [
        {"price": price} if up_to is None else {"up_to": up_to, "price": price}
        for up_to, price in tier.bands
    ]
    return out


def checklists(locale: str) -> dict:
    """The configuration sheets and service tiers, shaped like the checklist TOML the
    importer reads: ``{"sheet": [...], "tier": [...]}``."""
    _pick(locale, "", "")  # reject an unknown locale up front
    return {
        "sheet": [
            {
                "code": sheet.code,
                "name": _pick(locale, sheet.name_en, sheet.name_zh),
                "categories": list(sheet.categories),
                "section": [
                    {
                        "code": section.code,
                        "title": _pick(locale, section.title_en, section.title_zh),
                        "item": [_item_dict(item, locale) for item in section.items],
                    }
                    for section in sheet.sections
                ],
            }
            for sheet in _SHEETS
        ] + [
            {
                "code": sheet.code,
                "name": _pick(locale, sheet.name_en, sheet.name_zh),
                "department": department,
                "categories": list(sheet.categories),
                "section": [
                    {
                        "code": section.code,
                        "title": _pick(locale, section.title_en, section.title_zh),
                        "item": [_item_dict(item, locale) for item in section.items],
                    }
                    for section in sheet.sections
                ],
            }
            for department, sheet in _DEPARTMENT_SHEETS
        ],
        "tier": [_tier_dict(tier, locale) for tier in _TIERS],
    }


# ---------------------------------------------------------- more stores and their stock

# The chain's two other stores (code, name_en, name_zh, address_en, address_zh, phone).
_OTHER_STORES = (
    ("S02", "Tickbox Digital, Pudong East store", "Tickbox 数码 浦东东店",
     "Floor 1, 88 Zhangyang Road, Pudong New Area, Shanghai 200120",
     "上海市浦东新区张杨路88号1楼，邮编200120", "021-5879 6000"),
    ("S03", "Tickbox Digital, Minhang store", "Tickbox 数码 闵行店",
     "Floor 3, 1500 Humin Road, Minhang District, Shanghai 201100",
     "上海市闵行区沪闵路1500号3楼，邮编201100", "021-6412 3000"),
)


def other_stores(locale: str) -> list[dict[str, str]]:
    """The stores beside the demo's own (S01), with their headers; no tills of their own
    in the demo (their stock shows on the stock screens and reports)."""
    base = store(locale)
    return [{"code": code, "name": _pick(locale, en, zh), "address": _pick(locale, addr_en, addr_zh),
             "phone": phone, "tax_id": base["tax_id"], "currency": base["currency"],
             "locale": locale, "receipt_footer": base["receipt_footer"]}
            for code, en, zh, addr_en, addr_zh, phone in _OTHER_STORES]


# What the other stores hold (sku -> quantity), set by opening documents.
OTHER_STORE_STOCK: dict[str, dict[str, int]] = {
    "S02": {"NB-HW-D14": 6, "NB-HON-X14": 4, "PH-MI-14": 5, "PH-RDM-N13": 8,
            "TB-HW-MP115": 4, "BAG-NB-156": 6, "BAG-NB-14": 5, "PRO-CLN-PC": 40,
            "PER-MS-M185": 25, "CHG-GAN-65": 20},
    "S03": {"DT-DELL-V3020": 3, "NB-LEN-Y9000P": 2, "PH-OPPO-RENO11": 6, "TB-APL-AIR11": 2,
            "BAG-NB-156": 4, "PRO-CLN-PC": 25, "PER-MS-M185": 15},
}
OPENED_DAYS_AGO = 30  # the stores' opening stock, a month back


class Delivery(NamedTuple):
    """Serial-tracked units received at S01 from a supplier, `days_ago`."""

    supplier_en: str
    supplier_zh: str
    note_no: str  # the supplier's delivery note
    days_ago: int
    units: tuple[tuple[str, tuple[str, ...]], ...]  # sku, serials


# Received at S01: within the catalog's quantities (the opening holds the rest), so S01
# holds what the catalog says once the transfer below has left.
DELIVERIES: tuple[Delivery, ...] = (
    Delivery("Lenovo (Shanghai) Distribution", "联想（上海）分销", "LNV-DN-240418", 20, (
        ("NB-LEN-XXPRO14", tuple(f"DEMO-XXPRO14-{n:04d}" for n in range(1, 5))),
        ("DT-LEN-BLADE7K", ("DEMO-BLADE7K-0001", "DEMO-BLADE7K-0002")))),
    Delivery("Huawei Device Shanghai", "华为终端上海", "HW-2404-0931", 2, (
        ("NB-HW-D14", ("DEMO-D14-0001", "DEMO-D14-0002", "DEMO-D14-0003")),)),
)

# One transfer S01 -> S02, sent and received a day ago: serial units and a quantity.
TRANSFER_DAYS_AGO = 1
TRANSFER_SERIALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("NB-LEN-XXPRO14", ("DEMO-XXPRO14-0003", "DEMO-XXPRO14-0004")),)
TRANSFER_QUANTITIES: dict[str, int] = {"PRO-CLN-PC": 10}
