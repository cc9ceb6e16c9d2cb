"""The installer's templates carry the one project version and nothing left unfilled.

ISCC and the Windows version resource cannot run here; what can go wrong before them — a second
version number, a placeholder nobody fills, Chinese that ISCC would read in the wrong code page,
an upgrade that deletes something other than the bundle — is checked on the rendered text.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

import firstask_desktop

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"


@pytest.fixture(scope="module")
def render():
    spec = importlib.util.spec_from_file_location(
        "render_templates", INSTALLER / "render_templates.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def rendered(render, tmp_path):
    out = tmp_path / "安装"
    bundle, dist = tmp_path / "dist" / "FirstAsk", tmp_path / "dist"
    iss = render.render_iss(
        out, bundle, dist, tmp_path / "firstask.ico", tmp_path / "ChineseSimplified.isl"
    )
    return {
        "iss": iss.read_bytes(),
        "version_info": render.render_version_info(out).read_text(encoding="utf-8"),
        "bundle": bundle,
        "dist": dist,
    }


def test_the_version_comes_from_the_package_only(render):
    assert render.project_version() == firstask_desktop.__version__
    for template in INSTALLER.glob("*.in"):
        text = template.read_text(encoding="utf-8")
        assert firstask_desktop.__version__ not in text, f"{template.name} has its own version"


def test_windows_gets_four_numbers(render):
    assert render.version_quad("0.1.0") == (0, 1, 0, 0)
    assert render.version_quad("2.3") == (2, 3, 0, 0)
    assert render.version_quad("1.4.2rc1") == (1, 4, 2, 0)
    with pytest.raises(SystemExit):
        render.version_quad("dev")


def test_installer_script_is_filled_in_and_readable_by_iscc(rendered):
    data = rendered["iss"]
    # UTF-8 with a byte-order mark, else ISCC reads the Chinese in the ANSI code page.
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert not re.search(r"@[A-Z][A-Z0-9_]*@", text)
    version = firstask_desktop.__version__
    assert f"AppVersion={version}\r\n" in text
    assert f"OutputBaseFilename=FirstAsk-Setup-{version}\r\n" in text
    assert f'Source: "{rendered["bundle"]}\\*"' in text
    assert f"OutputDir={rendered['dist']}\r\n" in text
    assert "AppName=首问登记" in text


def test_upgrade_deletes_only_what_the_bundle_installs(rendered):
    text = rendered["iss"].decode("utf-8-sig")
    section = text.split("[InstallDelete]")[1].split("\r\n[")[0]
    names = re.findall(r'Name: "([^"]+)"', section)
    assert names == ["{app}\\_internal", "{app}\\FirstAsk.exe", "{app}\\firstask-cli.exe"]
    spec = (INSTALLER / "firstask.spec").read_text(encoding="utf-8")
    assert 'contents_directory="_internal"' in spec
    assert 'program("FirstAsk", console=False)' in spec
    assert 'program("firstask-cli", console=True)' in spec


def test_uninstall_keeps_the_data_folder_of_config_unless_told_twice(rendered):
    text = rendered["iss"].decode("utf-8-sig")
    # The same folder firstask_desktop/store/config.py uses by default on Windows.
    assert "ExpandConstant('{localappdata}\\FirstAsk\\FirstAsk')" in text
    assert "MB_YESNO or MB_DEFBUTTON1) = IDYES then\r\n    exit;" in text  # "keep?" Yes first
    assert "MB_YESNO or MB_DEFBUTTON2) = IDYES;" in text  # "really delete?" No first
    assert "[UninstallDelete]" not in text


def test_version_resource_names_the_version(render, rendered):
    text = rendered["version_info"]
    quad = render.version_quad(firstask_desktop.__version__)
    assert f"filevers={quad!r}" in text and f"prodvers={quad!r}" in text
    assert f"StringStruct('ProductVersion', '{firstask_desktop.__version__}')" in text
    assert not re.search(r"@[A-Z][A-Z0-9_]*@", text)
