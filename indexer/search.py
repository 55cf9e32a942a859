"""Full-text and faceted search over the Whoosh index; hits are full records from the archive."""
import calendar
import copy
import html
import itertools
import re
import threading
from datetime import date
from pathlib import Path

import numpy as np
from whoosh import qparser
from whoosh.query import And, AndMaybe, AndNot, Every, Not, NullQuery, NumericRange, Or, Phrase, Prefix, Term, Wildcard

from archive.docref import canonical_id, find_references
from archive.text import fold, nfc
from indexer.analysis import BIGRAM_SEPARATOR, fold_word, folded_words, syllable_pairs, word_pattern
from indexer.build import current_dir, open_or_create
from indexer.engine import Snapshot
from indexer.schema import FOLDED_TWIN, SCHEMA, date_stamp

SORTS = ("relevance", "newest", "oldest")
FACETS = ("resolution", "author", "site", "year")  # counted unless asked otherwise
ALL_FACETS = FACETS + ("month",)
# The filter kind each facet's own choices set: a facet is counted without it.
FACET_FILTER_KIND = {"resolution": "resolution", "author": "author", "site": "site", "year": "date", "month": "date"}
MAX_PER_PAGE = 100
SYNTAX_NOTICE = "Query syntax not understood; searched for the words instead."

# Fields searched by words without a field prefix, with their boosts. Each exact text field
# is also searched in its folded twin at FOLDED_BOOST, so "ba" finds "bà" but "bà" ranks a
# document containing "bà" above one containing only "ba".
# The folded `folded` field also holds URL words, cited documents and author names.
DEFAULT_FIELDS = {"title": 2.0, "body": 1.0, "resolution": 1.0}
FOLDED_BOOST = 0.5
FOLDED_FIELDS = set(FOLDED_TWIN.values()) | {"author_text"}

_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_DIGIT = re.compile(r"\d")
_BINARY_OPERATORS = _OPERATORS - {"NOT"}
# Sort keys of the `published` column: undated documents (0) and one after every date.


