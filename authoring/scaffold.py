"""`mcx-author new`: packs and tasks from templates that lint clean."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError, UsageError
from .files import write_atomic
from .project import PACKS_DIR

SLUG = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

PACK_TEMPLATE = """\
# Challenge pack {id}: see docs/pack-format.md for every key.
schema: mcx/v1
id: {id}
version: 0.1.0
title: {title}
summary: One line that tells candidates what they will build.
description: |-
  What the candidate's environment holds when the exam starts, and what they will do.
level: intermediate
duration_minutes: 90
passing_score: 80
locales:
  ja: {{required: true}}
region: us-east-1
services: [s3]
variables:
  site_bucket: "mcx-{id}-site-{{account_id}}-{{suffix}}"
setup:
  - call: s3.create_bucket
    params: {{Bucket: "{{site_bucket}}"}}
architecture:
  groups:
    - {{id: aws-cloud, label: AWS Cloud}}
  components:
    - {{id: learner, label: Learner, kind: actor}}
    - {{id: site-bucket, label: Site bucket, service: s3, group: aws-cloud}}
  connections:
    - {{from: learner, to: site-bucket, label: uploads}}
tasks:
  - enable-versioning
"""

TASK_TEMPLATE = """\
# Task {id}: see docs/pack-format.md. Replace the example check with what the candidate must build.
id: {id}
title: {title}
description: |-
  Describe the situation the candidate finds and what must change.
objectives:
  - One verifiable outcome per line.
hints:
  - text: A first nudge in the right direction.
  - text: A more specific hint.
    cost: 5
depends_on: []
highlight: [{highlight}]
points: 10
estimated_minutes: 10
validators:
{validators}
solution:
{solution}
"""

VERSIONING_VALIDATORS = """\
  - id: versioning-enabled
    call: s3.get_bucket_versioning
    params: {Bucket: "{site_bucket}"}
    expect:
      - path: Status
        equals: Enabled
    fail_message: Versioning is not enabled on the bucket `{site_bucket}`."""

VERSIONING_SOLUTION = """\
  - call: s3.put_bucket_versioning
    params:
      Bucket: "{site_bucket}"
      VersioningConfiguration: {Status: Enabled}
counterexamples:
  - name: versioning suspended
    steps:
      - call: s3.put_bucket_versioning
        params:
          Bucket: "{site_bucket}"
          VersioningConfiguration: {Status: Suspended}
    fails: [versioning-enabled]"""

GENERIC_VALIDATORS = """\
  - id: account-reachable
    call: sts.get_caller_identity
    expect:
      - path: Account
        equals: "{account_id}"
    fail_message: Replace this example check with one that fails until the task is done."""

GENERIC_SOLUTION = """\
  - call: sts.get_caller_identity"""


def _title(slug: str) -> str:
    return slug.replace("-", " ").capitalize()


def _check_slug(kind: str, value: str) -> None:
    if not SLUG.match(value) or len(value) > 64:
        raise UsageError(
            f"invalid {kind} id `{value}`: use lower-case letters, digits and single hyphens, starting with a letter"
        )


def write_new(path: Path, text: str) -> None:
    """Create `path` atomically; never overwrite."""
    if path.exists():
        raise UsageError(f"{path} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text)


def new_pack(root: Path, pack_id: str) -> list[Path]:
    """Create packs/<id>/ with pack.yaml and one example task."""
    _check_slug("pack", pack_id)
    directory = root / PACKS_DIR / pack_id
    if directory.exists():
        raise UsageError(f"{directory} already exists")
    pack_file = directory / "pack.yaml"
    task_file = directory / "tasks" / "enable-versioning.yaml"
    write_new(pack_file, PACK_TEMPLATE.format(id=pack_id, title=_title(pack_id)))
    write_new(
        task_file,
        TASK_TEMPLATE.format(
            id="enable-versioning",
            title="Protect the site's files with versioning",
            highlight="site-bucket",
            validators=VERSIONING_VALIDATORS,
            solution=VERSIONING_SOLUTION,
        ),
    )
    return [pack_file, task_file]


CI_TEMPLATES = {  # provider -> (template under templates/ci/, where it goes in the content root)
    "github": (
        ("packs.yml", ".github/workflows/packs.yml"),
        ("pre-commit-config.yaml", ".pre-commit-config.yaml"),
    ),
}
CI_VERSION_MARK = "@MCX_VERSION@"


def ci_text(template: str) -> str:
    """A CI template with this mcx-author's version filled in, so CI installs the toolchain that wrote it."""
    from importlib.resources import files

    from . import __version__

    text = files("authoring").joinpath("templates", "ci", template).read_text(encoding="utf-8")
    return text.replace(CI_VERSION_MARK, __version__)


