"""Failure patterns and the elements a statement needs, sentence by sentence.

Each pattern is a small set of cues written from its meaning (what minimising *does*,
not how one draft phrased it): regular expressions over a normalised sentence for the
idioms, and checks on spaCy's parse for grammar (first-person subject, negation, passive
voice without an agent, who is the subject of "happen"). A sentence that names a pattern
in order to reject it ("I had been drinking, and that is no excuse") is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from amends.coach import lexicon as lx
from amends.coach import pattern_sentences
from amends.coach.classifier import NONE, get_model
from amends.coach.kinds import ELEMENTS as KIND_ELEMENTS
from amends.coach.kinds import PATTERNS
from amends.coach.layout import layout_words
from amends.coach.nlp import lemma
from amends.coach.ruleset import load_element_rules, load_rules

_CONTRACTIONS = re.compile(
    r"\b(dont|didnt|cant|couldnt|wouldnt|isnt|wasnt|doesnt|havent|hasnt|wont|shouldnt|"
    r"im|ive|its|thats|theres|arent|werent)\b"
)
_FIX = {
    "dont": "don't",
    "didnt": "didn't",
    "cant": "can't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "doesnt": "doesn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "wont": "won't",
    "shouldnt": "shouldn't",
    "im": "i'm",
    "ive": "i've",
    "its": "its",
    "thats": "that's",
    "theres": "there's",
    "arent": "aren't",
    "werent": "weren't",
}


def normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _CONTRACTIONS.sub(lambda m: _FIX[m.group(1)], text)


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts))


# Sentences that name a pattern to reject it.
REJECT = _rx(
    r"\b(?:no|not an?|isn't an?|wasn't an?|never an?) (?:excuse|explanation|justification|reason)",
    r"\b(?:doesn't|does not|do not|don't|did not|didn't) (?:excuse|change|justify|explain)",
    r"\bchanges? nothing\b",
    r"\bnot because it changes",
    r"\bnot putting (?:this|that|it) on\b",
    r"\bstopped putting (?:that|this|it)",
    r"\bit is not why\b|\bit's not why\b|not why i did",
    r"\bis the problem\b",
    r"\bi can't pretend\b",
    r"\bnone of (?:that|this|which) (?:excuses|"
    r"\bmatters|changes)",
    r"\bthat'?s not (?:an excuse|true)",
    r"\bno version of\b",
    r"\bwould have (?:heard|done|made) .* (?:sober|anyway)",
    r"\band it wouldn't matter",
    r"\bwhich i mention only\b",
    r"\bis not (?:a|an) (?:excuse|defence|defense)",
    r"\bnot (?:a|the) communication problem\b",
    r"\bthis was not\b",
    r"^(?:but |and )?it wasn't\.?$",
    r"\bbut i (?:was the one|made the choice|chose|still chose|knew)\b",
    r"\bmy choice\b",
    r"\bthat'?s on me\b|\bit'?s on me\b",
    r"\bexplains nothing\b|\bexcuses nothing\b",
    r"\bnot (?:the|a) (?:times|drink|drinking|alcohol|misunderstanding|culture)\b",
    r"\bno (?:misunderstanding|mixed signal)",
    r"\binstead of letting\b",
    r"\bwhen (?:she|he|it|they) (?:was|were|did|had)(?:n't| not)\b",
    r"\bnone of (?:that|this|it|which) (?:gave|gives|give|made|makes|meant|means|entitled|"
    r"justified|justifies|excused|excuses|matters|changes|explains)\b",
    r"\b(?:doesn't|does not|didn't|did not) (?:make|give|entitle) (?:anyone|anybody|me|a man)\b",
    r"\bnot (?:a|an|any) (?:defen[cs]e|justification)\b",
    r"\b(?:blame|excuse|hide behind|point to|plead) [^.]*\bbut i (?:won't|will not|refuse)\b",
    r"\b(?:i|that) (?:won't|will not|refuse to) (?:hide|use|blame|lean)\b",
    r"\b(?:i'm|i am) not (?:going to|gonna) (?:hide|use|blame|lean)\b",
    r"\b(?:and|but) i (?:am|was|'m) the one who (?:chose|decided|did)\b",
    r"\bi (?:now )?know (?:this|that) (?:is|was)(?:n't| not) true\b",
)
HYPOTHETICAL = _rx(
    r"^i could (?:tell|write|say|blame|point|plead)",
    r"^i(?: have|'ve) thought about (?:writing|"
    r"saying)",
    r"\bi (?:used to )?t(?:old|ell) myself\b",
    r"^i could write",
    # The author declining a pattern out loud: "I'd like to say I misread
    # it, but...", "I'm not going to say it was harmless", "not sorry if".
    r"\bi(?:'d| would) (?:like|love|want) to (?:say|tell you|claim)\b.*\bbut\b",
    r"\b(?:i'm|i am|im) not (?:going to|gonna) (?:say|pretend|claim|call it)\b",
    r"\bi (?:won't|will not|not will|will never) (?:say|pretend|claim|call it|"
    r"tell (?:you|anyone|her|him|them|people))\b",
    r"\bnot sorry[- ]if\b",
    r"\bthere (?:was|is) nothing to (?:misread|"
    r"misunderstand|mistake)\b",
)
# A short sentence right after that denies the one before ("It wasn't." "She hadn't.").
DENIAL = re.compile(
    r"^(?:it|she|he|they|that|this)(?: really)? (?:wasn't|hadn't|didn't|"
    r"isn't|wasn't true|was not|had not|did not)\b.{0,40}$"
)

# Patterns a following denial ("It wasn't.") turns into an honest account.
REJECTABLE = frozenset({"excusing", "minimising", "blaming"})


def rejects_previous(norm: str) -> bool:
    """Whether a sentence takes back the one before ("It wasn't." "That explains nothing.")."""
    norm = norm.strip()
    return bool(DENIAL.match(norm) or REJECT.search(norm))


# The cues and meanings of every kind, from its rule file (rules/<kind>.toml).
RULES = load_rules()
CUES: dict[str, re.Pattern[str]] = {
    kind: re.compile("|".join(f"(?:{p})" for p in rule.cues)) for kind, rule in RULES.items()
}
MEANING: dict[str, tuple[re.Pattern[str], ...]] = {
    kind: tuple(re.compile(p) for p in rule.meaning) for kind, rule in RULES.items() if rule.meaning
}


def _exceptions(key: str) -> dict[str, re.Pattern[str]]:
    """One of each kind's lists of exceptions, as one expression per kind that has any."""
    return {kind: _rx(*getattr(rule, key)) for kind, rule in RULES.items() if getattr(rule, key)}


