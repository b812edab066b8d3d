"""The coach is a pipeline of named components, any of which can be switched off."""

from __future__ import annotations

import pytest

from amends.coach import Coach
from amends.coach.pipeline import BY_NAME, COMPONENTS, OPTIONAL, STAGES, switched_off
from amends.coach.tests.helpers import patterns

REFUSAL_LIST = (
    "I did it, and it was wrong.\n\nMy aim here is NOT:\n\n"
    "  • to parade as brave,\n  • to parade as the real victim,\n"
    "  • to ask her to forgive me.\n\nI am sorry for what I did."
)


def _details(coach: Coach, text: str) -> set[str]:
    return {f.text for f in coach.review(text).of_family("detail")}


def test_every_stage_has_components_and_every_component_a_stage() -> None:
    assert {c.stage for c in COMPONENTS} == set(STAGES)
    assert len(BY_NAME) == len(COMPONENTS)
    assert "parse" not in OPTIONAL and "keep_out" not in OPTIONAL


def test_a_stage_switches_off_all_its_optional_components() -> None:
    # Presidio's recognisers are off by default, whatever else is switched off.
    default_off = {"presidio", "element_model"}
    assert (
        switched_off({"suppressors"}) == {"detail_suppressors", "scope", "refusals"} | default_off
    )
    assert switched_off({"assemble"}) == {"placeholders", "repeats", "whose"} | default_off
    assert switched_off((), also={"presidio", "element_model"}) == frozenset()


def test_without_presidio_an_email_and_a_phone_number_are_still_found(coach: Coach) -> None:
    text = "I kept writing to her at tess.varley@example.org and calling 07700 900461 at night."
    found = _details(coach, text)
    assert "tess.varley@example.org" in found
    assert "07700 900461" in found


def test_presidio_can_be_switched_back_on_to_measure_it() -> None:
    text = "I kept messaging Orla Brennan from the Kilbride Sailing Club that summer."
    assert "Orla Brennan" in " ".join(_details(Coach(also={"presidio"}), text))


@pytest.mark.parametrize("name", ["parse", "keep_out", "sorcery"])
def test_a_component_the_coach_needs_or_does_not_have_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match=repr(name)):
        Coach(without={name})


def test_without_suppressors_a_refused_list_is_flagged(coach: Coach) -> None:
    assert patterns(coach, REFUSAL_LIST) == set()
    # The sentence reading by meaning also reads "to ask her to forgive me" under the
    # heading as honest; with it off, only the suppressors stand between the list and a
    # finding.
    found = patterns(Coach(without={"suppressors", "pattern_sentences"}), REFUSAL_LIST)
    assert {"parade_brave", "forgiveness_request"} <= found
    assert "forgiveness_request" in patterns(
        Coach(without={"refusals", "pattern_sentences"}), REFUSAL_LIST
    )


def test_without_scope_praise_of_her_courage_is_parading(coach: Coach) -> None:
    unscoped = Coach(without={"scope"})
    text = "The women who came forward were braver than I have ever been."
    assert "parade_brave" not in patterns(coach, text)
    assert "parade_brave" in patterns(unscoped, text)
    text = (
        "I did not describe how I remembered it, as I wanted to make space for how A remembered it."
    )
    assert "memory_denial" not in patterns(coach, text)
    assert "memory_denial" in patterns(unscoped, text)


def test_without_normalising_bullets_and_quote_marks_read_as_names(coach: Coach) -> None:
    text = "• Hardly anyone knew what had happened.\n• Afterwards I told nobody."
    assert _details(coach, text) == set()
    assert "Hardly" in " ".join(_details(Coach(without={"normalise"}), text))
    thread = "I joined #bymetoo to listen.\n\n2/7 Healing takes time."
    assert _details(coach, thread) == set()
    assert "2/7" in _details(Coach(without={"normalise"}), thread)


def test_without_detail_suppressors_an_opening_capital_reads_as_a_name(coach: Coach) -> None:
    text = "“Repairing trust takes years,” he said in a statement."
    assert _details(coach, text) == set()
    assert "Repairing" in " ".join(_details(Coach(without={"detail_suppressors"}), text))


