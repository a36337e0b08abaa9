"""`mcx-author i18n extract`: the POT template, its keys, notes, flags and locations; the Babel extractor."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import edit
from i18n_support import (
    EN,
    VENV_BIN,
    VERSIONING,
    WEBSITE,
    active,
    i18n,
    msgfmt_check,
    parse_po,
    pot_file,
    stray_files,
)

REPO = Path(__file__).resolve().parent.parent
PLACEHOLDER_CONTEXTS = {
    "pack/description",
    "task/enable-versioning/description",
    "task/enable-versioning/objective/1",
    "task/enable-versioning/validator/versioning-enabled/fail_message",
    "task/enable-website/description",
    "task/enable-website/validator/website-enabled/fail_message",
    "task/enable-website/validator/index-document-exists/fail_message",
}


@pytest.fixture
def clean_root(copy_pack, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return copy_pack("clean").parent.parent


def extracted(run, root: Path) -> dict:
    result = i18n(run, root, "extract")
    assert result.exit_code == 0, result.output
    return active(pot_file(root))


# --- what is extracted, under which key -----------------------------------------------------------


def test_extract_writes_every_learner_facing_string_under_its_id_key(run, clean_root):
    entries = extracted(run, clean_root)
    assert {c: e.msgid for c, e in entries.items()} == EN


def test_extract_orders_messages_pack_architecture_then_tasks_as_listed(run, clean_root):
    assert list(extracted(run, clean_root)) == list(EN)


def test_extract_reports_the_file_written_and_the_message_count(run, clean_root):
    result = i18n(run, clean_root, "extract")
    assert result.stdout == "wrote locales/clean.pot (21 messages)\n"


def test_extract_leaves_out_ids_operations_params_and_jmespath(run, clean_root):
    msgids = {e.msgid for e in extracted(run, clean_root).values()}
    not_learner_facing = {
        "clean", "enable-versioning", "versioning-enabled", "website-enabled", "site-bucket", "aws-cloud",
        "s3.get_bucket_versioning", "s3.put_bucket_website", "s3.head_object", "Status", "Enabled",
        "IndexDocument.Suffix", "ContentLength", "index.html", "{site_bucket}", "mcx-clean-site-{account_id}-{suffix}",
        "versioning suspended", "wrong index document", "foundational", "us-east-1", "s3", "assets/index.html",
    }
    assert msgids & not_learner_facing == set()


def test_same_english_in_two_tasks_is_two_messages(run, clean_root):
    entries = extracted(run, clean_root)
    same = [c for c, e in entries.items() if e.msgid == "Look at the bucket's **Properties** tab."]
    assert same == ["task/enable-versioning/hint/1", "task/enable-website/hint/1"]


def test_hint_and_objective_keys_count_from_one(run, clean_root):
    edit(clean_root / "packs/clean" / VERSIONING, "  - Enable versioning on `{site_bucket}`.\n",
         "  - Enable versioning on `{site_bucket}`.\n  - Keep the old versions of `index.html`.\n")
    entries = extracted(run, clean_root)
    assert entries["task/enable-versioning/objective/2"].msgid == "Keep the old versions of `index.html`."
    assert "task/enable-versioning/objective/0" not in entries
    assert "task/enable-versioning/hint/0" not in entries


def test_duplicate_connection_between_same_components_gets_its_own_key(run, clean_root):
    edit(clean_root / "packs/clean/pack.yaml", "    - {from: visitor, to: site-bucket, label: browses}\n",
         "    - {from: visitor, to: site-bucket, label: browses}\n    - {from: visitor, to: site-bucket, label: uploads}\n")
    entries = extracted(run, clean_root)
    labels = {c: e.msgid for c, e in entries.items() if c.startswith("architecture/connection/")}
    assert len(labels) == 2
    assert labels["architecture/connection/visitor/site-bucket/label"] == "browses"
    assert "uploads" in labels.values()


# --- keys are stable --------------------------------------------------------------------------------


def pairs(run, root: Path) -> set[tuple[str, str]]:
    return {(c, e.msgid) for c, e in extracted(run, root).items()}


def test_reordering_the_task_list_changes_no_key(run, clean_root):
    before = pairs(run, clean_root)
    edit(clean_root / "packs/clean/pack.yaml", "  - enable-versioning\n  - enable-website\n",
         "  - enable-website\n  - enable-versioning\n")
    after = pairs(run, clean_root)
    assert after == before
    assert list(extracted(run, clean_root))[8] == "task/enable-website/title"  # the order did follow the list


def test_reordering_keys_inside_files_changes_no_key(run, clean_root):
    before = pairs(run, clean_root)
    for name in ("pack.yaml", VERSIONING, WEBSITE):
        path = clean_root / "packs/clean" / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        reordered = dict(reversed(list(data.items())))
        if name == "pack.yaml":
            arch = reordered["architecture"]
            reordered["architecture"] = {k: list(reversed(v)) for k, v in reversed(list(arch.items()))}
        path.write_text(yaml.safe_dump(reordered, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert pairs(run, clean_root) == before


def test_renaming_a_hint_text_keeps_its_key(run, clean_root):
    edit(clean_root / "packs/clean" / WEBSITE, "The index document is `index.html`.", "The index page is `index.html`.")
    entries = extracted(run, clean_root)
    assert entries["task/enable-website/hint/2"].msgid == "The index page is `index.html`."


# --- translator notes, flags, locations -----------------------------------------------------------


def test_note_says_what_the_string_is(run, clean_root):
    entries = extracted(run, clean_root)
    assert entries["pack/title"].notes.startswith("Title of the exam.")
    assert entries["task/enable-versioning/hint/2"].notes.startswith("Hint 2 of the task `enable-versioning`")
    assert "validator `website-enabled`" in entries["task/enable-website/validator/website-enabled/fail_message"].notes


def test_note_names_the_placeholders_to_keep(run, clean_root):
    note = extracted(run, clean_root)["task/enable-website/validator/index-document-exists/fail_message"].notes
    assert "Keep {index_key}, {site_bucket} unchanged" in note


def test_note_asks_to_keep_code_spans_only_where_there_are_some(run, clean_root):
    entries = extracted(run, clean_root)
    assert "Keep `code` spans" in entries["task/enable-website/hint/2"].notes
    assert "Keep `code` spans" not in entries["task/enable-website/hint/1"].notes
    assert "Keep {" not in entries["task/enable-website/hint/1"].notes


def test_note_gives_the_label_width_for_diagram_labels_only(run, clean_root):
    entries = extracted(run, clean_root)
    for context, entry in entries.items():
        is_label = context.startswith("architecture/")
        assert ("at most 36 columns" in entry.notes) == is_label, context


def test_label_width_from_mcx_toml_is_in_the_note(run, clean_root):
    (clean_root / "mcx.toml").write_text("[i18n]\nlabel_width = 40\n", encoding="utf-8")
    note = extracted(run, clean_root)["architecture/component/site-bucket/label"].notes
    assert "at most 40 columns" in note


def test_brace_format_flag_exactly_where_placeholders_occur(run, clean_root):
    entries = extracted(run, clean_root)
    flagged = {c for c, e in entries.items() if "python-brace-format" in e.flags}
    assert flagged == PLACEHOLDER_CONTEXTS
    assert all("python-format" not in e.flags for e in entries.values())


def test_no_brace_format_flag_on_json_braces(run, clean_root):
    edit(clean_root / "packs/clean" / VERSIONING, "  - text: Look at the bucket's **Properties** tab.\n",
         "  - text: 'The response contains {\"Status\": \"Enabled\"} once it is on.'\n")
    entry = extracted(run, clean_root)["task/enable-versioning/hint/1"]
    assert entry.msgid == 'The response contains {"Status": "Enabled"} once it is on.'
    assert "python-brace-format" not in entry.flags


def test_no_brace_format_flag_when_json_braces_surround_a_placeholder(run, clean_root):
    edit(clean_root / "packs/clean" / VERSIONING, "  - text: Look at the bucket's **Properties** tab.\n",
         "  - text: 'Call it with {\"Bucket\": \"{site_bucket}\"}.'\n")
    entry = extracted(run, clean_root)["task/enable-versioning/hint/1"]
    assert "python-brace-format" not in entry.flags
    assert "Keep {site_bucket} unchanged" in entry.notes


def _string_is_on_line(lines: list[str], line: int, text: str) -> bool:
    first = text.splitlines()[0]
    here = lines[line - 1]
    if first in here:
        return True
    # a block scalar (`key: |-`): the key's line, the text starts on the next line
    return bool(re.search(r":\s*[|>][-+]?\s*$", here)) and first in lines[line]


def test_every_location_points_at_the_line_of_the_string(run, clean_root):
    entries = extracted(run, clean_root)
    for context, entry in entries.items():
        assert len(entry.locations) == 1, context
        file, line = entry.locations[0].rsplit(":", 1)
        assert re.fullmatch(r"packs/clean/(pack\.yaml|tasks/[a-z-]+\.yaml)", file), file
        lines = (clean_root / file).read_text(encoding="utf-8").splitlines()
        assert _string_is_on_line(lines, int(line), entry.msgid), (context, file, line, lines[int(line) - 1])


def test_task_strings_are_located_in_their_task_file(run, clean_root):
    entries = extracted(run, clean_root)
    assert entries["task/enable-versioning/hint/2"].locations == ["packs/clean/tasks/enable-versioning.yaml:10"]
    assert entries["task/enable-website/validator/index-document-exists/fail_message"].locations == [
        "packs/clean/tasks/enable-website.yaml:33"
    ]


def test_location_follows_a_string_that_moved_down(run, clean_root):
    edit(clean_root / "packs/clean" / VERSIONING, "objectives:\n", "# a comment\n\nobjectives:\n")
    entries = extracted(run, clean_root)
    assert entries["task/enable-versioning/objective/1"].locations == ["packs/clean/tasks/enable-versioning.yaml:9"]


# --- deterministic output -----------------------------------------------------------------------------


def test_second_extract_writes_identical_bytes_and_says_unchanged(run, clean_root):
    i18n(run, clean_root, "extract")
    first = pot_file(clean_root).read_bytes()
    result = i18n(run, clean_root, "extract")
    assert result.stdout == "unchanged locales/clean.pot (21 messages)\n"
    assert pot_file(clean_root).read_bytes() == first


def test_pot_creation_date_is_fixed_without_source_date_epoch(run, clean_root):
    i18n(run, clean_root, "extract")
    assert '"POT-Creation-Date: 2000-01-01 00:00+0000\\n"' in pot_file(clean_root).read_text(encoding="utf-8")


def test_pot_creation_date_comes_from_source_date_epoch(run, clean_root, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    i18n(run, clean_root, "extract")
    assert '"POT-Creation-Date: 2023-11-14 22:13+0000\\n"' in pot_file(clean_root).read_text(encoding="utf-8")


def test_extract_in_separate_processes_is_byte_identical(clean_root):
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("SOURCE_DATE_EPOCH", None)
        subprocess.run([str(VENV_BIN / "mcx-author"), "--root", str(clean_root), "i18n", "extract"],
                       check=True, env=env, capture_output=True)
        outputs.append(pot_file(clean_root).read_bytes())
        pot_file(clean_root).unlink()
    assert outputs[0] == outputs[1]


def test_copies_of_the_same_sources_give_identical_files(run, copy_pack, content_root, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    copy_pack("clean")
    other = tmp_path / "other"
    shutil.copytree(content_root / "packs", other / "packs")
    i18n(run, content_root, "extract")
    i18n(run, other, "extract")
    assert pot_file(content_root).read_bytes() == pot_file(other).read_bytes()


def test_extract_leaves_no_temporary_files(run, clean_root):
    i18n(run, clean_root, "extract")
    i18n(run, clean_root, "extract")
    assert stray_files(clean_root) == []


# --- extract --check ------------------------------------------------------------------------------------


def test_check_exits_0_when_the_template_is_fresh(run, clean_root):
    i18n(run, clean_root, "extract")
    result = i18n(run, clean_root, "extract", "--check")
    assert result.exit_code == 0
    assert "up to date" in result.stdout


def test_check_exits_1_and_writes_nothing_when_the_template_is_stale(run, clean_root):
    i18n(run, clean_root, "extract")
    before = pot_file(clean_root).read_bytes()
    edit(clean_root / "packs/clean" / WEBSITE, "title: Host the marketing site", "title: Publish the marketing site")
    result = i18n(run, clean_root, "extract", "--check")
    assert result.exit_code == 1
    assert "locales/clean.pot: out of date" in result.stdout
    assert pot_file(clean_root).read_bytes() == before


def test_check_exits_1_and_creates_nothing_when_the_template_is_missing(run, clean_root):
    result = i18n(run, clean_root, "extract", "--check")
    assert result.exit_code == 1
    assert not (clean_root / "locales").exists()



def restamp(path: Path, generated_by: str, created: str) -> None:
    """What another version of a tool would have written into the header of the same content."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'"Generated-By: [^"]*"', lambda _: f'"Generated-By: {generated_by}\\n"', text)
    text = re.sub(r'"POT-Creation-Date: [^"]*"', lambda _: f'"POT-Creation-Date: {created}\\n"', text)
    path.write_text(text, encoding="utf-8")


def test_check_ignores_the_generator_and_creation_date_header_lines(run, clean_root):
    i18n(run, clean_root, "extract")
    restamp(pot_file(clean_root), "Babel 0.9.6", "2024-05-01 12:00+0000")
    result = i18n(run, clean_root, "extract", "--check")
    assert result.exit_code == 0, result.output


def test_extract_leaves_a_file_alone_that_differs_only_in_generator_and_date(run, clean_root):
    i18n(run, clean_root, "extract")
    restamp(pot_file(clean_root), "Babel 0.9.6", "2024-05-01 12:00+0000")
    before = pot_file(clean_root).read_bytes()
    result = i18n(run, clean_root, "extract")
    assert result.stdout.startswith("unchanged ")
    assert pot_file(clean_root).read_bytes() == before


def test_template_names_mcx_author_as_generator_without_any_version(run, clean_root):
    i18n(run, clean_root, "extract")
    text = pot_file(clean_root).read_text(encoding="utf-8")
    assert '"Generated-By: mcx-author\\n"' in text
    assert "Babel" not in text


def test_check_prints_the_lines_that_differ(run, clean_root):
    i18n(run, clean_root, "extract")
    edit(clean_root / "packs/clean" / WEBSITE, "title: Host the marketing site", "title: Publish the marketing site")
    result = i18n(run, clean_root, "extract", "--check")
    lines = result.stdout.splitlines()
    assert '-msgid "Host the marketing site"' in lines
    assert '+msgid "Publish the marketing site"' in lines


def test_check_diff_is_at_most_twenty_lines_and_says_how_much_is_left_out(run, clean_root):
    i18n(run, clean_root, "extract")
    for old, new in [("title: Host the marketing site", "title: Publish the site"),
                     ("  - text: The index document is `index.html`.\n", "  - text: It is `index.html`.\n")]:
        edit(clean_root / "packs/clean" / WEBSITE, old, new)
    edit(clean_root / "packs/clean/pack.yaml", "title: Static website on Amazon S3", "title: A website on Amazon S3")
    edit(clean_root / "packs/clean/pack.yaml", "label: Visitor", "label: Guest")
    result = i18n(run, clean_root, "extract", "--check")
    diff = [line for line in result.stdout.splitlines() if line[:1] in "+- @"]
    assert len(diff) <= 20
    assert re.search(r"\.\.\. \d+ more lines? differ", result.stdout)

# --- GNU gettext accepts the template -----------------------------------------------------------------


def test_msgfmt_check_accepts_the_template(run, clean_root):
    i18n(run, clean_root, "extract")
    result = msgfmt_check(pot_file(clean_root))
    assert result.returncode == 0, result.stderr


def test_msgfmt_check_accepts_a_template_with_json_braces(run, clean_root):
    edit(clean_root / "packs/clean" / VERSIONING, "  - text: Look at the bucket's **Properties** tab.\n",
         "  - text: 'Call it with {\"Bucket\": \"{site_bucket}\"}.'\n")
    i18n(run, clean_root, "extract")
    result = msgfmt_check(pot_file(clean_root))
    assert result.returncode == 0, result.stderr


# --- pybabel through the `mcx` extractor entry point ---------------------------------------------------


def pybabel_extract(root: Path) -> Path:
    shutil.copy(REPO / "babel.cfg", root / "babel.cfg")
    subprocess.run([str(VENV_BIN / "pybabel"), "extract", "-F", "babel.cfg", "-o", "messages.pot", "."],
                   cwd=root, check=True, capture_output=True)
    return root / "messages.pot"


def test_pybabel_extract_gives_the_same_keys_and_strings(run, clean_root):
    ours = {(c, e.msgid) for c, e in extracted(run, clean_root).items()}
    theirs = {(e.msgctxt, e.msgid) for e in parse_po(pybabel_extract(clean_root).read_text(encoding="utf-8")) if e.msgid}
    assert theirs == ours


def test_pybabel_extract_gives_the_same_locations_and_notes(run, clean_root):
    ours = extracted(run, clean_root)
    theirs = {e.msgctxt: e for e in parse_po(pybabel_extract(clean_root).read_text(encoding="utf-8")) if e.msgid}
    for context, entry in ours.items():
        assert theirs[context].locations == entry.locations, context
        assert theirs[context].notes == entry.notes, context


def test_pybabel_extract_leaves_out_a_task_missing_from_the_list(run, clean_root):
    edit(clean_root / "packs/clean/pack.yaml", "  - enable-website\n", "")
    ours = {(c, e.msgid) for c, e in extracted(run, clean_root).items()}
    theirs = {(e.msgctxt, e.msgid) for e in parse_po(pybabel_extract(clean_root).read_text(encoding="utf-8")) if e.msgid}
    assert theirs == ours


def test_pybabel_extract_notes_use_the_label_width_from_mcx_toml(run, clean_root):
    (clean_root / "mcx.toml").write_text("[i18n]\nlabel_width = 40\n", encoding="utf-8")
    ours = extracted(run, clean_root)
    theirs = {e.msgctxt: e for e in parse_po(pybabel_extract(clean_root).read_text(encoding="utf-8")) if e.msgid}
    context = "architecture/component/site-bucket/label"
    assert theirs[context].notes == ours[context].notes


def test_note_asks_to_keep_a_bare_url(run, clean_root):
    edit(clean_root / "packs/clean" / VERSIONING, "  - text: Look at the bucket's **Properties** tab.\n",
         "  - text: Read https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html first.\n")
    assert "URLs" in extracted(run, clean_root)["task/enable-versioning/hint/1"].notes
