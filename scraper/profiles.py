"""Site profiles: what we know about a portal, kept as data in profiles/*.toml."""
import re
import tomllib

from cssselect import GenericTranslator, SelectorError
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

PROFILE_DIR = Path(__file__).resolve().parent / "profiles"
DATA_PROFILES = "profiles"  # the data directory's folder of profiles saved by admins
SELECTOR_KEYS = ("title", "summary", "date", "updated", "author", "body", "category", "listing_links", "next_page")


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names the file and the field.

    `field` is the field the message names ("crawl_delay", "selectors.title"), or None when it
    names none (a file that is not valid TOML)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        if field is None:
            named = _NAMED_FIELD.search(message)
            field = named.group(1) if named else None
        self.field = field


_NAMED_FIELD = re.compile(r"(?:field|selector) '([^']+)'")


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    agency: str
    province: str | None
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    language: str = "vi"
    crawl_delay: float = 1.0
    article_patterns: tuple[str, ...] = ()
    selectors: dict = field(default_factory=dict)
    date_formats: tuple[str, ...] = ()
    source: str = ""

    def is_article_url(self, url: str) -> bool | None:
        """True/False when the profile says; None when it has no article patterns."""
        if not self.article_patterns:
            return None
        path = urlsplit(url)._replace(scheme="", netloc="").geturl()
        return any(re.search(p, path) for p in self.article_patterns)

    def owns(self, url: str) -> bool:
        """The profile's hosts, and their www. names; a department's subdomain is another site."""
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        return host in self.allowed_domains


def _require(data: dict, key: str, kind, where: str):
    if key not in data:
        raise ProfileError(f"{where}: missing required field '{key}'")
    value = data[key]
    if not isinstance(value, kind):
        raise ProfileError(f"{where}: field '{key}' must be {_kind_name(kind)}, not {type(value).__name__}")
    return value


def _kind_name(kind) -> str:
    names = {str: "text", list: "a list", float: "a number", dict: "a table"}
    if isinstance(kind, tuple):
        return " or ".join(names.get(k, k.__name__) for k in kind)
    return names.get(kind, kind.__name__)


def _string_list(data: dict, key: str, where: str, required=False) -> tuple[str, ...]:
    if key not in data and not required:
        return ()
    values = _require(data, key, list, where)
    if required and not values:
        raise ProfileError(f"{where}: field '{key}' must not be empty")
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise ProfileError(f"{where}: field '{key}' must hold only non-empty text")
    return tuple(values)


def profile_from_dict(data: dict, where: str) -> Profile:
    """Validate one profile's data; `where` names its file in error messages."""
    known = {"id", "name", "agency", "province", "start_urls", "allowed_domains", "language",
             "crawl_delay", "article_patterns", "selectors", "date_formats"}
    for key in data:
        if key not in known:
            raise ProfileError(f"{where}: unknown field '{key}'")
    start_urls = _string_list(data, "start_urls", where, required=True)
    for url in start_urls:
        if urlsplit(url).scheme not in ("http", "https"):
            raise ProfileError(f"{where}: field 'start_urls' has '{url}', which is not an http(s) URL")
    patterns = _string_list(data, "article_patterns", where)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as err:
            raise ProfileError(f"{where}: field 'article_patterns' has an invalid pattern {pattern!r}: {err}") from None
    selectors = data.get("selectors", {})
    if not isinstance(selectors, dict):
        raise ProfileError(f"{where}: field 'selectors' must be a table")
    for key, value in selectors.items():
        if key not in SELECTOR_KEYS:
            raise ProfileError(f"{where}: unknown selector 'selectors.{key}' (known: {', '.join(SELECTOR_KEYS)})")
        if not isinstance(value, str) or not value.strip():
            raise ProfileError(f"{where}: selector 'selectors.{key}' must be a CSS selector text")
        try:
            GenericTranslator().css_to_xpath(value)
        except SelectorError as err:
            raise ProfileError(f"{where}: selector 'selectors.{key}' is not valid CSS ({value!r}): {err}") from None
    delay = data.get("crawl_delay", 1.0)
    if not isinstance(delay, (int, float)) or delay < 0:
        raise ProfileError(f"{where}: field 'crawl_delay' must be a number of seconds ≥ 0")
    domains = _string_list(data, "allowed_domains", where) or tuple(
        sorted({urlsplit(u).hostname for u in start_urls}))
    return Profile(
        id=_require(data, "id", str, where), name=_require(data, "name", str, where),
        agency=_require(data, "agency", str, where), province=data.get("province"),
        start_urls=start_urls, allowed_domains=tuple(d.lower() for d in domains),
        language=data.get("language", "vi"), crawl_delay=float(delay), article_patterns=patterns,
        selectors=dict(selectors), date_formats=_string_list(data, "date_formats", where), source=where,
    )


def load_profile(path: Path) -> Profile:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ProfileError(f"{path}: not valid TOML: {err}") from None
    profile = profile_from_dict(data, str(path))
    if profile.id != Path(path).stem:
        raise ProfileError(f"{path}: field 'id' is '{profile.id}' but the file is named '{Path(path).stem}.toml'")
    return profile


def load_profiles(directory: Path = PROFILE_DIR) -> dict[str, Profile]:
    return {p.id: p for p in (load_profile(f) for f in sorted(Path(directory).glob("*.toml")))}


def data_profile_dir(data_dir: Path) -> Path:
    """Where the profiles an admin saved (in the web interface) live: DATA_DIR/profiles."""
    return Path(data_dir) / DATA_PROFILES


def load_all_profiles(data_dir: Path | None = None) -> dict[str, Profile]:
    """The bundled profiles, and those of the data directory (DATA_DIR/profiles/*.toml) on top:
    a data-directory profile with the id of a bundled one replaces it. No data_dir: bundled only."""
    profiles = load_profiles(PROFILE_DIR)
    if data_dir is not None and data_profile_dir(data_dir).is_dir():
        profiles.update(load_profiles(data_profile_dir(data_dir)))
    return dict(sorted(profiles.items()))


def is_bundled(profile: Profile) -> bool:
    """A profile read from the bundled directory (not from a data directory)."""
    return Path(profile.source).resolve().parent == PROFILE_DIR


def profile_for_url(url: str, profiles: dict[str, Profile]) -> Profile | None:
    return next((p for p in profiles.values() if p.owns(url)), None)
