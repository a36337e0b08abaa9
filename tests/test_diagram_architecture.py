"""`render-diagram`, architecture view: groups as nested clusters, components as labelled nodes with
the AWS service name, actors and external systems drawn apart from services, category colours,
labelled connections."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from conftest import edit
from diagram_support import (
    SHOP_COMPONENTS,
    SHOP_CONNECTIONS,
    SHOP_GROUPS,
    SVG,
    add_bucket_2_and_a_repeated_connection,
    bbox,
    by_id,
    ends,
    gs,
    inside,
    load_yaml,
    make_shop,
    render_ok,
    shape,
    stroke,
    svg_of,
    texts,
)


@pytest.fixture
def shop(copy_pack):
    return make_shop(copy_pack)


@pytest.fixture
def arch(run, shop):
    return svg_of(run, shop)


def test_every_group_is_a_cluster_with_the_group_id(arch):
    assert sorted(g.get("id") for g in gs(arch, "cluster")) == sorted(SHOP_GROUPS)


@pytest.mark.parametrize("group", ["region", "vpc"])
def test_nested_group_box_lies_inside_its_parent_box(arch, group):
    clusters = by_id(arch, "cluster")
    assert inside(bbox(clusters[group]), bbox(clusters[SHOP_GROUPS[group]]))


def test_sibling_component_is_outside_a_nested_group_box(arch):
    """site-bucket is in `region` but not in its child `vpc`: its box is not inside vpc's."""
    assert not inside(bbox(by_id(arch, "node")["site-bucket"]), bbox(by_id(arch, "cluster")["vpc"]))


@pytest.mark.parametrize("component", ["site-bucket", "logs-bucket", "api-function", "orders-table"])
def test_component_lies_inside_its_group_box(arch, component):
    group = SHOP_COMPONENTS[component][3]
    assert inside(bbox(by_id(arch, "node")[component]), bbox(by_id(arch, "cluster")[group]))


def test_nested_group_is_a_nested_subgraph_in_the_dot_source(run, shop):
    source = render_ok(run, shop, "--format", "dot", name="arch.dot").decode()

    def block(name: str) -> str:
        """The text of `subgraph <name> { ... }` up to its matching brace."""
        start = re.search(rf'subgraph "?{re.escape(name)}"? {{', source).end()
        depth = 1
        for i, char in enumerate(source[start:], start):
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth == 0:
                return source[start:i]
        raise AssertionError(f"unbalanced braces after {name}")

    assert re.search(r'subgraph "?cluster_region"? \{', block("cluster_aws-cloud"))
    assert re.search(r'subgraph "?cluster_vpc"? \{', block("cluster_region"))
    assert "cluster_vpc" not in block("cluster_aws-cloud").split("cluster_region", 1)[0]


def test_every_component_node_has_the_component_id(arch):
    components = {g.get("id") for g in gs(arch, "node")}
    assert components == set(SHOP_COMPONENTS)


@pytest.mark.parametrize(
    "component, expected",
    [
        ("site-bucket", ["Site bucket", "Amazon S3"]),
        ("logs-bucket", ["Logs bucket", "Amazon S3"]),
        ("api-function", ["Orders function", "AWS Lambda"]),
        ("orders-table", ["Orders table", "Amazon DynamoDB"]),
    ],
)
def test_service_component_shows_its_label_and_the_aws_service_name(arch, component, expected):
    assert texts(by_id(arch, "node")[component]) == expected


@pytest.mark.parametrize("component", ["visitor", "partner"])
def test_actor_and_external_component_show_their_label(arch, component):
    assert texts(by_id(arch, "node")[component]) == [SHOP_COMPONENTS[component][0]]


def test_actor_is_drawn_with_another_shape_than_services(arch):
    nodes = by_id(arch, "node")
    service_shapes = {shape(nodes[c]).tag for c in ("site-bucket", "api-function", "orders-table")}
    assert shape(nodes["visitor"]).tag not in service_shapes


def test_external_system_is_drawn_dashed_and_services_are_not(arch):
    nodes = by_id(arch, "node")
    assert shape(nodes["partner"]).get("stroke-dasharray")
    for service in ("site-bucket", "logs-bucket", "api-function", "orders-table"):
        assert shape(nodes[service]).get("stroke-dasharray") is None, service


