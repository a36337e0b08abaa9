"""Which operations a validator may call: reads only, so a Check never changes the account."""

from __future__ import annotations

READ_PREFIXES = ("Get", "List", "Describe", "Head", "BatchGet", "Search", "Lookup")

# Reads by name that still change state, consume data or hand out secrets or credentials.
DENIED = frozenset(
    {
        ("apigateway", "TestInvokeMethod"),
        ("apigateway", "TestInvokeAuthorizer"),
        ("sqs", "ReceiveMessage"),
        ("secretsmanager", "GetSecretValue"),
        ("ssm", "GetParameter"),
        ("ssm", "GetParameters"),
        ("ssm", "GetParametersByPath"),
        ("kms", "Decrypt"),
        ("sts", "GetSessionToken"),
        ("sts", "GetFederationToken"),
        ("ecr", "GetAuthorizationToken"),
        ("cognito-identity", "GetCredentialsForIdentity"),
        ("cognito-identity", "GetId"),
    }
)
ALLOWED = frozenset({("dynamodb", "Query"), ("dynamodb", "Scan"), ("sts", "GetCallerIdentity")})


def is_read_operation(service: str, operation: str) -> bool:
    """`operation` is the API name (`GetBucketWebsite`), `service` the boto3 name (`s3`)."""
    if (service, operation) in ALLOWED:
        return True
    if (service, operation) in DENIED:
        return False
    return operation.startswith(READ_PREFIXES)
