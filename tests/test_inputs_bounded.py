"""Every input is read only if it is a regular file, and only up to its limit: validator `.py` files,
`$asset` files, `$zip` folders, the pack.yaml the Babel extractor looks up, `--icons` files, and the
source a suppression column is found in. FIFOs, devices and oversized files are made at run time."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from authoring.config import Config
from authoring.lint import lint_paths
from authoring.yamlsrc import read_yaml, suppression_column

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
MB = 1024 * 1024


def _findings(pack: Path, root: Path, rule: str) -> list:
    return [f for f in lint_paths([str(pack)], root, Config()).findings if f.rule == rule]


def _dev_zero(path: Path) -> None:
    """A character device like /dev/zero, inside the pack (a link to /dev/zero would leave it)."""
    os.mknod(path, stat.S_IFCHR | 0o644, os.makedev(1, 5))


def _sparse(path: Path, size: int) -> None:
    """A file of `size` bytes that takes no disk space: a size check must not need to read it."""
    with open(path, "wb") as handle:
        handle.truncate(size)


# --- validator .py files -------------------------------------------------------------------------


def _validator_pack(copy_pack, name: str) -> Path:
    pack = copy_pack("unknown-python-function")
    task = pack / "tasks" / "enable-website.yaml"
    task.write_text(task.read_text().replace("validators/site.py:check_websit", f"validators/{name}:check"))
    return pack


def _python_finding(pack: Path, root: Path):
    found = [f for f in lint_paths([str(pack)], root, Config()).findings if "validators/" in f.message]
    assert len(found) == 1, found
    assert (found[0].file, found[0].line, found[0].severity) == (
        "packs/unknown-python-function/tasks/enable-website.yaml", 35, "error"
    )
    return found[0]


def test_validator_file_that_is_a_fifo_is_an_error_and_lint_does_not_hang(copy_pack, content_root):
    pack = _validator_pack(copy_pack, "pipe.py")
    os.mkfifo(pack / "validators" / "pipe.py")
    assert "not a regular file" in _python_finding(pack, content_root).message


@ROOT_ONLY
def test_validator_file_that_is_a_device_is_an_error(copy_pack, content_root):
    pack = _validator_pack(copy_pack, "zero.py")
    _dev_zero(pack / "validators" / "zero.py")
    assert "not a regular file" in _python_finding(pack, content_root).message


def test_validator_file_linked_to_dev_zero_is_not_read(copy_pack, content_root):
    pack = _validator_pack(copy_pack, "zero.py")
    (pack / "validators" / "zero.py").symlink_to("/dev/zero")
    assert _python_finding(pack, content_root).rule == "path-escape"


def test_validator_file_over_1_mb_is_an_error(copy_pack, content_root):
    pack = _validator_pack(copy_pack, "big.py")
    (pack / "validators" / "big.py").write_text("def check(ctx):\n    return True\n" + "#" * MB + "\n")
    assert "over 1 MB" in _python_finding(pack, content_root).message


# --- $asset files --------------------------------------------------------------------------------


def _asset_pack(copy_pack, name: str) -> Path:
    pack = copy_pack("clean")
    text = (pack / "pack.yaml").read_text().replace("$asset: assets/index.html", f"$asset: assets/{name}")
    (pack / "pack.yaml").write_text(text)
    return pack


def _asset_finding(pack: Path, root: Path, rule: str = "missing-file"):
    [finding] = _findings(pack, root, rule)
    assert (finding.file, finding.line, finding.column, finding.severity) == ("packs/clean/pack.yaml", 27, 22, "error")
    return finding


def test_asset_that_is_a_fifo_is_an_error_and_lint_does_not_hang(copy_pack, content_root):
    pack = _asset_pack(copy_pack, "pipe.html")
    os.mkfifo(pack / "assets" / "pipe.html")
    assert "not a regular file" in _asset_finding(pack, content_root).message


@ROOT_ONLY
def test_asset_that_is_a_device_is_an_error(copy_pack, content_root):
    pack = _asset_pack(copy_pack, "zero.html")
    _dev_zero(pack / "assets" / "zero.html")
    assert "not a regular file" in _asset_finding(pack, content_root).message


def test_asset_linked_to_dev_zero_is_path_escape(copy_pack, content_root):
    pack = _asset_pack(copy_pack, "zero.html")
    (pack / "assets" / "zero.html").symlink_to("/dev/zero")
    assert _asset_finding(pack, content_root, "path-escape")


def test_asset_over_50_mb_is_an_error(copy_pack, content_root):
    pack = _asset_pack(copy_pack, "big.html")
    _sparse(pack / "assets" / "big.html", 50 * MB + 1)
    assert "over 50 MB" in _asset_finding(pack, content_root).message


def test_asset_of_exactly_50_mb_is_fine(copy_pack, content_root):
    pack = _asset_pack(copy_pack, "big.html")
    _sparse(pack / "assets" / "big.html", 50 * MB)
    assert _findings(pack, content_root, "missing-file") == []


# --- $zip trees ----------------------------------------------------------------------------------


def _zip_finding(pack: Path, root: Path):
    [finding] = _findings(pack, root, "missing-file")
    assert (finding.file, finding.line, finding.severity) == ("packs/zip-folder/pack.yaml", 27, "error")
    return finding


def test_zip_folder_over_50_mb_in_total_is_an_error(copy_pack, content_root):
    pack = copy_pack("zip-folder")
    _sparse(pack / "assets" / "site" / "a.bin", 30 * MB)
    _sparse(pack / "assets" / "site" / "css" / "b.bin", 30 * MB)
    finding = _zip_finding(pack, content_root)
    assert "over 50 MB" in finding.message and "assets/site" in finding.message


def test_zip_folder_counts_a_file_linked_twice_twice_as_the_zip_would_hold_it_twice(copy_pack, content_root):
    pack = copy_pack("zip-folder")
    _sparse(pack / "assets" / "site" / "a.bin", 30 * MB)
    (pack / "assets" / "site" / "css" / "again.bin").symlink_to("../a.bin")
    assert "over 50 MB" in _zip_finding(pack, content_root).message


def test_zip_folder_under_50_mb_in_total_is_fine(copy_pack, content_root):
    pack = copy_pack("zip-folder")
    _sparse(pack / "assets" / "site" / "a.bin", 30 * MB)
    _sparse(pack / "assets" / "site" / "css" / "b.bin", 20 * MB - 100)
    assert _findings(pack, content_root, "missing-file") == []


def test_zip_of_a_single_fifo_is_an_error_and_lint_does_not_hang(copy_pack, content_root):
    pack = copy_pack("zip-folder")
    os.mkfifo(pack / "assets" / "pipe")
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text().replace("$zip: assets/site}", "$zip: assets/pipe}"))
    assert "not a regular file" in _zip_finding(pack, content_root).message


def test_zip_of_a_single_file_over_50_mb_is_an_error(copy_pack, content_root):
    pack = copy_pack("zip-folder")
    _sparse(pack / "assets" / "big.bin", 50 * MB + 1)
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text().replace("$zip: assets/site}", "$zip: assets/big.bin}"))
    assert "over 50 MB" in _zip_finding(pack, content_root).message


# --- the Babel extractor's look at pack.yaml -------------------------------------------------------

EXTRACT = """
import sys
from authoring.i18n.babel_extractor import extract
with open(sys.argv[1], "rb") as handle:
    print(len(list(extract(handle, None, None, {"label_width": "40"}))))
