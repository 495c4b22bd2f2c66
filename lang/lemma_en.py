"""English base forms for inflection-aware term matching: a small rule-based lemmatiser.

`lemmas_en` undoes the inflections a glossary term meets in running text (plural nouns,
possessives, verb forms in -s, -ed and -ing, the common irregulars) without a dictionary, so
that "wars", "Lukashenko's" and "presidents'" find "war", "Lukashenko" and "president".
Where the rules cannot tell (is "united" a verb form or an adjective? "bases" the plural of
"base" or of "basis"?) every candidate is returned, the most likely first, and the word
itself is among them whenever it may be a base form of its own. Matching then compares the
candidate sets of a term and a word: a spurious candidate such as "walke" costs nothing
because no other word has it.

`stem_en` is the Snowball (Porter2) stem, coarser than a lemma: "political" and "politics"
meet, and so do "nation", "national" and "nationalism". It is a fallback for fuzzy
retrieval, not for terminology checks, which need the finer `lemmas_en`.
"""

from __future__ import annotations

import functools
import re
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from snowballstemmer import EnglishStemmer

# Irregular verbs: lemma, then its irregular forms (regular -s/-ing forms come from rules).
_IRREGULAR_VERBS: tuple[tuple[str, str], ...] = (
    ("be", "am is are was were been being"),
    ("have", "has had having"),
    ("do", "does did done doing"),
    ("go", "goes went gone going"),
    ("say", "said"),
    ("make", "made"),
    ("take", "took taken"),
    ("come", "came"),
    ("see", "saw seen"),
    ("know", "knew known"),
    ("get", "got gotten"),
    ("give", "gave given"),
    ("find", "found"),
    ("think", "thought"),
    ("tell", "told"),
    ("become", "became"),
    ("leave", "left"),
    ("feel", "felt"),
    ("bring", "brought"),
    ("begin", "began begun"),
    ("keep", "kept"),
    ("hold", "held"),
    ("write", "wrote written"),
    ("stand", "stood"),
    ("hear", "heard"),
    ("mean", "meant"),
    ("meet", "met"),
    ("run", "ran"),
    ("pay", "paid"),
    ("sit", "sat"),
    ("speak", "spoke spoken"),
    ("lie", "lay lain"),
    ("lead", "led"),
    ("grow", "grew grown"),
    ("lose", "lost"),
    ("fall", "fell fallen"),
    ("send", "sent"),
    ("build", "built"),
    ("understand", "understood"),
    ("draw", "drew drawn"),
    ("break", "broke broken"),
    ("spend", "spent"),
    ("rise", "rose risen"),
    ("arise", "arose arisen"),
    ("drive", "drove driven"),
    ("buy", "bought"),
    ("wear", "wore worn"),
    ("choose", "chose chosen"),
    ("seek", "sought"),
    ("throw", "threw thrown"),
    ("catch", "caught"),
    ("deal", "dealt"),
    ("win", "won"),
    ("fight", "fought"),
    ("teach", "taught"),
    ("sell", "sold"),
    ("forget", "forgot forgotten"),
    ("forgive", "forgave forgiven"),
    ("eat", "ate eaten"),
    ("fly", "flew flown"),
    ("shoot", "shot"),
    ("strike", "struck stricken"),
    ("hang", "hung"),
    ("swear", "swore sworn"),
    ("steal", "stole stolen"),
    ("flee", "fled"),
    ("bear", "bore borne born"),
    ("beat", "beaten"),
    ("bind", "bound"),
    ("hide", "hid hidden"),
    ("ride", "rode ridden"),
    ("shake", "shook shaken"),
    ("sing", "sang sung"),
    ("sink", "sank sunk"),
    ("swim", "swam swum"),
    ("tear", "tore torn"),
    ("wake", "woke woken"),
    ("withdraw", "withdrew withdrawn"),
    ("undertake", "undertook undertaken"),
    ("overtake", "overtook overtaken"),
    ("overcome", "overcame"),
    ("forbid", "forbade forbidden"),
    ("freeze", "froze frozen"),
    ("feed", "fed"),
    ("lend", "lent"),
    ("light", "lit"),
    ("slide", "slid"),
    ("stick", "stuck"),
    ("sweep", "swept"),
    ("wind", "wound"),
    ("dig", "dug"),
    ("shine", "shone"),
    ("sleep", "slept"),
    ("weep", "wept"),
    ("creep", "crept"),
    ("dream", "dreamt"),
    ("learn", "learnt"),
    ("burn", "burnt"),
    ("spell", "spelt"),
    ("spill", "spilt"),
    ("bend", "bent"),
    ("bleed", "bled"),
    ("breed", "bred"),
    ("cling", "clung"),
    ("swing", "swung"),
    ("sting", "stung"),
    ("ring", "rang rung"),
    ("spring", "sprang sprung"),
    ("grind", "ground"),
    ("dive", "dove"),
    ("uphold", "upheld"),
    ("withhold", "withheld"),
    ("mislead", "misled"),
    ("oversee", "oversaw overseen"),
    ("foresee", "foresaw foreseen"),
)

