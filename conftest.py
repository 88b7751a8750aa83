"""Repository-level pytest hooks. The test data directory is set up earlier, by the
plugin `unionwatch.testing.pytest_plugin` (see addopts in pyproject.toml)."""
