"""The look: large touch targets (44 px or more), readable type, CJK-capable fonts."""

MIN_TOUCH = 44

FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                 "Microsoft YaHei", "PingFang SC", "Noto Sans", "DejaVu Sans"]

STYLESHEET = f"""
QWidget {{ font-size: 15px; }}
QPushButton {{ min-height: {MIN_TOUCH}px; padding: 4px 12px; border-radius: 6px;
              border: 1px solid #9aa5b1; background: #f5f7fa; }}
QPushButton:checked {{ background: #1f6feb; color: white; border-color: #1f6feb; }}
QPushButton:hover {{ border-color: #1f6feb; }}
QPushButton:disabled {{ color: #9aa5b1; }}
QPushButton#primary {{ background: #1a7f37; color: white; font-weight: bold; border: none; }}
QPushButton#danger {{ background: #cf222e; color: white; border: none; }}
QLineEdit {{ min-height: {MIN_TOUCH}px; font-size: 18px; padding: 0 8px;
            border: 2px solid #9aa5b1; border-radius: 6px; }}
QLineEdit:focus {{ border-color: #1f6feb; }}
QTreeWidget, QListWidget {{ font-size: 15px; }}
QTreeWidget::item {{ min-height: 32px; }}
QListWidget::item {{ min-height: 40px; }}
QLabel#total {{ font-size: 30px; font-weight: bold; }}
QLabel#change {{ font-size: 40px; font-weight: bold; color: #1a7f37; }}
QLabel#muted {{ color: #57606a; }}
QLabel#banner {{ font-size: 20px; font-weight: bold; color: #1a7f37; }}
QLabel#error {{ color: #cf222e; font-weight: bold; }}
QFrame#panel {{ border: 1px solid #d0d7de; border-radius: 8px; background: white; }}
QFrame#row {{ border-bottom: 1px solid #eaeef2; }}
QFrame#row[current="true"] {{ background: #ddf4ff; border: 2px solid #1f6feb; border-radius: 6px; }}
QPushButton#sold:checked {{ background: #1a7f37; border-color: #1a7f37; }}
QPushButton#declined:checked {{ background: #cf222e; border-color: #cf222e; }}
QPushButton#tier {{ text-align: left; padding: 6px 10px; }}
QLabel#busy {{ background: #fff8c5; color: #24292f; font-size: 17px; font-weight: bold;
              border: 1px solid #d4a72c; border-radius: 8px; padding: 4px 16px; }}
"""
