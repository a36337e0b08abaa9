"""Malformed input is a finding or a usage error, never a crash: exit 1 or 2, no traceback, and the
message names the file that is wrong."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import edit

PACK = "pack.yaml"
V = "tasks/enable-versioning.yaml"
W = "tasks/enable-website.yaml"


def write(path: Path, content: str | bytes) -> None:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def replace_block(path: Path, key: str, next_key: str, new: str) -> None:
    """Replace the top-level block from `key:` up to (not including) `next_key:` with `new`."""
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"^{re.escape(key)}:.*?(?=^{re.escape(next_key)}:)", re.S | re.M)
    assert pattern.search(text), (key, next_key)
    path.write_text(pattern.sub(new, text, count=1), encoding="utf-8")


def _in(file: str, old: str, new: str):
    return lambda pack: edit(pack / file, old, new)


def _write(file: str, content: str | bytes):
    return lambda pack: write(pack / file, content)


def _block(file: str, key: str, next_key: str, new: str):
    return lambda pack: replace_block(pack / file, key, next_key, new)


def _directory_named_like_a_task(pack: Path) -> None:
    (pack / "tasks" / "add-logging.yaml").mkdir()
    edit(pack / PACK, "  - enable-website\n", "  - enable-website\n  - add-logging\n")


# (id, how to break a copy of the clean pack, the file the output must name)
BAD_INPUTS = [
    ("empty-pack-yaml", _write(PACK, ""), PACK),
    ("pack-yaml-is-a-list", _write(PACK, "- schema: mcx/v1\n- id: clean\n"), PACK),
    ("pack-yaml-is-a-scalar", _write(PACK, "clean\n"), PACK),
    ("pack-yaml-is-only-comments", _write(PACK, "# TODO\n"), PACK),
    ("task-is-a-scalar", _write(W, "enable website\n"), W),
    ("task-is-empty", _write(W, ""), W),
    ("task-is-a-list", _write(W, "- id: enable-website\n"), W),
    ("validators-is-a-number", _block(W, "validators", "solution", "validators: 5\n"), W),
    ("validators-holds-a-number", _block(W, "validators", "solution", "validators: [5]\n"), W),
    ("validator-is-empty", _block(W, "validators", "solution", "validators: [{}]\n"), W),
    ("validator-steps-hold-a-number", _block(W, "validators", "solution",
                                             "validators:\n  - {id: x, steps: [5], fail_message: x}\n"), W),
    ("params-is-a-list", _in(V, '    params: {Bucket: "{site_bucket}"}', "    params: [1, 2]"), V),
    ("params-is-a-string", _in(V, '    params: {Bucket: "{site_bucket}"}', "    params: Bucket"), V),
    ("expect-holds-a-number", _in(V, "    expect:\n      - path: Status\n        equals: Enabled\n",
                                  "    expect: [5]\n"), V),
    ("expect-is-a-mapping", _in(V, "    expect:\n      - path: Status\n        equals: Enabled\n",
                                "    expect: {path: Status, equals: Enabled}\n"), V),
    ("expect-path-is-a-number", _in(V, "      - path: Status", "      - path: 5"), V),
    ("save-is-a-list", _in(W, "        save: {index_key: IndexDocument.Suffix}", "        save: [index_key]"), W),
    ("hints-is-a-string", _block(V, "hints", "depends_on", 'hints: "x"\n'), V),
    ("hint-cost-is-a-word", _in(V, "    cost: 5", "    cost: free"), V),
    ("depends-on-is-a-string", _in(W, "depends_on: [enable-versioning]", "depends_on: enable-versioning"), W),
    ("depends-on-holds-a-list", _in(W, "depends_on: [enable-versioning]", "depends_on: [[enable-versioning]]"), W),
    ("highlight-holds-a-mapping", _in(W, "highlight: [site-bucket]", "highlight: [{id: site-bucket}]"), W),
    ("fails-is-a-string", _in(V, "fails: [versioning-enabled]", "fails: versioning-enabled"), V),
    ("counterexample-steps-is-a-number", _in(V, "    steps:\n      - call: s3.put_bucket_versioning",
                                             "    steps: 5\n    old_steps:\n      - call: s3.put_bucket_versioning"), V),
    ("call-is-a-number", _in(V, "    call: s3.get_bucket_versioning", "    call: 5"), V),
    ("call-has-no-operation", _in(V, "    call: s3.get_bucket_versioning", "    call: s3"), V),
    ("solution-holds-a-number", _in(V, "solution:\n", "solution:\n  - 5\n"), V),
    ("task-id-is-a-number", _in(V, "id: enable-versioning", "id: 5"), V),
    ("python-is-a-number", _block(W, "validators", "solution",
                                  "validators:\n  - {id: x, python: 5, fail_message: x}\n"), W),
    ("asset-has-a-nul-escape", _in(PACK, "{$asset: assets/index.html}", '{$asset: "assets/\\0index.html"}'), PACK),
    ("tasks-is-a-mapping", _in(PACK, "tasks:\n  - enable-versioning\n  - enable-website\n", "tasks: {a: 1}\n"), PACK),
    ("services-is-a-string", _in(PACK, "services: [s3]", "services: s3"), PACK),
    ("locales-is-a-list", _in(PACK, "locales:\n  ja: {required: true}\n", "locales: [ja]\n"), PACK),
    ("locale-spec-is-a-number", _in(PACK, "  ja: {required: true}", "  ja: 5"), PACK),
    ("variables-is-a-list", _in(PACK, "variables:\n  site_bucket:", "variables:\n  - site_bucket:"), PACK),
    ("variable-is-a-number", _in(PACK, '  site_bucket: "mcx-clean-site-{account_id}-{suffix}"', "  site_bucket: 5"), PACK),
    ("setup-is-a-mapping", _in(PACK, "setup:\n  - call: s3.create_bucket", "setup:\n  call: s3.create_bucket\n  x:\n  - call: s3.create_bucket"), PACK),
    ("architecture-is-a-list", _block(PACK, "architecture", "tasks", "architecture: [groups, components]\n"), PACK),
    ("components-is-a-mapping", _in(PACK, "  components:\n", "  components: {visitor: x}\n  old_components:\n"), PACK),
    ("group-parent-is-a-list", _in(PACK, "parent: aws-cloud}", "parent: [aws-cloud]}"), PACK),
    ("binary-task-file", _write(W, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe"), W),
    ("latin1-task-file", _write(W, "id: enable-website\ntitle: Caf\xe9\n".encode("latin-1")), W),
    ("utf16-pack-yaml", _write(PACK, "schema: mcx/v1\nid: clean\n".encode("utf-16")), PACK),
    ("directory-named-like-a-task", _directory_named_like_a_task, "tasks/add-logging.yaml"),
]


@pytest.mark.parametrize(("name", "breaks", "named"), BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_is_reported_without_a_traceback(run, copy_pack, content_root, name, breaks, named):
    pack = copy_pack("clean")
    breaks(pack)
    result = run("--root", content_root, "lint", pack)
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output
    assert "internal error" not in result.output
    assert f"packs/clean/{named}" in result.output


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_bad_input_is_reported_in_every_format(run, copy_pack, content_root, fmt):
    pack = copy_pack("clean")
    write(pack / W, b"\x89PNG\r\n\x1a\n\x00")
    result = run("--root", content_root, "lint", "--format", fmt, pack)
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert "packs/clean/tasks/enable-website.yaml" in result.stdout


def test_pack_yaml_symlink_loop_is_reported_on_that_file(run, copy_pack, content_root):
    pack = copy_pack("clean")
    (pack / PACK).unlink()
    (pack / PACK).symlink_to(PACK)
    result = run("--root", content_root, "lint", pack)
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert "packs/clean/pack.yaml" in result.stdout and "[yaml-syntax]" in result.stdout


def test_pack_yaml_symlink_loop_named_directly_is_not_a_crash(run, copy_pack, content_root):
    pack = copy_pack("clean")
    (pack / PACK).unlink()
    (pack / PACK).symlink_to(PACK)
    result = run("--root", content_root, "lint", pack / PACK)
    assert result.exit_code in (1, 2)
    assert "internal error" not in result.output


def test_unreadable_pack_yaml_is_not_skipped_when_linting_the_root(run, copy_pack, content_root):
    copy_pack("clean")
    broken = copy_pack("clean", as_name="broken")
    (broken / PACK).unlink()
    (broken / PACK).symlink_to("missing.yaml")
    result = run("--root", content_root, "lint")
    assert result.exit_code in (1, 2)
    assert "packs/broken" in result.output


# Known crashes (and one miss): each is a real bug, kept here so that the fix shows up as an XPASS.
KNOWN_BUGS = [
    ("int-with-only-underscores", _in(V, "points: 10", "points: 0x_"), V,
     "YAML 1.1 int `0x_`/`0b_` is resolved as int and fails to construct (ValueError); lint exits 3"),
    ("int-over-4300-digits", _in(V, "points: 10", "points: " + "9" * 5000), V,
     "an int over Python's 4300-digit limit fails to construct (ValueError); lint exits 3"),
    ("explicit-int-tag-on-a-word", _in(V, "points: 10", "points: !!int ten"), V,
     "`!!int ten` fails to construct (ValueError); lint exits 3"),
    ("asset-is-a-list", _in(PACK, "{$asset: assets/index.html}", "{$asset: [assets/index.html]}"), PACK,
     "a `$asset`/`$zip` whose value is not a path string is no file reference to any rule, and invalid-params "
     "replaces it by a stand-in, so lint exits 0 with no finding"),
    ("tasks-holds-a-mapping", _in(PACK, "  - enable-website\n", "  - {id: enable-website}\n"), PACK,
     "loader.load_pack builds {task: index} from the raw `tasks` list (TypeError: unhashable type: 'dict'); lint exits 3"),
]


@pytest.mark.parametrize(
    ("name", "breaks", "named"),
    [
        pytest.param(name, breaks, named)
        for name, breaks, named, why in KNOWN_BUGS
    ],
    ids=[case[0] for case in KNOWN_BUGS],
)
def test_known_bad_input_is_reported_without_a_traceback(run, copy_pack, content_root, name, breaks, named):
    test_bad_input_is_reported_without_a_traceback(run, copy_pack, content_root, name, breaks, named)


def test_very_deep_group_nesting_is_not_a_crash(run, copy_pack, content_root):
    pack = copy_pack("clean")
    groups = "".join(f"    - {{id: g{i}, label: G{i}, parent: g{i + 1}}}\n" for i in range(1500))
    edit(pack / PACK, "  groups:\n", "  groups:\n" + groups + "    - {id: g1500, label: Top}\n")
    result = run("--root", content_root, "lint", pack)
    assert "internal error" not in result.output


def test_new_task_with_a_malformed_architecture_is_not_a_crash(run, copy_pack, content_root):
    pack = copy_pack("clean")
    replace_block(pack / PACK, "architecture", "tasks", "architecture: [groups, components]\n")
    result = run("--root", content_root, "new", "task", "clean", "add-logging")
    assert result.exit_code == 0  # the task is written; lint reports the pack's own mistake
    assert "internal error" not in result.output
    assert (pack / "tasks" / "add-logging.yaml").is_file()


def test_new_task_with_an_unreadable_pack_yaml_names_it(run, copy_pack, content_root):
    pack = copy_pack("clean")
    write(pack / PACK, "tasks: [a\n")
    result = run("--root", content_root, "new", "task", "clean", "add-logging")
    assert result.exit_code == 1
    assert "internal error" not in result.output
    assert result.stderr.startswith("packs/clean/pack.yaml:")


# --- Exit 3 is for our bugs only: hostile paths as inputs and outputs give one line and exit 1 or 2 ---
# Every case fails for root too (no chmod): directories where files are expected, FIFOs, devices, link
# loops, paths under a file, and /proc, where nobody may create a file. The CLI runs in a subprocess
# with a timeout, so that a FIFO that blocks fails the test instead of hanging the suite.


def _self_link(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.symlink_to(path.name)


def _po(root: Path) -> Path:
    return root / "locales" / "ja" / "LC_MESSAGES" / "clean.po"


def _translated(root: Path, run) -> None:
    assert run("--root", root, "i18n", "update").exit_code == 0


def _pot_is_a_directory(root, run):
    (root / "locales").mkdir()
    (root / "locales" / "clean.pot").mkdir()
    return ["i18n", "extract", "--check"]


def _po_is_a_directory(command):
    def setup(root, run):
        _translated(root, run)
        _po(root).unlink()
        _po(root).mkdir()
        return ["i18n", command]
    return setup


def _po_is_a_fifo(command):
    def setup(root, run):
        _translated(root, run)
        _po(root).unlink()
        os.mkfifo(_po(root))
        return ["i18n", command]
    return setup


def _mislabelled_catalog(root, run):
    _translated(root, run)
    text = re.sub("charset=utf-8", "charset=KOI8-R", _po(root).read_text(encoding="utf-8"), flags=re.I)
    _po(root).write_text(text, encoding="utf-8")
    return ["i18n", "compile"]


def _task_link_loop(root, run):
    _self_link(root / "packs" / "clean" / W)
    return ["lint", root / "packs" / "clean"]


def _asset_link_loop(root, run):
    _self_link(root / "packs" / "clean" / "assets" / "index.html")
    return ["lint", root / "packs" / "clean"]


def _deep_validator(root, run):
    pack = root / "packs" / "clean"
    (pack / "validators").mkdir()
    (pack / "validators" / "deep.py").write_text("x = " + "1+" * 200_000 + "1\n\ndef check(ctx):\n    return x\n")
    replace_block(pack / W, "validators", "solution",
                  "validators:\n  - {id: deep, python: 'validators/deep.py:check', fail_message: x}\n")
    return ["lint", pack]


def _pack_yaml_is_a_fifo(root, run):
    pack = root / "packs" / "clean"
    (pack / PACK).unlink()
    os.mkfifo(pack / PACK)
    return ["render-diagram", pack]


def _output(*parts):
    def setup(root, run):
        return ["render-diagram", root / "packs" / "clean", "-o", root.joinpath(*parts)]
    return setup


def _output_is(kind):
    def setup(root, run):
        target = root / "out.svg"
        {"dir": target.mkdir, "fifo": lambda: os.mkfifo(target), "loop": lambda: target.symlink_to("out.svg")}[kind]()
        return ["render-diagram", root / "packs" / "clean", "-o", target]
    return setup


def _all_into_a_file(root, run):
    (root / "afile").write_text("x")
    return ["render-diagram", root / "packs" / "clean", "--all", "-o", root / "afile"]


def _output_under_a_file(root, run):
    (root / "afile").write_text("x")
    return ["render-diagram", root / "packs" / "clean", "-o", root / "afile" / "x.svg"]


def _compile_into_proc(root, run):
    _translated(root, run)
    return ["i18n", "compile", "-o", "/proc/mcx-locales"]


HOSTILE_PATHS = [
    ("lint-dev-null", lambda root, run: ["lint", "/dev/null"]),
    ("lint-task-link-loop", _task_link_loop),
    ("lint-asset-link-loop", _asset_link_loop),
    ("lint-validator-nested-200k-deep", _deep_validator),
    ("render-pack-yaml-is-a-fifo", _pack_yaml_is_a_fifo),
    ("extract-check-pot-is-a-directory", _pot_is_a_directory),
    ("update-po-is-a-directory", _po_is_a_directory("update")),
    ("compile-po-is-a-directory", _po_is_a_directory("compile")),
    ("report-po-is-a-directory", _po_is_a_directory("report")),
    ("update-po-is-a-fifo", _po_is_a_fifo("update")),
    ("compile-mislabelled-catalog", _mislabelled_catalog),
    ("render-output-is-a-directory", _output_is("dir")),
    ("render-output-is-a-fifo", _output_is("fifo")),
    ("render-output-is-a-link-loop", _output_is("loop")),
    ("render-output-is-a-device", _output("..", "..", "..", "..", "..", "..", "..", "..", "dev", "full")),
    ("render-output-under-a-file", _output_under_a_file),
    ("render-all-into-a-file", _all_into_a_file),
    ("render-output-in-proc", lambda root, run: ["render-diagram", root / "packs" / "clean", "-o", "/proc/x.svg"]),
    ("compile-into-proc", _compile_into_proc),
]


@pytest.mark.parametrize("setup", [case[1] for case in HOSTILE_PATHS], ids=[case[0] for case in HOSTILE_PATHS])
def test_hostile_path_gives_one_line_and_exit_1_or_2(run, copy_pack, content_root, setup):
    copy_pack("clean")
    args = setup(content_root, run)
    result = subprocess.run(
        [sys.executable, "-m", "authoring.cli", "--root", str(content_root), *map(str, args)],
        cwd=content_root, capture_output=True, text=True, timeout=20,
    )
    assert result.returncode in (1, 2), result.stderr + result.stdout
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 1, result.stderr
