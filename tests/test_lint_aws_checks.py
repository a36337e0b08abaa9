"""Lint against botocore's models, beyond the one-scenario-per-rule table: output paths at any depth,
JMESPath functions, `expect_error` codes, operation suggestions and deprecated operations."""

from __future__ import annotations

import pytest
from conftest import edit

from authoring.config import Config
from authoring.lint import lint_paths

PACK = "pack.yaml"
W = "tasks/enable-website.yaml"
WEBSITE_VALIDATOR = (
    '    call: s3.get_bucket_website\n    params: {Bucket: "{site_bucket}"}\n'
    "    expect:\n      - path: IndexDocument.Suffix\n        equals: index.html\n"
)
SERVICES = ("services: [s3]", "services: [s3, lambda, dynamodb]")


def _with_validator(copy_pack, call: str, params: str, check: str):
    """The clean pack whose first website validator is `call` with `params` and `check` (YAML lines)."""
    pack = copy_pack("clean")
    edit(pack / PACK, *SERVICES)
    edit(pack / W, WEBSITE_VALIDATOR, f"    call: {call}\n    params: {params}\n{check}")
    return pack


def _expect(path: str, matcher: str = "exists: true") -> str:
    return f"    expect:\n      - path: {path}\n        {matcher}\n"


def _findings(pack, root, rule: str | None = None):
    found = lint_paths([str(pack)], root, Config()).findings
    return [f for f in found if rule is None or f.rule == rule]


# --- output-path: any depth ----------------------------------------------------------------------

DEEP_CASES = [
    ("lambda.get_function_event_invoke_config", "{FunctionName: orders}",
     "DestinationConfig.OnFailure.DestinationArn", "DestinationConfig.OnFailure.Destination", "Destination"),
    ("dynamodb.describe_continuous_backups", "{TableName: orders}",
     "ContinuousBackupsDescription.PointInTimeRecoveryDescription.PitrStatus",
     "ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus",
     "PointInTimeRecoveryStatus"),
    ("s3.get_bucket_notification_configuration", '{Bucket: "{site_bucket}"}',
     '"LambdaFunctionConfigurations | [0].Filter.Kee.FilterRules"',
     '"LambdaFunctionConfigurations | [0].Filter.Key.FilterRules"', "Key"),
    ("s3.get_bucket_notification_configuration", '{Bucket: "{site_bucket}"}',
     "\"LambdaFunctionConfigurations[?Events[0]=='s3:ObjectCreated:*'].Filter.Key.FilterRules[*].Nme\"",
     "\"LambdaFunctionConfigurations[?Events[0]=='s3:ObjectCreated:*'].Filter.Key.FilterRules[*].Name\"", "Name"),
]


@pytest.mark.parametrize(("call", "params", "wrong", "right", "meant"), DEEP_CASES)
def test_output_path_reports_a_wrong_field_at_any_depth(copy_pack, content_root, call, params, wrong, right, meant):
    pack = _with_validator(copy_pack, call, params, _expect(wrong))
    [finding] = _findings(pack, content_root)
    assert finding.rule == "output-path"
    assert (finding.line, finding.column) == (20, 15)
    assert f"`{meant}`" in finding.message


@pytest.mark.parametrize(("call", "params", "wrong", "right", "meant"), DEEP_CASES)
def test_output_path_accepts_the_right_field_at_any_depth(copy_pack, content_root, call, params, wrong, right, meant):
    pack = _with_validator(copy_pack, call, params, _expect(right))
    assert _findings(pack, content_root) == []


def test_output_path_reports_a_path_that_goes_on_past_a_scalar(copy_pack, content_root):
    pack = _with_validator(copy_pack, "s3.get_public_access_block", '{Bucket: "{site_bucket}"}',
                           _expect("PublicAccessBlockConfiguration.BlockPublicAcls.Enabled", "equals: true"))
    [finding] = _findings(pack, content_root)
    assert finding.rule == "output-path"
    assert "`BlockPublicAcls`" in finding.message and "`Enabled`" in finding.message


def test_output_path_message_says_the_expectation_can_never_pass(copy_pack, content_root):
    pack = _with_validator(copy_pack, "lambda.get_function_event_invoke_config", "{FunctionName: orders}",
                           _expect("DestinationConfig.OnFailure.DestinationArn", "equals: x"))
    [finding] = _findings(pack, content_root)
    assert "never pass" in finding.message


