"""Term extraction: glossary entries proposed from aligned text.

For every segment pair, candidate source terms are the n-grams of 1 to `max_len` words
(words, not numbers, within one stretch of text: no punctuation inside but hyphens and
dashes) that neither begin nor end with a function word (lang.stopwords) and, in Russian,
end in a word that can be a noun (a term is a noun phrase); each is keyed by
the base forms of its words (the most likely one, so that "уборочной кампании" and
"уборочная кампания" are one candidate). Target n-grams are made the same way. Words a
glossary term already covers are left out on both sides: the suggestions are new entries.

A source candidate's rendering is the target n-gram that co-occurs with it best, by Dice's
coefficient over segments (2·both / (source + target)); candidates are ranked by Dunning's
log-likelihood ratio of that pair (which, unlike Dice, trusts large counts more than small
ones), and each says in how many of its segments the rendering appears (consistency), with
example segment ids. A candidate contained in a longer one with the same segments and
rendering is left out (the longer one says it all); so is a rendering contained in a longer
one with the same segments. Each candidate shows its most frequent written form, preferring
one whose last word is in its base form ("уборочная кампания").

Sizes: counting is linear in the text; pairing is the number of frequent source n-grams
times frequent target n-grams per segment, fine for documents and translation memories of
tens of thousands of segments.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from glossary.bitext import Segment
from glossary.match import Matcher, Tokens, base_lang, joiner, keys_function, word_parts
from glossary.model import Termbase

MIN_WORD = 3  # shorter content words are rarely terms on their own


@dataclass(frozen=True)
class Candidate:
    """A proposed entry: a source term and the rendering it consistently takes."""

    source: str  # most frequent written form
    target: str
    source_key: tuple[str, ...]  # base forms, word by word
    target_key: tuple[str, ...]
    count: int  # segments with both
    source_count: int  # segments with the source term
    target_count: int  # segments with the rendering
    dice: float
    llr: float
    examples: tuple[str, ...]  # segment ids
    name: bool  # every source word capitalised: a name

    @property
    def consistency(self) -> float:
        """Share of the source term's segments that have this rendering."""
        return self.count / self.source_count if self.source_count else 0.0


@dataclass(frozen=True)
class _Gram:
    key: tuple[str, ...]
    text: str
    cited: bool  # the last word is in its base form
    name: bool
    start: int
    end: int


class Extraction:
    """The n-grams of every segment pair, counted: what suggestions and the learned
    consistency check are read from."""

    def __init__(self, segments: Iterable[Segment], src_lang: str, tgt_lang: str, *,
                 termbase: Termbase | None = None, max_len: int = 4) -> None:
        self.src_lang, self.tgt_lang = base_lang(src_lang), base_lang(tgt_lang)
        matcher = Matcher(termbase, (self.src_lang, self.tgt_lang)) if termbase else None
        self.src_sets: list[set[tuple[str, ...]]] = []
        self.tgt_sets: list[set[tuple[str, ...]]] = []
        self.segments: list[Segment] = []
        # Written forms per key and side, with whether each is a citation form and a name.
        self.forms: dict[str, dict[tuple[str, ...], Counter[tuple[str, bool, bool]]]] = {
            "src": defaultdict(Counter), "tgt": defaultdict(Counter)}
        for seg in segments:
            if not seg.source.strip() or not seg.target.strip():
                continue
            src = ngrams(seg.source, self.src_lang, max_len, matcher)
            tgt = ngrams(seg.target, self.tgt_lang, max_len, matcher)
            for side, grams in (("src", src), ("tgt", tgt)):
                for g in grams:
                    self.forms[side][g.key][(g.text, g.cited, g.name)] += 1
            self.src_sets.append({g.key for g in src})
            self.tgt_sets.append({g.key for g in tgt})
            self.segments.append(seg)
        self.src_df = Counter(k for keys in self.src_sets for k in keys)
        self.tgt_df = Counter(k for keys in self.tgt_sets for k in keys)

    def cooccurrences(self, min_count: int
                      ) -> tuple[Counter[tuple[tuple[str, ...], tuple[str, ...]]],
                                 dict[tuple[tuple[str, ...], tuple[str, ...]], list[int]]]:
        """Segments shared by each source and target n-gram seen `min_count` times, and the
        first three of them."""
        src_df, tgt_df = self.src_df, self.tgt_df
        both: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = Counter()
        where: dict[tuple[tuple[str, ...], tuple[str, ...]], list[int]] = defaultdict(list)
        for n, (src_keys, tgt_keys) in enumerate(zip(self.src_sets, self.tgt_sets,
                                                     strict=True)):
            s_keys = [k for k in src_keys if src_df[k] >= min_count]
            t_keys = [k for k in tgt_keys if tgt_df[k] >= min_count]
            for s in s_keys:
                for t in t_keys:
                    both[(s, t)] += 1
                    if len(where[(s, t)]) < 3:
                        where[(s, t)].append(n)
        return both, where

    def candidates(self, *, min_count: int = 2, min_dice: float = 0.3) -> list[Candidate]:
        """Each frequent source n-gram with its best rendering, best first."""
        src_df, tgt_df = self.src_df, self.tgt_df
        both, where = self.cooccurrences(min_count)
        best: dict[tuple[str, ...], tuple[float, int, int, tuple[str, ...]]] = {}
        for (s, t), c in both.items():
            if c < min_count:
                continue
            rank = (2 * c / (src_df[s] + tgt_df[t]), c, len(t), t)
            if s not in best or rank[:3] > best[s][:3]:
                best[s] = rank
        total = len(self.src_sets)
        out = []
        for s, (dice, c, _, t) in best.items():
            if dice < min_dice:
                continue
            text, name = display_form(self.forms["src"][s])
            out.append(Candidate(
                source=text, target=display_form(self.forms["tgt"][t])[0], source_key=s,
                target_key=t, count=c, source_count=src_df[s], target_count=tgt_df[t],
                dice=round(dice, 4), llr=round(_llr(c, src_df[s], tgt_df[t], total), 2),
                examples=tuple(self.segments[n].id for n in where[(s, t)]), name=name,
            ))
        out = _without_nested(out)
        out.sort(key=lambda c: (-c.llr, -c.dice, c.source))
        return out


