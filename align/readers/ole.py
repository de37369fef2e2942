"""The streams of an OLE compound file, the container of Office's 97-2003 formats (.doc, .ppt,
.xls), read with olefile: one reading for the three readers, and for .xls in place of xlrd's own,
which followed a damaged file's looping sector chain until it had taken 3 GB of memory."""
from __future__ import annotations

import io

_DAMAGED = "its compound file is damaged or cut short"


def ole_streams(data: bytes, names: tuple[str, ...]) -> dict[str, bytes]:
    """Each stream of `names` the file holds, by its name ("PP97_DUALSTORAGE/Current User" for one
    in a storage); ValueError where the container is damaged."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except MemoryError:
        raise
    except Exception:  # olefile's errors on a damaged container are of many kinds
        raise ValueError(_DAMAGED) from None
    with ole:
        try:
            return {name: ole.openstream(name).read() for name in names if ole.exists(name)}
        except MemoryError:
            raise
        except Exception:
            raise ValueError(_DAMAGED) from None
