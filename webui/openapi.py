"""The OpenAPI 3.1 description of the JSON API, the export and the feed, as Python data.

Schemas are JSON Schema 2020-12 (what OpenAPI 3.1 uses), so tests validate real responses
against them with `jsonschema`. A response schema closes its objects (additionalProperties /
unevaluatedProperties false): a key added to a response must be described here too.
"""
from archive import __version__
from archive.record import FIELDS as RECORD_FIELDS

_REF = "#/components/schemas/"


def _ref(name: str) -> dict:
    return {"$ref": _REF + name}


def _nullable(kind: str, **extra) -> dict:
    return {"type": [kind, "null"], **extra}


_ISO = ("ISO 8601: a date (2016-03-08), or a date and time, usually with its offset "
        "(2025-07-14T10:30:00+07:00)")


def _pairs(first: dict, description: str) -> dict:
    return {"type": "array", "description": description,
            "items": {"type": "array", "prefixItems": [first, {"type": "integer", "minimum": 0}],
                      "minItems": 2, "maxItems": 2}}


SCHEMAS = {
    "RecordFields": {
        "type": "object",
        "description": "The fields of a record (an archived article), as DESIGN.md lists them.",
        "required": list(RECORD_FIELDS),
        "properties": {
            "id": {"type": "string", "minLength": 1, "description": "stable id derived from the canonical URL"},
            "url": {"type": "string", "format": "uri"},
            "source_url": _nullable("string", description="the original when the page republishes or translates another"),
            "site": {"type": "string"},
            "agency": _nullable("string"),
            "province": _nullable("string"),
            "title": {"type": "string", "minLength": 1},
            "summary": _nullable("string", description="lead paragraph"),
            "body": _nullable("string", description="plain text, paragraphs separated by blank lines"),
            "published": _nullable("string", description=_ISO),
            "updated": _nullable("string", description=_ISO),
            "authors": {"type": "array", "items": {
                "type": "object", "required": ["name", "role"], "additionalProperties": False,
                "properties": {"name": {"type": "string", "minLength": 1}, "role": _nullable("string")}}},
            "resolutions": {"type": "array", "items": {"type": "string", "minLength": 1},
                            "description": "canonical ids of the cited documents (57-NQ/TW, 160/KH-UBND)"},
            "references": {"type": "array", "items": {
                "type": "object", "required": ["id"],
                "properties": {"id": {"type": "string", "minLength": 1}, "type": _nullable("string"),
                               "type_name": _nullable("string"), "issuer": _nullable("string"),
                               "date": _nullable("string"), "mentions": {"type": "integer", "minimum": 0}}}},
            "category": _nullable("string"),
            "images": {"type": "array", "items": {
                "type": "object", "properties": {"src": _nullable("string"), "caption": _nullable("string")}}},
            "attachments": {"type": "array", "items": {
                "type": "object", "required": ["url"],
                "properties": {"url": {"type": "string", "minLength": 1}, "title": _nullable("string")}}},
            "language": _nullable("string"),
            "fetched": _nullable("string", description=_ISO),
            "revision": {"type": "integer", "minimum": 1},
        },
    },
    "Record": {"$ref": _REF + "RecordFields", "unevaluatedProperties": False},
    "Hit": {
        "description": "A record with its search snippet (HTML: escaped text, matched words in <mark>) and score.",
        "$ref": _REF + "RecordFields",
        "required": ["snippet", "score"],
        "properties": {"snippet": {"type": "string"}, "score": {"type": "number"}},
        "unevaluatedProperties": False,
    },
    "FacetCounts": _pairs({"type": "string"}, "[value, matching records], most frequent first"),
    "SearchResult": {
        "type": "object",
        "required": ["total", "page", "per_page", "hits", "facets", "notices"],
        "additionalProperties": False,
        "properties": {
            "total": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 1, "maximum": 100},
            "hits": {"type": "array", "items": _ref("Hit")},
            "facets": {
                "type": "object", "additionalProperties": False,
                "description": "Each facet counted over the results without its own filter (empty without an index).",
                "properties": {
                    "resolution": _ref("FacetCounts"), "author": _ref("FacetCounts"), "site": _ref("FacetCounts"),
                    "year": _pairs({"type": "integer"}, "[year, matching records], most frequent first"),
                },
            },
            "notices": {"type": "array", "items": {"type": "string"},
                        "description": "how the query was read (syntax fallback, a date filter left out, …)"},
            "suggested_filter": {
                "type": "object", "required": ["resolution", "count"], "additionalProperties": False,
                "description": "a document the query names, and how many articles cite it",
                "properties": {"resolution": {"type": "string"}, "count": {"type": "integer", "minimum": 1}},
            },
            "did_you_mean": {"type": "string", "description": "the query with unknown words spelled as indexed ones"},
        },
    },
    "Revision": {
        "type": "object", "required": ["revision", "fetched", "changed"], "additionalProperties": False,
        "properties": {"revision": {"type": "integer", "minimum": 1}, "fetched": _nullable("string", description=_ISO),
                       "changed": {"type": "array", "items": {"type": "string"},
                                   "description": "the record fields this revision changed"}},
    },
    "Article": {
        "description": "A record and the list of its stored revisions, oldest first.",
        "$ref": _REF + "RecordFields",
        "required": ["revisions"],
        "properties": {"revisions": {"type": "array", "items": _ref("Revision")}},
        "unevaluatedProperties": False,
    },
    "Resolution": {
        "type": "object",
        "required": ["id", "type", "type_name", "issuer", "date", "articles", "by_month", "by_site", "cited_with"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "description": "canonical document id"},
            "type": _nullable("string", description="NQ, KH, QĐ, NĐ, …"),
            "type_name": _nullable("string", description="Nghị quyết, Kế hoạch, …"),
            "issuer": _nullable("string"),
            "date": _nullable("string", description="date of the document (YYYY-MM-DD) when an article gives it"),
            "articles": {"type": "integer", "minimum": 0, "description": "articles citing the document"},
            "by_month": _pairs({"type": "string", "pattern": r"^\d{4}-\d{2}$"}, "[YYYY-MM, citing articles], in date order"),
            "by_site": _pairs({"type": "string"}, "[site, citing articles]"),
            "cited_with": _pairs({"type": "string"}, "[document id, articles citing both]"),
        },
    },
    "Health": {
        "type": "object", "required": ["status", "records", "index"], "additionalProperties": False,
        "properties": {"status": {"const": "ok"}, "records": {"type": "integer", "minimum": 0},
                       "index": {"type": "boolean", "description": "whether a search index exists"}},
    },
    "Error": {
        "type": "object", "required": ["error", "status"], "additionalProperties": False,
        "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
    },
    "Manifest": {
        "type": "object", "required": ["query", "filters", "count", "exported", "archive_version"],
        "additionalProperties": False,
        "description": "What an export holds and where it came from, so that it can be cited and reproduced.",
        "properties": {
            "query": {"type": "string"},
            "filters": {"type": "object", "description": "the filters in force (empty ones left out)",
                        "properties": {k: {"type": "array", "items": {"type": "string"}}
                                       for k in ("resolution", "author", "site")}
                        | {k: {"type": "string", "format": "date"} for k in ("from", "to")}},
            "count": {"type": "integer", "minimum": 0, "description": "records in the result set"},
            "exported": {"type": "string", "format": "date-time"},
            "archive_version": {"type": "string"},
        },
    },
    "Truncation": {
        "type": "object", "required": ["reason", "seconds", "written", "count"],
        "description": "Present when the export stopped at its time limit before the end of the result set.",
        "properties": {"reason": {"type": "string"}, "seconds": {"type": "number"},
                       "written": {"type": "integer", "minimum": 0}, "count": {"type": "integer", "minimum": 0}},
    },
    "JsonExport": {
        "type": "object", "required": ["manifest", "records"], "additionalProperties": False,
        "properties": {"manifest": _ref("Manifest"), "records": {"type": "array", "items": _ref("Record")},
                       "truncated": _ref("Truncation")},
    },
}


