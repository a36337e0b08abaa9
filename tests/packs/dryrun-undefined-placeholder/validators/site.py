"""Custom checks for the dryrun-clean pack."""

from botocore.exceptions import ClientError


def index_page_is_served(ctx):
    """The website's index document is an object in the bucket."""
    s3 = ctx.client("s3")
    bucket = ctx.variables["site_bucket"]
    try:
        suffix = s3.get_bucket_website(Bucket=bucket)["IndexDocument"]["Suffix"]
        s3.head_object(Bucket=bucket, Key=suffix)
    except ClientError as error:
        return False, f"website or index page missing: {error.response['Error']['Code']}"
    return True