# Each kind's exceptions, from its rule file: see rules/README.md for what each list does.
MEANING_UNLESS = _exceptions("meaning_unless")
UNLESS = _exceptions("unless")
OUT_OF_SCOPE = _exceptions("out_of_scope")
IN_SCOPE_ONLY_IF = _exceptions("in_scope_only_if")


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    parts, depth, current, i = [], 0, [], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            current.append(pattern[i : i + 2])
            i += 2
            continue
        if char == "[":
            end = pattern.index("]", i + 1)
            current.append(pattern[i : end + 1])
            i = end + 1
            continue
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


# The whole word a cue (or a branch of its opening group) starts with.
_PLAIN_WORD = re.compile(r"^([a-z][a-z']{2,})")


def _group_end(pattern: str, start: int) -> int | None:
    """The index of the ")" closing the group that opens at `start`."""
    depth, i = 0, start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = pattern.index("]", i + 1) + 1
            continue
        depth += char == "("
        depth -= char == ")"
        if depth == 0:
            return i
        i += 1
    return None


def _first_words(alternative: str, following: str = "") -> set[str] | None:
    """Whole words one of which starts every match of `alternative`, or None if unsure.

    `following` is what comes after the group a branch sits in: a word is whole only if
    a word boundary or a space follows it ("misjudg" alone would also match "misjudged").
    """
    text = alternative[2:] if alternative.startswith("\\b") else alternative
    plain = _PLAIN_WORD.match(text)
    if plain:
        after = text[plain.end() :] or following
        return {plain.group(1)} if after.startswith(("\\b", " ")) else None
    if not text.startswith("(?:"):
        return None
    end = _group_end(text, 0)
    if end is None or text[end + 1 : end + 2] in ("?", "*", "{"):
        return None  # an optional group can be skipped, so its words are not required
    words: set[str] = set()
    for branch in _alternatives(text[3:end]):
        found = _first_words(branch, text[end + 1 :] or following)
        if not found:
            return None
        words |= found
    return words