def suggest(segments: Iterable[Segment], src_lang: str, tgt_lang: str, *,
            termbase: Termbase | None = None, min_count: int = 2, max_len: int = 4,
            min_dice: float = 0.3) -> list[Candidate]:
    """Candidates from the segment pairs, best first (see the module docstring)."""
    extraction = Extraction(segments, src_lang, tgt_lang, termbase=termbase, max_len=max_len)
    return extraction.candidates(min_count=min_count, min_dice=min_dice)


def ngrams(text: str, lang: str, max_len: int, matcher: Matcher | None = None,
           tokens: Tokens | None = None) -> list[_Gram]:
    """Candidate n-grams of one text (see the module docstring)."""
    from lang.lemma_ru import can_be_noun_ru
    from lang.normalize import normalize_token
    from lang.stopwords import is_function_word

    keys_of = keys_function(lang)
    taken = [(m.start, m.end) for m in matcher.find(text, lang, tokens=tokens)] \
        if matcher else []
    # (written, norm, key, content word, capitalised, cited, start, end, joiner before, head)
    words = []
    parts = word_parts(text, tokens)
    previous_end = None
    for surface, start, end in parts:
        gap = joiner(text[previous_end:start]) if previous_end is not None else None
        previous_end = end
        norm = normalize_token(surface)
        if surface[:1].isdigit() or any(a < end and start < b for a, b in taken):
            words.append(None)
            continue
        keys = [k for k in keys_of(surface, norm) if not k.startswith("\x00")]
        key = keys[0] if keys else norm
        content = len(norm) >= MIN_WORD and not is_function_word(norm, lang)
        head = content and (lang != "ru" or can_be_noun_ru(surface))
        words.append((surface, norm, key, content, surface[:1].isupper(), norm == key,
                      start, end, gap, head))
    out = []
    for i, first in enumerate(words):
        if first is None or not first[3]:
            continue
        for size in range(1, max_len + 1):
            j = i + size - 1
            if j >= len(words) or words[j] is None:
                break
            if size > 1 and words[j][8] not in (" ", "-", "—"):
                break  # punctuation between the words: not one phrase
            last = words[j]
            if not last[9]:  # a term ends in its head: a noun, where we can tell
                continue
            span = words[i:j + 1]
            out.append(_Gram(
                key=tuple(w[2] for w in span),  # type: ignore[index]
                text=text[first[6]:last[7]],
                cited=last[5],
                name=all(w[4] for w in span if w[3]),  # type: ignore[index]
                start=first[6],
                end=last[7],
            ))
    return out


def display_form(forms: Counter[tuple[str, bool, bool]]) -> tuple[str, bool]:
    """The written form to show: the most frequent one in citation form, else the most
    frequent; whether the candidate is a name (capitalised in most of its occurrences)."""
    cited = [(n, text) for (text, is_cited, _), n in forms.items() if is_cited]
    pool = cited or [(n, text) for (text, _, _), n in forms.items()]
    text = max(pool, key=lambda p: (p[0], -len(p[1])))[1]
    named = sum(n for (_, _, name), n in forms.items() if name)
    return text, named * 2 > sum(forms.values())


def _without_nested(cands: Sequence[Candidate]) -> list[Candidate]:
    """Drop a candidate inside a longer one with the same counts and rendering, and prefer
    the longer rendering among candidates of one source term."""
    by_target: dict[tuple[str, ...], list[Candidate]] = defaultdict(list)
    for c in cands:
        by_target[c.target_key].append(c)
    out = []
    for c in cands:
        if any(len(o.source_key) > len(c.source_key) and _inside(c.source_key, o.source_key)
               and o.count == c.count and o.source_count == c.source_count
               for o in by_target[c.target_key]):
            continue
        out.append(c)
    return out


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def _llr(both: int, src: int, tgt: int, total: int) -> float:
    """Dunning's log-likelihood ratio (G²) of a 2×2 table of segment counts."""
    k11 = both
    k12 = src - both
    k21 = tgt - both
    k22 = max(total - src - tgt + both, 0)

    def h(*counts: int) -> float:
        n = sum(counts)
        return sum(k * math.log(k / n) for k in counts if k > 0)

    return max(0.0, 2 * (h(k11, k12, k21, k22) - h(k11 + k12, k21 + k22)
                         - h(k11 + k21, k12 + k22)))
