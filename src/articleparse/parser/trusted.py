# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Constructors for model nodes whose invariants the parser already guarantees.

``Model(...)`` validates every field and ``Model.model_construct(...)`` loops
over the field table on every call; for the hundred-odd nodes of one article
either costs more than the whole tokenizer. :func:`trusted` builds, once per
class, a plain function with one keyword argument per field (as ``dataclasses``
builds ``__init__``) that sets the instance's storage directly: the fields
dict in declaration order (so JSON keeps its field order), every field marked
as set (as after validating a full dump), no extra and no private values.

Every node of one class shares one ``model_fields_set``: it already names
every field, so pydantic's own updates of it (on assignment) change nothing,
and copies get sets of their own. Kept trees then hold one tracked container
fewer per node, and the cyclic garbage collector, which walks every container
a program keeps each time it scans the oldest generation, has a third fewer
objects to walk in a parsed tree.

Only code that guarantees the field types may use it. A test checks that every
parsed tree equals the tree pydantic validates from the parsed tree's own data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, TypeVar

from pydantic import BaseModel

from ..native import new_node

Model = TypeVar("Model", bound=BaseModel)

_IMMUTABLE: Final = (type(None), str, int, float, bool, tuple, frozenset)
_made: dict[type[BaseModel], Callable[..., Any]] = {}
_FIELDS_SETS: Final[dict[type[BaseModel], set[str]]] = {}


def trusted(cls: type[Model]) -> Callable[..., Model]:
    """The unvalidated constructor of ``cls``: ``trusted(Paragraph)(text=..., span=...)``."""
    made = _made.get(cls)
    if made is None:
        made = _made[cls] = _generate(cls)
    return made


def trusted_node(cls: type[Model], fields: dict[str, Any]) -> Model:
    """``cls`` with ``fields``, every field given in declaration order, unvalidated.

    What the constructors of :func:`trusted` do, for compiled callers: called
    from compiled code it runs no interpreted step. ``cls`` must be a class
    :func:`trusted` accepts (no extras, private values or post-init hook).
    """
    if _NEW_NODE is not None:  # the compiled build's C helper: the same steps, in one call
        made: Model = _NEW_NODE(cls, fields, _all_fields(cls))
        return made
    node = _new(cls)
    _SET_DICT(node, fields)
    _SET_FIELDS_SET(node, _all_fields(cls))
    _SET_EXTRA(node, None)
    _SET_PRIVATE(node, None)
    return node


def _all_fields(cls: type[BaseModel]) -> set[str]:
    """The one fields set shared by every trusted node of ``cls``: all its fields."""
    shared = _FIELDS_SETS.get(cls)
    if shared is None:
        shared = _FIELDS_SETS[cls] = set(cls.model_fields)
    return shared


def _generate(cls: type[BaseModel]) -> Callable[..., Any]:
    if (
        cls.model_config.get("extra") == "allow"
        or cls.__pydantic_post_init__
        or cls.__private_attributes__
    ):
        raise TypeError(f"{cls.__name__} has extras, private values or a post-init hook")
    namespace: dict[str, Any] = {
        "_cls": cls,
        "_new": object.__new__,
        "_FACTORY": _FACTORY,
        "_FIELDS": _all_fields(cls),
        **_SLOT_SETTERS,
    }
    parameters = []
    fill = []
    for name, field in cls.model_fields.items():
        if field.default_factory is not None:
            namespace[f"_factory_{name}"] = field.default_factory
            parameters.append(f"{name}=_FACTORY")
            fill.append(f"    if {name} is _FACTORY: {name} = _factory_{name}()")
        elif field.is_required():
            parameters.append(name)
        else:
            if not isinstance(field.default, _IMMUTABLE):
                raise TypeError(f"{cls.__name__}.{name}: a mutable default needs a factory")
            namespace[f"_default_{name}"] = field.default
            parameters.append(f"{name}=_default_{name}")
    names = list(cls.model_fields)
    values = ", ".join(f"{name!r}: {name}" for name in names)
    source = "\n".join(
        [
            f"def create(*, {', '.join(parameters)}):",
            *fill,
            "    node = _new(_cls)",
            f"    _set_dict(node, {{{values}}})",
            "    _set_fields_set(node, _FIELDS)",
            "    _set_extra(node, None)",
            "    _set_private(node, None)",
            "    return node",
        ]
    )
    exec(compile(source, f"<trusted {cls.__name__}>", "exec"), namespace)
    create: Callable[..., Any] = namespace["create"]
    create.__qualname__ = create.__name__ = f"trusted_{cls.__name__}"
    create.__doc__ = f"Build a {cls.__name__} without validation (see articleparse.parser.trusted)."
    return create