# Irregular and classical plurals: singular, then its plural forms.
_IRREGULAR_NOUNS: tuple[tuple[str, str], ...] = (
    ("man", "men"),
    ("woman", "women"),
    ("child", "children"),
    ("person", "people"),
    ("foot", "feet"),
    ("tooth", "teeth"),
    ("goose", "geese"),
    ("mouse", "mice"),
    ("louse", "lice"),
    ("ox", "oxen"),
    ("datum", "data"),
    ("medium", "media"),
    ("criterion", "criteria"),
    ("phenomenon", "phenomena"),
    ("memorandum", "memoranda"),
    ("curriculum", "curricula"),
    ("stratum", "strata"),
    ("bacterium", "bacteria"),
    ("addendum", "addenda"),
    ("analysis", "analyses"),
    ("crisis", "crises"),
    ("thesis", "theses"),
    ("hypothesis", "hypotheses"),
    ("diagnosis", "diagnoses"),
    ("synthesis", "syntheses"),
    ("parenthesis", "parentheses"),
    ("emphasis", "emphases"),
    ("basis", "bases"),
    ("axis", "axes"),
    ("index", "indices"),
    ("appendix", "appendices"),
    ("matrix", "matrices"),
    ("vertex", "vertices"),
    ("cactus", "cacti"),
    ("fungus", "fungi"),
    ("nucleus", "nuclei"),
    ("radius", "radii"),
    ("stimulus", "stimuli"),
    ("alumnus", "alumni"),
    ("syllabus", "syllabi"),
    ("focus", "foci"),
    # -f/-fe nouns whose plural is -ves; other -ves words just lose the -s ("objectives").
    ("wolf", "wolves"),
    ("leaf", "leaves"),
    ("life", "lives"),
    ("knife", "knives"),
    ("wife", "wives"),
    ("half", "halves"),
    ("shelf", "shelves"),
    ("thief", "thieves"),
    ("self", "selves"),
    ("calf", "calves"),
    ("loaf", "loaves"),
    ("elf", "elves"),
    ("scarf", "scarves"),
    ("hoof", "hooves"),
    ("sheaf", "sheaves"),
    ("yourself", "yourselves"),
)

# Forms with two readings that the tables above cannot express; these win over them.
_AMBIGUOUS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "leaves": ("leaf", "leave"),  # the leaves of a tree; he leaves
        "lives": ("life", "live"),
        "bases": ("base", "basis"),  # military bases; the bases of a claim
        "axes": ("axis", "axe"),
        "analyses": ("analysis", "analyse"),
        "means": ("means", "mean"),  # means of transport; it means
        "arms": ("arm", "arms"),  # arms control is not about limbs
        "goods": ("goods", "good"),
        "data": ("data", "datum"),
        "media": ("media", "medium"),
        "people": ("person", "people"),  # "peoples" -> "people"
        "united": ("united", "unite"),  # not "unit"
        "created": ("create", "created"),  # -eat stems otherwise keep their t ("treated")
        "creating": ("create", "creating"),
    }
)

