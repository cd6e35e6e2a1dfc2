from google.protobuf import timestamp_pb2 as _timestamp_pb2
from boilerplate_client._proto.google.rpc import status_pb2 as _status_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
REPAIR_MODE_AUTO: RepairMode
REPAIR_MODE_OFF: RepairMode
REPAIR_MODE_ON: RepairMode
REPAIR_MODE_UNSPECIFIED: RepairMode

class AddedLabel(_message.Message):
    __slots__ = ["name", "precision", "recall", "samples"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PRECISION_FIELD_NUMBER: _ClassVar[int]
    RECALL_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    name: str
    precision: float
    recall: float
    samples: int
    def __init__(self, name: _Optional[str] = ..., samples: _Optional[int] = ..., precision: _Optional[float] = ..., recall: _Optional[float] = ...) -> None: ...

class CleanOptions(_message.Message):
    __slots__ = ["bias", "include_html", "include_markdown", "include_paragraphs", "keep_duplicates", "keep_labels", "repair_text", "threshold"]
    BIAS_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_HTML_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_MARKDOWN_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_PARAGRAPHS_FIELD_NUMBER: _ClassVar[int]
    KEEP_DUPLICATES_FIELD_NUMBER: _ClassVar[int]
    KEEP_LABELS_FIELD_NUMBER: _ClassVar[int]
    REPAIR_TEXT_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    bias: float
    include_html: bool
    include_markdown: bool
    include_paragraphs: bool
    keep_duplicates: bool
    keep_labels: _containers.RepeatedScalarFieldContainer[str]
    repair_text: RepairMode
    threshold: float
    def __init__(self, bias: _Optional[float] = ..., threshold: _Optional[float] = ..., keep_labels: _Optional[_Iterable[str]] = ..., include_markdown: bool = ..., include_paragraphs: bool = ..., keep_duplicates: bool = ..., include_html: bool = ..., repair_text: _Optional[_Union[RepairMode, str]] = ...) -> None: ...

class CleanRequest(_message.Message):
    __slots__ = ["content_type", "html", "html_bytes", "id", "options", "paragraphs", "text", "url"]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    HTML_BYTES_FIELD_NUMBER: _ClassVar[int]
    HTML_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    PARAGRAPHS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    content_type: str
    html: str
    html_bytes: bytes
    id: str
    options: CleanOptions
    paragraphs: ParagraphList
    text: str
    url: str
    def __init__(self, id: _Optional[str] = ..., html: _Optional[str] = ..., html_bytes: _Optional[bytes] = ..., text: _Optional[str] = ..., paragraphs: _Optional[_Union[ParagraphList, _Mapping]] = ..., url: _Optional[str] = ..., content_type: _Optional[str] = ..., options: _Optional[_Union[CleanOptions, _Mapping]] = ...) -> None: ...

class CleanResponse(_message.Message):
    __slots__ = ["error", "html", "id", "markdown", "metadata", "model_version", "page_type", "paragraphs", "stats", "text", "title"]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    HTML_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    MARKDOWN_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    MODEL_VERSION_FIELD_NUMBER: _ClassVar[int]
    PAGE_TYPE_FIELD_NUMBER: _ClassVar[int]
    PARAGRAPHS_FIELD_NUMBER: _ClassVar[int]
    STATS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    error: _status_pb2.Status
    html: str
    id: str
    markdown: str
    metadata: PageMetadata
    model_version: str
    page_type: str
    paragraphs: _containers.RepeatedCompositeFieldContainer[Paragraph]
    stats: CleanStats
    text: str
    title: str
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., text: _Optional[str] = ..., markdown: _Optional[str] = ..., paragraphs: _Optional[_Iterable[_Union[Paragraph, _Mapping]]] = ..., model_version: _Optional[str] = ..., stats: _Optional[_Union[CleanStats, _Mapping]] = ..., page_type: _Optional[str] = ..., error: _Optional[_Union[_status_pb2.Status, _Mapping]] = ..., html: _Optional[str] = ..., metadata: _Optional[_Union[PageMetadata, _Mapping]] = ...) -> None: ...

class CleanStats(_message.Message):
    __slots__ = ["elapsed_micros", "kept", "paragraphs", "repairs"]
    ELAPSED_MICROS_FIELD_NUMBER: _ClassVar[int]
    KEPT_FIELD_NUMBER: _ClassVar[int]
    PARAGRAPHS_FIELD_NUMBER: _ClassVar[int]
    REPAIRS_FIELD_NUMBER: _ClassVar[int]
    elapsed_micros: int
    kept: int
    paragraphs: int
    repairs: int
    def __init__(self, paragraphs: _Optional[int] = ..., kept: _Optional[int] = ..., elapsed_micros: _Optional[int] = ..., repairs: _Optional[int] = ...) -> None: ...

class GetModelInfoRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ModelInfo(_message.Message):
    __slots__ = ["added_labels", "created_at", "feature_schema_version", "labels", "loaded_at", "metrics", "mlnet_version", "page_types", "source", "trainer", "training_data", "version"]
    class MetricsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    ADDED_LABELS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    FEATURE_SCHEMA_VERSION_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    LOADED_AT_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    MLNET_VERSION_FIELD_NUMBER: _ClassVar[int]
    PAGE_TYPES_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    TRAINER_FIELD_NUMBER: _ClassVar[int]
    TRAINING_DATA_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    added_labels: _containers.RepeatedCompositeFieldContainer[AddedLabel]
    created_at: _timestamp_pb2.Timestamp
    feature_schema_version: int
    labels: _containers.RepeatedScalarFieldContainer[str]
    loaded_at: _timestamp_pb2.Timestamp
    metrics: _containers.ScalarMap[str, float]
    mlnet_version: str
    page_types: _containers.RepeatedScalarFieldContainer[str]
    source: str
    trainer: str
    training_data: str
    version: str
    def __init__(self, version: _Optional[str] = ..., labels: _Optional[_Iterable[str]] = ..., created_at: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., mlnet_version: _Optional[str] = ..., feature_schema_version: _Optional[int] = ..., trainer: _Optional[str] = ..., training_data: _Optional[str] = ..., metrics: _Optional[_Mapping[str, float]] = ..., source: _Optional[str] = ..., loaded_at: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., page_types: _Optional[_Iterable[str]] = ..., added_labels: _Optional[_Iterable[_Union[AddedLabel, _Mapping]]] = ...) -> None: ...

class PageMetadata(_message.Message):
    __slots__ = ["authors", "canonical_url", "description", "headline", "image_url", "language", "language_detected", "modified_time", "published_time", "site_name", "tags"]
    AUTHORS_FIELD_NUMBER: _ClassVar[int]
    CANONICAL_URL_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    HEADLINE_FIELD_NUMBER: _ClassVar[int]
    IMAGE_URL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_DETECTED_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_TIME_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_TIME_FIELD_NUMBER: _ClassVar[int]
    SITE_NAME_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    authors: _containers.RepeatedScalarFieldContainer[str]
    canonical_url: str
    description: str
    headline: str
    image_url: str
    language: str
    language_detected: bool
    modified_time: _timestamp_pb2.Timestamp
    published_time: _timestamp_pb2.Timestamp
    site_name: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, authors: _Optional[_Iterable[str]] = ..., published_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., modified_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., language: _Optional[str] = ..., site_name: _Optional[str] = ..., canonical_url: _Optional[str] = ..., description: _Optional[str] = ..., image_url: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., headline: _Optional[str] = ..., language_detected: bool = ...) -> None: ...

class Paragraph(_message.Message):
    __slots__ = ["heading_level", "kept", "kind", "label", "reason", "repairs", "scores", "text"]
    class ScoresEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    HEADING_LEVEL_FIELD_NUMBER: _ClassVar[int]
    KEPT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REPAIRS_FIELD_NUMBER: _ClassVar[int]
    SCORES_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    heading_level: int
    kept: bool
    kind: str
    label: str
    reason: str
    repairs: _containers.RepeatedCompositeFieldContainer[TextRepair]
    scores: _containers.ScalarMap[str, float]
    text: str
    def __init__(self, text: _Optional[str] = ..., label: _Optional[str] = ..., scores: _Optional[_Mapping[str, float]] = ..., kept: bool = ..., reason: _Optional[str] = ..., kind: _Optional[str] = ..., heading_level: _Optional[int] = ..., repairs: _Optional[_Iterable[_Union[TextRepair, _Mapping]]] = ...) -> None: ...

class ParagraphList(_message.Message):
    __slots__ = ["items"]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, items: _Optional[_Iterable[str]] = ...) -> None: ...

class ReloadModelRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class TextRepair(_message.Message):
    __slots__ = ["offset", "original", "replacement"]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_FIELD_NUMBER: _ClassVar[int]
    REPLACEMENT_FIELD_NUMBER: _ClassVar[int]
    offset: int
    original: str
    replacement: str
    def __init__(self, offset: _Optional[int] = ..., original: _Optional[str] = ..., replacement: _Optional[str] = ...) -> None: ...

class RepairMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
