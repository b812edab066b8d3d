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

from amends.coach.nlp import lemma

_CONTRACTIONS = re.compile(
    r"\b(dont|didnt|cant|couldnt|wouldnt|isnt|wasnt|doesnt|havent|hasnt|wont|shouldnt|"
    r"im|ive|its|thats|theres|arent|werent)\b")
_FIX = {"dont": "don't", "didnt": "didn't", "cant": "can't", "couldnt": "couldn't",
        "wouldnt": "wouldn't", "isnt": "isn't", "wasnt": "wasn't", "doesnt": "doesn't",
        "havent": "haven't", "hasnt": "hasn't", "wont": "won't", "shouldnt": "shouldn't",
        "im": "i'm", "ive": "i've", "its": "its", "thats": "that's", "theres": "there's",
        "arent": "aren't", "werent": "weren't"}


def normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _CONTRACTIONS.sub(lambda m: _FIX[m.group(1)], text)


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts))


HER = r"(?:she|he|they)"
SORRY = r"\b(?:sorry|apologi[sz]e|apologies|regret)\b"

# Sentences that name a pattern to reject it.
REJECT = _rx(
    r"\b(?:no|not an?|isn't an?|wasn't an?|never an?) (?:excuse|explanation|justification|reason)",
    r"doesn't (?:excuse|change|justify|explain)", r"\bchanges? nothing\b",
    r"not because it changes", r"\bnot putting (?:this|that|it) on\b",
    r"stopped putting (?:that|this|it)", r"\bit is not why\b|\bit's not why\b|not why i did",
    r"\bis the problem\b", r"\bi can't pretend\b", r"\bnone of (?:that|this|which) (?:excuses|"
    r"matters|changes)", r"\bthat'?s not (?:an excuse|true)", r"\bno version of\b",
    r"would have (?:heard|done|made) .* (?:sober|anyway)", r"and it wouldn't matter",
    r"\bwhich i mention only\b", r"is not (?:a|an) (?:excuse|defence|defense)",
    r"\bnot (?:a|the) communication problem\b", r"\bthis was not\b", r"\bit wasn't\.?$",
)
HYPOTHETICAL = _rx(r"^i could (?:tell|write|say)", r"^i (?:have|'ve) thought about (?:writing|"
                   r"saying)", r"\bi (?:used to )?t(?:old|ell) myself\b", r"^i could write")
# A short sentence right after that denies the one before ("It wasn't." "She hadn't.").
DENIAL = re.compile(r"^(?:it|she|he|they|that|this)(?: really)? (?:wasn't|hadn't|didn't|"
                    r"isn't|wasn't true|was not|had not|did not)\b.{0,40}$")

# Patterns a following denial ("It wasn't.") turns into an honest account.
REJECTABLE = frozenset({"excusing", "minimising", "blaming", "memory_denial"})

