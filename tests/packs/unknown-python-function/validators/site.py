"""Custom check for the website task."""


def check_website(ctx):
    website = ctx.client("s3").get_bucket_website(Bucket=ctx.variables["site_bucket"])
    return website["IndexDocument"]["Suffix"] == "index.html"