def _required_literal(alternative: str) -> str | None:
    """The longest run of plain text every match of a cue must contain: characters
    outside any group or class, not escaped, not made optional by a quantifier. None when
    there is no run of at least four characters."""
    while alternative.startswith("(?:") and _group_end(alternative, 0) == len(alternative) - 1:
        inner = alternative[3:-1]
        if len(_alternatives(inner)) != 1:
            return None  # "(?:a|b)": either branch may match
        alternative = inner
    runs: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(alternative):
        ch = alternative[i]
        if ch.isalnum() or ch in " '-,":
            current.append(ch)
            i += 1
            continue
        # Anything else ends the run. A quantifier also takes back the character before
        # it, which may be absent ("years?"); "+" keeps it.
        if ch in "?*{" and current:
            current.pop()
        runs.append("".join(current))
        current = []
        if ch == "\\":
            i += 2
        elif ch == "(":
            # A group's contents may be optional or one of several branches.
            group_end = _group_end(alternative, i)
            i = len(alternative) if group_end is None else group_end + 1
        elif ch == "[":
            i = alternative.index("]", i + 1) + 1
        elif ch == "{":
            i = alternative.index("}", i) + 1
        else:
            i += 1
    runs.append("".join(current))
    best = max(runs, key=len)
    return best if len(best) >= 4 else None


