"""Rules that check calls against botocore's real service models, offline."""

from __future__ import annotations

from ...findings import WARNING
from ...text import closest, did_you_mean
from ..context import LintContext
from ..registry import rule

IMPLICIT_SERVICES = frozenset({"sts"})  # identity look-ups need no declaration


def _resolved(ctx: LintContext):
    """(role, task, step, operation model or None) for every step whose service botocore knows."""
    if "operations" not in ctx.cache:
        resolved = []
        for role, task, step in ctx.all_steps():
            if ctx.catalog.knows(step.service):
                resolved.append((role, task, step, ctx.catalog.operation(step.service, step.method)))
        ctx.cache["operations"] = resolved
    return ctx.cache["operations"]


@rule("unknown-service")
def unknown_service(ctx: LintContext):
    """A service name botocore does not know, in a call, in `services` or on a component.

    Fails:
        call: dynamo.describe_table
    Passes:
        call: dynamodb.describe_table
    """
    catalog = ctx.catalog
    pack = ctx.pack
    for i, service in enumerate(pack.services):
        if not catalog.knows(service):
            yield pack.pos("services", i), f"unknown AWS service `{service}`{did_you_mean(catalog.closest_service(service))}"
    for component in pack.architecture.components:
        if component.service and not catalog.knows(component.service):
            yield component.pos("service"), (
                f"unknown AWS service `{component.service}`{did_you_mean(catalog.closest_service(component.service))}"
            )
    for _, _, step in ctx.all_steps():
        if not catalog.knows(step.service):
            yield step.pos("call"), f"unknown AWS service `{step.service}`{did_you_mean(catalog.closest_service(step.service))}"


@rule("service-not-declared", severity=WARNING)
def service_not_declared(ctx: LintContext):
    """A call uses a service that the pack's `services` list does not name.

    Fails:
        services: [s3]
        ...
        call: lambda.get_function
    Passes:
        services: [s3, lambda]
    """
    from .structure import misspelled_keys

    pack = ctx.pack
    if not pack.services and (pack.file, (), "services") in misspelled_keys(ctx):
        return  # `service:` for `services:` is one mistake, reported once as an unknown key
    declared = set(pack.services) | IMPLICIT_SERVICES
    for _, _, step, _ in _resolved(ctx):
        if step.service not in declared:
            yield step.pos("call"), f"`{step.service}` is called here but missing from the pack's `services`"


@rule("unknown-operation")
def unknown_operation(ctx: LintContext):
    """The service has no such operation (the name is the boto3 client method, snake_case).

    Fails:
        call: s3.get_website_configuration
    Passes:
        call: s3.get_bucket_website
    """
    from botocore import xform_name

    for _, _, step, operation in _resolved(ctx):
        if operation is None:
            methods = ctx.catalog.methods(step.service)
            snake = xform_name(step.method)
            if snake in methods:
                hint = f" (did you mean `{step.service}.{snake}`? use the boto3 method name)"
            else:
                close = ctx.catalog.close_methods(step.service, step.method)
                hint = did_you_mean(f"{step.service}.{close[0]}" if close else None)
            yield step.pos("call"), f"`{step.service}` has no operation `{step.method}`{hint}"


@rule("deprecated-operation", severity=WARNING)
def deprecated_operation(ctx: LintContext):
    """The operation is one botocore marks deprecated; the message names its replacement (the current
    operation with the closest name).

    Fails:
        call: s3.get_bucket_notification
    Passes:
        call: s3.get_bucket_notification_configuration
    """
    for _, _, step, operation in _resolved(ctx):
        if operation is not None and operation.deprecated:
            replacement = ctx.catalog.close_methods(step.service, step.method)
            instead = f"; use `{step.service}.{replacement[0]}` instead" if replacement else ""
            yield step.pos("call"), f"`{step.call}` is deprecated{instead}"


@rule("invalid-params")
def invalid_params(ctx: LintContext):
    """`params` do not fit the operation's input shape: missing, unknown or mistyped parameters.

    Placeholders stand in for values of the right type, so `Timeout: "{timeout}"` is fine for an integer.

    Fails:
        call: s3.put_bucket_website
        params: {Bucket: "{site_bucket}", WebsiteConfig: {IndexDocument: {Suffix: index.html}}}
    Passes:
        call: s3.put_bucket_website
        params: {Bucket: "{site_bucket}", WebsiteConfiguration: {IndexDocument: {Suffix: index.html}}}
    """
    from ...aws.shapes import check_params

    checked: dict[tuple[str, str], list] = {}  # counterexamples often repeat solution steps
    for _, _, step, operation in _resolved(ctx):
        if operation is None or not isinstance(step.params, (dict, type(None))):
            continue
        key = (step.call, repr(step.params))
        if key not in checked:
            checked[key] = check_params(step.params, operation.input_shape)
        for problem in checked[key]:
            path = ("params",) + problem.path
            pos = step.key_pos(*path) if problem.at_key else step.pos(*path)
            yield pos, f"{step.call}: {problem.message}"


def _expressions(step):
    """(owner, field, expression, what a path that never matches means there) for every JMESPath of a step;
    `owner.pos(*field)` is where the expression is written."""
    for name, expression in step.save.items():
        yield step, ("save", name), expression, f"`{name}` is always null"
    if step.expect_error is None:
        for expectation in step.expect:
            always = expectation.matcher == "exists" and expectation.value is False
            outcome = "this expectation always passes" if always else "this expectation can never pass"
            yield expectation, ("path",), expectation.path, outcome


