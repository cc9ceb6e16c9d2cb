"""``--selfcheck``: the installed program proves that it is complete, then exits.

It walks through a clerk's day once, in throw-away data folders (never the real one): set up a
station, register a matter, open the main window, print the receipt with its QR code and the
monthly register, export the sync file and let a throw-away county verify and import it. Every
step touches the files a PyInstaller bundle can silently lose (the font, the holiday table, Qt
plugins and translations, ReportLab's barcode modules, cryptography, argon2, pypinyin's data),
and prints one line::

    ✓ 打印回执：受理编号 ZJ0001-2026-0001，二维码验真通过，1 页（0.21 秒）
    ✗ 打印回执：缺少模块 reportlab.graphics.barcode.qr

Exit status 0 when every step passed, 1 otherwise, naming what is missing. The core steps load
no Qt; only the window step does, offscreen when there is no display (a CI machine).
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from firstask_desktop.cli.extensions import WindowChecks
from firstask_desktop.domain.errors import MissingPart

STATION_CODE = "ZJ0001"  # 自检 (self-check); never a real station's code
COUNTY_CODE = "ZJ0000"
ADMIN = "自检管理员"
# Characters the window and the PDFs must draw: the app's name, a surname, full-width punctuation.
CJK_SAMPLE = "首问登记供电所张三：。"
TIMEOUT_SECONDS = 300  # a hung step (a modal dialog nobody can click) must not hang CI


@dataclass
class Context:
    root: Path
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    admin: object = None  # models.Staff of the station
    serial: str = ""
    entry_uuid: str = ""
    county_key_file: Path | None = None
    receipt_pdf: Path | None = None
    export_path: Path | None = None

    @property
    def station_dir(self) -> Path:
        return self.root / "供电所数据"  # a Chinese path, like C:\Users\张三\AppData\...

    @property
    def county_dir(self) -> Path:
        return self.root / "县公司数据"

    @property
    def stick(self) -> Path:
        return self.root / "U盘"


@dataclass
class Step:
    name: str
    run: Callable[[Context], str]
    needs: tuple[str, ...] = ()


# --- the steps ---------------------------------------------------------------------------------


def check_resources(ctx: Context) -> str:
    from firstask_desktop.domain.search_text import pinyin_initials
    from firstask_desktop.domain.workdays import seed_calendar
    from firstask_desktop.store import config

    folder = config.resources_dir()
    wanted = [
        "fonts/wqy-microhei.ttc",
        "fonts/LICENSE-wqy-microhei.txt",
        "holidays/cn-holidays.json",
        "icons/app.svg",
        # The manual is built from these on the PC (帮助, F1, print guide).
        "guide/refusals.toml",
        "guide/refusals_en.toml",  # the refusals in English (an English window)
        "guide/zh_CN/01-start.md",
        "guide/en/01-start.md",
        "guide/screenshots/main-register.png",
    ]
    absent = [name for name in wanted if not (folder / name).is_file()]
    if absent:
        raise MissingPart("文件 " + "、".join(str(folder / name) for name in absent))
    calendar = seed_calendar()
    if pinyin_initials("张三") != "zs":  # pypinyin's dictionary is a data file beside its code
        raise MissingPart("pypinyin 的拼音词典（张三 的首字母不是 zs）")
    days = len(calendar.holidays) + len(calendar.workdays)
    return f"字体及其许可证、节假日表（{days} 天）、图标、拼音词典、用户手册"


def make_county(ctx: Context) -> str:
    from firstask_desktop.services.station import init_station
    from firstask_desktop.store.storage import open_store
    from firstask_desktop.sync.trust import export_key_file

    open_store(ctx.county_dir)
    init_station(
        code=COUNTY_CODE,
        name="自检县公司",
        county="自检县公司",
        mode="county",
        admin_name=ADMIN,
        admin_password=ctx.password,
    )
    ctx.county_key_file, info = export_key_file(ctx.stick)
    return f"县公司公钥 {info.fingerprint}"


def make_station(ctx: Context) -> str:
    from firstask_desktop.services.station import init_station
    from firstask_desktop.store.models import Staff
    from firstask_desktop.store.storage import open_store

    open_store(ctx.station_dir)
    station = init_station(
        code=STATION_CODE,
        name="自检供电所",
        county="自检县公司",
        area="rural",
        admin_name=ADMIN,
        admin_password=ctx.password,
    )
    ctx.admin = Staff.get(Staff.name == ADMIN)
    return f"{station.code} {station.name}，数据在 {ctx.station_dir}"


def register_entry(ctx: Context) -> str:
    from firstask_desktop.domain.validation import phone_problem
    from firstask_desktop.services.entries import register_entry as register

    # libphonenumber's data for China is loaded by name at run time: a bundle without it would
    # take every number for one that does not exist.
    problem = phone_problem("0300-1234567")
    if "不存在" not in problem or phone_problem("0931-5221234") or phone_problem("95598"):
        raise RuntimeError(f"电话号码数据（phonenumbers）不全：{problem or '无'}")
    entry = register(
        ctx.admin,
        channel="来访",
        category="咨询",
        visitor="张三",
        address="城关镇东街1号",
        phone="13800138000",
        matter="自检：咨询峰谷电价怎样申请。",
    )
    ctx.serial, ctx.entry_uuid = entry.serial, str(entry.uuid)
    return f"受理编号 {entry.serial}，拼音检索 {entry.search_initials}，号码核对 {problem}"


def _window_checks() -> type[WindowChecks]:
    if WindowChecks.check_window is None or WindowChecks.measure_startup is None:
        raise RuntimeError("窗口检查未接入：请用 main.py 或 python -m firstask_desktop 启动自检。")
    return WindowChecks


def open_window(ctx: Context) -> str:
    # Without a printed receipt (that step failed) the window is still checked, minus the preview.
    pdf = ctx.receipt_pdf if ctx.receipt_pdf and ctx.receipt_pdf.is_file() else None
    return _window_checks().check_window(ctx.station_dir, ctx.admin, CJK_SAMPLE, pdf)


def print_receipt(ctx: Context) -> str:
    from reportlab.graphics.barcode import createBarcodeDrawing

    from firstask_desktop.reports import save_pdf
    from firstask_desktop.reports.pdf_fonts import FONT_NAME
    from firstask_desktop.reports.receipt import build_receipt, receipt_data
    from firstask_desktop.store.receipt_codes import verify_code

    pdf = build_receipt(ctx.serial)
    ctx.receipt_pdf = ctx.stick / f"回执-{ctx.serial}.pdf"
    pages = save_pdf(pdf, ctx.receipt_pdf)
    if FONT_NAME.encode() not in pdf:
        raise MissingPart(f"回执中的中文字体 {FONT_NAME}")
    code = receipt_data(ctx.serial)["qr"]
    # ReportLab looks barcode widgets up by name at run time: the lookup proves the bundle has them.
    createBarcodeDrawing("QR", value=code)
    check = verify_code(code, ctx.station_dir)
    if not check.genuine:
        raise MissingPart(f"回执二维码验真（{check.message}）")
    return f"受理编号 {ctx.serial}，二维码验真通过，{pages} 页"


def print_register(ctx: Context) -> str:
    from firstask_desktop.reports import save_pdf
    from firstask_desktop.reports.register import build_register

    month = datetime.now().strftime("%Y-%m")
    pages = save_pdf(build_register(month), ctx.stick / f"登记簿-{month}.pdf")
    return f"{month} 首问登记簿，{pages} 页"


def export_sync(ctx: Context) -> str:
    from firstask_desktop.sync.station_export import export_file
    from firstask_desktop.sync.trust import import_key_file

    import_key_file(ctx.county_key_file, accepted_by=ADMIN)
    result = export_file(ctx.stick, full=True)  # re-read and verified before it returns
    ctx.export_path = result.path
    return f"{result.path.name}，{result.records} 条记录，{result.size} 字节，已读回校验"


def county_import(ctx: Context) -> str:
    from firstask_desktop.store.models import Entry
    from firstask_desktop.store.storage import open_store
    from firstask_desktop.sync.importing import import_file

    open_store(ctx.county_dir)
    result = import_file(ctx.export_path, accept_new_station=True, actor=ADMIN)
    if not result.ok:
        raise MissingPart(f"同步文件导入（{result.message}）")
    if not Entry.select().where(Entry.uuid == ctx.entry_uuid).exists():
        raise MissingPart(f"县公司数据中的 {ctx.serial}")
    return f"签名与加密验证通过，县公司收到 {ctx.serial}"


STEPS = (
    Step("程序文件", check_resources),
    Step("县公司密钥", make_county),
    Step("建立供电所", make_station),
    Step("登记", register_entry, ("建立供电所",)),
    Step("打印回执", print_receipt, ("登记",)),
    Step("打印登记簿", print_register, ("登记",)),
    Step("主窗口", open_window, ("登记",)),
    Step("导出同步文件", export_sync, ("登记", "县公司密钥")),
    Step("县公司验证导入", county_import, ("导出同步文件",)),
)


# --- running -----------------------------------------------------------------------------------


def describe_failure(error: BaseException) -> str:
    """What is missing, named: a module, a file, or else the error itself."""
    if isinstance(error, MissingPart):
        return f"缺少 {error.what}"
    if isinstance(error, ImportError):
        name = error.name or str(error)
        return f"缺少模块 {name}（{error}）"
    if isinstance(error, FileNotFoundError):
        # The app's own FileNotFoundErrors carry a Chinese sentence naming the file already.
        return f"缺少文件 {error.filename}" if error.filename else str(error)
    if isinstance(error, OSError):
        return f"读写或加载失败：{error.filename or ''} {error}".replace("： ", "：")
    return f"出错：{type(error).__name__}: {error}"


def use_offscreen_without_display() -> None:
    """A Linux machine without X or Wayland (CI) gets Qt's offscreen platform."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _reconfigure_output() -> None:
    # A Windows console in code page 936 or 437 cannot encode ✓; never fail on the way out.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def _watchdog() -> threading.Timer:
    def give_up() -> None:
        print(
            f"✗ 自检超时：{TIMEOUT_SECONDS} 秒内没有完成（可能弹出了无人能点的对话框）。",
            flush=True,
        )
        os._exit(1)

    timer = threading.Timer(TIMEOUT_SECONDS, give_up)
    timer.daemon = True
    timer.start()
    return timer


