"""Text normalisation shared by every stage: NFC at the door, diacritic folding, digits."""
import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Vietnamese tone and vowel marks decompose (NFD) into the Latin combining block.
_LATIN_MARKS = re.compile(r"[\u0300-\u036f]")
_D_FOLD = str.maketrans({"đ": "d", "Đ": "D", "\u00d0": "D", "\u0189": "D", "\u00f0": "d"})


def nfc(text: str) -> str:
    """NFC-normalise, unify line ends and drop control characters (tabs and newlines stay)."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def fold(text: str) -> str:
    """Remove Vietnamese diacritics (đ→d); marks of other scripts, such as Bengali vowel signs, stay."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_FOLD))
    return unicodedata.normalize("NFC", _LATIN_MARKS.sub("", decomposed))


def ascii_digits(text: str) -> str:
    """Turn decimal digits of any script (Bengali ০-৯, Arabic-Indic, …) into ASCII digits."""
    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and unicodedata.decimal(ch, None) is not None else ch
        for ch in text
    )


def normalise_tree(value):
    """NFC-normalise every string inside nested dicts and lists."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {nfc(k) if isinstance(k, str) else k: normalise_tree(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise_tree(v) for v in value]
    return value
