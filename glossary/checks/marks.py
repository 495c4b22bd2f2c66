"""unpaired-mark: quotes or brackets the target leaves unpaired where the source does not.

Each side is counted on its own: for round, square and curly brackets and for double
quotes, how many open minus how many close. A segment may rightly leave a quotation open
(a quotation running over several lines), so the target is compared with its source: a
finding only where the target's balance differs and is not zero. Straight quotes open after
a space, an opening bracket or the start, and close elsewhere; „ and “ follow the Russian
convention („…“) when the text has „. Single quotes are left alone: ’ is also the apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from glossary.checks import Context, Pair
from glossary.findings import Finding, Kind, Severity

_BRACKETS = (("(", ")", "round brackets"), ("[", "]", "square brackets"),
             ("{", "}", "curly brackets"))
_MARKS = frozenset("()[]{}\"«»“”„")
_ANY_MARK = re.compile("[()\\[\\]{}\"«»“”„]")


def check(pair: Pair, ctx: Context) -> list[Finding]:
    """One finding per kind of mark whose balance in the target differs from the source's."""
    seg = pair.segment
    if _ANY_MARK.search(seg.target) is None and _ANY_MARK.search(seg.source) is None:
        return []
    src, tgt = balances(seg.source), balances(seg.target)
    out = []
    for name, (balance, first_unpaired) in tgt.items():
        if balance == 0 or balance == src[name][0]:
            continue
        what = "opened and not closed" if balance > 0 else "closed without being opened"
        start = first_unpaired if first_unpaired is not None else None
        out.append(Finding(
            Kind.UNPAIRED_MARK, Severity.WARNING, seg.id,
            f"{name} {what} in the target (source: {_describe(src[name][0])})",
            tgt_start=start, tgt_end=start + 1 if start is not None else None,
            tgt_text=seg.target[start] if start is not None else "",
        ))
    return out


def balances(text: str) -> dict[str, tuple[int, int | None]]:
    """Per kind of mark: opened minus closed, and the place of an unpaired one (if any)."""
    out: dict[str, tuple[int, int | None]] = {}
    for open_, close, name in _BRACKETS:
        if open_ in text or close in text:
            out[name] = _balance(text, lambda ch, _i, o=open_, c=close: 1 if ch == o else
                                 (-1 if ch == c else 0))
        else:
            out[name] = (0, None)
    low_opener = "„" in text  # Russian „…“: then “ closes

    def quote(ch: str, i: int) -> int:
        if ch in "«„" or (ch == "“" and not low_opener):
            return 1
        if ch in "»”" or (ch == "“" and low_opener):
            return -1
        if ch == '"':
            before = text[i - 1] if i else " "
            return 1 if before.isspace() or before in "([{—–-" else -1
        return 0

    out["double quotes"] = _balance(text, quote)
    return out


def _balance(text: str, step: Callable[[str, int], int]) -> tuple[int, int | None]:
    depth = 0
    stack: list[int] = []
    stray: int | None = None
    for i, ch in enumerate(text):
        if ch not in _MARKS:
            continue
        d = step(ch, i)
        if d > 0:
            stack.append(i)
        elif d < 0:
            if stack:
                stack.pop()
            elif stray is None:
                stray = i
        depth += d
    place = stack[0] if depth > 0 and stack else stray
    return depth, place


def _describe(balance: int) -> str:
    if balance == 0:
        return "paired"
    return f"{balance} open" if balance > 0 else f"{-balance} closed before opening"
