"""Sentence splitting for Russian, Belarusian, English, and a generic profile for the rest.

The method is razdel's: find every place where a sentence could end (terminal punctuation
followed by whitespace, or a line break), then ask an ordered list of small named rules;
the first rule that decides (join or split) wins, and a place no rule decides is a split.
Languages differ only in their data (`lang.abbreviations`), not in the rules.

Newlines: a blank line (two line breaks, or U+2029) always ends a sentence. A single line
break is whitespace, because readers hand over hard-wrapped paragraphs, except where the
next line starts a list item ("1.", "2)", "•") or a dialogue line ("— Да") — those lines
start a new sentence even without terminal punctuation before them.

Results are `(start, end)` character spans into the text, trimmed of whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum

from lang.abbreviations import (
    ABBREVIATIONS,
    INITIALS,
    PREPOSITIONS,
    SECTION_WORDS,
    SPEECH_VERBS,
    STARTERS,
    Abbreviation,
    Kind,
)


class Decision(Enum):
    """What a rule says about one candidate boundary."""

    JOIN = "join"
    SPLIT = "split"


JOIN, SPLIT = Decision.JOIN, Decision.SPLIT


@dataclass(frozen=True)
class Table:
    """Abbreviations as looked up: keys as written ("т.е.", inner spaces removed), and
    lower-cased without the all-capital ones ("U.S.", "A.D."), which must keep their case
    or every pair of initials would match them."""

    exact: Mapping[str, Kind]
    folded: Mapping[str, Kind]


@dataclass(frozen=True)
class Profile:
    """The language data the rules consult; the generic profile has none of it."""

    lang: str
    cyrillic: Table
    latin: Table  # ru and be text quotes Latin names and titles: "Dr. PawPaw"
    initials: frozenset[str]
    starters: frozenset[str]
    section_words: frozenset[str]
    speech_verbs: frozenset[str]
    prepositions: frozenset[str]


def _table(entries: tuple[Abbreviation, ...]) -> Table:
    return Table(
        exact={a.text: a.kind for a in entries},
        folded={
            a.text.lower(): a.kind
            for a in entries
            if not (_INITIALS_LIKE.fullmatch(a.text) and a.text.isupper())
        },
    )


def _profile(lang: str) -> Profile:
    own = ABBREVIATIONS.get(lang, ())
    # Cyrillic-script languages borrow the English list for Latin-script words.
    latin = own if lang == "en" else ABBREVIATIONS["en"] if lang in ("ru", "be") else ()
    cyrillic = () if lang == "en" else own
    initials = INITIALS.get(lang, frozenset())
    if lang in ("ru", "be"):
        initials |= INITIALS["en"]
    return Profile(
        lang=lang,
        cyrillic=_table(cyrillic),
        latin=_table(latin),
        initials=initials,
        starters=STARTERS.get(lang, frozenset()),
        section_words=SECTION_WORDS.get(lang, frozenset()),
        speech_verbs=SPEECH_VERBS.get(lang, frozenset()),
        prepositions=PREPOSITIONS.get(lang, frozenset()),
    )


LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
TERMINALS = ".?!…"
CLOSERS = "»”“’'\")]}›"  # “ closes „…“ quotes in ru/be
OPENERS = "«“„\"'‘‹([{"
DASHES = "—–―‒‐‑-"
# Punctuation that cannot open a sentence, so a boundary before it is not one.
NO_START = ",;:)]}»”%"
WINDOW = 48  # characters of context either side; enough for any abbreviation chain
MAX_CHAIN = 4  # dotted parts looked at before a period: "U.S.S.R."
BRACKET_REACH = 200  # how far ahead a closing bracket keeps a candidate inside brackets

_INITIALS_LIKE = re.compile(r"(?:[^\W\d_]\.\s?)*[^\W\d_]\.?", re.UNICODE)
_CANDIDATE = re.compile(
    rf"(?P<term>[{re.escape(TERMINALS)}]+)(?P<close>[{re.escape(CLOSERS)}]*)(?P<space>\s+)"
    rf"|(?P<nl>[^\S{LINE_BREAKS}]*[{LINE_BREAKS}]\s*)"
)
_LINE_BREAK = re.compile(rf"\r\n|[{LINE_BREAKS}]")
_RIGHT_WORD = re.compile(rf"[\s{re.escape(OPENERS + DASHES)}]*([^\W_]+)(\.?)")
# A number or Roman numeral before a unit, also as the first half of "км/ч", "м/с".
_AFTER_NUMBER = re.compile(
    r"(?:\d|(?<![^\W\d_])[IVXLCDM]+)(?:\s*[^\W\d_]+/)?[\s\u2013\u2014-]*$"
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_QUOTES = "»”“’'\""
_LIST_MARKER = re.compile(
    r"(?:\d{1,3}(?:\.\d{1,3})*[.)]|[IVXLCDM]{1,6}[.)]|[^\W\d_]\)|[•▪●◦‣∙*])\s"
)
_DIALOGUE = re.compile(r"[—–―]\s+[^\w\s]*([^\W\d_])")
_LIST_BUFFER = re.compile(
    r"\s*[(\[]?(?:\d{1,3}|[IVXLCDM]{1,6}|[^\W\d_])(?:\.(?:\d{1,3}|[IVXLCDM]{1,6}|[^\W\d_]))*"
)
_SECTION = re.compile(r"(\S+?)\.?\s*\d+(?:\.\d+)+$")
_ALNUM = re.compile(r"[^\W_]")
_WORDS = re.compile(r"[^\W\d_]+")
_TOKENS = re.compile(r"[^\W_]+")


class Candidate:
    """One place where a sentence may end, with the context the rules look at.

    `start:term_end` is the terminal punctuation, `term_end:end` closing quotes and
    brackets, `end:next_start` the whitespace. A line-break candidate has no terminal
    punctuation (`start == term_end == end`). Context every rule needs is computed
    here at once; rarer context (the sentence so far, the abbreviation chain) on demand.
    """

    __slots__ = (
        "_chain",
        "bracket_depth",
        "closers",
        "end",
        "has_words",
        "left",
        "line_breaks",
        "next_start",
        "profile",
        "right",
        "right_word",
        "right_word_dotted",
        "sentence_start",
        "start",
        "term_end",
        "terminal",
        "text",
    )

    def __init__(
        self,
        text: str,
        sentence_start: int,
        start: int,
        term_end: int,
        end: int,
        next_start: int,
        profile: Profile,
        has_words: bool = True,
        bracket_depth: int = 0,
    ) -> None:
        self.text = text
        self.has_words = has_words  # the sentence so far has a letter or digit
        self.bracket_depth = bracket_depth  # ( and [ left open up to the closers
        self.sentence_start = sentence_start
        self.start = start
        self.term_end = term_end
        self.end = end
        self.next_start = next_start
        self.profile = profile
        self.terminal = text[start:term_end]
        self.closers = text[term_end:end]
        space = text[end:next_start]
        self.line_breaks = 0 if space == " " else len(_LINE_BREAK.findall(space))
        self.left = text[max(sentence_start, start - WINDOW):start]
        self.right = text[next_start:next_start + WINDOW]
        match = _RIGHT_WORD.match(self.right)
        self.right_word = match.group(1) if match else None
        self.right_word_dotted = bool(match and match.group(2))
        self._chain: tuple[str | None, list[str]] | None = None

    @property
    def buffer(self) -> str:
        """The sentence so far, up to the terminal punctuation."""
        return self.text[self.sentence_start:self.start]

    @property
    def left_word(self) -> str | None:
        """The letters right before the punctuation: "Г" in "А.Г."."""
        _, parts = self.chain
        return parts[-1] if parts else None

    @property
    def next_is_upper(self) -> bool:
        return bool(self.right_word and self.right_word[0].isupper())

    @property
    def next_is_starter(self) -> bool:
        """The next word is one that commonly opens a sentence, and not an initial."""
        word = self.right_word
        return bool(
            word and not self.right_word_dotted and word.lower() in self.profile.starters
        )

    @property
    def chain(self) -> tuple[str | None, list[str]]:
        """The dotted chain before a period, and the word before it: ("и", ["т", "д"])."""
        if self._chain is None:
            self._chain = _left_chain(self.left) if self.terminal == "." else (None, [])
        return self._chain

    def lookup(self, parts: list[str], prefix: str | None = None) -> Kind | None:
        """The kind of the abbreviation made of `parts` (and `prefix`), if listed."""
        key = ".".join(parts) + "."
        if prefix:
            key = f"{prefix} {key}"
        table = self.profile.latin if _LATIN.match(parts[-1]) else self.profile.cyrillic
        kind = table.exact.get(key)
        if kind is not None:
            return kind
        if _INITIALS_LIKE.fullmatch(key) and key.isupper():
            return None  # "А.Г." and "В." are initials, not "а.г." or "в." (век)
        return table.folded.get(key.lower())

    def after_number(self, word: str) -> bool:
        """Whether a number or Roman numeral stands right before `word`: "1945 г"."""
        before = self.left[: len(self.left) - len(word)]
        return bool(_AFTER_NUMBER.search(before))

    def short_lead(self) -> bool:
        """Whether the sentence so far is only an opening phrase: "В 1945 г", "In Sept".

        Such a phrase is no sentence, so the capital after it is a name: "В 1945 г.
        Красная армия…". It opens with a number or a preposition and has at most one
        more word before the abbreviation.
        """
        if self.start - self.sentence_start > 32:
            return False
        buffer = self.buffer
        words = _TOKENS.findall(buffer)
        if len(words) > 4 or len(_WORDS.findall(buffer)) > 3:
            return False
        return bool(words) and (
            words[0][0].isdigit() or words[0].lower() in self.profile.prepositions
        )

    def decide_kind(self, kind: Kind, word: str) -> Decision:
        """What an abbreviation of the given kind means for this boundary."""
        if kind is Kind.UNIT:
            kind = Kind.MAY_END if self.after_number(word) else Kind.CONTINUES
        if kind is Kind.CONTINUES:
            return JOIN
        if kind is Kind.BEFORE_NAME:
            return SPLIT if self.next_is_starter else JOIN
        # MAY_END: only a capital opens the next sentence, and only after a real clause.
        if self.next_is_upper and not self.short_lead():
            return SPLIT
        return JOIN


def _left_chain(left: str) -> tuple[str | None, list[str]]:
    """Scan back from the end of `left` for "т. е", "U.S", "г.зн", and the word before.

    Returns (word before, parts in order). A hand-written scan, because an end-anchored
    regex search retries every start position.
    """
    parts: list[str] = []
    i = len(left)
    while True:
        j = i
        while j > 0 and (left[j - 1].isalpha() or "\u0300" <= left[j - 1] <= "\u036f"):
            j -= 1
        if j == i:  # no letters: nothing, or a dot after a non-word ("5.г")
            return None, parts[::-1]
        parts.append(left[j:i])
        i = j
        if len(parts) == MAX_CHAIN:
            return None, parts[::-1]
        if i > 1 and left[i - 1].isspace() and left[i - 2] == ".":
            i -= 2
        elif i > 0 and left[i - 1] == ".":
            i -= 1
        else:
            break
    # The chain starts after a space or other non-dot: the word before may belong ("и т.д").
    k = i
    while k > 0 and left[k - 1].isspace():
        k -= 1
    m = k
    while m > 0 and left[m - 1].isalpha():
        m -= 1
    return (left[m:k] if m < k < i else None), parts[::-1]


Rule = Callable[[Candidate], Decision | None]


# ---- line structure ----------------------------------------------------------------------


def blank_line(c: Candidate) -> Decision | None:
    """A blank line always ends a sentence: paragraphs never run together."""
    if c.line_breaks >= 2 or "\u2029" in c.text[c.end:c.next_start]:
        return SPLIT
    return None


def line_start(c: Candidate) -> Decision | None:
    """A list item or dialogue line starts a sentence; any other line break is a space."""
    if c.line_breaks and _LIST_MARKER.match(c.right):
        return SPLIT
    if c.start == c.end:  # a line break without terminal punctuation
        dialogue = _DIALOGUE.match(c.right)
        return SPLIT if dialogue and dialogue.group(1).isupper() else JOIN
    return None


# ---- what surrounds the punctuation ------------------------------------------------------


def nothing_before(c: Candidate) -> Decision | None:
    """Punctuation with no words before it ("… И тогда") does not end a sentence."""
    if not c.has_words:
        return JOIN
    return None


def omission(c: Candidate) -> Decision | None:
    """An editorial omission "[…]" or "(...)" sits inside a sentence."""
    if c.start > 0 and c.text[c.start - 1] in "([":
        return JOIN
    return None


def lowercase_next(c: Candidate) -> Decision | None:
    """A lower-case word continues the sentence: «Готовы!» — сказал он; «…» he said."""
    if c.right_word and c.right_word[0].islower():
        return JOIN
    return None


def punctuation_next(c: Candidate) -> Decision | None:
    """A comma, colon or closing bracket cannot open a sentence."""
    if c.right[:1] and c.right[0] in NO_START:
        return JOIN
    return None


def inside_brackets(c: Candidate) -> Decision | None:
    """A period inside an unclosed bracket that closes soon: "[U.S. President Trump]"."""
    if c.bracket_depth <= 0:
        return None
    ahead = c.text[c.next_start:c.next_start + BRACKET_REACH]
    close = min((i for i in (ahead.find(")"), ahead.find("]")) if i >= 0), default=-1)
    if close < 0:
        return None
    reopen = [i for i in (ahead.find("("), ahead.find("[")) if i >= 0]
    if reopen and min(reopen) < close:
        return None
    return JOIN


def speaker_after_quote(c: Candidate) -> Decision | None:
    """A quotation ending in "!" or "?" followed by its speaker and a verb of saying.

    "“We won!” Hammel added." is one sentence; "“We won!” The crowd cheered." is two,
    as a word that usually opens a sentence is taken for the start of one.
    """
    if not any(ch in _QUOTES for ch in c.closers) or c.terminal == ".":
        return None
    if not c.next_is_upper or c.next_is_starter:
        return None
    words = _WORDS.findall(c.right)[1:4]
    if any(word.lower() in c.profile.speech_verbs for word in words):
        return JOIN
    return None


def strong_end(c: Candidate) -> Decision | None:
    """A question or exclamation mark, an ellipsis, or a period before a closing quote.

    Lower-case continuations were joined already, so these end the sentence: "Калі? Ці
    гатовыя?!", "Мы ждали… И дождались.", "\"We are ready.\" The minister left."
    """
    if c.terminal != "." or c.closers:
        return SPLIT
    return None


# ---- numbers -----------------------------------------------------------------------------


def list_item(c: Candidate) -> Decision | None:
    """A list number alone is not a sentence: "1. Первое", "2.1. Итоги", "IV. Выводы"."""
    if c.start - c.sentence_start <= 16 and _LIST_BUFFER.fullmatch(c.buffer):
        return JOIN
    return None


def section_number(c: Candidate) -> Decision | None:
    """A dotted section number after its label: "согласно п. 3.2. Положения"."""
    if not c.left[-1:].isdigit():
        return None
    match = _SECTION.search(c.left[-24:])
    if match and match.group(1).lower().rstrip(".") in c.profile.section_words:
        return JOIN
    return None


# ---- abbreviations and initials ----------------------------------------------------------


def known_chain(c: Candidate) -> Decision | None:
    """A listed abbreviation with inner dots or a leading word: т.е., U.S., г.зн., и др."""
    prefix, parts = c.chain
    for i in range(len(parts)):
        kind = c.lookup(parts[i:], prefix) if i == 0 and prefix else None
        if kind is None and len(parts) - i >= 2:
            kind = c.lookup(parts[i:])
        if kind is not None:
            return c.decide_kind(kind, parts[-1])
    return None


def initials(c: Candidate) -> Decision | None:
    """An initial before a surname: "А. Г. Лукашенко", "J.R.R. Tolkien", "Дж. Байден".

    A word that usually opens a sentence after it means the initial (or letter) closed
    the sentence: "…World War I. The…", "Лукашенко А.Г. В ходе встречи…".
    """
    if c.terminal != "." or c.closers:
        return None
    word = c.left_word
    if not word:
        return None
    single = len(word) == 1 and word.isupper()
    if not single and not (word[0].isupper() and word.lower() in c.profile.initials):
        return None
    return SPLIT if c.next_is_starter else JOIN


def known_abbreviation(c: Candidate) -> Decision | None:
    """A listed one-word abbreviation: ул., г., Mr., etc."""
    _, parts = c.chain
    if not parts:
        return None
    kind = c.lookup(parts[-1:])
    if kind is None:
        return None
    return c.decide_kind(kind, parts[-1])


RULES: tuple[Rule, ...] = (
    blank_line,
    line_start,
    nothing_before,
    omission,
    lowercase_next,
    punctuation_next,
    inside_brackets,
    speaker_after_quote,
    strong_end,
    list_item,
    section_number,
    known_chain,
    initials,
    known_abbreviation,
)

PROFILES: dict[str, Profile] = {lang: _profile(lang) for lang in ("ru", "be", "en")}
GENERIC = _profile("")


@dataclass(frozen=True)
class Boundary:
    """One candidate boundary, what was decided there, and by which rule."""

    offset: int  # where the sentence would end (after terminal punctuation)
    decision: Decision
    rule: str  # "default" when no rule decided
    context: str


def _decide(c: Candidate) -> tuple[Decision, str]:
    for rule in RULES:
        decision = rule(c)
        if decision is not None:
            return decision, rule.__name__
    return SPLIT, "default"


def _boundaries(text: str, lang: str) -> list[tuple[Candidate, Decision, str]]:
    profile = PROFILES.get(lang.lower(), GENERIC)
    sentence_start = scanned = 0
    # Facts about the sentence so far, kept up to date piece by piece so that no rule
    # rescans it: a long unsplit stretch would otherwise cost quadratic time.
    has_words, depth = False, 0
    found = []
    for match in _CANDIDATE.finditer(text):
        if match.group("nl") is not None:
            start = term_end = end = match.start()
        else:
            start, term_end, end = match.start(), match.end("term"), match.end("close")
        has_words = has_words or bool(_ALNUM.search(text, scanned, start))
        depth += sum(text.count(ch, scanned, end) for ch in "([")
        depth -= sum(text.count(ch, scanned, end) for ch in ")]")
        scanned = end
        candidate = Candidate(
            text, sentence_start, start, term_end, end, match.end(), profile,
            has_words, depth,
        )
        decision, rule = _decide(candidate)
        found.append((candidate, decision, rule))
        if decision is SPLIT:
            sentence_start = scanned = match.end()
            has_words, depth = False, 0
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans `(start, end)` of `text`, in order, trimmed, never empty.

    `lang` is an ISO 639-1 code; "ru", "be" and "en" get their abbreviations and initials,
    any other code the generic, punctuation-only profile.
    """
    spans = []
    start = 0
    for candidate, decision, _ in _boundaries(text, lang):
        if decision is SPLIT:
            span = _trimmed(text, start, candidate.end)
            if span:
                spans.append(span)
            start = candidate.next_start
    span = _trimmed(text, start, len(text))
    if span:
        spans.append(span)
    return spans


def explain_splits(text: str, lang: str) -> list[Boundary]:
    """Every candidate boundary with the decision and the rule that made it (debugging)."""
    return [
        Boundary(
            offset=c.end,
            decision=decision,
            rule=rule,
            context=f"{text[max(0, c.end - 20):c.end]}|{text[c.next_start:c.next_start + 20]}",
        )
        for c, decision, rule in _boundaries(text, lang)
    ]
