"""Failure patterns and the elements a statement needs, sentence by sentence.

Each pattern is a small set of cues written from its meaning (what minimising *does*,
not how one draft phrased it): regular expressions over a normalised sentence for the
idioms, and checks on spaCy's parse for grammar (first-person subject, negation, passive
voice without an agent, who is the subject of "happen"). A sentence that names a pattern
in order to reject it ("I had been drinking, and that is no excuse") is left alone.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from amends.coach import lexicon as lx
from amends.coach.classifier import NONE, get_model
from amends.coach.kinds import ELEMENTS as KIND_ELEMENTS
from amends.coach.kinds import PATTERNS
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


HER = r"\b(?:she|he|they)"
SORRY = r"\b(?:sorry|apologi[sz]e|apologies|regret)\b"

# Sentences that name a pattern to reject it.
REJECT = _rx(
    r"\b(?:no|not an?|isn't an?|wasn't an?|never an?) (?:excuse|explanation|justification|reason)",
    r"\b(?:doesn't|does not|do not|don't|did not|didn't) (?:excuse|change|justify|explain)", r"\bchanges? nothing\b",
    r"\bnot because it changes", r"\bnot putting (?:this|that|it) on\b",
    r"\bstopped putting (?:that|this|it)", r"\bit is not why\b|\bit's not why\b|not why i did",
    r"\bis the problem\b", r"\bi can't pretend\b", r"\bnone of (?:that|this|which) (?:excuses|"
    r"\bmatters|changes)", r"\bthat'?s not (?:an excuse|true)", r"\bno version of\b",
    r"\bwould have (?:heard|done|made) .* (?:sober|anyway)", r"\band it wouldn't matter",
    r"\bwhich i mention only\b", r"\bis not (?:a|an) (?:excuse|defence|defense)",
    r"\bnot (?:a|the) communication problem\b", r"\bthis was not\b", r"^(?:but |and )?it wasn't\.?$",
    r"\bbut i (?:was the one|made the choice|chose|still chose|knew)\b", r"\bmy choice\b",
    r"\bthat'?s on me\b|\bit'?s on me\b", r"\bexplains nothing\b|\bexcuses nothing\b",
    r"\bnot (?:the|a) (?:times|drink|drinking|alcohol|misunderstanding|culture)\b",
    r"\bno (?:misunderstanding|mixed signal)", r"\binstead of letting\b",
    r"\bwhen (?:she|he|it|they) (?:was|were|did|had)(?:n't| not)\b",
    r"\bnone of (?:that|this|it|which) (?:gave|gives|give|made|makes|meant|means|entitled|"
    r"justified|justifies|excused|excuses|matters|changes|explains)\b",
    r"\b(?:doesn't|does not|didn't|did not) (?:make|give|entitle) (?:anyone|anybody|me|a man)\b",
    r"\bnot (?:a|an|any) (?:defen[cs]e|justification)\b",
    r"\b(?:blame|excuse|hide behind|point to|plead) [^.]*\bbut i (?:won't|will not|refuse)\b",
    r"\b(?:i|that) (?:won't|will not|refuse to) (?:hide|use|blame|lean)\b",
    r"\b(?:i'm|i am) not (?:going to|gonna) (?:hide|use|blame|lean)\b", r"\b(?:and|but) i (?:am|was|'m) the one who (?:chose|decided|did)\b",
    r"\bi (?:now )?know (?:this|that) (?:is|was)(?:n't| not) true\b",
)
HYPOTHETICAL = _rx(r"^i could (?:tell|write|say|blame|point|plead)", r"^i(?: have|'ve) thought about (?:writing|"
                   r"saying)", r"\bi (?:used to )?t(?:old|ell) myself\b", r"^i could write",
                   # The author declining a pattern out loud: "I'd like to say I misread
                   # it, but...", "I'm not going to say it was harmless", "not sorry if".
                   r"\bi(?:'d| would) (?:like|love|want) to (?:say|tell you|claim)\b.*\bbut\b",
                   r"\b(?:i'm|i am|im) not (?:going to|gonna) (?:say|pretend|claim|call it)\b",
                   r"\bi (?:won't|will not) (?:say|pretend|claim|call it)\b",
                   r"\bnot sorry[- ]if\b", r"\bthere (?:was|is) nothing to (?:misread|"
                   r"misunderstand|mistake)\b")
# A short sentence right after that denies the one before ("It wasn't." "She hadn't.").
DENIAL = re.compile(r"^(?:it|she|he|they|that|this)(?: really)? (?:wasn't|hadn't|didn't|"
                    r"isn't|wasn't true|was not|had not|did not)\b.{0,40}$")

# Patterns a following denial ("It wasn't.") turns into an honest account.
REJECTABLE = frozenset({"excusing", "minimising", "blaming"})



def rejects_previous(norm: str) -> bool:
    """Whether a sentence takes back the one before ("It wasn't." "That explains nothing.")."""
    norm = norm.strip()
    return bool(DENIAL.match(norm) or REJECT.search(norm))


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
        r"\b(?:the|that) culture\b", r"\bin my culture\b", r"\bin those days\b",
        r"\bback then\b", r"\bthe era\b", r"\bhow every .* talked\b",
        r"\bthat'?s just what\b", r"\bit was new years?\b", r"\bmixed signals\b",
        r"\bi (?:honestly |genuinely |really )?thought (?:she|he|they) (?:was|wanted|were|liked)",
        r"\bi took (?:that|it) as a sign\b", r"\bfelt mutual\b", r"\bi read (?:that|it) as\b",
        r"\bread the wrong way\b", r"\blines? (?:get|got|gets) (?:blurry|blurred)\b",
        r"\bnobody (?:ever )?(?:trains|trained|taught|teaches) (?:you|me)\b",
        r"\bswept (?:along|up)\b", r"\bon a (?:massive )?high\b", r"\bshould understand\b",
        r"\bwant people to understand\b", r"\bdidn't come out of nowhere\b",
        r"\b(?:i|we) (?:was|were|felt|'d been|had been) (?:very |so |really )?(?:alone|lonely|"
        r"stressed|depressed)\b",
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
        HER + r" was the one who\b", HER + r" (?:came back|kissed me|asked me (?:out|in|back|"
        r"up|over|if|for|to come|to stay)|invited me|added me|sought me out|flirted|led me on|"
        r"came on to|sat on my|stayed over|kept (?:smiling|messaging|texting|coming))",
        HER + r" (?:never|didn't) (?:once )?(?:said no|say no|blocked|push(?:ed)? me away|"
        r"told me to stop|complained|said (?:she|he) didn't want)",
        r"\bshe had had\b", r"\bher mates should\b", r"\bnobody said anything to me\b",
        r"\bshe(?: had been|'d been) (?:flirting|seeing someone|leading)|\bshe was (?:flirting|leading)",
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
        r"\bi'?m doing it anyway\b",
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
        r"\bprided myself\b", r"\bbuilt .* into a family\b",
    ),
    "parade_victim": _rx(
        r"\bi(?: have|'ve)? lost (?:my |every|everything|the club|people|friends|it all)",
        r"\bi'?m the one (?:who|whose|people|everyone)", r"\b(?:treats?|treated) (?:me )?like a "
        r"(?:criminal|monster|shoplifter|leper)", r"\blike a shoplifter\b", r"\b(?:been|got|being|get) cancell?ed\b",
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
        r"(?:year )?for me\b", r"\bi(?: haven't| can't| don't| couldn't| have barely|'ve barely) "
        r"(?:really )?(?:slept|sleep|eat|eaten)\b", r"\bbarely slept\b", r"\banxi(?:ous|ety)\b",
        r"\b(?:need|want) (?:some kind of )?(?:closure|peace|to move on)\b",
        r"\bmove (?:forward|on) with my life\b", r"\bget on with my life\b",
        r"\bhow i'?m doing\b", r"\bhow i am\b", r"\bi (?:think i )?deserve\b",
        r"\b(?:hear|tell|know|understand|give|explain) my side\b|\bmy side of\b", r"\bfair hearing\b", r"\bmy (?:family's )?privacy\b",
        r"\bwhat it was like for me\b", r"\bnobody (?:ever )?hears\b",
        r"\btorturing myself\b", r"\bforgive myself\b", r"\bgive me credit\b",
        r"\blost (?:\w+ )?(?:stone|pounds)\b|\bgained \w+ pounds\b",
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

# Broader cues for each pattern, written from its meaning; they extend CUES.
SORRY_WORDS = r"\b(?:sorry|apologi[sz]e|apologies|regret)"
MORE_CUES: dict[str, tuple[str, ...]] = {
    "minimising": (
        r"\bgr[ae]y area\b|\ba lot of gr[ae]y\b|\bshades of gr[ae]y\b|\bnot black and white\b",
        r"\b(?:any|no) lasting (?:harm|damage|effect|impact)\b",
        r"\b(?:she|he)(?:'s| has)? (?:gone|went) on to\b",
        r"\b(?:a bit|a little|slightly|maybe a bit) too (?:[a-z]+-)?[a-z]+\b",
        r"\bthrown around\b|\bbandied about\b|\btoo easily these days\b|\bthese days (?:you can't|everything is)\b",
        r"\bi (?:left|stopped|backed off|let go) (?:as soon as|when|the moment|straight away when) (?:i was|she|he)\b",
        r"\b(?:a|one) (?:quick|brief|little|small|tiny|silly|stupid|drunken|harmless|innocent|playful|friendly|light|clumsy|awkward) (?:kiss|hug|touch|peck|slap|grope|fumble|joke|comment|moment|message|text|squeeze|pat|mistake|misunderstanding|lapse|flirt|pass)\b",
        r"\bnothing (?:more|else|serious|sexual|physical)\b",
        r"\bno harm (?:done|meant|was done)\b",
        r"\bblown (?:out of proportion|up)\b|\bout of (?:all )?proportion\b",
        r"\boverreact",
        r"\bexaggerat",
        r"\bmountain out of\b",
        r"\bsuch a fuss\b|\bmaking a fuss\b",
        r"\bit (?:wasn't|was not|isn't) (?:like|as if) i (?:raped|attacked|assaulted|hurt|forced)\b",
        r"\bat least i (?:didn't|never|stopped)\b",
        r"\bcould have been (?:much |a lot |far )?worse\b",
        r"\b(?:a )?one-off\b",
        r"\bonce or twice\b",
        r"\b(?:just|only) (?:once|the once|twice)\b",
        r"\b(?:she|he) (?:seems|is|looks|seemed) (?:fine|okay|ok|happy|over it) now\b",
        r"\b(?:she|he)(?:'s| has| is) (?:moved on|doing (?:fine|well|great|really well))\b",
        r"\bno lasting (?:harm|damage)\b",
        r"^(?:it|this|that) was (?:just |only |merely )?(?:one|a|an) (?:\w+ )?(?:moment|mistake|kiss|hug|message|night|thing|pic|joke|minute|second|hour|evening|lapse|slip)\b",
        r"\bnot a (?:lifetime|crime|big deal|assault|disaster|catastrophe)\b",
        r"\b(?:people are|everyone is|they're|they are|she's|she is) (?:acting|talking|behaving|treating (?:it|this|me)) (?:like|as if|as though)\b",
        r"^(?:couples|people|men|guys|lads|everyone|everybody) (?:argue|fight|flirt|do (?:this|that|it)|make mistakes|get drunk)\b",
        r"\b(?:people are|everyone is|they're|they are) making (?:it |this )?out\b",
        r"\bnot (?:as|that|so) (?:serious|bad|big)\b",
        r"\bdon't see how (?:it'?s|this is) (?:as|that|so) (?:serious|bad)\b",
        r"\bworked out (?:for her|for him|in the end|fine for)\b|\blanded on (?:her|his) feet\b",
        r"(?<!as if )(?<!like )\bnothing (?:\w+ )?(?:ever )?happened\b",
        r"\bdidn't do anything (?:apart from|except|but|more than|other than)\b",
        r"\bthat was it\b",
        r"\bcompared to what\b",
        r"\bthis was nothing\b|\bit was nothing\b",
        r"\bit was (?:one|a single) (?:kiss|hug|touch|message|text|night|time|mistake|photo)\b",
        r"\blasted (?:only |just |barely |maybe |about |like )?(?:a |one |a few |a couple of )?(?:moment|second|minute|seconds|minutes)\b",
        r"\bcame (?:down )?to (?:a few|one|some|a couple)\b",
        r"\bover (?:almost )?as soon as\b",
        r"\b(?:end|ruin|wreck) (?:a|my|his|someone's) (?:career|life) over\b",
        r"\b(?:clumsy|awkward) (?:texts?|hug|kiss|moment|pass)\b",
        r"\ba peck\b", r"\b(?:only|just|barely) for a (?:second|moment|minute)\b",
        r"\b(?:touched|kissed|hugged|held|grabbed|put)\b[^.]{0,30}\bfor a (?:second|moment)\b", r"\ball i did was\b",
        r"\bnot as if\b|\bnot like i\b", r"\b(?:far|much|way|a lot) worse\b",
        r"\bpeople (?:have )?(?:done|do) worse\b",
        r"\bnothing more than\b", r"\bno more than\b", r"\ba (?:brief|short|single|quick|"
        r"tiny|fleeting) (?:moment|second|kiss|hug|touch|message|text|incident|thing)",
        r"\ba couple of (?:seconds|minutes|messages|texts)",
        r"\b(?:minor|small|little|harmless|innocent|trivial|silly) (?:incident|thing|moment|"
        r"mistake|misunderstanding|gesture|joke|peck)",
        r"\b(?:wasn't|was not|isn't|is not|not) (?:a|that|such a|some|any) (?:big|huge|major) "
        r"(?:deal|thing)", r"\bgrand scheme\b", r"\bmaking (?:it|this|me) out to be\b",
        r"\bbarely (?:touched|did|kissed)\b", r"\bhardly (?:touched|anything|did)\b",
        r"\ba single (?:message|text|photo|pic|kiss|time|comment)\b", r"\bnot some\b",
        r"\bnothing (?:serious|major|sexual)\b", r"\bit was (?:just|only|merely) ",
    ),
    "excusing": (
        r"\bwhat i saw at home\b",
        r"\bthought (?:that|this|it) was (?:what|how|normal|okay|ok|fine|just)\b",
        r"\bif i (?:had )?(?:thought|known|realised|realized|believed) (?:that )?(?:she|he) (?:didn't|did not|wasn't|was not)\b",
        r"\b(?:didn't|did not) think (?:i was doing )?(?:anything|it was) wrong\b",
        r"\b(?:felt|seemed) like (?:normal|harmless|innocent|mutual|just) (?:flirting|fun|banter|messing)\b",
        r"\bhumou?r\b",
        r"\bin that spirit\b",
        r"\b(?:profession|industry|job|sport|world|environment) where\b",
        r"\banyone (?:else )?would have (?:been|done|felt|reacted)\b",
        r"\bdidn't (?:see|think of|consider|view|realise|realize) (?:it|this|that|what i was doing) (?:as|was)\b",
        r"\bcomes with the (?:job|territory)\b|\bpart of the job\b|\bin my line of work\b",
        r"\bmisjudg",
        r"\bmisread\b",
        r"\bunder the influence\b",
        r"\bone too many\b",
        r"\btipsy\b",
        r"\bhad a few\b",
        r"\bburnt out\b|\bburned out\b|\boverworked\b",
        r"\bheartbroken\b",
        r"\bnot in a good (?:place|way|headspace)\b",
        r"\bnot myself\b",
        r"\bin a (?:dark|bad|low) (?:place|way|period|time|season)\b",
        r"\bthe (?:scene|world|environment|vibe|atmosphere) (?:was|back then|at the time)\b",
        r"\bthat'?s (?:just )?how (?:it was|things were|we were)\b",
        r"\bwork hard,? play hard\b",
        r"\bladdish\b",
        r"\b(?:thought|assumed|believed|figured) (?:that )?(?:she|he) (?:consented|was okay|was ok|was fine|didn't mind)\b",
        r"\bled me to believe\b",
        r"\bseemed (?:keen|interested|into it|up for it|fine|okay|willing)\b",
        r"\bconsensual\b",
        r"\bcrossed wires\b|\bmiscommunication\b",
        r"\bbrought up\b|\bwhere i grew up\b",
        r"\bnever (?:taught|told|shown)\b",
        r"\bdidn't understand consent\b",
        r"\b(?:i|we) (?:was|were) (?:just |only |so |very )?(?:young|a kid|kids|teenagers|immature|naive)\b",
        r"\bthe (?:pressure|stress|workload) (?:was|had been|were) (?:\w+ )?(?:enormous|huge|immense|intense|unbearable|crazy|insane|relentless)\b",
        r"\bi was (?:also )?covering for\b",
        r"\bgrew up (?:in|with|around)\b",
        r"\b(?:a )?(?:house|home|family|background) like mine\b",
        r"\bmy (?:dad|father|mum|mother|parents|old man) (?:was|were|did) (?:exactly |just )?(?:the same|like that|it too)\b",
        r"\bi(?:'ve| have) (?:got )?a temper\b",
        r"\bculture\b",
        r"\b(?:nobody|no one|not something anyone) (?:ever )?(?:talked|spoke|talks) about\b",
        r"\bgoing through (?:a|an) (?:\w+ )?(?:dark|hard|difficult|rough|tough|bad|low) (?:period|time|patch|phase|season|place)\b",
        r"\bto be fair\b",
        r"\bi (?:genuinely |honestly |really )?thought it was (?:my|ok|okay|fine|alright|mutual)\b",
        r"\b(?:full of|rife with) (?:that|this) (?:kind|sort) of\b",
        r"\b(?:nobody|no one) (?:ever )?(?:sat (?:me|us) down|talked to (?:me|us)|trained (?:me|us))\b",
        r"\bthe drink talking\b|\bthe drink\b",
        r"\bbeen on it since\b",
        r"\bwhere i come from\b",
        r"\bdidn't know (?:any )?better\b",
        r"\bso i (?:thought|assumed|figured) (?:it was|she was|he was)\b",
        r"\bit was the (?:christmas|office|work|staff) party\b",
        r"\b(?:pills|stoned|off my (?:head|face)|drugs|coke|weed|hungover)\b",
        r"\b(?:exhausted|sleep-deprived|burnt out|burned out)\b", r"\b\w+-hour (?:shift|day|week)",
        r"\bwhat i (?:learned|learnt|saw growing up|grew up with)\b", r"\bmy (?:dad|father|"
        r"parents) (?:treated|did|were|was like)\b", r"\bi assumed (?:she|he|that she|that he|it was)\b",
        r"\b(?:she|he) was (?:flirty|touchy|friendly|forward) with\b",
        r"\bseemed (?:like )?(?:she|he) (?:wanted|was into|liked)\b",
        r"\bone thing led to another\b",
        r"\b(?:too much|a lot|lots|loads|way too much) to drink\b", r"\balcohol\b",
        r"\b(?:vodka|beer|wine|whisky|whiskey|shots|cocktails|tequila|cider)\b",
        r"\bnot thinking (?:straight|clearly)\b", r"\bnot in my right mind\b",
        r"\bout of character\b", r"\bsomeone i'?m not\b", r"\bwasn't thinking\b",
        r"\bback in the (?:day|\w+ies|\d0s)\b", r"\bdifferent times\b",
        r"\bhow things were (?:done)?\b", r"\bthe industry\b", r"\beveryone (?:did|was doing)\b",
        r"\b(?:was|it's|it was) normal (?:back then|at the time|for us|there)",
        r"\bunder (?:a lot of|enormous|huge|so much|real|a great deal of) (?:pressure|stress)",
        r"\bfalling apart\b", r"\bi(?:'m| am| was|'d been| had been) going through (?:a|my|the) (?:divorce|hard|"
        r"tough|difficult|break-?up|rough)", r"\bgrieving\b",
        r"\b(?:believed|thought|assumed|was sure|was certain|felt|figured) (?:that )?(?:she|he|"
        r"they) (?:was|were|wanted|liked|was into|was interested|was up for|felt the same)",
        r"\b(?:signals?|signs|vibes|hints) (?:that|she|he|from)\b|\bevery signal\b",
        r"\binto me\b", r"\binterested in me\b", r"\bmisread\b", r"\bmisunderst(?:ood|anding)",
        r"\b(?:nobody|no one) (?:ever )?(?:taught|told|showed) me\b", r"\bgrowing up\b",
        r"\bthe way i was (?:raised|brought up)\b", r"\bmy upbringing\b",
        r"\b(?:drink|drinking|alcohol|vodka|stress|pressure|drugs|pills) (?:made|turned) me\b",
    ),
    "blaming": (
        r"\b(?:she|he) was (?:kissing|touching|hugging|holding|cuddling) me\b",
        r"\b(?:she|he)(?:'d| had)? flirted with me\b",
        r"\b(?:she|he) knew how i felt\b",
        r"\b(?:she|he) never (?:made|filed|raised|put in) (?:a|any) (?:\w+ )?complaint\b",
        r"\bwithout any (?:problems|issues)\b",
        r"\bnobody (?:dragged|forced|made) (?:her|him)\b",
        r"\b(?:she|he) did (?:come|go|agree|say yes|kiss|text|stay)\b",
        r"\b(?:she|he)(?:'d| had)? (?:always |often )?(?:been |was |is )(?:quite |very |really |so |pretty )?(?:touchy|touchy-feely|flirty|flirtatious|tactile|affectionate|forward|handsy)\b",
        r"\b(?:she|he) (?:was|had been|'d been) (?:drinking|all over me|teasing|giving me (?:signals|looks|the eye))\b",
        r"\b(?:she|he) (?:suggested|initiated|made the first move|texted first|messaged first|asked for it)\b",
        r"\b(?:she|he) (?:never|didn't|did not) (?:once )?(?:objected?|complained?|reported|blocked|left)\b",
        r"\b(?:she|he) should have\b",
        r"\bit takes two\b",
        r"\bon both sides\b",
        r"\b(?:she|he)(?:'s| is| was)(?:n't| not) (?:exactly )?(?:innocent|blameless|a saint)\b",
        r"\b(?:her|his) (?:share|part) (?:of|in) (?:the )?(?:blame|it|this)\b",
        r"\bput (?:herself|himself) in\b",
        r"\bwe(?:'d| had)? (?:been |were )(?:flirting|texting|messaging|kissing|seeing each other)\b",
        r"\bout of the blue\b",
        r"\bdidn't exactly\b|\bnot exactly (?:push|say no|stop)",
        r"\blet'?s not forget\b",
        r"\b(?:she|he) was (?:dancing with|flirting with|all over|hanging off|sitting on|touching) me\b",
        r"\bcame out of nowhere\b",
        r"\bnobody forced (?:her|him)\b",
        r"\b(?:she|he) knew what (?:kind|sort|she|he)\b",
        r"\b(?:she|he) (?:came|went) up to my\b", r"\bof (?:her|his) own (?:accord|free will)\b",
        r"\bon (?:her|his) own\b.*\b(?:came|went|chose|decided)\b|\b(?:came|went|chose|"
        r"decided)\b.*\bon (?:her|his) own\b", r"\bdressed (?:like|in a way)\b",
        r"\b(?:her|his) (?:friends|mates) (?:left|should|let)\b", r"\bthat'?s on (?:them|her|him)\b",
        r"\basking for it\b", r"\bwanted (?:the )?attention\b",
        r"^(?:she|he) (?:invited|chose|agreed|wanted|initiated|came (?:over|round|onto|"
        r"back|to my)|got in|danced|kept|asked me (?:out|in|back|up|over|if|"
        r"for|to come)|was (?:all over|flirting|leading))",
        r"\b(?:she|he) (?:could|should) have (?:said|told|stopped|left|gone|pushed|made it)",
        r"\bif (?:she|he) didn't want (?:it|to|that)\b", r"\bwhat was i (?:supposed|meant) to\b",
        r"\bgave me the (?:impression|idea|green light)\b", r"\bled me on\b",
        r"\b(?:she|he) (?:never|didn't) (?:once )?(?:object|resist|stop me|say anything)",
    ),
    "forgiveness_request": (
        r"\b(?:hope|wish|pray)\b.*\b(?:will|can|could|might) (?:come to |one day |someday )?(?:understand|accept|see|forgive|let)\b",
        r"\bforgiv(?!e myself|ing myself|eness for myself)",
        r"\bclear the air\b",
        r"\bsit down with (?:her|him|them)\b",
        r"\baccept my apolog",
        r"\b(?:hope|wish|pray)\b.*\b(?:she|he|they) (?:can|will|could|might) (?:accept|understand|let (?:it|this) go|move on|see (?:that|past))\b",
        r"\bwe can (?:both )?(?:just )?(?:get on|move on|get back)\b",
        r"\breconcil",
        r"\bfresh start\b|\bclean slate\b",
        r"\blet (?:it|this) go\b",
        r"\bbury the hatchet\b",
        r"\bbe friends again\b",
        r"\bback to (?:how|the way) (?:things|we) were\b",
        r"\bmove past (?:it|this)\b",
        r"\b(?:hope|wish|want)\b.*\bwe can (?:move (?:past|on)|get past|put)\b",
        r"\bforgiveness in (?:her|his|their) heart\b",
        r"\b(?:a second|another) chance\b",
        r"\bforgive me\b", r"\bher forgiveness\b|\bhis forgiveness\b|\btheir forgiveness\b",
        r"\bbeg(?:ging)? (?:her|him|them|you)\b.*\bforgiv",
    ),
    "conditional_apology": (
        SORRY_WORDS + r".*\b(?:has been|have been|was|were|got|is) (?:\w+ )?(?:affected|upset|offended|hurt by)\b",
        SORRY_WORDS + r".*\bhow (?:it|things|everything|this) (?:all )?(?:played out|turned out|went|ended|came across)\b",
        SORRY_WORDS + r" (?:for|about) (?:any|anything|whatever)\b",
        SORRY_WORDS + r".*\b(?:confusion|awkwardness|embarrassment|upset|discomfort|distress|misunderstanding) (?:i|this|it|that) (?:caused|created|may)\b",
        SORRY_WORDS + r".*\b(?:whatever|those who|in case|perceived|took it|the way (?:she|he)|how (?:she|he) (?:feels|felt|took))\b",
        SORRY_WORDS + r".*\bnever meant\b",
        r"\bregret that (?:she|he|they) (?:sees|feels|thinks|views|took|see|feel)\b",
        r"\b(?:supposed|meant|expected|told) to (?:say sorry|apologi[sz]e)\b",
        r"\b(?:have|got) to say sorry\b",
        SORRY_WORDS + r" (?:that )?(?:you|she|he|they) (?:were|was|felt|feel|got) (?:\w+ )?(?:scared|upset|hurt|uncomfortable|offended|frightened|afraid|awkward)\b",
        SORRY_WORDS + r".*\b(?:she|he|they) (?:believes|feels|claims|says|thinks|reports|"
        r"describes|alleges|perceives|regrets|experienced|remembers|recalls)\b",
        SORRY_WORDS + r".*\bany (?:pain|hurt|harm)\b",
        r"\bapologies to (?:anyone|anybody|those) who\b", SORRY_WORDS + r".*\boffended\b",
        SORRY_WORDS + r".*\bmisinterpreted\b|" + SORRY_WORDS + r".*\bmisunderstood\b",
        SORRY_WORDS + r".*\b(?:to (?:anyone|anybody) who|any (?:offence|offense|hurt|upset|"
        r"distress|harm|misunderstanding)|may have|might have|was perceived|came across|"
        r"took offen[cs]e|in any way|the way (?:she|he) (?:feels|felt|does))",
        r"\bto the extent that\b.*" + SORRY_WORDS,
        SORRY_WORDS + r" (?:that )?(?:she|he|they|anyone|you) (?:feels?|felt)\b",
    ),
    "sorry_but": (SORRY_WORDS + r"\b[^.;]*?,? (?:however|though|although|yet|that said|still|having said that|at the same time|"
                  r"except|only|apart from|i'd (?:point out|add|say|note)|i would (?:point out|add|"
                  r"note|say))\b",),
    "evasive_passive": (
        r"\b(?:how|where) (?:it|things|this) (?:got|went) (?:so|that|this) far\b",
        r"\b(?:it|things|everything) (?:kind of |sort of |just )?(?:snowballed|spiralled|spiraled|escalated)\b",
        r"\b(?:events|matters|what happened|whatever happened) (?:unfolded|escalated|occurred|developed|spiralled)\b",
        r"\b(?:wrongs|harm|hurt) (?:was|were|has been|have been) (?:done|caused)\b",
        r"\bthere was (?:an? )?(?:incident|situation|encounter|misunderstanding)\b",
        r"\ban incident (?:occurred|took place|happened)\b",
        r"\bit was decided\b|\ba decision was taken\b",
        r"\bstuff happened\b",
        r"\b(?:kissing|touching|it|things|flirting|talking) turned into\b",
        r"\b(?:contact|touching|kissing|things|it|something|an incident|the incident) "
        r"(?:occurred|took place)\b", r"\b(?:drink|drinks|glass) (?:was|were|got) "
        r"(?:topped up|spiked|refilled)\b", r"\b(?:were|was) done that\b",
        r"\bgot out of (?:control|hand)\b",
        r"\b(?:things|stuff|it|everything|it all|the situation|the night|the evening|matters) "
        r"(?:just |all |then |quickly )?(?:got|went|turned|became|ended up) (?:a bit |a little |"
        r"a lot |very |really )?(?:too far|further|out of hand|out of control|wrong|physical|"
        r"sexual|heated|intimate|south|sideways|messy)\b",
        r"\b(?:things|the situation|it|matters|everything) (?:just |quickly )?(?:escalated|"
        r"spiralled|spiraled|unfolded|progressed)\b",
        r"\b(?:it|things|everything) (?:all )?(?:just |simply )?happened (?:so )?(?:fast|quickly)",
        r"\b(?:comments|remarks|jokes|advances|photos|pictures|images|messages|lines|"
        r"boundaries|mistakes|errors|things|words) (?:were|got|had been) (?:\w+ )?(?:made|crossed|"
        r"said|shared|sent|passed|blurred|exchanged|taken|posted|overstepped)\b",
    ),
    "memory_denial": (
        r"\bmemory\b[^.]{0,30}\b(?:hazy|fuzzy|blurry|patchy|different|unclear|vague)\b",
        r"\b(?:fit|fits|match|matches|square|squares|tally|tallies) with (?:how|what) i (?:remember|recall)\b",
        r"\bno (?:recall)\b|\brecollect\b",
        r"\bmemory (?:is|was) (?:hazy|fuzzy|blurry|patchy|different)\b",
        r"\b(?:that'?s|this is|that is) not what happened\b",
        r"\bdidn't happen (?:that way|like that)\b",
        r"\b(?:she|he) (?:remembers|recalls) (?:it |things )?differently\b",
        r"\bi (?:dispute|deny)\b",
        r"\bnever happened\b",
        r"\b(?:embellished|exaggerated) (?:her|his|the) (?:story|account|version)\b",
        r"\bnot sure (?:that'?s|that is|it was|this is) (?:how|what) (?:it|happened)",
        r"\b(?:that'?s|that is|it's) not how it (?:went|happened)\b",
        r"\brecollection\b",
        r"\b(?:happened|went) (?:the way|like|how) (?:she|he) (?:says|said|tells|describes|claims)\b",
        r"\bthe way (?:she|he) (?:tells|describes|remembers) it\b",
        r"\b(?:match|square|fit|tally) (?:with )?(?:my|what i) (?:memory|remember|recall)",
        r"\bmy memory (?:doesn't|does not|is not|isn't)\b",
        r"\b(?:couldn't|can't|cannot) (?:honestly )?tell you (?:what|how|much)\b",
        r"\bmy (?:memory|recollection|version)\b.*\b(?:different|not the same|differs|hazy|fuzzy"
        r"|blurry|unclear)", r"\bnot (?:how|the way) i remember\b", r"\bblacked out\b",
        r"\b(?:hazy|fuzzy|blurry) (?:for me|memory)", r"\bi (?:can't|cannot|don't) remember\b",
    ),
    "parade_brave": (
        r"\b(?:ripped|torn|slated|slaughtered|crucified|destroyed|hammered|attacked) (?:apart |to pieces )?for (?:posting|writing|saying|sharing)\b",
        r"\bstick my neck out\b",
        r"\bputting myself out there\b",
        r"\bi'?m not hiding\b",
        r"\bunlike (?:most|others|other men)\b",
        r"\bhonest enough\b",
        r"\b(?:takes|took) (?:a lot|real|something) (?:of )?(?:guts|courage|nerve|strength)\b",
        r"\b(?:one of the )?few (?:men|people|guys|blokes) (?:who|that) (?:will|would|ever)\b",
        r"\b(?:isn't|is not|not) easy to be (?:this )?(?:honest|open)\b",
        r"\b(?:bravest|courageous|heroic)\b", r"\b(?:stay|staying|keep|keeping) (?:silent|quiet)"
        r".*\b(?:but|yet) i\b", r"\bspeak(?:ing)? up\b.*\bmost\b|\bmost\b.*\bspeak(?:ing)? up\b",
        r"\bbraver?\b", r"\bthe (?:nerve|strength|balls) to\b", r"\bman enough\b",
        r"\b(?:few|not many|no other|most) (?:men|guys|people|blokes|lads) would\b",
        r"\b(?:torn apart|slaughtered|crucified|attacked|hated|judged) for (?:writing|posting|"
        r"saying|sharing) this\b", r"\b(?:writing|posting|saying|sharing|speaking)\b.*\b(?:did|doing|do) it anyway\b", r"\bputting my name to\b",
        r"\bi'?m proud (?:of myself|that i)\b",
    ),
    "parade_innocent": (
        r"\b(?:my )?intentions were (?:\w+ )?(?:good|pure|innocent|honourable|honorable|kind)\b",
        r"\btrying to (?:support|help|look after|protect|mentor) (?:a |her|him|them)\b",
        r"\bnot that (?:person|guy|man|bloke) (?:anymore|any more|now)\b",
        r"\b(?:genuine|loving|loyal|faithful|gentle|caring) (?:guy|man|person|bloke|lad|husband|father|dad)\b",
        r"\bnot a (?:misogynist|sexist|violent (?:man|person|guy))\b",
        r"\bvouch for me\b|\bcan vouch\b",
        r"\btrack record\b",
        r"\bfamily man\b",
        r"\brespect(?:ed)? women\b",
        r"\bmy character\b",
        r"\bnot the same (?:person|man|guy|bloke)\b",
        r"\bi(?:'ve| have) (?:matured|grown up|changed) (?:a lot|so much|since)\b",
        r"\bi(?:'ve got| have) (?:a wife|a daughter|daughters|two daughters|sisters|a sister)\b",
        r"\bnever (?:treat|treated|disrespect|disrespected) (?:a woman|women|anyone)\b",
        r"\bwithout (?:a single|one|any) (?:issue|complaint|problem|incident)\b",
        r"\bone of the good (?:ones|guys)\b",
        r"\bi have (?:a daughter|daughters|sisters|two sisters)\b",
        r"\bvolunteer(?:ed|ing)? (?:with|for|at)\b",
        r"\bwould never (?:disrespect|hurt|harm|do anything to)\b",
        r"\b(?:kind|sort|type) of (?:guy|man|person|bloke|lad) who (?:always|would)\b",
        r"\bnever so much as\b", r"\bharmless\b", r"\bwouldn't hurt a fly\b",
        r"\bi'?m (?:a |an )?(?:\w+ )?(?:decent|good|nice|kind|gentle|respectful|honest|"
        r"caring) (?:guy|man|person|bloke|lad|husband|father|dad)\b",
        r"\bi am (?:a |an )?(?:\w+ )?(?:decent|good|nice|kind|gentle|respectful|honest|caring) "
        r"(?:guy|man|person|bloke|lad|husband|father|dad)\b",
        r"\b(?:never|not once) (?:been|was) (?:violent|abusive|aggressive|inappropriate)\b",
        r"\b(?:always|have always|'ve always) (?:treated|respected|supported|protected|looked "
        r"out for|cared about|stood up for) (?:women|girls|people|everyone)\b",
        r"\bi'?m not (?:a |an |some )?(?:predator|monster|creep|rapist|abuser|bad (?:guy|man|"
        r"person)|that guy)\b", r"\bi am not (?:a |an |some )?(?:predator|monster|creep|rapist|"
        r"abuser)\b", r"\bfeminist\b", r"\b(?:everyone|anyone|anybody|people) who knows? me\b",
        r"\bask anyone\b",
    ),
    "parade_victim": (
        r"\b(?:have|has|had) been (?:very |so |really |incredibly )?(?:harsh|unfair|cruel|brutal|vicious) (?:with|to|on|towards) me\b",
        r"\bi(?:'ve| have)? lost (?:a|the) (?:role|job|position|place|community|career|ministry)\b",
        r"\bcut me (?:dead|off|out)\b|\bfrozen out\b",
        r"\b(?:have|has|had) (?:banned|barred|blacklisted|dropped) me\b",
        r"\bi can'?t even\b",
        r"\b(?:which|and it) is killing me\b|\bit'?s killing me\b",
        r"\b(?:my|our) (?:bookings|business|clients|customers|income|work|sales|trade) (?:has|have|had) (?:\w+ )?(?:dried up|collapsed|disappeared|vanished|gone|suffered|fallen)\b",
        r"\bi(?:'ve| have)? had to (?:let \w+ (?:\w+ )?go|close|sell|move|leave|give up)\b",
        r"\b(?:labelled|labeled|branded|painted|portrayed) (?:as |like )?(?:a |an )?(?:criminal|monster|predator|rapist|abuser|pariah|pervert|villain)\b",
        r"\bthrown under the bus\b",
        r"\btrial by (?:social media|the internet|twitter)\b",
        r"\bno due process\b",
        r"\bguilty until\b",
        r"\b(?:believed|took) her side\b",
        r"\bone (?:mistake|night|accusation) (?:has|will|can) (?:ruin|follow|define)",
        r"\bwhile (?:she|he) (?:gets|got|is thriving|thrives)\b",
        r"\bcalling me (?:a|an) \w+",
        r"\b(?:my )?(?:whole |entire )?(?:career|life|livelihood|reputation|future) (?:is |was |has been )?(?:basically )?(?:gone|over|ruined|destroyed|finished|in tatters)\b",
        r"\bnobody (?:\w+ ){0,4}(?:will|would) (?:book|hire|employ|speak to|talk to|work with) me\b",
        r"\b(?:the )?(?:real|true|actual) victim\b",
        r"\btreated (?:worse than|like) a\b",
        r"\b(?:pariah|outcast|laughing stock|scapegoat)\b",
        r"\bhung out to dry\b",
        r"\b(?:my|our) (?:kids|children|family|wife|son|daughter) (?:are|is|have been|has been) (?:being )?(?:bullied|harassed|threatened|trolled|targeted)\b",
        r"\bmade (?:into|out to be) (?:a |the )?(?:villain|monster|criminal|predator)",
        r"\bnobody cares about (?:me|my)\b", r"\bruined my (?:life|career|name|reputation)\b",
        r"\bwhat (?:this|it) has cost me\b", r"\bi'?ve been made\b",
        r"\bmy (?:reputation|career|life|name|livelihood|business|world|whole life) (?:has been|"
        r"was|is|got) (?:\w+ )?(?:destroyed|ruined|torn apart|wrecked|over|gone|finished|"
        r"dragged|trashed)", r"\bi'?ve lost (?:my|everything|every)\b",
        r"\bturned (?:their|her|his) backs?\b", r"\b(?:abandoned|shunned|ostraci[sz]ed|"
        r"vilified|demoni[sz]ed|hounded|scapegoated|witch[- ]hunt|pile-on|lynch mob)\b",
        r"\bi'?m the one (?:being|who|whose)\b", r"\bwhile (?:she|he) (?:carries on|gets on|goes"
        r" on|has moved on|moved on)\b", r"\bone accusation\b", r"\bfalse(?:ly)? accus",
        r"\bnobody (?:stood|stands|has stood) by me\b",
    ),
    "parade_monster": (
        r"\bself-(?:loathing|hatred|disgust)\b",
        r"\bbetter off without me\b",
        r"\b(?:rot|burn) in hell\b",
        r"\bdeserve to suffer\b",
        r"\bbeneath contempt\b",
        r"\b(?:waste of|disgrace to|excuse for a) (?:space|oxygen|a man|a human|humanity)\b",
        r"\bi'?m (?:a |an )?(?:pervert|predator|abomination|failure as a)\b",
        r"\bsee a (?:monster|creep|predator|animal)\b", r"\bpiece of (?:garbage|shit|trash|filth|"
        r"dirt)\b",
        r"\bi(?:'m| am) (?:a |an |the )?(?:\w+ )?(?:terrible|awful|horrible|disgusting|vile|evil|"
        r"rotten|worthless|sick|despicable|pathetic|revolting|repulsive|monstrous|scum|"
        r"waste|animal|abomination)\b", r"\bhate myself\b",
        r"\b(?:don't|do not) deserve to (?:live|be alive|exist|be happy|be here)\b",
        r"\brotten to the core\b", r"\b(?:can't|cannot) (?:live with|stand|bear) myself\b",
        r"\bshould(?:n't| not)? (?:just )?(?:die|not exist|be dead)\b",
    ),
    "self_centring": (
        r"\b(?:haven't|have not|'ve not|not) been able to (?:go to|work|function|leave|eat|sleep)\b",
        r"\b(?:feel|felt) like (?:i'?m|i'?ve been|i am|i have been) (?:erased|invisible|nothing|dead|a ghost|forgotten)\b",
        r"\bi(?:'ve| have) been erased\b",
        r"\btaken (?:a|its) (?:\w+ )?toll on (?:me|my)\b",
        r"\bsigned off\b",
        r"\b(?:haven't|have not|'ve not|not) been able to (?:face|bring myself)\b",
        r"\bwithout (?:hearing|listening to|asking) (?:from )?(?:me|my side)\b",
        r"\bmade up (?:their|your) minds?\b",
        r"\b(?:my|our) (?:family|wife|kids|children|parents) (?:have|has) (?:suffered|been through)\b",
        r"\b(?:unfair|not fair) (?:on|to) me\b",
        r"\bwhat about me\b",
        r"\bmy feelings\b",
        r"\b(?:i have|i've got|i'll have) to live with\b",
        r"\bhaunts me\b|\bkeeps me (?:up|awake)\b",
        r"\bcan't stop thinking about (?:it|this|what)\b",
        r"\bi(?:'ve| have| was| am|'m)(?: been)? (?:off work|on sick leave|signed off)\b",
        r"\b(?:lost|gained) (?:\w+ )?(?:stone|pounds|kilos|weight)\b",
        r"\beating me (?:up|alive)\b",
        r"\bi(?: feel|'m| am)(?: so| completely| totally| utterly| just)? (?:broken|destroyed|empty|numb|devastated|wrecked|crushed|shattered|lost)\b",
        r"\b(?:not to|don't|do not|please don't) judge me\b",
        r"\bone chapter of my life\b",
        r"\b(?:our|my) (?:savings|money|income|house|home|pension) (?:is|are|has|have) (?:all )?(?:gone|been lost)\b",
        r"\bdon't know how (?:we|i)(?:'ll| will| are going to| am going to) (?:manage|cope|survive|get by)\b",
        r"\b(?:it's|its|it has) been (?:\w+ )?(?:hard|difficult|tough|awful|horrible|painful|brutal) (?:losing|being|not)\b",
        r"\bbarely left the house\b",
        r"\blost (?:so much |a lot of )?weight\b",
        r"\b(?:get|have) my life back\b",
        r"\bfrom the stress\b",
        r"\baffected me\b", r"\b(?:so|very|really|completely|utterly) (?:alone|lonely|isolated)\b",
        r"\b(?:worst|hardest|darkest) (?:year|years|months|time) of my life\b",
        r"\bhow much (?:this|it) has (?:hurt|affected|changed) me\b",
        r"\bstruggl(?:e|ed|ing) with (?:my|depression|anxiety|it|this|everything)",
        r"\b(?:my|i have|i've had|i've got) (?:depression|anxiety|panic attacks|breakdown)",
        r"\bmy mental health\b", r"\b(?:tough|hard|difficult|painful|exhausting|draining|"
        r"brutal) (?:on|for) me\b", r"\bi (?:just )?(?:want|need) (?:to move on|closure|peace|to "
        r"heal|people to understand|to be understood)", r"\bwhat i'?ve been through\b",
        r"\bwhat i went through\b", r"\bwhat i'?m going through\b",
        r"\bi (?:can't|couldn't|haven't been able to|can barely) (?:sleep|eat|work|focus|function)",
        r"\bmy (?:pain|suffering)\b",
    ),
}
for _kind, _extra in MORE_CUES.items():
    CUES[_kind] = re.compile(CUES[_kind].pattern + "|" + "|".join(f"(?:{p})" for p in _extra))


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    parts, depth, current, i = [], 0, [], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            current.append(pattern[i:i + 2])
            i += 2
            continue
        if char == "[":
            end = pattern.index("]", i + 1)
            current.append(pattern[i:end + 1])
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

ELEMENT_CUES: dict[str, re.Pattern[str]] = {
    # Every form an apology takes: "I'm deeply sorry", "I sincerely apologize", "my
    # apologies", "I regret what I did", "I owe her an apology", "I apologised to her".
    "apology": _rx(r"\b(?:i|we)(?:'m| am|'re| are)(?: (?:so|very|truly|deeply|really|"
                   r"sincerely|genuinely|profoundly|terribly|incredibly|most|deeply,? deeply))*"
                   r" sorry\b", r"\b(?:i|we)(?: \w+ly)?(?: want to| wish to| must| have to|"
                   r" would like to)?(?: \w+ly)? apologi[sz]e[ds]?\b", r"\bmy (?:\w+ )?apolog(?:y|ies)\b",
                   r"\bi(?: \w+ly)? regret (?:what i|my|having|hurting|harming|everything i)\b", r"\bi owe (?:her|him|them|you) an apology\b",
                   r"\bi offer (?:my |an |a )?(?:\w+ )?apolog(?:y|ies)\b", r"^sorry for what i\b",
                   r"\bi said (?:i was|i'm|i am) sorry\b"),
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
        r"\bi used (?:that|it|the trust|my (?:position|power|role|authority|status))\b",
        r"\b(?:and|but) i knew (?:it|that|what)\b|^i knew\.?$", r"\bmy choices?\b",
        r"\bnone of (?:it|this) was (?:your|her|his) (?:doing|fault)\b",
        r"\bknowing i had power\b", r"\bi abused\b", r"\bi own (?:this|that|it|what)\b",
        r"\bi was responsible\b", r"\bmy fault\b", r"\bthere (?:is|was|'s) no excuse\b",
        r"\b(?:nobody|no one) (?:else )?(?:made|forced|pushed) me\b", r"\bmy decision\b",
        r"\bi (?:decided|knew (?:she|he|they))\b", r"\b(?:i|what i did) was wrong\b",
        r"\bi(?:'m| am) to blame\b", r"\bi have no excuse\b",
    ),
    "repair": _rx(
        r"\bi(?: have|'ve| will|'ll)? (?:paid|repaid|pay|refunded|compensated|returned)\b",
        r"\bpay for (?:her|his|their) (?:therapy|counselling|counseling)",
        r"\bi (?:moved out|moved to|left the|resigned|stepped down|wrote to|told them the truth|"
        r"confirmed|withdrew|deleted)\b", r"\bso (?:that )?(?:she|he) (?:never has to|didn't "
        r"have to|could keep|can keep|doesn't have to)", r"\bif (?:she|he) (?:ever )?wants "
        r"anything\b", r"\brepair\b", r"\bthrough (?:her|his|a|the) (?:solicitor|friend|"
        r"facilitator|welfare officer|hr)\b",
    ),
    "change": _rx(
        r"\bi(?: have|'ve)? (?:stopped|quit|gave up|given up)\b",
        r"\bi (?:no longer|don't|do not|won't|will not|never) (?:drink|message|meet|coach|date|"
        r"manage|go|work|text|contact|drive|stay|post|use)\b",
        r"\bi(?:'m| am| have been|'ve been| now| will| will be|'ll| 'll be| have| 've)? "
        r"(?:seen|see|seeing|in|doing|attending|attend|on|started|starting|enrolled|completed|"
        r"finished|joined|done|did|going to|spent) (?:a |an |the |my |two years in a )?(?:\w+ )?"
        r"(?:\w+ )?(?:therapist|counsellor|counselor|therapy|counselling|counseling|course|"
        r"programme|program|group|training)\b",
        r"\b(?:asks?|ask) me (?:about|anything)\b", r"\bpermission to\b",
        r"\bpull me up\b|\bcall me out\b|\bhold me to account\b|\bchecks? (?:in )?(?:on|with) me\b",
        r"\bi'?ll be (?:on soft drinks|leaving)\b", r"\bi (?:will|'ll) be (?:on|leaving)\b",
        r"\boff the drink\b", r"\bthe door stays open\b", r"\bno longer\b",
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


# Semantic fields for the second layer (see _field_kinds): lemmas that carry a pattern's
# meaning whatever the wording around them.
SUFFERING = frozenset(["sleep", "cry", "antidepressant", "medication", "depression", "depressed", "anxiety", "anxious", "panic", "breakdown", "suicidal", "struggle", "suffer", "lonely", "isolated", "battle", "cope", "rebuild", "heal", "closure", "peace", "torment", "nightmare", "misery", "miserable", "broken", "exhausted", "drained"])
VICTIM_VERBS = frozenset(["boycott", "shun", "ostracise", "ostracize", "cancel", "vilify", "demonise", "demonize", "hound", "harass", "bully", "humiliate", "crucify", "destroy", "ruin", "punish", "attack", "troll", "threaten", "abandon", "exile", "victimise", "victimize", "smear", "condemn"])
CAUSES = frozenset(["drunk", "drinking", "alcohol", "lonely", "single", "grief", "bereaved", "depressed", "depression", "stress", "stressed", "tired", "exhausted", "divorce", "breakup", "naive", "culture", "era", "upbringing", "wasted"])
CONNECTORS = frozenset(["because", "as", "since", "so", "after", "when", "being", "just"])
DIMINISHERS = frozenset(["only", "just", "merely", "barely", "briefly", "brief", "little", "minor", "harmless", "tiny"])
ACTS = frozenset(["kiss", "hug", "touch", "message", "text", "photo", "pic", "picture", "image",
                  "snap", "snapchat", "selfie", "dm", "nude", "comment", "joke", "banter",
                  "flirt", "flirting", "fumble", "grope", "incident", "peck", "cuddle", "squeeze",
                  "pat", "leg", "arm", "waist"])
INITIATIVE = frozenset(["send", "text", "message", "invite", "kiss", "flirt", "initiate", "wink", "dress", "choose", "agree", "lead", "encourage"])
_ME = frozenset({"i", "me", "my", "we", "our"})
_WRONGDOING = frozenset({"make", "cross", "say", "do", "share", "send", "post", "blur", "overstep",
                         "allow", "misread", "misinterpret", "handle", "exchange", "pass", "spread"})
_PEOPLE = frozenset({"i", "we", "you", "she", "he", "they", "it", "this", "that", "who", "what",
                     "which"})
_PERSON_WORDS = frozenset({"person", "man", "woman", "girl", "boy", "student", "colleague", "friend",
                           "member", "staff", "team", "people"})


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
    feels_low = any(lemma(t) == "feel" and words & {"low", "down", "awful", "terrible", "horrible",
                                                    "miserable", "rough", "rubbish", "hopeless",
                                                    "worthless", "empty", "numb"}
                    for t in tokens)
    # A suffering word that only modifies a noun ("a sleeping bag") is not suffering.
    suffering = any((lemmas[n] in SUFFERING or t.lower_ in SUFFERING)
                    and t.dep_ not in {"compound", "amod"} for n, t in enumerate(tokens))
    if words & _ME and (suffering or feels_low) and not subjects & {"she", "he", "they"}:
        kinds.add("self_centring")
    quitting = bool(lemma_set & {"stop", "quit", "give"})
    for n, tok in enumerate(tokens):
        lem = lemmas[n]
        if lem in VICTIM_VERBS:
            patient = [c for c in tok.children if c.dep_ in {"nsubjpass", "dobj"}]
            if any(c.lower_ in {"i", "me"} or any(g.lower_ == "my" for g in c.children)
                   for c in patient):
                kinds.add("parade_victim")
        elif not quitting and (tok.lower_ in CAUSES or (lem in CAUSES and tok.pos_ != "VERB")):
            # The author's own state offered as a cause: "I was lonely", "my divorce".
            clause = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
            subj = [c.lower_ for c in clause.children if c.dep_ == "nsubj"]
            owner = [c.lower_ for c in tok.children if c.dep_ == "poss"]
            if (subj and subj[0] in {"i", "we"}) or (owner and owner[0] == "my"):
                kinds.add("excusing")
        elif (tok.lower_ in DIMINISHERS and set(lemmas[n:n + 5]) & ACTS
              and not (n + 1 < len(tokens) and tokens[n + 1].pos_ in {"VERB", "AUX"})):
            # "just stupid pictures", not "instead of just saying sorry on snap"
            kinds.add("minimising")
        elif lem in {"remember", "recall"} and any(c.dep_ == "neg" for c in tok.children) and not any(
                c.dep_ == "nsubj" and c.lower_ in {"she", "he", "they"} for c in tok.children):
            # "I don't remember", "Rob doesn't recall": disowning the memory, unless it is hers
            kinds.add("memory_denial")
        elif lem in _WRONGDOING and tok.tag_ == "VBN" and any(
                c.dep_ == "nsubjpass" and c.lower_ not in _PEOPLE and c.pos_ != "PROPN"
                and lemma(c) not in _PERSON_WORDS for c in tok.children) and not any(
                c.dep_ == "agent" for c in tok.children):
            # "comments were made", "lines were crossed": a wrong with no one doing it
            kinds.add("evasive_passive")
    root = sent.root
    if lemma(root) in INITIATIVE and words & {"so", "thought", "assumed", "took"} and any(
            c.dep_ == "nsubj" and c.lower_ in {"she", "he"} for c in root.children):
        kinds.add("blaming")
    return kinds


def _field(words: frozenset[str]) -> str:
    return "(?:" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) + ")"


_SUBST = _field(lx.SUBSTANCES)
_STATE = _field(lx.STATES)
_SURR = _field(lx.SURROUNDINGS)
_SMALL = _field(lx.SMALL_AMOUNTS)
_PARDON = _field(lx.PARDON_WORDS)
_HER_DID = _field(lx.HER_INITIATIVE)
_EXCL = _field(lx.EXCLUDING)
_WELL = _field(lx.WELLBEING)
_HE = r"(?:she|he|they)"
_ENDURED = _field(lx.ENDURED)
_INSULT = _field(lx.SELF_INSULTS)
_SHARED = _field(lx.SHARED_FRAMES)
_HARM_VERB = r"(?:hurt|harm|upset|offend|scare|frighten|humiliate|embarrass|cause|disrespect)"
_I = r"(?:i|we|i'd|i'm|we'd|we're)"

# Third layer: semantic fields (lexicon.py) in the positions that give them the pattern's
# meaning. Each entry reads as the meaning it stands for.
MEANING: dict[str, tuple[re.Pattern[str], ...]] = {
    "excusing": tuple(re.compile(p) for p in (
        # a substance the author took in quantity, or the state it left the author in
        r"\b(?:i|we)(?:'d| had)? (?:necked|downed|sank|sunk|knocked back|polished off|chugged)\b",
        r"\b(?:off|out of) (?:my|our) (?:heads?|faces?|minds?|trees?)\b",
        r"\bmy (?:judge?ment|head|mind|brain|thinking) (?:was|had) (?:gone|all over|elsewhere|"
        r"not|a mess|clouded|foggy|scrambled|in pieces)",
        # an inner state of the author's, offered as the setting
        r"\b(?:i|we)(?:'d| had| was| were|'m| am| felt)?(?: been| going through| dealing with|"
        r" under| in| so| very| really| just| all)* (?:a |an |the |my |huge |real |so much )*"
        + _STATE + r"\b", r"\bmy (?:\w+ )?" + _STATE + r"\b",
        r"\b(?:a |the )?(?:rough|bad|dark|low|hard|difficult|tough) (?:patch|period|spell|time|"
        r"year|place|phase)\b", r"\bonly human\b",
        # where, when and how one was raised
        r"\b(?:in|where|from) (?:my|our|the|those|that) " + _SURR + r"\b",
        r"\bwhere i (?:grew up|come from|was raised|am from)\b", r"\b(?:late |early |mid )?"
        r"(?:eighties|nineties|seventies|sixties|noughties)\b",
        r"\b(?:was|were) like that\b", r"\beveryone (?!who)(?:\w+ )?(?:did|joked|talked|spoke|was|"
        r"acted|behaved|drank)\b", r"\bthat (?:kind|sort) of (?:vibe|place|crowd|office|night|"
        r"culture|environment)\b", r"\bmy (?:dad|father|mum|mother|parents|stepdad)\b.*\b(?:"
        r"childhood|growing up|every day|all the time|shouted|hit|drank)\b",
        r"\b(?:no|never had a|never had any) (?:model|example|role model)\b",
        r"\b(?:nobody|no one|noone) (?:ever )?(?:explain(?:ed)?|taught|teach|told|tell|show(?:ed)?)"
        r" (?:me|us)\b", r"\b(?:i|we) (?:was|were) (?:only |just |barely |so |very )?(?:a boy|a kid|kids|boys|"
        r"a teenager|teenagers|young|clueless)\b",
        r"\bi (?:did not|didn't) know (?:here|then|at the time|it was|that it was|the rules|better)\b",
        # misreading the other person
        r"\bi (?:read|took|saw|interpreted|understood) (?:her|his|their|it|that|this|the) ?(?:\w+ )"
        r"?as (?:more|interest|a sign|an invitation|flirting|encouragement|a yes|consent|"
        r"permission|mutual|wanting)", r"\bmeant (?:it )?as (?:a )?(?:joke|banter|fun|compliment|"
        r"laugh|tease)", r"\bseen as (?:a )?compliment\b", r"\b(?:as|like) (?:a )?compliment\b",
        r"\b(?:we|i) (?:both )?(?:got|were) (?:carried away|swept up|caught up)\b",
    )),
    "minimising": tuple(re.compile(p) for p in (
        r"\bover (?:in|within) (?:a |an )?(?:heartbeat|second|seconds|instant|flash|moment|"
        r"minute|blink)\b", r"\b(?:a|one) " + _SMALL + r" (?:of |little )?(?:texts?|messages?|"
        r"comments?|times?|words?|seconds?|moments?|things?|kiss|hug|touch|remarks?|jokes?)\b",
        r"\b(?:compared (?:with|to)|next to|relative to) (?:what|how|some|other|most)\b",
        r"\b(?:was|were|is) (?:pretty |fairly |quite |relatively )?(?:tame|mild|harmless|"
        r"trivial|nothing|minor)\b", r"\b(?:wasn't|was not|isn't|is not) (?:anything|nothing|"
        r"remotely|even close|at all) (?:like|close to|as bad)\b",
        r"\bmostly (?:words|talk|texts|messages|jokes|banter|online)\b",
        r"\bnever (?:actually |really )?(?:did|do) anything\b",
        r"\bone[- ](?:time|off) (?:thing|mistake|lapse|incident|event)\b",
        r"\bwasn't even (?:a |an )?(?:proper|real|actual)\b", r"\bnot even (?:a |an )?(?:proper|real"
        r"|actual)\b", r"\bfor (?:a |an )?(?:few|couple of|split) (?:seconds?|moments?)\b",
        r"\b(?:one|a single) (?:hand|finger|kiss|touch|text|message) (?:on|for|in)\b",
    )),
    "blaming": tuple(re.compile(p) for p in (
        r"\b" + _HE + r"(?:'d| had)? (?:\w+ )?" + _HER_DID + r"\b (?:\w+ ){0,3}?(?:first|"
        r"(?<!of )(?<!to )(?<!with )(?:herself|himself)|as much as|all night|for weeks|all "
        r"evening)\b",
        r"\b(?:what|how) (?:did|does|do|would) " + _HE + r" (?:expect|think)\b",
        r"\b" + _HE + r" (?:knew|knows|know) (?:what|exactly what|full well)\b",
        r"\b" + _HE + r" (?:could|should|might) (?:have )?(?:just |simply |easily )?(?:told|said|"
        r"left|walked|stopped|made|pushed|gone|asked)\b",
        r"\b" + _HE + r" (?:didn't|did not|never) (?:seem|look|appear|act) (?:\w+ )?(?:bothered|"
        r"upset|uncomfortable|unhappy|to mind|worried|scared)\b",
        r"\b" + _HE + r" (?:even|also) (?:smiled|laughed|kissed|joked|texted|came)\b",
        r"\b(?:her|his|their) (?:friends|mates|sister|flatmates?|housemates?) (?:\w+ )?(?:were|was"
        r"|kept) (?:\w+ )?(?:egging|pushing|encouraging|winding)\b",
        r"\b(?:no one|nobody|noone) (?:forced|made|dragged|pushed|held a gun to) (?:her|him|them)\b",
        r"\b(?:how|what) was i (?:supposed|meant|to) (?:to )?(?:know|think|do|make)\b",
    )),
    "forgiveness_request": tuple(re.compile(p) for p in (
        r"\b" + _PARDON + r"\b",
        r"\b(?:hope|wish|pray|praying|hoping|please|someday|one day)\b.*\b" + _HE
        + r"(?:'ll| will| can| could| might| would)? (?:\w+ )?(?:let me (?:back|make|in|explain|"
        r"see|talk)|understand (?:where|why|me|my)|give me (?:a|another)|take me back|see (?:me|"
        r"past|the good)|accept (?:me|my)|reply|speak to me|talk to me)",
        r"\b(?:find a way|find it in (?:her|him|them)(?:self|selves)?) to\b",
        r"\bmake (?:it|this|things) (?:right|up to (?:her|him|them))\b.*\b(?:hope|someday|one day|"
        r"let me|chance)\b|\b(?:hope|let me|chance)\b.*\bmake (?:it|this|things) right\b",
    )),
    "evasive_passive": tuple(re.compile(p) for p in (
        r"\b(?:mistakes|things|stuff|incidents|errors|something|misunderstandings) (?:\w+ )?"
        r"(?:happened|occurred|took place|went on)\b",
        r"\b(?:the |those |my |our )?(?:messages|texts|conversation|kiss|kissing|evening|night|"
        r"situation|party|date|things|stuff|it|banter|joke|touching|game) (?:\w+ )?(?:went|got|"
        r"took|had taken|had gone|ended up|turned|became|slid|drifted|spilled) (?:\w+ )?(?:further"
        r"|a turn|too far|physical|heated|messy|out of hand|over the line|beyond|wrong|"
        r"somewhere)\b", r"\b(?:boundaries|lines|limits|barriers) (?:\w+ )?(?:had |have |"
        r"were |got )?(?:kind of |sort of |just |somehow )?(?:dissolved|blurred|faded|slipped|"
        r"disappeared|melted|got crossed|were crossed|moved|shifted)\b",
        r"\b(?:stuff|things|words|remarks|comments|insults|hands|a hand) (?:got|were|was|ended up)"
        r" (?:\w+ )?(?:said|exchanged|thrown|traded|made|placed|where)\b",
        r"\b(?:a|the) (?:hand|touch|kiss) (?:ended up|landed|found its way|wandered|strayed)\b",
    )),
    "memory_denial": tuple(re.compile(p) for p in (
        r"\b(?:doesn't|does not|didn't|don't) ring (?:a|any) bells?\b",
        r"\b(?:can't|cannot|couldn't|don't|do not) (?:really )?(?:picture|place|swear|vouch|"
        r"be (?:certain|sure|confident))\b",
        r"\b(?:hazy|fuzzy|blurry|patchy|foggy|vague|sketchy|murky|cloudy)\b",
        r"\b(?:her|his|their) (?:version|account|story)\b[^.]{0,30}\b(?:don't|doesn't|do not|"
        r"does not|never) (?:line up|match|add up|tally|agree)\b",
        r"\b(?:don't|doesn't|do not|does not) (?:line up|add up|tally)\b",
        r"\b(?:recollections?|memories|memory)\b[^.]{0,25}\b(?:differ|different|patchy|gaps?|"
        r"incomplete|unreliable|not)\b", r"\bno (?:memory|recollection|memories) of\b",
        r"\bnot (?:certain|sure|convinced) (?:that |whether |if )?(?:it|things|the events|that)\b",
    )),
    "parade_brave": tuple(re.compile(p) for p in (
        r"\b(?:takes|took|taking|it's taken|has taken) (?:a |some |real |a certain |a lot of |"
        r"certain )?(?:\w+ )?(?:strength|guts|courage|nerve|backbone|spine|bottle|character|"
        r"integrity)\b", r"\bnot (?:many|a lot of|everyone|everybody|most) (?:\w+ )?(?:would|"
        r"could|has|have|will)\b", r"\bown(?:ing)? (?:your|my|one's) (?:worst|darkest)\b",
    )),
    "parade_innocent": tuple(re.compile(p) for p in (
        r"\b(?:better|changed|different|good|decent|kind|gentle|honest) (?:person|man|guy|bloke)"
        r" now\b", r"\blearn(?:ed|t) my lesson\b",
        r"\bnever (?:\w+ )?(?:laid|lay|raised|put) a (?:hand|finger)\b",
        r"\b(?:devoted|dedicated|given|spent) (?:my|most of my|much of my|all my) (?:\w+ )?(?:career"
        r"|life|years|time|weekends) (?:to|helping|mentoring|supporting|working|volunteering)\b",
        r"\bi'?m the (?:sort|kind|type) of (?:\w+ )?(?:who|that)\b",
    )),
    "parade_victim": tuple(re.compile(p) for p in (
        r"\b(?:i've been|i have been|i was|i got|i'm being|i am being|i've got) "
        + _EXCL + r"\b", r"\b(?:taken|stripped|torn) (?:away )?from me\b",
        r"\b(?:won't|will not|refuse to|refuses to) (?:return|answer|take|"
        r"speak|talk|look)(?:ing)? (?:my|to me|at me)\b",
        r"\bwhile (?:i|i've|i was|i got|i'm)\b.*\b(?:escorted|sacked|fired|lost|ruined|alone|"
        r"dropped|left|blamed)\b|\b(?:got|gets|received) (?:a )?(?:promotion|praise|support|"
        r"sympathy)\b.*\bwhile i\b|\bwhile i\b.*\b(?:got|get)\b",
        r"\bmy (?:kids|children|son|daughter|family|wife|husband|parents) (?:are|is|have been|has"
        r" been|were|was) (?:getting|receiving|suffering|being|facing) (?:\w+ )?(?:abuse|abused|"
        r"bullied|harassed|targeted|threats|hate|stares)\b",
        r"\beverything i(?:'d| had| have|'ve)? (?:built|worked for|earned)\b",
    )),
    "parade_monster": tuple(re.compile(p) for p in (
        r"\b(?:a|an) (?:disgrace|stain|blight|waste|cancer|parasite)\b",
        r"\b(?:hate|hating|loathe|loathing|despise|despising|sick of|sick with|disgusted (?:by|"
        r"with)) (?:myself|the man in the mirror|the person in the mirror|who i am|what i am)\b",
        r"\bin the mirror\b", r"\b(?:lowest|vilest|worst) (?:thing|creature|man|person|scum)\b",
        r"\b(?:feel|felt) (?:sick|dirty|filthy|disgusted) (?:with|at|about) myself\b",
    )),
    "self_centring": tuple(re.compile(p) for p in (
        r"\b(?:want|need|like|wish) (?:this|it|all this|the whole thing|everything|this whole "
        r"thing|this whole \w+)(?: whole thing)? (?:to (?:go away|be over|end|stop|be the end|be "
        r"behind)|over)\b", r"\bback to (?:normal|my life|my old life|how things were)\b",
        r"\bso (?:everyone|we|i|we all|all of us|people) can (?:move|get|carry) (?:on|forward|past)"
        r"\b", r"\bmy (?:own )?" + _WELL + r"\b[^.;]{0,30}\b(?:shot|battering|toll|wrecked|ruined|"
        r"suffered|gone|hit|shattered|in pieces|in tatters|destroyed|taken|fried|frayed)\b",
        r"\b(?:shot|wrecked|ruined|destroyed|fried) my " + _WELL + r"\b",
        r"\b(?:until|before) (?:they|people|you|everyone) (?:hear|have heard) (?:from me|me out)\b|"
        r"\blisten to me\b|\bopen mind\b",
        r"\b(?:take|took|taken|taking|on) (?:sick |medical |stress )?leave\b",
        r"\b(?:worst|hardest|darkest|most painful) (?:part|bit|thing|period|time) (?:of|in|for) "
        r"(?:my|me)\b", r"\bin bits\b|\ba wreck\b|\bfalling to pieces\b",
        r"\bhow (?:i|i'm|i am) (?:feeling|doing|coping)\b|\bhow this (?:has|is) (?:affecting|"
        r"affected) me\b",
    )),
}


# More of each field, in other positions.
MORE_MEANING: dict[str, tuple[str, ...]] = {
    "excusing": (
        # intent denied: the harm as an accident of an innocent aim
        r"\b(?:never|didn't|did not|wasn't|was not|weren't|were not|not|no one was) (?:\w+ )?"
        r"(?:meant|mean|meaning|intended|intend|aimed|trying|supposed|designed|out) to "
        + _HARM_VERB, r"\bwithout (?:meaning|intending|wanting) to\b",
        r"\b(?:was|were|it was|we had|relationship) (?:\w+ ){0,4}?" + _SHARED + r"\b",
        r"\b(?:we|i) (?:were|was) (?:both |all )?(?:very |so |completely )?(?:different people|"
        r"a child|children|kids|in a (?:bad|dark|weird) place)\b", r"\ba child myself\b",
        r"\b(?:we'd|we had|we) (?:all )?(?:been )?(?:egging|winding|geeing|daring) (?:each other|"
        r"one another)\b", r"\b(?:does|did|do) (?:things|stuff|strange things) to (?:your|a "
        r"person's|my|one's) (?:head|mind)\b", r"\bon the road\b.*\b(?:months|weeks|tour)\b",
        r"\bi (?:didn't|did not|never) (?:realise|realize|appreciate|clock|notice|see|grasp) "
        r"(?:how|that|what|the)\b", r"\b(?:home|life|things) was (?:chaos|chaotic|a mess|hell)\b",
        r"\b(?:parents|mum and dad|mom and dad) (?:split|separated|divorced|were splitting|were "
        r"divorcing|fought)\b", r"\bmy (?:condition|illness|diagnosis|adhd|autism|trauma|past)\b",
        r"\b(?:in|under) (?:control of|the grip of|the influence)\b|\bnot (?:fully |really )?in "
        r"control of myself\b|\bantidepressants\b",
    ),
    "minimising": (
        r"\bout of (?:all )?context\b", r"\b(?:wasn't|was not|isn't|is not|not|never) (?:an? )?"
        r"(?:assault|harassment|abuse|rape|stalking|attack|crime|violence|violent)\b",
        r"\b(?:an? )?(?:awkward|clumsy|fumbled|bad|messy|uncomfortable) (?:encounter|moment|date|"
        r"night|evening|situation|exchange|episode|interaction)\b",
        r"\b(?:worse|bigger|more) than (?:anything|what) (?:that |actually |really )?(?:went "
        r"down|happened|took place|i did)\b", r"\bcounts? as (?:anything|much|a big)\b",
        r"\b(?:all|most of) (?:it|this) (?:was|is) (?:\w+ )?(?:talk|rumou?rs?|gossip|words)\b",
    ),
    "blaming": (
        r"\bat no (?:point|time|stage) did " + _HE + r"\b",
        r"\b" + _HE + r" (?:never|didn't|did not) (?:once )?(?:ask(?:ed)? me to (?:stop|"
        r"leave|go)|tell me (?:to stop|no|she)|say (?:no|stop|anything)|signal|indicate|make it "
        r"clear|let on)\b",
        r"\bonly (?:later|afterwards|after|then|months later|years later) did " + _HE + r"\b",
        r"\b" + _HE + r" (?:later |only later |afterwards )?(?:decided|chose to see|started "
        r"saying|changed (?:her|his|their) mind) (?:it|that|this)?\b(?! to leave)",
        r"\b(?:willingly|voluntarily|happily|eagerly|enthusiastically)\b",
        r"\b(?:she|he|they)\b[^.;]*\bas (?:if|though) (?:all|everything|nothing) (?:was|"
        r"were|had) (?:normal|fine|ok|okay|wrong|happened)\b", r"\bmixed (?:messages|signals)\b|\bhot (?:and|then) cold\b",
        r"\b(?:both of us|we both|either of us) (?:could|should|might) have\b",
        r"\b(?:laughed|played|went|joined) along\b|\b(?:laughed|played) it off\b",
        r"\bnot (?:trying|here|looking) to blame (?:her|him|them)\b",
        r"\b(?:in fairness|to be fair|let's be honest),? (?:she|he|they)\b",
        r"\b" + _HE + r"(?:'d| had)? (?:been )?giving me (?:looks|the eye|signals|eyes)\b",
    ),
    "forgiveness_request": (
        r"\b(?:would mean|it'd mean) (?:the world|so much|a lot|everything)\b",
        r"\b(?:hope|wish|perhaps|maybe|one day|someday|pray)\b[^.]*\b" + _HE + r"(?:'ll| will| "
        r"can| could| might| would| may)? (?:\w+ ){0,3}?(?:reply|respond|write back|see me|"
        r"hear me|meet me|let me|talk to me|speak to me|think of me|look at me)\b",
        r"\bhope (?:we|that we) (?:can|could|might|will) (?:both |all |one day |someday )?"
        r"(?:heal|move|find|get|be|talk|start|rebuild)\b",
    ),
    "evasive_passive": (
        r"\b(?:ended|finished|went|turned out|played out) the way (?:it|they) did\b",
        r"(?<!what )\b(?:passed|happened|went on|occurred) between us\b",
        r"\bthere (?:was|were|has been|have been) (?:some |an? )?(?:\w+ )?(?:conduct|behaviou?r|"
        r"contact|incidents?|interactions?|touching|comments|remarks|lapses?|breaches)\b",
        r"\b(?:lessons|steps|measures|action|changes) (?:have been|has been|are being|were|will "
        r"be|had been) (?:\w+ )?(?:learned|learnt|taken|put in place|made)\b",
        r"\b(?:it's|it is|it was) a (?:shame|pity) (?:that )?(?:the|it|things|our)\b",
    ),
    "memory_denial": (
        r"\b(?:a |mostly a |complete |total )blank\b", r"\bblacked out\b|\bblackout\b",
        r"\b(?:i|i've|i have) (?:\w+ )?(?:forgotten|forgot|lost track of)\b",
        r"\b(?:can't|cannot|couldn't) account for\b",
        r"\b(?:reshaped|rewritten|reimagined|reconstructed|misremember\w*|embellish\w*|"
        r"reinterpreted)\b", r"\bin (?:her|his|their) (?:head|mind|memory)\b",
        r"\b(?:memory|recollection|memories)\b[^.]{0,30}\b(?:reliable|trustworthy|accurate|clear)\b",
        r"\bhow things are remembered\b|\bmemory plays tricks\b|\bmemories (?:change|shift|fade)\b",
    ),
    "parade_innocent": (
        r"\b(?:isn't|is not|wasn't|was not|not) (?:who|what) i (?:am|was|really am)\b",
        r"\b(?:people|anyone|everyone|those) who(?:'ve| have)? (?:\w+ )?known me\b",
        r"\b(?:a |an )?(?:loving|devoted|good|proud|caring|dedicated) (?:dad|father|husband|son|"
        r"brother|uncle|family man|friend|mentor|teacher|coach)\b",
        r"\b(?:i'd|i would|i could) never (?:do anything to )?(?:\w+ )?(?:harm|hurt|disrespect|"
        r"mistreat)\b", r"\bcommitted to (?:the )?(?:values|respect|equality|safety)\b",
    ),
    "parade_victim": (
        r"\b(?:cost|costing) me (?:my|everything|most|all)\b",
        r"\bi(?:'ve| have)? (?:had|received|faced|got) (?:\w+ )?(?:threats|abuse|hate|messages|"
        r"death threats)\b", r"\bmy (?:car|house|home|door|windows?) (?:has been|was|got|have been"
        r"|were) (?:\w+ )?(?:keyed|vandalised|vandalized|smashed|egged|graffitied|damaged)\b",
        r"\b(?:the )?(?:subject|target|victim|focus) of (?:a|an|this) (?:\w+ )?(?:campaign|"
        r"pile-on|witch-?hunt|hate|abuse|attack)\b", r"\bmaking me out to be\b",
        r"\b(?:people|strangers|randoms) (?:i don't|i dont|i do not) (?:even )?know\b",
        r"\b(?:it'?s|its|it has) been (?:insane|hell|a nightmare|brutal|horrendous) for me\b",
    ),
    "parade_monster": (
        r"\b(?:feel|felt|am|i'm) (?:like )?(?:a |an |such a |total |complete )?(?:\w+ )?" + _INSULT
        + r"\b", r"\b(?:kind|sort|type) of (?:man|person|human|guy) i(?:'ve| have)? (?:turned "
        r"out to be|became|become|am)\b",
    ),
    "self_centring": (
        r"\b(?:put|get|tell|give|hear|share|explain|present) (?:across )?(?:my|our) side\b|"
        r"\bmy side (?:across|of)\b|\bon my end\b|\bfrom my end\b",
        r"\b(?:learned|learnt|discovered|found out) (?:\w+ ){0,3}?about myself\b",
        r"\bwhat (?:this|it) (?:has been|was|is) like (?:for me|on my|from my)\b",
        r"\b(?:get|got|getting) out of bed\b|\blie awake\b|\blying awake\b|\blay awake\b",
        r"\blet me (?:get on|move on|live)\b", r"\bi (?:sit|sat|am|'m) (?:all )?alone\b",
        r"\bbefore i'?m judged\b|\bjudge me\b",
    ),
}
for _kind, _extra in MORE_MEANING.items():
    MEANING[_kind] = MEANING.get(_kind, ()) + tuple(re.compile(p) for p in _extra)


_EUPH = _field(lx.EUPHEMISMS)
MORE_MEANING2: dict[str, tuple[str, ...]] = {
    "minimising": (
        r"\b(?:i|it|this|that|which|was|just|a bit of|some|only)\b[^.;]{0,30}\b" + _EUPH + r"\b",
        r"\b" + _HE + r"(?:'s| has| had| is)? (?:moved on|got engaged|is engaged|'s engaged|got married"
        r"|is married|'s married|is fine|is happy|'s happy|is thriving|'s thriving|got over)\b",
        r"\b(?:seen|had|put up with|dealt with) (?:way |much |far )?worse\b",
        r"\boverblown\b|\bblown up\b|\bway over the top\b|\bmade (?:such )?a (?:big )?(?:thing|deal)\b",
        r"\bwhy (?:this|it) is (?:a|such a) (?:thing|big deal|problem)\b",
        r"\b(?:just|only|merely|a few|a couple of) (?:some )?(?:texts|messages|comments|jokes|remarks)\b",
    ),
    "excusing": (
        r"\b(?:understood|seen|read|viewed|judged) (?:in|against) (?:that|the|this) (?:light|"
        r"context)\b|\bin (?:that|the) context\b|\bplease understand\b",
        r"\bnormali[sz]ed\b", r"\bnot raised to\b|\bwasn't raised to\b|\bnever taught\b",
        r"\b(?:nobody|no one) (?:ever )?(?:spoke|talked) (?:of|about)\b",
        r"\b(?:a|my) (?:headspace|state of mind|frame of mind|mindset)\b",
        r"\b(?:my|the) (?:\w+ )?(?:was|were) my downfall\b",
        r"\bbarely (?:functioning|coping|holding it together|keeping it together)\b",
        r"\b(?:suffering|struggling) (?:from|with) (?:severe |serious |undiagnosed |untreated )?\w+",
        r"\bnever (?:home|rested|slept|switched off)\b",
        r"\b(?:got|were|was) (?:a bit |a little |completely )?carried away\b",
    ),
    "blaming": (
        r"^(?:she|he)(?:'d| had)? (?:\w+ )?(?:linked|held|hugged|leaned|leant|kissed|touched|"
        r"flirted|texted|invited|sat|danced|smiled|winked|messaged|offered|initiated|followed|"
        r"returned|replied|came (?:over|round|back|onto|on to|to my|up to me|on to me))\b(?![^.;]*"
        r"\b(?:because i|after i|when i|until|so i would|to get away|to stop|to leave|scared|"
        r"afraid|frightened|asking|to ask|to tell|didn't remember|because (?:she|he)))",
        r"\b(?:a )?(?:willing|eager|active|enthusiastic|equal) (?:participant|partner|party)\b",
        r"\b" + _HE + r" (?:was|seemed|looked) (?:\w+ )?(?:up for it|keen|into it|willing|game)\b",
        r"\b" + _HE + r" (?:literally |actually |even )?(?:sat|climbed|jumped|got) (?:on|onto|into)"
        r" my\b",
    ),
    "evasive_passive": (
        r"\b(?:relationship|friendship|marriage|situation|night|evening|party|things|it|"
        r"conversation|argument|atmosphere|mood|date|trip|weekend|drinks|hands?) (?:\w+ )?(?:"
        r"deteriorated|escalated|soured|spiralled|spiraled|unravelled|collapsed|unfolded|"
        r"disintegrated|broke down|fell apart|went sideways|went south|went downhill|were flowing|"
        r"kept flowing|blurred|slid|slipped|drifted)\b",
        r"\b(?:went|wandered|strayed|ended up) where (?:they|it|he|she|i) shouldn'?t\b",
        r"\b(?:the )?(?:lads|guys|boys|group|others|everyone|people) (?:got|were|was) (?:a bit |"
        r"completely )?(?:carried away|out of hand|rowdy|over-excited)\b",
    ),
    "memory_denial": (
        r"\b(?:can't|cannot|couldn't) (?:say|tell|state|be) (?:with|for) (?:any )?(?:confidence|"
        r"certainty|sure)\b", r"\b(?:runs|run|ran|blurs|blurred|merges|merged) (?:all )?together\b",
        r"\b(?:don't|do not|can't|cannot|won't|wouldn't) (?:claim|pretend|profess) to (?:\w+ )?"
        r"(?:remember|recall|know)\b", r"\b(?:don't|do not|can't|cannot|couldn't|didn't) (?:\w+ )?(?:remember|recall) (?:it |that |"
        r"much |any of it )?(?:clearly|well|properly|fully|exactly)\b",
    ),
    "forgiveness_request": (
        r"\b(?:give anything|do anything|love|long|like the chance|want the chance) to (?:just )?"
        r"(?:talk|speak|see|hear|meet|sit down)\b",
        r"\b(?:find|show|have|feel) (?:some |any )?(?:compassion|sympathy|mercy|kindness|"
        r"understanding|grace) (?:for|towards|toward) me\b",
        r"\b(?:hope|wish|pray)\b[^.]*\b(?:see|know|realise|realize|believe) (?:that )?i(?:'ve| have|"
        r"'m| am)? (?:changed|grown|sorry|a different|not)\b",
    ),
    "parade_innocent": (
        r"\b(?:good|kind|big|warm|generous) heart\b", r"\b(?:anyone|everyone|people|they) (?:will|"
        r"would|can|could) tell you\b", r"\bask (?:anyone|around|my)\b",
        r"\bi (?:also )?(?:give|donate|volunteer|raise money|fundraise) (?:to|for|at|with)\b",
        r"\bi (?:also )?(?:coach|mentor|run|help out with|look after) the\b(?![^.;]*\b(?:no longer|"
        r"stopped|used to))",
    ),
    "parade_victim": (
        r"\b(?:be|being|been|get|got) (?:called|labelled|labeled|branded|cast as|painted as) "
        r"(?:a |an |the )?\w+", r"\b(?:turned|ganged up|piled) on me\b",
        r"\b(?:beyond|so|deeply|grossly|completely) unfair\b", r"\bthe villain\b",
    ),
    "self_centring": (
        r"\b(?:been|going|gone|went) through (?:hell|a lot|so much|the wringer|it|torture)\b",
        r"\b(?:gentle|kind|patient) with myself\b", r"\bshell of\b",
        r"\b(?:two|both) sides\b", r"\b(?:mine|my story|my account|my version) (?:hasn't|has not|"
        r"was never|wasn't|isn't) (?:been )?(?:heard|told|listened to)\b",
        r"\ball (?:parties|sides|of us|involved) to (?:move|heal|get)\b",
        r"\b(?:nights|hours|days) (?:i've|i have|i) (?:spent )?(?:crying|awake|alone)\b",
        r"\blost count of\b",
    ),
}
for _kind, _extra in MORE_MEANING2.items():
    MEANING[_kind] = MEANING.get(_kind, ()) + tuple(re.compile(p) for p in _extra)


_BELIEF = r"(?:believed|thought|assumed|figured|felt|was sure|was certain|reckoned|presumed)"
MORE_MEANING3: dict[str, tuple[str, ...]] = {
    "excusing": (
        r"\bi (?:\w+ )?" + _BELIEF + r" (?:that )?(?:we|it|this|things|everything) (?:was|were|"
        r"had been) (?:\w+ )?(?:on the same page|mutual|fine|okay|ok|consensual|wanted|welcome|"
        r"shared|agreed|going well)\b", r"\bon the same (?:page|wavelength)\b",
        r"\b(?:double|night|split|back-to-back|long|twelve-hour|extra) shifts?\b",
        r"\bsleeping (?:\w+ )?(?:two|three|four|five|\d) hours\b",
        r"\b(?:intention|intent|aim|wish|desire) to (?:cause|give|hurt|harm|upset|offend)\b",
        r"\b(?:we|i) (?:were|was) (?:both |all )?(?:so |very |just |too )?(?:young|stupid|"
        r"naive|immature|green|dumb)\b", r"\b(?:dynamics?|imbalance|hierarchy|boundaries) "
        r"(?:were|was) not something i\b|\battuned to\b|\baware of (?:the )?(?:power|dynamic)",
        r"\b(?:warm|reciprocal|mutual|two-way|friendly|flirtatious) and (?:warm|reciprocal|"
        r"mutual|two-way|friendly|flirtatious)\b",
        r"\bin my right mind\b|\bmy right mind\b|\bnot myself\b",
        r"\bi(?:'d| had| was)? (?:taken|been given|been handed|given|handed|swallowed) "
        r"(?:something|a pill|pills|a drug|drugs|whatever)\b(?! (?:she|he|from her|from him))", r"\bin my shoes\b|\bin my position\b|\bin my place\b",
        r"\banyone (?:else )?(?:would|could|might) have (?:done|reacted|said|felt)\b",
        r"\bi (?:didn't|did not|never|couldn't|could not) (?:know|tell|see|realise|realize) "
        r"(?:that )?(?:she|he|they) (?:wasn't|was not|didn't|did not|weren't|wanted|felt|was)\b",
    ),
    "minimising": (
        r"\bthat'?s all (?:this|it|that) (?:was|is)\b|\ball (?:it|this) was\b",
        r"\b(?:people|everyone|we all|everybody) make mistakes\b",
        r"\b(?:just|only|merely) (?:added|joined|went along|followed|repeated|forwarded|liked|"
        r"commented|replied|reacted|laughed|watched|stood)\b",
        r"\b(?:didn't|did not|never) (?:start|begin|instigate|initiate) (?:it|this|that|the)\b",
        r"\b(?:tame|mild|nothing) (?:by|compared|next to)\b",
    ),
    "blaming": (
        r"\bthrowing (?:herself|himself|themselves) at\b|\bthrew (?:herself|himself) at\b",
        r"\b" + _HE + r" never (?:said|mentioned|told me|let on) (?:that )?(?:she|he|they) "
        r"(?:had|was|were|didn't|wasn't)\b",
        r"\b(?:me and (?:her|him)|(?:her|him) and me|we) (?:had )?(?:\w+ )?(?:flirted|were "
        r"flirting|had been flirting|kissed before|had been texting|were texting)\b",
        r"\bshould(?:'ve| have) (?:\w+ )?(?:spoken up|said something|come forward|reported|told "
        r"(?:someone|me)|left|walked away)\b", r"\binstead of (?:\w+ )?(?:years|months|weeks) later\b",
        r"\bwasn'?t out of nowhere\b|\bdidn't come from nowhere\b",
    ),
    "conditional_apology": (
        r"\b(?:insofar|in so far|to the extent) (?:as|that)\b",
        r"\bexperienced as (?:unwelcome|hurtful|inappropriate|upsetting|offensive)\b",
        r"\b(?:i get|i understand|i accept|i know|i'm devastated|i'm sad|i'm gutted|i'm saddened|"
        r"i am saddened|i am devastated) (?:that )?(?:she|he|they) (?:was|were|is|are|feels?|felt"
        r"|sees?|took|views?|got) (?:\w+ )?(?:upset|hurt|offended|differently|it that way|"
        r"uncomfortable|that way|it badly)\b",
    ),
    "evasive_passive": (
        r"\bone thing (?:\w+ )?(?:led to|followed) (?:another|the other)\b",
        r"\b(?:communications|messages|texts|emails|comments|conduct|behaviou?r|remarks|jokes|"
        r"interactions) (?:\w+ ){0,4}?(?:crossed|overstepped|went over|breached|strayed)\b",
        r"\b(?:we|things|it) (?:just |somehow |sort of |kind of )?ended up\b",
    ),
    "memory_denial": (
        r"\b(?:details|memories|specifics|parts of it|much of it) (?:have |had |has )?(?:\w+ )?"
        r"(?:faded|gone|blurred|slipped)\b", r"\b(?:recollections?|memories|accounts|versions) "
        r"(?:\w+ )?(?:diverge|differ|conflict|vary)\b",
        r"\b(?:witnesses|others|people|friends) (?:\w+ )?(?:recall|remember|describe) (?:a |it )?"
        r"(?:very )?(?:different|differently|otherwise)\b",
        r"\b(?:don't|do not|can't|cannot) (?:have|get|form) (?:a |any )?(?:clear|full|complete|"
        r"proper) (?:picture|memory|image|sense)\b",
    ),
    "parade_innocent": (
        r"\b(?:always|have always|'ve always|long) (?:\w+ )?(?:championed|advocated for|defended|"
        r"protected|promoted|supported|fought for|stood up for|respected|mentored)\b",
        r"\breputation as\b", r"\bsomeone (?:people|others|women|everyone) (?:can|could) trust\b",
    ),
    "parade_victim": (
        r"\b(?:getting|receiving|got|had|received) (?:\w+ )?(?:death )?threats\b",
        r"\b(?:my|our) (?:children|kids|son|daughter|wife|husband|family|parents) (?:have|has|"
        r"had) (?:\w+ )?had to\b", r"\b(?:decided|assumed|concluded|think|thinks|believes) i'?m"
        r" (?:a |an |some )?(?:monster|predator|creep|villain|criminal|abuser)\b",
        r"\bwho (?:weren't|wasn't|were not|was not) (?:even )?there\b",
    ),
    "parade_monster": (
        r"\bi(?:'m| am) (?:\w+ ){0,3}(?:terrible|awful|horrible|disgusting|vile|evil|rotten|"
        r"worthless|despicable|pathetic|revolting|repulsive|monstrous) (?:person|man|human|guy|"
        r"excuse)\b", r"\b(?:stand|bear|want) to be (?:near|around|with) me\b",
    ),
    "self_centring": (
        r"\b(?:gutted|heartbroken|devastated|crushed|ashamed and|miserable)\b(?![^.;]*\b(?:she|"
        r"he) (?:was|is|felt|feels)\b)",
        r"\bi (?:too|also) am (?:a )?human\b|\bi'?m (?:also |only )?(?:a )?human (?:being )?too\b"
        r"|\b(?:a|another) human being (?:with|who)\b",
        r"\blook forward to (?:continuing|returning|getting back|moving)\b",
        r"\b(?:continuing|continue|resume|resuming|get back to) my (?:work|career|life|studies|role)\b",
        r"\bending it all\b|\bend it all\b|\bbecause of the guilt\b|\bthe guilt (?:is|has)\b",
        r"\b(?:is|it's|it is|was) (?:very |so |really )?(?:hard|difficult|painful) for me\b",
        r"\bi deserve (?:the |a )?(?:chance|right|opportunity)\b|\btell my story\b",
    ),
    "forgiveness_request": (
        r"\b(?:one day|someday|some day|eventually|in time|maybe|perhaps) (?:we|she and i|he and i)"
        r" (?:might|could|can|will|would|may) (?:\w+ )?(?:speak|talk|meet|be friends|reconnect|"
        r"see each other|be in touch|sit down)\b", r"\bmy hope that (?:she|he|they|we)\b",
    ),
}
for _kind, _extra in MORE_MEANING3.items():
    MEANING[_kind] = MEANING.get(_kind, ()) + tuple(re.compile(p) for p in _extra)


MORE_MEANING4: dict[str, tuple[str, ...]] = {
    "excusing": (
        r"\b(?:you have to|you need to|you must|people need to|i need people to|try to) "
        r"understand\b", r"\bpressure[- ]cooker\b|\bhigh[- ]pressure\b|\btoxic (?:place|culture|"
        r"workplace|environment)\b", r"\bpicked (?:it|that|this) up\b|\blearned (?:it|that) "
        r"(?:from|at|there)\b", r"\b(?:taken|read|received|interpreted) (?:in a way|the wrong way|"
        r"differently|wrongly|out of)\b", r"\bnever intended\b|\bdidn't intend\b",
        r"\b(?:humou?r|jokes?|banter|sarcasm|irony) (?:doesn't|don't|does not|can't) (?:always )?"
        r"(?:translate|land|come across)\b", r"\bflattered by (?:her|his|their|the) (?:attention|interest|messages)\b",
        r"\b(?:didn't|did not|never) think (?:it|things) through\b",
        r"\bwires? (?:get |got |getting )?crossed\b|\bget (?:their|our) wires crossed\b",
        r"\bwhat was going (?:through|on in) my head\b",
        r"\b(?:in a )?(?:really |very )?(?:bad|dark|low|rough) way (?:mentally|emotionally)?\b",
        r"\bmy meds\b|\bmy medication\b",
    ),
    "minimising": (
        r"\bnot the worst\b|\bworst offender\b|\bby a long way\b",
        r"\bspur[- ]of[- ]the[- ]moment\b|\bheat of the moment\b|\bmomentary\b",
        r"\b(?:i'm|i am|nobody's|no one's|no one is|nobody is) (?:not )?perfect\b",
        r"\botherwise (?:spotless|clean|unblemished|exemplary|good)\b",
    ),
    "blaming": (
        r"\b" + _HE + r"(?:'s| is| was|'d been| had been| has)? (?:always |never |not |n't )?"
        r"(?:been )?(?:exactly |quite |very |really |so |a bit |overly |too |pretty )?(?:shy|sensitive|oversensitive|touchy|dramatic|innocent|fragile|"
        r"difficult|unstable|attention-seeking|needy)\b",
        r"\b(?:she|he)(?:'d| had)? sought me out\b|\bcame looking for me\b",
        r"\b(?:either|both) of us (?:didn't|did not|wanted|agreed)\b|\bthat (?:either|both) of us\b",
        r"\b" + _HE + r" (?:replied|responded|answered|reacted) (?:to )?(?:most|all|every|many)\b",
    ),
    "memory_denial": (
        r"\b(?:recall|remember|recollect) (?:very )?(?:little|nothing|few|barely|hardly)\b",
        r"\bonly (?:fragments|bits|pieces|snatches|flashes)\b|\bfragments of\b",
        r"\b(?:can't|cannot|couldn't|unable to) (?:verify|confirm|corroborate|substantiate)\b",
        r"\bthe truth will (?:come out|out)\b|\bmy version\b|\bher version\b",
    ),
    "parade_brave": (
        r"\bwith a heavy heart\b.*\b(?:cost|risk)\b|\bknowing (?:it|this|that) will cost me\b",
        r"\b(?:have|had|has) the (?:nerve|guts|courage|bottle|backbone) to\b",
    ),
    "parade_innocent": (
        r"\bwithout a (?:single )?(?:grievance|complaint|incident|blemish|mark|issue)\b",
        r"\bspeaks for itself\b", r"\bnot the (?:man|person|guy|monster) (?:she|he|they|people) "
        r"(?:thinks?|think|believes?|says?)\b",
    ),
    "parade_victim": (
        r"\b(?:meant|supposed|made) to be the (?:bad guy|villain|monster)\b|\bthe bad guy\b",
        r"\b(?:i've|i have|i was|i've been|i have been) (?:been )?left with (?:no|nothing)\b",
        r"\b(?:had to|have to|forced to) (?:move|leave|sell|change|flee)\b.*\b(?:harassment|"
        r"abuse|threats|because of (?:this|it|her|the))\b",
        r"\b(?:snatched|ripped|taken|torn) away\b",
    ),
    "self_centring": (
        r"\b(?:thank|grateful to|thanks to) (?:those|everyone|all|the people|my)\b[^.]*\bstood by"
        r" me\b",
        r"\bghost in my own\b|\bstranger in my own\b", r"\bforgive myself\b",
    ),
    "parade_monster": (
        r"\b(?:loathe|hate|despise) what i(?:'ve| have)? (?:become|am|turned into)\b",
    ),
    "evasive_passive": (
        r"\b(?:tempers|voices|emotions|feelings|things|hands) (?:were|ran|got|became|flared)\b",
        r"\b(?:the moment|it|emotion|instinct|passion|lust) (?:just )?took over\b",
        r"\b(?:things|it|this|we|the relationship) (?:between us )?(?:became|got|grew|turned) "
        r"(?:\w+ )?(?:inappropriate|physical|sexual|intimate|too close|blurred)\b",
        r"\bshould never have been (?:sent|said|made|shared|posted|written)\b",
    ),
    "forgiveness_request": (
        r"\bhope (?:she|he|they) (?:reads|sees|hears) this and (?:knows|sees|understands|"
        r"realises|realizes|forgives)\b",
    ),
}
for _kind, _extra in MORE_MEANING4.items():
    MEANING[_kind] = MEANING.get(_kind, ()) + tuple(re.compile(p) for p in _extra)


MORE_MEANING5: dict[str, tuple[str, ...]] = {
    "excusing": (
        r"\b(?:nobody|no one) (?:had |ever )?(?:warned|prepared|briefed|trained) me\b",
        r"\b(?:new|fresh) (?:to|in) (?:the|this|that|my) (?:job|role|post|position|country|city|"
        r"team|scene)\b", r"\bmy (?:father|mother|dad|mum|mom|wife|husband|brother|sister|son|"
        r"daughter|friend|best friend|grandmother|grandfather|nan|grandad) had (?:just |recently )?"
        r"(?:died|passed|left me|been diagnosed)\b", r"\bmade redundant\b|\blost my job\b",
        r"\b(?:a|an) (?:different|other) (?:time|era|age|world|generation)\b",
        r"\b(?:batted an eyelid|blinked|raised an eyebrow|thought twice)\b",
        r"\bproduct of (?:my|the|his|our) (?:environment|upbringing|generation|time|times|"
        r"background|culture|era)\b", r"\b(?:never|not) my intention\b",
    ),
    "blaming": (
        r"\b(?:craving|seeking|wanted|desperate for|starved of) (?:\w+ )?attention\b",
        r"\bif (?:she|he|they) had(?: said| told me| asked)?,? i(?:'d| would) have\b",
        r"\b" + _HE + r" (?:seemed|looked|appeared|was) (?:completely |totally |perfectly )?"
        r"(?:fine|okay|ok|happy|normal|relaxed) (?:when|afterwards|after|the next|as)\b",
    ),
    "minimising": (
        r"\bmade (?:it|this|that) (?:into|out to be) (?:something|more|a bigger|far more)\b",
        r"\bsomething it (?:wasn't|was not|isn't)\b",
    ),
    "evasive_passive": (
        r"\b(?:behaviou?r|conduct|actions|language|comments|treatment) (?:\w+ ){0,4}?(?:fell|falls"
        r"|has fallen|fallen) short\b",
    ),
    "self_centring": (
        r"\b(?:journey|process|season) of (?:reflection|growth|healing|self-discovery|learning)\b",
        r"\b(?:don't|do not|please don't) (?:come for|go after|target|drag) my (?:family|wife|"
        r"kids|children|parents)\b|\bleave my (?:family|wife|kids|children) out\b",
    ),
    "forgiveness_request": (
        r"\b(?:give|grant|allow|offer) me (?:the|a|another|one more) (?:opportunity|chance)\b",
    ),
    "parade_monster": (
        r"\b(?:locked up|thrown away the key|the key thrown away|should be punished|deserve to "
        r"rot|deserve everything)\b",
    ),
    "parade_brave": (
        r"\bwon't win me (?:any )?(?:friends|favours|points)\b",
        r"\brather be honest than\b|\blike so many others\b|\bunlike so many\b",
    ),
}
for _kind, _extra in MORE_MEANING5.items():
    MEANING[_kind] = MEANING.get(_kind, ()) + tuple(re.compile(p) for p in _extra)


MORE_MEANING6: dict[str, tuple[str, ...]] = {
    "excusing": (
        r"\b(?:was|were|is|it's) (?:all |partly |largely |mostly |really )?down to (?:how|the|"
        r"what|that|this)\b", r"\b(?:mistook|mistaking|mistaken|confused) (?:her |his |their )?"
        r"(?:\w+ )?(?:kindness|friendliness|warmth|interest|politeness|attention) for\b",
    ),
    "blaming": (
        r"\b" + _HE + r" knew (?:the score|what (?:she|he|they) (?:was|were) (?:getting|doing)|"
        r"what this was|what it was)\b",
        r"\b(?:no one|nobody) (?:ever )?said (?:a word|anything|a thing) to me\b",
        r"\bwhy (?:did|would|does) " + _HE + r" (?:keep|come|stay|go|text|message|agree|return)\b",
        r"\bwhat (?:more|else) (?:she|he|they) (?:expects?|wants?)\b",
    ),
    "memory_denial": (
        r"\b(?:bits|pieces|parts) of it come back\b|\bcomes? back to me but\b",
    ),
    "evasive_passive": (
        r"\b(?:situation|incident|issue|problem|misunderstanding|difficulty|conflict) (?:\w+ )?"
        r"(?:arose|developed|emerged|occurred)\b", r"\bbetween myself and\b",
    ),
    "parade_innocent": (
        r"\b(?:gone|go|went) out of my way to\b",
        r"\b(?:walk|drive|see|get) (?:\w+ ){0,2}(?:colleagues|women|girls|staff|them|everyone) "
        r"(?:home|to their cars|safely)\b",
    ),
    "parade_victim": (
        r"\b(?:have|got|'ve got) nothing left\b|\bi(?:'ve| have) lost everything\b",
        r"\b(?:decided|declared|pronounced) (?:my guilt|me guilty|i was guilty)\b|\bfound me "
        r"guilty\b",
    ),
    "minimising": (
        r"\bsomething real\b", r"\b(?:thought|assumed|figured) that was the end of it\b",
        r"\bdragging (?:it|this|that|things|all this) up\b|\bdrag (?:it|this|that) up\b",
    ),
}
for _kind, _extra in MORE_MEANING6.items():
    MEANING[_kind] = MEANING.get(_kind, ()) + tuple(re.compile(p) for p in _extra)


MORE_MEANING7: dict[str, tuple[str, ...]] = {
    "excusing": (
        r"\b(?:supposed|meant|intended) to be (?:a |an )?(?:compliment|joke|funny|flattering|"
        r"friendly|affectionate|harmless|kind|playful)\b", r"\bbackfired\b",
        r"\b(?:wanted|trying|tried) to (?:make (?:her|him|them|people) laugh|be (?:funny|friendly|"
        r"nice|kind|supportive))\b",
        r"\b(?:shaped|driven|fuelled|fueled|caused) by (?:the |my |a )?(?:\w+ )?(?:insecurity|"
        r"trauma|fear|jealousy|past|upbringing|experiences?|childhood|relationship|anxiety)\b",
        r"\b(?:stemmed|stems|came|comes) from (?:a place of|my|the) (?:\w+ )?(?:insecurity|trauma|"
        r"fear|pain|hurt|past|childhood)\b",
        r"\b(?:scene|culture|crowd|team|club|office|place|house) (?:was|were) (?:\w+ )?(?:feral|"
        r"wild|toxic|crazy|mad|full-on|laddish|boozy|rough)\b",
        r"\b(?:connection|relationship|thing) between equals\b|\bfelt like (?:a|an) (?:real |"
        r"genuine )?(?:connection|romance|relationship)\b",
    ),
    "minimising": (
        r"\b(?:just |only )?a (?:laugh|joke|bit of a laugh) to (?:us|me|them)\b|\bjust a laugh\b",
        r"\b(?:might|may|could) have been (?:an? )?(?:issue|factor|problem|bit much|bit off)\b",
    ),
    "blaming": (
        r"\b" + _HE + r" (?:was|had been|'d been) (?:\w+ )?(?:drunk|drinking|wasted|high|"
        r"flirting|into it|keen) too\b|\bnot just me\b",
        r"\bwe (?:both|all) (?:made|did|had|got|share|shared) (?:\w+ )?(?:bad|poor|wrong|stupid|"
        r"mistakes|choices|decisions|blame|responsibility)\b|\bboth to blame\b",
        r"\b(?:plenty of|every|many|lots of|all the) (?:opportunit\w+|chances?) to (?:leave|go|say|"
        r"stop|object|walk away|tell)\b", r"\bdoor (?:wasn't|was not|was never|isn't) locked\b",
        r"\bwhat (?:she|he|they)(?:'s| has| have|'ve) done to (?:me|my)\b",
    ),
    "self_centring": (
        r"\b(?:done|tired of|sick of|finished) (?:apologising|apologizing|saying sorry)\b",
        r"\bmy life (?:has|hasn't|has not)(?: not)? been (?:easy|hell|hard|a picnic|great)\b",
    ),
    "parade_victim": (
        r"\bmy (?:\w+ ){0,3}?(?:career|life|reputation|name|livelihood|future|business)\b"
        r"[^.;]{0,25}\b(?:is|was|are|has been) (?:\w+ )?(?:over|gone|finished|ruined|destroyed|"
        r"in tatters|in ruins)\b", r"\bsleeping on (?:a|my|\w+'s) (?:\w+ )?(?:sofa|couch|floor)\b",
        r"\bon the receiving end\b",
    ),
    "parade_monster": (
        r"\b(?:feel|felt|am|i'm) (?:like )?(?:\w+ ){0,4}?" + _INSULT + r"\b",
        r"\bworst kind of (?:man|person|human|scum)\b",
    ),
    "memory_denial": (
        r"\b(?:maybe|perhaps) it was(?:n't)? (?:someone|somebody) else\b",
        r"\b(?:don't|do not|can't|cannot) recogni[sz]e (?:myself|me|the person|the man|that "
        r"person|the night|that night|the events)\b", r"\bplace myself (?:in|at|there)\b",
    ),
    "conditional_apology": (
        SORRY_WORDS + r"\w* for the (?:misunderstanding|confusion|miscommunication|upset|"
        r"awkwardness|way (?:it|things))\b",
    ),
    "evasive_passive": (
        r"(?<!\bi )\b(?:got|were|went|was) (?:overlooked|ignored|missed|unnoticed|brushed aside|"
        r"dismissed|lost)\b(?! by)",
    ),
    "parade_brave": (
        r"\bproud (?:that )?i'?m (?:finally |now )?(?:saying|speaking|writing|doing|owning|"
        r"admitting)\b",
    ),
    "forgiveness_request": (
        r"\bmy door is (?:always )?open\b",
        r"\b(?:one day|someday|some day|maybe|eventually) (?:we|she and i) (?:can|could|will|"
        r"might) (?:laugh|look back|be friends|put)\b",
    ),
}
for _kind, _extra in MORE_MEANING7.items():
    MEANING[_kind] = MEANING.get(_kind, ()) + tuple(re.compile(p) for p in _extra)


# Single words that carry a pattern almost wherever an author uses them.
MORE_MEANING8: dict[str, tuple[str, ...]] = {
    "memory_denial": (
        r"\bretelling\b|\bretold\b|\brecollections?\b|\bembellish", r"\b(?:the|her|his|these|those|"
        r"such) (?:claims|allegations|accusations) (?:have|are|were|has|is|keep|grew|grow)\b",
        r"\bi'?m (?:confident|certain|positive|sure) (?:that )?(?:we|i|it|nothing|she|he) "
        r"(?:never|didn't|did not|wasn't|was not|weren't)\b",
    ),
    "self_centring": (
        r"\bmy (?:own )?(?:wellbeing|well-being|stress|depression|grief|pain|suffering|health)\b",
        r"\bbetter off (?:gone|dead|not here)\b|\bwonder (?:\w+ ){0,3}if i'?d be better\b",
    ),
    "parade_victim": (
        r"\bname is mud\b|\bmy (?:good )?(?:reputation|name) (?:is|has|was) (?:been )?(?:\w+ )?"
        r"(?:ruined|mud|gone|destroyed|dragged|trashed|tarnished|finished|dirt|shredded)\b",
        r"\bcross the (?:street|road) (?:rather|instead|when|to avoid)\b",
    ),
    "parade_innocent": (
        r"\blifelong\b|\bsupporter of\b|\bmarched (?:for|against|with)\b|\bwomen's (?:causes|"
        r"rights|equality)\b|\bmy values\b", r"\bthe last (?:person|man|guy) (?:anyone|you|who|"
        r"people)\b",
    ),
    "evasive_passive": (
        r"\b(?:the|this|that|an|a|whole) (?:\w+ )?situation\b(?! (?:i|where i) (?:put|created|"
        r"caused|made))", r"\b(?:was|were|had been|been) (?:\w+ )?handled\b",
        r"\b(?:events|clothes|things|matters) (?:\w+ )?(?:moved|came off|progressed|took their "
        r"course|ran their course)\b",
    ),
    "excusing": (
        r"\bi (?:have|'ve got|had|'ve) (?:a |such a |quite a )?(?:\w+ )?temper\b|\bdesperate\b",
        r"\b(?:failure|breakdown|lack) of communication\b|\bcommunication (?:breakdown|failure|"
        r"issue|problem)s?\b", r"\bhow you survived\b|\bto survive (?:a|the) (?:shift|service|"
        r"job|place)\b", r"\bbuilt it up (?:into|in my)\b|\bin my head\b",
    ),
    "blaming": (
        r"\bpush(?:ed|es)? my buttons\b|\bwound me up\b|\bprovoked me\b",
        r"\bthick skin\b|\bcouldn't take a joke\b|\bcan't take a joke\b",
        r"\bi'?m sure (?:we|she|he|they) (?:both |all )?(?:regret|wish|feel)\b",
    ),
    "minimising": (
        r"\bscandal\b|\btwo (?:consenting )?adults\b|\ba dozen (?:\w+ )?before\b",
        r"\bsaid (?:to )?(?:\w+ ){0,3}(?:before|to everyone|to anyone)\b",
    ),
    "parade_brave": (
        r"\b(?:torn|ripped|shredded|crucified|slaughtered|hammered|destroyed) (?:to shreds |apart |"
        r"to pieces )?for (?:this|it|saying|writing|posting|speaking)\b",
        r"\b(?:somebody|someone) has to be (?:honest|brave|the first)\b",
    ),
}
for _kind, _extra in MORE_MEANING8.items():
    MEANING[_kind] = MEANING.get(_kind, ()) + tuple(re.compile(p) for p in _extra)


MORE_MEANING9: dict[str, tuple[str, ...]] = {
    "blaming": (
        r"\b(?:wasn't|was not|not|isn't) (?:like|as if|as though) we were (?:strangers|"
        r"enemies)\b|\bon and off\b", r"\bfor (?:goodness'?|god'?s|heaven'?s|christ'?s) sake\b",
        r"\bthings i could say\b|\bi could say (?:a lot|plenty|more)\b",
    ),
    "excusing": (
        r"\b(?:assumed|thought|expected|figured|presumed) (?:that )?(?:\w+ ){0,2}would be (?:the "
        r"same|fine|okay|ok|like|no different|welcome)\b",
        r"\b(?:half|most|all|the rest) (?:of )?the (?:\w+ )?(?:was|were) (?:at it|doing it|the "
        r"same|worse|just as bad)\b",
    ),
    "memory_denial": (
        r"\bi (?:still |will always |continue to )?(?:maintain|insist|contend)\b",
    ),
    "conditional_apology": (
        r"\b(?:respect|accept|acknowledge|understand|appreciate) that (?:she|he|they) "
        r"(?:experienced|saw|sees|see|remembers|perceived|perceives|felt|feels|took) (?:it|"
        r"things|that|this|the \w+) (?:differently|that way|as)\b",
    ),
    "parade_victim": (
        r"\bmy (?:wife|husband|partner|kids|children|family|mum|mother|parents|son|daughter) "
        r"(?:can't|cannot|won't|daren't|can no longer) (?:go|leave|walk|show|step)\b",
    ),
    "self_centring": (
        r"\b(?:drowning|suffocating|sinking|going under)\b",
        r"\b(?:humbling|learning|eye-opening|growing) (?:experience|journey|process)\b",
    ),
    "parade_innocent": (r"\ban ally\b|\ba (?:true |real )?gentleman\b",),
}
for _kind, _extra in MORE_MEANING9.items():
    MEANING[_kind] = MEANING.get(_kind, ()) + tuple(re.compile(p) for p in _extra)


MORE_MEANING10: dict[str, tuple[str, ...]] = {
    "excusing": (
        r"\b(?:on|taking|knocking back|running on|full of) (?:a )?(?:\w+ ){0,3}?(?:painkillers|"
        r"prescription|medication|pills|sedatives|whisky|vodka|caffeine|adrenaline|booze|"
        r"steroids)\b", r"\bi'?m (?:autistic|bipolar|neurodivergent|dyslexic|on the spectrum)\b"
        r"|\bi have (?:adhd|autism|bipolar|ptsd)\b|\b(?:read|reading|pick up on|miss) (?:social )?"
        r"cues\b", r"\b(?:nobody|no one) (?:had |ever )*(?:spelled|spelt|laid|set) (?:it |things )?"
        r"out\b", r"\b(?:the|a) norm\b|\bbadge of honou?r\b|\bin the circles\b",
        r"\b(?:whole|entire) (?:unit|team|squad|office|department|crew|group|year|class|firm) "
        r"(?:behaved|acted|talked|was|were|did)\b", r"\bmy own (?:abuse|trauma|pain|history|"
        r"childhood)\b|\bbottling (?:things|it|everything) up\b",
        r"\b(?:thought|assumed|took it that|believed) (?:\w+ ){0,4}meant (?:she|he|they)\b",
        r"\b(?:worked|been up|been awake|awake) (?:for )?(?:\w+ )(?:hours|days|nights|shifts) "
        r"(?:straight|without|in a row)\b|\brunning on (?:caffeine|adrenaline|empty|no sleep|"
        r"fumes)\b",
    ),
    "blaming": (
        r"\b" + _HE + r" (?:laughed at my|touched my|stayed late|kept coming|sat with me|"
        r"complimented me|sought me)\b(?![^.;]*\b(?:because i|scared|"
        r"afraid|away from me))",
    ),
    "parade_innocent": (
        r"\brespected member\b|\bpillar of\b", r"\b(?:record|reputation|history|career) (?:\w+ )"
        r"{0,3}?(?:is|was|has been|had been) (?:\w+ )?(?:unblemished|spotless|clean|impeccable|"
        r"exemplary)\b", r"\braised (?:\w+ )?(?:daughters|sons|children|kids|girls) to\b",
        r"\bspent my (?:\w+ )?(?:life|career|years) (?:fighting|helping|standing|working|"
        r"campaigning|supporting)\b", r"\b(?:friends|people|colleagues|family) would (?:all )?"
        r"(?:say|tell you|describe me)\b", r"\bmost (?:gentle|kind|caring|respectful|decent) "
        r"(?:person|man|guy)\b", r"\b(?:care|cared|caring) (?:\w+ )?about women'?s\b",
        r"\bdonated (?:\w+ )?to\b",
    ),
    "memory_denial": (
        r"\b(?:don't|doesn't|do not|does not|didn't) (?:match|fit|square with|tally with|agree "
        r"with) (?:my|the|what)\b", r"\bas far as i (?:can tell|know|can remember|can recall)\b",
        r"\bin (?:another|a different) (?:city|town|country|place|room) (?:on|at|that)\b",
        r"\bexpected to remember\b|\bremember (?:it |things )?(?:accurately|precisely|perfectly)"
        r"\b", r"\bmemory is (?:\w+ )?(?:unreliable|fallible|imperfect|selective|tricky)\b",
    ),
}
for _kind, _extra in MORE_MEANING10.items():
    MEANING[_kind] = MEANING.get(_kind, ()) + tuple(re.compile(p) for p in _extra)


MORE_MEANING11: dict[str, tuple[str, ...]] = {
    "excusing": (
        r"\b(?:boundaries|rules|lines|limits) (?:are|were) (?:\w+ )?(?:loose|looser|relaxed|"
        r"different|fluid|blurred|flexible)\b|\bby (?:its )?nature\b",
        r"\b(?:split|broken up|broke up|separated) (?:up )?(?:from|with) my\b",
        r"\blatched (?:on)?to\b|\b(?:clung|clinging) to (?:her|him|the first)\b",
        r"\b(?:coming|came) down (?:off|from)\b",
    ),
    "blaming": (
        r"\b" + _HE + r" made it (?:very |so |really )?(?:easy|clear she|obvious)\b",
        r"\b" + _HE + r" used to (?:sit|come|text|message|flirt|hang|stay|ask|touch|hug|lean)\b",
    ),
    "memory_denial": (
        r"\b(?:no|insufficient|not enough) evidence\b|\bnever (?:\w+ )?proven\b|\bno charges\b"
        r"|\b(?:acquitted|exonerated)\b",
    ),
    "parade_victim": (
        r"\b(?:paid|paying) (?:a |the )?(?:heavy |high |huge |steep )?price\b",
        r"\bsent to coventry\b|\b(?:shunned|blanked|ignored) by (?:the |my )?(?:whole|entire)\b",
    ),
    "self_centring": (
        r"\b(?:only|just) my (?:dog|cat|mum|mother|wife|kids) (?:still )?\w+ (?:to )?me\b",
    ),
}
for _kind, _extra in MORE_MEANING11.items():
    MEANING[_kind] = MEANING.get(_kind, ()) + tuple(re.compile(p) for p in _extra)


RULES_DIR = Path(__file__).with_name("rules")


def load_rules() -> dict[str, dict[str, Any]]:
    """The rules kept as data, one file per kind (amends/coach/rules/<kind>.toml): the
    meanings that flag the kind, and the sentences that must and must not be flagged,
    which the tests run."""
    rules = {}
    for path in sorted(RULES_DIR.glob("*.toml")):
        with path.open("rb") as f:
            data = tomllib.load(f)
        if data.get("kind") != path.stem or path.stem not in REASONS:
            raise ValueError(f"{path.name}: kind must be its file name and a pattern kind")
        rules[path.stem] = data
    return rules


for _kind, _rule in load_rules().items():
    MEANING[_kind] = MEANING.get(_kind, ()) + tuple(re.compile(p) for p in _rule["meaning"])


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
    kinds = {kind for kind, cues in MEANING_SETS.items() if cues.search(norm, words)}
    if "excusing" in kinds and re.search(r"\b(?:stopped|quit|given up|gave up|cut out|no longer|"
                                         r"sober|meetings?)\b", norm):
        kinds.discard("excusing")  # "I have stopped drinking" is change, not an excuse
    if "forgiveness_request" in kinds and re.search(r"\bnot ask|never ask|won't ask|don't "
                                                    r"expect|not expect", norm):
        kinds.discard("forgiveness_request")
    subjects = {t.lower_ for t in sent if t.dep_ in {"nsubj", "nsubjpass"}}
    if kinds & {"self_centring", "parade_monster", "parade_victim"} and not (
            subjects & {"i", "we"} or re.search(r"\b(?:my|me|myself|i'm|i've|i'd)\b", norm)):
        kinds -= {"self_centring", "parade_monster", "parade_victim"}
    return kinds


# Words that pad a sentence without changing its meaning; cues are also tried on the
# sentence without them, so "I'm currently signed off" matches "I'm signed off".
_FILLERS = re.compile(r"\b(?:really|honestly|genuinely|currently|actually|truly|basically|literally|"
                      r"kind of|sort of|completely|totally|very|quite|still|even|also|pretty|"
                      r"definitely|certainly|probably|perhaps|maybe|simply|now|then|ever) ")


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
    r"came|played out|happened|got)\b")


def _apology_kind(norm: str) -> str | None:
    """conditional_apology for an apology whose object is not the author's act."""
    for m in _APOLOGY_WORD.finditer(norm):
        before = norm[max(0, m.start() - 12):m.start()]
        if re.search(r"\bsay(?:ing)? $|\bnot $|\bno $", before):
            continue  # "saying sorry on snap", "I'm not sorry", "no apology"
        if _UNOWNED_OBJECT.match(norm, m.end()):
            return "conditional_apology"
    return None


