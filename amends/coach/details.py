"""Identifying details in one paragraph: Presidio's findings plus our own rules.

Everything here works on a single paragraph's parsed `Doc` and returns offsets relative to
that paragraph, so results can be cached per paragraph. Decisions that need the whole
draft (placeholders, repeated names, whose detail it is) are taken in `engine.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from amends.coach import lexicon as lx
from amends.coach.nlp import PRESIDIO_KINDS, known_word, lemma


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str
    source: str  # which rule found it; "initial" candidates may be placeholders
    hint: str = ""  # a grammatical hint for "whose" ("author", "third", "")


_YEAR = re.compile(
    r"(?<![\d£$€.,:])(?:19[5-9]\d|20[0-4]\d)(?:[-–/]\d\d)?(?![\d%]|\s*(?:pounds|quid|dollars))"
    r"|\boh[- ](?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b"
    r"|\btwo thousand(?: and)? (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b"
    r"|(?<=\s)'\d\d\b",
    re.IGNORECASE,
)
_LAST_TIME = re.compile(
    r"\blast (?:year's |years )?(?:"
    + "|".join(sorted(lx.SEASONS | lx.HOLIDAYS | lx.MONTHS - {"may", "march", "mar"}))
    # "last march" may be a walk; "last March" is the month.
    + r"|(?-i:March|May))\b(?: (?:eve|day|night|do|party|week))?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPELLED_EMAIL = re.compile(
    r"\b[\w.]+(?: dot \w+)* (?:at|\[at\]) \w+(?: dot (?:com|net|org|co|uk|edu|ie|io))+\b"
    r"|\b[a-z]+\w*\d+\w* at (?:hotmail|gmail|yahoo|outlook|icloud|aol|proton\w*)\b",
    re.IGNORECASE,
)
_URL = re.compile(
    r"\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|co\.uk|org|net|io|me|ly|tv|gg)/[\w./?=&%-]+",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_TAGGED = re.compile(r"\b[A-Za-z][\w.]*#\d{3,5}\b")
_DOTTED = re.compile(
    r"(?<![\w@./])[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+_?(?![\w@]|\.\w)"
    r"|(?<![\w@./])[A-Za-z][A-Za-z0-9]*_(?![\w@])"
)
_PHONE = re.compile(r"(?<!\d)(?:\+\d{1,3}[ -]?)?\(?0?\d{2,4}\)?[ -]?\d{3}[ -]?\d{3,4}(?!\d)")
_INITIALS = re.compile(r"\b(?:[A-Z]\.){1,3}(?=[\s,;:!?)\"”'’]|$)|\b[A-Z]{2}\b")
_LOWER_STREET = re.compile(
    r"\b([a-z][a-z']+) (?:st|street|rd|road|lane|ave|avenue)\b"
    r"|\b(?:from|at|in|to) ([a-z][a-z']+ (?:halls?|estate|park))\b"
)
_AGE_RANGE = re.compile(
    r"\bin (?:his|her|my|their|your) (?:(?:early|mid|late)[- ])?"
    r"(?:teens|twenties|thirties|forties|fifties|sixties|seventies|20s|30s|40s|50s|60s)\b",
    re.IGNORECASE,
)
_NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|[1-9]\d)"
)
_AGE_AFTER_BE = re.compile(
    r"\b(?:i|i'm|im|she|he|shes|hes|she's|he's|she'd|he'd|you|we|they|who|[A-Z][a-z]+)"
    r"(?: (?:was|is|were|am|are|had|has))?(?: (?:only|just|both|barely|nearly|almost|still))*"
    r"(?: (?:turned|turning|aged))? (" + _NUM_WORD + r")\b(?![- ](?:years?|minutes?|hours?|"
    r"days?|weeks?|months?|times?|seconds?|messages|people|of|pints|percent|%|am|pm|o'clock|"
    r"quid|pounds|stone|miles|[a-z]+s\b))",
    re.IGNORECASE,
)
# "she was then 24", "who was maybe twenty-five", "a third-year and twenty-one": an age
# hedged or added on, whoever the subject is, as long as no unit follows the number.
_AGE_UNITS = (
    r"(?!\+?[- ](?:years? (?:ago|later|before|after|earlier|on)|minutes?|hours?|days?|"
    r"weeks?|months?|times?|seconds?|messages|people|of|pints|percent|%|am|pm|"
    r"o'clock|quid|pounds|euros|dollars|stone|miles|km|[a-z]+s\b)|[:.]\d)"
)
_NOT_A_QUANTITY = re.compile(_AGE_UNITS)


def age_may_end(text: str, end: int) -> bool:
    """Whether a number ending at `end` may be an age: not when a unit follows it
    ("20 minutes", "3 pints", "ten years ago")."""
    return _NOT_A_QUANTITY.match(text, end) is not None


_AGE_LOOSE = re.compile(
    r"(?<!there )(?<!There )(?<!we )(?<!We )(?<!they )(?<!They )"
    r"\b(?:was|is|were|turned|turning|been)(?: (?:then|maybe|about|around|roughly|probably|"
    r"already|only|just|barely|nearly|almost|still|like|not yet|at most|at least))* ("
    + _NUM_WORD
    + r")\b"
    + _AGE_UNITS
    + r"(?=[.,;!?)]|$| and\b| when\b| at the\b| then\b| or so\b| back\b)"
    + r"|\b(?:was|is|were) (?:a|an) [a-z-]+ (?:[a-z-]+ )?and ("
    + _NUM_WORD
    + r")(?=[.,;!?]|$)"
    # "she'd come to us at 19", "joined at seventeen", "since the age of eighteen"
    + r"|\b(?:at|aged|the age of) ("
    + _NUM_WORD
    + r")\b"
    + _AGE_UNITS
    + r"(?=[.,;!?)]|$| and\b| when\b| for\b| i\b| she\b| he\b)",
    re.IGNORECASE,
)
# "Ellie was a novice, a fresher, eighteen.", "a woman of 24", "who's about twenty-two".
_AGE_APPOSED = re.compile(
    r"(?<=[A-Za-z], )(" + _NUM_WORD + r")(?=[.;!?)]|,|$| and\b| on\b| with\b| at the\b)"
    r"|\b(?:adult|woman|man|girl|boy|student|lad|lass) of ("
    + _NUM_WORD
    + r")\b"
    + _AGE_UNITS
    + r"|\b(?:who's|who is|she's|he's) (?:about |around |maybe |only |just )?("
    + _NUM_WORD
    + r")\b"
    + _AGE_UNITS,
    re.IGNORECASE,
)
# "back in year 11": a school year is an age.
_SCHOOL_YEAR = re.compile(r"\byear (?:[1-9]|1[0-3])\b(?!\d)", re.IGNORECASE)
# "november last year", "last march": a month pinned to a year.
_MONTH_LAST_YEAR = re.compile(
    r"\b(?:" + "|".join(sorted(lx.MONTHS | lx.SEASONS)) + r") (?:last|this) year\b"
    r"|\blast (?:march|may)\b(?! be| have| i| she| he| we| you)",
    re.IGNORECASE,
)
_AGE_WORDS = re.compile(
    r"\b(?:a |an )?"
    + _NUM_WORD
    + r"[- ]year[- ]old\b|\b"
    + _NUM_WORD
    + r" years (?:old|of age)\b|\baged? "
    + _NUM_WORD
    + r"\b|(?<=[A-Za-z], )[1-9]\d(?=[,.\"”)]|\s*$)",
    re.IGNORECASE,
)
_NICKNAME = re.compile(
    r"\b(?:call(?:ed|s|ing)?|nicknamed|known as|name(?:d)?) (?:her|him|me|them|us)?,? ?"
    r"[\"“']([^\"”'.,]{2,30})[\"”']",
    re.IGNORECASE,
)
_JUST_HAD = re.compile(
    r"\b(?:she|he|they)(?:'d| had| has|'s) (?:just|not long|only just|recently) [^.,;]{3,80}"
    r"|\bhad (?:just|only just|recently) (?:started|begun|moved|come|got|lost|finished|joined|"
    r"returned|had)\b[^.,;]{0,60}",
    re.IGNORECASE,
)
_ORDINAL_DAY = re.compile(
    r"\b(?:the (?:night|day|weekend|party|week) (?:of|before|after) )?(?:her|his|their|my) "
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty)-first|eighteenth|sixteenth|"
    r"twenty-first|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|"
    r"\d\d?(?:st|th|nd|rd))\b(?! (?:time|week|month|year|day|job|date|rotation|term))"
    r"|\b(?:hen|stag) (?:do|party|night)\b",
    re.IGNORECASE,
)
_THE_ONLY = re.compile(
    r"\bthe only (?!(?:thing|things|time|way|reason|option|choice|one of us|two of us|"
    r"person who|people who|explanation|excuse|courage|bravery|life|place|community|home|power|chance|hope|"
    r"good|real|proper|other|one (?:to blame|responsible|at fault|(?:he|she|they|i|we) "
    r"(?:had|knew|have)|who (?:saw|knew|noticed|heard)))\b)[^.,;:!?]{3,90}"
    r"|\bonly (?:(?:\w+[- ]){0,2})(?:woman|man|girl|boy|women|men|female|male|member|one)"
    r" (?:on|in|at|of (?!us\b)|who)\b[^.,;:!?]{0,70}"
    r"|\bthe (?:last|first|youngest|oldest) (?:one )?(?:of the|member|woman|man|girl|boy|"
    r"student|player|person)\b[^.,;:!?]{0,70}",
    re.IGNORECASE,
)
_MONTH_OF_YEAR = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december) (?:of )?(?:that|the same|the following|the previous) year\b",
    re.IGNORECASE,
)
_REL_WORDS = "|".join(sorted(lx.RELATIONSHIP_NOUNS - lx.GENERIC_RELATIVES - {"friend", "mate"}))
# "my ex, lucia, ..." or "her sister, Ruth,": a name in apposition, whatever its case.
_REL_THEN_NAME = re.compile(
    r"\b(?:my|her|his|our|their) (?:\w+ )?(?:ex|" + _REL_WORDS + r")\b,? ([A-Za-z][a-z]{1,20})(?=,)"
)
# "a girl there called nadine": a name introduced as one, whatever its case.
_CALLED = re.compile(
    r"\b(?:girl|guy|woman|man|lad|lass|boy|someone|person|student|friend|"
    r"colleague)(?: there| at \w+)? (?:called|named) ([A-Za-z][a-z]{2,20})\b"
)
# "nadine im sorry": a word addressed at the start of an apology is a name.
_VOCATIVE = re.compile(r"(?:^|(?<=[.!?\n] ))([A-Za-z][a-z]{2,20}),? (?:i'?m|i am) sorry\b")
# "sorry jade," / "Sorry, Maisie.": the person an apology addresses.
_SORRY_NAME = re.compile(r"\bsorry,? ([A-Za-z][a-z]{2,20})(?=[,.!]|$| if\b| for\b| that\b)")
# "me and jas": the other half of a pair the draft is about.
_ME_AND = re.compile(
    r"\b(?:me and|between me and|myself and) ([a-z]{3,12})(?=[.,;]| was| were| had| "
    r"used| went| got)"
)
_NOT_ADDRESSEE = lx._words(
    "about for to that but if everyone anyone again though guys folks mate "
    "too not so all everybody enough now then here there indeed really"
)
_NOT_PARTNER = lx._words(
    "her him them everyone everything friends people work home mine yours "
    "ours hers his theirs myself yourself herself himself"
)
# "studying marine biology", "a law student": a course of study narrows a student down.
_STUDYING = re.compile(r"\b(?:studying|doing a (?:degree|masters|phd) in) [a-z]+(?: [a-z]+)?\b")
_MEMBER_OF = re.compile(
    r"\b(?:a|the) (?:\w+ )?member of (?:our|the|my|his|her|their) "
    r"[\w' -]{3,40}?(?=[,.;:]| who| and| at| in)",
    re.IGNORECASE,
)
_SAINT = re.compile(r"\b(?:st|saint)\.? [a-z]+(?:'s|s)\b")
_RECOVERING = re.compile(
    r"\brecovering from (?:a|an|her|his|the) [a-z]+(?: [a-z]+)?\b", re.IGNORECASE
)
# "her first festival", "in his first term": a first time that singles someone out.
_FIRST_TIME = re.compile(
    r"\b(?:her|his) (?:first|second|third) (?:(?:proper|real|ever|full-time|"
    r"paid|big|solo) )?(?:[a-z]+ )?(?:gig|festival|term|season|"
    r"match|race|competition|show|tour|year at|day at|week at|job|deployment|"
    r"posting|placement|album|contract|trip with|summer (?:working|at|in)|"
    r"time at|time away)\b[^.,;]{0,30}",
    re.IGNORECASE,
)
# "my cousin gethin", "her older sister", "our flatmates": a relation who can be named by
# anyone who knows the author, read from the words (the parse often hangs the owner on
# the name that follows). Friends and mates count only when singled out ("my best mate").
_REL_SPECIFIC = "|".join(
    sorted(
        (
            re.escape(w)
            for w in lx.RELATIONSHIP_NOUNS
            - {"friend", "mate", "bestie", "parent", "babysitter", "tenant", "landlord"}
        ),
        key=len,
        reverse=True,
    )
)
_OWNED_RELATION = re.compile(
    r"\b(?:my|her|his|our|their)(?: (?:older|younger|big|little|baby|new|late|ex|other|"
    r"former|step|twin|eldest|youngest|oldest|own|favourite|favorite|then|current))*[ -]"
    r"(?:(?:" + _REL_SPECIFIC + r")s?|(?:best|closest|oldest) (?:friend|mate|pal)s?)\b",
    re.IGNORECASE,
)
_THE_ONE = re.compile(
    r"\bthe (?:bride|groom|bridesmaid|best man|maid of honou?r|birthday girl|"
    r"birthday boy|head girl|head boy)\b",
    re.IGNORECASE,
)
# "her master's in public health", "in the middle of her dissertation": a course of study
# or a personal event that fits one person.
_HER_STUDIES = re.compile(
    r"\b(?:her|his) (?:[a-z]+ )?(?:master'?s|masters|phd|doctorate|dissertation|thesis|"
    r"apprenticeship|residency|nursing exams|finals|a-levels|gcses)\b(?: (?:in|on) [a-z ]{3,30}?"
    r"(?=[.,;]|$| and| but| when| while))?",
    re.IGNORECASE,
)
_HER_ILLNESS = re.compile(
    r"\b(?:her|his)(?: [a-z]+'s)? (?:illness|cancer|diagnosis|miscarriage|pregnancy|surgery|"
    r"operation|chemo|treatment|breakdown|accident|stroke)\b",
    re.IGNORECASE,
)
# Age-group teams ("u14 netball", "the under-16s") narrow a child down.
_AGE_GROUP = re.compile(r"\b(?:u|under[- ]?)1?\d(?:s\b|\b)(?: [a-z]+)?", re.IGNORECASE)
# "her mother had recently passed away": a bereavement singles a person out.
_BEREAVED = re.compile(
    r"\b(?:her|his) (?:mother|father|mum|mom|dad|brother|sister|grandmother|grandfather|gran|nan|"
    r"husband|wife|partner|best friend|son|daughter) (?:had )?(?:recently |just )?(?:passed away|died|"
    r"passed)\b|\b(?:she|he)(?:'d| had)? (?:recently |just )?lost (?:her|his) (?:mother|father|mum|mom|"
    r"dad|brother|sister|husband|wife|partner|baby|son|daughter)\b",
    re.IGNORECASE,
)
# "one of the teenagers in our Friday group": a member of a named group.
_ONE_OF_GROUP = re.compile(
    r"\bone of (?:the|our|my) (?:\w+ )?(?:teenagers|girls|boys|kids|students|players|members|volunteers|"
    r"dancers|singers|pupils|trainees|interns|staff|women|men) (?:in|on|at|from) (?:our|my|the) "
    r"[\w' -]{3,30}?(?=[,.;]| who| and|$)",
    re.IGNORECASE,
)
_PAPER = re.compile(
    r"\b(?:in the (?:paper|papers|news|local paper)|on (?:the news|tv|telly)"
    r"|went viral|dressed (?:up )?as)\b",
    re.IGNORECASE,
)

_CONTACTISH = re.compile(r"@|#\d|\w[._]\w|\w_|\bdot\b|\bat (?:hotmail|gmail|yahoo|outlook|icloud)")
_NUMBERISH = re.compile(
    r"\d|teen|twent|thirt|fort|fift|sixt|sevent|eight|ninet|\bten\b|eleven|"
    r"twelve|\boh[- ]|thousand|early|mid|late",
    re.IGNORECASE,
)
_AGE_SUBJECTS = {
    "who",
    "i",
    "i'm",
    "im",
    "she",
    "he",
    "shes",
    "hes",
    "she's",
    "he's",
    "she'd",
    "he'd",
    "you",
    "we",
    "they",
}
_PERSON_NOUNS = lx._words("lad girl guy boy woman man kid bloke")
# Words that put a month in time rather than make it a name ("since May", "last June").
_BEFORE_A_TIME = lx._words("in last since until till this next early late mid by during of from")
# The heads that "the only ..." singles a person out with.
_ONLY_PEOPLE = (
    _PERSON_NOUNS
    | lx.ROLE_NOUNS
    | lx.VAGUE_ROLES
    | lx.RELATIONSHIP_NOUNS
    | lx._words("one person member women men girls boys")
)
# The tagger often calls a lower-case name an adjective or adverb; never a verb or pronoun.
_NOT_NAME_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "PUNCT", "NUM"}
# Adjectives that judge a worker rather than narrow down the post ("a good driver").
_EVALUATIVE = lx._words(
    "good bad great better best worse worst terrible excellent decent nice "
    "lovely brilliant poor awful amazing fine real proper actual"
)
_BASE_TAGS = {"NN", "NNP", "VB", "VBP"}
_POSSESSIVE = {"my", "her", "his", "our", "their", "your"}
_THIRD = {"she", "he", "her", "him", "his", "hers"}
_TIME_NOUNS = lx._words(
    "time times week weeks month months year years day days night nights "
    "evening morning afternoon weekend thing things way reason part point "
    "option choice excuse explanation"
)
_HABIT_VERBS = lx._words(
    "play sing sell bake make run draw paint write coach teach own dance "
    "row stream host design photograph knit sew brew cut"
)


def _lower(tok: Any) -> str:
    return str(tok.lower_).replace("’", "'")


def _is_capitalised(tok: Any) -> bool:
    text: str = tok.text
    return (bool(text[:1].isupper()) and not text.isupper()) or (len(text) > 4 and text.isupper())


def presidio_candidates(results: Iterable[Any], doc: Any) -> list[Candidate]:
    text: str = doc.text
    out = []
    for res in results:
        kind = PRESIDIO_KINDS.get(res.entity_type)
        if kind is None:
            continue
        end = res.end
        if kind == "name":
            # The model sometimes runs a name on into where she was ("Maria at Fernhill"):
            # the name ends before the preposition (the place is found on its own).
            cut = _NAME_RUNS_ON.search(text, res.start, res.end)
            if cut:
                end = cut.start()
        span = text[res.start : end]
        low = span.lower().strip()
        words = low.replace("’", "'").split()
        if kind == "date" and not (_YEAR.search(span) or _LAST_TIME.search(span)):
            continue  # "one evening", "that winter": vague times identify no one
        if kind in {"name", "organisation", "place"}:
            if not words or all(
                w.strip(".,'") in lx.NOT_NAMES or w in lx.PROPER_STOP for w in words
            ):
                continue
            if low in lx.COUNTRIES or low.removeprefix("the ") in lx.COUNTRIES:
                continue
            if not any(c.isupper() for c in span) and words[0] not in lx.FIRST_NAMES:
                continue
            if len(words) == 1 and (
                words[0] in lx.MONTHS | lx.HOLIDAYS
                or (words[0] in lx.SEASONS and not span[:1].isupper())
            ):
                continue
            toks = doc.char_span(res.start, end, alignment_mode="expand")
            if (
                toks is not None
                and all(t.tag_ in {"NN", "NNS", "VBZ", "RB", "JJ"} for t in toks)
                and (words[0] not in lx.FIRST_NAMES)
            ):
                continue  # the model's guess on a common noun ("Kitchens run on ...")
            if len(span.strip(".")) <= 2 and "." not in span:
                continue  # a lone capital ("a C for it") is a grade or a label, not a name
            if words[-1].endswith("s") and words[-1][:-1] in lx.NOT_NAMES | lx.HOLIDAYS:
                continue  # "Thursdays", "Christmases"
        out.append(Candidate(res.start, end, kind, "presidio"))
    return out


_NAME_RUNS_ON = re.compile(r" (?:at|in|from|on|with|for|to|near) (?=[A-Z])")


# Titles that, with only "a" in front, describe rather than narrow ("a student").
_LOOSE_ROLES = lx._words(
    "student pupil volunteer worker graduate staffer musician dancer "
    "actor actress soldier driver cleaner owner tenant boss superior "
    "subordinate employee agent leader member undergraduate teacher "
    "nurse doctor lawyer engineer developer designer researcher "
    "scientist technician photographer cook waiter waitress carer "
    "mentor coach tutor trainer instructor adviser advisor"
)


# A title someone held, read from the words around it rather than the parse (which
# often tags a title without an article as a verb): "I was captain", "she was an usher",
# "made vice-captain", "as crew commander".
_SPECIFIC_ROLES = "|".join(
    sorted(
        (re.escape(w) for w in lx.ROLE_NOUNS - lx.VAGUE_ROLES - _LOOSE_ROLES), key=len, reverse=True
    )
)
_ROLE_TAKEN = re.compile(
    r"\b(?:(?:i|she|he|they|who)(?:'s|'m| was| is| were| am| had been| became| worked as| "
    r"started as| joined as)|as|made|became|appointed|elected|to be) ((?:(?:the|a|an|our|their|her|"
    r"his|my|club|team|band|crew|head|assistant|deputy|vice|junior|senior|new) )*"
    r"(?:" + _SPECIFIC_ROLES + r"))\b(?!-)",
    re.IGNORECASE,
)


_NOT_PEOPLE = {"it", "that", "this", "there", "what", "which", "time", "score", "total"}
# Positions named by the part played or the post held rather than a job title: "she was
# on keys", "who sings alto", "our bass player", "the ward sister", "an equity partner".
_POSITION = re.compile(
    r"\b(?:sings?|sang|singing|plays?|played|playing|on) (?:first |second |lead |rhythm )?"
    r"(?:tenor|alto|soprano|bass|baritone|keys|keyboards?|drums|bass guitar|lead guitar|"
    r"rhythm guitar|violin|cello|viola|flute|sax|saxophone|trumpet|trombone|clarinet|oboe|"
    r"piano|organ|harp|percussion)\b"
    r"|\b(?:our|the|my|her|his|their|a|an) (?:bass|lead|rhythm|keyboard|keys|drum|sax|"
    r"trumpet|violin|cello|viola|flute|oboe|clarinet|piano) (?:player|guitarist|singer)\b"
    r"|\b(?:ward|charge|night|day|shift|duty|floor|line|team|store|site|crew|watch|house|"
    r"stage|sound|lighting|guild|raid|band|club|choir|squad|kitchen|bar|wine|section|"
    r"platoon|social|events|welfare|equity|managing|salaried|senior|junior) "
    r"(?:sister|manager|leader|lead|chief|guy|girl|tech|supervisor|engineer|captain|master|"
    r"commander|partner|sec|secretary|officer|rep|coordinator)\b"
    r"|\b(?:a |in )(?:first|second|third|fourth|final)[- ]year\b(?! of)"
    r"|\ba (?:junior|senior|sophomore|freshman|fresher)\b(?! (?:to|than|member|role|post|"
    r"position|staff|colleague|doctor|manager))",
    re.IGNORECASE,
)
# A post described by what the holder did: "I directed the spring production", "she ran
# the waterfront", "I coached the juniors", "I work as groundworker".
_POST_HELD = re.compile(
    r"\b(?:i|she|he)(?: had| have| also)? (?:directed|coached|led|ran|managed|taught|chaired|"
    r"captained|organised|organized|hosted|presented|produced|edited|supervised|conducted)"
    r"(?: (?:most|all|some) of)? (?:the|our) (?!(?:bath|shower|tap|risk|errands?|marathon|"
    r"race|car|engine|numbers|show\b|way|conversation|meeting|place)\b)[a-z' -]{3,40}?(?=[.,;!?]|$| at\b| for\b| in\b|"
    r" on\b| and\b| from\b| until\b)"
    r"|\b(?:work|works|worked|working) as (?:a |an |the )?[a-z-]{3,20}(?: [a-z-]{3,20})?"
    r"(?=[.,;!?]|$| at\b| for\b| in\b| on\b| and\b)"
    r"|\b(?:was|as|be|am) (?:the )?best man\b",
    re.IGNORECASE,
)
# "the room across from mine", "two tents down", "the youngest in the cast", "the
# department's Christmas dinner": where someone was, or what they were, among few.
_SINGLED_OUT = re.compile(
    r"\b(?:the )?(?:room|cabin|tent|flat|desk|bunk|locker|house|door|office|seat|bed)s? "
    r"(?:next to|across from|opposite|beside|down from|above|below) (?:mine|hers|his|me|her|him|"
    r"ours|ours)\b"
    r"|\b(?:two|three|four|a few|a couple of) (?:doors|tents|rooms|floors|desks|houses|flats) "
    r"(?:down|up|along|away)\b"
    r"|\bthe (?:youngest|oldest|newest|only [a-z]+)(?: [a-z]+)? (?:in|on|of) (?:the|our|her|his|"
    r"my|their) [a-z]+\b"
    r"|\b(?:the|our) (?:[a-z]+(?:'s)? ){0,2}(?:christmas|xmas|halloween|end[- ]of[- ](?:year|"
    r"season)|leaving|annual|[a-z]+-year) (?:party|do|dinner|social|formal|ball|meal|barbecue|"
    r"bbq|reunion|retreat|gala)\b"
    r"|\bthe (?:summer|winter|spring|autumn|initiation|freshers'?|welcome|leavers'?|graduation|"
    r"end-of-term|charity|awards) (?:ball|social|formal|party|dinner|do)\b"
    # Newcomers: "new to the country", "first time out of Australia", "on her gap year".
    r"|\bnew (?:to|in) (?:the )?(?:country|town|city|area|village|uk|us|team|school|church|"
    r"club|company|firm|job|unit|ward|crew)\b"
    r"|\b(?:her|his|their) first time (?:out of|away from|abroad|living|in|at)\b[^.,;]{0,25}"
    r"|\b(?:on )?(?:her|his|their) gap year\b",
    re.IGNORECASE,
)
# "she was on my course", "in our year", "on my crew": membership of a small group the
# author leads or shares.
_IN_MY_GROUP = re.compile(
    r"\b(?:was|is|were|been|and) (?:on|in) (?:my|our) (?:[a-z-]+ )?(?:course|team|crew|shift|"
    r"rota|section|squad|class|form|platoon|unit|year|tutor group|group)\b",
    re.IGNORECASE,
)
# "my drummer finn", "our best healer": an owned title, whatever the parse made of it.
_SUPPORTLESS_ROLES = "|".join(
    sorted(
        (
            re.escape(w)
            for w in lx.ROLE_NOUNS
            - lx.VAGUE_ROLES
            - lx.SUPPORT_ROLES
            - {
                "boss",
                "superior",
                "head",
                "lead",
                "chair",
                "keeper",
                "mate",
                "owner",
                "leader",
                "agent",
                "worker",
                "student",
            }
        ),
        key=len,
        reverse=True,
    )
)
_OWNED_ROLE = re.compile(
    r"\b(?:my|our|her|his|their) (?:(?:best|main|new|old|former|lead|head|only|first|"
    r"regular|usual) )?(?:" + _SUPPORTLESS_ROLES + r")\b(?!-)",
    re.IGNORECASE,
)
# "my ex lauren", "our drummer finn", "her pal kez": the name that follows an owned
# relation or title, typed without its capital.
_NAMED_AFTER = re.compile(
    r"\b(?:my|our|her|his|their) (?:[a-z-]+ )?(?:"
    + _REL_SPECIFIC
    + r"|"
    + _SUPPORTLESS_ROLES
    + r"|ex|mate|pal|friend|bestie) ([a-z]{3,14})\b"
)
# "maybe 30 years", "I have 27 years" (an age, in many learners' English).
_AGE_YEARS = re.compile(
    r"\b(?:i|she|he|was|is|maybe|about|around|had|have|has) (" + _NUM_WORD + r") years\b"
    r"(?! (?:ago|later|before|after|earlier|of|in|at|with|together|married|since|now))",
    re.IGNORECASE,
)
# "flat 4B", "room 12": a numbered home or room.
_NUMBERED_ROOM = re.compile(
    r"\b(?:flat|room|apartment|apt|unit|dorm|suite|cabin) "
    r"(?:\d{1,4}[a-z]?|[a-z]\d{1,4})\b",
    re.IGNORECASE,
)
# "my handle is xXVoltageXx", "she goes by moonvale_": the word after says who it is.
_HANDLE_NAMED = re.compile(
    r"\b(?:handle|username|user name|gamertag|tag|screen name|ign|@) (?:is|was|:)? ?"
    r"([A-Za-z0-9_.]{3,30})\b|\b(?:goes|went|going) by (?:the name )?([A-Za-z0-9_.]{3,30})",
    re.IGNORECASE,
)


def _own_support(tok: Any) -> bool:
    """'my therapist', 'a counsellor': the author's support, not a person in the story;
    'her solicitor' or 'a trainee solicitor' are."""
    if _lower(tok) not in lx.SUPPORT_ROLES:
        return False
    words = {_lower(c) for c in tok.children if c.dep_ in {"poss", "det"}}
    modified = any(c.dep_ in {"amod", "compound"} for c in tok.children)
    return bool(words & {"my", "our"}) or (bool(words & {"a", "an"}) and not modified)


_WORD = re.compile(r"[a-z][a-z'-]*")
# Every word one of the title or relation patterns needs at least one of.
_TITLE_CUES = (
    lx.ROLE_NOUNS
    | lx.RELATIONSHIP_NOUNS
    | lx._words(
        "ex pal tenor alto soprano bass baritone keys keyboard keyboards drums guitar violin "
        "cello viola flute sax saxophone trumpet trombone clarinet oboe piano organ harp "
        "percussion player guitarist singer sister manager leader lead chief guy girl tech "
        "supervisor engineer captain master commander partner sec secretary officer rep "
        "coordinator year first-year second-year third-year fourth-year final-year junior "
        "senior sophomore freshman fresher bride groom bridesmaid best maid birthday head"
    )
)


def _number_value(words: str) -> int:
    digits = re.search(r"\d+", words)
    if digits:
        return int(digits.group(0))
    return sum(
        lx.NUMBER_WORDS.get(w, 0) + lx.UNITS.get(w, 0) for w in re.findall(r"[a-z]+", words.lower())
    )


def _may_be_name(word: str) -> bool:
    """A word in a name's place is one when it is capitalised, a given name, or no word
    a dictionary knows: "sorry, paying for their therapy" addresses nobody."""
    low = word.lower()
    return (
        word[:1].isupper()
        or low in lx.FIRST_NAMES
        or low in lx.AMBIGUOUS_NAMES
        or not known_word(low)
    )


def regex_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []

    def add(m: re.Match[str], kind: str, source: str, group: int = 0) -> None:
        out.append(Candidate(m.start(group), m.end(group), kind, source))

    # Cheap gates first: most sentences hold no digit, number word or handle-like token,
    # and the regexes behind these gates are the costly ones.
    contactish = _CONTACTISH.search(text) is not None
    numberish = _NUMBERISH.search(text) is not None
    # The title and relation patterns are long alternations; most segments hold none of
    # their words, and a set lookup says so for a fraction of the cost.
    words = set(_WORD.findall(text.lower()))
    words |= {w[:-1] for w in words if w.endswith("s")}
    titled = bool(words & _TITLE_CUES)
    for m in _ROLE_TAKEN.finditer(text) if titled else ():
        if m.group(1).split()[-1].lower() not in lx.SUPPORT_ROLES:
            add(m, "role", "role", 1)
    for m in _POSITION.finditer(text) if titled else ():
        add(m, "role", "role")
    for m in _OWNED_ROLE.finditer(text) if titled else ():
        add(m, "role", "role")
    for m in _POST_HELD.finditer(text):
        add(m, "role", "role")
    for m in _SINGLED_OUT.finditer(text):
        add(m, "distinctive", "event")
    for m in _IN_MY_GROUP.finditer(text):
        add(m, "role", "role")
    for m in _AGE_APPOSED.finditer(text) if numberish else ():
        group = next(g for g in (1, 2, 3) if m.group(g))
        if 13 <= _number_value(m.group(group)) < 100:
            add(m, "age", "age", group)
    for m in _AGE_YEARS.finditer(text) if numberish else ():
        if _number_value(m.group(1)) >= 13:
            add(m, "age", "age", 1)
    for m in _NAMED_AFTER.finditer(text) if titled else ():
        word = m.group(1)
        if word in lx.FIRST_NAMES or (word not in lx.AMBIGUOUS_NAMES and not known_word(word)):
            add(m, "name", "first-name", 1)
    for m in _NUMBERED_ROOM.finditer(text) if numberish else ():
        add(m, "place", "room")
    for m in _HANDLE_NAMED.finditer(text):
        group = 1 if m.group(1) else 2
        word = m.group(group)
        if word.lower() in {"the", "a", "an", "her", "his", "my", "name"}:
            continue
        # "a week went by when": time goes by an ordinary word; a handle is typed.
        if group == 2 and word.islower() and word.isalpha() and known_word(word):
            continue
        add(m, "contact", "handle", group)
    for m in _EMAIL.finditer(text) if contactish else ():
        add(m, "contact", "email")
    for m in _SPELLED_EMAIL.finditer(text) if contactish else ():
        add(m, "contact", "email")
    for m in _URL.finditer(text) if contactish else ():
        add(m, "contact", "url")
    for m in _HANDLE.finditer(text) if contactish else ():
        if m.end() < len(text) and text[m.end() - 1] == ".":
            continue
        add(m, "contact", "handle")
    for m in _TAGGED.finditer(text) if contactish else ():
        add(m, "contact", "handle")
    for m in _DOTTED.finditer(text) if contactish else ():
        word = m.group(0)
        parts = re.split(r"[._]", word.strip("_"))
        if all(len(p) <= 1 for p in parts) or word.lower() in {"e.g", "i.e", "a.m", "p.m"}:
            continue  # initials and abbreviations, not handles
        if "_" not in word and len(parts) < 3 and not any(ch.isdigit() for ch in word):
            continue  # "Dr.Smith"-like joins and sentence typos are too common
        add(m, "contact", "handle")
    for m in _PHONE.finditer(text) if numberish else ():
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) >= 10:
            add(m, "contact", "phone")
    for m in _YEAR.finditer(text) if numberish else ():
        add(m, "date", "year")
    for m in _LAST_TIME.finditer(text):
        add(m, "date", "last")
    for m in _AGE_RANGE.finditer(text) if numberish else ():
        add(m, "age", "age")
    for m in _AGE_WORDS.finditer(text) if numberish else ():
        add(m, "age", "age")
    for m in _AGE_LOOSE.finditer(text) if numberish else ():
        group = next(g for g in (1, 2, 3) if m.group(g))
        if _number_value(m.group(group)) >= 13:  # "it was 10 when we left" is a time
            out.append(Candidate(m.start(group), m.end(group), "age", "age"))
    for m in _SCHOOL_YEAR.finditer(text) if numberish else ():
        add(m, "age", "age")
    for m in _MONTH_LAST_YEAR.finditer(text):
        add(m, "date", "last")
    for m in _AGE_AFTER_BE.finditer(text) if numberish else ():
        head = m.group(0).split()[0].lower()
        if head in _AGE_SUBJECTS or (m.group(0)[0].isupper() and head not in _NOT_PEOPLE):
            add(m, "age", "age", 1)
    for m in _LOWER_STREET.finditer(text):
        if m.group(2):
            if m.group(2).split()[0] not in lx.PROPER_STOP | {"sports", "residence", "church"}:
                add(m, "place", "street", 2)
        elif m.group(1) not in lx.PROPER_STOP | {"main", "high", "busy", "side", "back", "long"}:
            add(m, "place", "street")
    for m in _INITIALS.finditer(text):
        word = m.group(0)
        if word.rstrip(".").replace(".", "").lower() in {
            "hr",
            "ta",
            "su",
            "fa",
            "pe",
            "it",
            "uk",
            "us",
            "ok",
            "tv",
            "pc",
            "gp",
            "ai",
            "dj",
            "mc",
            "vp",
            "id",
            "ix",
            "am",
            "pm",
            "ma",
            "ba",
            "bsc",
            "a",
            "i",
            "ae",
            "nhs",
            "f1",
            "ms",
            "dr",
            "mr",
            "st",
            "no",
            "uni",
            "so",
            "ex",
        }:
            continue
        if text[max(0, m.start() - 2) : m.start()].lower() in {"a ", "n "}:
            continue  # "a C for it", "an A": a grade, not an initial
        add(m, "name", "initial")
    for m in _REL_THEN_NAME.finditer(text):
        rel_end = m.start(1)
        out.append(Candidate(m.start(), rel_end, "relationship", "relationship"))
        if m.group(1).lower() not in lx.PROPER_STOP and m.group(1).lower() not in {"who", "which"}:
            add(m, "name", "appos", 1)
    for rx in (_CALLED, _VOCATIVE, _ME_AND):
        for m in rx.finditer(text):
            if m.group(1).lower() not in lx.PROPER_STOP | lx.NOT_NAMES | _NOT_ADDRESSEE | (
                lx.RELATIONSHIP_NOUNS | lx.ROLE_NOUNS | _NOT_PARTNER
            ) and _may_be_name(m.group(1)):
                add(m, "name", "called", 1)
    for m in _SORRY_NAME.finditer(text):
        if m.group(
            1
        ).lower() not in _NOT_ADDRESSEE | lx.PROPER_STOP | lx.NOT_NAMES and _may_be_name(
            m.group(1)
        ):
            add(m, "name", "called", 1)
    for m in _STUDYING.finditer(text):
        add(m, "distinctive", "study")
    for m in _MEMBER_OF.finditer(text):
        add(m, "distinctive", "member")
    for m in _NICKNAME.finditer(text):
        if len(m.group(1).strip()) > 1 and len(m.group(1).split()) <= 3:
            add(m, "name", "nickname", 1)
    for m in _JUST_HAD.finditer(text):
        add(m, "distinctive", "event")
    for m in _ORDINAL_DAY.finditer(text):
        add(m, "distinctive", "event")
    for m in _THE_ONLY.finditer(text):
        add(m, "distinctive", "only")
    for m in _MONTH_OF_YEAR.finditer(text):
        add(m, "date", "year")
    for m in _BEREAVED.finditer(text):
        add(m, "distinctive", "event")
    for m in _ONE_OF_GROUP.finditer(text):
        add(m, "role", "group")
    for m in _AGE_GROUP.finditer(text):
        add(m, "distinctive", "age-group")
    for m in _FIRST_TIME.finditer(text):
        add(m, "distinctive", "event")
    for m in _OWNED_RELATION.finditer(text) if titled else ():
        add(m, "relationship", "relationship")
    for m in _THE_ONE.finditer(text) if titled else ():
        add(m, "role", "role")
    for m in _HER_STUDIES.finditer(text):
        add(m, "distinctive", "event")
    for m in _HER_ILLNESS.finditer(text):
        add(m, "distinctive", "event")
    for m in _RECOVERING.finditer(text):
        add(m, "distinctive", "event")
    for m in _SAINT.finditer(text):
        add(m, "organisation", "saint")
    for m in _PAPER.finditer(text):
        add(m, "distinctive", "event")
    return out


def _phrase(tok: Any, max_right: int = 8) -> tuple[int, int]:
    """Character span of a noun phrase: its left modifiers and its attached phrases."""
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in {"prep", "acl", "relcl", "compound", "amod", "nummod", "appos"}:
            right = max(right, min(child.right_edge.i, tok.i + max_right))
    doc = tok.doc
    right = min(right, len(doc) - 1)
    while right > tok.i and doc[right].is_punct:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _has_possessor(tok: Any) -> bool:
    # Typed without apostrophes ("my best mates younger sister") the parse loses the
    # possessive; an owner word at the start of the phrase still narrows it.
    if _lower(tok.doc[tok.left_edge.i]) in _POSSESSIVE and tok.left_edge.i < tok.i:
        return True
    for child in tok.children:
        if child.dep_ == "poss":
            return True
        if child.dep_ == "det" and _lower(child) in _POSSESSIVE:
            return True
    return False


def _of_possessive(tok: Any) -> bool:
    """ "the sister of my flatmate", "a friend of my daughter": narrowed through 'of'."""
    for child in tok.children:
        if child.dep_ == "prep" and _lower(child) == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and (_has_possessor(obj) or obj.lower_ in _POSSESSIVE):
                    return True
    return False


# Inflected forms ("apps", "owed") are ordinary words the dictionary lists only by lemma.
_NAME_TAGS = {"NN", "NNP", "NNPS", "JJ", "FW", "XX", "UH"}
_TITLE_WORDS = lx.FIRST_NAMES | lx.ROLE_NOUNS | lx.RELATIONSHIP_NOUNS
_PLACE_PREPS = lx._words(
    "in at to from near around outside into through via towards toward round past behind"
)
_COMMON_ACRONYMS = lx._words(
    "omg lol lmao wtf tbh idk imo fyi asap diy vip nhs ceo cfo cto coo "
    "phd mba bsc msc hiv std sti ptsd adhd ocd gps atm pin faq usa "
    "uae nyc eu un tv dvd cctv dna sms ios app ngl tbf smh irl afaik"
)


def token_candidates(doc: Any) -> list[Candidate]:
    out: list[Candidate] = []
    for tok in doc:
        low = _lower(tok)
        pos = tok.pos_
        # Lemmas are computed lazily (see nlp._slim); a base-form noun or verb is its own.
        lem = low if tok.tag_ in _BASE_TAGS or pos not in {"NOUN", "VERB"} else lemma(tok)
        # Roles: a job title that is owned ("her manager"), definite ("the night
        # manager") or modified ("a student nurse") points at one person.
        if (
            pos in {"NOUN", "PROPN"}
            and (low in lx.ROLE_NOUNS or lem in lx.ROLE_NOUNS)
            and (
                low not in lx.VAGUE_ROLES
                and tok.tag_ not in {"NNS", "NNPS"}
                and not _own_support(tok)
            )
        ):
            dets = [c for c in tok.children if c.dep_ == "det"]
            if low == "head" and not any(c.dep_ in {"prep", "compound"} for c in tok.children):
                continue  # "my head" is not a position
            if (
                low == "chair"
                and not tok.text[:1].isupper()
                and not (
                    any(_lower(c) == "of" for c in tok.children)
                    or (
                        tok.i > 0
                        and _lower(tok.doc[tok.i - 1]) in {"as", "was", "is", "became", "our"}
                    )
                )
            ):
                continue  # "a chair against the door" is furniture; "chair of" is a post
            mods = [
                c
                for c in tok.children
                if (c.dep_ == "amod" and _lower(c) not in _EVALUATIVE)
                or c.dep_ in {"compound", "nmod", "npadvmod"}
                or (c.dep_ == "prep" and _lower(c) in {"in", "for", "on", "at", "of"})
            ]
            definite = any(_lower(d) in {"the", "its"} for d in dets)
            # "a sergeant", "a churchwarden": a specific title narrows even with "a";
            # "a student" or "a volunteer" does not.
            specific = (
                any(_lower(d) in {"a", "an"} for d in dets)
                and low not in _LOOSE_ROLES
                and lem not in _LOOSE_ROLES
            )
            every = any(
                _lower(d) in {"every", "any", "no", "each", "another", "some"} for d in dets
            )
            attr_of_i = (
                tok.dep_ in {"attr", "pobj", "appos"}
                and not dets
                and lemma(tok.head) in {"be", "as", "work"}
            )
            if tok.dep_ == "compound" and tok.head.pos_ in {"NOUN", "PROPN"}:
                pass  # "staff nurse" is reported on its head
            elif not every and (
                _has_possessor(tok)
                or definite
                or specific
                or mods
                or attr_of_i
                or any(c.lower_ == "there" for c in tok.children)
            ):
                s, e = _phrase(tok)
                out.append(Candidate(s, e, "role", "role", _hint(tok)))
                continue
        # "the new girl on the bar", "the Saturday girl": a person noun narrowed to a post.
        if (
            pos == "NOUN"
            and lem in _PERSON_NOUNS
            and tok.tag_ == "NN"
            and any(_lower(c) == "the" for c in tok.children)
            and any(
                (c.dep_ == "amod" and _lower(c) in {"new", "junior", "youngest", "only"})
                or (c.dep_ == "compound" and c.pos_ == "PROPN")
                or (c.dep_ == "prep" and _lower(c) in {"in", "on", "at", "from"})
                for c in tok.children
            )
        ):
            s, e = _phrase(tok)
            out.append(Candidate(s, e, "role", "role", _hint(tok)))
            continue
        # "one of the mods", "one of my moderators".
        if (
            pos == "NOUN"
            and tok.tag_ == "NNS"
            and (lem in lx.ROLE_NOUNS or lem in lx.RELATIONSHIP_NOUNS)
            and tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.lower_ == "one"
        ):
            one = tok.head.head
            out.append(Candidate(one.idx, tok.idx + len(tok.text), "role", "role", _hint(tok)))
            continue
        # "my ex, lucia, ...": a word in apposition to a relationship or role is a name.
        if (
            tok.dep_ == "appos"
            and pos in {"PROPN", "NOUN", "ADJ"}
            and tok.is_alpha
            and (
                not tok.is_stop
                and not any(c.dep_ == "det" for c in tok.children)
                and (tok.text[:1].isupper() or low in lx.FIRST_NAMES)
            )
            and (lemma(tok.head) in lx.RELATIONSHIP_NOUNS or lemma(tok.head) in lx.ROLE_NOUNS)
            and _has_possessor(tok.head)
            and low not in lx.RELATIONSHIP_NOUNS | lx.ROLE_NOUNS
        ):
            out.append(Candidate(tok.idx, tok.idx + len(tok.text), "name", "appos"))
        # Relationships: "my wife", "her sister", "my flatmate's cousin".
        if pos in {"NOUN", "ADJ", "PROPN"} and (
            low in lx.RELATIONSHIP_NOUNS or lem in lx.RELATIONSHIP_NOUNS
        ):
            if tok.tag_ == "NNS" or (
                tok.dep_ == "poss"
                and tok.head.pos_ == "NOUN"
                and lemma(tok.head) in lx.RELATIONSHIP_NOUNS
            ):
                continue
            generic = low in lx.GENERIC_RELATIVES or lem in lx.GENERIC_RELATIVES
            loose = lem in {"friend", "mate"} and not any(
                _lower(c) in {"best", "closest"} for c in tok.children
            )
            owned = _has_possessor(tok) or (
                any(_lower(c) == "the" for c in tok.children)
                and any(c.dep_ == "prep" and _lower(c) == "of" for c in tok.children)
            )
            if (
                (owned or _of_possessive(tok))
                and not generic
                and not (loose and not _of_possessive(tok) and not _chained(tok))
            ):
                s, e = _phrase(tok, max_right=4)
                out.append(Candidate(s, e, "relationship", "relationship", _hint(tok)))
                continue
        # Towns typed in lower case, which the model cannot see as names.
        if tok.text.islower() and low in lx.CITIES and pos in {"PROPN", "NOUN"}:
            out.append(Candidate(tok.idx, tok.idx + len(tok.text), "place", "city"))
            continue
        # A lower-case word no dictionary knows is a name typed without its capital: a
        # person ("gethin"), a place ("digbeth") or a group ("uwe"); where it follows
        # "in", "at", "from"... it is a place.
        if (
            tok.is_alpha
            and tok.text.islower()
            and len(tok.text) >= 3
            and tok.tag_ in _NAME_TAGS
            and low not in _TITLE_WORDS
            and low not in lx.NOT_NAMES
            and not known_word(low)
        ):
            kind = "place" if (tok.dep_ == "pobj" and _lower(tok.head) in _PLACE_PREPS) else "name"
            out.append(Candidate(tok.idx, tok.idx + len(tok.text), kind, "unknown-word"))
            continue
        # A capitalised word no dictionary knows, which the model did not see as a name
        # ("Morag was on shift"), is one.
        if (
            tok.is_alpha
            and tok.text[:1].isupper()
            and tok.text[1:].islower()
            and len(tok.text) >= 3
            and not tok.ent_type_
            and tok.tag_ in {"NNP", "NN", "JJ", "FW", "XX"}
            and low not in _TITLE_WORDS
            and low not in lx.NOT_NAMES
            and not known_word(low)
        ):
            out.append(Candidate(tok.idx, tok.idx + len(tok.text), "name", "unknown-word"))
            continue
        # Acronyms no dictionary knows ("GMIT", "UWE") are schools, employers or units.
        if (
            tok.is_alpha
            and tok.text.isupper()
            and 3 <= len(tok.text) <= 6
            and not known_word(low)
            and low not in _COMMON_ACRONYMS
        ):
            out.append(Candidate(tok.idx, tok.idx + len(tok.text), "organisation", "acronym"))
            continue
        # Lower-case or unrecognised given names.
        if (
            (low in lx.FIRST_NAMES or low in lx.AMBIGUOUS_NAMES)
            and (
                pos in {"PROPN", "NOUN"}
                or (low not in lx.AMBIGUOUS_NAMES and pos not in _NOT_NAME_POS)
            )
            and (not tok.is_stop or tok.text[:1].isupper())
            and _looks_like_name_use(tok)
        ):
            out.append(Candidate(tok.idx, tok.idx + len(tok.text), "name", "first-name"))
            continue
        # Life events that single a person out: "the week after her father's funeral".
        if (low in lx.LIFE_EVENTS or lem in lx.LIFE_EVENTS) and _event_is_personal(tok):
            s, e = _event_span(tok)
            out.append(Candidate(s, e, "distinctive", "event", _hint(tok)))
            continue
        # "the only woman on the committee", "the youngest member by forty years".
        if (
            low == "only"
            and tok.head.pos_ in {"NOUN", "PRON", "NUM"}
            and (lemma(tok.head) not in _TIME_NOUNS)
        ):
            head = tok.head
            # Only a person is singled out: "the only woman on the committee", never
            # "the only courage involved".
            if lemma(head) in _ONLY_PEOPLE and (
                any(_lower(c) == "the" for c in head.children) or tok.i == head.left_edge.i
            ):
                s, e = _phrase(head, max_right=14)
                out.append(Candidate(s, e, "distinctive", "only", _hint(head)))
                continue
        if (
            tok.lower_ in {"youngest", "oldest"}
            and tok.head.pos_ in {"NOUN"}
            and (any(c.dep_ == "prep" or c.dep_ == "relcl" for c in tok.head.children))
            and lemma(tok.head)
            in {
                "member",
                "woman",
                "man",
                "girl",
                "boy",
                "person",
                "player",
                "student",
                "one",
                "store",
                "shop",
                "employee",
                "recruit",
            }
        ):
            s, e = _phrase(tok.head, max_right=14)
            out.append(Candidate(s, e, "distinctive", "superlative", _hint(tok.head)))
            continue
        # Habits that make a person findable: "she plays cello in the orchestra".
        if (
            tok.tag_ == "VBZ"
            and lem in _HABIT_VERBS
            and any(c.dep_ == "nsubj" and _lower(c) in {"she", "he"} for c in tok.children)
            and any(
                c.dep_ == "dobj" or (c.dep_ == "prep" and _lower(c) in {"in", "for", "with"})
                for c in tok.children
            )
        ):
            s, e = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
            out.append(Candidate(s, e, "distinctive", "habit", "third"))
    out.extend(_proper_sequences(doc))
    return out


def _chained(tok: Any) -> bool:
    """ "my roommate's girlfriend's best friend": a chain of relationships narrows."""
    return any(c.dep_ == "poss" and lemma(c) in lx.RELATIONSHIP_NOUNS for c in tok.children)


def _hint(tok: Any) -> str:
    """Whom a phrase likely describes: "I was her manager" is the author's role."""
    if tok.dep_ in {"attr", "appos", "pobj"}:
        head = tok.head if tok.dep_ != "pobj" else tok.head.head
        for child in head.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                low = _lower(child)
                if low in {"i", "we"}:
                    return "author"
                if low in {"she", "he"}:
                    return "third"
    for child in tok.subtree:
        low = _lower(child)
        if low in {"my", "i", "me", "our"}:
            return "author"
        if low in _THIRD:
            return "third"
    return ""


