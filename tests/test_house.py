"""The house rule: the core never imports PySide6, so the CLI and county tools start fast."""

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def core_modules() -> list[str]:
    package = ROOT / "firstask_desktop"
    names = []
    for path in package.rglob("*.py"):
        rel = path.relative_to(ROOT).with_suffix("")
        if "gui" in rel.parts:
            continue
        names.append(".".join(rel.parts).removesuffix(".__init__"))
    return sorted(names)


def test_no_core_module_imports_pyside6():
    modules = core_modules()
    assert (
        "firstask_desktop.cli.runner" in modules and "firstask_desktop.services.entries" in modules
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(leaked))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"core modules pulled in Qt: {out.stdout}"


def test_cli_command_runs_without_qt(tmp_path):
    code = (
        "import sys\n"
        "from firstask_desktop.cli.runner import run\n"
        f"rc = run(['--data-dir', {str(tmp_path)!r}, 'entry', 'list'])\n"
        "print(rc, any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    # An empty folder is refused (exit 2) — and Qt was never loaded on the way.
    assert out.stdout.split() == ["2", "False"], out.stderr


# --- the layers (docs/architecture.md; the contract lives in pyproject.toml) -------------------


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(cwd))
    # The console script installed beside this Python (the test extra brings import-linter).
    lint = Path(sys.executable).with_name("lint-imports")
    command = [str(lint), "--no-cache", "--config", str(cwd / "pyproject.toml")]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)


def test_the_layers_contract_holds():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_layers_contract_catches_a_domain_module_importing_the_gui(tmp_path):
    # The same contract over a copy of the package in which one rule reaches up into the GUI,
    # inside a function, where an import is easiest to overlook.
    shutil.copytree(
        ROOT / "firstask_desktop",
        tmp_path / "firstask_desktop",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    vocab = tmp_path / "firstask_desktop" / "domain" / "vocab.py"
    vocab.write_text(
        vocab.read_text(encoding="utf-8")
        + "\n\ndef _label_font():\n    import firstask_desktop.gui.fonts\n",
        encoding="utf-8",
    )
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "firstask_desktop.domain.vocab -> firstask_desktop.gui.fonts" in result.stdout
    assert "BROKEN" in result.stdout


def package_imports() -> dict[str, set[str]]:
    """Module -> the package's modules it imports, at the top or inside a function."""
    package = ROOT / "firstask_desktop"
    modules = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        is_init = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_init else parts)
        modules[name] = (path, is_init)
    graph = {}
    for name, (path, is_init) in modules.items():
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = name.split(".") if is_init else name.split(".")[:-1]
                if node.level:
                    base = base[: len(base) - node.level + 1]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module
                for alias in node.names:
                    child = f"{source}.{alias.name}"
                    targets.add(child if child in modules else source)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_two_modules_import_each_other_even_inside_a_function():
    graph = package_imports()
    # The graph is real: the root joins the CLI and the GUI, the services reach the store.
    assert "firstask_desktop.gui.commands" in graph["firstask_desktop.__main__"]
    assert "firstask_desktop.store.db" in graph["firstask_desktop.services.entries"]
    assert cycles(graph) == []
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_another_modules_private_name():
    borrowed = []
    for path in (ROOT / "firstask_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        borrowed.append(f"{path.relative_to(ROOT)}: {node.module}.{alias.name}")
    assert borrowed == []


def test_every_module_name_is_used_once():
    names = {}
    for path in (ROOT / "firstask_desktop").rglob("*.py"):
        if path.stem not in ("__init__", "__main__"):
            names.setdefault(path.stem, []).append(str(path.relative_to(ROOT)))
    assert {name: paths for name, paths in names.items() if len(paths) > 1} == {}


def test_the_firstask_command_has_the_qt_commands_without_loading_qt(tmp_path):
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    module, function = scripts["scripts"]["firstask"].split(":")
    code = (
        "import contextlib, io, sys\n"
        f"from {module} import {function} as firstask\n"
        f"rc = firstask(['--data-dir', {str(tmp_path)!r}, 'entry', 'list'])\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):\n"
        "    firstask(['--help'])\n"
        "print(rc, 'screenshots' in out.getvalue(), any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    # An empty folder is refused (exit 2); the help lists the Qt command; Qt never loaded.
    assert out.stdout.split() == ["2", "True", "False"], out.stderr