class SearchService:
    """Searches the index in index_dir and returns records from the archive store."""

    def __init__(self, index_dir, store, facet_limit=20):
        self.index_dir = Path(index_dir)
        self.store = store
        self.facet_limit = facet_limit
        self._parser = _make_parser()
        self._snap = None
        self._searcher_dir = None
        self._lock = threading.Lock()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._snap is not None:
                self._snap.searcher.close()
                self._snap = None

    def search(self, query: str, filters: dict | None = None, sort="relevance", page=1, per_page=20,
               facet_limit=None, facets=FACETS) -> dict:
        """Search; see DESIGN.md for the result shape. Raises ValueError for a bad sort, filter or facet.

        `facets` names the facets to count, from ALL_FACETS ("month" is asked for by name).
        """
        _check_facets(facets)
        q, notices, kinds, sort = self._prepare(query, filters, sort)
        page = max(1, int(page or 1))
        per_page = min(max(1, int(per_page or 20)), MAX_PER_PAGE)
        limit = facet_limit or self.facet_limit
        snap = self._snapshot()
        with snap.lock:
            found, chosen, mask = _matched(snap, q, kinds)
            docs = snap.ordered(mask, found.score, sort, limit=page * per_page)[(page - 1) * per_page:]
            ids = snap.record_ids(docs)
            scores = [float(found.score[d]) if sort == "relevance" else 0.0 for d in docs]
            result = {
                "total": int(mask.sum()),
                "page": page,
                "per_page": per_page,
                "facets": {name: _ranked(name, snap.facet_counts(name, _masked(found.mask, [
                    m for kind, m in chosen.items() if kind != FACET_FILTER_KIND[name]])), limit)
                    for name in facets},
                "notices": notices,
            }
            suggested = suggested_filter(snap, query, filters)
            correction = self._did_you_mean(snap, query, chosen.values())
            terms = snippet_terms(q, snap.reader)
        result["hits"] = self._hits(ids, scores, terms)
        if suggested:
            result["suggested_filter"] = suggested
        if correction:
            result["did_you_mean"] = correction
        return result

    def matching_ids(self, query: str, filters: dict | None = None, sort="relevance") -> list[str]:
        """The ids of every matching record in result order (for exports of a whole result set)."""
        q, _, kinds, sort = self._prepare(query, filters, sort)
        snap = self._snapshot()
        with snap.lock:
            found, _, mask = _matched(snap, q, kinds)
            return snap.record_ids(snap.ordered(mask, found.score, sort))

    def _prepare(self, query: str, filters, sort: str):
        if sort not in SORTS:
            raise ValueError(f"Unknown sort {sort!r}: expected one of {', '.join(SORTS)}")
        kinds = filter_queries(filters)
        q, notices = self.parse(query)
        if isinstance(q, Every) and sort == "relevance":
            sort = "newest"  # every document scores the same; show the latest first
        return q, notices, kinds, sort

    def parse(self, text: str):
        """The Whoosh query for a user's query string, and notices about how it was read."""
        text, dates, notices = take_dates(nfc(text or "").strip())
        q, more = self._parse_words(text.strip())
        if dates:
            q = And([q, *dates]) if not isinstance(q, Every) else (dates[0] if len(dates) == 1 else And(dates))
        return q, notices + more

    def _parse_words(self, text: str):
        if not text:
            return Every(), []
        q = self._parse_strict(text)
        if q is not None:
            return _expand(q), []
        plain = " ".join(w for w in word_pattern().findall(text) if w not in _OPERATORS)
        q = self._parser.parse(plain) if plain else Every()
        if q is NullQuery:
            q = Every()
        return _expand(q), [SYNTAX_NOTICE]

    def _parse_strict(self, text: str):
        """The parsed query, or None when the text is not well-formed query syntax."""
        text = _minus_to_not(text)
        if not _well_formed(text):
            return None
        try:
            q = self._parser.parse(text)
        except Exception:
            return None
        if q is NullQuery or _has_error(q):
            return None
        return q

    def _did_you_mean(self, snap, text: str, chosen) -> str | None:
        """The query with its words unknown to the index spelled as known ones, when that finds something."""
        corrected = correct_spelling(snap.searcher, nfc(text or ""))
        if corrected is None:
            return None
        q, _ = self.parse(corrected)
        return corrected if _masked(snap.evaluate(q).mask, chosen).any() else None

    def _snapshot(self) -> Snapshot:
        # Searcher.refresh() of whoosh-reloaded 2.7.5 keeps segments that were merged away
        # (documents come back stale or twice), so a changed index gets a new searcher; the
        # old one is closed when the last search using it lets go of it.
        # A rebuild switches to another directory, which the old searcher cannot notice.
        with self._lock:
            live = current_dir(self.index_dir)
            if self._snap is None or live != self._searcher_dir or not self._snap.searcher.up_to_date():
                self._snap = Snapshot(open_or_create(self.index_dir).searcher(), live)
                self._searcher_dir = live
            return self._snap

    def _hits(self, ids: list[str], scores: list[float], terms: frozenset[str]) -> list[dict]:
        score_of = dict(zip(ids, scores))
        return [dict(record, snippet=make_snippet(record, terms), score=score_of[record["id"]])
                for record in self.store.get_many(ids)]


def _matched(snap: Snapshot, q, kinds: dict):
    """The query's matches with their scores, the mask of each filter kind, and what all leave."""
    found = snap.evaluate(q)
    chosen = {kind: snap.evaluate(flt).mask for kind, flt in kinds.items()}
    return found, chosen, _masked(found.mask, chosen.values())


def _masked(mask: np.ndarray, masks) -> np.ndarray:
    result = mask.copy()
    for other in masks:
        result &= other
    return result


def _ranked(name: str, counts: list[tuple[str, int]], limit: int) -> list[list]:
    """Months as a histogram in date order; other facets most frequent first, the first `limit`."""
    if name == "month":
        return [[value, count] for value, count in counts]
    ranked = sorted(counts, key=lambda item: (-item[1], item[0]))
    return [[value, count] for value, count in ranked[:limit]]


def _check_facets(names) -> None:
    unknown = set(names) - set(ALL_FACETS)
    if unknown:
        raise ValueError(f"Unknown facet {sorted(unknown)[0]!r}: expected some of {', '.join(ALL_FACETS)}")


def suggested_filter(snap: Snapshot, text: str, filters: dict | None) -> dict | None:
    """{"resolution": id, "count": articles citing it} for a document id the query names,
    unless that filter is already on or no article cites the document."""
    text = nfc(text or "")
    found = canonical_id(text) or next((ref["id"] for ref in find_references(text)), None)
    chosen = {canonical_id(v) or v for v in _values((filters or {}).get("resolution"))}
    if not found or found in chosen:
        return None
    count = len(snap.postings("resolution", found)[0])
    return {"resolution": found, "count": count} if count else None


