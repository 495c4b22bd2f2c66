"""The glossary matcher: every term of a termbase in a text, in any inflection, with spans.

Built once from a Termbase; then `find(text, lang)` returns the terms in a text. This is the
one way the project matches terms: search, the checks, term extraction and scoring use it.

How a text is read. `lang.tokens` cuts it into tokens; words and numbers are the *parts* to
match (a hyphenated word is several parts: "agro-town" is agro + town), and what stands
between two parts is their *joiner*: nothing (a clitic, "People" + "'s"), a space, a hyphen,
a free-standing dash, a period (initials "И.П."), or other punctuation. Each part is reduced
to its *keys*: its base forms (all lemmas of an ambiguous Russian word, the English lemma
candidates, a Belarusian stem; a word with ё also gives the keys of its spelling with е) and
its written form, normalised (case, ё, apostrophes), for terms matched exactly.

How terms are stored. Every term is read the same way into a sequence of key sets, one per
part, and all terms of a language go into one trie over keys: a term with ambiguous words is
inserted once for each combination of their keys. A text is matched by walking the trie from
every part, following each key of each part; the walks alive at a time are bounded by the
length of the longest term, so the cost per part does not depend on the number of terms.
This is Aho–Corasick's guarantee without its failure links: at token level, with ambiguous
tokens, the state of a matcher is a set of trie nodes anyway, and restarting at every part
costs one dictionary miss where nothing starts. (pyahocorasick matches one string of symbols;
an ambiguous text is many strings, so it would need the same set of states around it.)

A walk that reaches the end of a term is a candidate; it becomes a match when its joiners
agree with the term's. A space, a hyphen and a free-standing dash stand for one another
("agro-town", "agro town", "государства — участники"), a period also accepts a space
("И.П. Шевченко", "И. П. Шевченко"), a clitic joins only a clitic, and any other punctuation
only itself, so that a term never runs across a comma or a sentence end. A hyphenated term
also matches its closed-up spelling ("agrotown" for "agro-town"), less closely.

Case policy, per term:
- a term marked case-sensitive (codes, acronyms) matches only as written (an all-capitals
  text may write a capitalised word in capitals);
- a term with a capital letter is a proper name: it matches in any case, but a match where a
  capitalised word of the term is not capitalised in the text is *miscased*; `find` leaves
  those out (so "победа" is not the Victory), and `find_all(..., miscased=True)` returns them
  for the check that reports a wrongly cased name;
- any other term (all lowercase) matches in any case.

Match modes: inflecting terms match through keys of base forms; exact terms through written
forms only; pattern terms are regular expressions searched in the text (one search per
pattern term: patterns are meant to be rare).

Every match carries a `fidelity`: how closely the written text follows the term (joiners as
written, parts as written, not closed up). When two terms match the same words, the closer
one wins: "press-secretary" is the deprecated term written that way, not the preferred
"press secretary" with a hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise, product
from typing import NamedTuple

from glossary.model import MatchMode, Status, Term, Termbase
from lang.codes import base_lang  # terms and texts meet on the language, not the region

# Keys that compare written forms start with this character; base forms never do.
EXACT = "\x00"
_END = ""  # the trie key under which a node keeps the terms that end there

GLUE, SPACE, HYPHEN, DASH, PERIOD = "", " ", "-", "—", "."
_INTERCHANGEABLE = frozenset({SPACE, HYPHEN, DASH})
_HYPHENS = frozenset("-‐‑")
_DASHES = frozenset("-‐‑‒–—―−")
_SPLIT_HYPHENS = re.compile(r"[-‐‑]")

# Most key combinations a term is inserted with; beyond it the rest of its words keep their
# most likely base form only (ambiguity multiplies: five words of three lemmas are 243).
_MAX_COMBINATIONS = 64
_CACHE_LIMIT = 1 << 19  # words whose keys a language keeps; cleared when full
_CLOSED_PENALTY = 2
# Languages whose base forms are guesses by rule (every -ing word may be a verb form), so
# that a term word which can be its own base form is taken as written; see _term_keys.
_CITATION_IS_LEMMA = frozenset({"en"})
_STATUS_RANK = {Status.PREFERRED: 0, Status.ADMITTED: 1, Status.DEPRECATED: 2,
                Status.FORBIDDEN: 3}

VERSION = "1"

# A language's keys of one word: (written form, its normalised form) -> keys.
KeysFn = Callable[[str, str], tuple[str, ...]]
# A text's tokens as lang.tokens.token_tuples gives them: (text, start, end, kind).
Tokens = Sequence[tuple[str, int, int, str]]


class Match(NamedTuple):
    """One term found in a text: its concept, the term, its status and its character span.

    `case_ok` is False for a proper name written in another case (only `find_all` with
    `miscased=True` returns those). `fidelity` says how closely the text follows the term's
    written form; it decides between terms matching the same words. (A NamedTuple, not a
    frozen dataclass: it is made in the innermost loop, and this is five times cheaper.)
    """

    concept_id: str
    term: str
    status: Status
    lang: str
    start: int
    end: int
    case_ok: bool = True
    fidelity: int = 0


@dataclass(frozen=True, slots=True)
class _Entry:
    """A term as the trie stores it."""

    concept_id: str
    term: Term
    joiners: tuple[str, ...]  # between consecutive parts
    norms: tuple[str, ...]  # normalised written form of each part
    shapes: tuple[tuple[bool, bool], ...]  # (capitalised, all capitals) of each part
    policy: str  # "strict", "proper" or "common"
    closed: bool = False  # the closed-up spelling of a hyphenated term
    lang: str = ""  # the term's language without region
    text: str = ""  # the term's text and status, at hand for the inner loop
    status: Status = Status.ADMITTED

    def __post_init__(self) -> None:
        object.__setattr__(self, "lang", base_lang(self.term.lang))
        object.__setattr__(self, "text", self.term.text)
        object.__setattr__(self, "status", self.term.status)


@dataclass
class _Index:
    """All terms of one language: the trie, its keys, patterns, and a cache of words."""

    lang: str
    root: dict = field(default_factory=dict)
    vocab: set[str] = field(default_factory=set)
    patterns: list[tuple[re.Pattern[str], str, Term]] = field(default_factory=list)
    cache: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    size: int = 0


class Matcher:
    """Finds the terms of one termbase in texts; build once, use for any number of texts.

    `langs` limits the languages indexed (default: every language of the termbase); an
    index is built on first use of its language.
    """

    cache_id = f"glossary-match-{VERSION}"

    def __init__(self, termbase: Termbase, langs: Iterable[str] | None = None) -> None:
        self.termbase = termbase
        self._by_lang: dict[str, list[tuple[str, Term]]] = {}
        for concept in termbase.concepts:
            for term in concept.terms:
                self._by_lang.setdefault(base_lang(term.lang), []).append((concept.id, term))
        self._wanted = None if langs is None else {base_lang(code) for code in langs}
        self._indexes: dict[str, _Index] = {}
        if self._wanted is not None:
            for code in self._wanted:
                self._index(code)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages that have terms."""
        return tuple(self._by_lang)

    def find(self, text: str, lang: str, *, tokens: Tokens | None = None) -> list[Match]:
        """The terms in `text`, non-overlapping (longest, then closest), in text order.

        Miscased proper names are left out. This is what scoring and the source side of the
        checks use. `tokens` are the text's `lang.tokens.token_tuples`, if already made.
        """
        return select(self.find_all(text, lang, tokens=tokens))

    def find_all(self, text: str, lang: str, *, miscased: bool = False,
                 tokens: Tokens | None = None) -> list[Match]:
        """Every term match in `text`, overlapping ones included, in no particular order.

        Where several terms of one concept match the same words only the closest is kept.
        With `miscased`, proper names written in another case come too (`case_ok` False).
        """
        index = self._index(base_lang(lang))
        if index.size == 0 or not text:
            return []
        found = _walk(text, index, miscased, tokens)
        for pattern, concept_id, term in index.patterns:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    found.append(Match(concept_id, term.text, term.status, index.lang,
                                       m.start(), m.end(), True, 100))
        return _closest_per_concept(found)

    def _index(self, lang: str) -> _Index:
        index = self._indexes.get(lang)
        if index is None:
            index = _build(lang, self._by_lang.get(lang, ()))
            self._indexes[lang] = index
        return index


