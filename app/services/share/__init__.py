"""Sync with the central share: a folder on a network file server (or the
local default under the data dir) that many laptops write to.

Modules: ``layout`` (folders, marker, init/check), ``fs`` (the one file-system
layer), ``package`` (build/read signed packages), ``signing`` (device keys),
``publish`` (atomic, exactly-once publish), ``sync_runner`` (push a batch),
``pull`` (published templates and unit registers), ``handover`` (work handed
to a colleague), ``catalog`` (what is on the share, conflicts, verification),
``errors`` (Swedish messages). See docs/share-layout.md.
"""

from app.services.share.errors import PackageError, ShareError
from app.services.share.layout import Share, ShareInfo
from app.services.share.package import Package, PackageMeta, build_package, read_package
from app.services.share.publish import PublishResult, publish_package
from app.services.share.signing import SigningKey, TrustedKey, load_or_create_key
from app.services.share.sync_runner import PushItem, SyncSummary, push_all

__all__ = [
    "Package",
    "PackageError",
    "PackageMeta",
    "PublishResult",
    "PushItem",
    "Share",
    "ShareError",
    "ShareInfo",
    "SigningKey",
    "SyncSummary",
    "TrustedKey",
    "build_package",
    "load_or_create_key",
    "publish_package",
    "push_all",
    "read_package",
]