# Irregular forms that are also base forms in their own right, so they stay candidates:
# "found" a state, turn "left", the "wounds" of war, a "frozen" conflict.
_ALSO_BASE = frozenset(
    {
        "found", "left", "saw", "rose", "lay", "felt", "bound", "wound", "fell", "spoke",
        "lit", "shot", "ground", "stole", "bore", "won", "dove", "thought", "born",
        "frozen", "fallen", "broken",
    }
)  # fmt: skip

# Words that look inflected but are base forms: -s that is no plural, -ics disciplines
# (kept apart from the adjective: "economics" is not "economic"), -ing and -ed words.
_INVARIANT = frozenset(
    {
        "news", "series", "species", "headquarters", "crossroads", "whereabouts",
        "politics", "economics", "physics", "mathematics", "ethics", "linguistics",
        "genetics", "athletics", "logistics", "electronics", "gymnastics", "geopolitics",
        "always", "perhaps", "sometimes", "besides", "towards", "afterwards", "backwards",
        "upwards", "downwards", "nowadays", "overseas", "whereas", "alas", "yes", "this",
        "his", "its", "hers", "ours", "yours", "theirs", "thus", "gas", "lens", "chaos",
        "kudos", "ethos", "pathos", "cosmos", "bias", "atlas", "canvas", "alias",
        "christmas", "texas", "honduras", "caracas", "athens", "wales", "brussels",
        "during", "morning", "evening", "nothing", "something", "anything", "everything",
        "ceiling", "sibling", "beijing", "hundred", "sacred", "kindred", "indeed",
    }
)  # fmt: skip

# Nouns in -ie whose plural -ies is not a -y plural ("movies", not "movy").
_IE_NOUNS = frozenset(
    {"movie", "cookie", "calorie", "zombie", "rookie", "prairie", "brownie", "hippie",
     "genie", "sortie", "auntie", "newbie", "goalie", "lingerie", "eerie"}
)  # fmt: skip

# Base forms in -eed, which are not past tenses of an -ee verb like "agreed".
_EED_BASES = frozenset(
    {"need", "seed", "speed", "feed", "bleed", "breed", "weed", "deed", "creed", "greed",
     "heed", "reed", "steed", "tweed", "exceed", "proceed", "succeed", "indeed"}
)  # fmt: skip

# Stem endings (after -ed or -ing is removed) that want a silent -e back; first hit wins.
_RESTORE_E: tuple[tuple[str, str], ...] = (
    (r"(?<![eo])at$", "created, stated, evaluated (not treated, floated)"),
    (r"(?<!o)ut$", "executed, distributed (not shouted)"),
    (r"(bl|iz|ys|v|c|u)$", "troubled, organized, analysed, moved, reduced, argued"),
    (r"(?<!s)s$", "caused, based, released, collapsed (not passed)"),
    (r"(?<!z)z$", "seized, analyzed"),
    (r"(?<!on)g$", "changed, engaged, judged (not belonged)"),
    (r"(?<!e)ar$", "declared, prepared (not appeared)"),
    (r"(?<![aeo])[iu]r$", "required, secured (not repaired, toured)"),
    (r"[^aeiou][iuoa]d$", "decided, included, exploded, persuaded (not avoided, loaded)"),
    (r"[^aeiou]in$", "determined, combined (not maintained, joined)"),
    (r"[^aeiou]um$", "assumed, consumed"),
    (r"[^aeiou][ui]l$", "scheduled, compiled (not failed)"),
    (r"[^aeiou][aeiou]k$", "provoked, invoked (not looked)"),
)
_RESTORE_E_RE = re.compile("|".join(f"(?:{pattern})" for pattern, _ in _RESTORE_E))

