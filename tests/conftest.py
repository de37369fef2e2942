import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT.parent / "shared" / "data"


def seed(prefix: str) -> str:
    return str(next(SEEDS.glob(f"{prefix}_*.txt")))


@pytest.fixture(autouse=True, scope="session")
def _private_embedding_cache(tmp_path_factory):
    # Tests must neither read a developer's cache nor leave one behind.
    os.environ["ALIGN_CACHE_DIR"] = str(tmp_path_factory.mktemp("embedding-cache"))


@pytest.fixture(scope="session")
def use_encoder():
    from align.encoders import load_encoder

    return load_encoder("use", cache=False)


def seed_lines(prefix: str) -> list[str]:
    """The lines of a seed file, so a test can quote the paragraph a README line points at."""
    return Path(seed(prefix)).read_text(encoding="utf-8").splitlines()