def _sentence_kinds(norm: str, sent: Any, prev_norm: str, next_norm: str) -> list[str]:
    lite = _FILLERS.sub("", norm)
    words = set(_WORDS.findall(norm))
    words |= {w.split("'")[0] for w in words if "'" in w}  # "she'd" also counts as "she"
    kinds = [kind for kind, cues in CUE_SETS.items()
             if cues.search(norm, words) or (lite != norm and cues.search(lite, words))]
    apology = _apology_kind(norm)
    if apology and not {"conditional_apology", "sorry_but"} & set(kinds):
        kinds.append(apology)
    kinds += sorted(_field_kinds(sent) - set(kinds))
    kinds += sorted(_meaning_kinds(norm, sent, words) - set(kinds))
    if not kinds:
        return kinds
    if HYPOTHETICAL.search(norm):
        return []  # "I could say I was lonely that year": the author declines to say it
    rejected = bool(REJECT.search(norm) or rejects_previous(next_norm))
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
        return not re.search(r"not asking|never ask|don't ask|won't ask|forgive me if\b", norm)
    if kind == "blaming" and re.search(r"\buntil (?:she|he)\b|(?<!no one )(?<!nobody )\b(?:made|forced|wouldn't let|would not "
                                       r"let|pressured|pressuring|pushed|pushing|persuading|"
                                       r"begging) (?:her|him)\b", norm):
        return False  # what she did under pressure is part of the account, not blame
    if kind == "memory_denial":
        if re.search(r"\b(?:but|and) i (?:believe|accept|don't doubt) (?:her|him|them|what)\b", norm):
            return False  # "I don't remember it, but I believe her" accepts her account
        # The harmed person's gaps ("she didn't remember getting home") are not denial.
        for tok in sent:
            if lemma(tok) in {"remember", "recall"}:
                subj = [c for c in tok.children if c.dep_ == "nsubj"]
                if subj and subj[0].lower_ in {"she", "they"} and not re.search(
                        r"\bi(?:'ve| have)? (?:\w+ )?(?:forgotten|forgot)\b", norm):
                    return False
        return True
    if kind == "parade_brave":
        if re.search(r"\bnot (?:writing|doing|saying) this to be (?:told|called)\b", norm):
            return False
        return not re.search(r"\b(?:her|his|their|your) (?:courage|bravery)\b", norm)
    if kind in {"self_centring", "parade_monster"}:
        # The author's own state; a sentence about her ("she couldn't sleep") is impact.
        return _first_person(sent) or "my " in norm or " me" in norm or "myself" in norm or not any(
            t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in {"she", "he", "they"} for t in sent)
    if kind == "evasive_passive":
        return not re.search(r"\b(?:i|she|he|they) (?:was|were) (?:told|asked|suspended)\b",
                             norm) or "decision" in norm
    if kind == "excusing" and re.search(r"\b(?:she|he|they) (?:was|were|'d been|had been|had|'d) "
                                        r"(?:\w+ )?(?:drunk|wasted|hammered|sick)\b|how drunk "
                                        r"(?:she|he)", norm):
        # Her drunkenness named as the reason she could not consent is an account.
        return bool(re.search(r"\bi (?:was|'d|had|'d had)\b.*\b(?:drunk|drinks|wrecked)", norm))
    if kind in {"conditional_apology", "sorry_but"}:
        return bool(re.search(r"\b(?:i|i'm|i am|im|my)\b|^sorry|\bsorry\b", norm))
    return True


