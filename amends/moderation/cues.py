"""Cue rules: wordings that carry a threat, an urging to self-harm, a call to go after
someone, a guess at who someone is, or name-calling.

A cue does not decide anything. Each one that matches becomes a feature of the classifier
(`cue:<name>`), which weighs it with everything else in the response: "find him" is a call
to a pile-on in one response and part of a question about therapy in another. The cues are
what lets a model trained on a few hundred responses recognise wordings it never saw.

Every cue matches the normalised reading of a response (text.reading: lower case,
contractions spelled out, expletives removed) and carries examples that must match and
examples that must not; the tests run them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from amends.moderation.text import reading

YOU = r"(?:you|your|yourself)"
HIM = r"(?:him|his|her|them|their|this guy|this man|the author|you|your)"
# Whom a pile-on reaches: the author's life outside this page.
SPHERE = (
    r"(?:boss|employer|work ?place|work|office|company|job|business|shop|store|"
    r"restaurant|bar|cafe|salon|studio|practice|firm|clients?|customers?|patients?|"
    r"landlord|wife|girlfriend|boyfriend|husband|partner|family|parents|mum|mom|dad|"
    r"friends|kids|children|neighbou?rs|church|club|gym|school|college|uni|band|"
    r"gigs?|venues?|socials|accounts?|inbox|e-?mail|phone|profile|instagram|facebook|"
    r"twitter|tiktok|linkedin|website|site|page|reviews?|booking|contact|"
    r"professional body|colleagues|co-?workers|team|manager|hr|students|congregation)"
)
INSULT_NOUNS = (
    r"(?:creep|creeps|scumbag|scum|loser|worm|pig|swine|trash|garbage|rubbish|vermin|rat|"
    r"snake|weasel|coward|idiot|moron|cretin|imbecile|clown|joke|freak|pervert|perv|sleaze|"
    r"sleazebag|slimeball|dirtbag|lowlife|degenerate|parasite|leech|maggot|cockroach|"
    r"pieceofshit|sackofshit|wasteofspace|man-?child|incel|tool|prick|dickhead|dick|"
    r"asshole|arsehole|bastard|twat|wanker|douche|douchebag|jerk|shithead|shitbag|"
    r"creature|troll|sad sack|dregs|filth|toad|reptile|nobody|nothing|disgrace|"
    r"excuse for a (?:man|human|person|human being)|waste|sicko|psycho|animal|dog|rodent)"
)
INSULT_ADJS = (
    r"(?:pathetic|disgusting|repulsive|revolting|vile|gross|worthless|spineless|slimy|"
    r"sleazy|creepy|ugly|stupid|dumb|weak|pitiful|loathsome|repellent|rotten|sick|twisted|"
    r"filthy|smug|whiny|snivell?ing|despicable|contemptible|deplorable|useless|miserable|"
    r"insufferable|brainless|spineless|gutless|evil|nasty|foul|grotesque|putrid|hideous|"
    r"moronic|idiotic|subhuman|sad|little|self-pitying|pompous|self-satisfied|"
    r"manipulative|predatory|creepy|sleazy|vapid|pitiable|lousy)"
)


@dataclass(frozen=True)
class Cue:
    name: str
    pattern: re.Pattern[str]
    matches: tuple[str, ...] = field(default=())  # responses the cue must match
    misses: tuple[str, ...] = field(default=())  # responses it must leave alone

    def search(self, read: str) -> bool:
        return self.pattern.search(read) is not None


def _cue(name: str, pattern: str, matches: tuple[str, ...], misses: tuple[str, ...]) -> Cue:
    return Cue(name, re.compile(pattern), matches, misses)


CUES: tuple[Cue, ...] = (
    # -- threats ---------------------------------------------------------------------------
    _cue(
        "threat_harm",
        r"\b(?:i|we|someone|somebody|people|they)(?: will| would| am going to| are going to|"
        r" is going to| are gonna| is gonna| shall| might| could)? (?:\w+ ){0,3}?"
        r"(?:hurt|kill|break|beat|punch|stab|shoot|smash|strangle|batter|destroy|ruin|"
        r"burn|teach|corner|deal with|hunt|track) " + YOU + r"\b|"
        r"\b(?:i|we) (?:will|would|am going to|are going to) (?:\w+ )?find " + YOU + r"\b",
        (
            "I will hurt you the way you hurt her",
            "someone is going to hurt you one day",
            "I'd kill you myself",
        ),
        (
            "you hurt her",
            "I hope therapy helps you",
            "people will read this and learn",
            "is there anyone who would tell us if you stopped going",
            "I hope people get you help",
        ),
    ),
    _cue(
        "threat_consequence",
        r"\b(?:make|see) " + YOU + r" (?:\w+ )?(?:pay|sorry|regret|suffer|bleed)\b|"
        r"\b" + YOU + r"(?: will| are going to|'ll) (?:regret|pay for|be sorry|suffer)\b|"
        r"\bwhat is coming to you\b|\bwhat's coming to you\b|\bconsequences coming\b|"
        r"\b(?:break|smash) every bone\b|\byou deserve a beating\b",
        (
            "I will make you pay for this",
            "You'll get what's coming to you",
            "you will regret ever writing this",
        ),
        ("you made her pay for your choices", "I regret reading this"),
    ),
    _cue(
        "threat_veiled",
        r"\bwatch your back\b|\bover your shoulder\b|\bone eye open\b|\blight sleeper\b|"
        r"\block your doors?\b|\bdays are numbered\b|\btick tock\b|\btime is (?:running|"
        r"coming)|\byour time is coming\b|\bcoming for you\b|\bwe are watching\b|"
        r"\b(?:know|found out) where you (?:live|work|sleep|park)\b|"
        r"\bwhat your (?:car|house|door|kids?) looks? like\b|\baccidents happen\b|"
        r"\bhave accidents\b|\bshame if something\b|\bif something (?:happened|happens|were"
        r" to happen) to you\b|\b(?:can not|will not be able to|never) hide\b|"
        r"\bwill not be anonymous\b|\b(?:anonymous|pseudonyms?|anonymity|fake name) "
        r"(?:\w+ ){0,4}(?:until|forever|will not|does not|do not|only)\b|"
        r"\bknock (?:at|on) (?:your|the) door\b|\boutside your (?:door|house|home|window|"
        r"work)\b|\blook out your window\b|\bwhen you least expect\b|\bsee you soon\b|"
        r"\bcloser than you think\b|\bwaiting for you\b|\bi will be (?:there|waiting)\b|"
        r"\b(?:last|final) thing you (?:ever )?(?:write|wrote|do|did)\b|"
        r"\bwhile (?:it lasts|you (?:still )?can)\b|\bnever (?:feel|be) safe\b|"
        r"\bnot (?:get|walk) (?:home )?(?:safe|too comfortable)\b|\bget too comfortable\b|"
        r"\bwalk(?:ing)? (?:home|to your car)\b|\bend up in (?:a )?ditch|"
        r"\bpeople (?:remember|act)\b.*\bpeople (?:act|will)\b|\bsome of us know how\b|"
        r"\bsome of us (?:do not|never) forget\b|\bwe will meet\b|\bpeople will be looking"
        r" for you\b",
        (
            "Watch your back.",
            "Hope you're a light sleeper.",
            "Anonymous only lasts until it doesn't.",
            "Lock your doors.",
            "Enjoy your sleep while you still can.",
            "I know where you live",
        ),
        (
            "I had to watch my back at work",
            "She never felt safe at work",
            "I'm waiting for the day men stop doing this",
        ),
    ),
    _cue(
        "knows_routine",
        # A fact about the reader's own days, told to them: where they wait, when they
        # leave, what they pass. Said with nothing else, it says "I am watching".
        r"\bi (?:know|have seen|saw|noticed|found|clocked) (?:which|where|when|what time|how "
        r"long)\b|\bi (?:know|have seen|saw|noticed) the (?:\w+ ){1,2}you (?:take|catch|use|"
        r"walk|run|park|drive|ride|sit|wait|go|cut|leave)\b|"
        r"\byou (?:\w+ )?(?:walk|run|park|catch|take|leave|cycle|drive|wait|sit|finish|"
        r"lock up|get home|come home|go|pass|cut through)\b(?: \w+){0,6} (?:every|each|on|at|"
        r"around) (?:morning|evening|night|day|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|"
        r"weekends?|seven|eight|six|five|two|midnight|dawn)\b|"
        r"\byour (?:\w+ )?(?:shift|commute|route|walk|run|bus|train|ferry|platform|"
        r"path|street|flat|garage|garden|door|bike|car|grandson|granddaughter|daughter|son|"
        r"kids|mother|wife) (?:\w+ )?(?:is|are|finishes|ends|starts|leaves|lets out|walks|"
        r"does not|doesn't|looks|has been)\b",
        (
            "I know which platform you wait on",
            "You walk the dog along the canal every morning",
            "Your night shift finishes at two",
        ),
        (
            "I know what you did was wrong",
            "I know the pain you describe",
            "Your apology is not enough",
        ),
    ),
    _cue(
        "safety_question",
        # A question about feeling safe, put to the person who caused harm: the fact before
        # it supplies the menace.
        r"\b(?:do|does|did|will|would|are) (?:you|anyone|anybody|someone) (?:\w+ ){0,2}?"
        r"(?:feel (?:safe|comfortable|alone)|look (?:behind|over)|check (?:who|behind)|"
        r"walk you|sleep (?:well|soundly)|wonder who|always leave|lock)\b|"
        r"\b(?:safe|comfortable|crowded|quiet|lonely|isolated|empty|dark)(?: \w+){0,3} \? "
        r"(?:you should not|you should start|you should|think about it)\b",
        (
            "Do you still feel safe on the bus?",
            "Does anyone walk you to your car?",
            "Do you sleep well?",
        ),
        ("I never feel safe walking home", "Are you getting support?"),
    ),
    _cue(
        "patience_spent",
        # Waiting that is about to end, said to the person who caused harm: what comes
        # after the waiting is left unsaid, and is the threat.
        r"\bpatience\b(?: \w+){0,3} (?:runs?|ran|running|wears?|wearing|wore|has|is|will "
        r"not) (?:out|thin|an end|a limit|a bottom|last)\b|"
        r"\b(?:i|we) (?:will|would|can|shall) not (?:wait|stay (?:calm|quiet|patient)) "
        r"(?:forever|for ever|much longer|long)\b|"
        r"\b(?:one|some) (?:of these )?days?\b(?: \w+){0,3} (?:luck|turn|number)\b|"
        r"\b(?:what|whatever) comes next\b|\bnext (?:version|time|step) will not be\b|"
        r"\bthe (?:calm|quiet|patient|polite|nice) (?:part|bit|phase) is (?:\w+ )?over\b|"
        r"\b(?:i|we) (?:am|are) done being (?:reasonable|patient|polite|nice|calm)\b",
        (
            "My patience is wearing thin with you",
            "I won't wait forever",
            "One of these days your luck runs out",
            "The polite part is over.",
        ),
        (
            "I ran out of patience with my therapist",
            "One day I hope you understand",
            "Some days I can't get out of bed",
        ),
    ),
    _cue(
        "accident_hint",
        # An accident foretold, with no one to ask about it afterwards: harm wished into
        # the world as if it were weather.
        r"\b(?:accidents?|slips?|falls?|fires?|crashes) (?:\w+ ){0,3}?(?:happen|happens|"
        r"are common|are easy)\b|\b(?:tend|tends|likely|bound) to (?:have|meet) "
        r"(?:an )?accidents?\b|\bnobody (?:asks|wonders|looks (?:very |too )?hard|is "
        r"surprised|questions|bats an eye)\b|\bno(?:body| one) (?:would |will )?(?:asks?|"
        r"asked) (?:any )?questions\b|\bno cameras\b|"
        r"\bone (?:(?:wrong|bad|false) (?:slip|step|move)|slip|push|nudge)\b|\bgo(?:es)? up (?:so |very )?(?:easily|fast|quickly)\b|"
        r"\b(?:brakes|ladders|steps|stairs) (?:\w+ )?(?:fail|slip|give way)\b",
        (
            "Accidents happen on dark roads",
            "Falls are common at that age, and nobody wonders why",
            "Men like that tend to have accidents",
        ),
        (
            "I had an accident on my bike",
            "Nobody asked how I was",
            "I took one step at a time",
        ),
    ),
    # -- urging self-harm ------------------------------------------------------------------
    _cue(
        "self_harm",
        r"\bkill yourself\b|\bkys\b|\bend (?:yourself|your (?:own )?life|it all)\b|"
        r"\boff yourself\b|\bunalive\b|\bhang yourself\b|\btake your (?:own )?life\b|"
        r"\b(?:jump|leap) (?:off|from|in front)\b|^jump\b|\bgo jump\b|\bjump and\b|"
        r"\b(?:a|the|whole) (?:bottle|rope)\b|\bget a rope\b|\brope\b|\boverdose\b|"
        r"\bslit (?:your )?wrists\b|\b(?:drink|swallow) (?:bleach|pills|a bottle)\b|"
        r"\b(?:bullet|gun) (?:in|to) your (?:own )?head\b|\bwrite your note\b|"
        r"\byour (?:suicide )?note\b|\bdo not wake up\b|\bdid not wake up\b|"
        r"\bstop (?:breathing|existing)\b|\bin front of a (?:train|bus|car)\b|"
        r"\bwalk into the (?:sea|ocean|river)\b|\bwhy are you still alive\b|"
        r"\bdo not deserve to (?:live|be alive|breathe|exist)\b|"
        r"\bbetter (?:off )?(?:dead|without you)\b|\bend it\b|\bkill urself\b|"
        r"\bdie (?:already|tonight)\b|\bjust die\b|\bby your own hand\b|"
        r"\bdisappear permanently\b|\bdo (?:us|everyone|the world) a favou?r\b|"
        r"\bhurt yourself\b|\bobituary\b|\bsomething permanent about yourself\b|"
        r"\bdo the (?:decent|honou?rable|right) thing\b|\bshould not (?:get to )?(?:keep )?"
        r"(?:breathing|exist)\b|\bkeep breathing\b|\bshort cliff\b",
        (
            "Just kill yourself.",
            "k y s",
            "Do everyone a favour and jump.",
            "The world would be better without you in it.",
        ),
        (
            "I wanted to kill myself after it happened",
            "It makes me want to disappear",
            "Reading this, I could barely breathe",
        ),
    ),
    _cue(
        "imagined_after",
        # The writer pictures what they would do once the reader is dead: the wish is the
        # urging, with no word of dying in it.
        r"\b(?:i would|i will|i want to|i picture|i imagine|i could|we would|we will)\b"
        r"(?: \w+){0,6} (?:funeral|coffin|wreath|eulogy|grave|obituary|headline|memorial)\b|"
        r"\b(?:the day|the night|the week|the moment|when|once) (?:i|we) (?:read|hear|"
        r"heard|see|saw|learn)\b(?: \w+){0,3} (?:that )?you(?: would| had| have)? "
        r"(?:done it|ended it|gone|died|finally|taken your|killed|finished)\b|"
        r"\b(?:news of your death|your death)\b",
        (
            "I'd happily read the eulogy",
            "The day I read that you'd finally done it, I'll celebrate",
            "I'd share the news of your death with a smile",
        ),
        ("I went to my grandfather's funeral", "When I read this I cried"),
    ),
    _cue(
        "gone_for_good",
        r"\b(?:you|your|yourself)\b(?: \w+){0,6} (?:gone|disappear|absence|out of the "
        r"picture|way out|not (?:being )?around|not being alive|go quietly|stop being)"
        r"(?: \w+){0,3} (?:for good|permanently|forever|for ever)\b|"
        r"\b(?:permanent|final) (?:way out|exit|solution)\b",
        (
            "Make sure you are gone for good",
            "if you took yourself out of the picture permanently",
            "taking the permanent way out",
        ),
        ("She left the job for good", "I hope you stop doing this for good"),
    ),
    _cue(
        "others_example",
        # Urging through what others did: men who "had the decency" to go, or a world
        # that would be better for the reader's absence. No word of dying is needed.
        r"\b(?:had|have|has|with|show|showed) the (?:\w+ )?(?:dignity|decency|grace|sense|"
        r"self-respect|courage|honou?r) to (?:\w+ ){0,2}?(?:go|leave|vanish|disappear|bow "
        r"out|step (?:off|away|aside)|exit|remove|spare|end|stop|take themselves)\b|"
        r"\b(?:world|planet|everyone|everybody|we|she|they) (?:\w+ ){0,2}?(?:would|will|"
        r"could) (?:\w+ ){0,2}?(?:be|feel|breathe) (?:\w+ ){0,3}?(?:better|lighter|"
        r"quieter|kinder|safer|easier|cleaner)\b(?: \w+){0,4} (?:without you|once you|if "
        r"you (?:were not|was not|are not|were gone|left|went))\b|"
        r"\b(?:had|have) the right idea\b|\b(?:join|follow) them\b|"
        r"\btook the (?:quiet|easy|only|honou?rable|final) (?:exit|way out)\b",
        (
            "Better men had the decency to disappear",
            "Others had the grace to bow out for good",
            "Everyone would breathe easier once you left for good",
        ),
        (
            "He had the decency to apologise to her",
            "The world would be better if more men wrote like this",
            "I had the courage to report him",
        ),
    ),
    # -- calls to go after someone ---------------------------------------------------------
    _cue(
        "call_collective",
        r"\b(?:let us|everyone|everybody|all of (?:you|us)|we (?:should|need to|must|could|"
        r"can)|someone (?:should|needs to|has to|must|could|with)|somebody|anyone (?:who|"
        r"know|with)|who is up for|people (?:should|need to)|(?:you )?know what to do|"
        r"fill it in|go (?:and )?(?:leave|tell|post|write|comment|e-?mail|call|find|make|"
        r"show)|start (?:calling|e-?mailing|posting))\b",
        (
            "Let's make sure this gets to his wife",
            "Someone should tell his boss",
            "Everyone go leave reviews",
        ),
        ("I wish someone had told me sooner", "I hope he gets help"),
    ),
    _cue(
        "call_sphere",
        r"\b(?:his|her|your|their|the author's|this guy's) (?:\w+ ){0,2}?" + SPHERE + r"\b|"
        r"\b(?:the|that) (?:\w+ )?(?:school|club|church|gym|restaurant|venue|festival|"
        r"company|firm|office) (?:he|she|you) (?:\w+ )?(?:works?|coach(?:es)?|trains?|"
        r"plays?|goes|attends?)\b",
        (
            "Someone should tell his boss",
            "His business page could use some honest reviews",
            "the school he coaches at",
        ),
        ("I told my boss", "She left the club"),
    ),
    _cue(
        "call_act",
        r"\b(?:leave|write|post) (?:\w+ ){0,2}?reviews?\b|\bone-?star\b|\bhonest (?:reviews?|"
        r"feedback|words|comments)\b|\b(?:flood|spam|bombard)\b|\bpile (?:on|in)\b|"
        r"\b(?:name and shame|make (?:him|her|them) famous|make an example|dig up|track "
        r"(?:him|her|them) down|run (?:him|her|them) out|get (?:him|her|them) (?:fired|"
        r"sacked|banned|thrown out)|thrown out|unbookable|trending|ban (?:him|her|them))\b|"
        r"\b(?:tell|email|e-mail|message|contact|call|notify|inform|warn|tag|alert) "
        r"(?:\w+ ){0,2}?" + SPHERE + r"\b|\b(?:share|spread|send|post|screenshot|blast|"
        r"forward) (?:this|it|his|her|the)\b(?:.*\b(?:to|with|on) (?:every|all|his|her|"
        r"their))?|\bpost (?:his|her|their) (?:name|face|photo|picture|address)|"
        r"\bshow up (?:at|where)\b|\bcomment on every\b|\bmake (?:his|her) life\b|"
        r"\bmake sure (?:he|she|this|everyone)\b|\bdeserves? to know\b|"
        r"\b(?:might|would|could) (?:want|like) to (?:hear|know|see|read)\b|"
        r"\bcould (?:use|do with) (?:some|a few)\b|\bwould be (?:very )?interested\b|"
        r"\bhint hint\b|\bjust (?:saying|putting it out there)\b|\bheads-? up\b|"
        r"\bhappened to read\b|\bsearch his name\b|\bfind out (?:who|where)\b|"
        r"\bwork out (?:who|which)\b",
        (
            "leave a review they'll remember",
            "flood his inbox",
            "they might want to hear from a few of us",
        ),
        ("I left a review of the book", "reading this, I want to share my story"),
    ),
    # -- guesses at who someone is ---------------------------------------------------------
    _cue(
        "points_to",
        # Pointing, without asking: where to find the author's life, and a nudge.
        r"\b(?:his|her|their) (?:\w+ ){0,3}?(?:has|have|is on|is listed|are on|is online|is "
        r"public|gives|meets|play)\b(?: \w+){0,5}? (?:page|forum|inbox|form|box|rating|"
        r"ratings|reviews?|group|account|calendar|site|address|profile|friday|saturday|"
        r"tuesdays?|wednesdays?)\b|"
        r"\bjust (?:saying|so you know|a thought)\b|\bseems (?:relevant|like the right "
        r"place)\b|\bworth a (?:look|visit|word)\b|\bi trust you\b|\bdo the right thing\b|"
        r"\byou (?:all )?know where (?:to find|he|she|they)\b|\banyone can\b|"
        r"\bmake an appearance\b|\bwhere he will be\b",
        (
            "His practice has a star rating on the map",
            "The club meets on Tuesdays. Just so you know.",
            "You know where to find him",
        ),
        ("His statement has a section on repair", "I know where to find help"),
    ),
    _cue(
        "identify_guess",
        r"\b(?:this|it|that|he|she) is (?:obviously|clearly|definitely|surely|totally|"
        r"100%|so obviously)\b|\b(?:has|have) to be (?:the|about|him|her|from)\b|"
        r"\bmust be (?:the|about|from)\b|\bcan only be\b|\bi know (?:exactly )?"
        r"(?:who|which|where|her|him|the)\b|\b(?:we|everyone|everybody) (?:all )?knows? "
        r"(?:who|which|exactly|it is|this is)\b|\b(?:pretty|fairly|almost|100%) "
        r"(?:sure|certain)\b|\bi would bet\b|\bi bet (?:it|this|that)\b|\bput money on\b|"
        r"\brecogni[sz]e\b|\bnot (?:hard|difficult) to (?:guess|work out|tell|figure)\b|"
        r"\beasy to (?:work out|tell|guess|figure)\b|\bgives? it away\b|\btimeline "
        r"(?:fits|lines up|matches)\b|\bmatches (?:everything|perfectly)\b|\bis not it\b|"
        r"\bright \?|\bisn't it\b|\bnot very anonymous\b|\bknow who you are\b|"
        r"\bi think (?:she|he) is the\b|\breading between the lines\b|\bguessing it is\b|"
        r"\bsounds (?:exactly )?like (?:the|my|our)\b|\breads like the\b|"
        r"\bnot naming names\b|\bwho else would it be\b|\bsame (?:story|phrases|writing)\b|"
        r"\bfound (?:him|her|you)\b|\bfigured as much\b",
        (
            "This is obviously the choir at St Brendan's",
            "I know which firm this is",
            "this is Holy Cross in Marrowfield, right?",
        ),
        ("This is the first statement I've read without excuses", "I know how she felt"),
    ),
    # Weak on its own ("this is the first statement…"); with a named place or organisation
    # beside it, a guess ("this is the Copper Pot").
    _cue(
        "identify_this",
        r"\b(?:this|it|that|he|she) is (?:about )?(?:the|from|my|our|at)\b|"
        r"\b(?:is|was)(?: not)? (?:this|it|that) (?:the|about)\b",
        ("this is the sixth-form at St Anne's", "Isn't this the guy from my old halls?"),
        ("this was the hardest thing to read",),
    ),
    _cue(
        "identify_fact",
        r"\b(?:his|her|your|the author's|the victim's) (?:real )?(?:name|surname|initials|"
        r"address|number|phone|instagram|twitter|linkedin|facebook|tiktok|handle|profile|"
        r"account|website|workplace|office|employer|house|street)(?: is| starts|'s)\b|"
        r"(?:^| )@[a-z0-9_.]{3,}|\b(?:lives|works|teaches|coaches) (?:at|in|on|for|"
        r"near|two streets)\b|\bname (?:is|starts with|rhymes)\b|\binitials\b|"
        r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\bhe is the one\b|\bshe is the one\b",
        (
            "His name is Daniel Frost",
            "His Instagram is @someone.here",
            "he still works at the same firm",
        ),
        ("I worked at a bar back then", "his name doesn't matter"),
    ),
    # -- name-calling ----------------------------------------------------------------------
    _cue(
        "insult_person",
        r"\b(?:you are|you were|you|he is|this guy is|this man is|the author is|such a|"
        r"what an?|you absolute|you utter|another|typical|total|absolute|utter)"
        r"(?: (?:a|an|the|just|nothing but|such a|so|truly|really|clearly|literally|"
        r"honestly|total|absolute|utter|complete|big|lowest of the low|human|"
        + INSULT_ADJS
        + r"))* "
        + INSULT_NOUNS
        + r"\b",
        ("You're a spineless little worm", "What a creep", "you absolute scumbag", "ur a loser"),
        ("What you did was creepy", "I felt like nothing", "you treated her like trash"),
    ),
    _cue(
        "insult_quality",
        r"\b(?:you are|you were|you seem|you sound|you look|he is|he seems|you)(?: (?:so|"
        r"such a|truly|really|just|clearly|honestly|utterly|absolutely|completely|a|an|"
        r"like a|like an|human|person))* " + INSULT_ADJS + r"\b",
        ("You're disgusting", "you are pathetic", "God, you're repulsive"),
        ("What you did was disgusting", "you made her feel worthless", "your behaviour was vile"),
    ),
    _cue(
        "insult_alone",
        r"^(?:\w+ ){0,2}?"
        + INSULT_NOUNS
        + r"(?: [.!])?$|^(?:(?:"
        + INSULT_ADJS
        + r"|"
        + INSULT_NOUNS
        + r")(?: [.!,])? ?){2,}",
        ("Scumbag.", "Cretin.", "Dirtbag. Weak, smug, dirtbag."),
        ("Rage.", "Heavy."),
    ),
    # -- what keeps a response with the writer or on the behaviour ---------------------------
    _cue(
        "behaviour_target",
        r"\b(?:what you did|what he did|your (?:behaviou?r|actions|choices|excuses?|"
        r"apology|statement)|that|this|it) (?:was|is|were|are) (?:\w+ )?(?:so |absolutely |"
        r"really )?" + INSULT_ADJS + r"\b",
        ("What you did was disgusting", "your behaviour was vile"),
        ("you are disgusting",),
    ),
    _cue(
        "own_story",
        r"\b(?:happened to me|to me too|i was (?:\d+|harassed|assaulted|groped|the|a|"
        r"nineteen|sixteen|seventeen|eighteen|twenty)|my (?:story|experience|ex|boss|"
        r"manager|teacher|coach|partner|first|trainer|stepbrother|husband|boyfriend)|"
        r"when i was|mine was|i reported|i froze|i quit|i left)\b",
        ("It happened to me at a festival", "When I was 17 my coach"),
        ("This is the coach at my old club, isn't it?",),
    ),
)

BY_NAME = {cue.name: cue for cue in CUES}


def matched(text: str) -> list[str]:
    """The names of the cues that a response's reading matches."""
    read = reading(text)
    return [cue.name for cue in CUES if cue.search(read)]