def _query(name: str, schema: dict, description: str, **extra) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description, **extra}


def _repeated(name: str, description: str) -> dict:
    return _query(name, {"type": "array", "items": {"type": "string", "maxLength": 200}},
                  description + " Repeat the parameter for several values (OR); different filters combine with AND.",
                  style="form", explode=True)


PARAMETERS = {
    "q": _query("q", {"type": "string", "maxLength": 500},
                'Search words, with or without diacritics; "quoted phrases", -excluded words, AND/OR/NOT, '
                "field:word, date:2024-07 or date:2024-01..2024-06. Longer than 500 characters is cut; "
                "empty finds everything."),
    "resolution": _repeated("resolution", "Articles citing this document (57-NQ/TW; variants such as 57-nq/tw are understood)."),
    "author": _repeated("author", "Articles by this author."),
    "site": _repeated("site", "Articles from this site (host name)."),
    "from": _query("from", {"type": "string", "format": "date"},
                   "Published on or after this day (YYYY-MM-DD). An invalid date is left out, with a notice."),
    "to": _query("to", {"type": "string", "format": "date"}, "Published on or before this day (YYYY-MM-DD)."),
    "sort": _query("sort", {"type": "string", "enum": ["relevance", "newest", "oldest"], "default": "relevance"},
                   "Result order; an empty query is always newest first. Unknown values mean relevance."),
    "page": _query("page", {"type": "integer", "minimum": 1, "maximum": 10000, "default": 1},
                   "Result page; a value that is not a positive number means 1, larger than 10000 means 10000."),
    "per_page": _query("per_page", {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
                       "Hits per page: more than 100 means 100; a value that is not a number means 20."),
}
SEARCH_PARAMS = [{"$ref": f"#/components/parameters/{name}"} for name in PARAMETERS]
FEED_PARAMS = [{"$ref": f"#/components/parameters/{name}"} for name in ("q", "resolution", "author", "site", "from", "to")]


def _json(schema_name: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema_name)}}}


