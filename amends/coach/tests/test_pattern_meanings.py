"""Patterns found by meaning, in wordings the cue lists never spelled out."""

from __future__ import annotations

from amends.coach import Coach
from amends.coach.tests.helpers import patterns


def test_an_upbringing_offered_as_the_reason_is_flagged_as_excusing(coach: Coach) -> None:
    text = "Where I was raised, men talked to women like that and nobody blinked."
    assert "excusing" in patterns(coach, text)


def test_a_stated_state_of_mind_offered_as_the_setting_is_flagged_as_excusing(coach: Coach) -> None:
    assert "excusing" in patterns(coach, "My judgement was gone by the time we left the pub.")


def test_a_duration_shrunk_to_an_instant_is_flagged_as_minimising(coach: Coach) -> None:
    assert "minimising" in patterns(coach, "The whole thing was over in a heartbeat.")


def test_stressing_that_she_acted_first_is_flagged_as_blaming(coach: Coach) -> None:
    assert "blaming" in patterns(coach, "She sent the first flirty message, I only replied.")


def test_hoping_to_be_pardoned_is_a_request_for_forgiveness(coach: Coach) -> None:
    text = "I hope in time she will find it in herself to pardon me."
    assert "forgiveness_request" in patterns(coach, text)


def test_a_memory_that_does_not_ring_a_bell_is_memory_denial(coach: Coach) -> None:
    text = "Some of what she describes simply doesn't ring a bell for me."
    assert "memory_denial" in patterns(coach, text)


def test_boundaries_that_dissolved_by_themselves_are_evasive(coach: Coach) -> None:
    text = "By the end of the night the boundaries had kind of dissolved."
    assert "evasive_passive" in patterns(coach, text)


def test_being_pushed_out_is_flagged_as_playing_the_victim(coach: Coach) -> None:
    assert "parade_victim" in patterns(coach, "I've been pushed out of the business I built.")


def test_pushing_someone_out_oneself_is_not_playing_the_victim(coach: Coach) -> None:
    assert "parade_victim" not in patterns(coach, "I pushed her out of the team after she said no.")


def test_wanting_it_all_to_go_away_is_self_centring(coach: Coach) -> None:
    text = "I just want this whole thing to go away so I can get back to normal."
    assert "self_centring" in patterns(coach, text)


def test_an_explanation_rejected_as_a_defence_is_not_flagged(coach: Coach) -> None:
    text = ("I was grieving my mum and drinking every night. None of that gave me the right "
            "to turn up at her flat.")
    assert "excusing" not in patterns(coach, text)


def test_having_stopped_drinking_is_not_an_excuse(coach: Coach) -> None:
    assert "excusing" not in patterns(coach, "I have since stopped drinking and go to meetings.")


def test_her_being_asleep_is_an_account_not_blame(coach: Coach) -> None:
    assert patterns(coach, "She was asleep on the sofa when I touched her.") == set()


def test_denying_the_intent_to_hurt_is_flagged_as_excusing(coach: Coach) -> None:
    assert "excusing" in patterns(coach, "The jokes were never meant to hurt anyone.")


def test_saying_she_never_asked_him_to_stop_is_blaming(coach: Coach) -> None:
    assert "blaming" in patterns(coach, "At no point did she ask me to stop.")


def test_an_unrequested_picture_is_an_account_not_blaming(coach: Coach) -> None:
    text = "I sent her a picture of me that she did not ask for."
    assert "blaming" not in patterns(coach, text)


def test_forgotten_details_are_memory_denial(coach: Coach) -> None:
    text = "There may be things she remembers that I've forgotten."
    assert "memory_denial" in patterns(coach, text)


def test_lessons_learned_without_a_learner_are_evasive(coach: Coach) -> None:
    assert "evasive_passive" in patterns(coach, "Lessons have been learned.")


def test_sorry_for_how_it_went_is_a_conditional_apology(coach: Coach) -> None:
    assert "conditional_apology" in patterns(coach, "I'm sorry it went that way.")


def test_sorry_for_the_act_is_not_conditional(coach: Coach) -> None:
    assert patterns(coach, "I am sorry that I followed her home.") == set()