# Word classes: each word of a response that belongs to one adds `class:<name>` to its
# features, so that the classifier weighs "jaw" as it learned to weigh "bones", and
# "tomorrow" as it learned "alive". A handful of examples per class then teaches it about
# every word in the class.
WORD_CLASSES: dict[str, frozenset[str]] = {
    "injury": frozenset(
        [
            "hurt",
            "hurts",
            "kill",
            "killed",
            "beat",
            "beating",
            "beaten",
            "punch",
            "punched",
            "stab",
            "stabbed",
            "shoot",
            "shot",
            "smash",
            "smashed",
            "break",
            "broken",
            "bleed",
            "bleeding",
            "blood",
            "bones",
            "bone",
            "jaw",
            "teeth",
            "kneecaps",
            "knees",
            "ribs",
            "hospital",
            "hospitals",
            "ambulance",
            "grave",
            "graves",
            "ditch",
            "coffin",
            "bruise",
            "bruises",
            "bruised",
            "weapon",
            "knife",
            "gun",
            "bat",
            "fist",
            "fists",
            "strangle",
            "choke",
            "burn",
            "burned",
            "ground",
            "pavement",
            "wheelchair",
            "injured",
            "injury",
            "pain",
            "suffer",
            "suffering",
            "scars",
            "scar",
        ]
    ),
    "ending": frozenset(
        [
            "die",
            "dies",
            "dying",
            "dead",
            "death",
            "alive",
            "breathe",
            "breathing",
            "exist",
            "existing",
            "existence",
            "tomorrow",
            "world",
            "earth",
            "permanent",
            "permanently",
            "rope",
            "bridge",
            "cliff",
            "edge",
            "building",
            "rooftop",
            "roof",
            "pills",
            "bottle",
            "wrists",
            "note",
            "obituary",
            "funeral",
            "finish",
            "finished",
            "gone",
            "disappear",
            "overdose",
            "bleach",
            "train",
            "tracks",
            "suicide",
            "yourself",
            "decent",
            "honourable",
            "honorable",
        ]
    ),
    "watching": frozenset(
        [
            "find",
            "found",
            "watching",
            "watch",
            "waiting",
            "wait",
            "where",
            "door",
            "doorstep",
            "window",
            "windows",
            "house",
            "home",
            "street",
            "car",
            "park",
            "alone",
            "night",
            "nights",
            "sleep",
            "sleeping",
            "soon",
            "coming",
            "turn",
            "show",
            "around",
            "corner",
            "follow",
            "followed",
            "outside",
            "knock",
            "lights",
        ]
    ),
    "sphere": frozenset(
        [
            "boss",
            "employer",
            "workplace",
            "work",
            "office",
            "company",
            "job",
            "business",
            "shop",
            "store",
            "restaurant",
            "bar",
            "cafe",
            "salon",
            "studio",
            "practice",
            "firm",
            "clients",
            "customers",
            "patients",
            "landlord",
            "wife",
            "girlfriend",
            "boyfriend",
            "husband",
            "partner",
            "family",
            "parents",
            "friends",
            "kids",
            "children",
            "neighbours",
            "neighbors",
            "church",
            "club",
            "gym",
            "school",
            "college",
            "band",
            "gigs",
            "venue",
            "venues",
            "socials",
            "account",
            "accounts",
            "inbox",
            "email",
            "phone",
            "profile",
            "instagram",
            "facebook",
            "twitter",
            "tiktok",
            "linkedin",
            "website",
            "page",
            "reviews",
            "review",
            "booking",
            "contact",
            "colleagues",
            "coworkers",
            "recruiter",
            "recruiters",
            "congregation",
            "league",
            "testimonials",
            "ratings",
        ]
    ),
    "rally": frozenset(
        [
            "everyone",
            "everybody",
            "folks",
            "guys",
            "people",
            "parents",
            "all",
            "us",
            "let",
            "lets",
            "share",
            "spread",
            "post",
            "tag",
            "screenshot",
            "expose",
            "warn",
            "tell",
            "flood",
            "report",
            "email",
            "message",
            "ring",
            "ringing",
            "call",
            "calling",
            "phone",
            "phoning",
            "comment",
            "comments",
            "reviews",
            "star",
            "stars",
            "unemployable",
            "ruin",
            "trending",
            "viral",
        ]
    ),
    "naming": frozenset(
        [
            "name",
            "named",
            "names",
            "initials",
            "surname",
            "lives",
            "live",
            "living",
            "works",
            "worked",
            "street",
            "road",
            "lane",
            "town",
            "village",
            "school",
            "college",
            "club",
            "church",
            "firm",
            "company",
            "office",
            "branch",
            "department",
            "lab",
            "team",
            "class",
            "year",
            "cohort",
            "party",
            "wedding",
            "festival",
            "recognise",
            "recognize",
            "recognised",
            "obviously",
            "clearly",
            "definitely",
            "surely",
            "guess",
            "guessing",
            "bet",
            "sure",
            "certain",
            "was",
        ]
    ),
    "contempt": frozenset(
        [
            "creep",
            "scumbag",
            "scum",
            "loser",
            "worm",
            "pig",
            "swine",
            "trash",
            "garbage",
            "vermin",
            "rat",
            "snake",
            "weasel",
            "coward",
            "idiot",
            "moron",
            "cretin",
            "imbecile",
            "clown",
            "freak",
            "pervert",
            "sleaze",
            "slimeball",
            "dirtbag",
            "lowlife",
            "degenerate",
            "parasite",
            "leech",
            "maggot",
            "cockroach",
            "tool",
            "prick",
            "dickhead",
            "asshole",
            "arsehole",
            "bastard",
            "twat",
            "wanker",
            "douche",
            "jerk",
            "shithead",
            "troll",
            "filth",
            "toad",
            "reptile",
            "slug",
            "oaf",
            "neanderthal",
            "troglodyte",
            "goblin",
            "fossil",
            "relic",
            "dinosaur",
            "sheep",
            "fool",
            "chancer",
            "bore",
            "jellyfish",
            "nobody",
            "specimen",
            "pathetic",
            "disgusting",
            "repulsive",
            "revolting",
            "vile",
            "gross",
            "worthless",
            "spineless",
            "slimy",
            "sleazy",
            "creepy",
            "ugly",
            "stupid",
            "dumb",
            "weak",
            "pitiful",
            "loathsome",
            "repellent",
            "rotten",
            "twisted",
            "filthy",
            "smug",
            "whiny",
            "snivelling",
            "despicable",
            "contemptible",
            "useless",
            "miserable",
            "insufferable",
            "brainless",
            "gutless",
            "nasty",
            "foul",
            "grotesque",
            "putrid",
            "hideous",
            "moronic",
            "idiotic",
            "subhuman",
            "feeble",
            "limp",
            "greasy",
            "grubby",
            "oily",
            "crusty",
            "festering",
            "naive",
            "thick",
            "dim",
            "brain-dead",
            "tedious",
            "pieceofshit",
            "sackofshit",
            "wasteofspace",
        ]
    ),
}
