"""Lint and the runtime agree: what dry-run refuses for a reason knowable from the files is a lint error
first (the same bad packs fed to both), and what the runtime accepts and the format documents lint accepts."""

from __future__ import annotations

import json

import pytest

from authoring.config import Config
from authoring.lint import lint_paths
from conftest import edit

# scenario pack -> (the lint rule that reports it, what the runtime says when it meets it)
REFUSED = {
    "dryrun-mutating": ("mutating-validator", "refused mutating call s3:PutBucketVersioning"),
    "dryrun-path-escape": ("path-escape", "leaves the pack directory"),
    "dryrun-python-missing-function": ("unknown-reference", "defines no function `index_page_served`"),
    "dryrun-undefined-placeholder": ("undefined-variable", "unknown placeholder `{site_bukcet}`"),
    "dryrun-solution-save": ("undefined-variable", "unknown placeholder `{index_key}`"),
}


def lint_errors(pack, root) -> set[str]:
    result = lint_paths([str(pack)], root, Config())
    return {f.rule for f in result.findings if f.severity == "error"}


def runtime_refusal(run, pack) -> str:
    """What dry-run says about the pack: its one-line refusal, or the details of its problems."""
    result = run("dry-run", pack, "--format", "json")
    assert result.exit_code == 1
    if not result.stdout:
        return result.stderr
    return "\n".join(p["detail"] for t in json.loads(result.stdout)["tasks"] for p in t["problems"])


@pytest.mark.parametrize("scenario", sorted(REFUSED))
def test_lint_reports_what_the_runtime_refuses(run, copy_pack, content_root, scenario):
    rule, refusal = REFUSED[scenario]
    pack = copy_pack(scenario)
    assert rule in lint_errors(pack, content_root)
    assert refusal in runtime_refusal(run, pack)


def test_whole_placeholder_as_a_number_matcher_is_lint_clean_and_verified(run, copy_pack, content_root):
    pack = copy_pack("dryrun-clean")
    edit(pack / "tasks/enable-website.yaml", """        params: {Bucket: "{site_bucket}", Key: "{index_key}"}
        expect:
          - path: ContentLength
            gte: 1""", """        params: {Bucket: "{site_bucket}", Key: "{index_key}"}
        save: {index_size: ContentLength}
      - call: s3.list_objects_v2
        params: {Bucket: "{site_bucket}"}
        expect:
          - path: "Contents[?Key=='{index_key}'].Size | [0]"
            gte: "{index_size}\"""")
    assert lint_errors(pack, content_root) == set()
    result = run("dry-run", pack, "--format", "json")
    assert result.exit_code == 0, result.stdout


def test_number_matcher_filled_with_text_is_a_lint_error_and_fails_its_validator(run, copy_pack, content_root):
    pack = copy_pack("dryrun-clean")
    edit(pack / "tasks/enable-website.yaml", "            gte: 1", '            gte: "{suffix}"')
    assert "matcher-value" in lint_errors(pack, content_root)
    assert "`gte` takes a number" in runtime_refusal(run, pack)  # a failed validator, never a crash


def test_regex_that_does_not_compile_is_a_lint_error_and_fails_its_validator(run, copy_pack, content_root):
    pack = copy_pack("dryrun-clean")
    edit(pack / "tasks/enable-versioning.yaml", "        equals: Enabled", "        matches: 'Enabled('")
    assert "matcher-value" in lint_errors(pack, content_root)
    assert "does not compile" in runtime_refusal(run, pack)
