"""Talaia's exceptions: one tree, each error with a short stable code.

    TalaiaError
    ├── InputError                 the input as a whole cannot be read (exit status 2)
    ├── DocumentError              one document cannot be processed; the batch goes on
    │   ├── EmptyDocumentError         E101 empty
    │   ├── BinaryDocumentError        E102 binary
    │   ├── EncodingError              E103 encoding
    │   ├── DocumentTooLargeError      E104 too-large
    │   ├── MalformedRecordError       E105 malformed-json / E106 bad-record
    │   └── ProcessingError            E110 processing (a pipeline component failed)
    ├── PipelineConfigError        E201 a pipeline that cannot be built
    ├── ModelUnavailableError      E202 a language model is not installed
    ├── KnowledgeError             E203 a knowledge file that cannot be read or fails validation
    ├── StoreError                 E301 the database cannot be opened or migrated
    │   └── MissingDatabaseError       E302 no-database (a read-only command on a file that does not exist)
    ├── QueryError                 E401 query: a filter value or an event id that is not valid
    │   └── NotFoundError              E404 not-found: no event, document or actor of that id or name
    ├── AccessError                talaia serve refuses a write
    │   ├── UnauthorizedError          E601 unauthorized: no bearer token, or a wrong one (HTTP 401)
    │   └── ReadOnlyError              E602 read-only: the server was started without a token (HTTP 403)
    ├── BrowserUnavailableError    E701 browser-unavailable: no headless Chromium to print a PDF with
    └── WatchError                 talaia watch: a source that cannot be read this time (the others go on)
        ├── SourcesFileError           E801 sources-file: the sources file cannot be read or is not valid
        ├── FetchError                 E802 fetch: a request failed (network, timeout, HTTP error, too large)
        ├── RobotsError                E803 robots: the site's robots.txt forbids the URL
        ├── FeedError                  E804 feed: a feed or sitemap that cannot be parsed
        └── DeliveryError              E805 delivery: an alert could not be delivered (webhook, file)

Codes are what a script should match on; messages are for people.
"""

from __future__ import annotations


class TalaiaError(Exception):
    """Base of every error Talaia raises on purpose."""

    code = "E100"
    slug = "error"

    def __init__(self, message: str, *, document: str | None = None, doc_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.document = document  # where: "path", "path:line" or the document id
        self.doc_id = doc_id  # the document's own id, when it could be read

    def __str__(self) -> str:
        where = f"{self.document}: " if self.document else ""
        return f"{where}{self.code} {self.slug}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"code": f"{self.code} {self.slug}", "message": self.message}


class InputError(TalaiaError):
    code, slug = "E001", "input"


class DocumentError(TalaiaError):
    code, slug = "E100", "document"


class EmptyDocumentError(DocumentError):
    code, slug = "E101", "empty"


class BinaryDocumentError(DocumentError):
    code, slug = "E102", "binary"


class EncodingError(DocumentError):
    code, slug = "E103", "encoding"


class DocumentTooLargeError(DocumentError):
    code, slug = "E104", "too-large"


class MalformedRecordError(DocumentError):
    code, slug = "E105", "malformed-json"


class BadRecordError(DocumentError):
    code, slug = "E106", "bad-record"


class ProcessingError(DocumentError):
    code, slug = "E110", "processing"


class PipelineConfigError(TalaiaError):
    code, slug = "E201", "pipeline-config"


class ModelUnavailableError(TalaiaError):
    code, slug = "E202", "model-unavailable"


class KnowledgeError(TalaiaError):
    code, slug = "E203", "knowledge"


class StoreError(TalaiaError):
    code, slug = "E301", "store"


class MissingDatabaseError(StoreError):
    code, slug = "E302", "no-database"


class QueryError(TalaiaError, ValueError):
    """A filter value or an id that is not valid; ``field`` names the parameter (e.g. ``sub_event_type``)."""

    code, slug = "E401", "query"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(QueryError):
    """No stored event, document or actor has the id or name asked for."""

    code, slug = "E404", "not-found"


class AccessError(TalaiaError):
    """A request to change data that the server refuses."""

    code, slug = "E600", "access"


class UnauthorizedError(AccessError):
    code, slug = "E601", "unauthorized"


class ReadOnlyError(AccessError):
    code, slug = "E602", "read-only"


class BrowserUnavailableError(TalaiaError):
    """Headless Chromium, which prints briefs to PDF, is missing or failed."""

    code, slug = "E701", "browser-unavailable"


class WatchError(TalaiaError):
    """``talaia watch``: something about one source, article or alert; the others go on."""

    code, slug = "E800", "watch"


class SourcesFileError(WatchError):
    code, slug = "E801", "sources-file"


class FetchError(WatchError):
    """A request that failed after its retries; ``status`` is the last HTTP status (None: no answer)."""

    code, slug = "E802", "fetch"

    def __init__(self, message: str, *, document: str | None = None, status: int | None = None) -> None:
        super().__init__(message, document=document)
        self.status = status


class RobotsError(FetchError):
    code, slug = "E803", "robots"


class FeedError(WatchError):
    code, slug = "E804", "feed"


class DeliveryError(WatchError):
    code, slug = "E805", "delivery"
