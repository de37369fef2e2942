"""Errors the user can fix. The CLI prints their message on one line and exits with code 2."""


class AlignError(Exception):
    """Base class for every error caused by the user's input or options."""


class InputError(AlignError):
    """The input cannot be read or makes no sense to align (empty, binary, same language twice...)."""


class ModelError(AlignError):
    """The requested encoder cannot be loaded."""
