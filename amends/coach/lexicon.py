"""Word lists the coach's rules rely on. Written for Amends; general, never taken from drafts.

Each list answers one question a rule asks ("is this noun a job title?"). Lists are
frozensets of lower-case words so that membership tests stay cheap.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Common given names across English-speaking countries, with short forms. It lets the coach
# find names spaCy's small model misses, above all in drafts typed in lower case.
FIRST_NAMES = _words("""
aaron abby abi abigail adam adele adrian agnes aidan aiden aisha alan alana albert alex
alexa alexander alexandra alexis alfie ali alice alicia alison ally allie amanda amber amelia
amir amit amy ana andrea andrew andy angela angie ann anna anne annie anthony antonio april
arjun archie arthur ash ashley aurora ava barbara barry becca becky bella ben benjamin beth
bethany bev beverley bianca bill billie billy bob bobby brad bradley brandon brenda brian
bridget brittany brooke bruce bryony caitlin callum cameron camila cara carl carla carlos
carmen carol caroline carrie casey cath catherine cathy charlie charlotte chelsea cheryl chloe
chris christian christina christine claire clara colin connor craig dan dana daniel danielle
danny darren dave david dean debbie deborah deb declan denise dennis derek diana diane dom
dominic donna doug dylan ed eddie edward eilidh elaine eleanor elena eli elijah elizabeth
ella ellen ellie eloise emily emma eric erin ethan eve evie faith fatima felix fiona finn
frances francesca frank fred freddie freya gabriel gabby gareth gary gavin gemma george
georgia gerry gillian gina grace graham greg hamza hannah harriet harry harvey hayley heather
helen henry holly hugo ian imogen isaac isabel isabella isla ivy jack jackie jacob jade jake
james jamie jan jane janet jasmine jason jay jen jenna jennifer jenny jeremy jess jessica
jill jim jimmy jo joanna joanne joe joel john johnny jon jonathan jordan jose joseph josh
joshua joy joyce jude judith judy julia julie justin kai kara karen kate katherine kathryn
katie katy kay kayla kayleigh keith kelly ken kerry kev kevin kieran kim kirsty kit kyle
lacey laura lauren layla leah lee leo leon liam lily linda lisa liz lizzie logan lola lorna
louis louise lucas lucy luke lydia maddie madeline maisie maria marie mark martha martin
mary matt matthew maureen max maya megan mel melissa mia michael michelle mike millie mo
mohammed molly monica nadia naomi natalie natasha nathan neil niamh nick nicola nicole
noah nora olivia olly oliver omar oscar owen paige pam pat patrick paul paula pete peter
phil philip phoebe pippa poppy priya rachel rae raj rebecca rhys richard rick rob robbie
robert robyn rory rosa rosie ross ruby ruth ryan sally sam samantha sami samuel sandra sara
sarah scarlett scott sean seb shannon sharon shaun sian simon sinead sofia sophie stacey
stephanie steph steve steven stuart sue susan suzanne tash tasha ted terry tess theo thomas
tim tina toby tom tommy tony tracy tyler vanessa vicky victoria vince wendy will william
yasmin zara zoe zak bia bea dev marcus marco maya mateo nina rosa sofia tomas
luca jakub kasia ola olga ivan dmitri yusuf ahmed aliyah imran ravi anil sunil nikhil
darius andre tyrone jamal malik keisha tanisha shanice leroy winston jermaine precious
""")

# Names that are also everyday English words: they count as names only when used as one.
AMBIGUOUS_NAMES = _words("""
will grace hope joy faith summer rose april may june amber ruby jade holly ivy bill pat
sue mark rob dean jack frank art dawn eve autumn skye sky brook dev mo kit jan deb
""")

# Job titles and positions. Alone ("a manager") they narrow little; with a possessive, a
# definite article or modifiers ("her shift supervisor") they point at one person.
ROLE_NOUNS = _words("""
manager supervisor director intern trainee apprentice analyst assistant lead head chef
sous cook waiter waitress bartender barman barmaid barista coach trainer tutor teacher
lecturer professor instructor pastor priest vicar minister rabbi imam deacon elder
churchwarden warden treasurer secretary chair chairman chairwoman president captain
goalkeeper keeper striker stroke cox bassist guitarist drummer singer vocalist pianist
organist conductor nurse doctor surgeon consultant registrar physician midwife paramedic
medic dentist ta adviser advisor mentor guru commissioner controller
supervisor principal headteacher headmaster headmistress receptionist cashier major clerk
accountant engineer developer designer editor producer officer sergeant constable
detective inspector coordinator organiser organizer moderator mod admin administrator
leader rep representative steward foreman owner landlord landlady tenant nanny babysitter
au pair cleaner caretaker janitor driver pilot attendant merchandiser stylist
hairdresser photographer researcher scientist technician postdoc sophomore
freshman fresher undergraduate postgraduate student pupil volunteer deputy
associate executive ceo cfo founder cofounder boss superior subordinate employee staffer
agent usher lifeguard bouncer doorman porter physio physiotherapist pharmacist carer
graduate worker dancer actor actress musician referee umpire choreographer firefighter soldier cadet lawyer solicitor barrister paralegal judge chaplain
anaesthetist anesthetist practitioner scholar soprano alto tenor baritone chorister bridesmaid
groomsman corporal lieutenant commander colonel brigadier sapper gunner rifleman sailor seaman
airman midshipman ensign scorer setter postgrad vice-captain skipper coxswain dj
registrar houseman matron sommelier commis curate verger sacristan choirmaster cantor trustee
governor councillor provost chancellor bursar invigilator demonstrator stewardess goalie
winger defender midfielder fullback quarterback keyboardist violinist cellist flautist
trumpeter saxophonist percussionist frontman frontwoman roadie promoter radiographer
sonographer optometrist obstetrician gynaecologist dispatcher plumber electrician carpenter joiner mechanic
labourer farmhand librarian prefect understudy stagehand reporter journalist correspondent
columnist recruiter canvasser arbiter housemaster housemistress dean physiotherapist
picker packer healer chief sec bridesmaid bosun deckhand negotiator superintendent
assessor drummer fly-half scrum-half co-founder novice
""")

# The people who support the author's accountability ("my therapist", "the facilitator"):
# naming them identifies nobody involved, and they are what a good statement mentions.
SUPPORT_ROLES = _words("""
therapist counsellor counselor psychologist psychiatrist facilitator caseworker sponsor gp
solicitor lawyer
""")

# Role nouns too vague to narrow anyone down even with "my" ("my colleague").
VAGUE_ROLES = _words("colleague coworker co-worker workmate employee staff person people member")

# Words that, in front of a role noun, make it a position rather than a description.
ROLE_MODIFIERS = _words("""
junior senior new head chief deputy assistant associate lead principal youth night day
shift area regional store floor general attending student trainee visiting
""")

RELATIONSHIP_NOUNS = _words("""
wife husband girlfriend boyfriend partner fiancee fiance fiancée fiancé ex spouse roommate
housemate flatmate room-mate flat-mate house-mate sister brother cousin niece nephew aunt
uncle daughter son stepdaughter stepson stepsister stepbrother sister-in-law
brother-in-law mother-in-law father-in-law daughter-in-law son-in-law goddaughter godson
neighbour neighbor landlord lodger tenant mate bestie best-friend friend mum mom mother
dad father parent grandmother grandfather granddaughter grandson babysitter
missus hubby wifey pal gf bf
""")

# Relatives so common that naming them rarely narrows anything ("my mum", "my parents").
GENERIC_RELATIVES = _words("mum mom mother dad father parents parent kids children family")

# Suffixes that turn a capitalised phrase into an organisation.
ORG_SUFFIXES = _words("""
ltd limited plc inc llc llp co company group university college school academy church
chapel mosque synagogue temple fc afc rfc united rovers city athletic club society union
association trust foundation council hospital clinic surgery practice centre center
institute bank mutual insurance logistics partners solicitors associates studios studio
records band singers choir orchestra ensemble theatre theater guild league federation
corporation corp agency consulting services motors wanderers albion wolves lions tigers
ward unit department dept hospice
""")

PLACE_SUFFIXES = _words("""
street st road rd lane ln avenue ave drive dr close crescent grove place square terrace
way row hill park gardens court walk parade mews wharf quay bridge green heights estate
hall halls lodge barn arms inn tavern bar pub café cafe restaurant hotel house cottage
farm precinct station campus building tower library stadium ground arena market mall
village town
""")

COUNTRIES = _words("""
england scotland wales ireland britain uk usa america canada australia france germany
spain portugal italy poland romania india pakistan china japan nigeria ghana kenya brazil
mexico netherlands belgium sweden norway denmark greece turkey russia ukraine africa
europe asia
""")

MONTHS = _words("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""")

