"""Loaded with `-p` before pytest-django reads the settings: give each test run its own
data directory, so tests never touch ./data (the demo's) or each other's files."""

import os
import tempfile

os.environ.setdefault("UNIONWATCH_DATA_DIR", tempfile.mkdtemp(prefix="unionwatch-test-"))
# Playwright's sync API runs an event loop in the test thread; Django's ORM would
# refuse to run there without this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
