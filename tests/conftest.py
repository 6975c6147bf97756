from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = SHARED / "samples" / "iran-turkiye-2024-10-21.txt"


@pytest.fixture(scope="session")
def sample_text() -> str:
    if not SAMPLE.exists():
        pytest.skip("../shared/samples is not beside the repository")
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def parse():
    from eventwire.nlp.parse import parse

    return parse


@pytest.fixture(scope="session")
def sample_record(sample_text):
    import eventwire

    return eventwire.code_text(sample_text, published="2024-10-21", id="iran-turkiye-2024-10-21")