def test_services_of_one_category_share_the_border_colour(arch):
    nodes = by_id(arch, "node")
    assert stroke(nodes["site-bucket"]) == stroke(nodes["logs-bucket"])  # both Amazon S3: storage


def test_services_of_different_categories_have_different_border_colours(arch):
    nodes = by_id(arch, "node")
    colours = [stroke(nodes[c]) for c in ("site-bucket", "api-function", "orders-table")]  # storage, compute, database
    assert len(set(colours)) == 3, colours


def test_different_services_of_one_category_share_the_border_colour(run, copy_pack):
    """DynamoDB and ElastiCache are both AWS databases; SQS and SNS both application integration."""
    pack = make_shop(copy_pack)
    edit(
        pack / "pack.yaml",
        "    - {id: orders-table, label: Orders table, service: dynamodb, group: vpc}\n",
        "    - {id: orders-table, label: Orders table, service: dynamodb, group: vpc}\n"
        "    - {id: cache, label: Session cache, service: elasticache, group: vpc}\n"
        "    - {id: queue, label: Order queue, service: sqs, group: vpc}\n"
        "    - {id: topic, label: Order topic, service: sns, group: vpc}\n",
    )
    edit(pack / "pack.yaml",
         "services: [s3, lambda, dynamodb]",
         "services: [s3, lambda, dynamodb, elasticache, sqs, sns]")
    nodes = by_id(svg_of(run, pack), "node")
    assert stroke(nodes["cache"]) == stroke(nodes["orders-table"])  # both databases
    assert stroke(nodes["queue"]) == stroke(nodes["topic"])  # both application integration
    assert stroke(nodes["queue"]) != stroke(nodes["orders-table"])


def test_every_connection_is_an_edge_labelled_with_its_label(arch):
    drawn = Counter((*ends(g), " ".join(texts(g))) for g in gs(arch, "edge"))
    assert drawn == Counter(SHOP_CONNECTIONS)


def test_two_connections_between_the_same_components_get_distinct_ids(arch):
    ids = [g.get("id") for g in gs(arch, "edge") if ends(g) == ("api-function", "orders-table")]
    assert len(ids) == 2 and len(set(ids)) == 2 and all(ids)


def test_connection_ids_are_unique_when_a_component_id_ends_in_a_number(run, copy_pack):
    pack = copy_pack("clean")
    add_bucket_2_and_a_repeated_connection(pack)
    ids = [g.get("id") for g in svg_of(run, pack).iter(f"{SVG}g") if g.get("id")]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.mark.parametrize("label", ["C:\\new\\logs", "<all requests>"], ids=["backslash", "angle-brackets"])
def test_connection_label_is_shown_verbatim(run, copy_pack, label):
    pack = copy_pack("clean")
    edit(pack / "pack.yaml", "label: browses}", f"label: {json.dumps(label)}}}")
    edge = gs(svg_of(run, pack), "edge")[0]
    assert texts(edge) == [label]


def _png(size: int) -> bytes:
    import struct
    import zlib

    raw = b"".join(b"\x00" + b"\x7a\xa1\x16" * size for _ in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_icons_from_a_local_aws_icon_set_are_embedded_in_the_svg(run, shop, tmp_path):
    icons = tmp_path / "Architecture-Service-Icons" / "Arch_Storage" / "48"
    icons.mkdir(parents=True)
    (icons / "Arch_Amazon-Simple-Storage-Service_48.png").write_bytes(_png(48))
    (icons / "Arch_Amazon-Simple-Storage-Service_32.png").write_bytes(_png(32))
    svg = render_ok(run, shop, "--icons", str(tmp_path / "Architecture-Service-Icons"))
    text = svg.decode("utf-8")
    buckets = [c for c in load_yaml(shop / "pack.yaml")["architecture"]["components"] if c.get("service") == "s3"]
    assert text.count('xlink:href="data:image/png;base64,') == len(buckets)
    assert str(tmp_path) not in text  # self-contained: no path of this machine
