"""Bytes to str for text-like inputs: UTF-8/16/32 with or without BOM and legacy code pages.

Order: BOM, UTF-16 without BOM, binary rejection, strict UTF-8, a declared charset,
"UTF-8 with a few bad bytes", then legacy single-byte code pages ranked by how natural the
decoded words look, helped by charset-normalizer's candidates. Anything else is decoded
as UTF-8 with replacement characters, so a slightly damaged file still yields text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from unionwatch.core.readers.errors import Unreadable

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

# C0 controls that never occur in text (tab, LF, VT, FF, CR and ESC are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_MAX_CONTROL_RATIO = 0.02

# Tie-break order of legacy code pages: the common Western and Cyrillic ones first.
_PREFERRED = [
    "cp1252",
    "cp1251",
    "koi8_r",
    "cp1250",
    "cp1254",
    "iso8859_15",
    "latin_1",
    "koi8_u",
    "cp1253",
    "cp1257",
    "cp1256",
    "cp1255",
    "cp866",
    "mac_cyrillic",
    "iso8859_5",
    "mac_roman",
]
# A declared ISO-8859-1 or ASCII almost always means windows-1252 (as browsers treat it).
_DECLARED_ALIASES = {"iso8859_1": "cp1252", "latin_1": "cp1252", "ascii": "cp1252"}

_VALID_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_NON_ASCII_LINE = re.compile(rb"[^\n]*[\x80-\xff][^\n]*")
_SAMPLE_BYTES = 200_000
_MAX_PLAUSIBLE_PENALTY = 0.35
# Non-letters that are normal inside or next to words in real text.
_WORD_PUNCTUATION = set("«»‹›—–‐‑…’‘“”„‚•€£¥№°§©®™¿¡、。，：；！？「」『』（）・")
_RARE_LETTERS = set("þðýÞÐÝ")
_CJK_SCRIPTS = {"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH", "IDEOGRAPHIC"}


def decode_text(raw: bytes, declared: str | None = None) -> str:
    """Decode `raw` to str; raise Unreadable("binary data, not text") for non-text bytes."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, errors="replace")
    utf16 = _guess_utf16_without_bom(raw)
    if utf16:
        return raw.decode(utf16, errors="replace")
    if looks_binary(raw):
        raise Unreadable("binary data, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared_text = _decode_declared(raw, declared)
    if declared_text is not None:
        return declared_text
    if _mostly_utf8(raw):
        return raw.decode("utf-8", errors="replace")
    legacy = _best_legacy_decoding(raw)
    if legacy is not None:
        return raw.decode(legacy)
    return raw.decode("utf-8", errors="replace")


def looks_binary(raw: bytes) -> bool:
    """Many NULs or control bytes: an image, archive or random data, not a text file."""
    if not raw:
        return False
    sample = raw[:1_000_000]
    controls = len(sample) - len(sample.translate(None, delete=_CONTROL_BYTES))
    return controls / len(sample) > _MAX_CONTROL_RATIO


def _guess_utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text of a Latin or Cyrillic script has a NUL or a fixed byte in every other byte."""
    sample = raw[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        encoding = "utf-16-le"
    elif even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def _decode_declared(raw: bytes, declared: str | None) -> str | None:
    """Use a charset declared by the container (HTML meta, MIME) when it decodes cleanly."""
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip().strip("\"'")).name.replace("-", "_")
    except (LookupError, ValueError):
        return None
    name = _DECLARED_ALIASES.get(name, name)
    if name.startswith("utf_8"):
        return None  # strict UTF-8 already failed: the declaration is wrong
    try:
        return raw.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(raw: bytes) -> bool:
    """Real UTF-8 with some stray bytes: better a few U+FFFD than a whole file of mojibake.

    Valid multi-byte sequences are evidence for UTF-8 (3- and 4-byte ones strongly: legacy
    text almost never forms them by chance); invalid bytes are evidence against."""
    sample = raw[: _SAMPLE_BYTES * 5]
    evidence = 0
    for match in _VALID_UTF8_MULTIBYTE.finditer(sample):
        evidence += 1 if len(match.group()) == 2 else 3
    if evidence < 3:
        return False
    bad = sample.decode("utf-8", errors="replace").count("\ufffd") - sample.count(b"\xef\xbf\xbd")
    return bad <= evidence


def _best_legacy_decoding(raw: bytes) -> str | None:
    """The code page whose decoding reads most like natural words, or None if none does."""
    sample = _non_ascii_sample(raw)
    best: tuple[float, int, str] | None = None
    for rank, encoding in enumerate(_candidates(sample)):
        try:
            raw.decode(encoding)
            text = sample.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        key = (round(word_penalty(text), 3), rank, encoding)
        if best is None or key < best:
            best = key
    if best is None or best[0] > _MAX_PLAUSIBLE_PENALTY:
        return None
    return best[2]


def _non_ascii_sample(raw: bytes) -> bytes:
    """The lines that carry non-ASCII bytes, the only ones where code pages differ."""
    lines: list[bytes] = []
    size = 0
    for match in _NON_ASCII_LINE.finditer(raw):
        lines.append(match.group())
        size += len(match.group())
        if size > _SAMPLE_BYTES:
            break
    return b"\n".join(lines)


def _candidates(sample: bytes) -> list[str]:
    names = list(_PREFERRED)
    try:
        from charset_normalizer import from_bytes

        for match in from_bytes(sample):
            name = codecs.lookup(match.encoding).name.replace("-", "_")
            if name not in names and not name.startswith("utf"):
                names.append(name)
    except Exception:  # noqa: BLE001 - detection is best effort; the fixed list remains
        pass
    return names


def word_penalty(text: str) -> float:
    """Average mojibake score of the non-ASCII words (0 = all look natural, 1 = all garbled)."""
    words = [w for w in text.split() if not w.isascii()]
    if not words:
        return 0.0
    return sum(_garble_score(word) for word in words) / len(words)


def _garble_score(word: str) -> float:
    """1 for a word that is surely mojibake, 0.5 for a rare-letter hint, 0 if it looks natural."""
    letters = [c for c in word if c.isalpha()]
    if any(_is_odd_char(c) for c in word) or _symbol_next_to_letter(word):
        return 1.0
    if sum(1 for c in word if _is_odd_symbol(c)) >= 2:
        return 1.0
    scripts = {_script(c) for c in letters if not c.isascii()}
    has_ascii_letter = any(c.isascii() for c in letters)
    if len(scripts) > 1 or (has_ascii_letter and scripts and scripts != {"LATIN"}):
        return 1.0  # scripts mixed inside one word
    if _case_flip(letters):
        return 1.0
    # Latin words are mostly ASCII; 'Ïðîôñîþç' is Cyrillic read as cp1252.
    extended = sum(1 for c in letters if not c.isascii() and _script(c) == "LATIN")
    if len(letters) >= 4 and extended * 2 > len(letters):
        return 1.0
    # Icelandic letters in a non-Icelandic text are usually Turkish read as cp1252.
    return 0.5 if any(c in _RARE_LETTERS for c in word) else 0.0


def _is_odd_char(char: str) -> bool:
    """Controls, private use and unassigned code points never occur in real text."""
    return unicodedata.category(char) in ("Cc", "Co", "Cn") and char not in "\t\n\r\f\v"


def _symbol_next_to_letter(word: str) -> bool:
    """'GrÃ¼ÃŸe', 'Zwi¹zek': a non-ASCII symbol glued to a letter."""
    for left, right in zip(word, word[1:], strict=False):
        for symbol, neighbour in ((left, right), (right, left)):
            if neighbour.isalpha() and _is_odd_symbol(symbol):
                return True
    return False


def _is_odd_symbol(char: str) -> bool:
    if char.isascii() or char.isalpha() or char in _WORD_PUNCTUATION:
        return False
    return unicodedata.category(char) in ("No", "Sk", "Sm", "So", "Sc", "Pd", "Pi", "Pf", "Po")


def _case_flip(letters: list[str]) -> bool:
    """'пЮОФ': lower case followed by upper case inside a word, in non-ASCII letters."""
    for left, right in zip(letters, letters[1:], strict=False):
        if left.islower() and right.isupper() and not (left.isascii() and right.isascii()):
            return True
    return False


def _script(char: str) -> str:
    """The first word of the Unicode name: LATIN, CYRILLIC, GREEK, CJK, HANGUL ..."""
    name = unicodedata.name(char, "")
    script = name.split(" ", 1)[0] if name else "UNKNOWN"
    return "CJK" if script in _CJK_SCRIPTS else script
