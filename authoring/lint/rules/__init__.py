"""The built-in rules; importing this package registers them."""

from . import aws_calls, content, diagram, expectations, references, structure, variables  # noqa: F401
