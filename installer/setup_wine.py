"""Compile the Windows setup with the real Inno Setup compiler under Wine, and run setups there.

    python installer/setup_wine.py --bundle DIR [--dist DIR]

renders installer/firstask.iss.in for the bundle in DIR, compiles it with ISCC.exe (the npm
package ``innosetup``, version pinned below) in a throw-away Wine prefix and prints the setup's
path, size and SHA-256. installer/build-setup-wine.sh calls it with the Linux bundle as the
payload; tests/test_installer_wine.py uses the same functions with a small fake payload.

Needs Wine with 32-bit support (ISCC is a 32-bit program): ``dpkg --add-architecture i386``,
then ``apt-get install wine wine32:i386 wine64``; and npm to fetch ISCC once (or FIRSTASK_ISCC
naming an ISCC.exe already on disk). Nothing here downloads the Chinese messages: they are the
project's own installer/ChineseSimplified.isl.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
# The one place the compiler's version is pinned (CI, the build script and the tests read it).
ISCC_PACKAGE = "innosetup@6.4.1"
ISCC_CACHE = ROOT / "build" / "innosetup"
LANGUAGE_FILE = INSTALLER / "ChineseSimplified.isl"
APP_ID = "{5F0B7E2C-8D4A-4C61-9A3E-1F6B2D7C9E40}"


def _load_render():
    spec = importlib.util.spec_from_file_location(
        "render_templates", INSTALLER / "render_templates.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_templates = _load_render()


def wine_missing() -> str | None:
    """Why Wine cannot run ISCC here, or None when it can."""
    for program in ("wine", "wineboot", "wineserver"):
        if shutil.which(program) is None:
            return f"{program} is not installed (apt-get install wine wine32:i386 wine64)"
    return None


def iscc_path() -> Path:
    """ISCC.exe: FIRSTASK_ISCC, else build/innosetup, fetched there once with ``npm pack``."""
    if os.environ.get("FIRSTASK_ISCC"):
        return Path(os.environ["FIRSTASK_ISCC"])
    iscc = ISCC_CACHE / ISCC_PACKAGE.replace("@", "-") / "bin" / "ISCC.exe"
    if iscc.exists():
        return iscc
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit(f"ISCC.exe not found at {iscc} and npm is missing to fetch {ISCC_PACKAGE}")
    ISCC_CACHE.mkdir(parents=True, exist_ok=True)
    packed = subprocess.run(
        [npm, "pack", ISCC_PACKAGE, "--pack-destination", str(ISCC_CACHE), "--silent"],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout.split()[-1]
    unpack = Path(tempfile.mkdtemp(dir=ISCC_CACHE))
    with tarfile.open(ISCC_CACHE / packed) as archive:
        archive.extractall(unpack, filter="data")
    # Renamed into place in one step, so a run killed halfway never leaves a partial compiler.
    (unpack / "package").rename(iscc.parent.parent)
    unpack.rmdir()
    (ISCC_CACHE / packed).unlink()
    return iscc


def windows_path(path: Path | str) -> str:
    """The Linux path as Wine's programs see it: Wine maps / to drive Z: (``winepath -w``)."""
    return "Z:" + str(Path(path).resolve()).replace("/", "\\")