def test_threats_the_author_received_are_flagged_as_playing_the_victim(coach: Coach) -> None:
    text = "Since this came out I've had threats and my car has been keyed."
    assert "parade_victim" in patterns(coach, text)


def test_a_soft_word_for_the_harm_is_flagged_as_minimising(coach: Coach) -> None:
    assert "minimising" in patterns(coach, "Yes, I overstepped with a few texts.")


def test_a_relationship_that_deteriorated_by_itself_is_evasive(coach: Coach) -> None:
    text = "The relationship deteriorated over several months."
    assert "evasive_passive" in patterns(coach, text)


def test_calling_her_a_willing_participant_is_blaming(coach: Coach) -> None:
    assert "blaming" in patterns(coach, "She was a willing participant in everything.")


def test_her_coming_to_him_for_help_is_not_blaming(coach: Coach) -> None:
    text = "She came to me with the essay that mattered most to her, and I made her avoid me."
    assert "blaming" not in patterns(coach, text)


def test_asking_readers_for_compassion_is_a_request_for_forgiveness(coach: Coach) -> None:
    text = "I hope everyone reading can find compassion for me."
    assert "forgiveness_request" in patterns(coach, text)


def test_a_mind_that_runs_it_all_together_is_memory_denial(coach: Coach) -> None:
    assert "memory_denial" in patterns(coach, "It all runs together now, that whole year.")


def test_believing_it_was_mutual_is_flagged_as_excusing(coach: Coach) -> None:
    assert "excusing" in patterns(coach, "I genuinely believed we were on the same page.")


def test_an_apology_limited_by_insofar_is_conditional(coach: Coach) -> None:
    text = "I can only apologise insofar as my behaviour was experienced as unwelcome."
    assert "conditional_apology" in patterns(coach, text)


def test_hoping_to_speak_again_one_day_is_a_request_for_forgiveness(coach: Coach) -> None:
    text = "It is my hope that one day we might speak again."
    assert "forgiveness_request" in patterns(coach, text)


def test_her_refusal_to_hear_from_him_is_not_self_centring(coach: Coach) -> None:
    text = "She has said she doesn't want to hear from me, so this is the only place I say it."
    assert "self_centring" not in patterns(coach, text)


def test_using_what_she_gave_in_trust_is_not_an_excuse(coach: Coach) -> None:
    text = "I took something she gave me in trust and used it to humiliate her."
    assert "excusing" not in patterns(coach, text)


def test_calling_her_oversensitive_is_blaming(coach: Coach) -> None:
    assert "blaming" in patterns(coach, "She's always been quite sensitive.")


def test_tempers_that_flared_by_themselves_are_evasive(coach: Coach) -> None:
    assert "evasive_passive" in patterns(coach, "Tempers were short that whole week.")


def test_remembering_very_little_is_memory_denial(coach: Coach) -> None:
    text = "Truthfully I recall very little of the evening beyond arriving."
    assert "memory_denial" in patterns(coach, text)


def test_an_apology_followed_by_a_point_about_her_replies_is_sorry_but(coach: Coach) -> None:
    text = "I'm sorry, though I'd point out that she replied to most of them."
    assert {"sorry_but", "conditional_apology"} & patterns(coach, text)


def test_a_partner_standing_by_him_is_not_flagged(coach: Coach) -> None:
    assert patterns(coach, "She has stood by me the whole way.") == set()


def test_the_authors_bereavement_offered_as_the_setting_is_excusing(coach: Coach) -> None:
    assert "excusing" in patterns(coach, "My father had died and I'd been made redundant.")


def test_her_bereavement_in_the_account_is_not_an_excuse(coach: Coach) -> None:
    text = "Her mother had died that winter, and she told me things she hadn't told anyone."
    assert "excusing" not in patterns(coach, text)


def test_saying_she_made_it_into_something_it_was_not_is_minimising(coach: Coach) -> None:
    text = "We'd had a few on the walk back. She's made it into something it wasn't."
    assert "minimising" in patterns(coach, text)


def test_asking_for_the_chance_to_show_change_is_a_request_for_forgiveness(coach: Coach) -> None:
    text = "I hope my colleagues will give me the opportunity to show that I have changed."
    assert "forgiveness_request" in patterns(coach, text)