def _looks_like_name_use(tok: Any) -> bool:
    low = _lower(tok)
    if low in lx.MONTHS:
        # "in April 2022", "last June": a month where a time is told is no name.
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        prev = _lower(tok.nbor(-1)) if tok.i > 0 else ""
        if (nxt is not None and nxt.like_num) or prev in _BEFORE_A_TIME:
            return False
    if tok.text[:1].isupper():
        # "Hope you are well" at a sentence start is not a name; "Hope came" is.
        return not (low in lx.AMBIGUOUS_NAMES and tok.i == tok.sent.start and tok.pos_ != "PROPN")
    if any(c.dep_ in {"det", "amod", "poss", "nummod"} for c in tok.children):
        return False  # "the summer", "last summer"
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (nxt.like_num or nxt.pos_ == "NOUN"):
        return False  # "summer 2016", "summer job"
    if low in lx.AMBIGUOUS_NAMES:
        if tok.dep_ == "pobj":
            return False  # "in summer", "with hope"
        if tok.dep_ == "conj" and tok.head.pos_ == "NOUN" and tok.head.lower_ not in lx.FIRST_NAMES:
            return False  # "patience and grace": a virtue beside a virtue
        return tok.dep_ in {
            "nsubj",
            "dobj",
            "npadvmod",
            "appos",
            "conj",
            "ROOT",
            "dep",
            "nsubjpass",
            "attr",
            "intj",
        }
    return True


