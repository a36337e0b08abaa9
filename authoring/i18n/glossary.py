"""AWS product and service names that translations keep unchanged ("Amazon S3 バケット").

The built-in list lives in `aws_terms.txt`, generated from the names in botocore's service models
(`python -m authoring.i18n.glossary > authoring/i18n/aws_terms.txt`) plus the short and console
names people write (`Lambda`, `API Gateway`, `Step Functions`). Repositories add terms with
`[i18n] glossary` in mcx.toml.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

TERMS_FILE = Path(__file__).with_name("aws_terms.txt")

# Names written without their Amazon/AWS prefix that are distinctive on their own. Single English
# words (Batch, Config, Connect, Shield) are left out: they occur in prose as ordinary words.
SHORT_NAMES = """
Lambda
Bedrock
Cognito
Athena
Kinesis
Redshift
Lightsail
Polly
Rekognition
Textract
Kendra
Fargate
Amplify
Aurora
SageMaker
Glacier
Macie
GuardDuty
CloudTrail
CloudWatch
CloudFormation
CloudFront
DynamoDB
ElastiCache
EventBridge
AppSync
Route 53
Step Functions
API Gateway
Secrets Manager
Systems Manager
Parameter Store
Elastic Beanstalk
CodeBuild
CodePipeline
CodeCommit
CodeDeploy
OpenSearch
Neptune
DocumentDB
Timestream
QuickSight
Nova
Titan
""".strip().splitlines()

EXTRA_TERMS = """
AWS
AWS Management Console
AWS CLI
AWS WAF
WAF
AWS Step Functions
Amazon API Gateway
Amazon Bedrock Agents
Amazon Bedrock Guardrails
Amazon Bedrock Knowledge Bases
Guardrails for Amazon Bedrock
Knowledge Bases for Amazon Bedrock
Amazon Titan
Amazon Titan Text Embeddings V2
Titan Text Embeddings V2
Amazon Titan Text Embeddings
Amazon Nova
Amazon Nova Micro
Amazon Nova Lite
Amazon Nova Pro
Amazon Nova Premier
Nova Micro
Nova Lite
Nova Pro
Anthropic Claude
Claude
Amazon S3 Vectors
AWS IAM
IAM
Amazon CloudWatch
Amazon VPC
VPC
JSON
YAML
HTTP
HTTPS
CORS
REST
""".strip().splitlines()


def _generate() -> list[str]:
    """Every distinctive name in botocore's models, longest first."""
    from botocore.loaders import create_loader

    loader = create_loader()
    short = set(SHORT_NAMES)
    terms = set(EXTRA_TERMS) | short
    for service in loader.list_available_services("service-2"):
        metadata = loader.load_service_model(service, "service-2").get("metadata", {})
        for name in (metadata.get("serviceFullName"), metadata.get("serviceAbbreviation")):
            if not name:
                continue
            name = name.strip()
            bare = re.sub(r"^(Amazon|AWS)\s+", "", name)
            for term in {name, bare}:
                if _distinctive(term, short):
                    terms.add(term)
    return sorted(terms, key=lambda t: (-len(t), t))


def _distinctive(term: str, short: set[str]) -> bool:
    """A product name rather than an English word: several words, an inner capital or a digit,
    or a known short name. `Organizations`, `Translate` or `Config` alone are ordinary words."""
    return term in short or " " in term or bool(re.search(r"[A-Z].*[A-Z]|\d", term))


@cache
def builtin_terms() -> tuple[str, ...]:
    return tuple(line for line in TERMS_FILE.read_text(encoding="utf-8").splitlines() if line)


def terms_in(text: str, glossary: tuple[str, ...]) -> list[str]:
    """Glossary terms that occur in English `text` as whole words, longest match first, no overlaps."""
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for term in glossary:  # longest first
        first = term.split(" ", 1)[0]
        if first not in text:
            continue
        pattern = r"\s+".join(re.escape(word) for word in term.split(" "))  # wrapped over lines too
        for match in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", text):
            span = match.span()
            if not any(s < span[1] and span[0] < e for s, e in taken):
                taken.append(span)
                if term not in found:
                    found.append(term)
    return found


def glossary_for(extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(sorted(set(builtin_terms()) | set(extra), key=lambda t: (-len(t), t)))


if __name__ == "__main__":
    sys.stdout.write("".join(term + "\n" for term in _generate()))
