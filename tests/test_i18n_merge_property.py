"""Properties: random edits to a translated pack's sources, each followed by `i18n update`, never lose a
translation (every msgstr a translator wrote is still in the PO file, active or obsolete `#~`), and a
translation the catalog gives as done (not fuzzy) was written for exactly the English it stands under."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import PACKS
from hypothesis import example, given, settings
from hypothesis import strategies as st
from i18n_support import EN, JA, active, all_translations, po_file, stray_files, translate

from authoring.cli import cli

TASKS = ("enable-versioning", "enable-website")
COMPONENTS = ("visitor", "site-bucket")
ENGLISH = st.sampled_from([
    "Open the bucket's **Management** tab.",
    "Check the bucket settings again.",
    "Look at the bucket's **Properties** tab.",  # already translated elsewhere: may be reused
    "The index document is `index.html`.",  # idem
    "Make sure `{site_bucket}` keeps every old version.",
    "Versioning protects pages from mistakes.",
    "Host the marketing site",
    "Turn it on, then save the change.",
])
INDEX = st.integers(min_value=0, max_value=3)
EDITS = st.one_of(
    st.tuples(st.just("hint"), st.sampled_from(TASKS), INDEX, ENGLISH),
    st.tuples(st.just("drop-hint"), st.sampled_from(TASKS), INDEX),
    st.tuples(st.just("insert-hint"), st.sampled_from(TASKS), INDEX, ENGLISH),
    st.tuples(st.just("objective"), st.sampled_from(TASKS), INDEX, ENGLISH),
    st.tuples(st.just("drop-objective"), st.sampled_from(TASKS), INDEX),
    st.tuples(st.just("title"), st.sampled_from(TASKS + ("pack",)), ENGLISH),
    st.tuples(st.just("fail-message"), st.sampled_from(TASKS), ENGLISH),
    st.tuples(st.just("label"), st.sampled_from(COMPONENTS), ENGLISH),
    st.tuples(st.just("connection"), INDEX, st.sampled_from(["browses", "uploads", "reads"])),
    st.tuples(st.just("drop-connection"), INDEX),
    st.tuples(st.just("unlist")),
    st.tuples(st.just("relist")),
    st.tuples(st.just("swap-hints"), st.sampled_from(TASKS)),
    st.tuples(st.just("translate"), st.integers(min_value=0, max_value=30)),
)


@pytest.fixture(scope="module")
def translated_template(tmp_path_factory) -> Path:
    """A content root with the clean pack and its ja catalog fully translated (copied for each example)."""
    root = tmp_path_factory.mktemp("translated")
    shutil.copytree(PACKS / "clean", root / "packs/clean")
    assert CliRunner().invoke(cli, ["--root", str(root), "i18n", "update"]).exit_code == 0
    translate(po_file(root), JA)
    return root


class Sources:
    """The pack's YAML as data; every edit rewrites the files."""

    def __init__(self, pack_dir: Path):
        self.dir = pack_dir
        self.pack = yaml.safe_load((pack_dir / "pack.yaml").read_text(encoding="utf-8"))
        self.tasks = {t: yaml.safe_load((pack_dir / f"tasks/{t}.yaml").read_text(encoding="utf-8")) for t in TASKS}

    def save(self) -> None:
        dump = lambda data: yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200)
        (self.dir / "pack.yaml").write_text(dump(self.pack), encoding="utf-8")
        for task, data in self.tasks.items():
            (self.dir / f"tasks/{task}.yaml").write_text(dump(data), encoding="utf-8")

    def apply(self, edit: tuple) -> None:
        kind, *args = edit
        if kind in ("hint", "objective"):
            task, index, text = args
            items = self.tasks[task].setdefault(kind + "s", [])
            item = {"text": text} if kind == "hint" else text
            if index < len(items):
                items[index] = item
            else:
                items.append(item)
        elif kind in ("drop-hint", "drop-objective"):
            task, index = args
            items = self.tasks[task].get(kind.split("-")[1] + "s", [])
            if index < len(items):
                del items[index]
        elif kind == "insert-hint":
            task, index, text = args
            self.tasks[task].setdefault("hints", []).insert(index, {"text": text})
        elif kind == "connection":
            index, label = args
            self.pack["architecture"]["connections"].insert(index, {"from": "visitor", "to": "site-bucket", "label": label})
        elif kind == "drop-connection":
            connections = self.pack["architecture"]["connections"]
            if args[0] < len(connections):
                del connections[args[0]]
        elif kind == "swap-hints":
            hints = self.tasks[args[0]].get("hints", [])
            hints.reverse()
        elif kind == "title":
            target, text = args
            (self.pack if target == "pack" else self.tasks[target])["title"] = text
        elif kind == "fail-message":
            task, text = args
            self.tasks[task]["validators"][0]["fail_message"] = text
        elif kind == "label":
            component, text = args
            next(c for c in self.pack["architecture"]["components"] if c["id"] == component)["label"] = text
        elif kind == "unlist" and "enable-website" in self.pack["tasks"]:
            self.pack["tasks"].remove("enable-website")  # enable-versioning stays: the other depends on it
        elif kind == "relist" and "enable-website" not in self.pack["tasks"]:
            self.pack["tasks"].append("enable-website")
        self.save()


