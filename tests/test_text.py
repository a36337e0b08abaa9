"""The shared text helpers: one did-you-mean and one display width for every feature."""

from authoring.text import closest, did_you_mean, display_width, parse_locale_tag, suggest


def test_closest_names_the_likely_intended_choice():
    assert closest("dependson", ["depends_on", "title"]) == "depends_on"


def test_closest_is_none_when_nothing_is_near():
    assert closest("zzz", ["depends_on", "title"]) is None


def test_a_lower_cutoff_finds_a_looser_match():
    assert closest("lt", ["lint"]) is None
    assert closest("lt", ["lint"], cutoff=0.6) == "lint"


def test_suggest_is_the_phrase_appended_to_a_message():
    assert suggest("titel", ["title"]) == " (did you mean `title`?)"
    assert suggest("zzz", ["title"]) == ""
    assert did_you_mean(None) == ""


def test_display_width_counts_japanese_characters_as_two_columns():
    assert display_width("S3 バケット") == 3 + 4 * 2


def test_a_locale_tag_reads_the_same_with_a_hyphen_or_an_underscore():
    assert str(parse_locale_tag("pt-BR")) == str(parse_locale_tag("pt_BR")) == "pt_BR"


def test_a_tag_no_locale_has_reads_as_none():
    assert parse_locale_tag("not-a-locale") is None
    assert parse_locale_tag("") is None