class CueSet:
    """A pattern's cues, indexed by the first whole word each cue needs.

    A cue list is one long alternation; Python tries every alternative at every position,
    so a sentence costs (alternatives × characters). Most cues start with a fixed word
    ("nothing ...", "overreact..."), so only the cues whose first word occurs in the
    sentence are tried; the others stay in one alternation.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.by_word: dict[str, list[re.Pattern[str]]] = {}
        self.by_literal = []
        rest: list[str] = []
        for alternative in _alternatives(pattern.pattern):
            # Index a cue under words one of which every match must start with. A cue
            # that opens inside a group is indexed under the first word of every branch
            # ("(?:her reaction|the fuss) was ..." under "her" and "the"), or not at all.
            words = _first_words(alternative)
            if words:
                compiled = re.compile(alternative)
                for word in words:
                    self.by_word.setdefault(word, []).append(compiled)
            elif literal := _required_literal(alternative):
                # Cannot be indexed by its first word, but cannot match without this
                # text either: a substring test skips it on most sentences.
                self.by_literal.append((literal, re.compile(alternative)))
            else:
                rest.append(alternative)
        self.rest = re.compile("|".join(rest)) if rest else None

    by_literal: list[tuple[str, re.Pattern[str]]]

    def search(self, text: str, words: set[str]) -> bool:
        tried: set[int] = set()
        for word in words & self.by_word.keys():
            for rx in self.by_word[word]:
                if id(rx) not in tried:
                    tried.add(id(rx))
                    if rx.search(text):
                        return True
        for literal, rx in self.by_literal:
            if literal in text and rx.search(text):
                return True
        return bool(self.rest and self.rest.search(text))


CUE_SETS = {kind: CueSet(rx) for kind, rx in CUES.items()}
_WORDS = re.compile(r"[a-z][a-z']*")

# The reason and suggestion of each pattern, by name (the classifier's classes are these
# names, sorted).
REASONS = {k.value: (k.reason, k.suggestion) for k in PATTERNS}

ELEMENTS = tuple(k.value for k in KIND_ELEMENTS)

# The cues of the six elements, and what voids them, from rules/elements.toml.
ELEMENT_RULES = load_element_rules()
ELEMENT_CUES: dict[str, re.Pattern[str]] = {
    element: _rx(*rule.cues) for element, rule in ELEMENT_RULES.items()
}
ELEMENT_UNLESS: dict[str, re.Pattern[str]] = {
    element: _rx(*rule.unless) for element, rule in ELEMENT_RULES.items() if rule.unless
}
# A condition, a "but", or sorrow for how it was taken: no apology.
_NOT_APOLOGY = ELEMENT_UNLESS["apology"]


@dataclass(frozen=True)
class PatternHit:
    start: int
    end: int
    kind: str


# Semantic fields for the second layer (see _field_kinds): lemmas that carry a pattern's
# meaning whatever the wording around them.
SUFFERING = frozenset(
    [
        "sleep",
        "cry",
        "antidepressant",
        "medication",
        "depression",
        "depressed",
        "anxiety",
        "anxious",
        "panic",
        "breakdown",
        "suicidal",
        "struggle",
        "suffer",
        "lonely",
        "isolated",
        "battle",
        "cope",
        "rebuild",
        "heal",
        "closure",
        "peace",
        "torment",
        "nightmare",
        "misery",
        "miserable",
        "broken",
        "exhausted",
        "drained",
    ]
)
VICTIM_VERBS = frozenset(
    [
        "boycott",
        "shun",
        "ostracise",
        "ostracize",
        "cancel",
        "vilify",
        "demonise",
        "demonize",
        "hound",
        "harass",
        "bully",
        "humiliate",
        "crucify",
        "destroy",
        "ruin",
        "punish",
        "attack",
        "troll",
        "threaten",
        "abandon",
        "exile",
        "victimise",
        "victimize",
        "smear",
        "condemn",
    ]
)
CAUSES = frozenset(
    [
        "drunk",
        "drinking",
        "alcohol",
        "lonely",
        "single",
        "grief",
        "bereaved",
        "depressed",
        "depression",
        "stress",
        "stressed",
        "tired",
        "exhausted",
        "divorce",
        "breakup",
        "naive",
        "culture",
        "era",
        "upbringing",
        "wasted",
    ]
)
CONNECTORS = frozenset(["because", "as", "since", "so", "after", "when", "being", "just"])
DIMINISHERS = frozenset(
    ["only", "just", "merely", "barely", "briefly", "brief", "little", "minor", "harmless", "tiny"]
)
ACTS = frozenset(
    [
        "kiss",
        "hug",
        "touch",
        "message",
        "text",
        "photo",
        "pic",
        "picture",
        "image",
        "snap",
        "snapchat",
        "selfie",
        "dm",
        "nude",
        "comment",
        "joke",
        "banter",
        "flirt",
        "flirting",
        "fumble",
        "grope",
        "incident",
        "peck",
        "cuddle",
        "squeeze",
        "pat",
        "leg",
        "arm",
        "waist",
    ]
)
INITIATIVE = frozenset(
    [
        "send",
        "text",
        "message",
        "invite",
        "kiss",
        "flirt",
        "initiate",
        "wink",
        "dress",
        "choose",
        "agree",
        "lead",
        "encourage",
    ]
)
_ME = frozenset({"i", "me", "my", "we", "our"})
_WRONGDOING = frozenset(
    {
        "make",
        "cross",
        "say",
        "do",
        "share",
        "send",
        "post",
        "blur",
        "overstep",
        "allow",
        "misread",
        "misinterpret",
        "handle",
        "exchange",
        "pass",
        "spread",
    }
)
_PEOPLE = frozenset(
    {"i", "we", "you", "she", "he", "they", "it", "this", "that", "who", "what", "which"}
)
_PERSON_WORDS = frozenset(
    {
        "person",
        "man",
        "woman",
        "girl",
        "boy",
        "student",
        "colleague",
        "friend",
        "member",
        "staff",
        "team",
        "people",
    }
)


def _field_kinds(sent: Any) -> set[str]:
    """Patterns recognised by meaning: a lemma from a pattern's field in the right grammar.

    Not tied to wording: "I've cried myself to sleep" and "every day is a battle for me"
    are both the author's suffering (self-centring) because the author is the one who
    suffers; "she couldn't sleep" is impact, not self-centring.
    """
    kinds: set[str] = set()
    tokens = list(sent)  # one pass: iterating a span builds new Token objects each time
    words = {t.lower_ for t in tokens}
    subjects = {t.lower_ for t in tokens if t.dep_ in {"nsubj", "nsubjpass"}}
    lemmas = [lemma(t) if t.pos_ in {"NOUN", "VERB", "ADJ", "ADV"} else t.lower_ for t in tokens]
    lemma_set = set(lemmas)
    feels_low = any(
        lemma(t) == "feel"
        and words
        & {
            "low",
            "down",
            "awful",
            "terrible",
            "horrible",
            "miserable",
            "rough",
            "rubbish",
            "hopeless",
            "worthless",
            "empty",
            "numb",
        }
        for t in tokens
    )
    # A suffering word that only modifies a noun ("a sleeping bag") is not suffering.
    suffering = any(
        (lemmas[n] in SUFFERING or t.lower_ in SUFFERING) and t.dep_ not in {"compound", "amod"}
        for n, t in enumerate(tokens)
    )
    if words & _ME and (suffering or feels_low) and not subjects & {"she", "he", "they"}:
        kinds.add("self_centring")
    quitting = bool(lemma_set & {"stop", "quit", "give"})
    for n, tok in enumerate(tokens):
        lem = lemmas[n]
        if lem in VICTIM_VERBS:
            patient = [c for c in tok.children if c.dep_ in {"nsubjpass", "dobj"}]
            if any(
                c.lower_ in {"i", "me"} or any(g.lower_ == "my" for g in c.children)
                for c in patient
            ):
                kinds.add("parade_victim")
        elif not quitting and (tok.lower_ in CAUSES or (lem in CAUSES and tok.pos_ != "VERB")):
            # The author's own state offered as a cause: "I was lonely", "my divorce".
            clause = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
            subj = [c.lower_ for c in clause.children if c.dep_ == "nsubj"]
            owner = [c.lower_ for c in tok.children if c.dep_ == "poss"]
            if (subj and subj[0] in {"i", "we"}) or (owner and owner[0] == "my"):
                kinds.add("excusing")
        elif (
            tok.lower_ in DIMINISHERS
            and set(lemmas[n : n + 5]) & ACTS
            and not (n + 1 < len(tokens) and tokens[n + 1].pos_ in {"VERB", "AUX"})
        ):
            # "just stupid pictures", not "instead of just saying sorry on snap"
            kinds.add("minimising")
        elif (
            lem in {"remember", "recall"}
            and any(c.dep_ == "neg" for c in tok.children)
            and not any(
                c.dep_ == "nsubj" and c.lower_ in {"she", "he", "they"} for c in tok.children
            )
        ):
            # "I don't remember", "Rob doesn't recall": disowning the memory, unless it is hers
            kinds.add("memory_denial")
        elif (
            lem in _WRONGDOING
            and tok.tag_ == "VBN"
            and any(
                c.dep_ == "nsubjpass"
                and c.lower_ not in _PEOPLE
                and c.pos_ != "PROPN"
                and lemma(c) not in _PERSON_WORDS
                for c in tok.children
            )
            and not any(c.dep_ == "agent" for c in tok.children)
        ):
            # "comments were made", "lines were crossed": a wrong with no one doing it
            kinds.add("evasive_passive")
    root = sent.root
    if (
        lemma(root) in INITIATIVE
        and words & {"so", "thought", "assumed", "took"}
        and any(c.dep_ == "nsubj" and c.lower_ in {"she", "he"} for c in root.children)
    ):
        kinds.add("blaming")
    return kinds


def _meaning_set(rxs: tuple[re.Pattern[str], ...]) -> CueSet:
    """One indexed cue set for a pattern's fields (each field split into its alternatives)."""
    parts = [f"(?:{alt})" for rx in rxs for alt in _alternatives(rx.pattern)]
    return CueSet(re.compile("|".join(parts)))


