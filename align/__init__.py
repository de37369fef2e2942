"""align: pair the sentences of a text and its translation, and tell what was left out, added,
moved, split, merged or changed.

    >>> from align import align_pair
    >>> result = align_pair("original.txt", "reprint.txt")
    >>> print(result.to_json())
"""
__version__ = "0.1.0"

from .errors import AlignError, InputError, ModelError  # noqa: E402
from .model import (  # noqa: E402
    AlignmentResult, Bead, CollectionResult, Document, Finding, Sentence, VersionsResult,
)


def __getattr__(name):
    # The pipeline pulls in numpy, the segmenters and the encoders; import it only when the API is
    # used, so `import align` (and `align --help`) stay instant.
    if name in ("align_pair", "align_sentences", "AlignConfig", "AuditThresholds"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "group_documents":
        from .collection import group_documents

        return group_documents
    if name == "compare_versions":
        from .versions import compare_versions

        return compare_versions
    raise AttributeError(name)


__all__ = [
    "__version__", "align_pair", "align_sentences", "group_documents", "compare_versions", "AlignConfig",
    "AuditThresholds", "AlignmentResult", "Bead", "CollectionResult", "Document", "Finding", "Sentence",
    "VersionsResult",
    "AlignError", "InputError", "ModelError",
]