@contextlib.contextmanager
def virtual_display(size: str = "1024x768x24"):
    """A private Xvfb screen, yielding its DISPLAY (``:N``). A setup needs one even when run with
    /VERYSILENT: without it Wine cannot create the hidden wizard and the setup stops at once."""
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb is not installed (apt-get install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as stream:
            number = stream.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


class Wine:
    """A throw-away Wine prefix: nothing of the machine's own ~/.wine is read or changed."""

    def __init__(self, prefix: Path, display: str | None = None):
        self.prefix = Path(prefix)
        self.env = dict(
            os.environ,
            WINEPREFIX=str(self.prefix),
            WINEDEBUG="-all",
            # No dialogs offering to download Mono or Gecko: a setup needs neither. No
            # winemenubuilder: it wrote Linux menu entries for each shortcut outside the prefix,
            # and held a fresh .lnk open so that a quick uninstall could not delete it.
            WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d",
        )
        self.env.pop("WINEARCH", None)
        if display:
            self.env["DISPLAY"] = display

    def boot(self, timeout: float = 300) -> None:
        self.prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["wineboot", "--init"],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=timeout,
        )
        # A fresh prefix says Windows 7; the setup wants 10 (MinVersion), like the stations' PCs.
        self.run("winecfg", "-v", "win10", timeout=timeout, check=True)
        self.wait()

    def run(self, *args: str, timeout: float = 300, check: bool = False, **kwargs):
        return subprocess.run(
            ["wine", *args],
            env=self.env,
            check=check,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            **kwargs,
        )

    def wait(self, timeout: float = 120) -> None:
        """Until every program in the prefix has ended (a setup's uninstaller copy, say)."""
        subprocess.run(["wineserver", "--wait"], env=self.env, timeout=timeout, check=False)

    def stop(self) -> None:
        subprocess.run(["wineserver", "--kill"], env=self.env, timeout=60, check=False)

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    @property
    def user_dir(self) -> Path:
        """C:\\users\\<name>: Wine names the Windows user after the Linux one."""
        import pwd  # here, not at the top: the tests import this module on Windows too

        return self.drive_c / "users" / pwd.getpwuid(os.getuid()).pw_name

    def registry(self, key: str) -> dict[str, str] | None:
        """The values of one registry key (``@`` is the default value), None when it is absent.
        The 64-bit view, as the setup writes in 64-bit mode (``wine reg`` alone reads the 32-bit one).

        Read through ``reg export``, which writes UTF-16: ``reg query`` prints in the console's
        code page, where the Chinese names come out as question marks."""
        with tempfile.TemporaryDirectory() as temp:
            out = Path(temp) / "key.reg"
            result = self.run("reg", "export", key, windows_path(out), "/y", "/reg:64", timeout=120)
            if result.returncode != 0:
                return None
            text = out.read_text(encoding="utf-16")
        values: dict[str, str] = {}
        section = text.split("]", 1)[1].split("\r\n[", 1)[0].split("\n[", 1)[0]
        for line in section.splitlines():
            name, sep, value = line.partition("=")
            if not sep:
                continue
            name = "@" if name == "@" else name.strip('"').replace("\\\\", "\\")
            if value.startswith('"'):
                value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
            values[name] = value
        return values


def compile_setup(
    wine: Wine,
    bundle: Path,
    dist: Path,
    work: Path,
    *,
    version: str | None = None,
    compression: str | None = None,
    timeout: float = 1800,
) -> Path:
    """Render the script for ``bundle`` and compile it; returns FirstAsk-Setup-<version>.exe."""
    version = version or render_templates.project_version()
    icon = work / "firstask.ico"
    if not icon.exists():
        subprocess.run(
            [
                sys.executable,
                str(INSTALLER / "make_icon.py"),
                str(ROOT / "resources" / "icons" / "app.svg"),
                str(icon),
            ],
            check=True,
            capture_output=True,
            timeout=120,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )
    dist.mkdir(parents=True, exist_ok=True)
    iss = render_templates.render_iss(
        work,
        bundle,
        dist,
        icon,
        LANGUAGE_FILE,
        version=version,
        as_path=windows_path,
    )
    options = [f"/DCOMPRESSION={compression}"] if compression else []
    result = wine.run(iscc_path_windows(), "/Qp", *options, windows_path(iss), timeout=timeout)
    setup = dist / f"FirstAsk-Setup-{version}.exe"
    if result.returncode != 0 or not setup.exists():
        raise RuntimeError(
            f"ISCC failed (exit {result.returncode}):\n{result.stdout[-3000:]}{result.stderr[-2000:]}"
        )
    return setup


def iscc_path_windows() -> str:
    return windows_path(iscc_path())


# The Linux bundle's files that a Windows bundle has no counterpart of (Qt there draws with
# Windows' own GDI/DirectWrite and ICU): the X11/xcb, GLib, D-Bus, fontconfig, Kerberos stack,
# ICU, and Qt's xcb, D-Bus and Linux-desktop plugins. Python, OpenSSL, SQLite and libffi do
# have counterparts (python311.dll, libcrypto-3.dll, sqlite3.dll, libffi-8.dll) of about the
# same size, and so do Pillow's libraries (linked into its .pyd files on Windows): they stay.
SHARED_WITH_WINDOWS = ("libpython", "libcrypto", "libssl", "libsqlite3", "libffi")
LINUX_ONLY_QT = ("libicu", "libQt6XcbQpa", "libQt6DBus")
LINUX_ONLY_PLUGINS = ("xcbglintegrations", "platforminputcontexts", "platformthemes")


