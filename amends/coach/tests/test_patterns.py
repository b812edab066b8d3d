from __future__ import annotations

from amends.coach import Coach
from amends.coach.tests.helpers import patterns


def test_it_flags_minimising(coach: Coach) -> None:
    assert "minimising" in patterns(coach, "Honestly it was only a kiss and it lasted seconds.")


def test_it_flags_excusing_with_alcohol(coach: Coach) -> None:
    assert "excusing" in patterns(coach, "We had both been drinking and I was very drunk.")


def test_it_does_not_flag_drinking_named_to_reject_it(coach: Coach) -> None:
    assert "excusing" not in patterns(coach, "I had been drinking, and that is no excuse.")


def test_it_does_not_flag_a_minimisation_the_next_sentence_denies(coach: Coach) -> None:
    text = "I told myself it was only a kiss. It wasn't."
    assert "minimising" not in patterns(coach, text)


def test_it_flags_blaming(coach: Coach) -> None:
    assert "blaming" in patterns(coach, "She was the one who invited me in, and she never said no.")


def test_it_flags_a_conditional_apology(coach: Coach) -> None:
    assert "conditional_apology" in patterns(coach, "I'm sorry if anyone was hurt.")


def test_it_flags_sorry_but(coach: Coach) -> None:
    assert "sorry_but" in patterns(coach, "I'm sorry, but she had been flirting all night.")


def test_it_flags_a_request_for_forgiveness(coach: Coach) -> None:
    assert "forgiveness_request" in patterns(coach, "I hope one day she can forgive me.")


def test_it_does_not_flag_refusing_to_ask_for_forgiveness(coach: Coach) -> None:
    assert "forgiveness_request" not in patterns(
        coach, "I will never ask her to forgive me, and I am not asking for forgiveness here."
    )


def test_it_flags_the_evasive_passive(coach: Coach) -> None:
    assert "evasive_passive" in patterns(coach, "Mistakes were made and things went too far.")


def test_it_flags_memory_denial_but_not_her_memory(coach: Coach) -> None:
    assert "memory_denial" in patterns(coach, "I honestly don't remember saying that.")
    assert "memory_denial" not in patterns(coach, "She didn't remember getting home.")


def test_it_flags_parading_as_brave_innocent_victim_and_monster(coach: Coach) -> None:
    text = (
        "It takes real courage to write this. I have always respected women. "
        "I'm the one who lost everything. I am a monster."
    )
    assert {"parade_brave", "parade_innocent", "parade_victim", "parade_monster"} <= patterns(
        coach, text
    )


def test_it_does_not_flag_refusing_to_be_called_brave(coach: Coach) -> None:
    assert "parade_brave" not in patterns(coach, "I'm not writing this to be told I'm brave.")


def test_it_flags_self_centring(coach: Coach) -> None:
    assert "self_centring" in patterns(coach, "This has been so hard for me and I need closure.")


def test_it_finds_nothing_missing_in_a_complete_statement(coach: Coach) -> None:
    text = (
        "I kept messaging her after she told me to stop. She stopped coming to practice "
        "because of me. That was my choice and it is on me. I am sorry. I have paid for "
        "her counselling. I see a therapist every week, and a friend asks me about it."
    )
    assert coach.review(text).of_family("missing") == []


def test_it_lists_every_missing_element_of_an_empty_statement(coach: Coach) -> None:
    missing = {f.kind for f in coach.review("Things happened.").of_family("missing")}
    assert missing == {"apology", "account", "impact", "responsibility", "repair", "change"}


def _paraphrases() -> list[tuple[str, str]]:
    import pathlib

    path = pathlib.Path(__file__).parent / "data" / "paraphrases.tsv"
    rows = [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [(kind, sentence) for kind, sentence in rows]


def test_it_flags_most_patterns_said_in_other_words(coach: Coach) -> None:
    close = [
        {"excusing", "minimising", "blaming"},
        {"conditional_apology", "sorry_but"},
        {"parade_victim", "self_centring", "parade_monster"},
    ]
    rows = [(k, s) for k, s in _paraphrases() if k != "none"]
    hits = 0
    for kind, sentence in rows:
        found = patterns(coach, sentence)
        hits += any(kind == f or any(kind in g and f in g for g in close) for f in found)
    assert hits / len(rows) >= 0.9


def test_it_leaves_honest_sentences_unflagged(coach: Coach) -> None:
    flagged = [s for k, s in _paraphrases() if k == "none" and patterns(coach, s)]
    assert flagged == []


def test_it_flags_an_apology_for_her_feelings_but_not_one_for_the_act(coach: Coach) -> None:
    assert "conditional_apology" in patterns(coach, "I'm sorry that you were frightened.")
    assert "conditional_apology" in patterns(coach, "I apologise for any confusion I caused.")
    assert patterns(coach, "I'm sorry for the messages and for the car.") == set()
    assert patterns(coach, "Maya, I'm sorry that I lied to you.") == set()


def test_indexed_cues_find_exactly_what_the_full_cue_lists_find() -> None:
    from amends.coach import patterns as p

    sentences = [p.normalise(s) for _, s in _paraphrases()]
    sentences += ["she'd been flirting with me all night", "i've paid her back every penny"]
    for sentence in sentences:
        words = set(p._WORDS.findall(sentence))
        words |= {w.split("'")[0] for w in words if "'" in w}
        for kind, rx in p.CUES.items():
            assert bool(rx.search(sentence)) == p.CUE_SETS[kind].search(sentence, words), (
                kind,
                sentence,
            )
