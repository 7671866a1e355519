"""One exception tree for claimwatch, with coded messages.

    ClaimwatchError
     ├── IngestError            E1xx  the input could not become an article
     │    ├── EmptyInput        E101
     │    ├── BinaryInput       E102
     │    ├── EncodingError     E103
     │    ├── TooLarge          E104
     │    ├── NotEnglish        E105
     │    ├── BadHTML           E106
     │    ├── BadFeed           E107
     │    ├── BadJSONL          E108
     │    ├── BadTelegram       E109
     │    ├── BadDate           E110
     │    ├── UnknownFormat     E111
     │    └── UnreadableInput   E112
     ├── ExtractError           E2xx  a component failed on an article
     │    └── PipelineConfigError E201  a component's requirements are not met
     ├── ResolveError           E3xx  cross-report resolution
     ├── StoreError             E4xx  the database
     │    ├── NotFound          E401
     │    └── SchemaError       E402
     └── ServeError             E5xx  CLI and API usage
          └── UsageError        E501

The library raises; the boundaries (CLI, API, batch runner) turn errors into a one-line message,
an exit code or an error envelope, and record failed inputs in the failures table.
"""
from __future__ import annotations


class ClaimwatchError(Exception):
    code = "E000"
    template = "{detail}"

    def __init__(self, detail: str = "", **context: object) -> None:
        self.detail = detail
        self.context = context
        super().__init__(f"[{self.code}] {self.template.format(detail=detail, **context)}")

    @property
    def message(self) -> str:
        return str(self)


class IngestError(ClaimwatchError):
    code = "E100"


class EmptyInput(IngestError):
    code = "E101"
    template = "input holds no text: {detail}"


class BinaryInput(IngestError):
    code = "E102"
    template = "input looks binary, not text: {detail}"


class EncodingError(IngestError):
    code = "E103"
    template = "input is not valid UTF-8: {detail}"


class TooLarge(IngestError):
    code = "E104"
    template = "input is larger than the limit: {detail}"


class NotEnglish(IngestError):
    code = "E105"
    template = "input does not look like English: {detail}"


class BadHTML(IngestError):
    code = "E106"
    template = "no article text could be extracted from HTML: {detail}"


class BadFeed(IngestError):
    code = "E107"
    template = "feed could not be parsed: {detail}"


class BadJSONL(IngestError):
    code = "E108"
    template = "bad JSONL line: {detail}"


class BadTelegram(IngestError):
    code = "E109"
    template = "not a Telegram channel export: {detail}"


class BadDate(IngestError):
    code = "E110"
    template = "publication date is not YYYY-MM-DD: {detail}"


class UnknownFormat(IngestError):
    code = "E111"
    template = "cannot tell what kind of input this is: {detail}"


class UnreadableInput(IngestError):
    code = "E112"
    template = "input cannot be read: {detail}"


class ExtractError(ClaimwatchError):
    code = "E200"
    template = "extraction failed: {detail}"


class PipelineConfigError(ExtractError):
    code = "E201"
    template = "pipeline misconfigured: {detail}"


class ResolveError(ClaimwatchError):
    code = "E300"
    template = "resolution failed: {detail}"


class StoreError(ClaimwatchError):
    code = "E400"
    template = "database error: {detail}"


class NotFound(StoreError):
    code = "E401"
    template = "not found: {detail}"


class SchemaError(StoreError):
    code = "E402"
    template = "database schema problem: {detail}"


class ServeError(ClaimwatchError):
    code = "E500"


class UsageError(ServeError):
    code = "E501"
    template = "bad usage: {detail}"