def sentences(doc: Any) -> list[Any]:
    """spaCy's sentences, re-joined where the model cut a sentence that has no end mark
    ("im sorry" | "but she ...", common in drafts typed without capitals)."""
    out: list[Any] = []
    for sent in doc.sents:
        if out and sent.text[:1].islower() and out[-1].text.rstrip()[-1:] not in ".!?":
            out[-1] = doc[out[-1].start:sent.end]
        else:
            out.append(sent)
    return out


def sentence_patterns(doc: Any) -> list[PatternHit]:
    sents = sentences(doc)
    norms = [normalise(s.text) for s in sents]
    hits: list[PatternHit] = []
    for i, sent in enumerate(sents):
        prev_norm = norms[i - 1] if i else ""
        next_norm = norms[i + 1] if i + 1 < len(sents) else ""
        kinds = _sentence_kinds(norms[i], sent, prev_norm, next_norm)
        if kinds and _learned_veto(sent):
            kinds = []
        elif not kinds:
            kinds = _learned_kinds(norms[i], sent, next_norm)
        kinds = [kind for kind in kinds if in_scope(kind, norms[i], sent)]
        for kind in kinds:
            start, end = sent.start_char, sent.end_char
            while end > start and doc.text[end - 1] in " \n.!?":
                end -= 1
            hits.append(PatternHit(start, end, kind))
    return hits


