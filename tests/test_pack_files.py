"""`$asset`/`$zip` paths have one reading (project.pack_file, project.zip_tree): the runtime refuses
exactly what lint's path-escape and missing-file rules report, in the same words."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from authoring.errors import InputError
from authoring.project import pack_file, zip_tree
from authoring.runtime import PackFiles, StepError


@pytest.fixture
def pack(tmp_path):
    (tmp_path / "assets" / "lib").mkdir(parents=True)
    (tmp_path / "assets" / "handler.py").write_text("def handler(e, c): return 1\n")
    (tmp_path / "assets" / "lib" / "util.py").write_text("X = 1\n")
    return tmp_path


def test_a_zip_folder_keeps_its_nested_names(pack):
    archive = zipfile.ZipFile(io.BytesIO(PackFiles(pack).zipped("assets")))
    assert archive.namelist() == ["handler.py", "lib/util.py"]


def test_a_path_out_of_the_pack_is_refused(pack):
    with pytest.raises(InputError, match="leaves the pack directory"):
        pack_file(pack, "$asset", "../outside.txt")


def test_a_fifo_in_a_zip_folder_is_refused_by_the_runtime_as_by_lint(pack):
    os.mkfifo(pack / "assets" / "pipe")
    assert any("pipe" in p for p in zip_tree(pack.resolve(), (pack / "assets").resolve()).problems)
    with pytest.raises(StepError, match="`\\$zip` folder `assets` holds `assets/pipe`"):
        PackFiles(pack).zipped("assets")


def test_a_link_out_of_the_pack_inside_a_zip_folder_is_refused(pack, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret"
    outside.write_text("secret")
    (pack / "assets" / "secret").symlink_to(outside)
    with pytest.raises(StepError, match="leaves the pack directory"):
        PackFiles(pack).zipped("assets")


def test_a_directory_is_not_an_asset(pack):
    with pytest.raises(StepError, match="is a directory, not a file"):
        PackFiles(pack).asset("assets")
