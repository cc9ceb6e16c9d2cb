"""The real setup, compiled by Inno Setup's ISCC and run by Wine: what a clerk's PC would do.

Once per session: a Wine prefix in a temp folder, a private Xvfb screen (a setup needs one even
when silent), and two setups compiled by the real compiler from the real script, each packing a
small fake bundle (an older and a newer version: the files differ, the script's logic does not).
Each test then installs, upgrades or uninstalls silently and proves every step twice: by what is
on the disk and in the registry, and by the line the setup wrote into its own log.

Skipped, with the reason, where Wine is not installed. CI installs it (.ci/run).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("setup_wine", ROOT / "installer" / "setup_wine.py")
setup_wine = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(setup_wine)

pytestmark = [
    pytest.mark.wine,
    pytest.mark.skipif(
        setup_wine.wine_missing() is not None or shutil.which("Xvfb") is None,
        reason=f"needs Wine and Xvfb: {setup_wine.wine_missing() or 'apt-get install xvfb'}",
    ),
]

OLD, NEW = "0.0.1", "0.0.2"
UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall" + "\\"
UNINSTALL_KEY += setup_wine.APP_ID + "_is1"
# Holds a file open the way a running program holds its own exe, until a release file appears.
# (Wine's WScript.Sleep returns at once, so it waits on ping; a busy loop would eat a core.)
HOLD_JS = """
var fso = new ActiveXObject("Scripting.FileSystemObject");
var shell = new ActiveXObject("WScript.Shell");
var held = fso.OpenTextFile(WScript.Arguments(0), 8);
WScript.Echo("held");
while (!fso.FileExists(WScript.Arguments(1))) shell.Run("ping -n 2 127.0.0.1", 0, true);
"""


def fake_bundle(folder: Path, version: str, only: str) -> Path:
    """A one-folder bundle's shape: the two programs and _internal, one file only this version has."""
    internal = folder / "_internal"
    internal.mkdir(parents=True)
    (folder / "FirstAsk.exe").write_text(f"FirstAsk {version}")
    (folder / "firstask-cli.exe").write_text(f"firstask-cli {version}")
    (internal / "python311.dll").write_text(f"python {version}")
    (internal / only).write_text(version)
    return folder


@pytest.fixture(scope="session")
def wine_setups(tmp_path_factory):
    """The prefix and the two compiled setups: ``(wine, {version: setup.exe})``."""
    temp = tmp_path_factory.mktemp("wine")
    with setup_wine.virtual_display() as display:
        wine = setup_wine.Wine(temp / "prefix", display=display)
        wine.boot()
        setups = {
            version: setup_wine.compile_setup(
                wine,
                fake_bundle(temp / f"bundle-{version}", version, f"only-in-{version}.dll"),
                temp / "dist",
                temp / f"script-{version}",
                version=version,
            )
            for version in (OLD, NEW)
        }
        (temp / "hold.js").write_text(HOLD_JS)
        try:
            yield wine, setups
        finally:
            wine.stop()