CUES: dict[str, re.Pattern[str]] = {
    "minimising": _rx(
        r"\b(?:only|just|merely|barely|literally) (?:like )?(?:a |one |two |some |for )?"
        r"(?:few |couple of )?(?:kiss|hug|touch|seconds?|minutes?|messages?|dms|texts?|pic|"
        r"photo|joke|bit of|once|one night|comments?|moment)",
        r"\b(?:a few|two|three|like \d+|\d+|four|five) (?:seconds|secs|mins|minutes)\b",
        r"\bnothing (?:really |physical |much |serious )?(?:ever )?happened",
        r"\bit'?s not like\b", r"\bnot like it (?:ended|was|went)", r"\ball over (?:some|one|a)\b",
        r"\ba bit of (?:fun|banter|silliness|a laugh)", r"\b(?:festive|harmless|innocent) "
        r"(?:silliness|fun|banter)", r"\bsmall gestures?\b", r"\bmuch worse (?:things )?than\b",
        r"\bworse things than\b", r"\bone bad (?:evening|night|month|week|moment|decision)",
        r"\bcame down to\b", r"\bamounted to\b", r"\bthat'?s all (?:it|that) (?:ever )?was\b",
        r"\bnever (?:did|do) (?:anything )?more\b", r"\bi never (?:once )?hurt\b",
        r"\bworked out (?:well|fine|ok)", r"\bwanted (?:it |that |to )?(?:for a while )?anyway\b",
        r"\bnot some (?:massive|huge|big)\b", r"\bover in (?:a few|seconds|minutes)",
        r"\bit was (?:only|just) (?:a|one)\b", r"\bwas only (?:messages|a|one)\b",
        r"\b(?:a|one) (?:cuddle|hug|kiss|peck) that went on\b", r"\bwent on (?:a )?(?:moment|bit) "
        r"too long", r"\bone (?:drunk |stupid |bad )?(?:night|kiss|mistake) (?:at|that|years)",
        r"\bdeleted it .* straight", r"\bnot (?:that|a) big (?:of a )?deal\b",
        r"\bwalked .* fine\b", r"\bblown out of proportion\b", r"\bturned into a pattern\b",
        r"\bgone before she\b", r"\bshe was laughing\b",
    ),
    "excusing": _rx(
        r"\b(?:very |really |absolutely |so |pretty )?(?:drunk|wrecked|hammered|steaming|"
        r"wasted|smashed|plastered|off my face|high)\b(?! to consent)",
        r"\b(?:had|'d had) (?:a lot|a few|a fair bit|too much|four or five|several)\b",
        r"\b(?:been |was )drinking\b", r"\bpints\b", r"\bjungle juice\b",
        r"\b(?:the|that) culture\b", r"\bin my culture\b", r"\bin those (?:days|years)\b",
        r"\bback then\b", r"\bthe era\b", r"\bhow every .* talked\b",
        r"\bthat'?s just what\b", r"\bit was new years?\b", r"\bmixed signals\b",
        r"\bi (?:honestly |genuinely |really )?thought (?:she|he|they) (?:was|wanted|were|liked)",
        r"\bi took (?:that|it) as a sign\b", r"\bfelt mutual\b", r"\bi read (?:that|it) as\b",
        r"\bread the wrong way\b", r"\blines? (?:get|got|gets) (?:blurry|blurred)\b",
        r"\bnobody (?:ever )?(?:trains|trained|taught|teaches) (?:you|me)\b",
        r"\bswept (?:along|up)\b", r"\bon a (?:massive )?high\b", r"\bshould understand\b",
        r"\bwant people to understand\b", r"\bdidn't come out of nowhere\b",
        r"\bwas (?:very |so |really )?(?:alone|lonely|stressed|depressed)\b",
        r"\b(?:laid off|working \w+-hour|on \w+ hours'? sleep|not at my best|wasn't myself|"
        r"head (?:was )?all over the place)", r"\bjust been (?:dumped|laid off)\b",
        r"\b(?:had|have) no idea how to handle\b", r"\bthe way i was raised\b",
        r"\bwe were (?:kids|young|both drunk)\b", r"\beveryone was (?:being )?(?:hammered|"
        r"drunk|kind of handsy|handsy)", r"\bkind of (?:party|place|night)\b",
        r"\bi'?d just got used to\b", r"\bi was (?:under|going through)\b",
        r"\bhow close people get\b", r"\bwould have given anyone\b",
        r"\bthe atmosphere\b", r"\btook it out on\b", r"\bafter a few drinks\b",
        r"\bafter the divorce\b", r"\bhad just been diagnosed\b",
        r"\bthe whole (?:night|evening) had\b", r"\bthe normal rules\b",
    ),
    "blaming": _rx(
        HER + r" was the one who\b", HER + r" (?:kept|started|came back|kissed me|asked me|"
        r"invited me|added me|messaged me|texted me|sought me out|flirted|led me on|came on to|"
        r"sat on my|called me into|stayed over|kept (?:smiling|messaging|texting|coming))",
        HER + r" (?:never|didn't) (?:once )?(?:said no|say no|blocked|push(?:ed)? me away|"
        r"told me to stop|complained|said (?:she|he) didn't want)",
        r"\bshe had had\b", r"\bher mates should\b", r"\bnobody said anything to me\b",
        r"\bshe (?:had been|'d been|was) (?:flirting|seeing someone|leading)",
        r"\bwhat am i (?:meant|supposed) to think\b", r"\blike nothing was wrong\b",
        r"\bkept (?:our|the) dms open\b", r"\bshe (?:would|used to) text me at all hours\b",
        r"\bwas always (?:very )?(?:warm|flirty|friendly) with me\b",
        r"\bshe kissed me first\b", r"\bfrom her first \w+ she\b",
        r"\bshe (?:came|went) back to my\b",
    ),
    "forgiveness_request": _rx(
        r"\b(?:hope|pray|ask|asking|wish|want|like|need|beg)\b.*\bforgiv",
        r"\bforgiv\w* (?:me|each other)\b.*\b(?:hope|one day|someday|so (?:we|that))",
        r"\bbe forgiven\b", r"\bput (?:this|it|all this|\w+) behind us\b",
        r"\bshe forgives me\b", r"\bforgiveness of\b",
    ),
    "conditional_apology": _rx(
        SORRY + r".{0,40}\bif\b", r"\bif\b.{0,80}" + SORRY,
        SORRY + r" (?:that )?(?:she|he|they|anyone|you) (?:felt|feels|feel|was made|were made|"
        r"came away|has carried|was upset|got upset)",
        SORRY + r" for any (?:discomfort|upset|hurt|offence|offense)",
        SORRY + r" .*\b(?:may have|might have) (?:caused|upset|hurt)",
        SORRY + r" (?:she|he) (?:had a bad time|feels that way)",
    ),
    "sorry_but": _rx(SORRY + r"\b[^.;]*?,? but\b"),
    "evasive_passive": _rx(
        r"\b(?:things|stuff|it|everything|it all|this|that) (?:all )?(?:just )?(?:got|went|"
        r"had gone|may have gone) (?:a (?:bit|lot|little) )?(?:further|too far|out of hand|"
        r"wrong)", r"\b(?:mistakes|lines?|boundaries|things) (?:were|was|got|had been) "
        r"(?:made|crossed|blurred|said|done)", r"\bit (?:all )?just happened\b",
        r"\bsomething happened\b", r"\bthings happened\b", r"\b\w+ing happened\b",
        r"\bwhatever happened\b", r"\bthe line between .* (?:got|became) blurred\b",
        r"\ba decision was made\b", r"\bthere was behaviou?r\b",
        r"\bwhat happened .* has been described\b", r"\bif lines were crossed\b",
        r"\bwas changed more than once\b", r"\bkept being turned down\b",
    ),
    "memory_denial": _rx(
        r"\b(?:don't|do not|can't|cannot|couldn't|didn't|doesn't|genuinely don't|honestly "
        r"don't|just don't|really don't) (?:really )?(?:remember|recall)\b",
        r"\bno (?:memory|recollection)\b", r"\bnot how i remember\b",
        r"\bremember it (?:that way|differently)\b", r"\b(?:is|was) a blur\b",
        r"\bfit with anything i remember\b", r"\bhard to square\b",
        r"\bmy memory (?:is|of it)\b", r"\bi'?m not saying she'?s lying\b",
        r"\bthat isn't how i\b", r"\bnot (?:going to|gonna) confess\b",
    ),
    "parade_brave": _rx(
        r"\b(?:courage|guts|brave|bravery|balls)\b", r"\b(?:not many|most|few) (?:men|guys|"
        r"blokes|lads|people)\b.*\bwould\b", r"\bwhat i'?m risking\b",
        r"\bisn't easy to put my hand up\b", r"\bi'?m going to get (?:slaughtered|crucified|"
        r"hammered|torn apart)", r"\bsays something that i'?m\b",
        r"\bsomeone (?:actually )?tells the truth\b", r"\bhow rare it is\b",
        r"\bpeople won't like\b", r"\bi'?m doing it anyway\b",
        r"\bone of the ones who (?:does|do|owns)\b",
    ),
    "parade_innocent": _rx(
        r"\b(?:always|never) (?:once )?(?:respected|disrespected|hurt|laid a finger|hit|"
        r"set out to)\b", r"\bnot (?:that|the) kind of (?:guy|man|person|bloke)\b",
        r"\bnever (?:once )?(?:had|been) (?:a |any )?(?:single )?(?:complaint|accused)",
        r"\braised me to\b", r"\bi'?m (?:a hugger|not a (?:pushy|bad|violent))",
        r"\bi am not (?:a )?bad (?:man|person|guy)\b", r"\bnot some (?:creep|predator|monster)\b",
        r"\bi'?ve always (?:been|made sure)\b", r"\bi have always (?:been|made sure)\b",
        r"\bi was always the one who\b", r"\bthe (?:one|guy|man|tutor|coach|manager) "
        r"(?:\w+ )?(?:who|that) (?:remembered|walks?|students|parents|everyone)",
        r"\bfaithful husband\b", r"\bcharity\b", r"\b(?:trained|championed|promoted|mentored) "
        r"(?:and \w+ )?(?:dozens|all the|many|lots)", r"\bwould never hurt\b",
        r"\bwalk (?:them|her|everyone) home\b", r"\bsomeone safe\b",
        r"\bprided myself\b", r"\bbuilt .* into a family\b", r"\bi was brought up\b",
    ),
    "parade_victim": _rx(
        r"\bi (?:have |'ve )?lost (?:my |every|everything|the club|people|friends|it all)",
        r"\bi'?m the one (?:who|whose|people|everyone)", r"\b(?:treats?|treated) (?:me )?like a "
        r"(?:criminal|monster|shoplifter|leper)", r"\blike a shoplifter\b", r"\bcancelled\b",
        r"\bdragged through the mud\b", r"\boutcasts?\b", r"\bfollow you (?:round|around)\b",
        r"\bruined my life\b|\bmy life (?:was|is) ruined\b", r"\bwhile (?:she|he) (?:graduated|"
        r"finished|kept|got|went on)", r"\bstopped returning my\b", r"\bhad to sell\b",
        r"\bwhat that did to me\b", r"\bgetting crucified\b", r"\bcalling me a (?:predator|rapist"
        r"|monster)\b", r"\bwalked out\b", r"\bgone overnight\b", r"\bcross(?:ed)? the road "
        r"when they (?:see|saw) me\b",
    ),
    "parade_monster": _rx(
        r"\bi(?:'m| am| feel like)(?: just)? (?:a |an |the )?(?:\w+ )?(?:disgusting|monster|vile|"
        r"trash|creep|pig|horrible|evil|scum|lowest|worst)\b",
        r"\b(?:worst|lowest) (?:person|form of life|creature|kind of man|human)\b",
        r"\b(?:can't|cannot|can hardly|don't know how i'?m supposed to) (?:stand |bear to )?"
        r"look at myself\b", r"\bshould just disappear\b", r"\bin my own skin\b",
        r"\bsee a creep\b", r"\bdisgusting old man\b", r"\bi'?m (?:just )?trash\b",
        r"\bdirty old man\b", r"\bscrape off\b",
    ),
    "self_centring": _rx(
        r"\b(?:darkest|hardest|worst) (?:time |year |months |thing )?(?:of|in) my life\b",
        r"\bhardest thing i'?ve ever\b", r"\b(?:so |really |very )?(?:hard|difficult) "
        r"(?:year )?for me\b", r"\bi (?:haven't|can't|don't|couldn't|have barely|'ve barely) "
        r"(?:really )?(?:slept|sleep|eat|eaten)\b", r"\bbarely slept\b", r"\banxi(?:ous|ety)\b",
        r"\b(?:need|want) (?:some kind of )?(?:closure|peace|to move on)\b",
        r"\bmove (?:forward|on) with my life\b", r"\bget on with my life\b",
        r"\bhow i'?m doing\b", r"\bhow i am\b", r"\bi (?:think i )?deserve\b",
        r"\bmy side\b", r"\bfair hearing\b", r"\bmy (?:family's )?privacy\b",
        r"\bwhat it was like for me\b", r"\bnobody (?:ever )?hears\b",
        r"\btorturing myself\b", r"\bforgive myself\b", r"\bgive me credit\b",
        r"\bwithout me\b", r"\blost (?:\w+ )?(?:stone|pounds)\b|\bgained \w+ pounds\b",
        r"\bon tablets\b", r"\bdark place\b", r"\bkeeping me sane\b",
        r"\ball i can think about\b", r"\bmake sense of how my life\b",
        r"\bmy life came apart\b", r"\bi'?ve carried this\b", r"\beaten at me\b",
        r"\bi need to put it down\b", r"\bi sat at my bench\b", r"\bnobody would say\b",
        r"\bbeen so anxious\b", r"\boverqualified\b", r"\bisn't the same without\b",
        r"\bhaven't been right\b|\bnot been right\b", r"\bbe heard\b",
        r"\bhaven't logged in\b", r"\bbarely spoken to my own\b",
        r"\bhow am i still standing\b|\bhow i'?m still standing\b",
        r"\bnot one (?:person|of them) has (?:phoned|called|asked)",
    ),
}

