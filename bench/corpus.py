"""A synthetic Vietnamese news corpus with a fixed seed, for the search benchmarks.

Syllables and multi-syllable terms ("chuyển đổi số") come from the real Vietnamese of the sample
portal (`data/sample_portal/expected.json`), ranked by how often they occur there; the sample
knows about a thousand syllables, so the lexicon's tail is made up of well-formed syllables
(onset + rhyme + tone) up to LEXICON_SIZE, about as many as news text uses. Units are drawn
with Zipf weights (1 / rank), so the head covers most of the text as in real news.
Resolution ids, authors and sites are Zipf-distributed too; dates are uniform over 2015–2025.
"""
import json
import random
import re
import unicodedata
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample_portal" / "expected.json"
SEED = 42
VERSION = 2  # bump when the same seed gives other records
PHRASE_SHARE = 0.3  # share of drawn units that are a 2–3-syllable term rather than one syllable
LEXICON_SIZE = 4200

ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu",
          "r", "s", "t", "th", "tr", "v", "x"]
RHYMES = ("a ai ao au ay an am ang anh at ac ach ăn ăm ăng ăt ăc âu ây ân âm âng ât âc e eo en em et ec ê êu ên "
          "ênh êt êch i ia iu in im inh it ich iên iêu iêt iêng o oi on om ong ot oc oa oai oan oang oanh oat ô "
          "ôi ôn ôm ông ôt ôc ơ ơi ơn ơm ơt u ui un um ung ut uc uân uy uyên uôi uôn uông uôc ư ưa ưi ưu ưng ưt "
          "ưc ươi ươn ương ươt ươc").split()
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # level, grave, acute, hook, tilde, dot

SURNAMES = ["Nguyễn"] * 8 + ["Trần"] * 3 + ["Lê"] * 2 + [
    "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lương", "Hà"]
MIDDLES = ["Văn", "Thị", "Minh", "Thu", "Ngọc", "Đức", "Hữu", "Thanh", "Quốc", "Thị Thu", "Xuân", "Hồng", "Mạnh"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh",
         "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quang", "Sơn", "Tâm", "Thảo", "Thắng",
         "Trang", "Trung", "Tuấn", "Vân", "Việt", "Yến", "Đạt", "Đông", "Hằng", "Huyền", "Lộc", "Ngân", "Tùng"]
PROVINCES = ["langson", "hanoi", "hcm", "danang", "haiphong", "cantho", "caobang", "bacgiang", "thainguyen",
             "quangninh", "nghean", "hatinh", "thuathienhue", "quangnam", "binhdinh", "khanhhoa", "daklak",
             "lamdong", "dongnai", "binhduong", "angiang", "kiengiang", "camau", "laocai", "yenbai",
             "sonla", "hoabinh", "ninhbinh", "thanhhoa", "vinhphuc"]
AGENCIES = ["sotttt", "sonv", "sokhdt", "sotc", "sogddt", "soyte", "vpubnd", "snnptnt"]


def _zipf(n: int, s: float = 1.0) -> list[float]:
    """Cumulative Zipf weights for ranks 1..n."""
    total, cumulative = 0.0, []
    for rank in range(1, n + 1):
        total += 1 / rank ** s
        cumulative.append(total)
    return cumulative


