"""Text the register is searched by, besides the columns themselves."""

from __future__ import annotations


def pinyin_initials(*texts: str) -> str:
    """First letters of the pinyin of each text, space-separated: ("张三", "城关村") → "zs cgc".

    Clerks search a name they heard by its initials (``zs`` for 张三); letters and digits in the
    text are kept as they are, lower-cased.
    """
    # Loaded on the first save, not at start: pypinyin's phrase dictionary takes a quarter of a
    # second and some 50 MB, which the register window does not need (docs/benchmarks.md).
    from pypinyin import Style, lazy_pinyin

    parts = []
    for text in texts:
        if not text:
            continue
        letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda s: list(s))
        parts.append("".join(ch for ch in "".join(letters).lower() if ch.isalnum()))
    return " ".join(p for p in parts if p)
