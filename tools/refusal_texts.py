"""The refusals of the domain, service and storage layers: every message text, found in
the source (AST), for the translation (tools/update_translations.py).

An error is *constructed* where one of the app's own error classes (a subclass of
``UserError`` or ``StoreError``) is called, or a function that passes one of its
parameters on to such a call (``ctx.require(permission, what)``, found by following
the parameters until nothing changes). Each message argument there must be one the
collector can see:

* a string literal;
* ``msg("template", name=value)`` with a literal template (a parameter that is a Dutch
  text is itself ``msg(...)`` or ``term(...)``, never a bare literal);
* ``term(...)``: a text the translation has from elsewhere (an enum's label);
* a module constant holding a literal or ``msg(...)``;
* a parameter of a function that is itself followed (its callers are checked), or a
  name annotated ``Message`` (mypy sees that it holds a ``msg(...)``);
* ``a if condition else b`` of these.

Anything else (an f-string, a sum of strings, ``str(exc)``) is a *problem*:
tests/unit/test_refusal_texts.py fails on it, so no new refusal can stay Dutch
unnoticed. ``msg()`` calls anywhere in these layers are collected too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "veilig_huisbezoek"
LAYERS = ("domain", "services", "storage")
ROOT_ERRORS = ("UserError", "StoreError")
MESSAGE_CALLS = ("msg",)
TERM_CALLS = ("term",)
# Where Message is made from a text that is not a literal: only msg() and term() do.
MESSAGE_HOME = Path("domain") / "errors.py"


@dataclass
class Target:
    """A callable whose ``wanted`` parameters hold a message for the user."""

    params: list[str]  # positional parameter names, without self/cls
    wanted: set[str]


@dataclass
class Scan:
    texts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        if text.strip() and text not in self.texts:
            self.texts.append(text)


def source_files(layers: Iterable[str] = LAYERS) -> list[Path]:
    files: list[Path] = []
    for layer in layers:
        files += sorted(p for p in (PACKAGE / layer).rglob("*.py") if "migrations" not in p.parts)
    return files


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _params(func: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.arg]:
    args = [*func.args.posonlyargs, *func.args.args]
    if args and args[0].arg in ("self", "cls"):
        args = args[1:]
    return [*args, *func.args.kwonlyargs]


def _is_str_annotation(node: ast.expr | None) -> bool:
    if node is None:
        return False
    text = ast.unparse(node)
    return any(part.strip() in ("str", "Message") for part in text.split("|"))


def _message_params(func: ast.FunctionDef) -> set[str]:
    """The names an __init__ passes on as (part of) its message: used in the call to
    ``super().__init__``, but not as data filled into a msg() template (a path)."""
    found: set[str] = set()

    def visit(node: ast.AST, as_data: bool) -> None:
        if isinstance(node, ast.Name):
            if not as_data:
                found.add(node.id)
            return
        if isinstance(node, ast.Call) and _name(node.func) in TERM_CALLS:
            for arg in node.args:
                visit(arg, False)
            return
        if isinstance(node, ast.Call) and _name(node.func) in MESSAGE_CALLS:
            for keyword in node.keywords:
                visit(keyword.value, True)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, as_data)

    for node in ast.walk(func):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "__init__"
        ):
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                visit(arg, False)
    return found


def _error_classes(trees: dict[Path, ast.Module]) -> dict[str, Target]:
    """Every subclass of UserError/StoreError and the parameters that hold its text."""
    classes: dict[str, ast.ClassDef] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                classes.setdefault(node.name, node)

    def init_of(name: str, seen: frozenset[str] = frozenset()) -> Target | None:
        if name in ROOT_ERRORS:
            return Target(["message"], {"message"})
        cls = classes.get(name)
        if cls is None or name in seen:
            return None
        for item in cls.body:
            if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                params = _params(item)
                passed = _message_params(item)
                return Target(
                    [p.arg for p in params],
                    {p.arg for p in params if _is_str_annotation(p.annotation) and p.arg in passed},
                )
        for base in cls.bases:
            base_name = _name(base)
            if base_name is not None:
                found = init_of(base_name, seen | {name})
                if found is not None:
                    return found
        return None

    def is_error(name: str, seen: frozenset[str] = frozenset()) -> bool:
        if name in ROOT_ERRORS:
            return True
        cls = classes.get(name)
        if cls is None or name in seen:
            return False
        return any(
            is_error(base, seen | {name})
            for base in (_name(b) for b in cls.bases)
            if base is not None
        )

    targets: dict[str, Target] = {name: Target(["message"], {"message"}) for name in ROOT_ERRORS}
    for name in classes:
        target = init_of(name) if is_error(name) else None
        if target is not None:
            targets[name] = target
    return targets


def _arguments(call: ast.Call, target: Target) -> Iterator[tuple[str, ast.expr]]:
    for index, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred):
            continue
        if index < len(target.params) and target.params[index] in target.wanted:
            yield target.params[index], arg
    for keyword in call.keywords:
        if keyword.arg in target.wanted:
            yield keyword.arg, keyword.value


def _functions(tree: ast.AST) -> Iterator[tuple[ast.FunctionDef | ast.AsyncFunctionDef, ast.Call]]:
    """(innermost enclosing function, call) for every call inside a function."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in _own_nodes(node):
                if isinstance(inner, ast.Call):
                    yield node, inner


