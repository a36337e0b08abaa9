"""Renders docs/lint-rules.md from the rule registry: `python -m authoring.lint.docs > docs/lint-rules.md`."""

from __future__ import annotations

import sys

from .registry import load_rules

HEADER = """\
# Lint rules

Generated from the rule docstrings by `python -m authoring.lint.docs`; edit the docstrings, not this file.

`mcx-author lint` reports every finding as `file:line:column: severity: message [rule-id]`.
A finding about a whole file (one that cannot be read) names the file alone: `file: severity: ...`.
Switch a rule off for one line with a comment on that line, `# mcx: disable=<rule-id>[,<rule-id>...]`
(`disable=all` silences every rule there), or for the whole repository in `mcx.toml`:

```toml
[lint]
disable = ["hint-leak"]
```

Errors make `lint` exit 1; warnings do too with `--strict`.

One mistake gives one finding. A key reported as a likely typo (`service:` for `services:`, the
parameter `Buckt` for `Bucket`) is not also reported as missing, and checks that need the intended key
stand down (no `service-not-declared` warnings while `services` is misspelled). A value that breaks the
schema (`call: s3.GetBucketWebsite`) gets no further finding at the same place.

| rule | severity | checks |
|---|---|---|
"""


def render() -> str:
    rules = sorted(load_rules().values(), key=lambda r: r.id)
    out = [HEADER]
    out += [f"| [`{r.id}`](#{r.id}) | {r.severity} | {r.summary} |\n" for r in rules]
    for r in rules:
        body = r.doc.split("\n\n", 1)
        details = body[1] if len(body) > 1 else ""
        prose = "\n".join(line for line in details.split("Fails:")[0].splitlines()).strip()
        out.append(f"\n## {r.id}\n\nSeverity: **{r.severity}**. {r.summary}\n")
        if prose:
            out.append(f"\n{prose}\n")
        for title, name in (("Fails", "Fails"), ("Passes", "Passes")):
            example = r.section(name)
            if example:
                out.append(f"\n{title}:\n\n```yaml\n{example}\n```\n")
    return "".join(out)


if __name__ == "__main__":
    sys.stdout.write(render())
