"""Where things live: the data directory and the paths inside it."""
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Paths:
    data: Path

    @property
    def archive(self) -> Path:
        return self.data / "archive.sqlite3"

    @property
    def index(self) -> Path:
        return self.data / "index"

    @property
    def jobs(self) -> Path:
        return self.data / "jobs"


def resolve_data_dir(flag: str | None) -> Path:
    """--data DIR, else $GOVNEWS_DATA, else ./data."""
    return Path(flag or os.environ.get("GOVNEWS_DATA") or "data").resolve()


def paths(flag: str | None = None) -> Paths:
    return Paths(resolve_data_dir(flag))
