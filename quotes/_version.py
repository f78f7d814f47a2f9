"""The package version, kept apart so light modules (the report) can read it without the extraction stack."""

__version__ = "0.1.0"