def _event_is_personal(tok: Any) -> bool:
    lem = lemma(tok)
    if any(_lower(c) in {"every", "any", "no"} for c in tok.children):
        return False
    if lem in {"bear", "born"} or _lower(tok) == "born":
        return True
    for node in [tok, *tok.ancestors][:4]:
        for child in node.children:
            if child.dep_ in {"poss", "nsubj", "nsubjpass"} and (
                _lower(child) in _THIRD | {"our", "their", "my"}
                or child.pos_ == "PROPN"
                or lemma(child) in lx.RELATIONSHIP_NOUNS
            ):
                return True
            if child.dep_ == "det" and _lower(child) in _POSSESSIVE:
                return True
    return False


def _event_span(tok: Any) -> tuple[int, int]:
    """The smallest phrase around an event that a reader would recognise."""
    node = tok
    for _ in range(3):
        head = node.head
        if head is node or head.pos_ not in {"NOUN", "ADP", "VERB", "AUX", "SCONJ"}:
            break
        if (
            head.dep_ == "ROOT"
            and head.pos_ in {"VERB", "AUX"}
            and node.dep_ not in {"advcl", "pobj", "prep"}
        ):
            break
        node = head
        if node.pos_ == "NOUN" and lemma(node) in _TIME_NOUNS:
            break
    left, right = node.left_edge.i, node.right_edge.i
    if right - left > 16:
        left, right = max(left, tok.i - 6), min(right, tok.i + 6)
    doc = tok.doc
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


