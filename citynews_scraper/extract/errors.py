"""The documented extraction errors: every expected failure is one of these, with a message
that a user can read as one line (``not an article page: showmessage "…"``)."""

from __future__ import annotations


class ExtractionError(Exception):
    """Base class. `kind` is the stable slug used in stats keys and manifests."""

    kind = "extraction_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class EmptyBody(ExtractionError):
    kind = "empty_body"

    def __init__(self) -> None:
        super().__init__("empty body: the page has no bytes")


class BinaryBody(ExtractionError):
    kind = "binary_body"

    def __init__(self, what: str) -> None:
        super().__init__(f"not an HTML page: binary body ({what})")


class NotAnArticle(ExtractionError):
    """The page is HTML but not an article: a message page, a list page, an anti-scraping page."""

    kind = "not_an_article"

    def __init__(self, reason: str, kind: str = "not_an_article") -> None:
        super().__init__(f"not an article page: {reason}")
        self.kind = kind


class UnknownLayout(ExtractionError):
    kind = "unknown_layout"

    def __init__(self, reason: str) -> None:
        super().__init__(f"unknown layout: {reason}")


class MergeError(ExtractionError):
    kind = "merge_error"

    def __init__(self, reason: str) -> None:
        super().__init__(f"cannot merge pages: {reason}")
