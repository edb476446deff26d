"""Errors from the central share, each with a Swedish message naming the path.

A failing share is an environment problem, not a bug: the officer is told
what happened and where, and that the next sync will pick up where this one
stopped. ``translate_os_error`` turns the many ways a file system can say
"no" (POSIX errno values and the Windows error codes a mapped drive gives)
into one of a few kinds.
"""

from __future__ import annotations

import errno
from pathlib import Path

from app.errors import Message, UserFacingError

# The verbs callers pass as ``action``, as messages so the UI can translate them.
_ACTIONS = {
    "läsa": Message("läsa"), "läsa innehållet i": Message("läsa innehållet i"),
    "skriva": Message("skriva"), "spara": Message("spara"), "skapa": Message("skapa"),
    "flytta": Message("flytta"), "flytta undan": Message("flytta undan"),
    "ta bort": Message("ta bort"), "öppna": Message("öppna"), "nå": Message("nå"),
}


class ShareError(UserFacingError):
    """Base for every share problem; ``path`` is the file or folder involved."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class ShareUnavailableError(ShareError):
    """The share is not mounted, the server does not answer, or the folder is gone."""


class SharePermissionError(ShareError):
    pass


class ShareFullError(ShareError):
    pass


class ShareBusyError(ShareError):
    """Another program (antivirus, indexer, a viewer) holds the file open."""


class ShareIOError(ShareError):
    pass


class ShareNotInitialisedError(ShareError):
    """The folder exists but holds no share marker: probably the wrong folder."""


class ShareFormatError(ShareError):
    """The marker is unreadable or from a newer, unknown share format."""


class PackageError(ShareError):
    """A package failed verification; ``reason`` says why in Swedish."""

    def __init__(self, reason: str, path: Path | str | None = None) -> None:
        # A literal reason has its own entry in the translation.
        reason = reason if isinstance(reason, Message) else Message(reason)
        if path is None:
            message = Message("Paketet kan inte användas: {reason}", reason=reason)
        else:
            message = Message("Paketet {path} kan inte användas: {reason}",
                              path=path, reason=reason)
        super().__init__(message, path)
        self.reason = reason


class PullRefusedError(ShareError):
    """A published template or unit register did not pass validation."""

    def __init__(self, reason: str, path: Path | str) -> None:
        reason = reason if isinstance(reason, Message) else Message(reason)
        super().__init__(Message(
            "Filen {path} från den centrala mappen togs inte i bruk: {reason} "
            "Den version som redan används gäller fortfarande.", path=path, reason=reason), path)
        self.reason = reason


class KeyStorageError(ShareError):
    pass


# Windows error codes seen on mapped drives and UNC paths.
_WIN_UNAVAILABLE = {
    2,  # ERROR_FILE_NOT_FOUND
    3,  # ERROR_PATH_NOT_FOUND
    21,  # ERROR_NOT_READY
    53,  # ERROR_BAD_NETPATH
    59,  # ERROR_UNEXP_NET_ERR
    64,  # ERROR_NETNAME_DELETED
    67,  # ERROR_BAD_NET_NAME
    1231,  # ERROR_NETWORK_UNREACHABLE
    1232,  # ERROR_HOST_UNREACHABLE
}
_WIN_PERMISSION = {5, 65, 1326}  # access denied, network access denied, logon failure
_WIN_FULL = {39, 112, 1295}  # handle disk full, disk full, quota
_WIN_BUSY = {32, 33}  # sharing violation, lock violation

_ERRNO_UNAVAILABLE = {
    errno.ENOENT,
    errno.ENOTDIR,
    errno.ENOTCONN,
    errno.ESTALE,
    errno.EHOSTDOWN,
    errno.EHOSTUNREACH,
    errno.ENETDOWN,
    errno.ENETUNREACH,
    errno.ETIMEDOUT,
    errno.ECONNRESET,
    errno.ECONNABORTED,
    errno.ENODEV,
}
_ERRNO_PERMISSION = {errno.EACCES, errno.EPERM, errno.EROFS}
_ERRNO_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def is_busy(exc: OSError) -> bool:
    return getattr(exc, "winerror", None) in _WIN_BUSY


def translate_os_error(exc: OSError, path: Path | str, action: str) -> ShareError:
    """Map an OSError to a ShareError; ``action`` is a Swedish verb phrase
    such as "skriva" or "läsa" and goes into the message."""
    winerror = getattr(exc, "winerror", None)
    code = exc.errno
    detail = exc.strerror or str(exc)
    verb = _ACTIONS.get(action, action)
    # Each message says in full that nothing is lost: the translator sees whole sentences.
    if winerror in _WIN_BUSY:
        return ShareBusyError(Message(
            "Filen {path} används av ett annat program (till exempel antivirus eller "
            "en förhandsvisning), så det gick inte att {action} den. Inget har gått "
            "förlorat; synkroniseringen kan köras igen.", path=path, action=verb), path)
    if winerror in _WIN_FULL or code in _ERRNO_FULL:
        return ShareFullError(Message(
            "Den centrala mappen är full: det gick inte att {action} {path}. "
            "Be IT frigöra utrymme på servern. Inget har gått förlorat; "
            "synkroniseringen kan köras igen.", path=path, action=verb), path)
    if winerror in _WIN_PERMISSION or code in _ERRNO_PERMISSION:
        return SharePermissionError(Message(
            "Behörighet saknas för att {action} {path} i den centrala mappen. "
            "Kontrollera med IT att du har skrivrätt. Inget har gått förlorat; "
            "synkroniseringen kan köras igen.", path=path, action=verb), path)
    if winerror in _WIN_UNAVAILABLE or code in _ERRNO_UNAVAILABLE:
        return ShareUnavailableError(Message(
            "Den centrala mappen går inte att nå ({path}). Kontrollera att datorn är "
            "ansluten till stadens nätverk och att enheten är monterad. Inget har gått "
            "förlorat; synkroniseringen kan köras igen.", path=path), path)
    return ShareIOError(Message(
        "Ett fel uppstod när programmet skulle {action} {path} i den centrala mappen "
        "({detail}). Inget har gått förlorat; synkroniseringen kan köras igen.",
        path=path, action=verb, detail=detail), path)
