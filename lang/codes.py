"""ISO 639-1 language codes: which ones exist, and checking what a user typed."""

from __future__ import annotations

from core.errors import TransdeskError

# All 183 ISO 639-1 codes. A code outside this set is a typo or a name ("russian"), not a
# language we merely lack rules for; those get the generic profile instead.
ISO_639_1: frozenset[str] = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
    la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
    oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss
    st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
    za zh zu
    """.split()
)

# Languages with full knowledge (rules, lemmas or stems, transliteration).
FULL: tuple[str, ...] = ("ru", "be", "en")


def base_lang(code: str) -> str:
    """A language tag's language alone, lower case: "en-GB", "en_GB", "EN" -> "en"."""
    return code.strip().lower().replace("_", "-").split("-")[0]


def check_code(code: str) -> str:
    """Return the normalised ISO 639-1 code, or raise a user error for an unknown one."""
    norm = base_lang(code)
    if norm not in ISO_639_1:
        raise TransdeskError(
            f"unknown language code {code!r}: use an ISO 639-1 code such as ru, be or en"
        )
    return norm
