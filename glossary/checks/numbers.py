"""number-mismatch: numbers of the source missing from the target, or the other way round.

Numbers are read by lang.numbers on both sides, so "1 000", "1,000" and "1000" agree, and so
do "380 тысяч" and "380,000", "9 мая" and "May 9", "восемьдесят" and "eighty". Each source
number is paired with a target number sharing a value. Digits left unpaired are reported; a
number word left unpaired only when the other side also has an unpaired number, since "one"
and "один" are often no number at all ("one of the first", "один из"). A source number and a
target number left over together are reported as one finding: "1945 in the source, 1954 in
the target".
"""

from __future__ import annotations

from glossary.checks import Context, Pair
from glossary.findings import Finding, Kind, Severity
from lang.numbers import NumberItem, has_numbers, number_items


def check(pair: Pair, ctx: Context) -> list[Finding]:
    """Findings for the numbers that do not pair up."""
    seg = pair.segment
    src_has = has_numbers(pair.src_tokens, ctx.src_lang)
    tgt_has = has_numbers(pair.tgt_tokens, ctx.tgt_lang)
    if not src_has and not tgt_has:
        return []
    src = number_items(pair.src_tokens, ctx.src_lang) if src_has else []
    tgt = number_items(pair.tgt_tokens, ctx.tgt_lang) if tgt_has else []
    if not src and not tgt:
        return []
    lost, extra = unpaired(src, tgt)
    # A number word counts only against a number the other side cannot place either.
    lost, extra = [i for i in lost if i.strong or extra], [i for i in extra if i.strong or lost]
    if not lost and not extra:
        return []
    out = []
    for a, b in zip(lost, extra, strict=False):
        out.append(Finding(
            Kind.NUMBER_MISMATCH, Severity.ERROR, seg.id,
            f"{a.text} in the source, {b.text} in the target",
            src_start=a.start, src_end=a.end, src_text=seg.source[a.start:a.end],
            tgt_start=b.start, tgt_end=b.end, tgt_text=seg.target[b.start:b.end],
        ))
    for a in lost[len(extra):]:
        out.append(Finding(
            Kind.NUMBER_MISMATCH, Severity.ERROR, seg.id,
            f"{a.text} of the source is not in the target",
            src_start=a.start, src_end=a.end, src_text=seg.source[a.start:a.end],
        ))
    for b in extra[len(lost):]:
        out.append(Finding(
            Kind.NUMBER_MISMATCH, Severity.ERROR, seg.id,
            f"{b.text} in the target is not in the source",
            tgt_start=b.start, tgt_end=b.end, tgt_text=seg.target[b.start:b.end],
        ))
    return out


def unpaired(src: list[NumberItem], tgt: list[NumberItem]
             ) -> tuple[list[NumberItem], list[NumberItem]]:
    """The source and target items left over when items sharing a value are paired.

    Digits pair first, so that a number word takes what digits leave.
    """
    free = list(range(len(tgt)))
    lost = []
    for item in sorted(src, key=lambda i: not i.strong):
        match = next((k for k in sorted(free, key=lambda k: not tgt[k].strong)
                      if item.values & tgt[k].values), None)
        if match is None:
            lost.append(item)
        else:
            free.remove(match)
    lost.sort(key=lambda i: i.start)
    return lost, [tgt[k] for k in free]