def test_without_placeholders_the_letter_the_author_chose_is_a_name(coach: Coach) -> None:
    text = "I'll call the person I harmed J. J trusted me."
    assert _details(coach, text) == set()
    assert "J" in _details(Coach(without={"placeholders"}), text)


def test_without_a_recogniser_its_details_are_not_found(coach: Coach) -> None:
    text = "I was her shift supervisor at the Larkhill depot, and she was 19."
    every = _details(coach, text)
    assert len(_details(Coach(without={"detail_rules", "detail_model"}), text)) < len(every)
    assert _details(Coach(without={"details"}), text) == set()


def test_without_the_elements_every_element_is_missing(coach: Coach) -> None:
    text = "I am sorry. I touched her without asking, and that was wrong."
    said = {f.kind for f in coach.review(text).of_family("missing")}
    assert "apology" not in said
    off = {f.kind for f in Coach(without={"elements"}).review(text).of_family("missing")}
    assert off == {"apology", "account", "impact", "responsibility", "repair", "change"}


def test_without_whose_no_detail_says_whose_it_is(coach: Coach) -> None:
    text = "She was 19 and I was her manager."
    assert any(f.whose for f in coach.review(text).of_family("detail"))
    assert not any(f.whose for f in Coach(without={"whose"}).review(text).of_family("detail"))


PLAIN_REPAIR = (
    "I need to tell the truth about what happened at the studio. I was her teacher and she was "
    "my student. I kept her behind after class and told her she owed me her progress. I touched "
    "her when she had not asked me to. She went quiet in class and then she stopped coming. I am "
    "sorry. I have stopped teaching and I am paying for her therapy."
)


def _missing(coach: Coach, text: str) -> set[str]:
    return {f.kind for f in coach.review(text).of_family("missing")}


def test_the_element_models_read_repair_told_in_plain_words(coach: Coach) -> None:
    cues_alone = _missing(Coach(without={"element_sentences"}), PLAIN_REPAIR)
    assert "repair" in cues_alone
    assert "repair" not in _missing(coach, PLAIN_REPAIR)
    # The draft model, off by default, reads it too, and can only take a "missing" back.
    draft_model = _missing(
        Coach(without={"element_sentences"}, also={"element_model"}), PLAIN_REPAIR
    )
    assert "repair" not in draft_model
    assert draft_model <= cues_alone


# Every element told in a form no cue knows: bare verbs with no "I", the passive, a
# change with no verb at all.
CLIPPED = (
    "WHAT I DID\n"
    "• Kept texting her after she blocked me, then turned up at her gym twice.\n"
    "• Sorry. I owe her that first.\n"
    "• That is on me.\n"
    "• Her gym membership has been paid for, for two years, by me.\n"
    "• Seeing a counsellor weekly since the summer.\n"
)


def test_the_sentence_reading_finds_elements_told_in_forms_no_cue_knows(coach: Coach) -> None:
    cues_alone = _missing(Coach(without={"element_sentences"}), CLIPPED)
    read = _missing(coach, CLIPPED)
    assert {"account", "repair", "change"} <= cues_alone
    assert not {"account", "repair", "change"} & read


def test_a_cue_on_a_sentence_that_does_not_tell_the_element_no_longer_counts(
    coach: Coach,
) -> None:
    text = (
        "I kissed her at the leaving party after she said no. I am sorry. "
        "It was my fault. I was scared that people would find out."
    )
    assert "impact" not in _missing(Coach(without={"element_sentences"}), text)
    assert "impact" in _missing(coach, text)


def test_a_hope_that_she_is_well_is_no_impact_and_a_call_for_change_is_not_mine(
    coach: Coach,
) -> None:
    text = (
        "I kissed her at the leaving party after she said no. I am sorry. It was my fault. "
        "I hope she is doing well. Workplaces like ours need to change."
    )
    assert {"impact", "change"} <= _missing(coach, text)
