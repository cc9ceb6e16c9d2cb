"""Text the register is searched by, besides the columns themselves."""

from __future__ import annotations

from functools import lru_cache


def pinyin_initials(*texts: str) -> str:
    """First letters of the pinyin of each text, space-separated: ("张三", "城关村") → "zs cgc".

    Clerks search a name they heard by its initials (``zs`` for 张三); letters and digits in the
    text are kept as they are, lower-cased.
    """
    parts = [_initials(text) for text in texts if text]
    return " ".join(p for p in parts if p)


@lru_cache(maxsize=4096)  # names and units come back often; pypinyin takes 0.1 ms for a name
def _initials(text: str) -> str:
    # Loaded on the first save, not at start: pypinyin's phrase dictionary takes a quarter of a
    # second and some 50 MB, which the register window does not need (docs/benchmarks.md).
    from pypinyin import Style, lazy_pinyin

    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda s: list(s))
    return "".join(ch for ch in "".join(letters).lower() if ch.isalnum())