def linux_only(bundle: Path) -> list[Path]:
    """The files of a Linux bundle with no counterpart in the Windows bundle (see above)."""
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        parts = path.relative_to(bundle).parts
        name = parts[-1]
        system_lib = (
            len(parts) == 2 and name.startswith("lib") and ".so" in name
        ) and not name.startswith(SHARED_WITH_WINDOWS)
        qt_lib = "Qt" in parts and "lib" in parts and name.startswith(LINUX_ONLY_QT)
        plugin = "plugins" in parts and any(p in LINUX_ONLY_PLUGINS for p in parts)
        if system_lib or qt_lib or plugin:
            found.append(path)
    return found


def windows_estimate(bundle: Path, out: Path) -> Path:
    """A stand-in for the Windows bundle made from the Linux one: minus the Linux-only files,
    plus the second program Windows has (firstask-cli.exe, the same size as the first).
    Hard links: nothing is copied."""
    skip = set(linux_only(bundle))
    for path in bundle.rglob("*"):
        target = out / path.relative_to(bundle)
        if path in skip or path.is_symlink():
            continue
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target)
    program = out / "FirstAsk"
    program.rename(out / "FirstAsk.exe")
    shutil.copyfile(out / "FirstAsk.exe", out / "firstask-cli.exe")
    return out


def files_and_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return len(files), sum(p.stat().st_size for p in files)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


BUDGET_MB = 150  # a USB stick, a slow county network share, an old PC's download folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="the one-folder bundle to pack")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the setup goes")
    parser.add_argument(
        "--windows-estimate",
        action="store_true",
        help="also compile a setup of the Linux bundle minus its Linux-only files and check it "
        f"against the size budget ({BUDGET_MB} MB)",
    )
    parser.add_argument(
        "--fast",
        action="store_true",
        help="compress with lzma2/fast instead of the release's lzma2/max (CI: faster, and a "
        "larger setup, so an upper bound of the release's size)",
    )
    parser.add_argument(
        "--iscc", action="store_true", help="only fetch the pinned ISCC.exe and print its path"
    )
    args = parser.parse_args(argv)
    if args.iscc:
        print(iscc_path())
        return 0
    compression = "lzma2/fast" if args.fast else None
    if reason := wine_missing():
        raise SystemExit(reason)
    if args.bundle is None:
        parser.error("--bundle DIR is needed (installer/build-linux.sh --dist DIR makes one)")
    if not args.bundle.is_dir():
        raise SystemExit(f"{args.bundle}: no bundle there (installer/build-linux.sh --dist DIR)")
    with tempfile.TemporaryDirectory(prefix="firstask-wine-") as temp:
        wine = Wine(Path(temp) / "prefix")
        try:
            wine.boot()
            started = time.monotonic()
            setup = compile_setup(
                wine, args.bundle, args.dist, Path(temp) / "script", compression=compression
            )
            report(f"setup ({compression or 'lzma2/max'})", setup, started)
            if args.windows_estimate:
                return check_estimate(wine, args.bundle, Path(temp), compression)
        finally:
            wine.stop()
    return 0


def report(what: str, setup: Path, started: float) -> None:
    size = setup.stat().st_size
    print(f"{what}: {setup}, compiled in {time.monotonic() - started:.0f} s")
    print(f"  size: {size} bytes ({size / 2**20:.1f} MiB)")
    print(f"  sha256: {sha256(setup)}")


def check_estimate(wine: Wine, bundle: Path, temp: Path, compression: str | None) -> int:
    dropped = linux_only(bundle)
    print(f"Linux-only files ({len(dropped)}, no counterpart in the Windows bundle):")
    for path in sorted(dropped, key=lambda p: -p.stat().st_size):
        print(f"  {path.stat().st_size / 2**20:6.2f} MiB  {path.relative_to(bundle)}")
    estimate = windows_estimate(bundle, temp / "windows" / "FirstAsk")
    count, size = files_and_size(estimate)
    print(f"estimated Windows bundle: {count} files, {size / 2**20:.1f} MiB")
    started = time.monotonic()
    setup = compile_setup(
        wine, estimate, temp / "windows-dist", temp / "windows-script", compression=compression
    )
    report("setup with the estimated Windows payload", setup, started)
    megabytes = setup.stat().st_size / 2**20
    if megabytes > BUDGET_MB:
        print(f"OVER BUDGET: {megabytes:.1f} MiB > {BUDGET_MB} MiB")
        return 1
    print(f"within the budget: {megabytes:.1f} MiB <= {BUDGET_MB} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
