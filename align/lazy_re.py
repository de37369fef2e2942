"""Module-level patterns compiled when a run first uses them, not when their module is imported.

Compiling the project's few hundred patterns took about 0.09 s of every process, a fifth of a
one-sentence `align pair`, and most runs use a fraction of them: the Thai, Urdu or Greek rules of
the splitter, the readers of formats not given, the facts of units not written. `compile` takes
what `re.compile` takes and gives an object that compiles the pattern on its first method call
and then hands out the compiled pattern's own methods (kept on the object: no cost per call
after the first). Its `pattern` is there without compiling, for patterns built from others.
"""
from __future__ import annotations

import re

# What a compiled pattern is asked for; each is kept on the object once compiled.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> re.Pattern:
        return re.compile(self.pattern, self._flags)

    def __getattr__(self, name: str):
        # Only for names the object does not hold yet: the first use of each method.
        if name.startswith("__") or name in ("pattern", "_flags"):
            raise AttributeError(name)  # copy and pickle asking, or an object not set up yet
        compiled = self.compiled()
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_re.compile({self.pattern!r}, {self._flags!r})"


def compile(pattern: str, flags: int = 0) -> LazyPattern:  # noqa: A001 - re.compile's stand-in
    return LazyPattern(pattern, flags)
