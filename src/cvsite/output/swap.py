"""A new output folder made beside the old one and swapped in whole, so that a build killed at
any moment leaves the old site or the new one.

The new tree is made in the spare folder `.NAME.cvsite-spare` beside the output (see `stage`).
On Linux one `renameat2(RENAME_EXCHANGE)` swaps the two folders atomically. Elsewhere (or on a
file system without it) renames are used, the old output waiting as `.NAME.cvsite-old` in
between; the next build puts it back if it was killed there.

The old tree then stays as the spare (when asked: builds with a cache do), and the next build
only changes in it what differs: on a disk mounted with `discard`, deleting a folder takes
milliseconds, so making and deleting 10,000 folders each build would take tens of seconds. The
spare is never the output, so whatever a killed build left in it is simply put right.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path


def siblings(out: Path) -> tuple[Path, Path]:
    """The spare folder and the retired folder beside `out`."""
    return out.parent / f".{out.name}.cvsite-spare", out.parent / f".{out.name}.cvsite-old"


def recover(out: Path) -> None:
    """Put back an old output a killed build had moved away (see `swap_in`)."""
    _, retired = siblings(out)
    if not os.path.lexists(out) and retired.is_dir():
        os.rename(retired, out)
    elif os.path.lexists(retired):
        shutil.rmtree(retired)


def _exchange(new: Path, old: Path) -> bool:
    """Swap two folders atomically (Linux `renameat2`); False where that is not supported."""
    import ctypes  # only when a build writes

    sys.audit("cvsite.output.swap", str(new), str(old))  # foreign calls raise no audit event
    libc = ctypes.CDLL(None, use_errno=True)
    call = getattr(libc, "renameat2", None)
    if call is None:
        return False
    call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_cwd, rename_exchange = -100, 2
    if call(at_cwd, os.fsencode(new), at_cwd, os.fsencode(old), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(old))


def swap_in(spare: Path, out: Path, keep_spare: bool) -> None:
    """Put the tree made in `spare` in place of `out`; the old tree becomes the spare (if
    `keep_spare`) or is deleted."""
    _, retired = siblings(out)
    if not out.exists():
        os.rename(spare, out)
        return
    if not _exchange(spare, out):
        os.rename(out, retired)
        os.rename(spare, out)
        os.rename(retired, spare)
    if not keep_spare:
        shutil.rmtree(spare, ignore_errors=True)
