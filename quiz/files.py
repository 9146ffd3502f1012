"""Reading and writing files safely: regular files only, sizes capped, every write atomic.

Every file the program reads on a user's behalf (a bank, a file to import, an export for the
report) goes through `read_regular` or `open_regular`: the type is decided after links are
followed, so a FIFO, a device such as /dev/zero, a folder or a symbolic link loop is refused in
one line instead of blocking or growing without end; a file over its size cap is refused too.

Every file the program writes (exports, the HTML report, imported banks, `quiz new`) goes
through `write_new`: the text goes to a temporary file created with O_CREAT|O_EXCL
(tempfile.mkstemp) in the target's own folder, so no link planted at a guessable name is
followed, then it takes the target's name in one step: a hard link when the name must be new
(so a file made meanwhile is not overwritten either), os.replace with `force`. A write that
fails leaves nothing behind.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from quiz.text.safe import storable
from quiz.text.wording import Wording, said

#: The largest bank file read (a bank of 100,000 questions is about 20 MB).
BANK_LIMIT = 128 * 1024 * 1024
#: The largest file `quiz import` converts.
IMPORT_LIMIT = 128 * 1024 * 1024
#: The largest export `quiz report` reads (a CSV of a million answers is about 300 MB).
EXPORT_LIMIT = 1024 * 1024 * 1024

_CHUNK = 1024 * 1024


class FileProblem(Exception):
    """A file that cannot be read or written; str() is one phrase to put after its name, in the
    current interface language.

    `denied` says the system refused it (permissions, a missing folder...), not its type or size.
    """

    def __init__(self, message: Wording, *, denied: bool = False) -> None:
        super().__init__(message)
        #: The phrase, kept to be written out later (a problem in the bank cache).
        self.wording = message
        self.denied = denied


class FileExists(FileProblem):
    """The file to write exists already, and nothing said to overwrite it."""


def reason(error: OSError) -> str:
    """An OS error in a few words: `Permission denied`, `Too many levels of symbolic links`."""
    return error.strerror or str(error)


def resolved(path: Path | str) -> str:
    """The absolute path with links followed, as far as they go (a link loop does not raise),
    with undecodable bytes of a file name as escapes, ready to store or print."""
    return storable(os.path.realpath(path))


_ESCAPED_BYTE = re.compile(r"\\x([89a-f][0-9a-f])")


def stored_path(key: str) -> Path:
    """The file a stored path (`resolved`, the score database's bank key) names, its escaped
    bytes turned back into the bytes of the name."""
    path = Path(key)
    if "\\x" in key and not os.path.lexists(path):
        return Path(_ESCAPED_BYTE.sub(lambda m: chr(0xDC00 + int(m[1], 16)), key))
    return path


def kind(mode: int) -> Wording:
    """What a file of this mode is, in the reader's language."""
    if stat.S_ISDIR(mode):
        return said("file.kind.folder")
    if stat.S_ISFIFO(mode):
        return said("file.kind.fifo")
    if stat.S_ISCHR(mode):
        return said("file.kind.character_device")
    if stat.S_ISBLK(mode):
        return said("file.kind.block_device")
    if stat.S_ISSOCK(mode):
        return said("file.kind.socket")
    return said("file.kind.other")


def _not_regular(mode: int) -> FileProblem:
    return FileProblem(said("file.not_regular", kind=kind(mode)))


def _megabytes(size: int) -> Wording:
    if size >= 1024 * 1024:
        return said("file.megabytes", count=round(size / (1024 * 1024)))
    return said("file.bytes", count=size)


def _what(what: str) -> Wording | str:
    """The kind of file a size limit is for, as read_regular's callers name it."""
    if what == "a bank":
        return said("file.what.bank")
    if what == "an export":
        return said("file.what.export")
    if what == "a file to import":
        return said("file.what.import")
    if what == "a schema":
        return said("file.what.schema")
    if what == "a file":
        return said("file.what.file")
    return what


def _too_large(size: int, limit: int, what: str) -> FileProblem:
    return FileProblem(
        said("file.too_large", size=_megabytes(size), what=_what(what), limit=_megabytes(limit))
    )


def _open_checked(path: Path, limit: int, what: str) -> tuple[int, int]:
    """Open a regular file for reading without blocking; its descriptor and size."""
    try:
        # Decided by the type after links are followed, before anything is opened: opening a
        # FIFO would wait for a writer, and a device may do something when opened.
        info = os.stat(path)
    except OSError as error:
        raise FileProblem(said("file.cannot_read", reason=reason(error)), denied=True) from None
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(info.st_mode)
    if info.st_size > limit:
        raise _too_large(info.st_size, limit, what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise FileProblem(said("file.cannot_read", reason=reason(error)), denied=True) from None
    try:
        # Checked again on what was opened: the name may have been swapped meanwhile.
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(info.st_mode)
        if info.st_size > limit:
            raise _too_large(info.st_size, limit, what)
    except BaseException:
        os.close(fd)
        raise
    return fd, info.st_size


def read_regular(path: Path, *, limit: int, what: str = "a file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; FileProblem (one phrase) if not.

    `what` names the file in the size message: "a bank" is at most 128 MB.
    """
    fd, size = _open_checked(path, limit, what)
    try:
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, max(_CHUNK, size + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            if total > limit:  # it grew while being read
                raise _too_large(total, limit, what)
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise FileProblem(said("file.cannot_read", reason=reason(error)), denied=True) from None
    finally:
        os.close(fd)


def open_regular(path: Path, *, limit: int, what: str = "a file") -> IO[bytes]:
    """A regular file of at most `limit` bytes opened for reading; FileProblem if not one."""
    fd, _ = _open_checked(path, limit, what)
    return os.fdopen(fd, "rb")


def _mode() -> int:
    """The permissions a new file gets from the umask, as open() would give them."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_new(
    path: Path,
    content: str | bytes | Callable[[IO[Any]], Any],
    *,
    force: bool = False,
    encoding: str = "utf-8",
    newline: str | None = None,
) -> Any:
    """Write a file whole or not at all; an existing one only with `force`.

    `content` is the text or bytes, or a function given the open stream (text unless content
    is bytes) whose return value is returned. Raises FileExists when the file exists and not
    `force`, FileProblem (one phrase) when it cannot be written.
    """
    if os.path.isdir(path):
        raise FileProblem(said("file.is_folder"))
    _refuse_special(path)
    if not force and os.path.lexists(path):
        raise FileExists(said("file.exists"))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise FileProblem(said("file.cannot_write", reason=reason(error)), denied=True) from None
    try:
        os.fchmod(fd, _mode())
        stream: IO[Any] = (
            os.fdopen(fd, "wb")
            if isinstance(content, bytes)
            else os.fdopen(fd, "w", encoding=encoding, newline=newline)
        )
        with stream:
            result = content(stream) if callable(content) else stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        _publish(temporary, path, force)
    except FileProblem:
        raise
    except OSError as error:
        raise FileProblem(said("file.cannot_write", reason=reason(error)), denied=True) from None
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)
    return result if callable(content) else None


def _refuse_special(path: Path) -> None:
    """Refuse a name that is a FIFO, a device or a socket, or a link to one (/dev/null,
    /dev/stdout): replacing it, even with --force, would put a file where the system keeps
    one of those, and writing into it is not writing a file."""
    try:
        info: os.stat_result | None = os.stat(path)  # links followed
    except OSError:
        info = None  # no such name, a dangling link or a loop: a file can take its place
    if info is not None and not stat.S_ISREG(info.st_mode):
        found = kind(info.st_mode)
        if os.path.islink(path):
            raise FileProblem(said("file.link_to_special", kind=found))
        raise FileProblem(said("file.special", kind=found))
    # A link into /dev or /proc (/dev/stdout is one to /proc/self/fd/1) stands for a stream of
    # the system, whatever it leads to now: --force would put a file in its place.
    hop = str(path)
    for _ in range(40):
        try:
            target = os.readlink(hop)
        except OSError:
            return
        hop = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(hop)), target))
        if hop.startswith(_SYSTEM_FOLDERS):
            raise FileProblem(said("file.system_link", target=storable(target)))


#: Where links lead to the system's streams and devices rather than to files.
_SYSTEM_FOLDERS = ("/dev/", "/proc/")


def _publish(temporary: str, path: Path, force: bool) -> None:
    """Give the finished temporary file its name, in one step."""
    if force:
        os.replace(temporary, path)
        return
    try:
        # A hard link fails if the name exists, whoever made it and whenever.
        os.link(temporary, path)
    except FileExistsError:
        raise FileExists(said("file.exists")) from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links (FAT, some network shares): check, then rename.
        if os.path.lexists(path):
            raise FileExists(said("file.exists")) from None
        os.replace(temporary, path)