REASONS = {
    "minimising": ("This shrinks what happened or how much it weighed.",
                   "Describe what you did plainly, without words like 'only' or 'just'."),
    "excusing": ("This offers a cause outside you (drink, the times, stress, signals) as a "
                 "reason.", "Say what you chose to do; if you mention the context, say it is no "
                 "excuse."),
    "blaming": ("This puts part of the responsibility on the person you harmed.",
                "Leave out what they did; describe what you did and what you should have done."),
    "forgiveness_request": ("This asks for forgiveness, which puts a demand on the person you "
                            "harmed.", "Remove it; forgiveness is theirs to give or not, unasked."),
    "conditional_apology": ("This apology depends on a condition or on how they felt, not on "
                            "what you did.", "Apologise for the act itself: 'I am sorry I ...'."),
    "sorry_but": ("The 'but' takes back the apology before it.",
                  "End the apology where it ends; move anything after 'but' out, or drop it."),
    "evasive_passive": ("This wording hides who did it.",
                        "Put yourself as the subject: 'I did ...'."),
    "memory_denial": ("Disputing or disowning the memory weakens the account.",
                      "Say what you do remember and that you accept her account of the rest."),
    "parade_brave": ("This praises your own courage for speaking.",
                     "Leave the judgement of the statement to its readers."),
    "parade_innocent": ("This presents you as a good guy, which argues against the account.",
                        "Leave your character out; let the statement show what you did."),
    "parade_victim": ("This presents you as the one who was wronged.",
                      "Keep the consequences you faced out, or state them briefly without "
                      "comparison."),
    "parade_monster": ("This self-condemnation turns the focus onto you.",
                       "Replace it with what you are doing to change."),
    "self_centring": ("This moves the focus to your feelings or needs.",
                      "Bring the focus back to the person you harmed and to what you will do."),
}

