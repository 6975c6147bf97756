import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = SHARED / "samples" / "iran-turkiye-2024-10-21.txt"


def missing_shared(what: str) -> None:
    """Without ../shared a test cannot run: skipped on a developer's machine,
    a failure under CI=true, where ../shared is always beside the checkout."""
    message = f"{what} is not beside the repository"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared, the gold sets and samples beside the checkout."""
    if not (SHARED / "eval").is_dir():
        missing_shared("../shared/eval")
    return SHARED


@pytest.fixture(scope="session")
def sample_text() -> str:
    if not SAMPLE.exists():
        missing_shared("../shared/samples")
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def parse():
    from eventwire.nlp.parse import parse

    return parse


@pytest.fixture(scope="session")
def sample_record(sample_text):
    import eventwire

    return eventwire.code_text(sample_text, published="2024-10-21", id="iran-turkiye-2024-10-21")
