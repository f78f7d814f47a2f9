"""Doctests in ``quotes/`` run against the same Stanza models as the tests.

The examples in docstrings call the real pipeline; when ``STANZA_RESOURCES_DIR`` is not set and
the shared development models sit beside the checkout, they point it there (the tests' own
``stanza_resources`` fixture in ``tests/conftest.py`` does the same for the test modules).
"""

from __future__ import annotations

import os
from pathlib import Path

SHARED_STANZA = Path(__file__).resolve().parent.parent / "shared" / "stanza_resources"

if not os.environ.get("STANZA_RESOURCES_DIR") and (SHARED_STANZA / "en").is_dir():
    os.environ["STANZA_RESOURCES_DIR"] = str(SHARED_STANZA)