def select(matches: Sequence[Match]) -> list[Match]:
    """Non-overlapping matches in text order: longest first, then the closest written form,
    then the better status (a usable term over a deprecated homonym)."""
    if len(matches) < 2:
        return list(matches)
    ranked = sorted(matches, key=lambda m: (m.start - m.end, -m.fidelity,
                                            _STATUS_RANK[m.status], m.start, m.concept_id))
    taken: list[Match] = []
    used: list[tuple[int, int]] = []
    for m in ranked:
        if all(m.end <= s or m.start >= e for s, e in used):
            taken.append(m)
            used.append((m.start, m.end))
    taken.sort(key=lambda m: m.start)
    return taken


# --- reading texts ---------------------------------------------------------------------


def keys_function(lang: str) -> KeysFn:
    """The keys of a word of `lang` (its base forms and its written form), cached."""
    found = _KEYS_FUNCTIONS.get(lang)
    if found is None:
        found = _KEYS_FUNCTIONS.setdefault(lang, _keys_function(lang))
    return found


_KEYS_FUNCTIONS: dict[str, KeysFn] = {}


def _keys_function(lang: str) -> KeysFn:
    from lang import get_language
    from lang.normalize import normalize_token

    try:
        profile = get_language(lang)
        forms = profile.base_forms
    except Exception:  # a code lang does not know (from a foreign file): words as written
        def forms(word: str) -> tuple[str, ...]:
            return (normalize_token(word),)

    cache: dict[str, tuple[str, ...]] = {}

    def keys(part: str, norm: str) -> tuple[str, ...]:
        known = cache.get(part)
        if known is not None:
            return known
        if part[:1].isdigit():
            result: tuple[str, ...] = (norm, EXACT + norm)
        else:
            found = dict.fromkeys(forms(part))
            if "ё" in part or "Ё" in part:
                # Written without the dots elsewhere: the keys of the е spelling meet it.
                found.update(dict.fromkeys(forms(part.replace("ё", "е").replace("Ё", "Е"))))
            found[EXACT + norm] = None
            result = tuple(found)
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        cache[part] = result
        return result

    return keys