# BaseModel's own slots, set through their descriptors: a quarter faster than
# object.__setattr__, which looks each name up on the class first.
_SLOT_SETTERS: Final = {
    f"_set_{name}": BaseModel.__dict__[slot].__set__
    for name, slot in (
        ("dict", "__dict__"),
        ("fields_set", "__pydantic_fields_set__"),
        ("extra", "__pydantic_extra__"),
        ("private", "__pydantic_private__"),
    )
}


# Final: compiled, read from C statics instead of the module's dict.
_new: Final = object.__new__
_NEW_NODE: Final = new_node
_SET_DICT: Final = _SLOT_SETTERS["_set_dict"]
_SET_FIELDS_SET: Final = _SLOT_SETTERS["_set_fields_set"]
_SET_EXTRA: Final = _SLOT_SETTERS["_set_extra"]
_SET_PRIVATE: Final = _SLOT_SETTERS["_set_private"]


class _Factory:
    """Marks a field whose default comes from a factory."""

    def __repr__(self) -> str:
        return "<factory default>"


_FACTORY: Final = _Factory()


def to_plain(node: BaseModel) -> tuple[Any, ...]:
    """``node`` as plain data for pickling: ``(class, fields set, value, ...)``.

    Values come in field order; a node inside is a tuple of the same form, a
    list of nodes a list of them, and any other value stays as it is (no field
    of the model holds a tuple, so a tuple always marks a node). The fields set
    is ``None`` when it names every field. Pickling this costs no Python call
    per node, where pickling the tree makes two; :func:`from_plain` rebuilds it.
    """
    cls = type(node)
    names = _names(cls)
    stored = node.__dict__
    marked: set[str] = node.__pydantic_fields_set__
    plain: list[Any] = [cls, None if len(marked) == len(names) else set(marked)]
    for name in names:
        value = stored[name]
        if _is_node(value):
            plain.append(to_plain(value))
        elif isinstance(value, list) and value and _is_node(value[0]):
            plain.append([to_plain(item) for item in value])
        else:
            plain.append(value)
    return tuple(plain)


def _is_node(value: object) -> bool:
    """``isinstance(value, BaseModel)``, by a lookup of its type: BaseModel's metaclass is an
    ABCMeta, and its instance check cost more than the rest of :func:`to_plain`."""
    kind = type(value)
    known = _NODE_TYPES.get(kind)
    if known is None:
        known = _NODE_TYPES[kind] = issubclass(kind, BaseModel)
    return known


_NODE_TYPES: Final[dict[type, bool]] = {}


def from_plain(plain: tuple[Any, ...]) -> Any:
    """The node :func:`to_plain` gave ``plain`` for, taking over its lists and dicts.

    The data must come from :func:`to_plain` (through pickle): like the rest of
    this module it is trusted, not validated.
    """
    cls: type[BaseModel] = plain[0]
    names = _names(cls)
    fields: dict[str, Any] = {}
    index = 2
    for name in names:
        value = plain[index]
        index += 1
        if isinstance(value, tuple):
            value = from_plain(value)
        elif isinstance(value, list) and value and isinstance(value[0], tuple):
            value = [from_plain(item) for item in value]
        fields[name] = value
    node: Any = trusted_node(cls, fields)
    marked = plain[1]
    if marked is not None:
        _SET_FIELDS_SET(node, marked)
    return node


def _names(cls: type[BaseModel]) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(cls.model_fields)
    return names


_NAMES: Final[dict[type[BaseModel], tuple[str, ...]]] = {}
