"""The Whoosh schema of the govnews index.

Text is indexed twice: exact (diacritics kept) and folded (diacritics removed), so a query
matches either way and an exact match scores higher. `folded` holds, folded, every text a word
without a field prefix finds (summary, body, URL words, cited documents, authors); `title` and
`body` (summary and body) keep the words as written. The `bigrams` field holds each pair of
consecutive folded syllables as one term, so a quoted phrase is answered from a few posting
lists instead of word positions. The long `folded` field keeps no positions: its phrases are pairs. The facet and date fields are sortable: their per-document columns are
read once per searcher (see indexer.engine).
"""
import re

from whoosh import columns, fields

from indexer.analysis import exact_analyzer, folded_analyzer

# Bump when SCHEMA or what goes into it changes: an index built with another version is
# rebuilt from the archive. (Whoosh schemas with sortable fields never compare equal.)
SCHEMA_VERSION = 3

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")

# Each exact text field and the field holding the same text folded.
FOLDED_TWIN = {"title": "title_folded", "body": "folded"}


class ListColumn(columns.VarBytesListColumn):
    """A column holding every value of a document (a list of byte strings)."""

    class Reader(columns.VarBytesListColumn.Reader):
        def sort_key(self, docnum):
            # The base reader fails on documents without a value.
            values = self[docnum]
            return values[0] if values else b""


class ListKeyword(fields.KEYWORD):
    """Multi-valued exact keywords (document ids, author names), given as a list.

    Values are indexed as comma-separated keywords, stored as the list, and kept in a
    list column so facets can count each value of each document.
    """

    def __init__(self):
        super().__init__(stored=True, commas=True, lowercase=False)
        self.column_type = ListColumn()

    def index(self, value, **kwargs):
        return super().index(self._joined(value), **kwargs)

    def process_text(self, qstring, mode="", **kwargs):
        return super().process_text(self._joined(qstring), mode=mode, **kwargs)

    def to_column_value(self, value):
        return [v.encode("utf-8") for v in self._values(value)]

    def from_column_value(self, value):
        return [v.decode("utf-8") for v in value or []]

    @staticmethod
    def _values(value) -> list[str]:
        if isinstance(value, str):
            value = value.split(",")
        return [v.replace(",", " ").strip() for v in value if v and v.strip()]

    def _joined(self, value) -> str:
        return ",".join(self._values(value))


def _text(analyzer, stored=False, positions=True):
    return fields.TEXT(analyzer=analyzer, stored=stored, phrase=positions)


SCHEMA = fields.Schema(
    id=fields.ID(unique=True, stored=True, sortable=True),
    title=_text(exact_analyzer(), stored=True),
    title_folded=_text(folded_analyzer()),
    body=_text(exact_analyzer(), positions=False),
    folded=_text(folded_analyzer(), positions=False),
    author_text=_text(folded_analyzer()),
    # Given as a list of ready-made "chuyen_doi" terms (see analysis.syllable_pairs).
    bigrams=_text(folded_analyzer(), positions=False),
    resolution=ListKeyword(),
    author=ListKeyword(),
    site=fields.ID(stored=True, sortable=True),
    year=fields.NUMERIC(int, bits=32, sortable=True),  # 0 when undated
    month=fields.ID(sortable=True),
    published=fields.NUMERIC(int, bits=64, sortable=True),  # YYYYMMDDhhmmss local time; 0 when undated
    length=fields.NUMERIC(int, bits=32, sortable=True),  # words in `folded`, for BM25's length norm
)


def date_stamp(value) -> int:
    """The `published` value of an ISO 8601 date or date-time: YYYYMMDDhhmmss, 0 if absent.

    The local time as written is kept (not converted to UTC), so a date filter matches the
    date the portal shows.
    """
    match = _ISO_DATE.match(value or "")
    if not match:
        return 0
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups())
    return int(f"{year:04d}{month:02d}{day:02d}{hour:02d}{minute:02d}{second:02d}")