MEANING_SETS: dict[str, CueSet] = {}


def _meaning_kinds(norm: str, sent: Any, words: set[str] | None = None) -> set[str]:
    """Patterns recognised from the semantic fields in MEANING, checked against the parse."""
    if not MEANING_SETS:
        MEANING_SETS.update({kind: _meaning_set(rxs) for kind, rxs in MEANING.items()})
    if words is None:
        words = set(_WORDS.findall(norm))
        words |= {w.split("'")[0] for w in words if "'" in w}
    kinds = {
        kind
        for kind, cues in MEANING_SETS.items()
        if cues.search(norm, words)
        and not (kind in MEANING_UNLESS and MEANING_UNLESS[kind].search(norm))
    }
    subjects = {t.lower_ for t in sent if t.dep_ in {"nsubj", "nsubjpass"}}
    if kinds & {"self_centring", "parade_monster", "parade_victim"} and not (
        subjects & {"i", "we"} or re.search(r"\b(?:my|me|myself|i'm|i've|i'd)\b", norm)
    ):
        kinds -= {"self_centring", "parade_monster", "parade_victim"}
    return kinds


# Words that pad a sentence without changing its meaning; cues are also tried on the
# sentence without them, so "I'm currently signed off" matches "I'm signed off".
_FILLERS = re.compile(
    r"\b(?:really|honestly|genuinely|currently|actually|truly|basically|literally|"
    r"kind of|sort of|completely|totally|very|quite|still|even|also|pretty|"
    r"definitely|certainly|probably|perhaps|maybe|simply|now|then|ever) "
)


