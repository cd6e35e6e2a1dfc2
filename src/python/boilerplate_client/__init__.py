"""Python client of the Boilerplate service (boilerplate.v1) and a Scrapy item pipeline.

The generated messages are re-exported here (``CleanRequest``, ``CleanOptions``...), so callers need not import
from the private ``_proto`` package.
"""

from ._proto.boilerplate.v1.boilerplate_pb2 import (
    CleanOptions,
    CleanRequest,
    CleanResponse,
    CleanStats,
    ModelInfo,
    PageMetadata,
    Paragraph,
    ParagraphList,
    RepairMode,
    TextRepair,
)
from .client import NO_RETRY, BoilerplateClient, RetryPolicy
from .errors import (
    AuthenticationError,
    BoilerplateError,
    FieldViolation,
    PageRefusedError,
    RetryLaterError,
    error_from_status,
    page_error,
)

__version__ = "1.0.0"

__all__ = [
    "AuthenticationError",
    "BoilerplateClient",
    "BoilerplateError",
    "CleanOptions",
    "CleanRequest",
    "CleanResponse",
    "CleanStats",
    "FieldViolation",
    "ModelInfo",
    "NO_RETRY",
    "PageMetadata",
    "PageRefusedError",
    "Paragraph",
    "ParagraphList",
    "RepairMode",
    "RetryLaterError",
    "RetryPolicy",
    "TextRepair",
    "error_from_status",
    "page_error",
]