def word_parts(text: str, tokens: Tokens | None = None) -> list[tuple[str, int, int]]:
    """Words and numbers of `text` as parts (hyphenated words split), with spans."""
    if tokens is None:
        from lang.tokens import token_tuples

        tokens = token_tuples(text)
    out: list[tuple[str, int, int]] = []
    for value, start, end, kind in tokens:
        if kind != "word" and kind != "number":
            continue
        if kind == "number" or value.isalpha():
            out.append((value, start, end))
        elif "-" in value or "‐" in value or "‑" in value:
            pos = start
            for piece in _SPLIT_HYPHENS.split(value):
                if piece:
                    out.append((piece, pos, pos + len(piece)))
                pos += len(piece) + 1
        else:
            out.append((value, start, end))
    return out


def joiner(gap: str) -> str:
    """The kind of what stands between two parts, as the matcher compares them."""
    if not gap:
        return GLUE
    if gap in _HYPHENS:
        return HYPHEN
    if gap.isspace():
        return SPACE
    stripped = "".join(gap.split())
    if all(ch in _DASHES for ch in stripped):
        return DASH
    if stripped == ".":
        return PERIOD
    return stripped


def _compatible(term_joiner: str, text_joiner: str) -> bool:
    if term_joiner == text_joiner:
        return True
    if term_joiner in _INTERCHANGEABLE:
        return text_joiner in _INTERCHANGEABLE
    return term_joiner == PERIOD and text_joiner == SPACE


def _shape(word: str) -> tuple[bool, bool]:
    return word[:1].isupper(), len(word) > 1 and word.isupper()


def _case_fits(entry: _Entry, surfaces: Sequence[str]) -> bool:
    """Whether the written parts have the case the term's policy asks for."""
    if entry.policy == "common":
        return True
    for (cap, caps), word in zip(entry.shapes, surfaces, strict=True):
        if not word[:1].isalpha():
            continue
        w_cap, w_caps = _shape(word)
        if entry.policy == "strict":
            if (cap, caps) != (w_cap, w_caps) and not (cap and w_caps):
                return False
        elif (caps and not w_caps) or (cap and not w_cap):
            return False
    return True