_JOINERS = {"&", "and", "of", "the", "de", "la", "van", "von", "'s", "’s", "st", "st."}
_TITLES = {
    "dr",
    "dr.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "prof",
    "prof.",
    "professor",
}


def _proper_sequences(doc: Any) -> list[Candidate]:
    """Capitalised word sequences the model did not label: venues, clubs, surnames."""
    out: list[Candidate] = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        low = _lower(tok)
        if (
            not ((_is_capitalised(tok) and tok.is_alpha) or tok.text in {"&"})
            or low in lx.NOT_NAMES
        ):
            i += 1
            continue
        j = i
        while j + 1 < n:
            nxt = doc[j + 1]
            if (
                _is_capitalised(nxt)
                and (nxt.is_alpha or nxt.text[:-1].isalpha())
                and _lower(nxt) not in lx.NOT_NAMES
            ) or (nxt.text[:1].isdigit() and j > i):
                j += 1
            elif _lower(nxt) in _JOINERS and j + 2 < n and _is_capitalised(doc[j + 2]):
                j += 2
            else:
                break
        words = [_lower(t) for t in doc[i : j + 1]]
        first = doc[i]
        sent_start = first.i == first.sent.start or (
            first.i > 0 and doc[first.i - 1].text in {"(", "-", ":"}
        )
        content = [w for w in words if w not in _JOINERS]
        skip = _not_a_name(content, first, sent_start)
        if skip:
            pass
        elif words[0] in lx.PROPER_STOP and len(content) > 1:
            # "The Copper Still": keep the name, drop the article.
            i += 1
            continue
        if not skip:
            kind = _kind_for(words, doc, i)
            start = first.idx
            if i > 0 and _lower(doc[i - 1]) in _TITLES and kind == "name":
                start = doc[i - 1].idx
            last = doc[j]
            out.append(Candidate(start, last.idx + len(last.text.rstrip(".")), kind, "proper"))
        i = j + 1
    return out