def test_output_path_message_says_exists_false_always_passes(copy_pack, content_root):
    pack = _with_validator(copy_pack, "lambda.get_function_event_invoke_config", "{FunctionName: orders}",
                           _expect("DestinationConfig.OnFailure.DestinationArn", "exists: false"))
    [finding] = _findings(pack, content_root)
    assert "always pass" in finding.message


def test_output_path_checks_function_arguments_and_stops_at_from_json(copy_pack, content_root):
    pack = _with_validator(copy_pack, "lambda.get_policy", "{FunctionName: orders}",
                           _expect("\"from_json(Polcy).Statement[?Effect=='Allow']\"", "min_length: 1"))
    [finding] = _findings(pack, content_root)
    assert finding.rule == "output-path" and "`Policy`" in finding.message
    edit(pack / W, "from_json(Polcy)", "from_json(Policy)")
    assert _findings(pack, content_root) == []


# --- JMESPath functions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "hint"),
    [
        ("to_int(RevisionId)", "`to_number`"),  # no such function
        ("fromjson(Policy)", "`from_json`"),  # our function, misspelled
        ("from_json(Policy, 'y')", "1 argument"),  # wrong arity
        ("length(Policy, RevisionId)", "1 argument"),
        ("starts_with(Policy)", "2 arguments"),
    ],
)
def test_jmespath_function_name_and_arity_are_checked(copy_pack, content_root, expression, hint):
    pack = _with_validator(copy_pack, "lambda.get_policy", "{FunctionName: orders}", _expect(f'"{expression}"'))
    [finding] = _findings(pack, content_root)
    assert (finding.rule, finding.severity, finding.line, finding.column) == ("invalid-jmespath", "error", 20, 15)
    assert hint in finding.message


@pytest.mark.parametrize("expression", ["not_null(Policy, RevisionId, Policy)", "merge(@)", "to_number(RevisionId)"])
def test_jmespath_functions_with_the_right_arity_pass(copy_pack, content_root, expression):
    pack = _with_validator(copy_pack, "lambda.get_policy", "{FunctionName: orders}", _expect(f'"{expression}"'))
    assert _findings(pack, content_root) == []


def test_jmespath_function_inside_a_filter_is_checked(copy_pack, content_root):
    pack = _with_validator(copy_pack, "lambda.get_policy", "{FunctionName: orders}",
                           _expect("\"from_json(Policy).Statement[?startswith(Sid, 'x')]\"", "min_length: 1"))
    [finding] = _findings(pack, content_root, "invalid-jmespath")
    assert "`starts_with`" in finding.message


# --- expect_error --------------------------------------------------------------------------------


def test_expect_with_expect_error_is_one_schema_error(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / W, "        equals: index.html\n    fail_message: Static",
         "        equals: index.html\n    expect_error: NoSuchWebsiteConfiguration\n    fail_message: Static")
    [finding] = _findings(pack, content_root)
    assert (finding.rule, finding.line, finding.column) == ("schema", 22, 5)
    assert "`expect_error`" in finding.message


def test_expect_with_expect_error_in_a_step_is_a_schema_error(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / W, "            gte: 1\n", "            gte: 1\n        expect_error: NoSuchKey\n")
    [finding] = _findings(pack, content_root)
    assert (finding.rule, finding.line) == ("schema", 33)


def _expect_error(copy_pack, call: str, params: str, code: str):
    return _with_validator(copy_pack, call, params, f"    expect_error: {code}\n")


def test_expect_error_code_the_operation_does_not_declare_is_an_error(copy_pack, content_root):
    pack = _expect_error(copy_pack, "s3.head_bucket", '{Bucket: "{site_bucket}"}', "NoSuchBuckett")
    [finding] = _findings(pack, content_root)
    assert (finding.rule, finding.severity, finding.line, finding.column) == ("unknown-error-code", "error", 19, 19)
    assert "`NoSuchBucket`" in finding.message


def test_expect_error_code_the_operation_declares_passes(copy_pack, content_root):
    pack = _expect_error(copy_pack, "lambda.get_policy", "{FunctionName: orders}", "ResourceNotFoundException")
    assert _findings(pack, content_root) == []


