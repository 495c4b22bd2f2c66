"""Proper names matched across Cyrillic and Latin script through transliteration.

A name is a capitalised word inside a sentence (or at its start when the side never writes
that word in lower case), an all-capitals acronym, or a word in the other script. Cyrillic
names are transliterated under every scheme of their language ("Уэльса" -> "Uelsa"). Every
rendering is reduced to a consonant skeleton of sound classes (w and v alike, g and h
alike, vowels dropped, first four kept), once with v/w/f and once without, so that "Уэльс"
meets "Wales", "Гомель" meets "Homiel" and "Gomel", and inflectional endings, mostly
vowels, rarely matter: no morphological analysis is needed. Equal skeletons match.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from align.evidence.base import (
    Extracted,
    ItemSets,
    PairView,
    SaysNothingOnSkips,
    SideText,
    Vocabulary,
    item_match,
)
from lang.tokens import Token
from lang.translit import ALPHABETS, all_renderings

KEY = "names"
SKELETON_LENGTH = 4
MIN_SKELETON = 2

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Case endings of Russian and Belarusian names that end in a consonant once transliterated
# ("Путиным", "Лукашэнкам"): a name gets keys with and without them, so no morphological
# analyser is needed to meet "Putin".
_CASE_ENDING = re.compile(
    r"(?<=[\u0400-\u04ff]{3})(ыми|ами|ями|ому|ему|ого|его|ага|яга|ым|им|ом|ем|ой|ей|ам|ям|ах|ях"
    r"|ов|ев|ую|юю|ай)$", re.IGNORECASE
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Spelling to sound classes, longest spellings first. Each class merges letters that
# transliteration conventions swap: v/w/f, g/h/k/kh, every sibilant and affricate.
_DIGRAPHS = (
    ("shch", "s"), ("tsch", "s"), ("dzh", "s"), ("sch", "s"), ("tch", "s"), ("sh", "s"),
    ("ch", "s"), ("zh", "s"), ("ts", "s"), ("tz", "s"), ("dz", "s"), ("kh", "k"),
    ("ph", "f"), ("th", "t"), ("ck", "k"), ("qu", "kf"), ("gh", "k"),
)
_CLASSES = str.maketrans({
    "b": "p", "p": "p", "d": "t", "t": "t", "g": "k", "k": "k", "q": "k", "h": "k",
    "s": "s", "z": "s", "j": "s", "f": "f", "v": "f", "w": "f", "l": "l", "r": "r",
    "m": "m", "n": "n", "x": "ks",
})
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class NameEvidence(SaysNothingOnSkips):
    """Names shared by both sides of a bead (matched) and left over (missed)."""

    name: str = "names"
    feature_names: tuple[str, ...] = ("names.match", "names.miss")

    def extract(self, src: SideText, tgt: SideText, vocab: Vocabulary) -> Extracted:
        s_sets, s_counts = _side_names(src)
        t_sets, t_counts = _side_names(tgt)
        return Extracted(
            src_dense={f"{KEY}.count": s_counts},
            tgt_dense={f"{KEY}.count": t_counts},
            src_items={KEY: ItemSets.build(s_sets, vocab)},
            tgt_items={KEY: ItemSets.build(t_sets, vocab)},
        )

    def features(
        self, view: PairView, a: int, b: int, i: np.ndarray, j: np.ndarray
    ) -> np.ndarray:
        return np.stack(item_match(view, KEY, a, b, i, j))


def _side_names(side: SideText) -> tuple[list[dict[str, float]], np.ndarray]:
    """Skeleton keys of each sentence's names, and how many names each sentence has."""
    lowercase = {
        t.text for tokens in side.tokens for t in tokens if t.kind == "word" and t.text.islower()
    }
    cyrillic_side = _mostly_cyrillic(side.sentences)
    sets: list[dict[str, float]] = []
    counts = np.zeros(len(side), dtype=np.float64)
    for s, tokens in enumerate(side.tokens):
        keys: dict[str, float] = {}
        for word in name_words(tokens, lowercase, cyrillic_side):
            word_keys = name_keys(word, side.lang)
            if word_keys:
                counts[s] += 1
                keys.update(dict.fromkeys(word_keys, 1.0))
        sets.append(keys)
    return sets, counts


def name_words(
    tokens: Sequence[Token], lowercase: set[str] | frozenset[str], cyrillic_side: bool
) -> list[str]:
    """The words of one sentence that look like proper names."""
    words = [t.text for t in tokens if t.kind == "word"]
    out: list[str] = []
    for k, w in enumerate(words):
        if len(w) < 2:
            continue
        foreign = bool(_LATIN.search(w)) if cyrillic_side else bool(_CYRILLIC.search(w))
        if foreign or w.isupper() or (w[0].isupper() and (k > 0 or w.lower() not in lowercase)):
            out.append(w)
    return out


def name_keys(
    word: str, lang: str, base_forms: Callable[[str], tuple[str, ...]] | None = None
) -> frozenset[str]:
    """Skeleton keys of one name under every transliteration of its language."""
    forms = [word]
    if _CYRILLIC.search(word):
        stripped = _CASE_ENDING.sub("", word)
        if stripped != word:
            forms.append(stripped)
        if base_forms is not None:
            forms.extend(base_forms(word)[:1])
    keys = set()
    for form in forms:
        keys.update(_keys(form, lang))
    return frozenset(keys)


@functools.lru_cache(maxsize=1 << 15)
def _keys(form: str, lang: str) -> frozenset[str]:
    if _CYRILLIC.search(form):
        scheme_lang = lang if lang in ALPHABETS else "ru"
        renderings = set(all_renderings(form, scheme_lang).values())
    else:
        renderings = {form}
    keys = {skeleton(r) for r in renderings} | {skeleton(r, labials=False) for r in renderings}
    return frozenset(k for k in keys if len(k) >= MIN_SKELETON)


def skeleton(latin: str, *, labials: bool = True) -> str:
    """The consonant skeleton of a Latin spelling: "Wales" -> "fls", "Uelsa" -> "fls".

    With `labials=False`, v, w and f count as vowels: Belarusian ў and Russian в meet
    there ("Mahilioŭ" and "Mogilev" -> "mkl").
    """
    decomposed = unicodedata.normalize("NFKD", latin.lower())
    s = "".join(ch for ch in decomposed if "a" <= ch <= "z")
    # "c" sounds like s before a front vowel (Cecil), like k elsewhere (Clinton).
    s = re.sub(r"c(?=[eiy])", "s", s)
    for spelling, sound in _DIGRAPHS:
        s = s.replace(spelling, sound)
    s = s.replace("c", "k")
    # A silent h after a vowel ("John", "Ahmed") has no Cyrillic counterpart; before a
    # vowel it is a sound (Belarusian "Mahiliou").
    s = re.sub(r"(?<=[aeiouy])h(?![aeiouy])", "", s)
    # Initial u/w before a vowel is the English w of "Уэльс", "Уильям".
    s = re.sub(r"^u(?=[aeiouy])", "w", s)
    vowels = _VOWELS if labials else _VOWELS | {"v", "w", "f"}
    out: list[str] = []
    for ch in s:
        if ch in vowels:
            out.append("")
            continue
        cls = ch.translate(_CLASSES)
        for c in cls:
            if not out or out[-1] != c:
                out.append(c)
    return "".join(out)[:SKELETON_LENGTH]


def _mostly_cyrillic(sentences: Sequence[str]) -> bool:
    sample = "".join(sentences[:50])
    return len(_CYRILLIC.findall(sample)) > len(_LATIN.findall(sample))