def lexicon() -> tuple[list[str], list[str]]:
    """(syllables, terms of 2–3 syllables seen at least 3 times), most frequent first, from real text."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    syllables, terms = Counter(), Counter()
    for article in data["articles"]:
        if article.get("language") != "vi":
            continue
        for sentence in re.split(r"[.,;:!?()\n\"“”]+", f"{article['title']}\n{article['body']}"):
            words = [w for w in re.findall(r"[^\W\d_]+", sentence.lower())]
            syllables.update(words)
            for n in (2, 3):
                terms.update(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
    common = [t for t, c in terms.most_common() if c >= 3]
    return [s for s, _ in syllables.most_common()], common


def made_up_syllables(rng: random.Random) -> list[str]:
    """Well-formed Vietnamese syllables, shuffled: onset + rhyme + a tone its final allows."""
    made = []
    for onset in ONSETS:
        for rhyme in RHYMES:
            stop = rhyme.endswith(("c", "ch", "p", "t"))
            for tone in (TONES[2], TONES[5]) if stop else TONES:
                made.append(unicodedata.normalize("NFC", onset + _toned(rhyme, tone)))
    rng.shuffle(made)
    return made


def _toned(rhyme: str, tone: str) -> str:
    """The rhyme with the tone mark on its main vowel."""
    vowels = [i for i, ch in enumerate(rhyme) if ch in "aăâeêioôơuưy"]
    marked = [i for i in vowels if rhyme[i] in "ăâêôơư"]
    if marked:
        at = marked[-1]
    elif len(vowels) > 1 and vowels[-1] == len(rhyme) - 1:
        at = vowels[0]  # "ai", "ao", "oi": the first vowel
    else:
        at = vowels[-1]
    return rhyme[:at + 1] + tone + rhyme[at + 1:]


def resolution_ids(rng: random.Random, count: int = 500) -> list[str]:
    forms = [
        lambda: f"{rng.randint(1, 80)}-NQ/TW", lambda: f"{rng.randint(1, 60):02d}-CT/TW",
        lambda: f"{rng.randint(1, 150)}-KL/TW", lambda: f"{rng.randint(1, 40)}-NQ/TU",
        lambda: f"{rng.randint(1, 200)}/NQ-CP", lambda: f"{rng.randint(1, 2000)}/QĐ-TTg",
        lambda: f"{rng.randint(1, 400)}/KH-UBND", lambda: f"{rng.randint(1, 3000)}/QĐ-UBND",
        lambda: f"{rng.randint(1, 200)}/{rng.randint(2010, 2025)}/NĐ-CP",
        lambda: f"{rng.randint(1, 120)}/{rng.randint(2012, 2025)}/QH{rng.randint(13, 15)}",
        lambda: f"{rng.randint(1, 90)}/{rng.randint(2012, 2025)}/TT-BTC",
    ]
    ids = set()
    while len(ids) < count:
        ids.add(rng.choice(forms)())
    return sorted(sorted(ids), key=lambda _: rng.random())  # shuffled: Zipf rank is independent of form


def authors(rng: random.Random, count: int = 2000) -> list[str]:
    names = set()
    while len(names) < count:
        names.add(f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}")
    return sorted(sorted(names), key=lambda _: rng.random())


class Corpus:
    """Deterministic generator of archive records; `records(n)` yields the same n records every time."""

    def __init__(self, seed: int = SEED):
        rng = random.Random(seed)
        self.syllables, self.terms = lexicon()
        known = set(self.syllables)
        made = [s for s in made_up_syllables(rng) if s not in known]
        self.syllables += made[:max(0, LEXICON_SIZE - len(self.syllables))]
        self.resolutions = resolution_ids(rng)
        self.authors = authors(rng)
        self.sites = [f"{a}.{p}.gov.vn" for p, a in zip(PROVINCES, rng.choices(AGENCIES, k=len(PROVINCES)))]
        self.seed = seed
        self._syll_cw = _zipf(len(self.syllables))
        self._term_cw = _zipf(len(self.terms))
        self._res_cw = _zipf(len(self.resolutions))
        self._author_cw = _zipf(len(self.authors), 0.8)
        self._site_cw = _zipf(len(self.sites))

    def _units(self, rng: random.Random, k: int) -> list[str]:
        syllables = rng.choices(self.syllables, cum_weights=self._syll_cw, k=k)
        terms = iter(rng.choices(self.terms, cum_weights=self._term_cw, k=k))
        return [next(terms) if rng.random() < PHRASE_SHARE else s for s in syllables]

    def _sentences(self, rng: random.Random, syllables: int, cited: list[str]) -> list[str]:
        units = self._units(rng, int(syllables / (1 + PHRASE_SHARE * 1.4)))
        sentences, i = [], 0
        while i < len(units):
            n = rng.randint(6, 18)
            words = units[i:i + n]
            if cited and rng.random() < 0.15:
                words.append(f"theo Nghị quyết số {rng.choice(cited)}")
            if rng.random() < 0.1:
                words.append(f"năm {rng.randint(2010, 2025)}")
            text = " ".join(words)
            sentences.append(text[0].upper() + text[1:] + ".")
            i += n
        return sentences

    def record(self, rng: random.Random, n: int) -> dict:
        cited = list(dict.fromkeys(rng.choices(self.resolutions, cum_weights=self._res_cw,
                                               k=rng.choice((1, 1, 1, 2, 2, 3, 4)))))
        sentences = self._sentences(rng, max(150, min(800, int(rng.gauss(400, 100)))), cited)
        paragraphs, i = [], 0
        while i < len(sentences):
            k = rng.randint(2, 5)
            paragraphs.append(" ".join(sentences[i:i + k]))
            i += k
        title = " ".join(self._units(rng, rng.randint(7, 11)))
        site = rng.choices(self.sites, cum_weights=self._site_cw)[0]
        published = datetime(2015, 1, 1, 6) + timedelta(days=rng.randrange(4018), minutes=rng.randrange(960))
        return {
            "url": f"https://{site}/tin-tuc/{n}.html",
            "site": site,
            "title": title[0].upper() + title[1:],
            "body": "\n\n".join(paragraphs),
            "published": published.isoformat() + "+07:00",
            "authors": [{"name": rng.choices(self.authors, cum_weights=self._author_cw)[0], "role": None}],
            "resolutions": cited,
            "references": [{"id": r} for r in cited],
            "language": "vi",
        }

    def records(self, count: int):
        rng = random.Random(self.seed + 1)
        for n in range(count):
            yield self.record(rng, n)
