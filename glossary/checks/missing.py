"""missing-term: a source term present, and none of its usable renderings in the target.

Per concept, each source occurrence needs a target occurrence of one of the concept's
preferred or admitted terms. Occurrences rendered with a deprecated or forbidden term, or
with a usable term in the wrong case, are left to forbidden.py and case.py, which say what
is wrong more precisely.

What is left is reported where the target shows *another rendering* of the concept: words
that differ from a usable term by at most half of its words, sharing a content word with it
("Great Fatherland War" for "Great Patriotic War", "harvest company" for "harvesting
campaign"), counting a word spelled nearly alike as half the same ("Grigorievich" for
"Grigoryevich").
A one-word term rendered by a word derived from it ("Russian" for "России") is rendered.
Where instead the target has a usable term of another concept of the same subject field that
the source does not have ("Council of Ministers" for Совет Республики), that rendering stands
for the wrong concept: an inconsistent-term finding.
The finding points at the other words. A term with no trace in the target is most often
paraphrased ("he" for "глава государства") or left implicit in a good translation, so it is
reported only with `strict_terms`, as a warning; a term inside a number written in digits
("9,8 тыс." as "9,800") is the number check's business and never reported here.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from glossary.checks import Context, Pair
from glossary.findings import Finding, Kind, Severity
from glossary.match import Match, keys_function, word_parts
from lang.normalize import normalize_token
from lang.stopwords import is_function_word

# Two words this similar (difflib ratio) are spellings of one word ("Grigorievich").
SPELLING_SIMILARITY = 0.8
_MIN_WORD = 4


def check(pair: Pair, ctx: Context) -> list[Finding]:
    """One finding per source occurrence of a concept rendered otherwise (see above)."""
    needed: dict[str, list[Match]] = {}
    for m in pair.src_terms:
        if m.concept_id in ctx.checkable:
            needed.setdefault(m.concept_id, []).append(m)
    if not needed:
        return []
    out = []
    seg = pair.segment
    claimed = [(m.start, m.end) for m in pair.tgt_terms]
    words = None
    used: list[tuple[int, int]] = []
    for concept_id, occurrences in needed.items():
        covered = rendered(pair.tgt_terms, concept_id)
        left = occurrences[covered:]
        if not left:
            continue
        if words is None:
            words = _target_words(pair, ctx, claimed)
        derived = _derived(ctx, concept_id, words, used)
        left = left[len(derived):]
        used.extend(derived)
        variants = _variants(ctx, concept_id, words, used)
        for n, m in enumerate(left):
            text = seg.source[m.start:m.end]
            if n < len(variants):
                start, end = variants[n]
                used.append((start, end))
                found = seg.target[start:end]
                expected = ctx.suggestion(concept_id, found, source_term=(m.lang, m.term))
                out.append(Finding(
                    Kind.MISSING_TERM, Severity.ERROR, seg.id,
                    f"«{text}» ({concept_id}) is rendered \"{found}\"; the glossary has "
                    f"\"{expected}\"",
                    concept=concept_id, src_start=m.start, src_end=m.end, src_text=text,
                    tgt_start=start, tgt_end=end, tgt_text=found,
                ))
            elif (other := _stand_in(pair, ctx, concept_id, needed, used)) is not None:
                used.append((other.start, other.end))
                found = seg.target[other.start:other.end]
                out.append(Finding(
                    Kind.INCONSISTENT_TERM, Severity.ERROR, seg.id,
                    f"\"{found}\", the rendering of {other.concept_id}, stands here for "
                    f"«{text}» ({concept_id}); the glossary has \""
                    f"{ctx.suggestion(concept_id, source_term=(m.lang, m.term))}\"",
                    concept=concept_id, src_start=m.start, src_end=m.end, src_text=text,
                    tgt_start=other.start, tgt_end=other.end, tgt_text=found,
                ))
            elif ctx.options.strict_terms and not _in_number(pair, ctx, m):
                expected = ctx.suggestion(concept_id, source_term=(m.lang, m.term))
                out.append(Finding(
                    Kind.MISSING_TERM, Severity.WARNING, seg.id,
                    f"«{text}» ({concept_id}) has no rendering in the target; expected "
                    f"\"{expected}\"",
                    concept=concept_id, src_start=m.start, src_end=m.end, src_text=text,
                ))
    return out


def _stand_in(pair: Pair, ctx: Context, concept_id: str, needed: dict[str, list[Match]],
              used: list[tuple[int, int]]) -> Match | None:
    """A usable target term of another concept of the same subject, which the source does
    not have: the rendering of one concept standing for another ("Council of Ministers"
    for Совет Республики)."""
    concept = ctx.concepts[concept_id]
    if concept.subject is None:
        return None
    own = [normalize_token(t.text) for t in ctx.usable_terms(concept_id)]
    for m in pair.tgt_selected:
        other = ctx.concepts.get(m.concept_id)
        if (m.status.usable and m.concept_id not in needed and other is not None
                and other.subject == concept.subject
                and all(m.end <= a or m.start >= b for a, b in used)
                and not any(_derivation(normalize_token(m.term), t) for t in own)):
            return m
    return None


def _derivation(a: str, b: str) -> bool:
    """Whether one word is the other with a few letters more: "belarus", "belarusian"."""
    short, long = sorted((a, b), key=len)
    return len(short) >= _MIN_WORD and long.startswith(short) and \
        len(long) - len(short) <= _DERIVATION_MAX


def rendered(tgt_terms: list[Match], concept_id: str, *, usable_only: bool = False) -> int:
    """How many separate places of the target render `concept_id` in some way: a usable
    term (in any case), or, unless `usable_only`, a deprecated or forbidden one."""
    spans = [(m.start, m.end) for m in tgt_terms if m.concept_id == concept_id
             and (m.case_ok or m.status.usable) and (m.status.usable or not usable_only)]
    if len(spans) < 2:
        return len(spans)
    spans.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken: list[tuple[int, int]] = []
    for start, end in spans:  # longest first; overlapping matches count once
        if all(end <= a or start >= b for a, b in taken):
            taken.append((start, end))
    return len(taken)


# A target word for comparison: its span, normalised form, keys, and whether it is a
# content word; None where a glossary match already claims it.
_Word = tuple[int, int, str, frozenset[str], bool]


def _target_words(pair: Pair, ctx: Context,
                  claimed: Sequence[tuple[int, int]]) -> list[_Word | None]:
    keys_of = keys_function(ctx.tgt_lang)
    out: list[_Word | None] = []
    for surface, start, end in word_parts(pair.segment.target, pair.tgt_tokens):
        if any(a < end and start < b for a, b in claimed):
            out.append(None)
            continue
        norm = normalize_token(surface)
        out.append((start, end, norm, frozenset(keys_of(surface, norm)),
                    not is_function_word(norm, ctx.tgt_lang)))
    return out


def _variants(ctx: Context, concept_id: str, words: list[_Word | None],
              used: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the target that look like another rendering of the concept, best first.

    Words are compared by keys (as the matcher does); the distance is a word edit distance
    where a function word costs half, and a word spelled nearly alike (a transliteration
    variant) costs half. Words in another order cost half in all. A window may not begin or
    end with a function word, and must share a content word with the term, so only windows
    around such a word are tried.
    """
    found: list[tuple[float, int, int, int]] = []  # (distance, size gap, start, end)
    for term_words in _term_words(ctx, concept_id):
        n = len(term_words)
        anchors = [j for j, w in enumerate(words) if w is not None and w[4] and any(
            t[2] and _same(t, w) < 1 for t in term_words)]
        tried: set[tuple[int, int]] = set()
        for j in anchors:
            for size in range(max(1, n - 1), n + 2):
                for i in range(max(0, j - size + 1), min(j, len(words) - size) + 1):
                    if (i, size) in tried:
                        continue
                    tried.add((i, size))
                    window = words[i:i + size]
                    if any(w is None for w in window):
                        continue
                    win: list[_Word] = window  # type: ignore[assignment]
                    if not (win[0][4] and win[-1][4]):
                        continue
                    dist = _distance(term_words, win)
                    if dist is not None and dist <= n / 2:
                        found.append((dist, abs(size - n), win[0][0], win[-1][1]))
    found.sort()
    spans: list[tuple[int, int]] = []
    for _, _, start, end in found:
        if all(end <= a or start >= b for a, b in (*spans, *used)):
            spans.append((start, end))
    return spans


