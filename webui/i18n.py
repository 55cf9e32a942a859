"""The interface in Vietnamese and English.

The language is the `lang` URL parameter if given (remembered in a cookie), else the cookie,
else the best match of the browser's Accept-Language, else Vietnamese. Each view module
registers its own messages; a message missing in English falls back to Vietnamese.
"""
from flask import g, request

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
COOKIE = "lang"
_MESSAGES: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}


def register(messages: dict[str, dict[str, str]]) -> None:
    """Add {"vi": {key: text}, "en": {key: text}} to the catalogue (texts may use {name} fields)."""
    for lang, table in messages.items():
        _MESSAGES[lang].update(table)


def choose_language() -> str:
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    remembered = request.cookies.get(COOKIE)
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT)


def translate(key: str, **fields) -> str:
    """The message `key` in the request's language, with its {fields} filled in."""
    lang = getattr(g, "lang", DEFAULT)
    text = _MESSAGES[lang].get(key) or _MESSAGES[DEFAULT].get(key) or key
    return text.format(**fields) if fields else text


def remember_choice(response):
    """Keep an explicit ?lang= choice for the next pages."""
    asked = request.args.get("lang")
    if asked in LANGUAGES and request.cookies.get(COOKIE) != asked:
        response.set_cookie(COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response


register({
    "vi": {
        "site.tagline": "Kho lưu trữ tin tức cơ quan nhà nước",
        "site.skip": "Bỏ qua tới nội dung",
        "site.status": "trạng thái",
        "site.api": "API (JSON, OpenAPI)",
        "site.language": "Ngôn ngữ",
        "error.title": "Lỗi {code}",
    },
    "en": {
        "site.tagline": "An archive of government news",
        "site.skip": "Skip to content",
        "site.status": "status",
        "site.api": "API (JSON, OpenAPI)",
        "site.language": "Language",
        "error.title": "Error {code}",
    },
})
