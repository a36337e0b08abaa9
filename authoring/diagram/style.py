"""How diagrams look: AWS service categories and their colours, service names, fonts.

Colours follow the category colours of AWS's architecture icons, used as a border with a pale
fill of the same hue, so an exam diagram stays calm and readable. No AWS icons are shipped.
"""

from __future__ import annotations

INK = "#232F3E"  # AWS "squid ink": text and the AWS Cloud box
MUTED = "#545B64"
FONT = "Noto Sans CJK JP"  # has Latin and Japanese glyphs: one font, one layout, every locale
SVG_FONT_FAMILY = (
    "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', "
    "'Yu Gothic', 'Meiryo', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif"
)
HIGHLIGHT = "#FF9900"  # AWS orange: the parts the selected task is about
DIMMED_OPACITY = "0.35"

CATEGORIES = {
    # category: (border colour, fill colour, services)
    "compute": ("#ED7100", "#FDF1E6", "lambda ec2 ecs eks batch lightsail apprunner elasticbeanstalk autoscaling"),
    "storage": ("#7AA116", "#F2F6E8", "s3 s3vectors efs fsx glacier backup storagegateway s3control"),
    "database": (
        "#C925D1", "#FAE9FA",
        "dynamodb dynamodbstreams rds docdb neptune elasticache memorydb redshift timestream-write keyspaces",
    ),
    "networking": (
        "#8C4FFF", "#F4EDFF",
        "cloudfront apigateway apigatewayv2 route53 elbv2 elb globalaccelerator directconnect vpc-lattice",
    ),
    "integration": (
        "#E7157B", "#FDE8F2", "sqs sns stepfunctions events scheduler pipes appsync mq kafka kinesis firehose",
    ),
    "security": (
        "#DD344C", "#FCEBED",
        "iam wafv2 waf shield kms secretsmanager cognito-idp cognito-identity acm guardduty securityhub sts",
    ),
    "machine-learning": (
        "#01A88D", "#E6F7F4",
        "bedrock bedrock-agent bedrock-runtime bedrock-agent-runtime sagemaker sagemaker-runtime comprehend "
        "rekognition textract kendra polly translate transcribe lex",
    ),
    "management": (
        "#5A6B86", "#EEF1F5",
        "logs cloudwatch cloudtrail cloudformation ssm xray config codebuild codepipeline codecommit codedeploy",
    ),
}
SERVICE_CATEGORY = {s: c for c, (_, _, services) in CATEGORIES.items() for s in services.split()}
OTHER = ("#545B64", "#F2F3F3")

SERVICE_NAMES = {
    "s3": "Amazon S3", "s3vectors": "Amazon S3 Vectors", "lambda": "AWS Lambda",
    "apigateway": "Amazon API Gateway", "apigatewayv2": "Amazon API Gateway", "dynamodb": "Amazon DynamoDB",
    "sqs": "Amazon SQS", "sns": "Amazon SNS", "stepfunctions": "AWS Step Functions", "wafv2": "AWS WAF",
    "waf": "AWS WAF", "cloudfront": "Amazon CloudFront", "iam": "AWS IAM", "logs": "Amazon CloudWatch Logs",
    "cloudwatch": "Amazon CloudWatch", "events": "Amazon EventBridge", "bedrock": "Amazon Bedrock",
    "bedrock-agent": "Amazon Bedrock Agents", "bedrock-runtime": "Amazon Bedrock",
    "bedrock-agent-runtime": "Amazon Bedrock Agents", "codebuild": "AWS CodeBuild",
    "codepipeline": "AWS CodePipeline", "kms": "AWS KMS", "secretsmanager": "AWS Secrets Manager",
    "cognito-idp": "Amazon Cognito", "ec2": "Amazon EC2", "ecs": "Amazon ECS", "eks": "Amazon EKS",
    "rds": "Amazon RDS", "kinesis": "Amazon Kinesis", "firehose": "Amazon Data Firehose",
    "route53": "Amazon Route 53", "elbv2": "Elastic Load Balancing", "ssm": "AWS Systems Manager",
    "sagemaker": "Amazon SageMaker", "appsync": "AWS AppSync", "scheduler": "Amazon EventBridge Scheduler",
    "cloudformation": "AWS CloudFormation", "cloudtrail": "AWS CloudTrail", "sts": "AWS STS",
}


def category(service: str | None) -> str:
    return SERVICE_CATEGORY.get(service or "", "other")


def colours(service: str | None) -> tuple[str, str]:
    """(border, fill) for a component of `service`."""
    name = category(service)
    if name == "other":
        return OTHER
    border, fill, _ = CATEGORIES[name]
    return border, fill


def service_name(service: str) -> str:
    """The name people know the service by (`Amazon S3`), from the table or botocore's model."""
    if service in SERVICE_NAMES:
        return SERVICE_NAMES[service]
    try:
        from ..aws.catalog import ServiceCatalog

        model = ServiceCatalog().model(service)
    except Exception:  # noqa: BLE001 - a label is never worth a failure
        model = None
    if model is None:
        return service
    metadata = model.metadata
    return metadata.get("serviceAbbreviation") or metadata.get("serviceFullName") or service


def group_style(group_id: str) -> dict[str, str]:
    """AWS Cloud: solid ink; Region: dashed teal; VPC: solid purple; anything else: dashed grey."""
    if "cloud" in group_id:
        return {"color": INK, "style": "rounded", "penwidth": "1.4"}
    if "region" in group_id:
        return {"color": "#00A4A6", "style": "rounded,dashed", "penwidth": "1.2"}
    if "vpc" in group_id:
        return {"color": "#8C4FFF", "style": "rounded", "penwidth": "1.2"}
    return {"color": "#879196", "style": "rounded,dashed", "penwidth": "1.0"}