# Fields whose words count as known to the index, as written and folded.
KNOWN_EXACT_FIELDS = tuple(FOLDED_TWIN)
KNOWN_FOLDED_FIELDS = tuple(sorted(FOLDED_FIELDS))
SPELLING_FIELDS = ("title_folded", "folded")


def correct_spelling(searcher, text: str) -> str | None:
    """The text with each word no document has replaced by the closest indexed (folded) word,
    or None when every word is known or nothing close exists. Field-prefixed terms,
    operators and words with digits (document numbers) are left alone."""
    reader = searcher.reader()
    changed = False

    def fix(match):
        nonlocal changed
        word = match.group(0)
        if word in _OPERATORS or _DIGIT.search(word) or _known(reader, word):
            return word
        suggestion = _closest(searcher, fold(word.lower()))
        changed = changed or suggestion is not None
        return suggestion or word

    chunks = [chunk if ":" in chunk else word_pattern().sub(fix, chunk) for chunk in re.split(r"(\s+)", text)]
    return "".join(chunks) if changed else None


def _known(reader, word: str) -> bool:
    exact = word.lower()
    folded = fold(exact)
    return (any((field, exact) in reader for field in KNOWN_EXACT_FIELDS)
            or any((field, folded) in reader for field in KNOWN_FOLDED_FIELDS))


def _closest(searcher, word: str) -> str | None:
    """The most frequent indexed word one edit away, else two edits away."""
    # Whoosh ranks suggestions by frequency alone within maxdist, hence one edit before two.
    # (Its MultiCorrector yields (word, score) pairs the wrong way round, so fields are merged here.)
    reader = searcher.reader()
    for maxdist in (1, 2):
        if maxdist >= len(word):
            break
        found = {s for field in SPELLING_FIELDS for s in searcher.corrector(field).suggest(word, limit=3, maxdist=maxdist)}
        if found:
            return min(found, key=lambda s: (-sum(reader.frequency(f, s) for f in SPELLING_FIELDS), s))
    return None


def _make_parser():
    parser = qparser.MultifieldParser(list(DEFAULT_FIELDS), schema=SCHEMA, fieldboosts=DEFAULT_FIELDS,
                                      group=qparser.AndGroup)
    parser.remove_plugin_class(qparser.SingleQuotePlugin)  # apostrophes are not quotes
    parser.remove_plugin_class(qparser.RangePlugin)
    return parser


def _minus_to_not(text: str) -> str:
    """'-word' → 'NOT word' outside quotes; a "-" inside a word ("57-NQ/TW") stays.

    (Whoosh's PlusMinusPlugin would turn the other words optional and drop a lone "-word".)
    """
    return re.sub(r'"[^"]*"|(?<![^\s(])-(?=[^\s-])',
                  lambda m: m.group() if m.group().startswith('"') else "NOT ", text)


def _well_formed(text: str) -> bool:
    """False for syntax Whoosh would silently misread: unbalanced quotes or parentheses,
    an empty field prefix, an operator without operands."""
    if text.count('"') % 2:
        return False
    outside = re.sub(r'"[^"]*"', '""', text)
    if any(m.group(1) in SCHEMA.names() for m in re.finditer(r"(\w+):(?=\s|\)|$)", outside)):
        return False
    depth, prev = 0, None
    for token in re.findall(r"[()]|[^\s()]+", outside) + [None]:
        if token in _BINARY_OPERATORS and (prev is None or prev == "(" or prev in _OPERATORS):
            return False
        if token in (")", None) and (prev in _OPERATORS or (token == ")" and prev == "(")):
            return False
        depth += {"(": 1, ")": -1}.get(token, 0)
        if depth < 0:
            return False
        prev = token
    return depth == 0


def _has_error(q) -> bool:
    if getattr(q, "error", None):
        return True
    return any(_has_error(child) for child in q.children())


def _expand(q):
    """Search each exact text term in its folded twin too; resolve ids and author names;
    answer a quoted phrase from the syllable bigrams."""
    words = _default_field_phrase(q)
    if words:
        return _bigram_phrase(q, words)
    if not q.is_leaf():
        return q.apply(_expand)
    field = getattr(q, "fieldname", None)
    if isinstance(q, Phrase) and not SCHEMA[field].format.supports("positions"):
        return _unpositioned_phrase(q)
    if field in FOLDED_TWIN and isinstance(q, (Term, Phrase, Prefix, Wildcard)):
        return Or([q, _folded_copy(q, FOLDED_TWIN[field])])
    if field == "resolution" and isinstance(q, Term):
        return Term("resolution", canonical_id(q.text) or q.text, boost=q.boost)
    if field == "author" and isinstance(q, Term):
        loose = folded_words(q.text)
        if loose:
            words = Phrase("author_text", loose) if len(loose) > 1 else Term("author_text", loose[0])
            return Or([q, words])
    return q