EXCERPT_WIDTH = 60


def _one_line(expression: str, offset: int | None) -> str:
    """The expression on one line (whitespace runs as one space), cut to about EXCERPT_WIDTH characters
    around `offset` so a long or multi-line path does not flood the finding."""
    text = " ".join(expression.split())
    at = len(" ".join(expression[: offset or 0].split()))
    start = max(0, min(at - EXCERPT_WIDTH // 2, len(text) - EXCERPT_WIDTH))
    cut = text[start:start + EXCERPT_WIDTH]
    return ("…" if start else "") + cut + ("…" if start + EXCERPT_WIDTH < len(text) else "")


@rule("invalid-jmespath")
def invalid_jmespath(ctx: LintContext):
    """A `save` or `expect` path is not valid JMESPath, or calls a function wrongly.

    Functions are the JMESPath built-ins plus `from_json(string)`; an unknown name (with a "did you
    mean") or a wrong number of arguments would fail on every response, so both are errors.
    A syntax error is reported at the character where reading the path stops; the message shows the
    path on one line, shortened around that character, and counts the character in the path.

    Fails:
        expect: [{path: "Attributes.[RedrivePolicy", exists: true}]
        expect: [{path: "fromjson(Policy).Statement", min_length: 1}]
    Passes:
        expect: [{path: Attributes.RedrivePolicy, exists: true}]
        expect: [{path: "from_json(Policy).Statement", min_length: 1}]
    """
    from ...aws.paths import compile_error

    for _, _, step in ctx.all_steps():
        for owner, field, expression, _ in _expressions(step):
            error = compile_error(expression)
            if error is None:
                continue
            shown = _one_line(expression, error.offset)
            if error.offset is None:
                yield owner.pos(*field), f"invalid JMESPath `{shown}`: {error.message}"
            else:
                where = f"character {error.offset + 1}"
                yield owner.text_pos(*field, offset=error.offset), f"invalid JMESPath `{shown}` ({where}): {error.message}"


@rule("output-path", severity=WARNING)
def output_path(ctx: LintContext):
    """A JMESPath path can never match the operation's response, so its expectation can never pass.

    The path is followed through the botocore output shape to any depth, through projections,
    filters, pipes, indexes and function arguments: a field the response cannot have, `.field` on a
    list, or a path that goes on past text, a number or a boolean is reported. With `exists: false`
    such an expectation always passes instead, which is as wrong. What `from_json()` returns is a
    free-form document and is not followed.

    Fails:
        call: s3.get_public_access_block
        expect: [{path: PublicAccessBlockConfiguration.BlockPublicAcls.Enabled, equals: true}]
    Passes:
        expect: [{path: PublicAccessBlockConfiguration.BlockPublicAcls, equals: true}]
    """
    from ...aws.paths import missing_members

    for _, _, step, operation in _resolved(ctx):
        if operation is None:
            continue
        for owner, field, expression, outcome in _expressions(step):
            for problem in missing_members(expression, operation.output_shape):
                yield owner.pos(*field), f"{step.call} response: {problem}; {outcome}"


@rule("unknown-error-code")
def unknown_error_code(ctx: LintContext):
    """`expect_error` names an error code the operation does not declare, usually a typo.

    Where botocore declares no errors for the operation (many S3 operations), the code is checked
    against every error the service declares, as a warning: the model cannot confirm it.

    Fails:
        call: s3.head_bucket
        expect_error: NoSuchBuckett
    Passes:
        call: s3.head_bucket
        expect_error: NoSuchBucket
    """
    from ...aws.catalog import error_codes

    for _, _, step, operation in _resolved(ctx):
        code = step.expect_error
        if operation is None or not code:
            continue
        declared = error_codes(operation)
        if declared:
            if code not in declared:
                yield step.pos("expect_error"), (
                    f"{step.call} does not fail with `{code}`{did_you_mean(closest(code, sorted(declared)))}; "
                    f"it declares {', '.join(f'`{c}`' for c in sorted(declared))}"
                )
            continue
        service_codes = ctx.catalog.service_error_codes(step.service)
        if code not in service_codes:
            yield step.pos("expect_error"), (
                f"botocore declares no errors for {step.call}, and no `{step.service}` operation declares "
                f"`{code}`{did_you_mean(closest(code, sorted(service_codes)))}; check the code in the API reference"
            ), WARNING


@rule("mutating-validator")
def mutating_validator(ctx: LintContext):
    """A validator calls an operation that is not a read: a Check must never change the account.

    Reads are Get*, List*, Describe*, Head*, BatchGet*, Search*, Lookup*, plus dynamodb query/scan and
    sts get_caller_identity; invoking functions, receiving messages and reading secrets are refused.

    Fails:
        validators: [{id: works, call: lambda.invoke, params: {FunctionName: orders}, fail_message: ...}]
    Passes:
        validators: [{id: works, call: lambda.get_function_configuration, params: {FunctionName: orders}, fail_message: ...}]
    """
    from ...aws.readonly import is_read_operation

    for role, _, step, operation in _resolved(ctx):
        if role == "validator" and operation is not None and not is_read_operation(step.service, operation.name):
            yield step.pos("call"), f"validators may only read; `{step.call}` ({operation.name}) is not a read operation"
