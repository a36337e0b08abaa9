"""A mistyped locale gets the same did-you-mean in every command that takes --locale."""

from __future__ import annotations

from conftest import TESTS

SAMPLE = TESTS.parent / "packs" / "serverless-web-app"


def test_render_diagram_suggests_ja_for_jp(run):
    result = run("render-diagram", SAMPLE, "--locale", "jp", "--view", "tasks")
    assert result.exit_code == 2
    assert "did you mean `ja`?" in result.stderr


def test_render_diagram_lists_the_declared_locales_for_an_undeclared_one(run):
    result = run("render-diagram", SAMPLE, "--locale", "fr", "--view", "tasks")
    assert result.exit_code == 2
    assert "ja" in result.stderr.split("declares:")[1]


def test_report_suggests_ja_for_jp(run):
    result = run("i18n", "report", SAMPLE, "--locale", "jp")
    assert result.exit_code == 2
    assert "did you mean `ja`?" in result.stderr
