"""Language detection from function words: only English is extracted."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from unionwatch.core.pipeline import PipelineState

_STOPWORDS = {
    "en": "the of and to in a is that for on was with by as are be has have were it from at this which their his her",
    "fr": "le la les des et de du un une est que pour dans sur par au aux ont été il elle ce qui ne pas sont avec",
    "de": "der die das und ist von den dem des ein eine zu mit auf für nicht sich im wurde sind auch werden bei",
    "es": "el la los las de del y en que por con para una un es se su al lo como más fue han sus sindicato",
    "pt": "o a os as de do da dos das e em que por com para uma um é foi não se ao sindicato trabalhadores",
    "it": "il lo la gli le di del della e in che per con una un è sono non si al alla sindacato",
    "nl": "de het een en van in is dat op te voor met zijn niet aan er ook door",
    "tr": "ve bir bu da de ile için olarak olan gibi daha çok sendika işçi",
    "id": "dan yang di ke dari untuk dengan ini itu pada tidak adalah serikat buruh",
}
_SETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in _SETS.items():
    for _word in _words:
        _LANGS_OF[_word] = (*_LANGS_OF.get(_word, ()), _lang)
_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = [
    ("ru", re.compile(r"[\u0400-\u04FF]")),
    ("ar", re.compile(r"[\u0600-\u06FF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")),
    ("ja", re.compile(r"[\u3040-\u30FF]")),
    ("ko", re.compile(r"[\uAC00-\uD7AF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")),
    ("el", re.compile(r"[\u0370-\u03FF]")),
    ("th", re.compile(r"[\u0E00-\u0E7F]")),
    ("km", re.compile(r"[\u1780-\u17FF]")),
]
SAMPLE = 4000
MIN_WORDS = 12
MAX_WORDS = 400
_HEAD = 2800  # characters that hold MAX_WORDS words in ordinary prose


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, best guess; "en" when unsure."""
    sample = text[:SAMPLE]
    # only the first MAX_WORDS words count: scan a shorter head first, the whole sample only if needed
    found = _WORD.findall(sample, 0, _HEAD)
    if len(found) < MAX_WORDS and len(sample) > _HEAD:
        found = _WORD.findall(sample)
    # another script shows up as many multi-byte characters; mostly-ASCII text skips the script checks
    if len(sample.encode("utf-8")) - len(sample) > 0.3 * len(sample):
        for code, pattern in _SCRIPTS:
            if found and len(pattern.findall(sample)) > 0.3 * len(sample.replace(" ", "")):
                return code
    words = [w.lower() for w in found[:MAX_WORDS]]
    if len(words) < MIN_WORDS:
        return "en"
    scores = dict.fromkeys(_SETS, 0)
    for word in words:
        for lang in _LANGS_OF.get(word, ()):
            scores[lang] += 1
    best = max(scores, key=scores.get)
    if best != "en" and scores[best] > 1.5 * max(scores["en"], 1):
        return best
    return "en"


class DetectLanguage:
    """Stop the pipeline with a clear notice for a language other than English."""

    def __call__(self, state: PipelineState) -> None:
        language = detect_language(state.norm)
        state.meta.language = language
        if language != "en":
            state.notices.append(
                f"language '{language}' is not supported: only English documents are extracted, "
                "so no facts were extracted from this document"
            )
            state.stopped = True
