"""CI for content repositories: `new pack --ci github`, the workflow it writes (actionlint, and only
real mcx-author commands and options), and the pre-commit hooks run by `pre-commit try-repo`."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml

from authoring import __version__
from authoring.cli import COMMANDS, cli
from authoring.scaffold import ci_text

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORKFLOW = ".github/workflows/packs.yml"
PRE_COMMIT_CONFIG = ".pre-commit-config.yaml"
HOOKS = REPO / ".pre-commit-hooks.yaml"
EXPRESSION = re.compile(r"\$\{\{.*?\}\}")
INVOCATION = re.compile(r"mcx-author((?:[ \t]+[^\s|;&)<>]+)*)")


def tool(name: str) -> str:
    """A dev tool from this virtualenv (or PATH); skipped where the dev extras are not installed."""
    found = shutil.which(name, path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if found is None:
        pytest.skip(f"{name} is not installed (dev extras)")
    return found


def workflow() -> dict:
    return yaml.safe_load(ci_text("packs.yml"))


def run_lines(doc: dict) -> list[str]:
    return [step["run"] for job in doc["jobs"].values() for step in job.get("steps", []) if "run" in step]


def invocations(script: str) -> list[list[str]]:
    """Every `mcx-author ...` in a shell line as its arguments; `${{ }}` expressions become a word."""
    plain = EXPRESSION.sub("x", script)
    return [shlex.split(match.group(1)) for match in INVOCATION.finditer(plain)]


def parse(args: list[str]) -> click.Context:
    """Parse `mcx-author ARGS` down to the leaf command as the CLI would, without running it."""
    ctx = cli.make_context("mcx-author", list(args), resilient_parsing=False)
    command, rest = cli, ctx._protected_args + ctx.args
    while isinstance(command, click.Group) and rest:
        name, command, rest = command.resolve_command(ctx, rest)
        ctx = command.make_context(name, rest, parent=ctx)
        rest = ctx._protected_args + ctx.args if isinstance(command, click.Group) else []
    return ctx


@pytest.fixture
def new_content_root(tmp_path: Path):
    """A content root with `new pack demo-pack --ci github` run in it (from outside, by --root)."""
    from click.testing import CliRunner

    (tmp_path / "packs").mkdir()

    def make(*extra: str):
        return CliRunner().invoke(cli, ["--root", str(tmp_path), "new", "pack", "demo-pack", *extra])

    return tmp_path, make


def test_new_pack_ci_github_writes_the_workflow_and_pre_commit_config(new_content_root):
    root, make = new_content_root
    result = make("--ci", "github")
    assert result.exit_code == 0, result.output
    assert f"created {WORKFLOW}" in result.output and f"created {PRE_COMMIT_CONFIG}" in result.output
    assert (root / WORKFLOW).read_text(encoding="utf-8") == ci_text("packs.yml")
    assert (root / PRE_COMMIT_CONFIG).read_text(encoding="utf-8") == ci_text("pre-commit-config.yaml")


def test_new_pack_without_ci_writes_no_ci_files(new_content_root):
    root, make = new_content_root
    assert make().exit_code == 0
    assert not (root / ".github").exists() and not (root / PRE_COMMIT_CONFIG).exists()


def test_new_pack_ci_keeps_an_existing_workflow_and_says_it_was_skipped(new_content_root):
    root, make = new_content_root
    (root / WORKFLOW).parent.mkdir(parents=True)
    (root / WORKFLOW).write_text("# ours\n", encoding="utf-8")
    result = make("--ci", "github")
    assert result.exit_code == 0, result.output
    assert (root / WORKFLOW).read_text(encoding="utf-8") == "# ours\n"
    assert f"skipped {WORKFLOW}" in result.output
    assert (root / PRE_COMMIT_CONFIG).is_file()


def test_workflow_passes_actionlint(tmp_path: Path):
    target = tmp_path / WORKFLOW
    target.parent.mkdir(parents=True)
    target.write_text(ci_text("packs.yml"), encoding="utf-8")
    done = subprocess.run([tool("actionlint"), "-oneline", str(target)], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflow_installs_the_mcx_author_version_that_wrote_it():
    doc = workflow()
    installs = [line for line in run_lines(doc) if line.startswith("pip install")]
    assert installs and all(line == 'pip install "$MCX_AUTHOR"' for line in installs)
    assert doc["env"]["MCX_AUTHOR"] == f"mcx-author[dryrun]=={__version__}"


def test_workflow_publishes_only_on_a_version_tag_with_an_oidc_role():
    job = workflow()["jobs"]["publish"]
    assert job["if"] == "${{ startsWith(github.ref, 'refs/tags/v') }}"
    assert job["permissions"]["id-token"] == "write"
    credentials = next(s for s in job["steps"] if s.get("uses", "").startswith("aws-actions/configure-aws-credentials"))
    assert "role-to-assume" in credentials["with"] and "aws-access-key-id" not in credentials["with"]


def test_workflow_fans_out_one_job_per_pack_from_ls():
    jobs = workflow()["jobs"]
    assert any(invocations(line) == [["ls", "--format", "json"]] for line in run_lines({"jobs": {"l": jobs["list"]}}))
    assert jobs["pack"]["strategy"]["matrix"] == "${{ fromJSON(needs.list.outputs.matrix) }}"


def all_invocations() -> list[list[str]]:
    found = [args for line in run_lines(workflow()) for args in invocations(line)]
    for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8")):
        found.append(shlex.split(hook["entry"])[1:])
    return found


@pytest.mark.parametrize("args", all_invocations(), ids=lambda args: " ".join(args))
def test_ci_runs_only_mcx_author_commands_and_options_that_exist(args):
    assert args and args[0] in COMMANDS, f"`mcx-author {args[0] if args else ''}` is not a command"
    parse(args)  # a click.UsageError here names the unknown command, option or value


def test_hooks_manifest_exposes_lint_and_extract_check_as_python_hooks():
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert hooks["mcx-lint"]["entry"] == "mcx-author lint"
    assert hooks["mcx-i18n-extract-check"]["entry"] == "mcx-author i18n extract --check"
    assert {hook["language"] for hook in hooks.values()} == {"python"}
    done = subprocess.run([tool("pre-commit"), "validate-manifest", str(HOOKS)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_generated_pre_commit_config_runs_the_manifest_hooks_at_the_pinned_version(tmp_path: Path):
    config = tmp_path / PRE_COMMIT_CONFIG
    config.write_text(ci_text("pre-commit-config.yaml"), encoding="utf-8")
    done = subprocess.run([tool("pre-commit"), "validate-config", str(config)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    manifest = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    (local,) = yaml.safe_load(config.read_text(encoding="utf-8"))["repos"]
    for hook in local["hooks"]:
        same = {key: manifest[hook["id"]][key] for key in ("entry", "language", "files", "pass_filenames")}
        assert {key: hook[key] for key in same} == same
        assert hook["additional_dependencies"] == [f"mcx-author=={__version__}"]


# --- pre-commit try-repo on a sample content repository --------------------------------------------

GIT = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]


def git(cwd: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """This repository as pre-commit installs it: what is on disk (not only what is committed, so
    the test sees the working tree) of the files `pip install .` needs, committed in a fresh repo."""
    target = tmp_path_factory.mktemp("hook-repo")
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(REPO / name, target / name)
    shutil.copytree(REPO / "authoring", target / "authoring", ignore=shutil.ignore_patterns("__pycache__"))
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "hooks")
    return target


@pytest.fixture
def content_repo(tmp_path: Path) -> Path:
    """A content repository in git: one pack from `new pack`, its template extracted."""
    root = tmp_path / "exams"
    (root / "packs").mkdir(parents=True)
    mcx = str(BIN / "mcx-author")
    subprocess.run([mcx, "--root", str(root), "new", "pack", "demo-pack"], check=True, capture_output=True)
    subprocess.run([mcx, "--root", str(root), "i18n", "extract"], check=True, capture_output=True)
    git(root, "init", "-q")
    git(root, "add", "-A")
    return root


def pre_commit(content: Path, *args: str) -> subprocess.CompletedProcess:
    home = content.parent.parent / "pre-commit-home"  # one hook environment for the module's repos
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    env.pop("VIRTUAL_ENV", None)
    command = [tool("pre-commit"), *args]
    return subprocess.run(command, cwd=content, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def hooks_config(hook_repo: Path) -> Path:
    """The config `pre-commit try-repo` writes for the hook repository, kept so that its hook
    environment (a virtualenv with mcx-author installed by pip) is made once, not once per run."""
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True, text=True, check=True)
    hooks = [{"id": hook["id"]} for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))]
    config = hook_repo.parent / "try-repo-config.yaml"
    config.write_text(yaml.safe_dump({"repos": [{"repo": str(hook_repo), "rev": rev.stdout.strip(), "hooks": hooks}]}))
    return config


def run_hook(config: Path, content: Path, hook: str) -> subprocess.CompletedProcess:
    return pre_commit(content, "run", "--config", str(config), hook, "--all-files")


def break_lint(content: Path) -> str:
    """Misspell a key of the pack (a lint error); returns the good text to put back."""
    pack = content / "packs" / "demo-pack" / "pack.yaml"
    good = pack.read_text(encoding="utf-8")
    pack.write_text(good.replace("passing_score: 80", "passing_scor: 80"), encoding="utf-8")
    git(content, "add", "-A")
    return good


def test_try_repo_runs_the_lint_hook_and_it_fails_on_a_lint_error(hook_repo, content_repo):
    break_lint(content_repo)
    failed = pre_commit(content_repo, "try-repo", str(hook_repo), "mcx-lint", "--all-files")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "packs/demo-pack/pack.yaml:" in failed.stdout


def test_lint_hook_fails_on_a_lint_error_and_passes_once_fixed(hooks_config, content_repo):
    good = break_lint(content_repo)
    failed = run_hook(hooks_config, content_repo, "mcx-lint")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "packs/demo-pack/pack.yaml:" in failed.stdout
    (content_repo / "packs" / "demo-pack" / "pack.yaml").write_text(good, encoding="utf-8")
    git(content_repo, "add", "-A")
    passed = run_hook(hooks_config, content_repo, "mcx-lint")
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_extract_check_hook_fails_on_a_stale_template_and_passes_once_extracted(hooks_config, content_repo):
    pack = content_repo / "packs" / "demo-pack" / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("title: Demo pack", "title: Demo pack, renamed"))
    git(content_repo, "add", "-A")
    failed = run_hook(hooks_config, content_repo, "mcx-i18n-extract-check")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    subprocess.run([str(BIN / "mcx-author"), "--root", str(content_repo), "i18n", "extract"], check=True)
    git(content_repo, "add", "-A")
    passed = run_hook(hooks_config, content_repo, "mcx-i18n-extract-check")
    assert passed.returncode == 0, passed.stdout + passed.stderr
