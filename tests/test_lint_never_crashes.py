"""Whatever an author does to a pack's YAML, lint answers with findings, never with a crash."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import ACTIONS, paths
from mutations import edit as edit_at

from authoring.config import Config
from authoring.lint import lint_paths

CLEAN = Path(__file__).resolve().parent / "packs" / "clean"
FILES = {p.relative_to(CLEAN).as_posix(): yaml.safe_load(p.read_text()) for p in CLEAN.rglob("*.yaml")}
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 10**6), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "x", "{nope}", "{site_bucket}", "s3.get_bucket", "lambda.invoke", "a.b.c", "../x",
                     "/etc/passwd", "Status[", "enable-website", "ja", "zz", "mcx/v1", "1.0.0"]),
    st.lists(st.sampled_from(["a", "enable-website", 1, None]), max_size=3),
    st.dictionaries(st.sampled_from(["id", "call", "path", "$asset", "equals", "x"]), st.sampled_from(["a", 1]), max_size=3),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_edit_of_a_pack_gives_findings_not_a_crash(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("root")
    pack = root / "packs" / "clean"
    for name, content in FILES.items():
        target = pack / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    (pack / "assets").mkdir(exist_ok=True)
    (pack / "assets" / "index.html").write_text("<h1>hi</h1>", encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 3))):
        name = data.draw(st.sampled_from(sorted(FILES)))
        doc = yaml.safe_load((pack / name).read_text())
        path = data.draw(st.sampled_from(list(paths(doc))))
        edited = edit_at(doc, path, data.draw(st.sampled_from(ACTIONS)), data.draw(VALUES))
        (pack / name).write_text(yaml.safe_dump(edited, sort_keys=False), encoding="utf-8")
    result = lint_paths([str(pack)], root, Config())
    assert [f.message for f in result.findings if f.rule == "rule-crashed"] == []
    assert all(f.file.startswith("packs/clean/") for f in result.findings)