def new_ci(root: Path, provider: str) -> tuple[list[Path], list[Path]]:
    """Write the CI files of `provider` into the content root; (created, skipped because they exist).

    An existing file is never overwritten: it may be the repository's own, edited workflow."""
    if provider not in CI_TEMPLATES:
        raise UsageError(f"unknown CI provider `{provider}` (known: {', '.join(sorted(CI_TEMPLATES))})")
    created, skipped = [], []
    for template, relative in CI_TEMPLATES[provider]:
        target = root / relative
        if target.exists() or target.is_symlink():
            skipped.append(target)
            continue
        write_new(target, ci_text(template))
        created.append(target)
    return created, skipped


def new_task(root: Path, pack_dir: Path, task_id: str) -> list[Path]:
    """Create tasks/<id>.yaml in the pack and append the id to pack.yaml's `tasks` list."""
    from .loader import display_path
    from .yamlsrc import YamlError, read_yaml

    _check_slug("task", task_id)
    pack_file = pack_dir / "pack.yaml"
    task_file = pack_dir / "tasks" / f"{task_id}.yaml"
    if task_file.exists():
        raise UsageError(f"{display_path(task_file, root)} already exists")
    try:
        doc = read_yaml(pack_file, display_path(pack_file, root))
    except YamlError as exc:
        raise InputError(exc.message, exc.pos) from None
    data = doc.data if isinstance(doc.data, dict) else {}
    tasks = data.get("tasks")
    if not isinstance(tasks, list):
        raise InputError("pack.yaml has no `tasks` list to add the task to", doc.pos())
    if task_id in tasks:
        raise UsageError(f"task `{task_id}` is already in the pack's `tasks` list")
    architecture = data.get("architecture")
    components = architecture.get("components") if isinstance(architecture, dict) else None
    components = components if isinstance(components, list) else []
    first = next((c.get("id") for c in components if isinstance(c, dict) and isinstance(c.get("id"), str)), "")
    text = pack_file.read_text(encoding="utf-8")
    updated = _append_task(text, doc, task_id)
    write_new(
        task_file,
        TASK_TEMPLATE.format(
            id=task_id, title=_title(task_id), highlight=first, validators=GENERIC_VALIDATORS, solution=GENERIC_SOLUTION
        ),
    )
    write_atomic(pack_file, updated)
    return [task_file, pack_file]


def _closing_bracket(text: str, opening: int) -> int:
    """Index of the `]` matching the `[` at `opening` (quotes and comments skipped), or -1."""
    depth, i, quote = 0, opening, ""
    while i < len(text):
        char = text[i]
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and text[i - 1] in " \t\n":
            i = text.find("\n", i)
            if i < 0:
                return -1
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _append_task(text: str, doc, task_id: str) -> str:
    """Insert `- task_id` after the last entry of the block list `tasks:`, keeping comments and layout."""
    lines = text.splitlines(keepends=True)
    count = len(doc.data["tasks"])
    start = doc.pos(("tasks",))
    line = lines[start.line - 1]
    if line[start.column - 1 : start.column] == "[":
        # flow style, perhaps over several lines: insert before the closing bracket
        offset = sum(len(l) for l in lines[: start.line - 1]) + start.column - 1
        close = _closing_bracket(text, offset)
        if close < 0:
            raise InputError("cannot find the end of the `tasks` list in pack.yaml", start)
        separator = ", " if count else ""
        before = text[:close].rstrip()
        return before + separator + task_id + text[close:]
    last = doc.pos(("tasks", count - 1))
    indent = " " * (last.column - 1)
    dash = lines[last.line - 1][: last.column - 1].rstrip()
    dash_indent = dash[: len(dash) - 1] if dash.endswith("-") else indent
    new_line = f"{dash_indent}- {task_id}\n"
    if not lines[last.line - 1].endswith("\n"):
        lines[last.line - 1] += "\n"
    lines.insert(last.line, new_line)
    return "".join(lines)
