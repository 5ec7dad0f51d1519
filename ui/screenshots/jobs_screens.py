"""The jobs screens (ui.jobs) on the demo store: the jobs board (Shift+F9) with a late
on-site visit in red, an installation with its appointment and a repair for nobody yet;
a job's detail with its sheet (a pre-visit call's answer, an item declined), its events,
the card's coverage and its state buttons. A notebook is sold at the till first (with a
gold card), so the installation is for a unit sold here. ui.screenshots.screens adds
JOBS_SCREENS to its SCREENS."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt

from pos.kernel.enums import StaffRole
from ui.ops import jobs as job_ops
from ui.screenshots.leads_screens import shot_over
from ui.screenshots.stage import NOTEBOOK, NOTEBOOK_SERIAL, Stage

JOBS_SCREENS: dict[str, object] = {}
PHONE = "13700137000"


def screen(name: str):
    def register(function):
        JOBS_SCREENS[name] = function
        return function
    return register


def zh(stage: Stage) -> bool:
    return stage.locale == "zh_CN"


def call(stage: Stage, work, what: str):
    """Run one ui.ops call and wait for its answer (refusals raise)."""
    answer, failed = [], []
    stage.ops.run(work, parent=stage.till, done=answer.append,
                  refused=lambda error: failed.append(error),
                  crashed=lambda: failed.append(what))
    stage.wait(lambda: answer or failed, what)
    if failed:
        raise RuntimeError(f"{what}: {failed[0]}")
    return answer[0]


def add_customer(stage: Stage) -> None:
    """The customer by phone (scanned at the till); a new one named inline."""
    stage.scan(PHONE)
    bar = getattr(stage.till, "customer_bar", None)
    if bar is not None and getattr(bar, "adding", False):
        stage.type("刘洋" if zh(stage) else "Liu Yang", bar.name)
    dialog = stage.dialog()
    if type(dialog).__name__ == "CustomerDialog":
        field = getattr(dialog, "name", None)
        if field is not None and not field.text():
            stage.type("刘洋" if zh(stage) else "Liu Yang", field)
        if stage.dialog() is dialog:
            dialog.accept()
    stage.settle()


def sell_unit(stage: Stage) -> str:
    """A notebook with a gold card sold in cash at a manager's till; its receipt."""
    stage.scan(NOTEBOOK)
    add_customer(stage)
    stage.key(Qt.Key.Key_2, stage.till.scan, Qt.KeyboardModifier.ControlModifier)
    stage.key(Qt.Key.Key_F12, stage.till.scan)
    for _ in range(8):
        dialog = stage.dialog()
        kind = type(dialog).__name__ if dialog is not None else ""
        if dialog is None:
            break
        if kind == "SerialDialog":
            stage.serials += 1
            stage.type(f"{NOTEBOOK_SERIAL}J{stage.serials:02d}", dialog.field)
        elif kind == "PaymentDialog":
            stage.key(Qt.Key.Key_F3, dialog.amount)
            stage.key(Qt.Key.Key_Return, dialog.amount)
        elif kind == "CardPrompt":
            stage.key(Qt.Key.Key_0, dialog, Qt.KeyboardModifier.ControlModifier)
        else:
            raise RuntimeError(f"paying met {kind}")
        stage.wait(lambda dialog=dialog: stage.dialog() is not dialog or
                   not stage.till.paying, f"the step after {kind}")
    stage.wait(lambda: not stage.till.paying and stage.till.last_receipt, "the sale")
    return stage.till.last_receipt


def the_day(stage: Stage) -> dict:
    """A manager's till with today's jobs registered (the first time: a late visit, an
    installation of the unit just sold, with an appointment and its call made, a
    repair)."""
    stage.open_window()
    stage.log_in(StaffRole.MANAGER)
    if getattr(stage, "jobs_day", None) is None:
        stage.jobs_day = registered_day(stage)
    return stage.jobs_day


