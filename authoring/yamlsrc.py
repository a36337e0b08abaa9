"""Safe YAML reading that keeps the source position of every key and value.

PyYAML's C parser reads the events; this module builds plain JSON-like data from them
(dict, list, str, int, float, bool, None) plus two position tables keyed by the value's path
(a tuple of keys and indexes). Bounded: files over 2 MB are refused before parsing, and
alias expansion stops after a fixed number of nodes, so an alias bomb fails in milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Pos
from .files import decode_utf8, read_regular
from .findings import ERROR, Finding
from .scalarpos import offset_position
from .yamlhints import explain, unquoted_placeholder

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 100_000  # after alias expansion; a large pack file has a few thousand
MAX_DEPTH = 100

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SUPPRESS = re.compile(r"#\s*mcx:\s*disable=([A-Za-z0-9_,\s-]+)")
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
ScalarEvent, AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
MappingStartEvent, MappingEndEvent = yaml.MappingStartEvent, yaml.MappingEndEvent
SequenceStartEvent, SequenceEndEvent = yaml.SequenceStartEvent, yaml.SequenceEndEvent
DocumentStartEvent, StreamEndEvent = yaml.DocumentStartEvent, yaml.StreamEndEvent
_SCALARS = {
    "tag:yaml.org,2002:null": "construct_yaml_null",
    "tag:yaml.org,2002:bool": "construct_yaml_bool",
    "tag:yaml.org,2002:int": "construct_yaml_int",
    "tag:yaml.org,2002:float": "construct_yaml_float",
}
_constructor = yaml.constructor.SafeConstructor()

Path_ = tuple  # a value's path: keys (str) and list indexes (int)


class YamlError(InputError):
    """The file cannot be read as a YAML document (rule `yaml-syntax`)."""


def _problem(pos: Pos, message: str) -> Finding:
    """A non-fatal problem found while reading (a duplicate key): reported, reading goes on."""
    return Finding.at(pos, "yaml-syntax", ERROR, message)


@dataclass(frozen=True, eq=False)
class Document:
    """One YAML file: its data, where each value and key stands, and its inline suppressions."""

    file: str  # display path, relative to the content root
    path: Path
    data: Any
    values: dict = field(repr=False)
    keys: dict = field(repr=False)
    suppressions: dict = field(repr=False)  # line -> frozenset of rule ids
    problems: tuple = ()  # Findings of rule `yaml-syntax`
    text: str = field(default="", repr=False)  # the source, for positions inside text values

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def pos(self, path: Path_ = ()) -> Pos:
        """The position of the value at `path`, or of its nearest ancestor that exists."""
        return Pos(self.file, *self._lookup(self.values, tuple(path)))

    def key_pos(self, path: Path_) -> Pos:
        """The position of the key naming `path` (the value's position for list items)."""
        path = tuple(path)
        if path in self.keys:
            return Pos(self.file, *self.keys[path])
        return self.pos(path)

    def text_pos(self, path: Path_, offset: int) -> Pos:
        """The position of character `offset` of the text value at `path`; the value's own if it cannot be traced."""
        path = tuple(path)
        start = self.values.get(path)
        value = self._value_at(path)
        if start is not None and isinstance(value, str):
            found = offset_position(self.lines, *start, value, offset)
            if found is not None:
                return Pos(self.file, *found)
        return self.pos(path)

    def _value_at(self, path: tuple) -> Any:
        value = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def _lookup(self, table: dict, path: tuple) -> tuple[int, int]:
        while path:
            if path in table:
                return table[path]
            path = path[:-1]
        return table.get((), (1, 1))


def read_yaml(path: Path, display: str) -> Document:
    """Read and compose one YAML file; raise YamlError with a position for anything unreadable."""
    try:
        raw = read_regular(path, MAX_FILE_BYTES, display, what="a pack file")
    except InputError as exc:
        raise YamlError(exc.message, exc.pos) from None
    return parse_yaml(raw, display, path)


def parse_yaml(raw: bytes, display: str, path: Path | None = None) -> Document:
    if len(raw) > MAX_FILE_BYTES:
        raise YamlError("file is too large", Pos(display, 1, 1))
    text = _decode(raw, display)
    builder = _Builder(display, text)
    loader = _Loader(text)
    try:
        data = builder.build(loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, display) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        what = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        raise YamlError(f"control character {what} is not allowed in YAML", Pos(display, line, column)) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0], Pos(display, 1, 1)) from None
    finally:
        loader.dispose()
    suppressions = _suppressions(text) if "mcx:" in text else {}
    return Document(
        file=display,
        path=path or Path(display),
        data=data,
        values=builder.values,
        keys=builder.keys,
        suppressions=suppressions,
        problems=tuple(builder.problems),
        text=text,
    )