def _own_nodes(func: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a function, without those of functions nested in it."""
    for child in ast.iter_child_nodes(func):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        yield child
        yield from _own_nodes(child)


def _defaults(func: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, ast.expr]:
    positional = [*func.args.posonlyargs, *func.args.args]
    found = dict(zip([a.arg for a in positional[::-1]], func.args.defaults[::-1], strict=False))
    found.update(
        (a.arg, d)
        for a, d in zip(func.args.kwonlyargs, func.args.kw_defaults, strict=True)
        if d is not None
    )
    return found


def _annotated_messages(func: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    names = {
        p.arg for p in _params(func) if p.annotation and "Message" in ast.unparse(p.annotation)
    }
    for node in _own_nodes(func):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and "Message" in ast.unparse(node.annotation)
        ):
            names.add(node.target.id)
    return names


def _module_constants(tree: ast.Module) -> dict[str, ast.expr]:
    found: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            found[node.target.id] = node.value
    return found


def _imported_constants(trees: dict[Path, ast.Module]) -> dict[str, ast.expr]:
    """Module constants of every scanned module (imported ones are found by name)."""
    found: dict[str, ast.expr] = {}
    for tree in trees.values():
        for name, value in _module_constants(tree).items():
            if name.isupper():
                found.setdefault(name, value)
    return found


class _Checker:
    def __init__(self, trees: dict[Path, ast.Module]) -> None:
        self.trees = trees
        self.targets = _error_classes(trees)
        # Functions that pass a parameter on, per module: a plain call finds the one of
        # its own module, a call through an attribute (a method, module.function) any.
        self.followed: dict[tuple[Path, str], Target] = {}
        self.defaults: dict[tuple[Path, str], dict[str, ast.expr]] = {}
        self.returns_message = {
            node.name
            for tree in trees.values()
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.returns is not None
            and ast.unparse(node.returns) == "Message"
        }
        self.constants = _imported_constants(trees)
        self.scan = Scan()

    def follow(self) -> None:
        """Add every function that passes a parameter on into an error's message."""
        changed = True
        while changed:
            changed = False
            for path, tree in self.trees.items():
                for func, call in _functions(tree):
                    target = self._target(path, call)
                    if target is None:
                        continue
                    params = [p.arg for p in _params(func)]
                    for _, arg in _arguments(call, target):
                        for name in self._bare_names(arg):
                            if name not in params:
                                continue
                            key = (path, func.name)
                            followed = self.followed.setdefault(key, Target(params, set()))
                            self.defaults[key] = _defaults(func)
                            if name not in followed.wanted:
                                followed.wanted.add(name)
                                changed = True

    def _bare_names(self, node: ast.expr) -> Iterator[str]:
        if isinstance(node, ast.Name):
            yield node.id
        elif isinstance(node, ast.IfExp):
            yield from self._bare_names(node.body)
            yield from self._bare_names(node.orelse)

    def _target(self, path: Path, call: ast.Call) -> Target | None:
        name = _name(call.func)
        if name is None:
            return None
        if name in self.targets:
            return self.targets[name]
        if isinstance(call.func, ast.Name):
            return self.followed.get((path, name))
        for (_, function), target in self.followed.items():
            if function == name:
                return target
        return None

    def check(self) -> Scan:
        self.follow()
        for path, tree in self.trees.items():
            where = path.relative_to(PACKAGE)
            local = _module_constants(tree)
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and _name(node.func) in MESSAGE_CALLS:
                    self._message_call(node, f"{where}:{node.lineno}")
                elif (
                    isinstance(node, ast.Call)
                    and _name(node.func) == "Message"
                    and where != MESSAGE_HOME
                ):
                    self.scan.problems.append(f"{where}:{node.lineno}: write msg(), not Message()")
            for func, call in _functions(tree):
                target = self._target(path, call)
                if target is None:
                    continue
                params = {p.arg for p in _params(func)}
                typed = _annotated_messages(func)
                for name, arg in _arguments(call, target):
                    self._argument(arg, f"{where}:{call.lineno} ({name})", params, typed, local)
        self._own_messages()
        for key, target in self.followed.items():
            for name in target.wanted:  # a followed parameter's default is a message too
                default = self.defaults[key].get(name)
                if default is not None:
                    where = f"{key[0].relative_to(PACKAGE)} ({key[1]}, default of {name})"
                    self._argument(default, where, set(), set(), {})
        return self.scan

    def _own_messages(self) -> None:
        """What an error class passes to ``super().__init__`` (AuthenticationError's
        fixed text). errors.py itself builds the Dutch str() from its parts."""
        for path, tree in self.trees.items():
            where = path.relative_to(PACKAGE)
            if where == MESSAGE_HOME:
                continue
            local = _module_constants(tree)
            for cls in ast.walk(tree):
                if not (isinstance(cls, ast.ClassDef) and cls.name in self.targets):
                    continue
                for func in cls.body:
                    if not isinstance(func, ast.FunctionDef):
                        continue
                    params = {p.arg for p in _params(func)}
                    typed = _annotated_messages(func)
                    for node in _own_nodes(func):
                        if (
                            isinstance(node, ast.Call)
                            and isinstance(node.func, ast.Attribute)
                            and node.func.attr == "__init__"
                            and node.args
                        ):
                            self._argument(
                                node.args[0],
                                f"{where}:{node.lineno} ({cls.name})",
                                params,
                                typed,
                                local,
                            )

    def _message_call(self, call: ast.Call, where: str) -> None:
        template = call.args[0] if call.args else None
        if not (isinstance(template, ast.Constant) and isinstance(template.value, str)):
            self.scan.problems.append(f"{where}: msg() needs a literal template")
            return
        self.scan.add(template.value)
        for keyword in call.keywords:
            value = keyword.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                self.scan.problems.append(
                    f"{where}: parameter {keyword.arg} is a literal text: put it in the "
                    "template, or pass it as msg(...)"
                )

    def _argument(
        self,
        node: ast.expr,
        where: str,
        params: set[str],
        typed: set[str],
        local: dict[str, ast.expr],
    ) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            self.scan.add(node.value)
        elif isinstance(node, ast.IfExp):
            self._argument(node.body, where, params, typed, local)
            self._argument(node.orelse, where, params, typed, local)
        elif isinstance(node, ast.Call) and _name(node.func) in (*MESSAGE_CALLS, *TERM_CALLS):
            pass  # msg() is collected wherever it is; term() is translated elsewhere
        elif isinstance(node, ast.Call) and _name(node.func) in self.returns_message:
            pass  # a function typed to return a Message (mypy checks that it does)
        elif isinstance(node, ast.Name) and (node.id in params or node.id in typed):
            pass  # a followed parameter (its callers are checked) or typed Message
        elif isinstance(node, ast.Name) and (node.id in local or node.id in self.constants):
            value = local.get(node.id, self.constants.get(node.id))
            assert value is not None
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                self.scan.add(value.value)
            elif not (isinstance(value, ast.Call) and _name(value.func) in MESSAGE_CALLS):
                self.scan.problems.append(f"{where}: constant {node.id} is not a literal")
        else:
            self.scan.problems.append(
                f"{where}: {ast.unparse(node)[:60]!r} is not a literal or msg(...)"
            )


def scan(files: Iterable[Path] | None = None) -> Scan:
    """The texts of every refusal, and the refusals whose text cannot be collected."""
    paths = list(files) if files is not None else source_files()
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in paths}
    return _Checker(trees).check()


def refusal_texts() -> list[str]:
    return scan().texts


if __name__ == "__main__":
    found = scan()
    for problem in found.problems:
        print(problem)
    print(f"{len(found.texts)} texts, {len(found.problems)} problems")