def registered_day(stage: Stage) -> dict:
    receipt = sell_unit(stage)
    staff = stage.till.staff.id
    wang = next(p.id for p in stage.people if p.role is StaffRole.INSTALLER)
    now = datetime.now(timezone.utc)
    start = (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)

    def register(draft, when=None):
        return call(stage, job_ops.register(draft=draft, staff_id=staff,
                                            request_id=str(uuid.uuid4()),
                                            terminal=stage.context.terminal, now=when),
                    "a job registered")

    late = register(job_ops.JobDraft(
        kind="on_site", receipt=receipt, technician=wang, area="city",
        address="朝阳区花园路 8 号 3 单元" if zh(stage) else "8 Garden Rd, flat 3",
        need="打印机连不上，重装系统后没有网络" if zh(stage) else
        "Printer will not connect; no network since the system was reinstalled"),
        when=now - timedelta(hours=3))
    install = register(job_ops.JobDraft(
        kind="installation", receipt=receipt, technician=wang, area="city",
        address="海淀区学院路 21 号" if zh(stage) else "21 College Rd",
        need="安装调试、迁移旧电脑资料" if zh(stage) else "Set up and move data from the old PC",
        appointment=(start, start + timedelta(hours=2))))
    repair = register(job_ops.JobDraft(
        kind="repair", serial="PF9OTHER77", contact_phone="13900001234",
        need="开不了机" if zh(stage) else "Does not start",
        fault="按电源键无反应，指示灯不亮" if zh(stage) else
        "No power: no light when the button is pressed",
        accessories="电源适配器" if zh(stage) else "Charger",
        condition="外壳有划痕" if zh(stage) else "Scratched lid", estimate=15000))
    detail = call(stage, job_ops.detail(job_no=install.job_no), "the job's sheet")
    items = [item for section in (detail.sheet.sections if detail.sheet else ())
             for item in section.items]
    if len(items) >= 2:
        call(stage, job_ops.record_call(job_no=install.job_no, staff_id=staff, items=[
            (items[0].code, "想要，上门时装" if zh(stage) else "Yes, fit it on the visit",
             "not_offered")]), "the pre-visit call")
        call(stage, job_ops.record_outcome(job_no=install.job_no, item_code=items[1].code,
                                           outcome="declined", staff_id=staff),
             "an item declined")
    return {"late": late, "install": install, "repair": repair}


def open_board(stage: Stage):
    stage.key(Qt.Key.Key_F9, stage.till.scan, Qt.KeyboardModifier.ShiftModifier)
    board = stage.wait_dialog("JobsDialog", "the jobs board")
    stage.wait(lambda: board.jobs, "the jobs")
    return board


@screen("jobs-board")
def jobs_board(stage: Stage) -> None:
    the_day(stage)
    board = open_board(stage)
    stage.key(Qt.Key.Key_Down, board.table)  # the late one shows in red
    stage.shot("jobs-board")


@screen("job-detail")
def job_detail(stage: Stage) -> None:
    jobs = the_day(stage)
    board = open_board(stage)
    board.table.selectRow([row.job_no for row in board.jobs].index(jobs["install"].job_no))
    stage.key(Qt.Key.Key_Return, board.table)
    stage.wait(lambda: board.detail is not None and board.detail.detail is not None,
               "the job")
    stage.settle()
    shot_over(stage, "job-detail", board, board.detail)


@screen("job-form")
def job_form(stage: Stage) -> None:
    """A repair being registered at the counter (F5 on the board)."""
    the_day(stage)
    board = open_board(stage)
    stage.key(Qt.Key.Key_F5, board.table)
    stage.wait(lambda: board.form is not None, "the job form")
    form = board.form
    form.kind.setCurrentIndex(form.kind.findData("repair"))
    for field, en, cn in (
            (form.serial, "PF9OTHER88", "PF9OTHER88"),
            (form.need, "Runs hot and loud", "发热严重、风扇很吵"),
            (form.fault, "Fan noise under load, shuts down after an hour of games",
             "高负载时风扇噪音大，玩游戏一小时后自动关机"),
            (form.accessories, "Charger, bag", "电源适配器、电脑包"),
            (form.condition, "Scratches on the lid", "顶盖有划痕"),
            (form.estimate, "150", "150")):
        field.setText(cn if zh(stage) else en)
    stage.settle()
    shot_over(stage, "job-form", board, form)


@screen("job-repair")
def job_repair(stage: Stage) -> None:
    """The repair on the board, opened: its fault, accessories, condition, estimate."""
    jobs = the_day(stage)
    board = open_board(stage)
    board.table.selectRow([row.job_no for row in board.jobs].index(jobs["repair"].job_no))
    stage.key(Qt.Key.Key_Return, board.table)
    stage.wait(lambda: board.detail is not None and board.detail.detail is not None,
               "the repair")
    shot_over(stage, "job-repair", board, board.detail)