# What follows "sorry" in an apology that owns no act: a condition ("if"), the other
# person's feelings ("that she felt", "you were scared"), something vague ("for any",
# "for how it came across", "about what happened"). Owned apologies ("I'm sorry for the
# messages", "sorry that I lied") are left alone.
_APOLOGY_WORD = re.compile(r"\b(?:sorry|apologi[sz]e|apologies|regret)\b,?(?: \w+,)? ?")
_UNOWNED_OBJECT = re.compile(
    r"(?:if|whether|in case)\b"
    r"|that (?:she|he|you|they|it|anyone|anybody|people|this|things|(?!i |we )\w+(?: \w+)? "
    r"(?:has|had|was|were|is|felt|feels|got|sees|saw|took|experienced|found|perceived))\b"
    r"|(?:she|he|you|they|anyone|anybody|people) (?:was|were|felt|feel|feels|got|has|have|had)\b"
    r"|(?:for|about) (?:any|anything|how|the way|whatever|what happened|what she|what he|her "
    r"feeling|his feeling|it coming|the hurt|the upset|the confusion)\b"
    r"|to (?:anyone|anybody|those|whoever|everyone)\b"
    r"|(?:that )?(?:it|things|everything|this|that|the \w+) (?:all )?(?:went|turned out|ended|"
    r"came|played out|happened|got)\b"
)


def _apology_kind(norm: str) -> str | None:
    """conditional_apology for an apology whose object is not the author's act."""
    for m in _APOLOGY_WORD.finditer(norm):
        before = norm[max(0, m.start() - 12) : m.start()]
        if re.search(r"\bsay(?:ing)? $|\bnot $|\bno $", before):
            continue  # "saying sorry on snap", "I'm not sorry", "no apology"
        if _UNOWNED_OBJECT.match(norm, m.end()):
            return "conditional_apology"
    return None


def _sentence_kinds(
    norm: str, sent: Any, prev_norm: str, next_norm: str, off: frozenset[str] = frozenset()
) -> list[str]:
    if "pattern_cues" in off:
        return []
    lite = _FILLERS.sub("", norm)
    words = set(_WORDS.findall(norm))
    words |= {w.split("'")[0] for w in words if "'" in w}  # "she'd" also counts as "she"
    kinds = [
        kind
        for kind, cues in CUE_SETS.items()
        if cues.search(norm, words) or (lite != norm and cues.search(lite, words))
    ]
    apology = _apology_kind(norm)
    if apology and not {"conditional_apology", "sorry_but"} & set(kinds):
        kinds.append(apology)
    kinds += sorted(_field_kinds(sent) - set(kinds))
    kinds += sorted(_meaning_kinds(norm, sent, words) - set(kinds))
    if not kinds:
        return kinds
    refusals = "refusals" not in off
    if refusals and HYPOTHETICAL.search(norm):
        return []  # "I could say I was lonely that year": the author declines to say it
    rejected = refusals and bool(REJECT.search(norm) or rejects_previous(next_norm))
    out = []
    for kind in kinds:
        if kind in REJECTABLE and rejected:
            continue
        if not _grammar_ok(kind, norm, sent):
            continue
        out.append(kind)
    if "sorry_but" in out and "conditional_apology" in out:
        out.remove("conditional_apology")
    return out


def _first_person(sent: Any) -> bool:
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in {"i", "we"} for t in sent)


def _negated(tok: Any) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "neg" for c in tok.head.children
    )


def _grammar_ok(kind: str, norm: str, sent: Any) -> bool:
    """Checks that keep each cue to the meaning it stands for: the kind's `unless` list
    from its rule file, then checks on the parse."""
    if kind in UNLESS and UNLESS[kind].search(norm):
        return False
    if kind == "forgiveness_request":
        # "I will never ask for forgiveness" rejects the pattern.
        for tok in sent:
            if lemma(tok) in {"forgive", "forgiveness"}:
                verb = tok if tok.pos_ == "VERB" else tok.head
                if _negated(verb) or any(_negated(a) for a in list(verb.ancestors)[:2]):
                    return False
        return True
    if kind == "memory_denial":
        # The harmed person's gaps ("she didn't remember getting home") are not denial.
        for tok in sent:
            if lemma(tok) in {"remember", "recall"}:
                subj = [c for c in tok.children if c.dep_ == "nsubj"]
                if (
                    subj
                    and subj[0].lower_ in {"she", "they"}
                    and not re.search(r"\bi(?:'ve| have)? (?:\w+ )?(?:forgotten|forgot)\b", norm)
                ):
                    return False
        return True
    if kind in {"self_centring", "parade_monster"}:
        # The author's own state; a sentence about her ("she couldn't sleep") is impact.
        return (
            _first_person(sent)
            or "my " in norm
            or " me" in norm
            or "myself" in norm
            or not any(
                t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in {"she", "he", "they"} for t in sent
            )
        )
    if kind in {"conditional_apology", "sorry_but"}:
        return bool(re.search(r"\b(?:i|i'm|i am|im|my)\b|^sorry|\bsorry\b", norm))
    return True


