"""One mistake, one finding: what follows from a mistake already reported is not reported again."""

from __future__ import annotations

from conftest import PACKS, TESTS, edit

from authoring.config import Config
from authoring.lint import lint_paths

PACK = "pack.yaml"
W = "tasks/enable-website.yaml"


def _findings(pack, root):
    return lint_paths([str(pack)], root, Config()).findings


def test_misspelled_services_key_is_one_finding(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / PACK, "services: [s3]", "service: [s3]")
    [finding] = _findings(pack, content_root)
    assert (finding.rule, finding.line, finding.column) == ("unknown-key", 17, 1)
    assert "`services`" in finding.message


def test_missing_services_key_still_warns_about_undeclared_services(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / PACK, "services: [s3]\n", "")
    rules = [f.rule for f in _findings(pack, content_root)]
    assert rules.count("schema") == 1 and "service-not-declared" in rules


def test_misspelled_required_task_key_is_one_finding(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / W, "title: Host the marketing site", "titel: Host the marketing site")
    [finding] = _findings(pack, content_root)
    assert (finding.rule, finding.line, finding.column) == ("unknown-key", 2, 1)


def test_camel_case_operation_is_one_finding_with_the_method_name(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / W, "    call: s3.get_bucket_website\n    params: {Bucket: \"{site_bucket}\"}\n    expect:",
         "    call: s3.GetBucketWebsite\n    params: {Bucket: \"{site_bucket}\"}\n    expect:")
    [finding] = _findings(pack, content_root)
    assert (finding.line, finding.column) == (17, 11)
    assert "`s3.get_bucket_website`" in finding.message


def test_misspelled_parameter_is_one_finding_at_its_key():
    [finding] = lint_paths([str(PACKS / "param-typo")], TESTS, Config()).findings
    assert (finding.rule, finding.line, finding.column) == ("invalid-params", 38, 7)
    assert "`WebsiteConfig`" in finding.message and "`WebsiteConfiguration`" in finding.message


def test_missing_parameter_without_a_typo_is_still_reported(copy_pack, content_root):
    pack = copy_pack("clean")
    edit(pack / W, "      WebsiteConfiguration: {IndexDocument: {Suffix: index.html}}\ncounterexamples:",
         "      Hosting: {IndexDocument: {Suffix: index.html}}\ncounterexamples:")
    messages = sorted(f.message for f in _findings(pack, content_root))
    assert len(messages) == 2 and any("missing required" in m for m in messages)


def test_invalid_hint_cost_is_one_finding(copy_pack, content_root):
    # `cost: five` is a schema error; the model reads it as free (0), which must not add a hint-leak warning
    pack = copy_pack("free-hint-leak")
    edit(pack / W, "  - text: The index document is `index.html`.\n",
         "  - text: The index document is `index.html`.\n    cost: five\n")
    [finding] = _findings(pack, content_root)
    assert (finding.rule, finding.line, finding.column) == ("schema", 10, 11)


def test_free_hint_without_cost_still_leaks(copy_pack, content_root):
    pack = copy_pack("free-hint-leak")
    assert [f.rule for f in _findings(pack, content_root)] == ["hint-leak"]
