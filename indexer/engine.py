"""Query evaluation over arrays: Whoosh finds the postings, numpy does the rest.

Whoosh's own searcher walks the matched documents one at a time in Python. In Vietnamese
news a common syllable is in most articles, so at 100,000 articles that walk costs seconds.
Here a posting list is read a block at a time into arrays; a query's matches are a boolean
mask over the index's documents and its BM25 scores a float array, so AND, OR and NOT are
array operations. Dates, document lengths and facet values are arrays built once per
searcher; facet counts are counted over the mask.
"""
import math
import threading
from collections import OrderedDict

import numpy as np
from whoosh import columns, fields
from whoosh.query import (And, AndMaybe, AndNot, Every, Not, NullQuery, NumericRange, Or, Prefix,
                          Term, Wildcard)

from indexer.postings import SegmentArrays, read_postings

K1 = 1.2
B = 0.75
LENGTH_NORMED = frozenset({"body", "folded"})  # long text: scores normalised by document length
MAX_EXPANSION = 500  # terms a prefix or wildcard may stand for
CACHE_BYTES = 256 * 2**20  # posting lists kept in memory between queries
DATE_FACETS = {"year": 10**10, "month": 10**8}  # divisors of the YYYYMMDDhhmmss stamp
_LAST = np.iinfo(np.int64).max


class Matches:
    """The documents a query matches (a boolean mask over docnums) and their scores."""

    __slots__ = ("mask", "score")

    def __init__(self, mask: np.ndarray, score: np.ndarray):
        self.mask = mask
        self.score = score