SEASONS = _words("spring summer autumn fall winter")

HOLIDAYS = _words("""
christmas xmas halloween easter hanukkah diwali eid thanksgiving freshers fresher's
freshers' new year's years year's bonfire valentine's valentines midsummer boxing burns
""")

NUMBER_WORDS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}

# Events and life circumstances that single a person out when tied to them.
LIFE_EVENTS = _words("""
funeral wedding engaged engagement pregnant pregnancy maternity paternity born birth
baby christening graduation birthday die dying eighteenth twenty-first twenty-first
twenty-firsts fortieth fiftieth sixtieth eightieth hen stag divorce divorced diagnosed panto pantomime premiere prom gala reunion operation surgery chemo chemotherapy miscarried
diagnosis died death miscarriage promotion call-up debut affiliate scholarship
""")

# Words a capitalised token may be without being a name: sentence openers, interjections,
# platforms that identify nobody, titles.
NOT_NAMES = _words("""
i i'm i've i'd i'll me my mine god christ jesus lord ok okay oh yes no hi hey dear
instagram insta facebook snapchat snap whatsapp dms dm dming dmed secret santa himself herself myself
yourself themselves gp agm hr dm pe sats tiktok twitter hinge tinder bumble uber discord
youtube google linkedin reddit messenger hr covid title ix mr mrs ms miss dr sir madam
monday tuesday wednesday thursday friday saturday sunday grindr slack twitch telegram
zoom lan please papa mama mum mom dad daddy mummy nana grandma grandpa granny
phd msc mba bsc gcse gcses teams repair impact apology responsibility change account
allah waheguru bismillah inshallah mashallah alhamdulillah shaytan satan kia ora sri akal
um umm uh uhh erm er hmm mm mhm ah ahh eh
""")