class Pc:
    """The Windows PC inside the prefix, seen as a clerk and an IT technician would."""

    def __init__(self, wine, setups, logs: Path):
        self.wine, self.setups, self.logs = wine, setups, logs
        self.user = wine.user_dir
        self.data = self.user / "AppData" / "Local" / "FirstAsk" / "FirstAsk"

    def app_dir(self, all_users: bool) -> Path:
        if all_users:
            return self.wine.drive_c / "Program Files" / "FirstAsk"
        return self.user / "AppData" / "Local" / "Programs" / "FirstAsk"

    def shortcuts(self, all_users: bool) -> tuple[Path, Path]:
        if all_users:
            programs = self.wine.drive_c / "ProgramData" / "Microsoft" / "Windows" / "Start Menu"
            desktop = self.wine.drive_c / "users" / "Public" / "Desktop"
        else:
            programs = self.user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu"
            desktop = self.user / "Desktop"
        return programs / "Programs" / "首问登记.lnk", desktop / "首问登记.lnk"

    def install(self, version: str, *, all_users: bool = False, wait: bool = True):
        """Run the setup silently; returns its exit code and its log. ``wait`` also waits for
        every other program in the prefix to end (an uninstaller's temp copy, say)."""
        log = self.logs / f"setup-{version}-{len(list(self.logs.iterdir()))}.log"
        mode = "/ALLUSERS" if all_users else "/CURRENTUSER"
        result = self.wine.run(
            setup_wine.windows_path(self.setups[version]),
            "/VERYSILENT",
            "/SUPPRESSMSGBOXES",
            "/NORESTART",
            mode,
            f"/LOG={setup_wine.windows_path(log)}",
            timeout=300,
        )
        if wait:
            self.wine.wait()
        return result.returncode, log.read_text(encoding="utf-8-sig")

    def uninstall(self, *switches: str, all_users: bool = False) -> str:
        """The uninstaller, silently, as an IT tool runs it; returns its log."""
        log = self.logs / f"uninstall-{len(list(self.logs.iterdir()))}.log"
        uninstaller = self.app_dir(all_users) / "unins000.exe"
        self.wine.run(
            setup_wine.windows_path(uninstaller),
            "/VERYSILENT",
            "/SUPPRESSMSGBOXES",
            "/NORESTART",
            *switches,
            f"/LOG={setup_wine.windows_path(log)}",
            timeout=300,
        )
        # The uninstaller copies itself to a temp folder and runs from there: wait for that copy.
        self.wine.wait()
        return log.read_text(encoding="utf-8-sig")

    def registry(self, key: str) -> dict[str, str] | None:
        return self.wine.registry(key)

    def make_data(self) -> Path:
        """A data folder as the app leaves it: the register and a backup."""
        (self.data / "backups").mkdir(parents=True, exist_ok=True)
        register = self.data / "firstask.sqlite3"
        register.write_bytes(b"SQLite format 3\x00 two entries")
        (self.data / "backups" / "firstask-20260101.sqlite3").write_bytes(b"backup")
        return register


@pytest.fixture
def pc(wine_setups, tmp_path):
    """A PC with nothing of the app on it, before and after each test."""
    wine, setups = wine_setups
    logs = tmp_path / "logs"
    logs.mkdir()
    machine = Pc(wine, setups, logs)

    def clean():
        for all_users in (False, True):
            if (machine.app_dir(all_users) / "unins000.exe").exists():
                machine.uninstall("/DELETEDATA", all_users=all_users)
            shutil.rmtree(machine.app_dir(all_users), ignore_errors=True)
        shutil.rmtree(machine.data.parent, ignore_errors=True)

    clean()
    yield machine
    clean()


def assert_installed(pc: Pc, log: str, version: str, *, all_users: bool) -> None:
    app = pc.app_dir(all_users)
    assert (app / "FirstAsk.exe").read_text() == f"FirstAsk {version}"
    assert (app / "firstask-cli.exe").read_text() == f"firstask-cli {version}"
    assert (app / "_internal" / "python311.dll").read_text() == f"python {version}"
    assert "Installation process succeeded." in log
    for shortcut in pc.shortcuts(all_users):
        assert shortcut.exists(), shortcut
        assert f"Dest filename: {setup_wine_path(pc, shortcut)}" in log
    assert log.count("Successfully created the icon.") == 2

    root = "HKLM" if all_users else "HKCU"
    classes = rf"{root}\Software\Classes"
    assert pc.registry(rf"{classes}\.fasync")["@"] == "FirstAsk.SyncFile"
    assert pc.registry(rf"{classes}\FirstAsk.SyncFile")["@"] == "首问登记同步文件"
    command = pc.registry(rf"{classes}\FirstAsk.SyncFile\shell\open\command")["@"]
    assert command == f'"{setup_wine_path(pc, app)}\\FirstAsk.exe" "%1"'
    long_root = "HKEY_LOCAL_MACHINE" if all_users else "HKEY_CURRENT_USER"
    assert f"Key: {long_root}\\Software\\Classes\\.fasync" in log

    entry = pc.registry(rf"{root}\{UNINSTALL_KEY}")
    assert entry["DisplayName"] == "首问登记"
    assert entry["DisplayVersion"] == version
    assert entry["UninstallString"] == f'"{setup_wine_path(pc, app / "unins000.exe")}"'
    assert f"uninstall key: {long_root}\\{UNINSTALL_KEY}" in log


def setup_wine_path(pc: Pc, path: Path) -> str:
    """How Windows names a file inside the prefix's drive C: (``C:\\users\\...``)."""
    return "C:\\" + str(path.relative_to(pc.wine.drive_c)).replace("/", "\\")


