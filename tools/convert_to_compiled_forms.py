"""Move a page from load_form/child() lookups to its compiled form (``self.ui.<name>``).

    python tools/convert_to_compiled_forms.py src/veilig_huisbezoek/gui/board.py ...

For each ``<target> = load_form("<name>", <parent>)`` it writes
``self.ui = Ui_<Class>()`` and ``<target> = setup_form(self.ui, <TopClass>(<parent>))``
(class names from ui/<name>.ui), turns every ``child(<form>, <Kind>, "<objectName>")``
into ``self.ui.<objectName>`` and fixes the imports; then run
``ruff check --fix`` (drops imports no longer used) and ``ruff format`` on the file,
and mypy. A one-off for the pages still on load_form: delete it with load_form.
Assumes one form per class (``self.ui``) and that ``child`` looks in that class's form.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_LOAD = re.compile(
    r'^(?P<indent>[ \t]*)(?P<target>[\w.]+) = load_form\("(?P<name>\w+)", (?P<parent>[^)]*)\)$',
    re.M,
)
_CHILD = re.compile(r'child\(\s*[\w.]+\s*,\s*\w+\s*,\s*"(?P<object>\w+)"\s*,?\s*\)')
_FORMS_IMPORT = re.compile(r"^from \.forms import [^\n]+$", re.M)
_WIDGETS_IMPORT = re.compile(r"^from PySide6\.QtWidgets import (\([^)]*\)|[^\n]+)$", re.M)


def _form_classes(name: str) -> tuple[str, str]:
    root = ET.parse(ROOT / "ui" / f"{name}.ui").getroot()
    top = root.find("widget")
    if top is None:
        raise ValueError(f"{name}.ui: no top-level widget")
    return str(root.findtext("class")), str(top.get("class"))


def convert(source: str) -> str:
    ui_imports: list[str] = []
    tops: set[str] = set()

    def load(match: re.Match[str]) -> str:
        name, indent = match["name"], match["indent"]
        ui_class, top_class = _form_classes(name)
        ui_imports.append(f"from .forms_generated.ui_{name} import Ui_{ui_class}")
        tops.add(top_class)
        return (
            f"{indent}self.ui = Ui_{ui_class}()\n"
            f"{indent}{match['target']} = setup_form(self.ui, {top_class}({match['parent']}))"
        )

    source = _LOAD.sub(load, source)
    source = _CHILD.sub(lambda m: f"self.ui.{m['object']}", source)
    still_child = "child(" in _FORMS_IMPORT.sub("", source) and re.search(r"\bchild\(", source)
    names = ["setup_form"] + (["child"] if still_child else [])
    source = _FORMS_IMPORT.sub(
        lambda m: "\n".join([f"from .forms import {', '.join(names)}", *ui_imports]),
        source,
        count=1,
    )
    widgets = _WIDGETS_IMPORT.search(source)
    if widgets is not None:
        present = set(re.findall(r"\w+", widgets.group(1)))
        wanted = sorted(present | tops)
        source = (
            source[: widgets.start()]
            + f"from PySide6.QtWidgets import ({', '.join(wanted)})"
            + source[widgets.end() :]
        )
    return source


def main(paths: list[str]) -> int:
    for path in map(Path, paths):
        path.write_text(convert(path.read_text(encoding="utf-8")), encoding="utf-8")
        left = len(re.findall(r"\bchild\(", path.read_text(encoding="utf-8")))
        print(f"{path}: converted, {left} child( left")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
