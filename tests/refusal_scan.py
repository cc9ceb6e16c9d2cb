"""Every refusal message the core can show, read from the source (an AST scan), as templates:
the literal text with "…" where a value is filled in at run time.

A message is a refusal when it is built by one of the refusal constructors below (a
``RefusedError`` or one of its kinds, the disk's ``StorageError``, the PDF check) or the small
helpers that build them (``refuse``, ``_bad``, ``_phone_error``), or by a refusal class's own
``super().__init__("…")``, or listed in a module's ``*_MESSAGES`` table. The troubleshooting chapter must explain each one
(tests/test_guide.py); run this file to see the templates that have no entry yet.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "firstask_desktop"
CORE = ("domain", "store", "services", "reports", "sync", "cli", "demo")
GAP = "…"

# constructor name → the positional arguments that make up the message, joined by "".
MESSAGE_ARGS = {
    "RefusedError": (0,),
    "NotFoundError": (0,),
    "NotAllowedError": (0,),
    "IllegalStepError": (0,),
    "CliRefused": (0,),
    "SyncFileError": (0,),
    "SchemaTooNewError": (0,),
    "StorageError": (0,),
    "PdfCheckFailed": (0,),
    "ValidationError": (1,),
    "TierResponderError": (0,),
    "TransferNotNamedError": (0,),
    "WrongPasswordError": (0,),
    "_phone_error": (1,),
    "_bad": (-1,),
}
REFUSED = "：已拒绝，未导入任何数据。"
REFUSE_TODO = "请在发出文件的一方重新导出后再导入。"
REFUSAL_CLASSES = {"RefusedError", "SyncFileError", "NotAllowedError", "NotFoundError"}


# Messages kept as module constants (validation.REQUIRED = "不能为空，请填写{0}", …): by name.
CONSTANTS: dict[str, str] = {}


def template(node: ast.AST) -> str:
    """The message's text with "…" for each value computed at run time."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        # A template filled in later (ValidationError(field, "不能超过{0}个字", n)).
        return re.sub(r"\{\d*\}", GAP, node.value)
    if isinstance(node, ast.Name) and node.id in CONSTANTS:
        return re.sub(r"\{\d*\}", GAP, CONSTANTS[node.id])
    if isinstance(node, ast.Attribute) and node.attr in CONSTANTS:
        return re.sub(r"\{\d*\}", GAP, CONSTANTS[node.attr])
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) else GAP for part in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return (template(node.left) + template(node.right)).replace(GAP + GAP, GAP)
    return GAP


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _messages_in(tree: ast.AST):
    for node in ast.walk(tree):
        # A table of messages filled in later (store/disk_errors.py: "{what}失败：…").
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id.endswith("_MESSAGES")
            and isinstance(node.value, ast.Dict)
        ):
            for value in node.value.values:
                yield value.lineno, re.sub(r"\{\w*\}", GAP, template(value))
        if isinstance(node, ast.ClassDef) and any(
            _name(base) in REFUSAL_CLASSES | {"RefusedError"} for base in node.bases
        ):
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and _name(call.func) == "__init__"
                    and isinstance(call.func, ast.Attribute)
                    and isinstance(call.func.value, ast.Call)
                    and call.args
                ):
                    yield call.lineno, template(call.args[0])
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name == "refuse" and len(node.args) >= 2:
            # refuse(path, what, todo): the sync file's refusal, worded as the clerk reads it
            todo = template(node.args[2]) if len(node.args) > 2 else REFUSE_TODO
            yield node.lineno, f"同步文件“{GAP}”{template(node.args[1])}{REFUSED}{todo}"
            continue
        if name == "add" and _name(getattr(node.func, "value", None)) == "problems":
            # Problems.add(field, message, *params): one field's refusal, gathered with the rest.
            if len(node.args) >= 2:
                yield node.lineno, template(node.args[1])
            continue
        if name not in MESSAGE_ARGS:
            continue
        parts = [node.args[i] for i in MESSAGE_ARGS[name] if -len(node.args) <= i < len(node.args)]
        if not parts:
            continue
        yield node.lineno, "".join(template(part) for part in parts).replace(GAP + GAP, GAP)


def refusal_templates() -> dict[str, list[str]]:
    """template → where it is raised (``path:line``); templates with no fixed text are left out
    (a message passed through from elsewhere is found where it is made)."""
    found: dict[str, list[str]] = {}
    trees = {
        path: ast.parse(path.read_text(encoding="utf-8"))
        for layer in CORE
        for path in sorted((PACKAGE / layer).rglob("*.py"))
    }
    for tree in trees.values():
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id.isupper()
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                CONSTANTS[node.targets[0].id] = node.value.value
    for layer in CORE:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            tree = trees[path]
            for line, text in _messages_in(tree):
                if text.strip(GAP + " ") and any("\u4e00" <= ch <= "\u9fff" for ch in text):
                    where = f"{path.relative_to(PACKAGE.parent)}:{line}"
                    found.setdefault(text, []).append(where)
    return found


if __name__ == "__main__":
    for text, places in sorted(refusal_templates().items(), key=lambda item: item[1][0]):
        print(f"{places[0]}\t{text}")