# Capitalised words that head a generic phrase, not a proper name.
PROPER_STOP = _words("""
the a an this that these those it its he she they we you her his our their what when
where why how after before then there here if but and or so because since while as at in
on of for to from by with without about over under one two three every each some any
no not nobody everyone anyone someone someday sometimes maybe also even just only still
""")

# Titles that precede names ("Dr. Feld"); never a name on their own.
_TITLES_WORDS = _words("dr mr mrs ms miss prof professor sir")

# Towns and cities often named in drafts typed in lower case, where the model cannot see a
# capital letter. Countries are left out on purpose: they narrow too little.
CITIES = _words("""
london manchester birmingham leeds liverpool sheffield bristol newcastle nottingham leicester
coventry bradford cardiff swansea newport glasgow edinburgh aberdeen dundee inverness belfast
derry dublin cork galway limerick oxford cambridge brighton york exeter plymouth
southampton portsmouth norwich  swindon luton milton keynes northampton peterborough
ipswich cheltenham gloucester worcester hereford stoke wolverhampton lincoln
sunderland durham preston blackpool bolton wigan stockport salford warrington chester
lancaster carlisle kendal harrogate middlesbrough bournemouth canterbury dover maidstone
croydon camden hackney brixton islington stroud leamington coventry aberystwyth bangor
boston chicago houston dallas austin denver seattle portland atlanta miami philadelphia
phoenix detroit baltimore columbus cleveland pittsburgh nashville memphis toronto vancouver
montreal ottawa calgary sydney melbourne brisbane perth adelaide auckland wellington
""")

# Personal pronouns: a sentence holding one speaks of someone in the story, not of
# the world in general (the scope rules in patterns.py and the suppressors).
PERSONAL_PRONOUNS = frozenset(
    {
        *("i", "me", "my", "mine", "myself", "we", "us", "our"),
        *("she", "her", "hers", "herself", "he", "him", "his", "himself"),
        *("you", "your"),
    }
)