def sentences(doc: Any) -> list[Any]:
    """spaCy's sentences, re-joined where the model cut a sentence that has no end mark
    ("im sorry" | "but she ...", common in drafts typed without capitals)."""
    out: list[Any] = []
    for sent in doc.sents:
        if out and sent.text[:1].islower() and out[-1].text.rstrip()[-1:] not in ".!?":
            out[-1] = doc[out[-1].start : sent.end]
        else:
            out.append(sent)
    return out


def sentence_patterns(doc: Any, off: frozenset[str] = frozenset()) -> list[PatternHit]:
    """The patterns of each sentence of a parsed segment. `off` names the components of
    the pipeline that are switched off (pattern_cues, pattern_model, pattern_sentences,
    scope, refusals)."""
    sents = sentences(doc)
    norms = [normalise(s.text) for s in sents]
    learned = "pattern_model" not in off
    hits: list[PatternHit] = []
    for i, sent in enumerate(sents):
        prev_norm = norms[i - 1] if i else ""
        next_norm = norms[i + 1] if i + 1 < len(sents) else ""
        kinds = _sentence_kinds(norms[i], sent, prev_norm, next_norm, off)
        if kinds and learned and _learned_veto(sent):
            kinds = []
        elif not kinds and learned:
            kinds = _learned_kinds(norms[i], sent, next_norm, "refusals" not in off)
        if "scope" not in off:
            kinds = [kind for kind in kinds if in_scope(kind, norms[i], sent)]
        if kinds and "pattern_sentences" not in off and pattern_sentences.get_model().honest(sent):
            kinds = []  # the sentence only shares a pattern's words (pattern_sentences.py)
        for kind in kinds:
            start, end = sent.start_char, sent.end_char
            while end > start and doc.text[end - 1] in " \n.!?":
                end -= 1
            hits.append(PatternHit(start, end, kind))
    return hits


# Scope: a pattern is about the author's own account of the harm. These read what a
# sentence speaks of (the author, the person harmed, others, the world) and leave alone
# the sentences whose wording matches a pattern while they speak of something else.
_COURAGE = frozenset(
    {
        "brave",
        "braver",
        "bravest",
        "bravery",
        "bravely",
        "courage",
        "courageous",
        "courageously",
        "strength",
        "strong",
        "bold",
        "boldly",
        "daring",
        "hero",
        "heroic",
    }
)
_PRAISE = frozenset(
    {
        "thank",
        "admire",
        "praise",
        "honour",
        "honor",
        "applaud",
        "salute",
        "respect",
        "recognise",
        "recognize",
        "acknowledge",
    }
)
_OTHERS = frozenset(
    {
        "she",
        "he",
        "they",
        "her",
        "his",
        "their",
        "them",
        "him",
        "women",
        "woman",
        "victims",
        "survivors",
        "people",
        "everyone",
        "those",
    }
)


def _owner_is_other(tok: Any) -> bool:
    """Whether a word of courage belongs to someone else: their courage, she was brave,
    the women who bravely shared."""
    for child in tok.children:
        if child.dep_ == "poss":
            return child.lower_ not in {"my", "our"}
    head = tok.head
    for _ in range(3):
        if lemma(head) in _PRAISE:
            return True  # "I thanked her for her courage"
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects[0].lower_ not in {"i", "we", "it", "this", "that"}
        if head.head is head:
            break
        head = head.head
    return tok.head.lower_ in _OTHERS


_PERSONAL = lx.PERSONAL_PRONOUNS | {"yours", "ours", "im", "ive"}
# "Every regiment", "a society": any one of them. Not "some" or "most": "Some words were
# said" and "Most streamers would go dark" are about this story.
_GENERIC_DET = frozenset({"every", "a", "an", "all", "no", "each", "any"})
# Pronouns for everyone: "everybody was laughing" is about the room that night.
_EVERYONE = frozenset(
    {"everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody"}
)


