"""How moderation reads a response's words: one normalised form shared by the cue rules,
the classifier's features and its training, so that they cannot drift apart.

Normalising undoes what people type to slip past filters or out of haste ("u r", "k y s",
"f*ck", "soooo") and spells out contractions, so that "you're a creep" and "ur a creep"
are one reading.

Expletives are then taken out of the reading altogether. Anger at what was done is welcome
here, profanity included, and a word like "fucking" says how strongly someone feels, not
whom they attack. A response whose only offence is profanity reads exactly as it would
without it, so no rule and no weight can hold it for that.
"""

from __future__ import annotations

import re

EXPLETIVES = frozenset(
    [
        "fuck",
        "fucks",
        "fucking",
        "fuckin",
        "fucked",
        "motherfucking",
        "motherfucker's",
        "shit",
        "shitty",
        "bullshit",
        "damn",
        "damned",
        "dammit",
        "goddamn",
        "goddamned",
        "goddam",
        "hell",
        "crap",
        "crappy",
        "bloody",
        "wtf",
        "ffs",
        "omfg",
        "omg",
        "jesus",
        "christ",
        "piss",
        "pissed",
        "pissing",
        "frigging",
        "freaking",
        "effing",
        "sodding",
    ]
)

# The words by which a response speaks to someone: a sentence without them is not read on
# its own for harm (classifier.decide_parts says why).
ADDRESSED = frozenset({"you", "your", "yourself", "yours"})

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})
_SPACED_LETTERS = re.compile(r"\b(?:[a-z][ .\-]){2,}[a-z]\b")  # "k y s", "k.y.s"
_MASKED = [  # asterisks and misspellings that stand for the same word
    (re.compile(r"\bf[\*@#u]?[\*@#]?c?k(ing|in|ed|er)?\b"), r"fuck\1"),
    (re.compile(r"\bf[u\*]{1,2}k(ing|in|ed)?\b"), r"fuck\1"),
    (re.compile(r"\bsh[\*1!]t(ty)?\b"), r"shit\1"),
    (re.compile(r"\bk[\W_]*y[\W_]*s\b"), "kys"),
    (re.compile(r"\bkill (?:ur|yo) ?self\b|\bkill urself\b"), "kill yourself"),
    (re.compile(r"\bpiece of (?:shit|crap|garbage|trash|filth)\b"), "pieceofshit"),
    (re.compile(r"\bsack of (?:shit|crap)\b"), "sackofshit"),
    (re.compile(r"\bwaste of (?:space|oxygen|skin|air|a human|breath)\b"), "wasteofspace"),
]
_CONTRACTIONS = [
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bain't\b"), "is not"),
    (re.compile(r"\blet's\b"), "let us"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"\bi'm\b"), "i am"),
    (
        re.compile(
            r"\b(it|that|he|she|what|who|there|here|this|where|everyone|someone|"
            r"somebody|nobody|time|one)'s\b"
        ),
        r"\1 is",
    ),
]
_SLANG = {
    "u": "you",
    "ur": "your",
    "youre": "you are",
    "r": "are",
    "ya": "you",
    "yu": "you",
    "im": "i am",
    "ill": "i will",
    "dont": "do not",
    "cant": "can not",
    "wont": "will not",
    "urself": "yourself",
    "ppl": "people",
    "gonna": "going to",
    "gotta": "got to",
    "wanna": "want to",
    "thats": "that is",
    "whats": "what is",
    "theres": "there is",
    "hes": "he is",
    "shes": "she is",
    "pls": "please",
    "plz": "please",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
}
_YOUR_ARE = re.compile(
    r"\byour (?=(?:a|an|such|so|the|just|nothing|literally|really|"
    r"truly|clearly|obviously)\b)"
)
_REPEATS = re.compile(r"([a-z])\1{2,}")
_WORD = re.compile(r"[a-z0-9@#][a-z0-9@#_'\-]*|[?!]")


def normalise(text: str) -> str:
    """Lower case, disguises and contractions undone, expletives kept (see `words`)."""
    low = text.translate(_APOSTROPHES).lower()
    low = _SPACED_LETTERS.sub(lambda m: re.sub(r"[ .\-]", "", m.group(0)), low)
    low = _REPEATS.sub(r"\1\1", low)
    for pattern, repl in _MASKED:
        low = pattern.sub(repl, low)
    for pattern, repl in _CONTRACTIONS:
        low = pattern.sub(repl, low)
    low = " ".join(_SLANG.get(w, w) for w in low.split())
    # "your a creep" is "you are a creep" typed in haste.
    return _YOUR_ARE.sub("you are ", low)


def words(text: str) -> list[str]:
    """The response's words as moderation reads them: normalised, expletives left out."""
    return [
        w.strip("'-")
        for w in _WORD.findall(normalise(text))
        if w.strip("'-") and w.strip("'-") not in EXPLETIVES
    ]


def reading(text: str) -> str:
    """The words joined again: what the cue rules match against."""
    return " ".join(words(text))


_TOKEN = re.compile(r"[A-Za-z*@#!1'’]+")
_COMPOUND = re.compile(r"\b(piece|sack) of (?:shit|crap)\b", re.IGNORECASE)


def without_expletives(text: str) -> str:
    """The text as written, with its expletives taken out: what the coach and the
    sentence encoder read, so that profanity cannot move them either. Name-calling built
    on an expletive ("piece of shit") is kept as name-calling."""
    text = _COMPOUND.sub(r"\1 of trash", text)

    def keep(m: re.Match[str]) -> str:
        word = m.group(0)
        core = word.strip("!'’")
        return "" if core and normalise(core) in EXPLETIVES else word

    out = re.sub(r"[ \t]+([.,!?;:])", r"\1", _TOKEN.sub(keep, text))
    return re.sub(r"^[\s.,!?;:]+", "", re.sub(r"[ \t]{2,}", " ", out)).strip()
