"""The archive database (SQLite, WAL): records and all their revisions, sites, crawl jobs, admins, audit,
crawl schedules."""
import json
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from archive import schedules as schedule_rules
from archive.record import InvalidRecord, build_record, content_hash

# MIGRATIONS[n] upgrades a database from user_version n to n + 1.
MIGRATIONS = [
    (
        """CREATE TABLE records (
            id TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            site TEXT,
            title TEXT NOT NULL,
            published TEXT,
            fetched TEXT,
            revision INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            seq INTEGER NOT NULL,
            data TEXT NOT NULL)""",
        "CREATE UNIQUE INDEX records_seq ON records (seq)",
        "CREATE INDEX records_site ON records (site, id)",
        """CREATE TABLE revisions (
            record_id TEXT NOT NULL REFERENCES records (id),
            revision INTEGER NOT NULL,
            fetched TEXT,
            content_hash TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (record_id, revision))""",
        """CREATE TABLE sites (
            id TEXT PRIMARY KEY,
            name TEXT,
            agency TEXT,
            province TEXT,
            base_url TEXT,
            enabled INTEGER NOT NULL DEFAULT 1,
            added TEXT NOT NULL)""",
        """CREATE TABLE jobs (
            id INTEGER PRIMARY KEY,
            site TEXT,
            kind TEXT NOT NULL,
            state TEXT NOT NULL,
            started TEXT NOT NULL,
            finished TEXT,
            pid INTEGER,
            stats TEXT,
            error TEXT,
            log_path TEXT)""",
        # value has no declared type, so integers come back as integers
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value)",
    ),
    (
        # when a job last reported progress: the admin page tells a stalled crawl from a slow one
        "ALTER TABLE jobs ADD COLUMN updated TEXT",
        "UPDATE jobs SET updated = COALESCE(finished, started)",
        "CREATE INDEX jobs_state ON jobs (state, id)",
    ),
    (
        # what the last fetch of an article page said: validators for conditional GET and when
        # the page was last checked, so a re-crawl revalidates it at most once per interval
        """CREATE TABLE fetches (
            url TEXT PRIMARY KEY,
            site TEXT,
            etag TEXT,
            last_modified TEXT,
            checked TEXT NOT NULL,
            status INTEGER)""",
        "CREATE INDEX fetches_site ON fetches (site)",
    ),
    (
        # records taken out of the archive: the index removes them on its next update
        """CREATE TABLE deletions (
            seq INTEGER PRIMARY KEY,
            record_id TEXT NOT NULL,
            deleted TEXT NOT NULL,
            reason TEXT)""",
    ),
    (
        # admin accounts (the password only as a salted hash) and the audit log of the admin area
        """CREATE TABLE admins (
            username TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL,
            created TEXT NOT NULL,
            last_sign_in TEXT,
            failed_count INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT)""",
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT,
            action TEXT NOT NULL,
            detail TEXT,
            address TEXT)""",
    ),
    (
        # crawl schedules, one per site: an interval or a time of day (see archive.schedules);
        # next_run (ISO UTC) is when the web server's scheduler next starts the site's crawl
        """CREATE TABLE schedules (
            site TEXT PRIMARY KEY,
            every_hours REAL,
            at_time TEXT,
            timezone TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
            enabled INTEGER NOT NULL DEFAULT 1,
            next_run TEXT,
            last_run TEXT,
            last_job INTEGER,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            CHECK ((every_hours IS NULL) <> (at_time IS NULL)))""",
        "CREATE INDEX schedules_due ON schedules (enabled, next_run)",
    ),
    (
        # one running crawl per site, whichever process (web server worker, scheduler, shell)
        # starts it: older duplicates can only be leftovers of killed processes
        """UPDATE jobs SET state = 'interrupted', finished = COALESCE(finished, updated, started),
                          error = COALESCE(error, 'another crawl of the site was running')
           WHERE state = 'running' AND kind = 'crawl' AND id NOT IN (
               SELECT MAX(id) FROM jobs WHERE state = 'running' AND kind = 'crawl' GROUP BY site)""",
        "CREATE UNIQUE INDEX jobs_one_running_crawl ON jobs (site) WHERE state = 'running' AND kind = 'crawl'",
    ),
]
SCHEMA_VERSION = len(MIGRATIONS)

SITE_FIELDS = ("id", "name", "agency", "province", "base_url", "enabled")
JOB_FIELDS = ("site", "kind", "state", "started", "finished", "pid", "stats", "error", "log_path")
_PAGE = 500
_UTC = timezone.utc  # (set_schedule has a parameter named timezone)


class SiteCrawlRunning(ValueError):
    """A crawl of the site is already running."""


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """One connection to the archive; safe to share between threads, or open one per thread."""

    def __init__(self, path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._depth = 0
        self._conn = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                                     check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA busy_timeout = 10000")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.execute("PRAGMA foreign_keys = ON")
        try:
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # --- transactions and schema ---------------------------------------------------------

    @contextmanager
    def transaction(self):
        """A write transaction; nested uses join the outer one. Rolled back on any error."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0

    def _migrate(self) -> None:
        # Checked once outside a transaction first, so opening an up-to-date database
        # (every web request does) never waits for the write lock.
        if self.schema_version() == SCHEMA_VERSION:
            return
        with self.transaction():
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"{self.path}: schema version {version} is newer than this "
                                   f"program knows ({SCHEMA_VERSION})")
            for step in MIGRATIONS[version:]:
                for statement in step:
                    self._conn.execute(statement)
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def schema_version(self) -> int:
        return self._query_one("PRAGMA user_version")[0]

    def _query(self, sql: str, params=()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _query_one(self, sql: str, params=()):
        with self._lock:
            return self._conn.execute(sql, params).fetchone()

    # --- records -----------------------------------------------------------------------

    def upsert(self, record: dict) -> str:
        """Store a record; returns "new", "changed" or "unchanged" (then nothing is written)."""
        record = build_record(record)
        digest = content_hash(record)
        with self.transaction():
            current = self._conn.execute(
                "SELECT revision, content_hash FROM records WHERE id = ?", (record["id"],)).fetchone()
            if current and current["content_hash"] == digest:
                return "unchanged"
            if current:
                record["revision"] = current["revision"] + 1
            self._write_record(record, digest)
        return "changed" if current else "new"

    def _write_record(self, record: dict, digest: str) -> None:
        seq = self._next_seq()
        data = json.dumps(record, ensure_ascii=False)
        self._conn.execute(
            """INSERT INTO records (id, url, site, title, published, fetched, revision,
                                    content_hash, seq, data)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET
                 url = excluded.url, site = excluded.site, title = excluded.title,
                 published = excluded.published, fetched = excluded.fetched,
                 revision = excluded.revision, content_hash = excluded.content_hash,
                 seq = excluded.seq, data = excluded.data""",
            (record["id"], record["url"], record["site"], record["title"], record["published"],
             record["fetched"], record["revision"], digest, seq, data))
        self._conn.execute(
            "INSERT INTO revisions (record_id, revision, fetched, content_hash, data) VALUES (?, ?, ?, ?, ?)",
            (record["id"], record["revision"], record["fetched"], digest, data))

    def upsert_many(self, records) -> dict:
        """Store each record in its own transaction; invalid ones are counted and skipped."""
        counts = {"new": 0, "changed": 0, "unchanged": 0, "invalid": 0}
        for record in records:
            try:
                counts[self.upsert(record)] += 1
            except InvalidRecord:
                counts["invalid"] += 1
        return counts

    def get(self, record_id: str) -> dict | None:
        row = self._query_one("SELECT data FROM records WHERE id = ?", (record_id,))
        return json.loads(row["data"]) if row else None

    def get_many(self, ids) -> list[dict]:
        """The records with these ids, in the order given; unknown ids are skipped."""
        ids = list(ids)
        found = {}
        for start in range(0, len(ids), _PAGE):
            chunk = ids[start:start + _PAGE]
            marks = ",".join("?" * len(chunk))
            for row in self._query(f"SELECT id, data FROM records WHERE id IN ({marks})", chunk):
                found[row["id"]] = json.loads(row["data"])
        return [found[i] for i in ids if i in found]

    def revisions(self, record_id: str) -> list[dict]:
        """Every stored version of a record, oldest first (the last one is the current one)."""
        rows = self._query("SELECT data FROM revisions WHERE record_id = ? ORDER BY revision",
                           (record_id,))
        return [json.loads(row["data"]) for row in rows]

    def count(self, site: str | None = None) -> int:
        if site is None:
            return self._query_one("SELECT COUNT(*) FROM records")[0]
        return self._query_one("SELECT COUNT(*) FROM records WHERE site = ?", (site,))[0]

    def iter_records(self, site: str | None = None):
        """All records ordered by id, read page by page so writers are not held up."""
        where = "AND site = ?" if site is not None else ""
        params = (site,) if site is not None else ()
        last_id = ""
        while True:
            rows = self._query(f"SELECT id, data FROM records WHERE id > ? {where} ORDER BY id LIMIT {_PAGE}",
                               (last_id, *params))
            for row in rows:
                yield json.loads(row["data"])
            if len(rows) < _PAGE:
                return
            last_id = rows[-1]["id"]

    def changed_since(self, seq: int):
        """(seq, record) for every record written after `seq`, in write order."""
        while True:
            rows = self._query(f"SELECT seq, data FROM records WHERE seq > ? ORDER BY seq LIMIT {_PAGE}",
                               (seq,))
            for row in rows:
                yield row["seq"], json.loads(row["data"])
            if len(rows) < _PAGE:
                return
            seq = rows[-1]["seq"]

    def max_seq(self) -> int:
        """The last sequence number given to a write or a deletion."""
        return self._query_one(
            "SELECT MAX((SELECT COALESCE(MAX(seq), 0) FROM records), (SELECT COALESCE(MAX(seq), 0) FROM deletions))")[0]

    def _next_seq(self) -> int:
        # Shared by writes and deletions, and never reused: the index applies both in order.
        return self._conn.execute(
            "SELECT MAX((SELECT COALESCE(MAX(seq), 0) FROM records), "
            "(SELECT COALESCE(MAX(seq), 0) FROM deletions)) + 1").fetchone()[0]

    def delete(self, record_id: str, reason: str | None = None) -> bool:
        """Take a record and its revisions out of the archive; False if there is no such record.

        A tombstone remembers the deletion so the index drops the record on its next update.
        (A re-crawl stores the page again if the portal still publishes it.)
        """
        with self.transaction():
            if self._conn.execute("SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone() is None:
                return False
            self._conn.execute("INSERT INTO deletions (seq, record_id, deleted, reason) VALUES (?, ?, ?, ?)",
                               (self._next_seq(), record_id, utc_now(), reason))
            self._conn.execute("DELETE FROM revisions WHERE record_id = ?", (record_id,))
            self._conn.execute("DELETE FROM records WHERE id = ?", (record_id,))
        return True

    def deleted_since(self, seq: int) -> list[tuple[int, str]]:
        """(seq, record id) of every deletion after `seq`, in order."""
        rows = self._query("SELECT seq, record_id FROM deletions WHERE seq > ? ORDER BY seq", (seq,))
        return [(row["seq"], row["record_id"]) for row in rows]

    # --- fetch state of article pages --------------------------------------------------

    def record_fetch(self, url: str, site: str | None, status: int, etag: str | None = None,
                     last_modified: str | None = None) -> None:
        """Remember a fetch of an article page; a 304 keeps the validators it did not repeat."""
        with self.transaction():
            self._conn.execute(
                """INSERT INTO fetches (url, site, etag, last_modified, checked, status)
                   VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT (url) DO UPDATE SET
                     site = excluded.site, checked = excluded.checked, status = excluded.status,
                     etag = COALESCE(excluded.etag, fetches.etag),
                     last_modified = COALESCE(excluded.last_modified, fetches.last_modified)""",
                (url, site, etag, last_modified, utc_now(), status))

    def fetch_states(self, site: str | None = None) -> dict[str, dict]:
        """url → {etag, last_modified, checked, status} of the article pages fetched before."""
        where, params = ("WHERE site = ?", (site,)) if site is not None else ("", ())
        rows = self._query(f"SELECT url, etag, last_modified, checked, status FROM fetches {where}", params)
        return {row["url"]: {k: row[k] for k in ("etag", "last_modified", "checked", "status")} for row in rows}

    def record_urls(self, site: str | None = None) -> set[str]:
        where, params = ("WHERE site = ?", (site,)) if site is not None else ("", ())
        return {row["url"] for row in self._query(f"SELECT url FROM records {where}", params)}

    # --- sites -------------------------------------------------------------------------

    def upsert_site(self, site: dict) -> None:
        """Add a site or update the fields given (the others keep their values)."""
        unknown = set(site) - set(SITE_FIELDS)
        if unknown:
            raise ValueError(f"site has unknown field(s) {', '.join(sorted(unknown))}")
        if not site.get("id"):
            raise ValueError("site has no id")
        with self.transaction():
            row = self._conn.execute("SELECT * FROM sites WHERE id = ?", (site["id"],)).fetchone()
            merged = {"enabled": True, "added": utc_now(), **(dict(row) if row else {}), **site}
            self._conn.execute(
                """INSERT OR REPLACE INTO sites (id, name, agency, province, base_url, enabled, added)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (merged["id"], merged.get("name"), merged.get("agency"), merged.get("province"),
                 merged.get("base_url"), int(bool(merged["enabled"])), merged["added"]))

    def get_site(self, site_id: str) -> dict | None:
        row = self._query_one("SELECT * FROM sites WHERE id = ?", (site_id,))
        return _site_dict(row) if row else None

    def sites(self) -> list[dict]:
        return [_site_dict(row) for row in self._query("SELECT * FROM sites ORDER BY id")]

    # --- jobs --------------------------------------------------------------------------

    def create_job(self, site: str | None, kind: str = "crawl", pid: int | None = None,
                   log_path: str | None = None) -> int:
        """A new running job. Raises SiteCrawlRunning when a crawl of the site is already running."""
        now = utc_now()
        with self.transaction():
            try:
                cursor = self._conn.execute(
                    """INSERT INTO jobs (site, kind, state, started, updated, pid, log_path)
                       VALUES (?, ?, 'running', ?, ?, ?, ?)""",
                    (site, kind, now, now, pid, None if log_path is None else str(log_path)))
            except sqlite3.IntegrityError:
                running = self._conn.execute(
                    "SELECT id FROM jobs WHERE site = ? AND kind = 'crawl' AND state = 'running'", (site,)).fetchone()
                job = running["id"] if running else "?"
                raise SiteCrawlRunning(f"a crawl of {site} is already running (job {job})") from None
            return cursor.lastrowid

    def update_job(self, job_id: int, **fields) -> None:
        unknown = set(fields) - set(JOB_FIELDS)
        if unknown:
            raise ValueError(f"job has no field(s) {', '.join(sorted(unknown))}")
        if "stats" in fields and fields["stats"] is not None:
            fields["stats"] = json.dumps(fields["stats"], ensure_ascii=False)
        if "log_path" in fields and fields["log_path"] is not None:
            fields["log_path"] = str(fields["log_path"])
        fields["updated"] = utc_now()
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self.transaction():
            self._conn.execute(f"UPDATE jobs SET {assignments} WHERE id = ?", (*fields.values(), job_id))

    def finish_job(self, job_id: int, state: str, stats: dict | None = None,
                   error: str | None = None) -> None:
        """Mark a job ended ("done", "failed", "cancelled"…); stats kept if none are given."""
        fields = {"state": state, "finished": utc_now(), "error": error}
        if stats is not None:
            fields["stats"] = stats
        self.update_job(job_id, **fields)

    def get_job(self, job_id: int) -> dict | None:
        row = self._query_one("SELECT * FROM jobs WHERE id = ?", (job_id,))
        return _job_dict(row) if row else None

    def jobs(self, limit: int = 50) -> list[dict]:
        """The most recent jobs, newest first."""
        return [_job_dict(row) for row in self._query("SELECT * FROM jobs ORDER BY id DESC LIMIT ?", (limit,))]

    # --- admin accounts and the audit log ------------------------------------------------

    def add_admin(self, username: str, password_hash: str) -> None:
        """A new admin account; ValueError if the username is taken. Give a hash, never a password."""
        try:
            with self.transaction():
                self._conn.execute("INSERT INTO admins (username, password_hash, created) VALUES (?, ?, ?)",
                                   (username, password_hash, utc_now()))
        except sqlite3.IntegrityError:
            raise ValueError(f"there is already an admin {username!r}") from None

    def set_password(self, username: str, password_hash: str) -> bool:
        """Replace an admin's password hash and lift any lock; False if there is no such admin."""
        with self.transaction():
            cursor = self._conn.execute(
                "UPDATE admins SET password_hash = ?, failed_count = 0, locked_until = NULL WHERE username = ?",
                (password_hash, username))
        return cursor.rowcount > 0

    def get_admin(self, username: str) -> dict | None:
        """The account with its password hash, failure count and lock, or None."""
        row = self._query_one("SELECT * FROM admins WHERE username = ?", (username,))
        return dict(row) if row else None

    def admins(self) -> list[dict]:
        """Every admin account, without the password hashes."""
        rows = self._query("SELECT username, created, last_sign_in, failed_count, locked_until "
                           "FROM admins ORDER BY username")
        return [dict(row) for row in rows]

    def record_failed_sign_in(self, username: str, lock_after: int, lock_until: str) -> int | None:
        """Count a failed sign-in; every `lock_after`th in a row locks the account until `lock_until`.

        Returns the failures in a row so far, or None if there is no such admin.
        """
        with self.transaction():
            row = self._conn.execute("SELECT failed_count FROM admins WHERE username = ?", (username,)).fetchone()
            if row is None:
                return None
            failures = row["failed_count"] + 1
            lock = lock_until if failures % lock_after == 0 else None
            self._conn.execute("UPDATE admins SET failed_count = ?, locked_until = COALESCE(?, locked_until) "
                               "WHERE username = ?", (failures, lock, username))
        return failures

    def reset_failures(self, username: str, signed_in: bool = True) -> None:
        """Clear the failure count and lock; a successful sign-in also records its time."""
        with self.transaction():
            self._conn.execute(
                "UPDATE admins SET failed_count = 0, locked_until = NULL, "
                "last_sign_in = CASE WHEN ? THEN ? ELSE last_sign_in END WHERE username = ?",
                (signed_in, utc_now(), username))

    def audit(self, actor: str | None, action: str, detail: dict | None = None,
              address: str | None = None) -> int:
        """Append an event to the audit log (who did what, from where); returns its id."""
        with self.transaction():
            cursor = self._conn.execute(
                "INSERT INTO audit (at, actor, action, detail, address) VALUES (?, ?, ?, ?, ?)",
                (utc_now(), actor, action, None if detail is None else json.dumps(detail, ensure_ascii=False),
                 address))
            return cursor.lastrowid

    def audit_log(self, limit: int = 50, offset: int = 0) -> list[dict]:
        """Events of the audit log, newest first."""
        rows = self._query("SELECT * FROM audit ORDER BY id DESC LIMIT ? OFFSET ?", (limit, offset))
        return [{**dict(row), "detail": json.loads(row["detail"]) if row["detail"] else None} for row in rows]

    # --- crawl schedules ---------------------------------------------------------------

    def set_schedule(self, site: str, every_hours: float | None = None, at_time: str | None = None,
                     timezone: str | None = None, now: datetime | None = None) -> dict:
        """Crawl `site` every `every_hours` hours or daily at `at_time` ("HH:MM"): exactly one.

        Replaces the site's rule (its last run and on/off state are kept; a new schedule is on)
        and sets the next run after `now`. ScheduleError (a ValueError) if the rule is invalid.
        """
        if not site or not isinstance(site, str):
            raise schedule_rules.ScheduleError("site", "a schedule needs a site")
        every_hours, at_time = schedule_rules.check(every_hours, at_time)
        zone = schedule_rules.check_timezone(timezone)
        moment = now or datetime.now(_UTC)
        rule = {"every_hours": every_hours, "at_time": at_time, "timezone": zone}
        stamp = schedule_rules.iso(moment)
        with self.transaction():
            row = self._conn.execute("SELECT enabled FROM schedules WHERE site = ?", (site,)).fetchone()
            enabled = bool(row["enabled"]) if row else True
            following = schedule_rules.iso(schedule_rules.next_run(rule, moment)) if enabled else None
            self._conn.execute(
                """INSERT INTO schedules (site, every_hours, at_time, timezone, enabled, next_run, created, updated)
                   VALUES (?, ?, ?, ?, 1, ?, ?, ?)
                   ON CONFLICT (site) DO UPDATE SET
                     every_hours = excluded.every_hours, at_time = excluded.at_time,
                     timezone = excluded.timezone, next_run = ?, updated = excluded.updated""",
                (site, every_hours, at_time, zone, following, stamp, stamp, following))
        return self.get_schedule(site)

    def enable_schedule(self, site: str, enabled: bool, now: datetime | None = None) -> bool:
        """Turn a schedule on (its next run counted from `now`) or off; False if there is none."""
        with self.transaction():
            row = self._conn.execute("SELECT * FROM schedules WHERE site = ?", (site,)).fetchone()
            if row is None:
                return False
            moment = now or datetime.now(_UTC)
            following = schedule_rules.iso(schedule_rules.next_run(dict(row), moment)) if enabled else None
            self._conn.execute("UPDATE schedules SET enabled = ?, next_run = ?, updated = ? WHERE site = ?",
                               (int(bool(enabled)), following, schedule_rules.iso(moment), site))
        return True

    def remove_schedule(self, site: str) -> bool:
        """Forget the site's schedule; False if it had none."""
        with self.transaction():
            cursor = self._conn.execute("DELETE FROM schedules WHERE site = ?", (site,))
        return cursor.rowcount > 0

    def get_schedule(self, site: str) -> dict | None:
        row = self._query_one("SELECT * FROM schedules WHERE site = ?", (site,))
        return _schedule_dict(row) if row else None

    def schedules(self) -> list[dict]:
        return [_schedule_dict(row) for row in self._query("SELECT * FROM schedules ORDER BY site")]

    def due_schedules(self, now: datetime | None = None) -> list[dict]:
        """The schedules that are on and whose next run is at or before `now`, most overdue first."""
        moment = schedule_rules.iso(now or datetime.now(_UTC))
        rows = self._query("SELECT * FROM schedules WHERE enabled = 1 AND next_run IS NOT NULL AND next_run <= ? "
                           "ORDER BY next_run, site", (moment,))
        return [_schedule_dict(row) for row in rows]

    def claim_schedule(self, site: str, expected_next_run: str, next_run: str) -> bool:
        """Move a due schedule's next run on, only if it is still `expected_next_run` (nobody else
        claimed this run meanwhile); True if this caller won the run."""
        with self.transaction():
            cursor = self._conn.execute(
                "UPDATE schedules SET next_run = ? WHERE site = ? AND enabled = 1 AND next_run = ?",
                (next_run, site, expected_next_run))
        return cursor.rowcount > 0

    def mark_schedule_run(self, site: str, job_id: int | None, next_run: str,
                          ran_at: str | None = None) -> bool:
        """Record a scheduled run: when it started (default now), its job, the next run."""
        with self.transaction():
            cursor = self._conn.execute(
                "UPDATE schedules SET last_run = ?, last_job = ?, next_run = ? WHERE site = ?",
                (ran_at or utc_now(), job_id, next_run, site))
        return cursor.rowcount > 0

    # --- meta --------------------------------------------------------------------------

    def get_meta(self, key: str, default=None):
        row = self._query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return row["value"] if row else default

    def set_meta(self, key: str, value) -> None:
        """Store a str, int, float or None under `key`."""
        with self.transaction():
            self._conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def _site_dict(row: sqlite3.Row) -> dict:
    site = dict(row)
    site["enabled"] = bool(site["enabled"])
    return site


def _job_dict(row: sqlite3.Row) -> dict:
    job = dict(row)
    job["stats"] = json.loads(job["stats"]) if job["stats"] else None
    return job


def _schedule_dict(row: sqlite3.Row) -> dict:
    schedule = dict(row)
    schedule["enabled"] = bool(schedule["enabled"])
    return schedule
