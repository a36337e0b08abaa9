"""Orders function of the cookbook pack (never run: dry-run only reads its configuration)."""


def handler(event, context):
    return {"statusCode": 200, "body": "[]"}