class Snapshot:
    """Arrays over one Whoosh searcher. Not thread-safe: hold `lock` while using it."""

    def __init__(self, searcher, index_path=None):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self.size = self.reader.doc_count_all()
        self.lock = threading.RLock()
        self.live = self._live_mask()
        self.count = int(self.live.sum())
        self._leaves = list(self.reader.leaf_readers())
        self.published = self._column("published")
        self.length = self._column("length").astype(np.float32)
        self.avg_length = float(self.length[self.live].mean()) if self.count else 1.0
        # The long lists of each segment as arrays, where the index update has written them.
        self._arrays = [SegmentArrays.load(index_path, leaf) for leaf, _ in self._leaves]
        self._ids = self.reader.column_reader("id") if self.size else None
        self._postings = OrderedDict()
        self._cached_bytes = 0
        self._values = {}

    # --- documents ---------------------------------------------------------------------

    def _live_mask(self) -> np.ndarray:
        if not self.reader.has_deletions():
            return np.ones(self.size, dtype=bool)
        live = np.zeros(self.size, dtype=bool)
        live[np.fromiter(self.reader.all_doc_ids(), dtype=np.int64)] = True
        return live

    def _column(self, name: str) -> np.ndarray:
        if not self.size or not self.reader.has_column(name):
            return np.zeros(self.size, dtype=np.int64)
        return np.concatenate([_numeric_column(leaf, name) for leaf, _ in self._leaves])

    def record_ids(self, docnums) -> list[str]:
        return [self._ids[int(d)] for d in docnums]

    # --- posting lists -------------------------------------------------------------------

    def postings(self, field: str, text) -> tuple[np.ndarray, np.ndarray]:
        """(docnums, term frequencies) of a term's live documents."""
        key = (field, text)
        hit = self._postings.get(key)
        if hit is not None:
            self._postings.move_to_end(key)
            return hit
        btext = text if isinstance(text, bytes) else self.schema[field].to_bytes(text)
        parts = []
        for (leaf, offset), arrays in zip(self._leaves, self._arrays):
            found = arrays.get(field, btext.decode("utf-8")) if arrays is not None else None
            if found is None and (field, btext) in leaf:
                found = read_postings(leaf.postings(field, btext))
            if found is not None:
                parts.append((found[0] + offset, found[1]))
        if parts:
            ids = np.concatenate([p[0] for p in parts])
            weights = np.concatenate([p[1] for p in parts])
            keep = self.live[ids]
            ids, weights = ids[keep], weights[keep]
        else:
            ids, weights = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        self._remember(key, (ids, weights))
        return ids, weights

    def _remember(self, key, value) -> None:
        self._postings[key] = value
        self._cached_bytes += value[0].nbytes + value[1].nbytes
        while self._cached_bytes > CACHE_BYTES and len(self._postings) > 1:
            _, (ids, weights) = self._postings.popitem(last=False)
            self._cached_bytes -= ids.nbytes + weights.nbytes

    # --- evaluation ----------------------------------------------------------------------

    def none(self) -> Matches:
        return Matches(np.zeros(self.size, dtype=bool), np.zeros(self.size, dtype=np.float32))

    def every(self) -> Matches:
        return Matches(self.live.copy(), np.zeros(self.size, dtype=np.float32))

    def evaluate(self, q) -> Matches:
        """The documents q matches and their scores (BM25; compound boosts multiply)."""
        if q is NullQuery:
            return self.none()
        if isinstance(q, Term) and self._indexed_text(q.fieldname):
            return self.term(q.fieldname, q.text, q.boost)
        if isinstance(q, (Or, And)):
            return self._combine(q)
        if isinstance(q, AndNot):
            a, b = self.evaluate(q.a), self.evaluate(q.b)
            return _scaled(Matches(a.mask & ~b.mask, a.score), q.boost)
        if isinstance(q, AndMaybe):
            a, b = self.evaluate(q.a), self.evaluate(q.b)
            return _scaled(Matches(a.mask, a.score + b.score * b.mask), q.boost)
        if isinstance(q, Not):
            return Matches(self.live & ~self.evaluate(q.query).mask, np.zeros(self.size, dtype=np.float32))
        if isinstance(q, Every):
            return self.every()
        if isinstance(q, NumericRange) and q.fieldname == "published":
            return self._date_range(q)
        if isinstance(q, (Prefix, Wildcard)) and self._indexed_text(q.fieldname):
            return self._expansion(q)
        return self._walk(q)

    def term(self, field: str, text, boost: float = 1.0) -> Matches:
        ids, tf = self.postings(field, text)
        found = self.none()
        if len(ids):
            found.mask[ids] = True
            idf = math.log(self.count / (len(ids) + 1)) + 1.0
            norm = K1 * (1 - B + B * self.length[ids] / self.avg_length) if field in LENGTH_NORMED else K1
            found.score[ids] = boost * idf * tf * (K1 + 1) / (tf + norm)
        return found

    def _indexed_text(self, field: str) -> bool:
        return field in self.schema and not isinstance(self.schema[field], fields.NUMERIC)

    def _combine(self, q) -> Matches:
        parts = [self.evaluate(sub) for sub in q.subqueries]
        if not parts:
            return self.none()
        mask = parts[0].mask.copy()
        score = parts[0].score.copy()
        for part in parts[1:]:
            if isinstance(q, And):
                mask &= part.mask
            else:
                mask |= part.mask
            score += part.score
        return _scaled(Matches(mask, score * mask), q.boost)

    def _date_range(self, q) -> Matches:
        mask = self.live.copy()
        if q.start is not None:
            mask &= (self.published > q.start) if q.startexcl else (self.published >= q.start)
        if q.end is not None:
            mask &= (self.published < q.end) if q.endexcl else (self.published <= q.end)
        return Matches(mask, np.zeros(self.size, dtype=np.float32))

    def _expansion(self, q) -> Matches:
        found = self.none()
        for count, btext in enumerate(q._btexts(self.reader)):
            if count == MAX_EXPANSION:
                break
            part = self.term(q.fieldname, btext, q.boost)
            found.mask |= part.mask
            found.score += part.score
        return found

    def _walk(self, q) -> Matches:
        """Any other query (phrases with positions, fuzzy terms, numeric fields): Whoosh's matcher."""
        found = self.none()
        for searcher, offset in self.searcher.leaf_searchers():
            matcher = q.matcher(searcher, searcher.context())
            ids, scores = [], []
            while matcher.is_active():
                ids.append(matcher.id() + offset)
                scores.append(matcher.score())
                matcher.next()
            found.mask[ids] = True
            found.score[ids] = scores
        found.mask &= self.live
        return found

    # --- ordering ------------------------------------------------------------------------

    def ordered(self, mask: np.ndarray, score: np.ndarray, sort: str, limit: int | None = None) -> np.ndarray:
        """The matched docnums in result order (only the first `limit`): by score, newest or
        oldest first (undated last); ties in index order."""
        docs = np.flatnonzero(mask)
        if sort == "relevance":
            key = -score[docs].astype(np.float64)
        elif sort == "newest":
            key = -self.published[docs]
        else:
            stamps = self.published[docs]
            key = np.where(stamps == 0, _LAST, stamps)
        if limit is not None and limit < len(docs):
            # Every document tied with the last one kept is kept too, so that pages agree.
            kth = np.partition(key, limit - 1)[limit - 1]
            chosen = key <= kth
            docs, key = docs[chosen], key[chosen]
        order = np.lexsort((docs, key))
        return docs[order][:limit]

    # --- facets --------------------------------------------------------------------------

    def facet_counts(self, name: str, mask: np.ndarray) -> list[tuple]:
        """(value, documents) for each value of a facet among the masked documents."""
        if name in DATE_FACETS:
            stamps = self.published[mask & (self.published > 0)]
            values, counts = np.unique(stamps // DATE_FACETS[name], return_counts=True)
            label = int if name == "year" else (lambda v: f"{v // 100:04d}-{v % 100:02d}")
            return [(label(int(v)), int(c)) for v, c in zip(values, counts)]
        values, docs, codes = self._facet_values(name)
        counts = np.bincount(codes[mask[docs]], minlength=len(values))
        return [(values[i], int(counts[i])) for i in np.flatnonzero(counts)]

    def _facet_values(self, name: str):
        """(values, docnum of each (document, value) pair, value code of each pair)."""
        if name not in self._values:
            codes, docs, values = {}, [], []
            for (leaf, offset), arrays in zip(self._leaves, self._arrays):
                for value, ids in _value_postings(leaf, name, arrays):
                    code = codes.setdefault(value, len(codes))
                    docs.append(ids + offset)
                    values.append(np.full(len(ids), code, dtype=np.int32))
            docs = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64)
            values = np.concatenate(values) if values else np.zeros(0, dtype=np.int32)
            keep = self.live[docs]
            self._values[name] = (list(codes), docs[keep], values[keep])
        return self._values[name]


