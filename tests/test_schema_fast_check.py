"""The fast validity check must never pass a file that jsonschema would reject (it may be stricter:
then jsonschema decides). Checked on the sample packs and on many random edits of them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from mutations import ACTIONS, paths
from mutations import edit as edit_at

from authoring.schema import schema
from authoring.schema.fast import fast_validator

ROOT = Path(__file__).resolve().parent.parent
DOCS = {
    "pack": [yaml.safe_load(p.read_text()) for p in sorted(ROOT.glob("packs/*/pack.yaml"))],
    "task": [yaml.safe_load(p.read_text()) for p in sorted(ROOT.glob("packs/*/tasks/*.yaml"))],
}
ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 600), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "x", "Enabled", "mcx/v1", "1.0.0", "a b", "s3.get_bucket", "UPPER", "ok-id", "call"]),
    st.lists(st.sampled_from(["a", "b-c", 1]), max_size=3), st.dictionaries(st.sampled_from(["a", "id", "path"]), st.just(1), max_size=2),
)


@pytest.mark.parametrize("kind", ["pack", "task"])
def test_sample_files_pass_both_checks(kind):
    strict = Draft202012Validator(schema(kind))
    for doc in DOCS[kind]:
        assert fast_validator(kind)(doc) and strict.is_valid(doc)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_check_never_passes_what_jsonschema_rejects(data):
    kind = data.draw(st.sampled_from(["pack", "task"]))
    doc = data.draw(st.sampled_from(DOCS[kind]))
    path = data.draw(st.sampled_from(list(paths(doc))))
    action = data.draw(st.sampled_from(ACTIONS))
    edited = edit_at(doc, path, action, data.draw(ODD_VALUES))
    if fast_validator(kind)(edited):
        assert Draft202012Validator(schema(kind)).is_valid(edited), (path, action)
