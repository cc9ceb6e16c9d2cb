"""The setup's Chinese messages are the project's own file, complete for the pinned compiler.

installer/ChineseSimplified.isl is checked against the message list of the compiler that builds
the setup (Default.isl in the npm package ``innosetup``, pinned in installer/setup_wine.py): a
message missing there would show in English on a clerk's screen, a stray one is a typo or a
message of another version.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHINESE = ROOT / "installer" / "ChineseSimplified.isl"
_spec = importlib.util.spec_from_file_location("setup_wine", ROOT / "installer" / "setup_wine.py")
setup_wine = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(setup_wine)

# What the setup fills in or turns into a key: %1, %n, [name], [mb], and the & of a shortcut key.
PLACEHOLDER = re.compile(r"%\d|%n|\[[a-z/]+\]")
MESSAGE_SECTIONS = ("Messages", "CustomMessages")


def messages(path: Path) -> dict[tuple[str, str], str]:
    """``{(section, name): text}`` of an Inno Setup messages file."""
    found, section = {}, None
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("["):
            section = line.strip("[]")
        elif line and not line.startswith(";") and "=" in line:
            name, _, text = line.partition("=")
            found[(section, name)] = text
    return found


@pytest.fixture(scope="module")
def english():
    """The compiler's own message list; fetched once with npm like the compiler itself."""
    try:
        iscc = setup_wine.iscc_path()
    except (SystemExit, subprocess.SubprocessError, OSError) as error:
        if shutil.which("npm") is None:
            pytest.skip(f"Inno Setup's Default.isl unavailable: {error}")
        raise
    return messages(iscc.parent / "Default.isl")


def test_the_file_is_simplified_chinese_in_utf8_with_a_byte_order_mark():
    # Without the mark ISCC reads the file in the build PC's ANSI code page: garbled Chinese.
    assert CHINESE.read_bytes().startswith(b"\xef\xbb\xbf")
    CHINESE.read_bytes()[3:].decode("utf-8")
    assert messages(CHINESE)[("LangOptions", "LanguageID")] == "$0804"


def test_every_message_of_the_compiler_is_translated_and_no_other(english):
    chinese = messages(CHINESE)
    wanted = {key for key in english if key[0] in MESSAGE_SECTIONS}
    have = {key for key in chinese if key[0] in MESSAGE_SECTIONS}
    assert sorted(wanted - have) == []
    assert sorted(have - wanted) == []
    for key in wanted:
        if english[key]:
            assert chinese[key], f"{key[1]} is empty"


def test_placeholders_and_shortcut_keys_survive_the_translation(english):
    chinese = messages(CHINESE)
    for key, text in english.items():
        if key[0] not in MESSAGE_SECTIONS:
            continue
        assert sorted(PLACEHOLDER.findall(chinese[key])) == sorted(PLACEHOLDER.findall(text)), key
        assert ("&" in chinese[key]) == ("&" in text), key