def test_owning_what_happened_between_us_is_not_evasive(coach: Coach) -> None:
    text = "I am the only one responsible for what happened between us, which was abuse."
    assert "evasive_passive" not in patterns(coach, text)


def test_a_situation_that_arose_by_itself_is_evasive(coach: Coach) -> None:
    text = "An unfortunate situation arose between myself and a member of staff."
    assert "evasive_passive" in patterns(coach, text)


def test_mistaking_her_kindness_for_interest_is_excusing(coach: Coach) -> None:
    assert "excusing" in patterns(coach, "I mistook her kindness for something else.")


def test_a_remark_meant_as_a_compliment_is_excusing(coach: Coach) -> None:
    text = "The comment about her figure was supposed to be a compliment."
    assert "excusing" in patterns(coach, text)


def test_saying_she_was_drunk_too_is_blaming(coach: Coach) -> None:
    assert "blaming" in patterns(coach, "I should say she was very drunk too, not just me.")


def test_a_career_that_is_over_is_flagged_as_playing_the_victim(coach: Coach) -> None:
    assert "parade_victim" in patterns(coach, "My career in teaching is over.")


def test_not_recognising_oneself_in_her_account_is_memory_denial(coach: Coach) -> None:
    text = "I do not recognise myself in her description."
    assert "memory_denial" in patterns(coach, text)


def test_saying_the_claims_have_grown_is_memory_denial(coach: Coach) -> None:
    assert "memory_denial" in patterns(coach, "The claims have grown with every retelling.")


def test_a_situation_without_an_actor_is_evasive(coach: Coach) -> None:
    text = "I wish the whole situation had been handled differently by everyone."
    assert "evasive_passive" in patterns(coach, text)


def test_saying_his_name_does_not_matter_is_not_playing_the_victim(coach: Coach) -> None:
    assert patterns(coach, "My name is not important here.") == set()


def test_saying_she_pushed_his_buttons_is_blaming(coach: Coach) -> None:
    assert "blaming" in patterns(coach, "She knew how to push my buttons.")


def test_declining_to_blame_the_drink_still_rejects_the_excuse(coach: Coach) -> None:
    assert "excusing" not in patterns(coach, "I could blame the wine, but I won't.")


def test_hinting_at_things_he_could_say_about_her_is_blaming(coach: Coach) -> None:
    assert "blaming" in patterns(coach, "There are things I could say about her, but I won't.")


def test_respecting_that_she_experienced_it_differently_is_conditional(coach: Coach) -> None:
    text = "But I respect that she experienced it differently."
    assert "conditional_apology" in patterns(coach, text)


def test_a_spotless_record_offered_as_character_is_parade_innocent(coach: Coach) -> None:
    assert "parade_innocent" in patterns(coach, "My record as a teacher is unblemished.")


def test_a_diary_that_does_not_match_her_account_is_memory_denial(coach: Coach) -> None:
    text = "The details she gives don't match my diary from that week."
    assert "memory_denial" in patterns(coach, text)


def test_her_coming_to_his_office_to_say_no_is_not_blaming(coach: Coach) -> None:
    text = "The next morning she came to my office and told me she didn't want that."
    assert "blaming" not in patterns(coach, text)


def test_refusing_to_hide_behind_the_drink_is_not_an_excuse(coach: Coach) -> None:
    assert "excusing" not in patterns(coach, "I'm not going to hide behind the drink.")


def test_drinking_owned_as_a_choice_is_not_an_excuse(coach: Coach) -> None:
    text = "I had been drinking, and I am the one who chose to follow her upstairs."
    assert "excusing" not in patterns(coach, text)


def test_pointing_to_a_lack_of_evidence_disowns_the_account(coach: Coach) -> None:
    assert "memory_denial" in patterns(coach, "The truth is the police found no evidence.")


def test_the_price_he_has_paid_is_flagged_as_playing_the_victim(coach: Coach) -> None:
    assert "parade_victim" in patterns(coach, "I've paid a heavy price already.")


def test_sorry_for_how_someone_named_experienced_it_is_conditional(coach: Coach) -> None:
    text = "I am sorry that Ms Reid experienced my conduct as she did."
    assert "conditional_apology" in patterns(coach, text)