# Scope: a pattern is about the author's own account of the harm. These read what a
# sentence speaks of (the author, the person harmed, others, the world) and leave alone
# the sentences whose wording matches a pattern while they speak of something else.
_COURAGE = frozenset({"brave", "braver", "bravest", "bravery", "bravely", "courage", "courageous", "courageously",
                      "strength", "strong", "bold", "boldly", "daring", "hero", "heroic"})
_PRAISE = frozenset({"thank", "admire", "praise", "honour", "honor", "applaud", "salute",
                     "respect", "recognise", "recognize", "acknowledge"})
_OTHERS = frozenset({"she", "he", "they", "her", "his", "their", "them", "him", "women",
                     "woman", "victims", "survivors", "people", "everyone", "those"})
_NEVER_AGAIN = _rx(r"\bi(?: have|'ve)? never (?:done|repeated|did|tried)\b.*\bagain\b",
                   r"\bnever repeated (?:it|that|this|my|the)\b",
                   r"\bi(?: have|'ve)? not (?:done|repeated) (?:it|that|this|anything like it) since\b")
_THEIR_MEMORY = _rx(r"^i (?:\w+ )?(?:remember|recall) it (?:just )?(?:the way|as|how) (?:she|he|they|\w+) "
                    r"(?:described|told|tells|remembers|put)",
                    r"\b(?:make|made|making|leave|left) (?:space|room) for (?:how|what) \w+ "
                    r"(?:remember|recall)",
                    r"\bi (?:fully |completely )?(?:accept|believe|trust|defer to) (?:her|his|their|"
                    r"\w+'s) (?:memory|account|version|recollection)\b(?!.*\bbut\b)")
