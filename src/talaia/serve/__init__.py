"""``talaia serve``: the REST API (FastAPI) over the Python API, with offline docs (docs/API.md)."""

from talaia.serve.app import create_app
from talaia.serve.settings import DEFAULT_HOST, DEFAULT_PORT, ServeSettings

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "ServeSettings", "create_app"]