ELEMENTS = ("apology", "account", "impact", "responsibility", "repair", "change")

ELEMENT_CUES: dict[str, re.Pattern[str]] = {
    "apology": _rx(r"\bi(?:'m| am)(?: so| truly| deeply)? sorry\b", r"\bi apologi[sz]e\b",
                   r"\bmy apology\b"),
    "account": _rx(
        r"\bi (?:\w+ ){0,2}(?:grabbed|kissed|touched|pressured|pushed|pressed|groped|hugged|"
        r"held|pulled|forced|raped|assaulted|sent|shared|messaged|texted|followed|punished|"
        r"ignored|kept (?:asking|going|messaging|on|pushing)|had sex|put my hands?|made "
        r"comments|commented|called her|stood too close|dropped|took|went ahead|did not stop|"
        r"didn't stop|wore her down|cornered|exposed|filmed|photographed|stalked|asked (?:her )?"
        r"again|treated|started (?:touching|messaging))\b",
    ),
    "impact": _rx(
        r"\b(?:she|he|they) (?:has |had |have )?(?:\w+ )?(?:stopped|left|quit|changed|moved|"
        r"avoided|dreaded|dreads|started dreading|couldn't|could not|can't|lost|cried|"
        r"flinches|struggled|had to|went home|didn't come|never went|would cross|crossed)\b",
        r"\b(?:panic attacks?|scared|afraid|frightened|anxiety|nightmares)\b",
        r"\bcost (?:her|him|them)\b", r"\bimpact\b", r"\bwhat (?:it|this) did to (?:her|him)\b",
        r"\bmade (?:her|him|them) feel\b",
    ),
    "responsibility": _rx(
        r"\b(?:it'?s|that'?s|that is|this is|it is|it was|this was) (?:all )?(?:on me|mine|my "
        r"(?:fault|responsibility|choice|doing))\b", r"\bi (?:take|accept) (?:full |complete )?"
        r"responsibility\b", r"\bmy responsibility\b", r"\bi (?:chose|made the choice|made a "
        r"choice)\b", r"\bwhat i'?m responsible for\b", r"\b(?:nothing|none of it) (?:she|he|you)"
        r" (?:did|could)", r"\bnot (?:her|his|your) (?:fault|doing)\b", r"\bmy choice\b",
        r"\bi was the one who did\b", r"\bon me\b", r"\bi am responsible\b",
        r"\bi was responsible\b", r"\bmy fault\b",
    ),
    "repair": _rx(
        r"\bi (?:have |'ve |will |'ll )?(?:paid|repaid|pay|refunded|compensated|returned)\b",
        r"\bpay for (?:her|his|their) (?:therapy|counselling|counseling)",
        r"\bi (?:moved out|moved to|left the|resigned|stepped down|wrote to|told them the truth|"
        r"confirmed|withdrew|deleted)\b", r"\bso (?:that )?(?:she|he) (?:never has to|didn't "
        r"have to|could keep|can keep|doesn't have to)", r"\bif (?:she|he) (?:ever )?wants "
        r"anything\b", r"\brepair\b", r"\bthrough (?:her|his|a|the) (?:solicitor|friend|"
        r"facilitator|welfare officer|hr)\b",
    ),
    "change": _rx(
        r"\bi (?:have |'ve )?(?:stopped|no longer|quit|gave up|given up)\b",
        r"\bi (?:don't|do not|won't|will not) (?:drink|message|meet|coach|date|manage|go)\b",
        r"\b(?:therapist|counsellor|counselor|therapy|counselling|counseling|course|programme|"
        r"program|group|training)\b", r"\b(?:asks?|ask) me (?:about|anything)\b",
        r"\bpermission to\b", r"\bpull me up\b|\bcall me out\b|\bhold me to account\b",
        r"\bi'?ll be (?:on soft drinks|leaving)\b", r"\bi (?:will|'ll) be (?:on|leaving)\b",
        r"\boff the drink\b", r"\bthe door stays open\b",
    ),
}

