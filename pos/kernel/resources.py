"""Where the app's own files are (the .ts translations, migrations, PDF fonts, icons):
beside a package's modules in a checkout or an install, under the bundle's folder
(``sys._MEIPASS``) in the frozen app that ``python3 dev.py package`` builds
(packaging/tickbox-pos.spec puts each package's files there under the package's name).

Every read of a package's own files goes through `package_dir`, never ``__file__``: the
frozen app's modules live in an archive, and its files beside the executable.
"""

from __future__ import annotations

import sys
from pathlib import Path


def frozen() -> bool:
    """True in the frozen app (PyInstaller sets ``sys.frozen`` and ``sys._MEIPASS``)."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def bundle_dir() -> Path | None:
    """The frozen app's folder of files (``_internal`` beside the executable); None when
    running from source."""
    return Path(sys._MEIPASS) if frozen() else None  # noqa: SLF001 - PyInstaller's attribute


def package_dir(package: str) -> Path:
    """The folder of a package's files: ``package_dir("ui") / "i18n"``. Found without
    importing the package (``ui`` imports nothing of Qt for it)."""
    bundle = bundle_dir()
    if bundle is not None:
        return bundle.joinpath(*package.split("."))
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"no package named {package!r}")
    return Path(next(iter(spec.submodule_search_locations))).resolve()
