"""The article record, schema version 1: the JSONL contract with every user.

`Article` mirrors ``shared/reference/record-v1.md`` field by field, in its key order.
`None` means "not on the page"; collections are empty instead of `None`.
The JSON Schema shipped in ``citynews_scraper/schema/record-v1.schema.json`` is the
machine-readable form of the same contract; :func:`validate_record` checks against it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

SCHEMA_VERSION = 1
SCHEMA_FILE = "record-v1.schema.json"


@dataclass
class Image:
    """One body image. `src` is absolute and names the full-size file where the page has one."""

    src: str
    caption: str | None = None
    alt: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"src": self.src, "caption": self.caption, "alt": self.alt}


@dataclass
class Article:
    """One article, in record-v1 key order (see the module docstring for the contract)."""

    url: str
    title: str
    cms: str
    encoding: str
    encoding_source: str
    fetched_at: str
    site: str | None = None
    article_id: str | None = None
    publisher: str | None = None
    author: str | None = None
    source: str | None = None
    source_url: str | None = None
    published_at: str | None = None
    published_at_raw: str | None = None
    category: list[str] = field(default_factory=list)
    summary: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    reactions: dict[str, int] = field(default_factory=dict)
    views: int | None = None
    comments: int | None = None
    pages: int = 1
    lang: str | None = None
    repairs: list[str] = field(default_factory=list)
    quality_flags: list[str] = field(default_factory=list)
    content_hash: str = ""
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The record as a dict in record-v1 key order."""
        return {
            "schema_version": self.schema_version,
            "url": self.url,
            "site": self.site,
            "cms": self.cms,
            "article_id": self.article_id,
            "title": self.title,
            "publisher": self.publisher,
            "author": self.author,
            "source": self.source,
            "source_url": self.source_url,
            "published_at": self.published_at,
            "published_at_raw": self.published_at_raw,
            "category": list(self.category),
            "summary": self.summary,
            "paragraphs": list(self.paragraphs),
            "images": [image.to_dict() for image in self.images],
            "reactions": dict(self.reactions),
            "views": self.views,
            "comments": self.comments,
            "pages": self.pages,
            "lang": self.lang,
            "encoding": self.encoding,
            "encoding_source": self.encoding_source,
            "repairs": list(self.repairs),
            "quality_flags": list(self.quality_flags),
            "fetched_at": self.fetched_at,
            "content_hash": self.content_hash,
        }

    def to_json(self) -> str:
        """One JSONL line (without the newline): UTF-8 text, CJK unescaped."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article from a record dict (e.g. a line read back from a dump)."""
        values = dict(data)
        values["images"] = [Image(**image) for image in values.get("images", [])]
        return cls(**values)


def content_hash(title: str, paragraphs: list[str]) -> str:
    """SHA-256 hex of the normalised title and paragraphs: same text, same hash."""
    digest = hashlib.sha256(title.encode("utf-8"))
    for paragraph in paragraphs:
        digest.update(b"\n")
        digest.update(paragraph.encode("utf-8"))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The record-v1 JSON Schema shipped inside the package."""
    text = resources.files("citynews_scraper.schema").joinpath(SCHEMA_FILE).read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    schema = load_schema()
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def schema_errors(record: dict[str, Any]) -> list[str]:
    """Every way `record` breaks record-v1, as `path: message` strings (empty when valid)."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}" for e in errors]


def validate_record(record: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` when `record` breaks record-v1."""
    _validator().validate(record)
