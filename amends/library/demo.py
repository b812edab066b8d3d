"""Fictional demo statements for the library, written for Amends.

Every statement here is invented. None describes a real person or a real event, and none
carries a name, place, organisation, date, age or any other detail that could point to
anyone. They are written to show what an accountability statement that meets the #bymetoo
protocol looks like: first person and plain about what was done; the impact described as
far as the writer knows it, without speaking for the person harmed; an unconditional
apology with no excuses and no request for forgiveness; concrete repair; and concrete
change, with a word on who checks it. Each one covers a different grey or clear area and
carries tags from `amends.library.tags`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoStatement:
    what_i_did: str
    known_impact: str
    responsibility: str
    repair: str
    change: str
    tags: tuple[str, ...]


DEMO_STATEMENTS: tuple[DemoStatement, ...] = (
    DemoStatement(
        what_i_did=(
            "While I lived with a woman I was in a relationship with, I kept pushing for sex when "
            "she did not want it. When she said she was tired or not in the mood, I sulked, asked "
            "again and again, and told her that couples who loved each other did not turn each "
            "other down. Many times she gave in so that I would stop. I treated that as consent, "
            "and it was not."
        ),
        known_impact=(
            "I do not know everything this did to her, and I will not guess at what she felt. She "
            "told me near the end that she had come to dread going to bed, and that she no longer "
            "believed her no meant anything to me. I made our home a place where she had to defend "
            "herself, and it went on for a long time because I kept doing it."
        ),
        responsibility=(
            "I am sorry. I pressured her into sex again and again, and that was wrong every single "
            "time. Nothing she did or said caused it; I did it because I put what I wanted above "
            "her choice. I do not ask her to forgive me."
        ),
        repair=(
            "I told her once that I was sorry and that she owed me nothing, not even a reply. I "
            "have offered to pay for therapy for as long as she wants it, through a counselling "
            "service that bills me directly, so that she never has to deal with me. I have had no "
            "contact with her since, and I will not get in touch unless she asks me to."
        ),
        change=(
            "I have been in weekly therapy for over a year with a counsellor who works with men "
            "who have pressured their partners, and I go to a men's group every fortnight. I have "
            "learned to treat a no, a maybe or a silence as a no, and to stop asking. A man from "
            "the group who knows the whole story acts as an accountability partner: each month he "
            "asks me how I treat the person I am with now, and my therapist goes over it with me "
            "every three months."
        ),
        tags=("relationship", "pressure"),
    ),
    DemoStatement(
        what_i_did=(
            "Years ago, at a party, I had sex with a friend of a friend who was far too drunk to "
            "consent. She was slurring, she could not stand steadily, and her friends had been "
            "looking after her. I took her into a quiet room and had sex with her. I could see the "
            "state she was in, and I went ahead."
        ),
        known_impact=(
            "I do not know the full impact on her, and I do not want to speak for her. I know that "
            "she remembers little of that night, and that not knowing what happened to her has "
            "frightened her ever since. She stopped going to places where she might see me, so I "
            "took part of her social life from her as well."
        ),
        responsibility=(
            "She was in no state to agree to anything, and I had sex with her anyway. That was "
            "sexual assault, and it was my choice alone. I am sorry, with no conditions attached. "
            "I do not ask her to forgive me, and I do not expect it."
        ),
        repair=(
            "A friend she trusts told me she was willing to hear from me once, in writing. Through "
            "that friend I said sorry, without explaining myself, and offered to pay for her "
            "therapy through a counselling service that handles the payments, so that my name "
            "never reaches her. I left the circle of friends we shared, and I make no contact with "
            "her unless she asks."
        ),
        change=(
            "I no longer drink at parties or nights out, and a friend who knows why holds me to "
            "that. I see a therapist every week about why I treated a woman as available to me, "
            "and I have finished a course on consent for people who have caused sexual harm. My "
            "rule is simple: someone who is intoxicated cannot give me a yes, so I do not start "
            "anything. My therapist and that friend both know the rule and ask me about it."
        ),
        tags=("party", "intoxication"),
    ),
    DemoStatement(
        what_i_did=(
            "I met a woman through a volunteering group we both belonged to, and I told her I "
            "wanted a serious relationship with her. I did not mean it. I said it because I "
            "thought it was the way to get her to sleep with me, and once she had, I stopped "
            "answering her messages and acted at the group as though nothing had happened. I had "
            "done this before, so I knew exactly what I was doing."
        ),
        known_impact=(
            "She agreed to be with the person I pretended to be, not with me, so I took her real "
            "choice away from her. I do not know everything she went through, and it is hers to "
            "say. I do know that she stopped coming to the group, which mattered to her long "
            "before I joined it."
        ),
        responsibility=(
            "I lied to get sex and then dropped her. That was my choice, made on purpose, not a "
            "misunderstanding. I am sorry for lying to her, for using her, and for pushing her out "
            "of a place that was hers. Nothing about her made this happen. I do not ask her to "
            "forgive me; she owes me nothing."
        ),
        repair=(
            "I wrote to her once to say sorry, without explaining myself, and told her she did not "
            "need to answer. I left the group so that she can go back without meeting me there. I "
            "offered to pay for counselling through a service that invoices me directly, and I "
            "have not contacted her since."
        ),
        change=(
            "I am in therapy to understand why I treated intimacy as something to win, and I have "
            "told my therapist about every woman I have done this to. I have stopped dating while "
            "I do this work, and my therapist and I will decide together when that changes. A "
            "close friend who knows everything acts as an accountability partner; he checks in "
            "with me each month and asks directly whether I have kept to that."
        ),
        tags=("community-group", "manipulation"),
    ),
    DemoStatement(
        what_i_did=(
            "When I was a student, I was kissing a woman from my course in my room, and she said "
            "she wanted to stop. I kept going: I kissed her again and I touched her. She went "
            "completely still and stopped responding, and I carried on for some minutes before I "
            "stopped. I heard her no and I chose to ignore it."
        ),
        known_impact=(
            "I cannot know everything this did to her, and it is not mine to describe. I know that "
            "she left without a word and that she stayed away from the classes we shared for a "
            "long time afterwards. I made her afraid in a place where she had no easy way out."
        ),
        responsibility=(
            "She said no and I did not stop; when she froze, I carried on. That was sexual "
            "assault, and it was mine alone. I am sorry. I do not ask her to forgive me, and I do "
            "not want her to have to think about me at all."
        ),
        repair=(
            "Through the university's support service I offered to pay for her counselling, and to "
            "leave any class she chose. I have kept to her wish for no contact of any kind. I "
            "withdrew from the one seminar group we still shared, so that she would not have to "
            "see me there."
        ),
        change=(
            "I see a therapist every fortnight, and I have finished a programme for people who "
            "have caused sexual harm. I have learned that a no, a hesitation or a silence means "
            "stop at once, and that I then check in without pressing. An accountability partner "
            "from the programme knows exactly what I did, and we meet each month to go through how "
            "I have behaved."
        ),
        tags=("school", "ignoring-a-no", "unwanted-touching"),
    ),
    DemoStatement(
        what_i_did=(
            "When a man I was dating told me that he did not want to have sex, I went cold on him. "
            "I turned away, stopped speaking to him and stayed distant for days, and I only warmed "
            "up again once he agreed. I did this more than once. I punished him with silence for "
            "saying no, and I knew that it worked."
        ),
        known_impact=(
            "I do not know all of what it did to him, and I will not speak for him. I do know that "
            "he began saying yes to avoid my coldness, which means he had sex with me that he did "
            "not want. I taught him that saying no to me came at a cost, and I made him "
            "responsible for my mood."
        ),
        responsibility=(
            "Punishing someone for a no is pressure, and it is just as wrong when a woman does it "
            "to a man. I chose to do it each time. I am sorry for all of it. He did nothing to "
            "deserve it, and I do not ask him to forgive me."
        ),
        repair=(
            "When he agreed to meet, I apologised to him in person and listened without defending "
            "myself. I have offered to pay for his therapy through a counselling service that "
            "bills me, and he knows he can take it up at any time. We are no longer together, and "
            "I contact him only when he contacts me first."
        ),
        change=(
            "I see a therapist about how I respond to rejection, and I am learning to say that I "
            "am disappointed without making it the other person's problem. A friend I have told "
            "everything asks me every few weeks how I have handled a no, and I take what I tell "
            "her to my therapist. I have asked both of them to challenge me whenever my answers "
            "sound like excuses."
        ),
        tags=("dating", "coldness-after-a-no", "pressure"),
    ),
    DemoStatement(
        what_i_did=(
            "I managed a team, and I pursued a woman who worked under me. I kept asking her out "
            "after she had said no, sent her messages late at night, and once put my hand on her "
            "back and kept it there when we were alone in a meeting room. I let her understand, "
            "without saying it outright, that her reviews and her work depended on me. I used the "
            "power my role gave me against someone who could not easily tell me to stop."
        ),
        known_impact=(
            "I do not know the full extent of what this did to her, and I will not claim to. I "
            "know she began to avoid being alone in any room with me, and that she left the job "
            "sooner than she had planned. I put her income and her safety at work at risk, and she "
            "had to carry that while still reporting to me."
        ),
        responsibility=(
            "I abused my position, and I did it knowing that she depended on me. Nothing she did "
            "invited it. I am sorry, plainly and without conditions. I do not ask her to forgive "
            "me."
        ),
        repair=(
            "When she complained, I admitted what I had done instead of contesting it, and I "
            "stepped down from managing anyone. I asked that her record show the work she actually "
            "did, not my account of it, and through the company's people team I offered to pay for "
            "her therapy. I have had no contact with her, and I will have none unless she asks for "
            "it."
        ),
        change=(
            "I no longer manage people, and I have agreed with my employer that I will not do so "
            "again until an independent reviewer is satisfied that I am safe to. I am in therapy "
            "about how I use power, and I never message colleagues outside working hours except "
            "about work. A senior colleague who knows what I did meets me every quarter to check "
            "how I treat people with less power than me, and she is free to ask them."
        ),
        tags=("workplace", "abuse-of-power", "unwanted-touching", "unwanted-messages"),
    ),
    DemoStatement(
        what_i_did=(
            "At a sports club I belonged to, I was one of a group of men who rated the women who "
            "trained there, out loud and in a group chat. I gave them scores, made remarks about "
            "their bodies and joked about which of them I would sleep with. I started some of "
            "those conversations and joined in with all of them. When one woman overheard us, I "
            "laughed it off in front of her."
        ),
        known_impact=(
            "I do not know all of how this affected the women we talked about, and I cannot speak "
            "for them. The woman who overheard us stopped coming to training, and I know that "
            "others changed where they trained and when. We made them feel watched and judged in a "
            "place they had every right to be."
        ),
        responsibility=(
            "I treated the women at the club as objects to be scored, and I did it on purpose, to "
            "get a laugh from other men. It was not harmless, and it was my choice. I am sorry to "
            "each of them. I do not ask any of them to forgive me."
        ),
        repair=(
            "I told the other men in the chat, in writing, that what we had done was wrong and "
            "that I would not take part again. I told the club what I had done and accepted the "
            "suspension that followed. I left the club for good afterwards, so that the women "
            "there do not have to share it with me, and through the club I offered to pay for "
            "counselling for anyone who wants it."
        ),
        change=(
            "I have done a course on respect and consent for men, and I am in therapy about why "
            "other men's approval mattered more to me than other people's dignity. When I hear men "
            "talk about women that way now, I say so and I leave the conversation. A friend "
            "outside the club who knows what I did asks me about this every month, and I tell him "
            "the truth."
        ),
        tags=("sport", "objectifying"),
    ),
    DemoStatement(
        what_i_did=(
            "I kept sending messages to a man I had met online after he told me he was not "
            "interested. When he blocked me, I made a second account and carried on. Over several "
            "weeks I sent him dozens of messages, some of them sexual and some of them angry that "
            "he was ignoring me."
        ),
        known_impact=(
            "I do not know everything this did to him, and I am not going to guess at his "
            "feelings. He wrote once to ask me to stop, and said he had come to dread picking up "
            "his phone. By getting round his block, I took away the one tool he had to keep me out "
            "of his life."
        ),
        responsibility=(
            "He said no, and I refused to accept it. Blocking me was a clear answer. I chose to "
            "get round it, and that was harassment. I am sorry. I do not ask him to forgive me, "
            "and I do not expect a reply."
        ),
        repair=(
            "I deleted both accounts, and I will not contact him again in any form. I have not "
            "offered him anything directly, because any message from me would be more of the same. "
            "I told the site what I had done so that it could keep me off it, and I have given "
            "money to a service that supports people who are harassed online."
        ),
        change=(
            "I am in therapy about how I react to rejection, and I have taken dating apps off my "
            "phone for now. My rule is that I never message anyone a second time when they have "
            "not answered the first. A friend who knows what I did acts as an accountability "
            "partner: every fortnight he asks whether I have kept to that rule, and I show him my "
            "messages when he asks."
        ),
        tags=("online", "unwanted-messages"),
    ),
)