_TAKES_BACK = _rx(r"\b(?:sorry|apologi[sz]e|apologies|regret)\b.*\b(?:but|however|though|"
                  r"although|yet|except|that said|at the same time|still|just)\b",
                  r"\b(?:but|however|though|although|yet)\b.*\b(?:sorry|apologi[sz]e|apologies)\b")


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


def in_scope(kind: str, norm: str, sent: Any) -> bool:
    """Whether a sentence flagged with a pattern speaks of what the pattern is about."""
    if kind == "parade_brave":
        brave = [t for t in sent if t.lower_ in _COURAGE]
        if brave and all(_owner_is_other(t) for t in brave):
            return False  # praise of someone else's courage
        if any(lemma(t) in _PRAISE for t in sent) and not brave:
            return False
    if kind in {"self_centring", "parade_victim", "parade_monster", "parade_innocent"} and (
            _NEVER_AGAIN.search(norm)):
        return False  # "I have never done it again" is change
    if kind == "sorry_but" and not _TAKES_BACK.search(norm):
        return False  # no "but", no "though": nothing takes the apology back
    # Deferring to her memory is the opposite of disowning it.
    return not (kind == "memory_denial" and _THEIR_MEMORY.search(norm))


VETO_WORDS = 12
# Responsibility taken outright; the words the classifier may read as evasive or as
# blame ("what happened between us") are then the author's own.
_OWNS_IT = _rx(r"\bi(?:'m| am| was) (?:the only (?:one|person) |solely |fully |entirely |wholly |"
               r"completely |alone )?(?:to blame|responsible)\b", r"\b(?:all|entirely|wholly) "
               r"my (?:fault|doing|responsibility)\b")


