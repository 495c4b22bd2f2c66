"""Function words of Russian, Belarusian and English: prepositions, conjunctions, particles,
pronouns, auxiliaries and articles, case-folded with ё as е.

Two users: term extraction, where a candidate term neither starts nor ends with one, and the
glossary's missing-term check, which compares the content words of a rendering with a
glossary term. The lists are short on purpose: a word that is sometimes a term (Russian
"мир", English "state") is not here.
"""

from __future__ import annotations

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "ru": frozenset("""
        а без более бы был была были было быть в вам вас весь во вот все всего всех вы где
        да даже для до его ее ей ему если есть еще же за и из или им их к как ко когда кто
        ли либо между меня мне мной мы на над нам нас наш не него нее ней нет ни них но ну
        о об однако он она они оно от очень по под при про с со так также такой там те
        тем то того тоже той только том ту тут у уже чем что чтобы эта эти это этого этой
        этом этот я свой своей свою своих своим который которая которое которые которых
        котором которой которого
    """.split()),
    "be": frozenset("""
        а аб адно без бы быў была былі было быць в вам вас ваш вось ва ўсе ўсё ўсіх вы дзе
        для да і ці з за іх к калі каб хто мне мы на над нам нас наш не ні але аднак ён яна
        яны яно ад вельмі па пад пры пра са так таксама там тая тое той толькі тут у ўжо чым
        што я свой свая сваё сваіх які якая якое якія якіх якім
    """.split()),
    "en": frozenset("""
        a an the and or but nor if then than as at by for from in into of off on onto out
        over to up upon with within without about after against along among around before
        behind below beneath beside between beyond during except inside near since through
        throughout till toward towards under until via i me my we us our you your he him his
        she her it its they them their this that these those who whom whose which what is
        are was were be been being am do does did have has had having will would shall
        should can could may might must not no so too very also just only 's '
    """.split()),
}


def is_function_word(word: str, lang: str) -> bool:
    """Whether a case-folded word is a function word of `lang` (False for other languages)."""
    return word in FUNCTION_WORDS.get(lang, frozenset())
