"""Long posting lists kept beside the Whoosh index as plain arrays, one set per index segment.

Whoosh stores a posting list as pickled, compressed blocks of 128 postings: reading a list of a
million postings takes over a second in Python, and in Vietnamese news the common syllables
are in most articles. So after each index update the lists of the terms found in at least
MIN_SHARE of a segment's documents are written once more, as arrays (uint32 document numbers,
uint8 term frequencies) that a search maps into memory and slices. A segment never changes once
written, so its arrays never go stale (deleted documents are masked at search time); the arrays
of segments merged away are removed. The facet fields' lists are all kept, however short, so
that counting facets reads arrays rather than thousands of small Whoosh lists.
"""
import json
import os
from pathlib import Path

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher

FIELDS = ("title", "title_folded", "body", "folded", "bigrams")
FACET_FIELDS = ("resolution", "author", "site")  # every list kept: facet counting reads them all
MIN_SHARE = 0.01
MIN_DOCS = 500  # shorter lists are quick to read from Whoosh itself
DIRECTORY = "postings"


def refresh(index_path: Path, reader) -> int:
    """Write the arrays of the segments that have none; remove those of segments gone.
    Returns the number of segments written."""
    folder = Path(index_path) / DIRECTORY
    folder.mkdir(exist_ok=True)
    live = set()
    written = 0
    for leaf, _ in reader.leaf_readers():
        if leaf.segment() is None:
            continue  # an empty index
        segment = leaf.segment().segment_id()
        live.add(segment)
        if not (folder / f"{segment}.json").exists():
            _write_segment(folder, segment, leaf)
            written += 1
    for path in folder.iterdir():
        if path.name.split(".")[0] not in live:
            path.unlink(missing_ok=True)
    return written


def _write_segment(folder: Path, segment: str, leaf) -> None:
    threshold = max(MIN_DOCS, int(MIN_SHARE * leaf.doc_count_all()))
    catalogue = {}
    with open(folder / f"{segment}.ids.tmp", "wb") as ids_file, open(folder / f"{segment}.tf.tmp", "wb") as tf_file:
        at = 0
        for field in FIELDS + FACET_FIELDS:
            if field not in leaf.schema:
                continue
            terms = catalogue[field] = {}
            for btext, info in leaf.iter_field(field):
                if field not in FACET_FIELDS and info.doc_frequency() < threshold:
                    continue
                ids, weights = read_postings(leaf.postings(field, btext))
                ids.astype(np.uint32).tofile(ids_file)
                np.clip(weights, 0, 255).astype(np.uint8).tofile(tf_file)
                terms[btext.decode("utf-8")] = [at, at + len(ids)]
                at += len(ids)
    os.replace(folder / f"{segment}.ids.tmp", folder / f"{segment}.ids")
    os.replace(folder / f"{segment}.tf.tmp", folder / f"{segment}.tf")
    # The catalogue comes last: a segment counts as written only once it exists.
    (folder / f"{segment}.json.tmp").write_text(json.dumps(catalogue, ensure_ascii=False), encoding="utf-8")
    os.replace(folder / f"{segment}.json.tmp", folder / f"{segment}.json")


class SegmentArrays:
    """The long posting lists of one segment, mapped into memory."""

    def __init__(self, folder: Path, segment: str):
        self.catalogue = json.loads((folder / f"{segment}.json").read_text(encoding="utf-8"))
        size = (folder / f"{segment}.ids").stat().st_size
        self.ids = np.memmap(folder / f"{segment}.ids", dtype=np.uint32, mode="r") if size else np.zeros(0, np.uint32)
        self.tf = np.memmap(folder / f"{segment}.tf", dtype=np.uint8, mode="r") if size else np.zeros(0, np.uint8)

    @classmethod
    def load(cls, index_path, leaf):
        """The arrays of a leaf reader's segment, or None when they have not been written (yet)."""
        if index_path is None or leaf.segment() is None:
            return None
        try:
            return cls(Path(index_path) / DIRECTORY, leaf.segment().segment_id())
        except (OSError, ValueError):
            return None

    def get(self, field: str, text: str):
        """(segment docnums, term frequencies) of a term, or None when its list is not kept here."""
        span = self.catalogue.get(field, {}).get(text)
        if span is None:
            return None
        start, end = span
        return self.ids[start:end].astype(np.int64), self.tf[start:end].astype(np.float32)


def read_postings(matcher) -> tuple[np.ndarray, np.ndarray]:
    """(ids, weights) of a leaf matcher, a block at a time for Whoosh 3 posting blocks."""
    if type(matcher) is not W3LeafMatcher or matcher._byteids:
        ids, weights = [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
        return np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float32)
    # Each block's ids are deltas from the previous id, its first one from 0: rebasing that one on
    # the previous block's last id (known from its header) makes one running sum give every id.
    deltas, weights, previous_last = [], [], 0
    while matcher.is_active():
        matcher._read_data()
        block_deltas, block_weights = matcher._data[0], matcher._data[1]
        start = len(deltas)
        deltas.extend(block_deltas)
        deltas[start] -= previous_last
        previous_last = matcher._maxid
        if block_weights is None or isinstance(block_weights, float):
            weights.extend([1.0 if block_weights is None else block_weights] * len(block_deltas))
        else:
            weights.extend(block_weights)
        matcher._next_block()
    return np.cumsum(np.array(deltas, dtype=np.int64)), np.array(weights, dtype=np.float32)
