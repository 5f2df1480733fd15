"""Version numbers: the package's, and the extractor's (stamped on every stored row)."""

__version__ = "0.1.0"

# Bump when extraction output changes for the same input: stored rows and event ids carry it.
EXTRACTOR_VERSION = "talaia-extract/0.1.0"