def test_installs_for_the_clerk_only_without_administrator(pc):
    code, log = pc.install(NEW)
    assert code == 0
    assert "Administrative install mode: No" in log
    assert_installed(pc, log, NEW, all_users=False)
    assert not pc.app_dir(all_users=True).exists()


def test_installs_for_all_users_under_program_files(pc):
    code, log = pc.install(NEW, all_users=True)
    assert code == 0
    assert "Administrative install mode: Yes" in log
    assert_installed(pc, log, NEW, all_users=True)
    assert not pc.app_dir(all_users=False).exists()


def test_upgrade_replaces_the_old_bundle_and_keeps_the_data(pc):
    assert pc.install(OLD)[0] == 0
    register = pc.make_data()
    app = pc.app_dir(all_users=False)
    assert (app / "_internal" / f"only-in-{OLD}.dll").exists()

    code, log = pc.install(NEW)
    assert code == 0
    assert_installed(pc, log, NEW, all_users=False)
    # No file of the older bundle survives ([InstallDelete]); the newer one's is there.
    assert not (app / "_internal" / f"only-in-{OLD}.dll").exists()
    assert (app / "_internal" / f"only-in-{NEW}.dll").exists()
    assert "Will append to existing uninstall log" in log
    # The register and its backups are untouched, and one entry in Apps names the new version.
    assert register.read_bytes() == b"SQLite format 3\x00 two entries"
    assert (pc.data / "backups" / "firstask-20260101.sqlite3").exists()
    assert pc.registry(rf"HKCU\{UNINSTALL_KEY}")["DisplayVersion"] == NEW


def test_uninstall_removes_the_program_and_keeps_the_data_by_default(pc):
    assert pc.install(NEW)[0] == 0
    register = pc.make_data()

    log = pc.uninstall()
    assert "Uninstallation process succeeded." in log or "Uninstall process succeeded" in log
    assert not (pc.app_dir(all_users=False) / "FirstAsk.exe").exists()
    assert not (pc.app_dir(all_users=False) / "_internal").exists()
    assert not any(shortcut.exists() for shortcut in pc.shortcuts(all_users=False))
    assert pc.registry(r"HKCU\Software\Classes\FirstAsk.SyncFile") is None
    assert pc.registry(r"HKCU\Software\Classes\.fasync") is None
    assert pc.registry(rf"HKCU\{UNINSTALL_KEY}") is None
    assert register.read_bytes() == b"SQLite format 3\x00 two entries"
    assert f"User data kept: {setup_wine_path(pc, pc.data)}" in log


def test_uninstall_deletes_the_data_only_when_asked(pc):
    assert pc.install(NEW)[0] == 0
    pc.make_data()

    log = pc.uninstall("/DELETEDATA")
    assert not pc.data.exists()
    assert f"User data deleted: {setup_wine_path(pc, pc.data)}" in log
    assert not (pc.app_dir(all_users=False) / "FirstAsk.exe").exists()


def test_a_second_install_while_the_app_runs_stops_before_changing_anything(pc, wine_setups):
    wine, _ = wine_setups
    assert pc.install(OLD)[0] == 0
    register = pc.make_data()
    app = pc.app_dir(all_users=False)
    release = pc.logs.parent / "release"
    hold_js = Path(setup_wine.windows_path(wine.prefix.parent / "hold.js"))
    holder = subprocess.Popen(
        [
            "wine",
            "cscript",
            "//nologo",
            str(hold_js),
            setup_wine_path(pc, app / "FirstAsk.exe"),
            setup_wine.windows_path(release),
        ],
        env=wine.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        code, log = pc.install(NEW, wait=False)
    finally:
        release.touch()
        holder.wait(timeout=120)
    wine.wait()

    # Setup's "PrepareToInstall failed" exit code: it stopped on its preparing page.
    assert code == 7
    assert f"In use: {setup_wine_path(pc, app / 'FirstAsk.exe')}" in log
    assert "首问登记正在运行，现在不能安装。" in log
    assert "Starting the installation process." not in log
    # The installed version is whole: nothing of it was deleted, nothing of the new one copied.
    assert (app / "_internal" / f"only-in-{OLD}.dll").exists()
    assert (app / "FirstAsk.exe").read_text() == f"FirstAsk {OLD}"
    assert not (app / "_internal" / f"only-in-{NEW}.dll").exists()
    assert register.exists()
    assert pc.registry(rf"HKCU\{UNINSTALL_KEY}")["DisplayVersion"] == OLD