# --- building --------------------------------------------------------------------------


def _build(lang: str, terms: Iterable[tuple[str, Term]]) -> _Index:
    from lang.normalize import normalize_token

    index = _Index(lang)
    keys_of = _keys_function(lang)
    for concept_id, term in terms:
        if term.match is MatchMode.PATTERN:
            flags = 0 if term.case_sensitive else re.IGNORECASE
            try:
                pattern = re.compile(term.pattern or "(?!)", flags)
            except re.error:
                continue  # lint reports bad patterns
            index.patterns.append((pattern, concept_id, term))
            index.size += 1
            continue
        parts = word_parts(term.text)
        if not parts:
            continue
        surfaces = [p[0] for p in parts]
        norms = tuple(normalize_token(s) for s in surfaces)
        joiners = tuple(joiner(term.text[a[2]:b[1]]) for a, b in pairwise(parts))
        shapes = tuple(_shape(w) for w in surfaces) if term.case_sensitive else \
            _term_shapes(surfaces)
        if term.case_sensitive:
            policy = "strict"
        elif any(cap or caps for cap, caps in shapes):
            policy = "proper"
        else:
            policy = "common"
        exact = term.match is MatchMode.EXACT
        entry = _Entry(concept_id, term, joiners, norms, shapes, policy)
        key_sets = [_term_keys(s, n, exact, keys_of, lang) for s, n in zip(surfaces, norms,
                                                                    strict=True)]
        _insert(index, key_sets, entry)
        if HYPHEN in joiners and not exact:
            closed = _closed_up(surfaces, joiners)
            if closed is not None:
                c_surfaces, c_joiners = closed
                c_norms = tuple(normalize_token(s) for s in c_surfaces)
                c_entry = _Entry(concept_id, term, c_joiners, c_norms,
                                 _term_shapes(c_surfaces), policy, closed=True)
                _insert(index, [_term_keys(s, n, False, keys_of, lang)
                                for s, n in zip(c_surfaces, c_norms, strict=True)], c_entry)
        index.size += 1
    return index


def term_word_keys(surface: str, lang: str) -> tuple[str, ...]:
    """The keys of one word of an inflecting term, as the matcher stores them."""
    from lang.normalize import normalize_token

    return _term_keys(surface, normalize_token(surface), False, keys_function(lang), lang)


def _term_shapes(surfaces: Sequence[str]) -> tuple[tuple[bool, bool], ...]:
    """The case of each part of a term, as the case policy reads it.

    A term of several words whose only capital opens its first word is written in sentence
    case ("Личные данные", a label or list entry): that capital names nothing, so the first
    word counts as lowercase. One capitalised word ("Победа", "Minsk") is a name.
    """
    shapes = [_shape(s) for s in surfaces]
    words = [i for i, s in enumerate(surfaces) if s[:1].isalpha()]
    if len(words) > 1 and words[0] == 0 and shapes[0] == (True, False) and not any(
            cap or caps for cap, caps in shapes[1:]):
        shapes[0] = (False, False)
    return tuple(shapes)


def _term_keys(surface: str, norm: str, exact: bool, keys_of: KeysFn,
               lang: str) -> tuple[str, ...]:
    """A term word's keys: all its base forms, except where `lang`'s base forms are rule
    guesses (English): there a term word that can be its own base form is only that, since
    a term is written in citation form. "harvesting" in "harvesting campaign" is the noun,
    and "harvest campaign" another phrase. Russian keeps every dictionary parse."""
    if exact:
        return (EXACT + norm,)
    forms = tuple(k for k in keys_of(surface, norm) if not k.startswith(EXACT))
    if lang in _CITATION_IS_LEMMA and norm in forms:
        return (norm,)
    return forms or (EXACT + norm,)