def about_the_world(sent: Any) -> bool:
    """Whether a sentence speaks of people in general or the world and of no one in this
    story: no personal pronoun, no name, and a subject that is a general noun ("Memory is
    a strange thing", "Every regiment has its rituals", "Women were tolerated")."""
    if any(
        t.lower_ in _PERSONAL or t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.i > sent.start)
        for t in sent
    ):
        return False
    roots = [t for t in sent if t.dep_ == "ROOT"]
    if (
        not roots
        or roots[0].pos_ not in {"VERB", "AUX"}
        or any(
            c.tag_ == "MD" and c.lower_ in {"should", "must", "need", "ought"}
            for c in roots[0].children
        )
    ):
        return False
    words = layout_words()
    general = words["generic_world"] | words["generic_people"]
    for subj in (c for c in roots[0].children if c.dep_ in {"nsubj", "nsubjpass", "expl"}):
        if subj.dep_ == "expl":
            return True  # "There is a kind of silence that follows a man..."
        if subj.pos_ != "NOUN" or subj.lower_ in _EVERYONE:
            return False
        dets = {c.lower_ for c in subj.children if c.dep_ in {"det", "amod", "poss"}}
        if dets & {"the", "this", "that", "these", "those"}:
            return False  # "the whole business amounted to...": this story
        return subj.lemma_.lower() in general or subj.lower_ in general or bool(dets & _GENERIC_DET)
    return False


def in_scope(kind: str, norm: str, sent: Any) -> bool:
    """Whether a sentence flagged with a pattern speaks of what the pattern is about."""
    if about_the_world(sent):
        return False
    if kind == "parade_brave":
        brave = [t for t in sent if t.lower_ in _COURAGE]
        if brave and all(_owner_is_other(t) for t in brave):
            return False  # praise of someone else's courage
        if any(lemma(t) in _PRAISE for t in sent) and not brave:
            return False
    # The kind's own lists (rules/<kind>.toml): "I have never done it again" is change,
    # not self-centring; sorry_but needs something that takes the apology back.
    if kind in OUT_OF_SCOPE and OUT_OF_SCOPE[kind].search(norm):
        return False
    return not (kind in IN_SCOPE_ONLY_IF and not IN_SCOPE_ONLY_IF[kind].search(norm))


VETO_WORDS = 12
# Responsibility taken outright; the words the classifier may read as evasive or as
# blame ("what happened between us") are then the author's own.
_OWNS_IT = _rx(
    r"\bi(?:'m| am| was) (?:the only (?:one|person) |solely |fully |entirely |wholly |"
    r"completely |alone )?(?:to blame|responsible)\b",
    r"\b(?:all|entirely|wholly) "
    r"my (?:fault|doing|responsibility)\b",
)


def _learned_veto(sent: Any) -> bool:
    """Whether the classifier is all but sure a sentence a cue fired on is honest: a cue
    word in an honest sentence ("I took advantage of a drunk girl" is an account, not an
    excuse) is the cues' commonest mistake."""
    model = get_model()
    if sum(1 for t in sent if t.is_alpha) < VETO_WORDS:
        return False  # a short sentence gives the model too little to overrule a cue
    kind, pattern = model.predict(sent)
    return kind == NONE and pattern < model.veto


def _learned_kinds(norm: str, sent: Any, next_norm: str, refusals: bool = True) -> list[str]:
    """What the trained classifier reads in a sentence the cues passed over, held to the
    same checks as the cues: a pattern named to be rejected, or one the author declines
    to use ("I could say I was lonely"), is not flagged."""
    model = get_model()
    kind, _ = model.predict(sent)
    if kind == NONE:
        return []
    # Unlike a cue, the model reads the whole sentence at once, so a sentence that owns
    # the act ("... but I was the one who made the choice") holds no pattern of any kind.
    if refusals and (
        HYPOTHETICAL.search(norm) or REJECT.search(norm) or rejects_previous(next_norm)
    ):
        return []
    if _OWNS_IT.search(norm) and " but " not in norm:
        return []  # "I am the only one responsible for what happened between us"
    if (
        kind == "conditional_apology"
        and _APOLOGY_WORD.search(norm)
        and _apology_kind(norm) is None
        and not _NOT_APOLOGY.search(norm)
    ):
        return []  # the apology's shape owns the act: "I am sorry that I followed her home"
    return [kind] if _grammar_ok(kind, norm, sent) else []


def sentence_cues(sent: Any) -> frozenset[str]:
    """Which of the six elements one sentence's cues show."""
    norm = normalise(sent.text)
    return frozenset(
        element
        for element, rx in ELEMENT_CUES.items()
        if rx.search(norm)
        and not (element in ELEMENT_UNLESS and ELEMENT_UNLESS[element].search(norm))
    )


def element_signals(doc: Any) -> frozenset[str]:
    """Which of the six elements this paragraph's cues show."""
    return frozenset().union(*(sentence_cues(sent) for sent in sentences(doc)))