_TermWord = tuple[str, frozenset[str], bool]  # normalised form, keys, content word

# A word that extends a one-word term by at most this many letters, or is shortened from it,
# is the same name in another part of speech: "Russian" for "России", "German" for Германии.
_DERIVATION_MAX = 3


def _derived(ctx: Context, concept_id: str, words: list[_Word | None],
             used: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Target words that render a one-word term by derivation ("Russian economy" for
    "экономика России"): good translation, so the occurrence counts as rendered."""
    singles = [t[0][0] for t in _term_words(ctx, concept_id) if len(t) == 1]
    out = []
    for w in words:
        if w is None or any(w[0] < b and a < w[1] for a, b in used):
            continue
        if any(_derivation(term, w[2]) for term in singles):
            out.append((w[0], w[1]))
    return out


def _term_words(ctx: Context, concept_id: str) -> list[list[_TermWord]]:
    """The usable target terms of a concept read into words, once per run."""
    memo: dict[str, list[list[_TermWord]]] = ctx.memo.setdefault("missing.terms", {})
    found = memo.get(concept_id)
    if found is None:
        keys_of = keys_function(ctx.tgt_lang)
        found = []
        for term in ctx.usable_terms(concept_id):
            words = []
            for surface, _, _ in word_parts(term.text):
                norm = normalize_token(surface)
                # All base forms of the words: resemblance, not identity, is the question.
                words.append((norm, frozenset(keys_of(surface, norm)),
                              not is_function_word(norm, ctx.tgt_lang)))
            if words:
                found.append(words)
        memo[concept_id] = found
    return found


def _same(a: _TermWord, w: _Word) -> float:
    """0 for the same word (keys meet), 0.5 for a spelling variant, 1 otherwise."""
    if a[1] & w[3]:
        return 0.0
    x, y = a[0], w[2]
    # Spelling variants share their first letter and a similar length ("Hrodno", "Grodno"
    # do not: transliterations of Г differ; they are the glossary's deprecated terms).
    if a[2] and w[4] and x[:1] == y[:1] and min(len(x), len(y)) >= _MIN_WORD and \
            abs(len(x) - len(y)) <= max(len(x), len(y)) // 3 and \
            difflib.SequenceMatcher(None, x, y).ratio() >= SPELLING_SIMILARITY:
        return 0.5
    return 1.0


def _distance(term: list[_TermWord], window: list[_Word]) -> float | None:
    """Weighted word edit distance between a term and a window; None when they share no
    content word."""
    n, m = len(term), len(window)
    cost = [[_same(term[i], window[j]) for j in range(m)] for i in range(n)]
    if not any(term[i][2] and cost[i][j] < 1 for i in range(n) for j in range(m)):
        return None
    content_t = [i for i in range(n) if term[i][2]]
    content_w = [j for j in range(m) if window[j][4]]
    if len(content_t) >= 2 and len(content_t) == len(content_w) and all(
            any(cost[i][j] == 0 for j in content_w) for i in content_t) and all(
            any(cost[i][j] == 0 for i in content_t) for j in content_w):
        return 0.5  # the same content words in another order: "procurement of fodder"
    gap_t = [0.5 if not t[2] else 1.0 for t in term]
    gap_w = [0.5 if not w[4] else 1.0 for w in window]
    dist = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        dist[i][0] = dist[i - 1][0] + gap_t[i - 1]
    for j in range(1, m + 1):
        dist[0][j] = dist[0][j - 1] + gap_w[j - 1]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            dist[i][j] = min(dist[i - 1][j] + gap_t[i - 1], dist[i][j - 1] + gap_w[j - 1],
                             dist[i - 1][j - 1] + cost[i - 1][j - 1])
    return dist[n][m]


def _in_number(pair: Pair, ctx: Context, m: Match) -> bool:
    """Whether a source term is the multiplier of a number ("380 тысяч")."""
    from lang.numbers import number_items

    return any(item.start < m.start and m.end <= item.end
               for item in number_items(pair.src_tokens, ctx.src_lang))
