"""`mcx-author publish`."""

from __future__ import annotations

from pathlib import Path

import click

REFUSED = "already published with different bytes; a published version never changes: raise `version` in pack.yaml"


@click.command()
@click.argument("archives", nargs=-1, required=True, type=click.Path(dir_okay=False), metavar="ARCHIVE...")
@click.option("--bucket", required=True, metavar="BUCKET", help="S3 bucket the platform imports packs from.")
@click.option("--prefix", default="", metavar="PREFIX", help="Folder in the bucket (e.g. packs/); default: the top.")
@click.option("--endpoint-url", metavar="URL", help="S3-compatible endpoint instead of AWS (MinIO, a local test server).")
@click.option("--profile", metavar="NAME", help="AWS profile from ~/.aws/config (default: the usual credential chain).")
@click.option("--region", metavar="REGION", help="AWS region of the bucket (default: the profile's or AWS_REGION).")
@click.option("--dry-run", is_flag=True, help="Verify and compare with the bucket, say what would change, write nothing.")
def publish(archives, bucket, prefix, endpoint_url, profile, region, dry_run) -> int:
    """Upload verified archives to S3 as <prefix><id>/<version>/<file> and add them to
    <prefix>index.json (schema mcx-index/v1).

    Every archive is verified first; one that does not verify stops the publish before anything is
    uploaded. A published version never changes: the upload is conditional (If-None-Match), so
    publishing the same bytes again changes nothing, and different bytes for a published version are
    refused with exit 1 and the bucket left as it was. The index is updated with If-Match and retried
    when another publisher wrote it in between, so concurrent publishers keep each other's entries.

    Exit 0 when every archive is published (or already was), 1 when one is refused or does not
    verify, 2 for usage errors.

    \b
    Example:
      mcx-author publish build/*.mcxpack --bucket my-exam-packs --prefix packs/
      mcx-author publish build/x-1.0.0.mcxpack --bucket my-exam-packs --dry-run
    """
    from ..bundle import Target, publish as publish_archives

    target = Target.of(bucket, prefix, endpoint_url=endpoint_url, profile=profile, region=region)
    report = publish_archives([Path(a) for a in archives], target, dry_run)
    lead = "dry run: " if dry_run else ""
    refused = 0
    for outcome in report.outcomes:
        where = target.url(outcome.key)
        if outcome.status in ("refused", "would be refused"):
            refused += 1
            click.echo(f"publish: {outcome.archive.path}: {where}: {REFUSED}", err=True)
        elif outcome.status == "unchanged":
            click.echo(f"{lead}unchanged {where} (already published with the same bytes)")
        else:
            click.echo(f"{lead}{outcome.status} {where} ({len(outcome.archive.data)} bytes, "
                       f"sha256 {outcome.archive.digest[:12]})")
    added = f" (+ {', '.join(report.added)})" if report.added else ""
    if report.index == "not touched":
        click.echo("publish: nothing was written", err=True)
    else:
        click.echo(f"{lead}index {target.url(report.index_key)}: {report.index}{added}")
    if dry_run:
        click.echo("dry run: nothing was written")
    return 1 if refused else 0