def _decode(raw: bytes, display: str) -> str:
    try:
        text = decode_utf8(raw, display)
    except InputError as exc:
        raise YamlError(exc.message, exc.pos) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise YamlError("NUL byte in file; is it a binary file?", Pos(display, line, 1))
    return text


TAB_MESSAGE = "tab character in indentation; YAML indents with spaces"
NESTING_MESSAGE = f"nesting is deeper than {MAX_DEPTH} levels"


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, display: str) -> YamlError:
    """The parser's complaint at its position, with the usual cause in a pack file where one fits."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if exc.problem and "nesting" in exc.problem:
        # libyaml has a nesting limit of its own and may hit it before our builder sees the events
        return YamlError(NESTING_MESSAGE, Pos(display, line, col))
    tab = _indentation_tab(text, line)
    if tab:
        return YamlError(TAB_MESSAGE, Pos(display, tab, text.splitlines()[tab - 1].index("\t") + 1))
    message = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.problem:
        message = f"{exc.problem} ({exc.context})"
    line, col, message = explain(text, line, col, message)
    return YamlError(message, Pos(display, line, col))


def _indentation_tab(text: str, error_line: int) -> int:
    """The line (at or before a parser error) whose indentation holds a tab, or 0.

    Tabs are legal inside block text, so they are only blamed once the parser has failed.
    """
    if "\t" not in text:
        return 0
    lines = text.splitlines()
    for number in range(min(error_line, len(lines)), max(error_line - 2, 0), -1):
        line = lines[number - 1]
        if line.lstrip(" ").startswith("\t"):
            return number
    return 0


def _suppressions(text: str) -> dict[int, frozenset[str]]:
    """line -> rule ids named by a `# mcx: disable=...` comment on that line."""
    found = {}
    for number, line in enumerate(text.splitlines(), 1):
        if "mcx:" in line:
            match = _SUPPRESS.search(line)
            if match:
                rules = frozenset(r.strip() for r in match.group(1).split(",") if r.strip())
                found[number] = rules
    return found


def suppression_column(doc: "Document", line: int) -> int:
    """The column of the suppression comment on `line` (1 if it cannot be found)."""
    try:
        text = doc.text.splitlines()[line - 1]  # the source already read: the file may be gone or another by now
    except IndexError:
        return 1
    match = _SUPPRESS.search(text)
    return match.start() + 1 if match else 1


class _Frame:
    __slots__ = (
        "data", "is_map", "path", "anchor", "start", "key", "key_mark", "first_seen", "merges", "merge_mark", "flow"
    )

    def __init__(self, data, path, anchor, start, flow=None):
        self.data = data
        self.is_map = isinstance(data, dict)
        self.path = path
        self.anchor = anchor
        self.start = start
        self.key = None  # mappings: the key waiting for its value
        self.key_mark = None
        self.first_seen = {}
        self.merges = []
        self.merge_mark = None
        self.flow = flow  # a flow mapping's start mark (`{...}`); None for block style and sequences


class _Builder:
    """Builds data and position tables straight from the parser's events.

    Working on events with an explicit stack (rather than composing a node graph) keeps deep
    nesting from exhausting the C stack, and lets aliases share the anchored value while every
    expansion still counts against MAX_NODES.
    """

    def __init__(self, display: str, text: str = ""):
        self.display = display
        self.text = text
        self.lines: list[str] | None = None  # split only when needed
        self.values: dict[tuple, tuple[int, int]] = {}
        self.keys: dict[tuple, tuple[int, int]] = {}
        self.problems: list[Finding] = []
        self.count = 0
        self.anchors: dict[str, tuple[Any, int]] = {}

    def _fail(self, message: str, mark) -> YamlError:
        return YamlError(message, Pos(self.display, mark.line + 1, mark.column + 1))

    def build(self, loader) -> Any:
        stack: list[_Frame] = []
        result: list[Any] = []
        documents = 0
        get_event = loader.get_event
        start = self._start
        attach = self._attach
        scalar = self._scalar
        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent:
                tag = event.tag
                if tag is None and not event.implicit[0]:
                    value = event.value  # quoted or block text is always text
                elif tag == _STR:
                    value = event.value
                else:
                    value = scalar(loader, event)  # plain: may be a number, bool or null
                frame = stack[-1] if stack else None
                if frame is not None and frame.is_map and not event.anchor:
                    # the hot path, inlined: a key, or a plain value under a known key
                    mark = event.start_mark
                    key = frame.key
                    if key is None:
                        if tag is None and event.implicit[0] and event.value == "<<":
                            self._merge_key(frame, mark)
                        else:
                            frame.key = event.value  # keys stay text: `on:` is a name, not a boolean
                        frame.key_mark = mark
                        continue
                    if key is not _MERGE and key not in frame.first_seen:
                        self.count += 1
                        if self.count > MAX_NODES:
                            self._check_count(event)
                        path = frame.path + (key,)
                        key_mark = frame.key_mark
                        self.values.setdefault(path, (mark.line + 1, mark.column + 1))
                        self.keys[path] = (key_mark.line + 1, key_mark.column + 1)
                        frame.first_seen[key] = key_mark.line + 1
                        frame.data[key] = value
                        frame.key = None
                        continue
                start(stack, event)
                if event.anchor:
                    self.anchors[event.anchor] = (value, 1)
                attach(stack, result, value, event)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                path = start(stack, event)
                is_map = kind is MappingStartEvent
                if event.tag is not None and event.tag != "!" and event.tag != (_MAP if is_map else _SEQ):
                    raise self._fail(f"unsupported YAML tag {event.tag}", event.start_mark)
                if len(stack) >= MAX_DEPTH:
                    raise self._fail(NESTING_MESSAGE, event.start_mark)
                flow = event.start_mark if is_map and event.flow_style else None
                stack.append(_Frame({} if is_map else [], path, event.anchor, self.count, flow))
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                frame = stack.pop()
                value = frame.data
                if frame.merges:
                    self._merge(frame)
                if frame.flow is not None and stack and len(value) == 1:
                    value = self._unquoted_placeholder(frame)
                if frame.anchor:
                    self.anchors[frame.anchor] = (value, self.count - frame.start + 1)
                attach(stack, result, value, event)
            elif kind is AliasEvent:
                if event.anchor not in self.anchors:
                    if any(f.anchor == event.anchor for f in stack):
                        raise self._fail(f"alias *{event.anchor} refers to itself", event.start_mark)
                    raise self._fail(f"unknown alias *{event.anchor}", event.start_mark)
                value, size = self.anchors[event.anchor]
                start(stack, event)
                self.count += size - 1
                self._check_count(event)
                attach(stack, result, value, event)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self._fail("a pack file holds one YAML document; remove the `---`", event.start_mark)
            elif kind is StreamEndEvent:
                return result[0] if result else None

    def _unquoted_placeholder(self, frame: _Frame) -> Any:
        """`Bucket: {upload_bucket}` is a flow mapping to YAML; the author meant text: say so, keep the text.

        Reported once here (as yaml-syntax) and read as the text the author meant, so the schema
        and undefined-variable checks do not report the same mistake again.
        """
        [(key, item)] = frame.data.items()
        if item is not None:
            return frame.data
        mark = frame.flow
        if self.lines is None:
            self.lines = self.text.splitlines()
        lines = self.lines
        hint = unquoted_placeholder(lines[mark.line], mark.column + 1) if mark.line < len(lines) else None
        if hint is None:
            return frame.data
        self.problems.append(_problem(Pos(self.display, mark.line + 1, mark.column + 1), hint))
        return "{" + key + "}"

    def _check_count(self, event) -> None:
        if self.count > MAX_NODES:
            raise self._fail(
                f"document expands to more than {MAX_NODES} values (YAML aliases nested too deeply?)",
                event.start_mark,
            )

    def _start(self, stack: list[_Frame], event) -> tuple:
        """Count a new value and record where it starts; returns its path."""
        self.count += 1
        if self.count > MAX_NODES:
            self._check_count(event)
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1)
        if not stack:
            path: tuple = ()
        else:
            frame = stack[-1]
            if isinstance(frame.data, list):
                path = frame.path + (len(frame.data),)
            elif frame.key is None:
                return frame.path  # a key: recorded when its value arrives
            elif frame.key is _MERGE:
                path = frame.path + ("<<",)
            else:
                path = frame.path + (frame.key,)
        self.values.setdefault(path, where)  # a duplicate key keeps the first value's place
        return path

    def _attach(self, stack: list[_Frame], result: list, value: Any, event) -> None:
        if not stack:
            result.append(value)
            return
        frame = stack[-1]
        data = frame.data
        if isinstance(data, list):
            data.append(value)
            return
        if frame.key is None:
            if type(event) is not ScalarEvent:
                raise self._fail("a mapping key must be a plain value", event.start_mark)
            key = event.value  # keys stay text: `on:` or `yes:` are names, not booleans
            if event.tag is None and event.value == "<<" and event.implicit[0]:
                self._merge_key(frame, event.start_mark)
            else:
                frame.key = key
            frame.key_mark = event.start_mark
            return
        key, frame.key = frame.key, None
        mark = frame.key_mark
        if key is _MERGE:
            self._merge_source(frame, value, event)
            return
        if key in frame.first_seen:
            self.problems.append(
                _problem(
                    Pos(self.display, mark.line + 1, mark.column + 1),
                    f"duplicate key `{key}` (first defined on line {frame.first_seen[key]})",
                )
            )
            return
        frame.first_seen[key] = mark.line + 1
        self.keys[frame.path + (key,)] = (mark.line + 1, mark.column + 1)
        data[key] = value

    def _merge_key(self, frame: _Frame, mark) -> None:
        # YAML 1.1 does not say which of two `<<` keys wins, and parsers differ: refuse rather than guess.
        if frame.merge_mark is not None:
            first = frame.merge_mark.line + 1
            raise self._fail(
                f"a second merge key `<<` in one mapping (the first is on line {first}); "
                "merge several mappings with one key: `<<: [*a, *b]`",
                mark,
            )
        frame.key = _MERGE
        frame.merge_mark = mark

    def _merge_source(self, frame: _Frame, value: Any, event) -> None:
        sources = value if isinstance(value, list) else [value]
        if not sources or not all(isinstance(s, dict) for s in sources):
            raise self._fail("a merge key `<<` takes a mapping or a list of mappings", frame.key_mark)
        frame.merges.extend(sources)

    def _merge(self, frame: _Frame) -> None:
        mark = frame.merge_mark
        for source in frame.merges:
            for key, value in source.items():
                if key not in frame.data:
                    frame.data[key] = value
                    self.keys.setdefault(frame.path + (key,), (mark.line + 1, mark.column + 1))

    def _scalar(self, loader, event) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:
            return event.value
        method = _SCALARS.get(tag)
        if method:
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
            try:
                return getattr(_constructor, method)(node)
            except (ValueError, IndexError, KeyError, TypeError, OverflowError):
                kind = tag.rpartition(":")[2]
                if not event.value:
                    message = f"an empty value is not a valid {kind}"
                elif len(event.value) > 40:
                    message = f"a {len(event.value)}-character value is not a valid {kind} (too long)"
                else:
                    message = f"`{event.value}` is not a valid {kind}"
                raise self._fail(message, event.start_mark) from None
        if tag == "tag:yaml.org,2002:timestamp":
            return event.value  # dates stay text: pack data is JSON-like
        if tag == "tag:yaml.org,2002:merge":
            return event.value
        raise self._fail(f"unsupported YAML tag {tag}", event.start_mark)


_MERGE = object()
