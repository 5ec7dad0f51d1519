"""The report's attach selling by department and by technician (issue 20), for
printing.report_pdf: the counter's units and the installation, on-site and repair
jobs, how many left with a sheet item sold, the rate and the items sold; then the same
per technician. Left out when no job was worked, so a report without jobs is as before."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

WIDTH = A4[0] - 2 * 36  # A4 less report_pdf's margins
LABELS = {
    "departments": ("Attach selling by department", "各部门配售"),
    "technicians": ("Attach selling by technician", "技术员配售"),
    "department": ("Department", "部门"), "technician": ("Technician", "技术员"),
    "base": ("Units / jobs", "台数/工单"), "jobs": ("Jobs", "工单"),
    "attached": ("With an item", "有配售"), "rate": ("Attach rate", "配售率"),
    "items": ("Items sold", "配售件数"),
    "counter": ("Counter", "柜台"), "installation": ("Installation", "安调"),
    "on_site": ("On-site", "上门"), "repair": ("Repair", "送修"),
}


def department_section(page) -> list:
    """Attach selling by department and by technician, only when jobs were worked."""
    r = page.report
    if not r.departments:
        return []
    zh = 1 if page.zh else 0

    def t(key: str) -> str:
        pair = LABELS.get(key)
        return key if pair is None else pair[zh]

    def rows(figures, label) -> list[list[str]]:
        return [[label(d.key), str(d.base), str(d.attached), f"{d.rate_bp / 100:g}%",
                 str(d.items_sold)] for d in figures]

    widths = [WIDTH - 320, -80, -80, -80, -80]
    story = [page.para(t("departments"), page.h2),
             page.table([t("department"), t("base"), t("attached"), t("rate"), t("items")],
                        rows(r.departments, t), widths)]
    if r.technicians:
        story += [page.para(t("technicians"), page.h2),
                  page.table([t("technician"), t("jobs"), t("attached"), t("rate"),
                              t("items")], rows(r.technicians, str), widths)]
    return story