def _closed_up(surfaces: Sequence[str], joiners: Sequence[str]
               ) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The parts and joiners of a term with its hyphenated words written solid."""
    out = [surfaces[0]]
    out_joiners: list[str] = []
    for j, word in zip(joiners, surfaces[1:], strict=True):
        if j == HYPHEN and out[-1][-1:].isalpha() and word[:1].isalpha():
            out[-1] += word.lower() if not word.isupper() else word
        else:
            out.append(word)
            out_joiners.append(j)
    return tuple(out), tuple(out_joiners)


def _insert(index: _Index, key_sets: list[tuple[str, ...]], entry: _Entry) -> None:
    combos = 1
    trimmed = []
    for keys in key_sets:
        if combos * len(keys) > _MAX_COMBINATIONS:
            keys = keys[:1]
        combos *= len(keys)
        trimmed.append(keys)
    for path in product(*trimmed):
        node = index.root
        for key in path:
            index.vocab.add(key)
            node = node.setdefault(key, {})
        ends = node.setdefault(_END, [])
        if entry not in ends:
            ends.append(entry)


# --- matching --------------------------------------------------------------------------


def _walk(text: str, index: _Index, miscased: bool, tokens: Tokens | None) -> list[Match]:
    from lang.normalize import normalize_token

    cache = index.cache
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    vocab = index.vocab
    root = index.root
    keys_of = None
    parts = word_parts(text, tokens)
    found: list[Match] = []
    seen: set[tuple[int, int, int]] = set()
    active: list[tuple[dict, int]] = []
    i = -1
    for part in parts:
        i += 1
        cached = cache.get(part[0])
        if cached is None:
            if keys_of is None:
                keys_of = keys_function(index.lang)
            norm = normalize_token(part[0])
            cached = (norm, tuple(k for k in keys_of(part[0], norm) if k in vocab))
            cache[part[0]] = cached
        keys = cached[1]
        if not keys:
            if active:
                active = []
            continue
        walks = active
        active = []
        walks.append((root, i))  # walks alive from earlier parts, and one starting here
        for node, s in walks:
            for key in keys:
                child = node.get(key)
                if child is None:
                    continue
                active.append((child, s))
                ends = child.get(_END)
                if ends:
                    for entry in ends:
                        mark = (id(entry), s, i)
                        if mark in seen:
                            continue
                        seen.add(mark)
                        match = _verify(text, parts, s, i, entry, cache, miscased)
                        if match is not None:
                            found.append(match)
    return found


def _verify(text: str, parts: list[tuple[str, int, int]], s: int, i: int, entry: _Entry,
            cache: dict[str, tuple[str, tuple[str, ...]]], miscased: bool) -> Match | None:
    """The match of `entry` over parts s..i, if its joiners and case agree."""
    if s == i:  # one word: no joiners (the common case, kept short)
        surface, start, end = parts[s]
        case_ok = entry.policy == "common" or _case_fits(entry, (surface,))
        if not case_ok and (entry.policy == "strict" or not miscased):
            return None
        fidelity = (cache[surface][0] == entry.norms[0]) - (_CLOSED_PENALTY if entry.closed
                                                            else 0)
        return Match(entry.concept_id, entry.text, entry.status, entry.lang, start, end,
                     case_ok, fidelity)
    fidelity = 0
    for t, term_joiner in enumerate(entry.joiners):
        gap = joiner(text[parts[s + t][2]:parts[s + t + 1][1]])
        if not _compatible(term_joiner, gap):
            return None
        fidelity += term_joiner == gap
    surfaces = [parts[s][0]] if s == i else [p[0] for p in parts[s:i + 1]]
    case_ok = entry.policy == "common" or _case_fits(entry, surfaces)
    if not case_ok and (entry.policy == "strict" or not miscased):
        return None
    for norm, surface in zip(entry.norms, surfaces, strict=True):
        fidelity += cache[surface][0] == norm
    if entry.closed:
        fidelity -= _CLOSED_PENALTY
    return Match(entry.concept_id, entry.text, entry.status, entry.lang, parts[s][1],
                 parts[i][2], case_ok, fidelity)


def _closest_per_concept(found: list[Match]) -> list[Match]:
    """Where terms of one concept match the same words, keep the closest one only."""
    if len(found) < 2:
        return found
    best: dict[tuple[str, int, int, bool], Match] = {}
    for m in found:
        key = (m.concept_id, m.start, m.end, m.case_ok)
        old = best.get(key)
        if old is None or (m.fidelity, -_STATUS_RANK[m.status]) > (
                old.fidelity, -_STATUS_RANK[old.status]):
            best[key] = m
    return list(best.values())