def _value_postings(leaf, name: str, arrays):
    """(value, segment docnums) of each value of a facet field in one segment: from the segment's
    arrays when the index update wrote the field's lists there, else from Whoosh."""
    spans = arrays.catalogue.get(name) if arrays is not None else None
    if spans is not None:
        return ((value, arrays.ids[start:end].astype(np.int64)) for value, (start, end) in spans.items())
    return ((btext.decode("utf-8"), read_postings(leaf.postings(name, btext))[0]) for btext in leaf.lexicon(name))


def _scaled(found: Matches, boost: float) -> Matches:
    if boost != 1.0:
        found.score *= boost
    return found


def _numeric_column(leaf, name: str) -> np.ndarray:
    """One segment's integer column. Whoosh stores it as fixed-width big-endian values shifted to
    unsigned (trailing defaults left out) and reads them one at a time; here the bytes are read at
    once, through the reader's private layout when it is the one expected."""
    size = leaf.doc_count_all()
    column = leaf.column_reader(name, translate=False)
    field = leaf.schema[name]
    if type(column) is not columns.NumericColumn.Reader or field.numtype is not int:
        return np.fromiter(leaf.column_reader(name), dtype=np.int64, count=size)
    stored = min(column._count, size)
    raw = np.full(size, column._default, dtype=np.uint64)
    raw[:stored] = np.frombuffer(column._dbfile.get(column._basepos, stored * column._fixedlen),
                                 dtype=">" + column._typecode, count=stored)
    if field.signed:  # to_sortable added 2**(bits-1); wrapping uint64 arithmetic undoes it
        raw -= np.uint64(1 << (field.bits - 1))
    return raw.view(np.int64)