_VOWELS = "aeiou"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'"})
_PLAIN = re.compile(r"[a-z]+")
_LEMMA_CACHE_SIZE = 1 << 16
_MIN_LEMMA = 3  # shorter rule outputs ("us" from "uses") are more often wrong than right


def _invert(table: tuple[tuple[str, str], ...]) -> dict[str, tuple[str, ...]]:
    inverted: dict[str, tuple[str, ...]] = {}
    for lemma, forms in table:
        for form in forms.split():
            also = (form,) if form in _ALSO_BASE and form != lemma else ()
            inverted[form] = (*inverted.get(form, ()), lemma, *also)
    return inverted


_IRREGULAR = MappingProxyType(
    {**_invert(_IRREGULAR_VERBS), **_invert(_IRREGULAR_NOUNS), **_AMBIGUOUS}
)


def lemmas_en(word: str) -> tuple[str, ...]:
    """Candidate base forms of an English word, lowercase, the most likely first.

    Possessives lose "'s" or "'"; only the last part of a hyphenated word inflects
    ("member-states" -> "member-state"); an all-capitals word (an acronym such as "BRICS")
    keeps itself first. A word with characters other than Latin letters is returned
    lowercased as it is.
    """
    text = word.strip().translate(_APOSTROPHES)
    if text.endswith(("'s", "'S")):
        text = text[:-2]
    text = text.rstrip("'")
    if not text:
        return ()
    head, _, last = text.rpartition("-")
    if not last:
        return (text.lower(),)  # a dangling hyphen: nothing to inflect
    prefix = f"{head.lower()}-" if head else ""
    lemmas = _lemmas(last.lower()) if _PLAIN.fullmatch(last.lower()) else (last.lower(),)
    if last.isupper() and len(last) > 1:
        lemmas = (last.lower(), *lemmas)
    return tuple(dict.fromkeys(prefix + lemma for lemma in lemmas))


