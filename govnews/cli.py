"""The govnews command line: `govnews COMMAND --help` tells each command's options."""
import argparse
import json
import os
import sys
import urllib.request
from pathlib import Path

from archive.exchange import FORMATS, export_chunks, manifest, read_jsonl, records_by_ids
from archive.store import SiteCrawlRunning, Store

from . import __version__
from .config import paths


EXIT_BUSY = 75  # refused because a crawl of a named site is already running (EX_TEMPFAIL: try later)


class CommandError(Exception):
    """A failure the user can act on; printed without a traceback."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args) or 0
    except CommandError as err:
        print(f"govnews {args.command}: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `govnews search … | head`: the reader has gone, which is fine
        sys.stdout = open(os.devnull, "w")
        return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", metavar="DIR", help="data directory (default $GOVNEWS_DATA or ./data)")
    parser = argparse.ArgumentParser(prog="govnews", description="A scraper and searchable archive of government news.")
    parser.add_argument("--version", action="version", version=f"govnews {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in (_crawl, _extract, _reextract, _index, _search, _export, _import, _delete, _serve, _demo,
                     _sites, _jobs, _admin, _schedule):
        register(sub, common)
    return parser


def _add_filters(parser):
    parser.add_argument("--resolution", action="append", default=[], help="cited document id (repeatable: OR)")
    parser.add_argument("--author", action="append", default=[], help="author name (repeatable: OR)")
    parser.add_argument("--site", action="append", default=[], help="site (repeatable: OR)")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="published on or after (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="published on or before (YYYY-MM-DD)")
    parser.add_argument("--sort", choices=("relevance", "newest", "oldest"), default="relevance")


def _filters(args) -> dict:
    return {"resolution": args.resolution, "author": args.author, "site": args.site,
            "from": args.date_from, "to": args.date_to}


# -- crawl ---------------------------------------------------------------------------------
def _crawl(sub, common):
    p = sub.add_parser("crawl", parents=[common], help="crawl portals into the archive")
    p.add_argument("sites", nargs="*", metavar="SITE", help="site profile ids (see `govnews sites`)")
    p.add_argument("--all", action="store_true", help="crawl every site profile an admin has not disabled")
    p.add_argument("--start-url", action="append", default=[], metavar="URL", help="crawl a site with no profile")
    p.add_argument("--origin", action="append", default=[], metavar="SITE=URL",
                   help="fetch SITE's pages from a mirror at URL (such as the sample portal on loopback)")
    p.add_argument("--since", metavar="DATE", help="only articles published on or after DATE (YYYY-MM-DD)")
    p.add_argument("--max-pages", type=int, metavar="N", help="stop each site after N pages")
    p.add_argument("--no-index", action="store_true", help="do not bring the index up to date afterwards")
    p.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy setting")
    p.set_defaults(handler=cmd_crawl)


def _key_values(pairs: list[str], what: str) -> dict:
    found = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise CommandError(f"{what} must look like NAME=VALUE, not {pair!r}")
        found[key.strip()] = value.strip()
    return found


def crawl_targets(args):
    from scraper.runner import CrawlTarget

    profiles = _profiles(args)
    if not (args.sites or args.all or args.start_url):
        raise CommandError("name a site, or give --all or --start-url URL")
    unknown = [s for s in args.sites if s not in profiles]
    if unknown:
        raise CommandError(f"no site profile {', '.join(unknown)} (known: {', '.join(sorted(profiles))})")
    origins = _key_values(args.origin, "--origin")
    chosen = sorted(set(profiles) - _disabled_sites(args)) if args.all else args.sites
    targets = [CrawlTarget(site=s, profile=profiles[s], origin=origins.get(s)) for s in chosen]
    if args.start_url:
        from urllib.parse import urlsplit
        bad = [u for u in args.start_url if urlsplit(u).scheme not in ("http", "https")]
        if bad:
            raise CommandError(f"--start-url needs http(s) URLs, not {', '.join(bad)}")
        targets.append(CrawlTarget(site=urlsplit(args.start_url[0]).hostname, start_urls=tuple(args.start_url)))
    return targets


def _disabled_sites(args) -> set[str]:
    """Sites an admin disabled: --all leaves them out (naming one still crawls it)."""
    return _from_archive(args, lambda store: {site["id"] for site in store.sites() if not site["enabled"]}, set())


def cmd_crawl(args):
    from scraper.runner import run_crawls

    where = paths(args.data)
    overrides = _key_values(args.set, "-s")
    if args.max_pages:
        overrides["CLOSESPIDER_PAGECOUNT"] = args.max_pages
    since = _iso_date(args.since, "--since") if args.since else None
    try:
        job_ids = run_crawls(where.data, crawl_targets(args), overrides, since=since)
    except SiteCrawlRunning as err:
        raise CommandError(f"{err}; nothing was started", EXIT_BUSY) from None
    with Store(where.archive) as store:
        jobs = [store.get_job(j) for j in job_ids]
    for job in jobs:
        print(f"job {job['id']} {job['site']}: {job['state']} {_tally(job.get('stats'))}")
    if not args.no_index:
        _update_index(where)
    return 0 if all(job["state"] == "finished" for job in jobs) else 1


def _iso_date(text: str, what: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise CommandError(f"{what} needs a date as YYYY-MM-DD, not {text!r}") from None


def _profiles(args) -> dict:
    """The bundled site profiles and those saved in the data directory (DATA_DIR/profiles)."""
    from scraper.profiles import ProfileError, load_all_profiles

    try:
        return load_all_profiles(paths(getattr(args, "data", None)).data)
    except ProfileError as err:
        raise CommandError(str(err)) from None


def _tally(stats) -> str:
    if not stats:
        return ""
    keys = ("pages", "new", "changed", "unchanged", "invalid", "errors")
    return ", ".join(f"{k} {stats[k]}" for k in keys if k in stats)


def _update_index(where):
    from indexer.build import update_index

    with Store(where.archive) as store:
        result = update_index(store, where.index)
    print(f"index: {result['indexed']} records indexed, {result.get('deleted', 0)} removed, "
          f"{result['total']} in the index")
    return result


# -- extract -------------------------------------------------------------------------------
def _extract(sub, common):
    p = sub.add_parser("extract", parents=[common], help="print the record of one page as JSON")
    p.add_argument("source", metavar="FILE|URL")
    p.add_argument("--url", help="the page's URL (for a FILE; default file://…)")
    p.add_argument("--explain", action="store_true", help="also say where each field came from")
    p.set_defaults(handler=cmd_extract)


def cmd_extract(args):
    from archive.record import InvalidRecord, build_record
    from scraper.extraction import extract_html, extract_text
    from scraper.profiles import profile_for_url

    body, url, content_type = _read_source(args.source, args.url)
    profile = profile_for_url(url, _profiles(args))
    try:
        if content_type.startswith("text/plain"):
            extraction = extract_text(body.decode("utf-8", errors="replace"), url, profile)
        else:
            extraction = extract_html(body, url, profile, content_type or None)
        record = build_record(extraction.record)
    except (ValueError, InvalidRecord) as err:
        raise CommandError(f"cannot extract a record from {args.source}: {err}") from None
    output = {"record": record, "explain": extraction.explain, "is_article": extraction.is_article} \
        if args.explain else record
    print(json.dumps(output, ensure_ascii=False, indent=2))


def _read_source(source: str, url: str | None) -> tuple[bytes, str, str]:
    if source.startswith(("http://", "https://")):
        from scraper.settings import USER_AGENT
        request = urllib.request.Request(source, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.read(), url or response.geturl(), response.headers.get("Content-Type", "")
        except OSError as err:
            raise CommandError(f"cannot fetch {source}: {err}") from None
    path = Path(source)
    if not path.is_file():
        raise CommandError(f"no such file: {source}")
    kind = "text/plain" if path.suffix.lower() in (".txt", ".text") else ""
    return path.read_bytes(), url or path.resolve().as_uri(), kind


def _reextract(sub, common):
    p = sub.add_parser("reextract", parents=[common], help="rebuild records from the kept WARC files, no network")
    p.add_argument("--site", help="only the WARC files of this site's crawl jobs")
    p.add_argument("--job", type=int, help="only the WARC file of this crawl job")
    p.add_argument("--no-index", action="store_true", help="do not bring the index up to date afterwards")
    p.set_defaults(handler=cmd_reextract)


def cmd_reextract(args):
    from scraper.reextract import COUNTS, NoWarcFiles, reextract

    where = paths(args.data)  # a data directory holding only warc/ is enough to rebuild the archive
    try:
        counts = reextract(where.data, site=args.site, job=args.job)
    except NoWarcFiles as err:
        raise CommandError(str(err)) from None
    print(", ".join(f"{k} {counts[k]}" for k in COUNTS))
    if not args.no_index:
        _update_index(where)


# -- index, search, export, import -------------------------------------------------------
def _index(sub, common):
    p = sub.add_parser("index", parents=[common], help="bring the search index up to date with the archive")
    p.add_argument("--rebuild", action="store_true", help="rebuild the index from the whole archive")
    # the job row (made by the admin area's launcher) this run closes with its outcome
    p.add_argument("--report-job", type=int, metavar="ID", help=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_index)


def cmd_index(args):
    from indexer.build import update_index

    where = paths(args.data)
    _require_archive(where)
    with Store(where.archive) as store:
        try:
            result = update_index(store, where.index, rebuild=args.rebuild)
        except BaseException as err:
            if args.report_job is not None:
                state = "cancelled" if isinstance(err, KeyboardInterrupt) else "failed"
                store.finish_job(args.report_job, state, error=f"{type(err).__name__}: {err}")
            raise
        if args.report_job is not None:
            store.finish_job(args.report_job, "finished", stats=result)
    print(f"{result['indexed']} records indexed, {result.get('deleted', 0)} removed, {result['total']} in the index")


def _require_archive(where):
    if not where.archive.exists():
        raise CommandError(f"no archive in {where.data} (crawl or import first, or give --data DIR)")


def _search(sub, common):
    p = sub.add_parser("search", parents=[common], help="search the archive")
    p.add_argument("query", metavar="QUERY")
    _add_filters(p)
    p.add_argument("--page", type=int, default=1)
    p.add_argument("--per-page", type=int, default=20)
    p.add_argument("--json", action="store_true", help="print results and facets as JSON")
    p.set_defaults(handler=cmd_search)


def _open_search(where):
    from indexer.search import SearchService

    _require_archive(where)
    if not where.index.exists():
        raise CommandError(f"no index in {where.data} (run `govnews index`)")
    return SearchService(where.index, Store(where.archive))


def cmd_search(args):
    where = paths(args.data)
    with _open_search(where) as service:
        try:
            result = service.search(args.query, _filters(args), sort=args.sort, page=args.page,
                                    per_page=args.per_page)
        except ValueError as err:
            raise CommandError(str(err)) from None
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    _print_results(result)


def _print_results(result):
    for notice in result.get("notices", []):
        print(f"note: {notice}")
    print(f"{result['total']} results")
    for hit in result["hits"]:
        authors = ", ".join(a["name"] for a in hit.get("authors") or [])
        print(f"\n{(hit.get('published') or '')[:10]}  {hit['title']}")
        print(f"    {hit['site']}{' · ' + authors if authors else ''}  {hit['url']}")
    for name, values in result["facets"].items():
        if values:
            print(f"\n{name}: " + ", ".join(f"{v} ({c})" for v, c in values[:8]))


def _export(sub, common):
    p = sub.add_parser("export", parents=[common], help="export the records a search finds")
    p.add_argument("query", metavar="QUERY", help='the search ("" for everything)')
    _add_filters(p)
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(handler=cmd_export)


def cmd_export(args):
    where = paths(args.data)
    with _open_search(where) as service:
        try:
            ids = list(service.matching_ids(args.query, _filters(args), sort=args.sort))
        except ValueError as err:
            raise CommandError(str(err)) from None
        head = manifest(args.query, _filters(args), len(ids))
        records = records_by_ids(service.store, ids)
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
        try:
            for chunk in export_chunks(records, args.format, head):
                out.write(chunk)
        finally:
            if args.output:
                out.close()
    if args.output:
        print(f"{len(ids)} records written to {args.output}", file=sys.stderr)


def _import(sub, common):
    p = sub.add_parser("import", parents=[common], help="load records from a JSON Lines export")
    p.add_argument("file", metavar="FILE.jsonl")
    p.add_argument("--no-index", action="store_true", help="do not bring the index up to date afterwards")
    p.set_defaults(handler=cmd_import)


def cmd_import(args):
    where = paths(args.data)
    source = Path(args.file)
    if not source.is_file():
        raise CommandError(f"no such file: {args.file}")
    counts = {"new": 0, "changed": 0, "unchanged": 0, "invalid": 0}
    with Store(where.archive) as store, source.open(encoding="utf-8-sig") as lines:
        for number, record, error in read_jsonl(lines):
            if error:
                counts["invalid"] += 1
                print(f"{args.file}:{number}: skipped: {error}", file=sys.stderr)
                continue
            counts[store.upsert(record)] += 1
    print(", ".join(f"{k} {v}" for k, v in counts.items()))
    if not args.no_index:
        _update_index(where)
    return 1 if counts["invalid"] else 0


def _delete(sub, common):
    p = sub.add_parser("delete", parents=[common], help="take records out of the archive and the index")
    p.add_argument("ids", metavar="ID", nargs="+", help="record id (as in search results and exports)")
    p.add_argument("--reason", help="why, kept with the deletion")
    p.add_argument("--no-index", action="store_true", help="do not bring the index up to date afterwards")
    p.set_defaults(handler=cmd_delete)


def cmd_delete(args):
    where = paths(args.data)
    _require_archive(where)
    with Store(where.archive) as store:
        missing = [rid for rid in args.ids if not store.delete(rid, reason=args.reason)]
    for rid in missing:
        print(f"no record {rid}", file=sys.stderr)
    print(f"{len(args.ids) - len(missing)} records deleted")
    if not args.no_index:
        _update_index(where)
    return 1 if missing else 0


# -- serve, demo, sites, jobs ------------------------------------------------------------
def _serve(sub, common):
    p = sub.add_parser("serve", parents=[common], help="serve the web interface")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(handler=cmd_serve)


def cmd_serve(args):
    from webui.app import create_app

    where = paths(args.data)
    print(f"govnews: serving {where.data} on http://{args.host}:{args.port}/", flush=True)
    create_app(where.data).run(host=args.host, port=args.port, threaded=True)


def _demo(sub, common):
    p = sub.add_parser("demo", parents=[common], help="crawl the bundled sample portal and serve the UI")
    p.add_argument("--port", type=int, default=8000, help="port of the web interface (default 8000)")
    p.add_argument("--no-serve", action="store_true", help="stop after crawling and indexing")
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args):
    from .demo import run_demo

    return run_demo(paths(args.data), port=args.port, serve=not args.no_serve)


def _sites(sub, common):
    p = sub.add_parser("sites", parents=[common], help="list the site profiles")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sites)


def cmd_sites(args):
    profiles = _profiles(args)
    counts = _from_archive(args, lambda store: {p: store.count(site=p) for p in profiles}, {})
    rows = [{"id": p.id, "name": p.name, "province": p.province, "start_urls": list(p.start_urls),
             "articles": counts.get(p.id, 0)} for p in profiles.values()]
    _print_rows(args, rows, lambda row: f"{row['id']:32} {row['articles']:6}  {row['name']}")


def _from_archive(args, read, default):
    """What read(store) returns, or default when the data directory has no archive yet."""
    where = paths(args.data)
    if not where.archive.exists():
        return default
    with Store(where.archive) as store:
        return read(store)


def _print_rows(args, rows: list, line, empty: str | None = None) -> None:
    """The rows as JSON with --json, else line(row) for each (or `empty` when there are none)."""
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows and empty:
        print(empty)
    for row in rows:
        print(line(row))


def _jobs(sub, common):
    p = sub.add_parser("jobs", parents=[common], help="list crawl jobs")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_jobs)


def cmd_jobs(args):
    jobs = _from_archive(args, lambda store: store.jobs(limit=args.limit), [])
    _print_rows(args, jobs, lambda job: f"{job['id']:5} {job['started'][:19]} {job['state']:10} "
                                        f"{job['site'] or '':28} {_tally(job.get('stats'))}", "no jobs yet")


# -- admin accounts ------------------------------------------------------------------------
def _admin(sub, common):
    p = sub.add_parser("admin", help="admin accounts of the web interface")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[common], help="add an admin, or set the password of one",
                             description="Add an admin account, or set a new password for an existing one "
                                         "(which also lifts a lockout). The password is asked twice on the "
                                         "terminal, or read as one line from standard input.")
    add.add_argument("username", metavar="USER")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.set_defaults(handler=cmd_admin_add)
    listing = actions.add_parser("list", parents=[common], help="list the admin accounts")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_admin_list)


def _read_new_password(from_stdin: bool) -> str:
    import getpass

    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CommandError("standard input is not a terminal: give --password-stdin to read the password from it")
    try:
        first = getpass.getpass("New password: ")
        second = getpass.getpass("The same again: ")
    except EOFError:
        raise CommandError("no password given") from None
    if first != second:
        raise CommandError("the two passwords differ")
    return first


def cmd_admin_add(args):
    from webui.auth import hash_password, password_problem, username_problem

    problem = username_problem(args.username)
    if problem:
        raise CommandError(problem)
    password = _read_new_password(args.password_stdin)
    problem = password_problem(password)
    if problem:
        raise CommandError(problem)
    password_hash = hash_password(password)
    with Store(paths(args.data).archive) as store:
        if store.set_password(args.username, password_hash):
            action, message = "password changed", f"password of admin {args.username} changed"
        else:
            store.add_admin(args.username, password_hash)
            action, message = "admin added", f"admin {args.username} added"
        store.audit("command line", action, {"username": args.username})
    print(message)


def cmd_admin_list(args):
    def line(admin):
        locked = f"  locked until {admin['locked_until']}" if admin["locked_until"] else ""
        return f"{admin['username']:24} last sign-in {admin['last_sign_in'] or 'never'}{locked}"

    _print_rows(args, _from_archive(args, Store.admins, []), line,
                "no admins yet (add one with `govnews admin add USER`)")


# -- crawl schedules -----------------------------------------------------------------------
def _schedule(sub, common):
    p = sub.add_parser("schedule", help="crawl schedules the web server runs",
                       description="Per-site crawl schedules, kept in the archive and run by `govnews serve` "
                                   "(the same as the admin page /admin/schedules).")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="list the schedules")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_schedule_list)
    setting = actions.add_parser("set", parents=[common], help="crawl a site every so often or daily at a time")
    setting.add_argument("site", metavar="SITE", help="a site profile id (see `govnews sites`)")
    rule = setting.add_mutually_exclusive_group(required=True)
    rule.add_argument("--every", metavar="INTERVAL", help="an interval: 30m, 6h, 2d (15 minutes to 30 days)")
    rule.add_argument("--at", metavar="HH:MM", help="a time of day, 00:00 to 23:59")
    setting.add_argument("--timezone", metavar="ZONE", help="the time zone of --at (default Asia/Ho_Chi_Minh)")
    setting.set_defaults(handler=cmd_schedule_set)
    for name, handler, text in (("remove", cmd_schedule_remove, "remove a site's schedule"),
                                ("enable", cmd_schedule_enable, "turn a site's schedule on"),
                                ("disable", cmd_schedule_enable, "turn a site's schedule off")):
        action = actions.add_parser(name, parents=[common], help=text)
        action.add_argument("site", metavar="SITE")
        action.set_defaults(handler=handler)


def cmd_schedule_list(args):
    from archive.schedules import describe, local

    def line(row):
        state = f"next {local(row['next_run'], row['timezone'])}" if row["enabled"] else "off"
        last = f"  last {local(row['last_run'], row['timezone'])}" if row["last_run"] else ""
        job = f" (job {row['last_job']})" if row["last_job"] else ""
        return f"{row['site']:32} {describe(row):36} {state}{last}{job}"

    _print_rows(args, _from_archive(args, Store.schedules, []), line,
                "no schedules (set one with `govnews schedule set SITE --every 6h` or `--at 06:30`)")


def cmd_schedule_set(args):
    from archive.schedules import ScheduleError, describe, local, parse_every

    profiles = _profiles(args)
    if args.site not in profiles:
        raise CommandError(f"no site profile {args.site} (known: {', '.join(sorted(profiles))})")
    if args.timezone and args.every is not None:
        raise CommandError("--timezone goes with --at, not --every")
    try:
        every = parse_every(args.every) if args.every is not None else None
        with Store(paths(args.data).archive) as store:
            saved = store.set_schedule(args.site, every_hours=every, at_time=args.at, timezone=args.timezone)
            detail = {"site": args.site, **({"every_hours": f"{every:g}"} if every is not None
                                            else {"at": saved["at_time"], "timezone": saved["timezone"]})}
            store.audit("command line", "schedule set", detail)
    except ScheduleError as err:
        raise CommandError(str(err)) from None
    when = f"next run {local(saved['next_run'], saved['timezone'])} ({saved['timezone']})" if saved["enabled"] \
        else "the schedule is off (turn it on with `govnews schedule enable`)"
    print(f"{args.site}: {describe(saved)}; {when}")


def cmd_schedule_remove(args):
    where = paths(args.data)
    if not where.archive.exists():
        raise CommandError(f"{args.site} has no schedule")
    with Store(where.archive) as store:
        if not store.remove_schedule(args.site):
            raise CommandError(f"{args.site} has no schedule")
        store.audit("command line", "schedule removed", {"site": args.site})
    print(f"{args.site}: schedule removed")


def cmd_schedule_enable(args):
    on = args.action == "enable"
    where = paths(args.data)
    if not where.archive.exists():
        raise CommandError(f"{args.site} has no schedule")
    with Store(where.archive) as store:
        if not store.enable_schedule(args.site, on):
            raise CommandError(f"{args.site} has no schedule")
        store.audit("command line", "schedule enabled" if on else "schedule disabled", {"site": args.site})
    print(f"{args.site}: schedule {'on' if on else 'off'}")


if __name__ == "__main__":
    sys.exit(main())
