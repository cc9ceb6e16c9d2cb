"""The refusal catalogue: every message with which the app refuses something, grouped, each
with what it means and what to do (``resources/guide/refusals.toml``).

The manual's troubleshooting chapter prints it. A message is written as the clerk reads it,
with "…" where the app fills in a name, a number or a date; tests/test_guide.py scans the
source for every refusal message and fails when one has no entry here (or an entry names a
message the app no longer has).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from firstask_desktop.store import config

CATALOGUE_FILE = "refusals.toml"


@dataclass(frozen=True)
class Problem:
    messages: tuple[str, ...]
    zh: str  # what it means and what to do
    en: str

    def advice(self, language: str) -> str:
        return self.en if language == "en" and self.en else self.zh


@dataclass(frozen=True)
class Group:
    key: str
    zh: str
    en: str
    problems: tuple[Problem, ...]

    def title(self, language: str) -> str:
        return self.en if language == "en" else self.zh


@dataclass(frozen=True)
class Catalogue:
    groups: tuple[Group, ...]

    def messages(self) -> list[str]:
        return [m for g in self.groups for p in g.problems for m in p.messages]


@cache
def catalogue() -> Catalogue:
    path = config.resources_dir() / "guide" / CATALOGUE_FILE
    with open(path, "rb") as handle:
        document = tomllib.load(handle)
    return Catalogue(
        tuple(
            Group(
                group["key"],
                group["zh"],
                group.get("en", group["zh"]),
                tuple(
                    Problem(tuple(p["says"]), p["zh"], p.get("en", ""))
                    for p in group.get("problem", [])
                ),
            )
            for group in document["group"]
        )
    )
