"""The built-in rules; importing this package registers them."""

from . import structure, references, variables, aws_calls, content  # noqa: F401
