"""Whoosh analyzers for Vietnamese (and any other script): exact and diacritic-folded.

Whoosh pickles analyzers into the index, so every class here must stay importable at
module level under the same name.
"""
import functools
import re
import sys
import unicodedata

from whoosh.analysis import Filter, LowercaseFilter, Token, Tokenizer

from archive.text import ascii_digits, fold

# Zero-width (non-)joiners sit inside words of Indic scripts; they must not split a word.
_JOINERS = "\u200c\u200d"
_DIGIT = re.compile(r"\d")  # decimal digits of any script


@functools.cache
def word_pattern() -> re.Pattern:
    """A run of letters, digits and combining marks (Unicode L*, N*, M*).

    [^\\W_] is exactly the letters and digits, but leaves out combining marks, which would
    cut Bengali words at every vowel sign; the marks are added from the Unicode database.
    The ASCII guard keeps the long mark class from being tried on every space.
    """
    ranges = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    marks = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(rf"(?:[^\W_]|(?![\x00-\x7f])[{marks}{_JOINERS}])+")


def _normalise(word: str) -> str:
    # Analysis dominates indexing time: skip the work most words do not need.
    if word.isascii():
        return word
    if not unicodedata.is_normalized("NFC", word):
        word = unicodedata.normalize("NFC", word)
    return ascii_digits(word) if _DIGIT.search(word) else word


class UnicodeWordTokenizer(Tokenizer):
    """Splits text into words of letters, digits and combining marks.

    Each token is NFC-normalised and its digits are turned into ASCII digits
    (so "৫৭" is "57"); positions and character offsets refer to the original text,
    so phrases and highlighting work on it.
    """

    def __eq__(self, other):
        return self.__class__ is other.__class__

    def __hash__(self):
        return hash(self.__class__.__name__)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if tokenize:
            spans = ((m.group(0), m.start(), m.end()) for m in word_pattern().finditer(value))
        else:
            spans = [(value, 0, len(value))]
        for pos, (word, start, end) in enumerate(spans):
            token.text = _normalise(word)
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


class FoldFilter(Filter):
    """Removes Vietnamese diacritics (đ→d) from each token; other scripts keep their marks."""

    def __eq__(self, other):
        return self.__class__ is other.__class__

    def __hash__(self):
        return hash(self.__class__.__name__)

    def __call__(self, tokens):
        for token in tokens:
            if not token.text.isascii():
                token.text = fold(token.text)
            yield token


def exact_analyzer():
    """Words as written, lower-cased: "bà" and "ba" stay different."""
    return UnicodeWordTokenizer() | LowercaseFilter()


def folded_analyzer():
    """Words lower-cased and without Vietnamese diacritics: "chuyen doi so" = "chuyển đổi số"."""
    return UnicodeWordTokenizer() | LowercaseFilter() | FoldFilter()


@functools.lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """One lower-cased word folded as FoldFilter folds it (cached: a language has few syllables)."""
    return word if word.isascii() else fold(word)


def words(text: str) -> list[str]:
    """The exact-analyzed words of a text (as exact_analyzer gives them, without token objects)."""
    return [_normalise(w).lower() for w in word_pattern().findall(text)]


def folded_words(text: str) -> list[str]:
    """The folded words of a text (as folded_analyzer gives them)."""
    return [fold_word(w) for w in words(text)]


def reference_text(references: list[dict], resolutions: list[str]) -> str:
    """Free text for the documents an article cites, so "nghị quyết 57" finds "57-NQ/TW".

    Each document contributes its type name, "số", its canonical id (which the tokenizer
    splits into number, type, issuer and year) and the year of its date.
    """
    parts = []
    seen = set()
    for ref in references or []:
        ref_id = ref.get("id")
        if not ref_id or ref_id in seen:
            continue
        seen.add(ref_id)
        year = (ref.get("date") or "")[:4]
        parts.append(" ".join(filter(None, [ref.get("type_name"), "số", ref_id, year])))
    parts.extend(f"số {rid}" for rid in resolutions or [] if rid not in seen)
    return " ; ".join(parts)


BIGRAM_SEPARATOR = "_"  # never inside a token: the tokenizer splits at underscores


def syllable_pairs(folded: list[str]) -> list[str]:
    """Each pair of consecutive words as one term: ["chuyen", "doi", "so"] → ["chuyen_doi", "doi_so"]."""
    return [a + BIGRAM_SEPARATOR + b for a, b in zip(folded, folded[1:])]
