"""Fill the installer templates with the ONE project version (``firstask_desktop.__version__``).

    python installer/render_templates.py --out build/installer --icon ICO --language-file ISL
                                         [--bundle DIR] [--dist DIR]

writes ``version_info.txt`` (the Windows version resource, read by the PyInstaller spec) and
``firstask.iss`` (the Inno Setup script), then prints the version. The spec also calls
:func:`render_version_info` itself, so a plain ``pyinstaller installer/firstask.spec`` can never
stamp the exe with a stale number. No other file holds a version number.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Callable
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
PLACEHOLDER = re.compile(r"@([A-Z][A-Z0-9_]*)@")


def project_version(root: Path = ROOT) -> str:
    """``__version__`` read from the package source (not imported: the build needs no deps)."""
    source = (root / "firstask_desktop" / "__init__.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise SystemExit("firstask_desktop/__init__.py defines no __version__")


def version_quad(version: str) -> tuple[int, int, int, int]:
    """Windows wants four numbers: ``0.1.0`` → (0, 1, 0, 0); ``1.2rc1`` → (1, 2, 0, 0)."""
    match = re.match(r"^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?", version)
    if not match:
        raise SystemExit(f"version {version!r} does not start with a number")
    parts = tuple(int(p or 0) for p in match.groups())
    if any(p > 65535 for p in parts):
        raise SystemExit(f"version {version!r}: Windows allows at most 65535 per part")
    return parts  # type: ignore[return-value]


def template_values(
    version: str, as_path: Callable[[Path], str] | None = None, **paths: Path
) -> dict[str, str]:
    """``as_path`` spells the paths for the compiler (``Z:\\...`` when ISCC runs under Wine)."""
    as_path = as_path or (lambda p: str(Path(p).resolve()))
    quad = version_quad(version)
    values = {
        "VERSION": version,
        "VERSION_QUAD": ".".join(map(str, quad)),
        "VERSION_TUPLE": repr(quad),
        "INSTALLER_DIR": str(INSTALLER),
    }
    values.update({key.upper(): as_path(p) for key, p in paths.items()})
    return values


def render(template: Path, out: Path, values: dict[str, str], *, bom: bool = False) -> Path:
    """Replace every ``@NAME@``; an unknown name is an error, never left in the output."""
    text = template.read_text(encoding="utf-8")
    missing = sorted({m for m in PLACEHOLDER.findall(text) if m not in values})
    if missing:
        raise SystemExit(f"{template.name}: no value for {', '.join(missing)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    # Inno Setup reads a script without a byte-order mark in the ANSI code page, which would
    # garble the Chinese on an English build machine; with the BOM it reads UTF-8.
    out.write_text(
        PLACEHOLDER.sub(lambda m: values[m.group(1)], text),
        encoding="utf-8-sig" if bom else "utf-8",
        newline="\r\n" if bom else "\n",
    )
    return out


def render_version_info(out_dir: Path) -> Path:
    values = template_values(project_version())
    return render(INSTALLER / "version_info.txt.in", Path(out_dir) / "version_info.txt", values)


def render_iss(
    out_dir: Path,
    bundle: Path,
    dist: Path,
    icon: Path,
    language: Path,
    *,
    version: str | None = None,
    as_path: Callable[[Path], str] | None = None,
) -> Path:
    """``version`` other than the project's is for tests that install one setup over another."""
    values = template_values(
        version or project_version(),
        as_path,
        bundle_dir=bundle,
        output_dir=dist,
        icon_file=icon,
        language_file=language,
    )
    return render(INSTALLER / "firstask.iss.in", Path(out_dir) / "firstask.iss", values, bom=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the rendered files")
    parser.add_argument(
        "--bundle",
        type=Path,
        default=ROOT / "dist" / "FirstAsk",
        help="the PyInstaller one-folder bundle the installer packs",
    )
    parser.add_argument(
        "--dist",
        type=Path,
        default=ROOT / "dist",
        help="where ISCC writes FirstAsk-Setup-<version>.exe",
    )
    parser.add_argument("--icon", type=Path, required=True, help="the setup's .ico")
    parser.add_argument(
        "--language-file", type=Path, required=True, help="Inno Setup's ChineseSimplified.isl"
    )
    args = parser.parse_args(argv)
    render_version_info(args.out)
    render_iss(args.out, args.bundle, args.dist, args.icon, args.language_file)
    print(project_version())
    return 0


if __name__ == "__main__":
    sys.exit(main())
