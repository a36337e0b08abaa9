"""Pack.dependency_order() and Pack.ancestors(): the one walk over `depends_on` every feature uses."""

from __future__ import annotations

from pathlib import Path

from authoring.loader import load_pack
from authoring.model import Pack


def pack_of(tmp_path: Path, tasks: dict[str, list[str]], listed: list[str] | None = None) -> Pack:
    """A pack whose tasks (id -> depends_on) are listed in pack.yaml in the given order."""
    directory = tmp_path / "packs" / "p"
    (directory / "tasks").mkdir(parents=True)
    order = listed if listed is not None else list(tasks)
    (directory / "pack.yaml").write_text(f"id: p\ntasks: [{', '.join(order)}]\n", encoding="utf-8")
    for task_id, depends in tasks.items():
        text = f"id: {task_id}\ndepends_on: [{', '.join(depends)}]\n"
        (directory / "tasks" / f"{task_id}.yaml").write_text(text, encoding="utf-8")
    source = load_pack(directory, tmp_path)
    assert source.pack is not None
    return source.pack


def ids(tasks) -> list[str]:
    return [t.id for t in tasks]


def test_dependency_order_puts_every_task_after_its_dependencies(tmp_path):
    pack = pack_of(tmp_path, {"c": ["b"], "b": ["a"], "a": []})
    assert ids(pack.dependency_order()) == ["a", "b", "c"]


def test_dependency_order_keeps_the_pack_order_among_independent_tasks(tmp_path):
    pack = pack_of(tmp_path, {"z": [], "y": [], "x": ["z"], "w": []})
    assert ids(pack.dependency_order()) == ["z", "y", "x", "w"]


def test_dependency_order_places_a_task_as_soon_as_its_dependencies_are_placed(tmp_path):
    pack = pack_of(tmp_path, {"late": ["first"], "first": [], "other": []})
    assert ids(pack.dependency_order()) == ["first", "late", "other"]


def test_dependency_order_ignores_a_dependency_on_no_task(tmp_path):
    pack = pack_of(tmp_path, {"a": ["ghost"], "b": ["a"]})
    assert ids(pack.dependency_order()) == ["a", "b"]


def test_dependency_order_breaks_a_cycle_at_its_earliest_task(tmp_path):
    pack = pack_of(tmp_path, {"a": ["c"], "b": ["a"], "c": ["b"], "d": ["c"]})
    assert ids(pack.dependency_order()) == ["a", "b", "c", "d"]


def test_dependency_order_lists_a_task_that_depends_on_itself_once_after_the_ready_ones(tmp_path):
    pack = pack_of(tmp_path, {"a": ["a"], "b": []})
    assert ids(pack.dependency_order()) == ["b", "a"]


def test_dependency_order_follows_a_chain_longer_than_the_recursion_limit(tmp_path):
    chain = {f"t{i}": ([f"t{i - 1}"] if i else []) for i in range(1500)}
    pack = pack_of(tmp_path, dict(reversed(chain.items())))
    assert ids(pack.dependency_order()) == list(chain)


def test_ancestors_are_direct_and_indirect_dependencies_in_pack_order(tmp_path):
    pack = pack_of(tmp_path, {"a": [], "b": ["a"], "unrelated": [], "c": ["b"], "d": ["c", "a"]})
    assert ids(pack.ancestors("d")) == ["a", "b", "c"]


def test_ancestors_of_a_task_without_dependencies_are_none(tmp_path):
    pack = pack_of(tmp_path, {"a": [], "b": ["a"]})
    assert pack.ancestors("a") == ()


def test_ancestors_of_an_unknown_task_are_none(tmp_path):
    pack = pack_of(tmp_path, {"a": []})
    assert pack.ancestors("ghost") == ()


def test_ancestors_skip_a_dependency_on_no_task(tmp_path):
    pack = pack_of(tmp_path, {"a": [], "b": ["a", "ghost"]})
    assert ids(pack.ancestors("b")) == ["a"]


def test_a_task_in_a_cycle_is_among_its_own_ancestors(tmp_path):
    pack = pack_of(tmp_path, {"a": ["b"], "b": ["a"], "c": ["a"]})
    assert ids(pack.ancestors("a")) == ["a", "b"]
    assert ids(pack.ancestors("c")) == ["a", "b"]


def test_ancestors_accept_the_task_itself(tmp_path):
    pack = pack_of(tmp_path, {"a": [], "b": ["a"]})
    assert ids(pack.ancestors(pack.tasks[1])) == ["a"]
