"""`govnews demo`: the bundled sample portal served on loopback, crawled, indexed, and the UI served."""
import json

from archive.store import Store
from indexer.build import update_index
from scraper.profiles import load_all_profiles
from scraper.runner import CrawlTarget, run_crawls
from scraper.settings import LOOPBACK

from .config import Paths
from .sample_portal import SamplePortal


def sample_targets(origins: dict[str, str], data_dir=None) -> list[CrawlTarget]:
    """A profile's crawl where the site has one (bundled, or saved in data_dir); a generic crawl of
    the mirror's start page otherwise."""
    profiles = load_all_profiles(data_dir)
    targets = []
    for site, origin in sorted(origins.items()):
        if site in profiles:
            targets.append(CrawlTarget(site=site, profile=profiles[site], origin=origin))
        else:
            targets.append(CrawlTarget(site=site, start_urls=(origin + "/",)))
    return targets


def crawl_arguments(origins: dict[str, str]) -> list[str]:
    """`govnews crawl` arguments that crawl every sample site from its loopback mirror."""
    sites, options = [], []
    for target in sample_targets(origins):
        if target.profile:
            sites.append(target.site)
            options += ["--origin", f"{target.site}={target.origin}"]
        else:
            options += ["--start-url", target.start_urls[0]]
    for name, value in LOOPBACK.items():
        options += ["-s", f"{name}={value}"]
    return ["crawl", *sites, *options]


def run_demo(where: Paths, port: int = 8000, serve: bool = True) -> int:
    where.data.mkdir(parents=True, exist_ok=True)
    with SamplePortal() as portal:
        print("govnews demo: sample portal on " + ", ".join(f"{s} → {o}" for s, o in sorted(portal.origins.items())))
        job_ids = run_crawls(where.data, sample_targets(portal.origins, where.data), LOOPBACK)
    with Store(where.archive) as store:
        for job_id in job_ids:
            job = store.get_job(job_id)
            print(f"govnews demo: crawled {job['site']}: {job['state']} {json.dumps(job.get('stats') or {})}")
        result = update_index(store, where.index)
        print(f"govnews demo: {result['indexed']} records indexed, {store.count()} in the archive")
    if not serve:
        return 0
    from webui.app import create_app

    print(f"govnews demo: open http://127.0.0.1:{port}/  (Ctrl-C stops)", flush=True)
    create_app(where.data).run(host="127.0.0.1", port=port, threaded=True)
    return 0
