"""Update the translation sources and compile them.

    python tools/build_translations.py

1. ``pyside6-lupdate`` collects every ``tr()``/``translate()`` string of firstask_desktop/gui and
   of ui/*.ui into resources/i18n/firstask_<lang>.ts (Chinese is the source language);
2. translators edit the .ts (Qt Linguist, or any editor);
3. ``pyside6-lrelease`` compiles each .ts into the .qm the app loads (both are committed).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("en",)


def sources() -> list[str]:
    gui = sorted((ROOT / "firstask_desktop" / "gui").glob("*.py"))
    forms = sorted((ROOT / "ui").glob("*.ui"))
    return [str(p.relative_to(ROOT)) for p in gui + forms]


def main() -> int:
    for language in LANGUAGES:
        ts = I18N / f"firstask_{language}.ts"
        subprocess.run(
            [
                "pyside6-lupdate",
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "zh_CN",
                "-target-language",
                language,
                "-ts",
                str(ts.relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )
        subprocess.run(
            ["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