def _learned_veto(sent: Any) -> bool:
    """Whether the classifier is all but sure a sentence a cue fired on is honest: a cue
    word in an honest sentence ("I took advantage of a drunk girl" is an account, not an
    excuse) is the cues' commonest mistake."""
    model = get_model()
    if model is None:
        return False
    if sum(1 for t in sent if t.is_alpha) < VETO_WORDS:
        return False  # a short sentence gives the model too little to overrule a cue
    kind, pattern = model.predict(sent)
    return kind == NONE and pattern < model.veto


def _learned_kinds(norm: str, sent: Any, next_norm: str) -> list[str]:
    """What the trained classifier reads in a sentence the cues passed over, held to the
    same checks as the cues: a pattern named to be rejected, or one the author declines
    to use ("I could say I was lonely"), is not flagged."""
    model = get_model()
    if model is None:
        return []
    kind, _ = model.predict(sent)
    if kind == NONE or HYPOTHETICAL.search(norm):
        return []
    # Unlike a cue, the model reads the whole sentence at once, so a sentence that owns
    # the act ("... but I was the one who made the choice") holds no pattern of any kind.
    if REJECT.search(norm) or rejects_previous(next_norm):
        return []
    if _OWNS_IT.search(norm) and " but " not in norm:
        return []  # "I am the only one responsible for what happened between us"
    if (kind == "conditional_apology" and _APOLOGY_WORD.search(norm)
            and _apology_kind(norm) is None and not _NOT_APOLOGY.search(norm)):
        return []  # the apology's shape owns the act: "I am sorry that I followed her home"
    return [kind] if _grammar_ok(kind, norm, sent) else []


def element_signals(doc: Any) -> frozenset[str]:
    """Which of the six elements this paragraph shows."""
    found: set[str] = set()
    for sent in sentences(doc):
        norm = normalise(sent.text)
        for element, rx in ELEMENT_CUES.items():
            if element in found or not rx.search(norm):
                continue
            if element == "apology" and _NOT_APOLOGY.search(norm):
                continue
            found.add(element)
    return frozenset(found)