@functools.lru_cache(maxsize=_LEMMA_CACHE_SIZE)
def _lemmas(word: str) -> tuple[str, ...]:
    """Candidates for one lowercase word of Latin letters."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _INVARIANT:
        return (word,)
    if word.endswith("ing"):
        candidates = (*_from_ing(word), word)
    elif word.endswith("ed"):
        candidates = (*_from_ed(word), word)
    elif word.endswith("s"):
        candidates = _from_s(word)
    elif word.endswith("men") and len(word) > 4:
        # chairmen, spokesmen; but "specimen" and "Yemen" are singular, so keep the word.
        candidates = (word[:-3] + "man", word)
    else:
        candidates = (word,)
    kept = [c for c in candidates if c == word or _plausible(c)]
    return tuple(dict.fromkeys(kept)) or (word,)


def _from_s(word: str) -> tuple[str, ...]:
    """Plural nouns and third-person verbs: policies, taxes, analyses, causes, wars."""
    if word.endswith(("ss", "us", "is")) or len(word) < 4:
        return (word,)  # class, Belarus, crisis; its, has, bus
    if word.endswith("ies"):
        stem = word[:-3]
        if len(stem) == 1 or stem + "ie" in _IE_NOUNS:
            return (stem + "ie",)  # ties, lies; movies
        if stem[-1] in _VOWELS:
            return (word[:-1],)  # (rare) -ie after a vowel
        return (stem + "y",)  # countries, policies, applies
    if word.endswith("yses"):
        return (word[:-3] + "is", word[:-1])  # paralyses: noun -ysis or verb -yse
    if word.endswith("sses") or word.endswith(("xes", "shes")):
        return (word[:-2],)  # classes, taxes, wishes
    if word.endswith("zzes"):
        return (word[:-3], word[:-2])  # quizzes, buzzes
    if word.endswith("tzes"):
        return (word[:-2],)  # blitzes, waltzes
    if word.endswith(("ches", "ses", "zes")):
        # -ches: churches, but headaches; -ses: causes, cases, but buses, biases.
        first, second = (word[:-2], word[:-1]) if word.endswith("ches") else (word[:-1], word[:-2])
        return (first, second)
    if word.endswith("oes"):
        stem = word[:-2]
        # heroes, vetoes; but shoes, toes, canoes
        return (stem, word[:-1]) if len(stem) >= 4 else (word[:-1], stem)
    if word.endswith(("as", "os")):
        return (word[:-1], word)  # ideas, photos; but bias, chaos if not listed
    return (word[:-1],)  # wars, presidents, days, states, issues


def _from_ed(word: str) -> tuple[str, ...]:
    """Past tenses and participles: applied, agreed, stopped, created, walked."""
    if word.endswith("ied"):
        stem = word[:-3]
        return (stem + "ie",) if len(stem) == 1 else (stem + "y",)  # died; applied, tried
    if word.endswith("eed"):
        return () if word in _EED_BASES else (word[:-1],)  # need; agreed, guaranteed
    stem = word[:-2]
    if not any(ch in _VOWELS + "y" for ch in stem):
        return ()  # red, shed, wed
    return _restore(stem)


def _from_ing(word: str) -> tuple[str, ...]:
    """Present participles and gerunds: dying, seeing, running, making, meeting."""
    stem = word[:-3]
    if not any(ch in _VOWELS + "y" for ch in stem):
        return ()  # thing, king, bring, string
    if len(stem) == 2 and stem.endswith("y"):
        return (stem[0] + "ie",)  # dying, lying, tying
    if stem.endswith(("y", "e", "o")):
        return (stem,)  # studying, seeing, echoing
    return _restore(stem)


def _restore(stem: str) -> tuple[str, ...]:
    """Candidate base forms of a stem left by removing -ed or -ing, in order."""
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        if stem[-1] in "lsfz":
            return (stem, stem[:-1])  # called, passed, staffed; British travelled
        return (stem[:-1], stem)  # stopped, planned, committed; added
    if _measure(stem) == 1 and _ends_cvc(stem):
        return (stem + "e",)  # hoped, voted, cared: one short syllable wants its -e
    if _RESTORE_E_RE.search(stem):
        return (stem + "e", stem)
    return (stem, stem + "e")  # walked, visited, opened; bathed


def _plausible(candidate: str) -> bool:
    return len(candidate) >= _MIN_LEMMA and any(ch in _VOWELS + "y" for ch in candidate)


def _is_consonant(word: str, i: int) -> bool:
    """Porter's definition: y is a consonant at the start or after a vowel."""
    ch = word[i]
    if ch in _VOWELS:
        return False
    if ch == "y":
        return i == 0 or not _is_consonant(word, i - 1)
    return True


def _measure(stem: str) -> int:
    """Porter's m: the number of vowel-consonant sequences in the stem."""
    pattern = "".join("c" if _is_consonant(stem, i) else "v" for i in range(len(stem)))
    return len(re.findall(r"v+c+", pattern))


def _ends_cvc(stem: str) -> bool:
    """Consonant-vowel-consonant at the end, the last not w, x or y (hop, vot, nam)."""
    if len(stem) < 3 or stem[-1] in "wxy":
        return False
    n = len(stem)
    return (
        _is_consonant(stem, n - 3) and not _is_consonant(stem, n - 2) and _is_consonant(stem, n - 1)
    )


def stem_en(word: str) -> str:
    """The Snowball (Porter2) English stem of a lowercased word: a coarse fallback key."""
    return _snowball_en().stemWord(word.strip().lower().translate(_APOSTROPHES))


@functools.cache
def _snowball_en() -> EnglishStemmer:
    # Imported on first use: snowballstemmer loads every language's stemmer (~30 ms).
    import snowballstemmer

    return snowballstemmer.stemmer("english")
