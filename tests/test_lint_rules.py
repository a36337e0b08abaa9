"""Every lint rule, specified by scenario packs: each tests/packs/<scenario> is the clean pack with one
realistic mistake, and lint must report exactly the expected findings at the offending key or value."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import PACKS, TESTS, edit, findings_of

from authoring.config import Config
from authoring.lint import lint_paths
from authoring.lint.registry import load_rules

PACK = "pack.yaml"
V = "tasks/enable-versioning.yaml"
W = "tasks/enable-website.yaml"

# scenario -> expected findings as (rule, file in the pack, line, column, text found at that place).
# The text is what the author wrote there: a test below checks each position against the file itself,
# so the table cannot drift from the YAML it describes.
SCENARIOS: dict[str, set[tuple[str, str, int, int, str]]] = {
    # yaml-syntax
    "colon-in-value": {("yaml-syntax", PACK, 6, 33, ": fast and cheap")},
    "tab-indent": {("yaml-syntax", PACK, 33, 1, "\t- {id: visitor")},
    "duplicate-key": {("yaml-syntax", V, 3, 1, "title: Turn on versioning")},
    "unquoted-placeholder": {("yaml-syntax", W, 18, 22, "{site_bucket}}")},
    # schema
    "wrong-type": {("schema", W, 13, 9, "twenty")},
    "unquoted-version": {("schema", PACK, 4, 10, "1.0")},
    "missing-required": {("schema", V, 1, 1, "id: enable-versioning")},  # the task mapping that lacks `points`
    "bad-level": {("schema", PACK, 10, 8, "beginner")},
    # unknown-key
    "typo-key": {("unknown-key", W, 5, 1, "objectves:")},
    "typo-matcher": {("unknown-key", V, 22, 9, "equal: Enabled")},
    # matcher-value
    "text-as-number": {("matcher-value", W, 32, 18, '"{suffix}"')},
    # duplicate-id (task, component, validator ids; counterexample names; a group and a component; repeats in lists)
    "copied-task": {
        ("duplicate-id", "tasks/enable-logging.yaml", 1, 5, "enable-versioning"),
        ("id-mismatch", "tasks/enable-logging.yaml", 1, 5, "enable-versioning"),
    },
    "duplicate-component": {("duplicate-id", PACK, 35, 12, "site-bucket, label: Logs bucket")},
    "duplicate-validator-id": {("duplicate-id", W, 23, 9, "website-enabled")},
    "duplicate-counterexample-name": {("duplicate-id", V, 37, 11, "versioning suspended")},
    "group-component-same-id": {("duplicate-id", PACK, 35, 12, "site-bucket, label: Site bucket, service")},
    "task-listed-twice": {("duplicate-id", PACK, 40, 5, "enable-website")},
    "service-listed-twice": {("duplicate-id", PACK, 17, 16, "s3]")},
    "dependency-listed-twice": {("duplicate-id", W, 11, 33, "enable-versioning]")},
    "highlight-listed-twice": {("duplicate-id", W, 12, 26, "site-bucket]")},
    # id-mismatch
    "task-id-mismatch": {("id-mismatch", W, 1, 5, "enable-site")},
    "pack-id-mismatch": {("id-mismatch", PACK, 3, 5, "clean")},
    # unknown-reference: depends_on, highlight, group parent, component group, connection end,
    # pack task list, counterexample fails, python function
    "unknown-dependency": {("unknown-reference", W, 11, 14, "enable-versoning")},
    "highlight-typo": {("unknown-reference", W, 12, 13, "site-bukket")},
    "unknown-parent-group": {("unknown-reference", PACK, 31, 58, "aws}")},
    "unknown-component-group": {("unknown-reference", PACK, 34, 65, "us-east}")},
    "unknown-connection-end": {("unknown-reference", PACK, 36, 27, "bucket, label")},
    "missing-task-file": {("unknown-reference", PACK, 40, 5, "enable-logging")},
    "unknown-fails": {("unknown-reference", V, 36, 13, "versioning-on")},
    "unknown-python-function": {("unknown-reference", W, 35, 13, "validators/site.py:check_websit")},
    # dependency-cycle (tasks, a task on itself, groups)
    "cycle": {("dependency-cycle", V, 12, 14, "enable-website")},
    "self-dependency": {("dependency-cycle", W, 11, 33, "enable-website]")},
    "group-cycle": {("dependency-cycle", PACK, 30, 49, "region}")},
    # missing-file ($asset, python)
    "missing-asset": {("missing-file", PACK, 27, 22, "assets/index.htm}")},
    "missing-validator-file": {("missing-file", W, 35, 13, "validators/site.py:check_website")},
    # orphan-file (unlisted task, stray file in tasks/)
    "unlisted-task": {("orphan-file", "tasks/enable-logging.yaml", 1, 1, "id: enable-logging")},
    "stray-file": {("orphan-file", "tasks/enable-logging.yml", 1, 1, "id: enable-logging")},
    # unknown-service (call, services list, component)
    "s3api-call": {("unknown-service", V, 18, 11, "s3api.get_bucket_versioning")},
    "service-list-typo": {("unknown-service", PACK, 17, 16, "cloudfrnt")},
    "component-service-typo": {("unknown-service", PACK, 34, 54, "amazon-s3")},
    # service-not-declared
    "undeclared-service": {("service-not-declared", PACK, 28, 11, "lambda.list_functions")},
    # unknown-operation
    "operation-typo": {("unknown-operation", W, 17, 11, "s3.get_website_configuration")},
    # deprecated-operation
    "deprecated-operation": {("deprecated-operation", PACK, 28, 11, "s3.put_bucket_lifecycle")},
    # invalid-params (unknown parameter at its key, not also the required one it misspells; missing; wrong type)
    "param-typo": {("invalid-params", W, 38, 7, "WebsiteConfig:")},
    "missing-param": {("invalid-params", V, 17, 5, "id: versioning-enabled")},  # the call that lacks Bucket
    "param-wrong-type": {("invalid-params", W, 38, 29, "index.html")},
    # invalid-jmespath
    "bad-jmespath": {("invalid-jmespath", W, 20, 36, 'x"')},  # the last character of "IndexDocument.[Suffix"
    # output-path
    "output-path-typo": {("output-path", W, 20, 15, "IndexDocument.Sufix")},
    # unknown-error-code
    "error-code-typo": {("unknown-error-code", W, 37, 19, "NoSuchKy")},
    # mutating-validator (a write-like call, a read that hands out secrets)
    "invoke-in-validator": {("mutating-validator", W, 35, 11, "lambda.invoke")},
    "secret-in-validator": {("mutating-validator", W, 35, 11, "secretsmanager.get_secret_value")},
    # undefined-variable (typo in params, variable used before its definition, solution save in a validator)
    "undefined-var": {("undefined-variable", V, 19, 23, "{site_buckt}")},
    "variable-order": {("undefined-variable", PACK, 19, 21, "{site_bucket}")},
    "solution-save-in-validator": {("undefined-variable", W, 22, 82, "{index_document}")},
    # time-budget (error: dependency chain; warning: sum)
    "over-time": {("time-budget", PACK, 11, 19, "20")},
    "sum-over-time": {("time-budget", PACK, 11, 19, "20")},
    # unknown-locale (locales key, source_locale)
    "country-locale": {("unknown-locale", PACK, 15, 3, "jp:")},
    "source-locale-typo": {("unknown-locale", PACK, 13, 16, "en-EN")},
    # path-escape ($asset with .., absolute $asset, python with ..)
    "escape-asset": {("path-escape", PACK, 27, 22, "../../shared/index.html")},
    "absolute-asset": {("path-escape", PACK, 27, 22, "/var/www/index.html")},
    "escape-python": {("path-escape", W, 35, 13, "../shared/site.py:check_website")},
    "zip-folder": set(),  # clean as committed; test_lint_links_out_of_pack.py adds links and FIFOs at run time
    # unused-component
    "unused-component": {("unused-component", PACK, 35, 12, "cdn")},
    # diagram-size: the 101st component
    "big-architecture": {("diagram-size", PACK, 133, 12, "b099")},
    # bad-suppression
    "unknown-suppression": {("bad-suppression", V, 9, 53, "# mcx: disable=hint-lek")},
    # hint-leak
    "free-hint-leak": {("hint-leak", W, 9, 33, "`index.html`.")},
}

# The severity of the one finding where it is not the rule's default.
SEVERITY = {"sum-over-time": "warning", "over-time": "error"}


def expected(scenario: str) -> set[tuple[str, str, int, int]]:
    return {(rule, f"packs/{scenario}/{file}", line, col) for rule, file, line, col, _ in SCENARIOS[scenario]}


def test_clean_pack_has_no_findings():
    result = lint_paths([str(PACKS / "clean")], TESTS, Config())
    assert result.findings == ()
    assert result.files == 3


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_scenario_reports_exactly_the_expected_findings(scenario):
    assert findings_of(PACKS / scenario, TESTS) == expected(scenario)


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_expected_positions_point_at_the_offending_text(scenario):
    for _, file, line, col, text in SCENARIOS[scenario]:
        lines = (PACKS / scenario / file).read_text(encoding="utf-8").splitlines()
        assert lines[line - 1][col - 1 :].startswith(text), (file, line, col, lines[line - 1])


@pytest.mark.parametrize("scenario", sorted(SEVERITY))
def test_time_budget_severity_depends_on_chain_or_sum(scenario):
    result = lint_paths([str(PACKS / scenario)], TESTS, Config())
    assert [f.severity for f in result.findings] == [SEVERITY[scenario]]


def test_every_registered_rule_has_a_scenario():
    covered = {rule for findings in SCENARIOS.values() for rule, *_ in findings}
    covered.add("rule-crashed")  # needs a rule that raises: tests/test_lint_rule_crashed.py
    assert set(load_rules()) - covered == set()


def test_every_scenario_directory_is_in_the_table():
    # dryrun-* packs are dry-run scenarios (tests/test_dryrun.py), not lint ones
    directories = {p.name for p in PACKS.iterdir() if p.is_dir() and not p.name.startswith("dryrun-")} - {"clean"}
    assert directories == set(SCENARIOS)


@pytest.mark.parametrize("scenario", sorted(set(SCENARIOS) - {"pack-id-mismatch"}))
def test_scenario_pack_id_equals_its_directory(scenario):
    assert f"\nid: {scenario}\n" in (PACKS / scenario / PACK).read_text(encoding="utf-8")


# --- yaml-syntax cases generated at test time (binary or large files stay out of the repo) ----------


def test_bad_utf8_is_reported_at_the_offending_byte(copy_pack, content_root):
    pack = copy_pack("clean")
    text = (pack / PACK).read_text(encoding="utf-8")
    text = text.replace("summary: Host the marketing site from an S3 bucket.", "summary: Host the café's site.")
    (pack / PACK).write_bytes(text.encode("latin-1"))  # an editor that saved Latin-1
    assert findings_of(pack, content_root) == {("yaml-syntax", "packs/clean/pack.yaml", 6, len("summary: Host the caf") + 1)}


def test_nul_bytes_are_reported_as_a_binary_file(copy_pack, content_root):
    pack = copy_pack("clean")
    (pack / W).write_bytes(b"id: enable-website\n\x00\x01\x02\x03")
    result = lint_paths([str(pack)], content_root, Config())
    syntax = [f for f in result.findings if f.rule == "yaml-syntax"]
    assert [(f.file, f.line) for f in syntax] == [("packs/clean/tasks/enable-website.yaml", 2)]


def test_alias_bomb_is_refused_quickly(copy_pack, content_root):
    pack = copy_pack("clean")
    bomb = ['lol0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    bomb += [f"lol{i}: &l{i} [{','.join(f'*l{i - 1}' for _ in range(9))}]" for i in range(1, 10)]
    with (pack / PACK).open("a", encoding="utf-8") as handle:
        handle.write("\n".join(bomb) + "\n")
    start = time.perf_counter()
    result = lint_paths([str(pack)], content_root, Config())
    assert time.perf_counter() - start < 1.0
    [finding] = result.findings
    first_bomb_line = 41  # the clean pack.yaml has 40 lines
    assert (finding.rule, finding.file) == ("yaml-syntax", "packs/clean/pack.yaml")
    assert first_bomb_line <= finding.line < first_bomb_line + len(bomb)
    assert "more than" in finding.message


def test_file_over_2_mb_is_refused_at_its_first_line(copy_pack, content_root):
    pack = copy_pack("clean")
    with (pack / PACK).open("a", encoding="utf-8") as handle:
        handle.write(("# padding\n") * 220_000)  # 2.2 MB of comments: valid YAML, but too big
    result = lint_paths([str(pack)], content_root, Config())
    assert [(f.rule, f.file, f.line, f.column) for f in result.findings] == [
        ("yaml-syntax", "packs/clean/pack.yaml", 1, 1)
    ]
    assert "MB" in result.findings[0].message


def test_unreadable_task_file_reports_only_its_syntax_error(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / V, "title: Protect the site's files with versioning", "title: Versioning: protect the site's files")
    assert findings_of(pack, content_root) == {("yaml-syntax", "packs/clean/tasks/enable-versioning.yaml", 2, 18)}


# --- file references: sub-cases that need links, directories or generated files ------------------


def _add_python_validator(pack: Path, python: str) -> None:
    edit(
        pack / W,
        "solution:",
        f"  - id: website-custom\n    python: {python}\n    fail_message: The website is not configured.\nsolution:",
    )


def test_asset_through_a_symlink_out_of_the_pack_escapes(copy_pack, content_root, tmp_path):
    pack = copy_pack("clean")
    outside = tmp_path / "outside.html"
    outside.write_text("<h1>not in the pack</h1>\n")
    (pack / "assets" / "index.html").unlink()
    (pack / "assets" / "index.html").symlink_to(outside)
    assert findings_of(pack, content_root) == {("path-escape", "packs/clean/pack.yaml", 27, 22)}


def test_zip_of_a_directory_inside_the_pack_is_fine(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / PACK, "Body: {$asset: assets/index.html}", "Body: {$zip: assets}")
    assert findings_of(pack, content_root) == set()


def test_python_validator_whose_file_does_not_parse(copy_pack, content_root):
    pack = copy_pack("clean")
    (pack / "validators").mkdir()
    (pack / "validators" / "site.py").write_text("def check_website(ctx)\n    return True\n")
    _add_python_validator(pack, "validators/site.py:check_website")
    assert findings_of(pack, content_root) == {("unknown-reference", "packs/clean/tasks/enable-website.yaml", 35, 13)}


def test_python_validator_that_exists_is_fine(copy_pack, content_root):
    pack = copy_pack("unknown-python-function", as_name="clean")
    edit(pack / W, "validators/site.py:check_websit\n", "validators/site.py:check_website\n")
    assert findings_of(pack, content_root) == set()


def test_python_validator_naming_a_directory_is_reported(copy_pack, content_root):
    pack = copy_pack("clean")
    (pack / "validators" / "site.py").mkdir(parents=True)
    _add_python_validator(pack, "validators/site.py:check_website")
    positions = {(file, line, col) for _, file, line, col in findings_of(pack, content_root)}
    assert positions == {("packs/clean/tasks/enable-website.yaml", 35, 13)}


def test_asset_naming_a_directory_is_reported(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / PACK, "Body: {$asset: assets/index.html}", "Body: {$asset: assets}")
    positions = {(file, line, col) for _, file, line, col in findings_of(pack, content_root)}
    assert positions == {("packs/clean/pack.yaml", 27, 22)}


def test_expect_beside_steps_is_reported_as_needing_call(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(
        pack / W,
        "    fail_message: The index document `{index_key}`",
        "    expect:\n      - path: ContentLength\n        gte: 1\n    fail_message: The index document `{index_key}`",
    )
    result = lint_paths([str(pack)], content_root, Config())
    [finding] = result.findings
    assert finding.rule == "schema"
    assert "`expect`" in finding.message


def test_wrong_parameter_type_message_speaks_yaml():
    [finding] = lint_paths([str(PACKS / "param-wrong-type")], TESTS, Config()).findings
    assert "<class" not in finding.message


# --- undefined-variable: what is visible where ---------------------------------------------------

SAVE_IN_VERSIONING_SOLUTION = (
    "      VersioningConfiguration: {Status: Enabled}\ncounterexamples:",
    "      VersioningConfiguration: {Status: Enabled}\n"
    "  - call: s3.get_bucket_versioning\n"
    '    params: {Bucket: "{site_bucket}"}\n'
    "    save: {versioning_status: Status}\n"
    "counterexamples:",
)


def test_solution_sees_values_saved_by_the_solutions_it_depends_on(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / V, *SAVE_IN_VERSIONING_SOLUTION)
    edit(pack / W, "      WebsiteConfiguration: {IndexDocument: {Suffix: index.html}}\ncounterexamples:",
         "      WebsiteConfiguration: {IndexDocument: {Suffix: index.html}}\n"
         '  - call: s3.put_bucket_tagging\n'
         '    params: {Bucket: "{site_bucket}", Tagging: {TagSet: [{Key: versioning, Value: "{versioning_status}"}]}}\n'
         "counterexamples:")
    assert findings_of(pack, content_root) == set()


def test_solution_does_not_see_values_saved_by_tasks_it_does_not_depend_on(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / W, "      WebsiteConfiguration: {IndexDocument: {Suffix: index.html}}\ncounterexamples:",
         "      WebsiteConfiguration: {IndexDocument: {Suffix: index.html}}\n"
         '  - call: s3.get_bucket_website\n    params: {Bucket: "{site_bucket}"}\n'
         "    save: {index_document: IndexDocument.Suffix}\ncounterexamples:")
    edit(pack / V, "      VersioningConfiguration: {Status: Enabled}\ncounterexamples:",
         "      VersioningConfiguration: {Status: Enabled}\n"
         '  - call: s3.head_object\n    params: {Bucket: "{site_bucket}", Key: "{index_document}"}\ncounterexamples:')
    assert findings_of(pack, content_root) == {("undefined-variable", "packs/clean/tasks/enable-versioning.yaml", 30, 45)}


def test_validators_see_values_saved_by_setup(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / PACK, "      Body: {$asset: assets/index.html}\n",
         "      Body: {$asset: assets/index.html}\n    save: {index_etag: ETag}\n")
    edit(pack / V, "    fail_message: Versioning is not enabled on `{site_bucket}`.",
         "    fail_message: Versioning is not enabled on `{site_bucket}` (index {index_etag}).")
    assert findings_of(pack, content_root) == set()


def test_escaped_braces_are_not_placeholders(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / V, "    fail_message: Versioning is not enabled on `{site_bucket}`.",
         "    fail_message: 'Versioning is not enabled on `{{bucket_name}}`; policy {\"Version\": \"2012-10-17\"}.'")
    assert findings_of(pack, content_root) == set()


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("get_website_configuration", "get_bucket_website"),  # the right words in the wrong order
        ("get_bucket_websit", "get_bucket_website"),  # a typo
        ("GetBucketWebsite", "get_bucket_website"),  # the API name instead of the boto3 method
    ],
)
def test_unknown_operation_suggests_the_intended_method(copy_pack, content_root, written, meant):
    pack = copy_pack("clean")
    edit(pack / W, "    call: s3.get_bucket_website", f"    call: s3.{written}")
    result = lint_paths([str(pack)], content_root, Config())
    messages = [f.message for f in result.findings if f.rule in ("unknown-operation", "schema")]
    assert len(messages) == 1 and f"`s3.{meant}`" in messages[0]


def test_a_whole_number_written_as_a_float_counts_as_that_number(copy_pack, content_root):
    # JSON Schema takes 50.0 as an integer, so the model must too: 10 + 50 minutes in a 60-minute exam fit
    pack = copy_pack("clean")
    edit(pack / W, "estimated_minutes: 15", "estimated_minutes: 50.0")
    assert findings_of(pack, content_root) == set()
    edit(pack / W, "estimated_minutes: 50.0", "estimated_minutes: 51.0")
    assert {f[0] for f in findings_of(pack, content_root)} == {"time-budget"}