def _default_field_phrase(q) -> list[str] | None:
    """The words of a quoted phrase without a field prefix (the parser's Or of one Phrase
    per default field), or None for any other query."""
    if not isinstance(q, Or):
        return None
    phrases = {p.fieldname: p for p in q.subqueries if isinstance(p, Phrase)}
    title = phrases.get("title")
    if not set(FOLDED_TWIN) <= set(phrases) or len(title.words) < 2:
        return None
    if any(p.slop != 1 for p in phrases.values()):
        return None  # "a b"~3 allows words between: pairs cannot answer it
    return list(title.words)


def _bigram_phrase(q, words: list[str]):
    """All the phrase's folded word pairs find the documents (a pseudo-phrase for three or
    more words); its words as typed, in the text, only add to the score, so diacritics as
    typed rank first."""
    pairs = And([Term("bigrams", pair) for pair in _pairs(words)])
    exact = Or([Term("body", w) for w in words])
    others = [_expand(sub) for sub in q.subqueries if not isinstance(sub, Phrase)]
    return Or([AndMaybe(pairs, exact)] + others, boost=q.boost)


def _unpositioned_phrase(q):
    """A phrase in a field without positions (the body): its word pairs, or with a slop
    ("a b"~5) all its words; the words as typed add to the score."""
    exact = Or([Term(q.fieldname, w, boost=q.boost) for w in q.words])
    if q.slop == 1 and len(q.words) > 1:
        return AndMaybe(And([Term("bigrams", pair, boost=q.boost) for pair in _pairs(q.words)]), exact)
    twin = FOLDED_TWIN.get(q.fieldname)
    if twin is None:
        return And([Term(q.fieldname, w, boost=q.boost) for w in q.words])
    return And([Or([Term(q.fieldname, w, boost=q.boost), Term(twin, fold_word(w), boost=q.boost * FOLDED_BOOST)])
                for w in q.words])


def _pairs(words: list[str]) -> list[str]:
    return syllable_pairs([fold_word(w) for w in words])


def _folded_copy(q, field: str):
    twin = copy.copy(q)
    twin.fieldname = field
    twin.boost = q.boost * FOLDED_BOOST
    if isinstance(q, Phrase):
        twin.words = [fold(w) for w in q.words]
    else:
        twin.text = fold(q.text)
    return twin


def filter_queries(filters: dict | None) -> dict:
    """{kind: Whoosh query} for the filters {"resolution", "author", "site", "from", "to"}:
    values of one kind are OR-ed (the caller ANDs the kinds); "from"/"to" make the kind "date".
    Unknown keys are ignored. Raises ValueError for a date that is not YYYY-MM-DD.
    """
    filters = filters or {}
    kinds = {}
    for field in ("resolution", "author", "site"):
        values = _values(filters.get(field))
        if field == "resolution":
            values = [canonical_id(v) or v for v in values]
        if values:
            kinds[field] = Or([Term(field, v) for v in values])
    start = _filter_date(filters, "from")
    end = _filter_date(filters, "to")
    if start or end:
        kinds["date"] = published_between(start, end)
    return kinds


def published_between(first: date | None, last: date | None) -> NumericRange:
    """Articles published from the start of the first day to the end of the last (either open)."""
    low = date_stamp(first.isoformat()) if first else 1
    high = date_stamp(last.isoformat()) + 235959 if last else None
    return NumericRange("published", low, high)


_DATE_TERM = re.compile(r'(?<![^\s(])date:("?)([^\s")]*)\1(?=[\s)]|$)')
_DATE_BOUND = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
DATE_NOTICE = "Date not understood: {}. Write date:2024, date:2024-07, date:2024-07-15 or date:2024-01..2024-06."