def _not_a_name(content: list[str], first: Any, sent_start: bool) -> bool:
    """Capitalised words that are not names: openers, months, plurals of days."""
    generic = lx.PROPER_STOP | lx.MONTHS | lx.NOT_NAMES | lx.HOLIDAYS | lx.SEASONS
    if all(w in generic for w in content):
        return True
    if any(w in lx.MONTHS for w in content) and all(w in generic | _BEFORE_A_TIME for w in content):
        return True  # "Last June"
    if len(content) != 1:
        return False
    word = content[0]
    if word in lx.COUNTRIES or word in lx.MONTHS or word in lx.HOLIDAYS:
        return True
    # A people, a faith, a language or a festival ("in English", "a Muslim", "on Purim")
    # narrows no one down; "Do" of "Don't" is no name either.
    if first.ent_type_ in {"NORP", "LANGUAGE", "EVENT"} or (
        first.i + 1 < len(first.doc) and first.doc[first.i + 1].lower_ == "n't"
    ):
        return True
    if word.rstrip("s") in lx.NOT_NAMES | lx.HOLIDAYS or (word in lx.SEASONS and sent_start):
        return True
    if first.tag_ in {"NNS", "VBZ"}:
        return True  # "Kitchens run on adrenaline": a plural common noun
    if sent_start:
        # A capital at the start of a sentence proves nothing; believe the tagger only
        # when it also knows the word as a given name or an entity.
        return not (
            first.pos_ == "PROPN"
            and (
                word in lx.FIRST_NAMES - lx.AMBIGUOUS_NAMES
                or first.ent_type_ in {"PERSON", "ORG", "GPE", "FAC", "LOC"}
            )
        )
    return False


def _kind_for(words: list[str], doc: Any, i: int) -> str:
    last = words[-1].strip(".")
    ent = doc[i].ent_type_
    if any(w in lx.ORG_SUFFIXES for w in words[1:]) or (last in lx.ORG_SUFFIXES and len(words) > 1):
        return "organisation"
    if last in lx.PLACE_SUFFIXES and len(words) > 1:
        return "place"
    if ent in {"GPE", "LOC", "FAC"}:
        return "place"
    if ent == "ORG":
        return "organisation"
    if words[0] in lx.FIRST_NAMES:
        return "name"
    prev = _lower(doc[i - 1]) if i > 0 else ""
    after = _lower(doc[i + len(words)]) if i + len(words) < len(doc) else ""
    # "a gym in Hexley": where the words stand says place even when the entity
    # recogniser guesses a person, unless they own something ("in Hexley's car").
    if prev in {"in", "near", "around", "outside"} and after not in {"'s", "’s"}:
        return "place"
    if ent == "PERSON":
        return "name"
    if prev in {"from", "to", "into"}:
        return "place"
    if prev in {"at", "for", "with", "joined"}:
        return "organisation"
    return "name"