def run(steps=STEPS, out=None) -> int:
    """Run every step and print one line each; returns the exit status."""
    from firstask_desktop import __version__

    _reconfigure_output()
    out = out or sys.stdout
    use_offscreen_without_display()
    os.environ.pop("FIRSTASK_DATA_DIR", None)  # never the real data folder
    started = time.perf_counter()
    watchdog = _watchdog()
    root = Path(tempfile.mkdtemp(prefix="firstask-selfcheck-"))
    ctx = Context(root)
    ctx.stick.mkdir()
    passed: set[str] = set()
    failures: list[str] = []
    print(f"首问登记 {__version__} 自检（{sys.executable}）", file=out, flush=True)
    try:
        for step in steps:
            blocked = [need for need in step.needs if need not in passed]
            if blocked:
                print(
                    f"– {step.name}：跳过，它要用到的“{'、'.join(blocked)}”没有通过",
                    file=out,
                    flush=True,
                )
                continue
            t0 = time.perf_counter()
            try:
                detail = step.run(ctx)
            except Exception as err:  # noqa: BLE001 - every failure is reported, none ends the run
                failures.append(f"{step.name}：{describe_failure(err)}")
                print(f"✗ {failures[-1]}", file=out, flush=True)
                if not isinstance(err, MissingPart):  # for whoever mends the spec
                    traceback.print_exc(file=sys.stderr)
                continue
            passed.add(step.name)
            print(
                f"✓ {step.name}：{detail}（{time.perf_counter() - t0:.2f} 秒）",
                file=out,
                flush=True,
            )
    finally:
        watchdog.cancel()
        _close_database()
        shutil.rmtree(root, ignore_errors=True)
    elapsed = time.perf_counter() - started
    if failures:
        print(
            f"自检未通过（{len(failures)} 项）：程序不完整，请重新安装；"
            f"若是自己打包的，请检查 installer/firstask.spec。",
            file=out,
            flush=True,
        )
        return 1
    print(f"自检通过：程序完整，可以使用（用时 {elapsed:.1f} 秒）。", file=out, flush=True)
    return 0


def _close_database() -> None:
    try:
        from firstask_desktop.store import db

        db.close()
    except Exception:  # noqa: BLE001 - closing is best effort before the temp folder goes
        pass


def main(argv: list[str] | None = None) -> int:
    """``--selfcheck``, or ``--measure-startup --data-dir DIR`` (bench/bundle_bench.py)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--measure-startup"]:
        import argparse

        parser = argparse.ArgumentParser(prog="FirstAsk --measure-startup")
        parser.add_argument("--measure-startup", action="store_true")
        parser.add_argument("--data-dir", type=Path, required=True)
        args = parser.parse_args(argv)
        use_offscreen_without_display()
        return _window_checks().measure_startup(args.data_dir)
    return run()