def test_expect_error_code_no_operation_of_the_service_declares_is_a_warning(copy_pack, content_root):
    # s3.get_bucket_policy declares no errors at all, so botocore cannot confirm the code
    pack = _expect_error(copy_pack, "s3.get_bucket_policy", '{Bucket: "{site_bucket}"}', "NoSuchBuckett")
    [finding] = _findings(pack, content_root)
    assert (finding.rule, finding.severity) == ("unknown-error-code", "warning")
    assert "declares no errors" in finding.message and "`NoSuchBucket`" in finding.message


def test_expect_error_code_another_operation_declares_passes_where_none_are_declared(copy_pack, content_root):
    pack = _expect_error(copy_pack, "s3.get_bucket_policy", '{Bucket: "{site_bucket}"}', "NoSuchBucket")
    assert _findings(pack, content_root) == []


def test_expect_error_code_the_s3_reference_documents_passes_though_botocore_omits_it(copy_pack, content_root):
    pack = _expect_error(copy_pack, "s3.get_bucket_policy", '{Bucket: "{site_bucket}"}', "NoSuchBucketPolicy")
    assert _findings(pack, content_root) == []


# --- operations: suggestions and deprecation -----------------------------------------------------


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("lambda.get_function_configration", "lambda.get_function_configuration"),  # a typo
        ("lambda.get_function_policy", "lambda.get_policy"),  # a qualifier too many
        ("s3.put_bucket_notifications", "s3.put_bucket_notification_configuration"),  # not the deprecated one
    ],
)
def test_unknown_operation_suggests_the_intended_current_operation(copy_pack, content_root, written, meant):
    pack = _with_validator(copy_pack, written, '{FunctionName: orders}', "")
    [message] = [f.message for f in _findings(pack, content_root, "unknown-operation")]
    assert f"`{meant}`" in message


def test_deprecated_operation_is_a_warning_naming_the_replacement(copy_pack, content_root):
    pack = _with_validator(copy_pack, "s3.get_bucket_notification", '{Bucket: "{site_bucket}"}', "")
    [finding] = _findings(pack, content_root)
    assert (finding.rule, finding.severity, finding.line, finding.column) == ("deprecated-operation", "warning", 17, 11)
    assert "`s3.get_bucket_notification_configuration`" in finding.message


def test_output_path_reports_a_field_read_from_a_list(copy_pack, content_root):
    pack = _with_validator(copy_pack, "s3.get_bucket_notification_configuration", '{Bucket: "{site_bucket}"}',
                           _expect("LambdaFunctionConfigurations.Id"))
    [finding] = _findings(pack, content_root)
    assert finding.rule == "output-path" and "[*].Id" in finding.message


def test_output_path_points_a_json_policy_field_to_from_json(copy_pack, content_root):
    pack = _with_validator(copy_pack, "lambda.get_policy", "{FunctionName: orders}", _expect("Policy.Statement"))
    [finding] = _findings(pack, content_root)
    assert finding.rule == "output-path" and "from_json()" in finding.message


def test_invalid_multiline_jmespath_is_one_shortened_line_at_the_error(copy_pack, content_root, run):
    expression = "|\n          IndexDocument\n          .[Suffix)\n          | " + "x" * 200 + "\n"
    pack = _with_validator(copy_pack, "s3.get_bucket_website", '{Bucket: "{site_bucket}"}', _expect(expression))
    [finding] = _findings(pack, content_root, "invalid-jmespath")
    assert "\n" not in finding.message and len(finding.message) < 160
    assert "IndexDocument .[Suffix)" in finding.message
    assert "character 23" in finding.message  # the stray `)`, counted in the expression
    assert (finding.line, finding.column) == (22, 19)  # that `)` in the file
    result = run("lint", str(pack))
    assert [line for line in result.output.splitlines() if "invalid-jmespath" in line] == [
        f"packs/clean/{W}:22:19: error: {finding.message} [invalid-jmespath]"
    ]


def test_incomplete_jmespath_points_at_its_last_character(copy_pack, content_root):
    pack = _with_validator(copy_pack, "s3.get_bucket_website", '{Bucket: "{site_bucket}"}',
                           _expect("|\n          IndexDocument\n          .[Suffix\n"))
    [finding] = _findings(pack, content_root, "invalid-jmespath")
    assert (finding.line, finding.column) == (22, 18)
    assert "\n" not in finding.message
