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
import pwd
import shutil
import subprocess
import sys
import tarfile
import tempfile
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
            # No dialogs offering to download Mono or Gecko: a setup needs neither.
            WINEDLLOVERRIDES="mscoree,mshtml=",
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
    timeout: float = 900,
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
    result = wine.run(iscc_path_windows(), "/Qp", windows_path(iss), timeout=timeout)
    setup = dist / f"FirstAsk-Setup-{version}.exe"
    if result.returncode != 0 or not setup.exists():
        raise RuntimeError(
            f"ISCC failed (exit {result.returncode}):\n{result.stdout[-3000:]}{result.stderr[-2000:]}"
        )
    return setup


def iscc_path_windows() -> str:
    return windows_path(iscc_path())


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the one-folder bundle to pack")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the setup goes")
    args = parser.parse_args(argv)
    if reason := wine_missing():
        raise SystemExit(reason)
    if not args.bundle.is_dir():
        raise SystemExit(f"{args.bundle}: no bundle there (installer/build-linux.sh --dist DIR)")
    with tempfile.TemporaryDirectory(prefix="firstask-wine-") as temp:
        wine = Wine(Path(temp) / "prefix")
        try:
            wine.boot()
            setup = compile_setup(wine, args.bundle, args.dist, Path(temp) / "script")
        finally:
            wine.stop()
    size = setup.stat().st_size
    print(f"setup: {setup}")
    print(f"size: {size} bytes ({size / 2**20:.1f} MiB)")
    print(f"sha256: {sha256(setup)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
