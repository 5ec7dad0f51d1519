"""Qt's and PySide6's versions, for `pos support bundle` (pos/ never imports Qt)."""

from __future__ import annotations


def qt_versions() -> dict[str, str]:
    import PySide6
    from PySide6.QtCore import qVersion

    return {"qt": qVersion(), "pyside6": PySide6.__version__}
