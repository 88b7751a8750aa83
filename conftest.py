"""Loaded by pytest before Django settings: give the test run its own data directory."""

import os
import tempfile

os.environ.setdefault("UNIONWATCH_DATA_DIR", tempfile.mkdtemp(prefix="unionwatch-test-"))
# Playwright's sync API runs an event loop in the test thread; Django's ORM would
# refuse to run there without this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