_ERROR = {"description": "Error", "content": {"application/json": {"schema": _ref("Error")}}}

PATHS = {
    "/api/search": {"get": {
        "operationId": "search", "summary": "Full-text and faceted search",
        "description": "The JSON twin of the /search page: one page of hits with facet counts. "
                       "Malformed parameters fall back to their defaults rather than fail.",
        "parameters": SEARCH_PARAMS,
        "responses": {"200": _json("SearchResult", "One page of results")},
    }},
    "/api/article/{id}": {"get": {
        "operationId": "article", "summary": "One archived article and its revisions",
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"},
                        "description": "record id, as in search hits and exports"}],
        "responses": {"200": _json("Article", "The record and its revisions"), "404": _ERROR},
    }},
    "/api/resolution/{id}": {"get": {
        "operationId": "resolution", "summary": "A cited document: what it is and who cited it, when",
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"},
                        "description": "document id such as 57-NQ/TW; its slashes may stay as they are "
                                       "(/api/resolution/57-NQ/TW) or be percent-encoded"}],
        "responses": {"200": _json("Resolution", "The document's citation figures"), "404": _ERROR},
    }},
    "/export": {"get": {
        "operationId": "export", "summary": "The whole result set of a search, streamed",
        "description": "Every record the search finds, in result order, streamed in constant memory. The "
                       "manifest leads: the first line ({\"_manifest\": …}) in JSON Lines, a `# govnews export: …` "
                       "comment line after the byte-order mark in CSV, the `manifest` key in JSON, and the "
                       "X-Govnews-Manifest header in all three. An export stops after a time limit (300 s by "
                       "default) and then ends with a marker: a last {\"_truncated\": …} line in JSON Lines, a "
                       "`# truncated: …` line in CSV, a `truncated` key in JSON. CSV has one row per record "
                       "(lists joined with ' | ', structured fields as JSON).",
        "parameters": SEARCH_PARAMS[:7] + [_query(
            "format", {"type": "string", "enum": ["csv", "jsonl", "json"], "default": "jsonl"}, "Export format")],
        "responses": {
            "200": {
                "description": "The export, as an attachment",
                "headers": {
                    "X-Govnews-Count": {"schema": {"type": "integer"}, "description": "records in the result set"},
                    "X-Govnews-Manifest": {"schema": {"type": "string"},
                                           "description": "the manifest as ASCII JSON (query and filters left out "
                                                          "when they would make the header longer than 8 KiB)"},
                },
                "content": {
                    "application/x-ndjson": {"schema": {"type": "string"}},
                    "text/csv": {"schema": {"type": "string"}},
                    "application/json": {"schema": _ref("JsonExport")},
                },
            },
            "400": {"description": "Unknown format or invalid parameter"},
            "404": {"description": "The archive has no index yet"},
        },
    }},
    "/feed.atom": {"get": {
        "operationId": "feed", "summary": "Atom 1.0 feed of a search's newest matches",
        "description": "The 50 newest articles the search finds (always newest first), one entry each with "
                       "links to the article page and the original, authors, summary and the cited documents "
                       "as categories.",
        "parameters": FEED_PARAMS,
        "responses": {"200": {"description": "Atom feed",
                              "content": {"application/atom+xml": {"schema": {"type": "string"}}}}},
    }},
    "/healthz": {"get": {
        "operationId": "health", "summary": "Health check",
        "responses": {"200": _json("Health", "The archive's record count and whether an index exists")},
    }},
    "/api/openapi.json": {"get": {
        "operationId": "openapi", "summary": "This description",
        "responses": {"200": {"description": "OpenAPI 3.1 document",
                              "content": {"application/json": {"schema": {"type": "object"}}}}},
    }},
}

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "govnews",
        "version": __version__,
        "summary": "Search, export and follow an archive of government news",
        "description": "Records are articles scraped from government portals; their text is untrusted.",
        "license": {"name": "MIT", "identifier": "MIT"},
    },
    "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
    "paths": PATHS,
    "components": {"schemas": SCHEMAS, "parameters": PARAMETERS},
}


def document(server_url: str | None = None) -> dict:
    """The description, naming server_url (the site root) as its server when given."""
    return {**DOCUMENT, "servers": [{"url": server_url.rstrip("/") or "/"}]} if server_url else DOCUMENT