# Conditions that void an element cue in the same sentence.
_NOT_APOLOGY = _rx(r"\bif\b", r"\bbut\b", r"sorry (?:it|that it) came", r"sorry for how",
                   r"sorry (?:she|he|they|you) (?:felt|feel)", r"sorry the way")


@dataclass(frozen=True)
class PatternHit:
    start: int
    end: int
    kind: str


def _sentence_kinds(norm: str, sent: Any, prev_norm: str, next_norm: str) -> list[str]:
    kinds = [kind for kind, rx in CUES.items() if rx.search(norm)]
    if not kinds:
        return kinds
    rejected = bool(REJECT.search(norm) or DENIAL.match(next_norm.strip())
                    or HYPOTHETICAL.search(norm))
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
        c.dep_ == "neg" for c in tok.head.children)


def _grammar_ok(kind: str, norm: str, sent: Any) -> bool:
    """Checks on the parse that keep each cue to the meaning it stands for."""
    if kind == "forgiveness_request":
        # "I will never ask for forgiveness" rejects the pattern.
        for tok in sent:
            if lemma(tok) in {"forgive", "forgiveness"}:
                verb = tok if tok.pos_ == "VERB" else tok.head
                if _negated(verb) or any(_negated(a) for a in list(verb.ancestors)[:2]):
                    return False
        return "not asking" not in norm and "never ask" not in norm and "don't ask" not in norm
    if kind == "memory_denial":
        # The harmed person's gaps ("she didn't remember getting home") are not denial.
        for tok in sent:
            if lemma(tok) in {"remember", "recall"}:
                subj = [c for c in tok.children if c.dep_ == "nsubj"]
                if subj and subj[0].lower_ in {"she", "they"}:
                    return False
        return True
    if kind == "parade_brave":
        if re.search(r"\bnot (?:writing|doing|saying) this to be (?:told|called)\b", norm):
            return False
        return not re.search(r"\b(?:her|his|their|your) (?:courage|bravery)\b", norm)
    if kind in {"self_centring", "parade_monster"}:
        return _first_person(sent) or "my " in norm or " me" in norm or "myself" in norm
    if kind == "evasive_passive":
        return not re.search(r"\b(?:i|she|he|they) (?:was|were) (?:told|asked|suspended)\b",
                             norm) or "decision" in norm
    if kind == "excusing" and re.search(r"\b(?:she|he|they) (?:was|were) (?:too |so |very )?"
                                        r"(?:drunk|wasted|hammered)\b", norm):
        # Her drunkenness named as the reason she could not consent is an account.
        return bool(re.search(r"\bi (?:was|'d|had|'d had)\b.*\b(?:drunk|drinks|wrecked)", norm))
    if kind in {"conditional_apology", "sorry_but"}:
        return bool(re.search(r"\b(?:i|i'm|i am|im)\b|^sorry|\bsorry\b", norm))
    return True


def sentence_patterns(doc: Any) -> list[PatternHit]:
    sents = list(doc.sents)
    norms = [normalise(s.text) for s in sents]
    hits: list[PatternHit] = []
    for i, sent in enumerate(sents):
        prev_norm = norms[i - 1] if i else ""
        next_norm = norms[i + 1] if i + 1 < len(sents) else ""
        for kind in _sentence_kinds(norms[i], sent, prev_norm, next_norm):
            start, end = sent.start_char, sent.end_char
            while end > start and doc.text[end - 1] in " \n.!?":
                end -= 1
            hits.append(PatternHit(start, end, kind))
    return hits


def element_signals(doc: Any) -> frozenset[str]:
    """Which of the six elements this paragraph shows."""
    found: set[str] = set()
    for sent in doc.sents:
        norm = normalise(sent.text)
        for element, rx in ELEMENT_CUES.items():
            if element in found or not rx.search(norm):
                continue
            if element == "apology" and _NOT_APOLOGY.search(norm):
                continue
            found.add(element)
    return frozenset(found)

