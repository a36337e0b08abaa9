"""YAML syntax errors name the usual cause in a pack file, at the place to fix, in one line.

Each test asserts our hint and our position; the parser's own wording before the hint is not asserted.
"""

from __future__ import annotations

import pytest

from authoring.yamlsrc import YamlError, parse_yaml


def error_of(text: str) -> YamlError:
    with pytest.raises(YamlError) as info:
        parse_yaml(text.encode("utf-8"), "f.yaml")
    assert "\n" not in info.value.message
    return info.value


def where(error: YamlError) -> tuple[int, int]:
    return error.pos.line, error.pos.column


def test_colon_and_space_inside_a_plain_value_says_quote_the_value():
    error = error_of("id: site\nsummary: Host the site: fast and cheap\n")
    assert "quote the value" in error.message
    assert where(error) == (2, 23)


def test_colon_hint_shows_the_line_with_the_value_quoted():
    error = error_of("tasks:\n  - title: Host the site: fast  # why\n")
    assert '(title: "Host the site: fast")' in error.message


def test_colon_hint_quotes_with_single_quotes_when_the_value_holds_a_double_quote():
    error = error_of('title: The "site": it\'s fast\n')
    assert "(title: 'The \"site\": it''s fast')" in error.message


def test_colon_and_space_on_a_continuation_line_of_a_value_says_quote_the_value():
    error = error_of("summary: Host the site\n  and keep it: fast\n")
    assert "quote the value" in error.message
    assert where(error) == (2, 14)


def test_value_starting_with_a_backtick_says_quote_the_value():
    error = error_of("id: site\nobjectives:\n  - `aws s3 ls` lists the buckets\n")
    assert "backtick" in error.message and "quote the value" in error.message
    assert where(error) == (3, 5)


def test_backslash_escape_in_double_quotes_says_use_single_quotes():
    error = error_of('expect:\n  - path: Name\n    matches: "^mcx-.*\\.html$"\n')
    assert "use single quotes for regular expressions" in error.message
    assert where(error) == (3, 22)


def test_key_indented_too_far_says_check_the_indentation_at_that_line():
    error = error_of("validators:\n  - id: site\n     call: s3.get_bucket_website\n")
    assert "check the indentation" in error.message
    assert where(error) == (3, 6)


def test_key_indented_too_little_says_check_the_indentation_at_that_line():
    error = error_of("validators:\n  - id: site\n    call: s3.get_bucket_website\n   save: {x: Name}\n")
    assert "check the indentation" in error.message
    assert where(error) == (4, 4)


def test_list_item_indented_too_little_says_check_the_indentation():
    error = error_of("hints:\n  - text: one\n - text: two\n")
    assert "check the indentation" in error.message
    assert where(error) == (3, 2)


def test_placeholder_starting_a_longer_value_says_quote_it_at_the_brace():
    error = error_of("params:\n  Key: {prefix}/index.html\n")
    assert "placeholder at the start of a value must be quoted" in error.message
    assert "{prefix}" in error.message
    assert where(error) == (2, 8)


def test_placeholder_as_a_whole_unquoted_value_is_one_problem_at_the_brace():
    doc = parse_yaml(b"params:\n  Bucket: {upload_bucket}\n", "f.yaml")
    [problem] = doc.problems
    assert "placeholder at the start of a value must be quoted" in problem.message
    assert '"{upload_bucket}"' in problem.message
    assert (problem.pos.line, problem.pos.column) == (2, 11)


def test_placeholder_as_a_whole_unquoted_value_is_read_as_the_text_meant():
    doc = parse_yaml(b"params:\n  Bucket: {upload_bucket}\n  Keys: [{first}]\n", "f.yaml")
    assert doc.data == {"params": {"Bucket": "{upload_bucket}", "Keys": ["{first}"]}}


@pytest.mark.parametrize("text", ["a: {b: }\n", "a: {b: null}\n", "a: {b: 1}\n", "a: {Enabled: true}\n"])
def test_flow_mappings_written_as_mappings_are_not_placeholders(text):
    doc = parse_yaml(text.encode(), "f.yaml")
    assert doc.problems == ()
    assert isinstance(doc.data["a"], dict)


def test_an_error_with_no_usual_cause_keeps_the_parser_message_alone():
    error = error_of("a: [1, 2\n")
    assert ";" not in error.message
