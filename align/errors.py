"""Errors the user can fix. The CLI prints their message on one line and exits with code 2."""


class AlignError(Exception):
    """Base class for every error caused by the user's input or options."""


class InputError(AlignError, ValueError):
    """The input cannot be read or makes no sense to align (empty, binary, same language twice...).
    A ValueError too, as a caller of the Python API expects of a bad argument."""


class SameLanguageError(InputError):
    """Two texts to pair are in one language: no translation of each other to align."""


class ModelError(AlignError):
    """The requested encoder cannot be loaded."""