# Random on purpose: every CI run tries new edit sequences, and a failure is a merge bug, not a flake (no
# deadline, no health check at stake). print_blob: the failing example's @reproduce_failure is printed, as
# no database keeps it. The @example is a case found that way (two translations left for one obsolete slot).
@settings(max_examples=25, deadline=None, database=None, print_blob=True)
@given(edits=st.lists(EDITS, min_size=1, max_size=6))
@example(edits=[("hint", "enable-website", 1, "Turn it on, then save the change."),
                ("insert-hint", "enable-website", 0, "Turn it on, then save the change."), ("translate", 0),
                ("drop-hint", "enable-website", 0), ("drop-hint", "enable-website", 1)])
def test_no_translation_is_ever_lost(translated_template, edits):
    runner = CliRunner()
    counter = itertools.count(1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(translated_template, root)
        po = po_file(root)
        sources = Sources(root / "packs/clean")
        written = set(JA.values())  # every translation a translator has written so far
        made_for = {(EN[c], JA[c]) for c in JA}  # (English, the translation written for it)
        for edit in edits:
            if edit[0] == "translate":
                todo = {c: e for c, e in active(po).items() if not e.msgstr}
                if todo:
                    text = f"訳文その{next(counter)}です。"
                    context = sorted(todo)[edit[1] % len(todo)]
                    translate(po, {context: text})
                    written.add(text)
                    made_for.add((todo[context].msgid, text))
            else:
                sources.apply(edit)
            result = runner.invoke(cli, ["--root", str(root), "i18n", "update"])
            assert result.exit_code == 0, (edit, result.output)
            lost = written - all_translations(po)
            assert not lost, (edit, lost)
            done = {(e.msgid, e.msgstr) for e in active(po).values() if e.msgstr and "fuzzy" not in e.flags}
            assert done <= made_for, (edit, done - made_for)
            assert stray_files(root) == []


@settings(max_examples=15, deadline=None, database=None)
@given(edits=st.lists(EDITS, min_size=1, max_size=5))
def test_update_right_after_update_changes_no_byte(translated_template, edits):
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(translated_template, root)
        po = po_file(root)
        sources = Sources(root / "packs/clean")
        for number, edit in enumerate(edits):
            if edit[0] == "translate":
                todo = [c for c, e in active(po).items() if not e.msgstr]
                if todo:
                    translate(po, {todo[edit[1] % len(todo)]: f"訳文その{number}です。"})
            else:
                sources.apply(edit)
            assert runner.invoke(cli, ["--root", str(root), "i18n", "update"]).exit_code == 0
        before = po.read_bytes()
        result = runner.invoke(cli, ["--root", str(root), "i18n", "update"])
        assert result.stdout.startswith("unchanged "), result.stdout
        assert po.read_bytes() == before