def take_dates(text: str) -> tuple[str, list, list[str]]:
    """The text without its date:… terms, a published-date range for each, and notices for
    those that are not dates (they are dropped, the rest of the query still runs).

    date:2024 is the year, date:2024-07 the month, date:2024-07-15 the day; date:A..B runs
    from the start of A to the end of B, and either side may be left out (date:2024-03..).
    """
    ranges, notices = [], []

    def take(match):
        value = match.group(2)
        low, _, high = value.partition("..") if ".." in value else (value, "", value)
        try:
            start = _period_day(low, first=True) if low else None
            end = _period_day(high, first=False) if high else None
        except ValueError:
            start = end = None
        if (start is None and end is None) or (start and end and start > end):
            notices.append(DATE_NOTICE.format(match.group(0)))
        else:
            ranges.append(published_between(start, end))
        return " "

    return _DATE_TERM.sub(take, text), ranges, notices


def _period_day(text: str, first: bool) -> date:
    """The first or last day of a year, month or day written YYYY[-MM[-DD]]."""
    match = _DATE_BOUND.fullmatch(text)
    if not match:
        raise ValueError(text)
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    if day is not None:
        return date(year, int(month), int(day))
    if month is None:
        return date(year, 1, 1) if first else date(year, 12, 31)
    return date(year, int(month), 1 if first else calendar.monthrange(year, int(month))[1])


def _values(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [nfc(str(v)).strip() for v in value if v is not None and str(v).strip()]


def _filter_date(filters: dict, key: str) -> date | None:
    values = _values(filters.get(key))
    if not values:
        return None
    try:
        return date.fromisoformat(values[0])
    except ValueError:
        raise ValueError(f"Invalid '{key}' date {values[0]!r}: expected YYYY-MM-DD") from None


# Snippets

SNIPPET_CHARS = 240
SNIPPET_LEAD = 60  # characters shown before the first marked word


def snippet_terms(q, reader) -> frozenset[str]:
    """The folded words a query looks for (not those it excludes), prefixes expanded."""
    terms = set()
    for leaf in _positive_leaves(q):
        if getattr(leaf, "fieldname", None) == "bigrams":
            terms.update(leaf.text.split(BIGRAM_SEPARATOR))
        elif getattr(leaf, "fieldname", None) in FOLDED_FIELDS:
            for _, btext in leaf.existing_terms(reader, phrases=True, expand=True):
                terms.add(btext.decode("utf-8") if isinstance(btext, bytes) else btext)
    return frozenset(terms)


def _positive_leaves(q):
    if isinstance(q, Not):
        return
    if isinstance(q, AndNot):
        yield from _positive_leaves(q.a)
    elif q.is_leaf():
        yield q
    else:
        for child in q.children():
            yield from _positive_leaves(child)


def make_snippet(record: dict, terms: frozenset[str]) -> str:
    """An HTML-safe excerpt with the matched words in <mark>, from body, summary or title:
    the window of text holding the most distinct matched words."""
    if terms:
        for field in ("body", "summary", "title"):
            text = record.get(field) or ""
            spans = [(m.start(), m.end(), key) for m in word_pattern().finditer(text)
                     if (key := fold_word(m.group().lower())) in terms]
            if spans:
                return _one_line(_marked(text, spans, *_best_window(spans, len(text))))
    text = record.get("summary") or record.get("body") or ""
    return html.escape(_one_line(_shorten(text, SNIPPET_CHARS)))


def _best_window(spans, length: int) -> tuple[int, int]:
    """(start, end) of the SNIPPET_CHARS window with the most distinct matched words, the first
    such window, starting SNIPPET_LEAD characters before a matched word."""
    best, best_count = (0, 0), -1
    for i, (start, _, _) in enumerate(spans):
        begin = max(0, start - SNIPPET_LEAD)
        end = min(length, begin + SNIPPET_CHARS)
        count = len({key for _, stop, key in itertools.takewhile(lambda span: span[1] <= end, spans[i:])})
        if count > best_count:
            best, best_count = (begin, end), count
    return best


def _marked(text: str, spans, begin: int, end: int) -> str:
    """text[begin:end] cut at word boundaries, escaped, with the spans inside it marked."""
    first = next(start for start, _, _ in spans if start >= begin)
    if begin > 0:
        space = text.find(" ", begin, first)
        begin = space + 1 if space != -1 else begin
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    parts, at = [], begin
    for start, stop, _ in spans:
        if start < begin or stop > end:
            continue
        parts += [html.escape(text[at:start]), "<mark>", html.escape(text[start:stop]), "</mark>"]
        at = stop
    parts.append(html.escape(text[at:end]))
    return ("… " if begin > 0 else "") + "".join(parts) + (" …" if end < len(text) else "")


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
