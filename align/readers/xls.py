"""Excel 97-2003 workbooks (.xls) of sentence pairs, read as an .xlsx of them is (`xlsx.column_blocks`):
the first sheet's two columns of text, source then target, each row located by its number. A
glossary or a client's table of segments kept in the old format was refused ("a spreadsheet, not a
text") where the same table saved as .xlsx was read.

xlrd (BSD, pure Python) reads the BIFF records; it reads nothing but .xls since its 2.0, which is
all it is asked for here.
"""
from __future__ import annotations

import io

from ..errors import InputError
from .base import OLE_MAGIC, Block, Reader, broken
from .ole import ole_streams
from .xlsx import column_blocks

# A workbook's stream in its OLE directory, in UTF-16: "Workbook" (Excel 97 and later), "Book" (Excel 5/95).
_DAMAGED = "its records are damaged or cut short"
_WORKBOOK_STREAMS = ("Workbook".encode("utf-16-le"), "Book\0".encode("utf-16-le"))


class XlsColumnsReader(Reader):
    name = "columns"
    suffixes = ()  # known by its content: a web page or a tab-separated table saved as .xls is read as what it is
    bilingual = True

    def sniff(self, data: bytes) -> bool:
        return data.startswith(OLE_MAGIC) and any(stream in data for stream in _WORKBOOK_STREAMS)

    def blocks(self, data: bytes, label: str) -> list[Block]:
        import xlrd

        try:
            streams = ole_streams(data, ("Workbook", "Book"))
            if not streams:
                raise ValueError("no Workbook stream in it")
            # The stream, not the file: xlrd reads a bare one as it reads its own. Its warnings on a
            # damaged file went to standard output, into a report written there.
            book = xlrd.open_workbook(file_contents=streams.get("Workbook", streams.get("Book")), on_demand=True,
                                      logfile=io.StringIO())
        except xlrd.XLRDError as error:
            if "encrypted" in str(error).lower():
                raise InputError(f"{label}: the workbook is password-protected; save an unprotected copy first") from None
            # "corrupt file: Expected BOF record; found b'\xa8\xa9...'" says nothing more to a reader.
            said = ValueError(_DAMAGED) if "corrupt" in str(error).lower() else error
            raise broken(label, "an Excel 97-2003 workbook", said) from None
        except ValueError as error:
            raise broken(label, "an Excel 97-2003 workbook", error) from None
        except MemoryError:
            raise
        except Exception:  # xlrd's errors on a damaged file are of many kinds, an AssertionError among them
            raise broken(label, "an Excel 97-2003 workbook", ValueError(_DAMAGED)) from None
        try:
            sheets = [book.sheet_by_index(index) for index in range(book.nsheets)]
            if not sheets:
                raise InputError(f"{label}: the workbook holds no sheet")
            rows = [[_value(sheets[0].cell(row, column), book.datemode) for column in range(sheets[0].row_len(row))]
                    for row in range(sheets[0].nrows)]
            others = [sheet.name for sheet in sheets[1:]
                      if any(_value(cell, book.datemode) is not None for row in sheet.get_rows() for cell in row)]
        except (InputError, MemoryError):
            raise
        except Exception:  # a sheet's records are parsed here, on demand: damaged, they fail as the book's do
            raise broken(label, "an Excel 97-2003 workbook", ValueError(_DAMAGED)) from None
        finally:
            book.release_resources()
        return column_blocks(sheets[0].name, rows, others, label)


def _value(cell, datemode: int):
    """A cell's value as openpyxl gives an .xlsx's: None where empty, a whole number as an int, a
    date as a datetime, an error as its text ("#N/A")."""
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return int(cell.value) if float(cell.value).is_integer() else cell.value
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERROR")
    return cell.value