"""


def _extract_in_subprocess(task: Path) -> subprocess.CompletedProcess:
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))\n"
    return subprocess.run(
        [sys.executable, "-c", limit + EXTRACT, str(task)], capture_output=True, text=True, timeout=30
    )


@pytest.mark.parametrize("make", ["fifo", "dev-zero-link", "over-limit"])
def test_babel_extractor_reads_pack_yaml_only_as_a_bounded_regular_file(copy_pack, make):
    pack = copy_pack("clean")
    pack_file = pack / "pack.yaml"
    pack_file.unlink()
    if make == "fifo":
        os.mkfifo(pack_file)
    elif make == "dev-zero-link":
        pack_file.symlink_to("/dev/zero")
    else:
        pack_file.write_text("tasks: [enable-website]\n" + "#" * (3 * MB) + "\n")
    result = _extract_in_subprocess(pack / "tasks" / "enable-website.yaml")  # hangs or grows without the fix
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 0  # no readable pack: the task's strings are extracted, as documented


# --- --icons files -------------------------------------------------------------------------------


def _render_with_icons(pack: Path, icons: Path, tmp: Path) -> subprocess.CompletedProcess:
    code = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))\n"
        "from authoring.cli import cli; sys.exit(cli(sys.argv[1:]))\n"
    )
    out = tmp / "arch.svg"
    args = [str(pack), "--icons", str(icons), "-o", str(out), "--layout-timeout", "20"]
    return subprocess.run(
        [sys.executable, "-c", code, "render-diagram", *args], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("make", ["fifo", "dev-zero-link", "over-limit"])
def test_icon_that_is_not_a_bounded_regular_file_is_not_used(copy_pack, tmp_path, make):
    pack = copy_pack("clean")
    icons = tmp_path / "icons"
    icons.mkdir()
    icon = icons / "Arch_Amazon-Simple-Storage-Service_48.png"
    if make == "fifo":
        os.mkfifo(icon)
    elif make == "dev-zero-link":
        icon.symlink_to("/dev/zero")
    else:
        _sparse(icon, 1 * MB + 1)
    result = _render_with_icons(pack, icons, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "<image" not in (tmp_path / "arch.svg").read_text(encoding="utf-8")


def test_a_regular_icon_is_still_embedded(copy_pack, tmp_path):
    pack = copy_pack("clean")
    icons = tmp_path / "icons"
    icons.mkdir()
    (icons / "Arch_Amazon-Simple-Storage-Service_48.png").write_bytes(PNG_1X1)
    result = _render_with_icons(pack, icons, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "data:image/png;base64," in (tmp_path / "arch.svg").read_text(encoding="utf-8")


PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


# --- suppression columns come from the text already read --------------------------------------------


def test_suppression_column_uses_the_text_read_not_the_file_again(tmp_path):
    path = tmp_path / "pack.yaml"
    path.write_text("id: demo\ntitle: Demo  # mcx: disable=all\n", encoding="utf-8")
    doc = read_yaml(path, "pack.yaml")
    path.unlink()  # read again, it would be gone (or a FIFO, or another file by now)
    assert suppression_column(doc, 2) == 14
