"""Architecture and task-dependency diagrams through Graphviz, localized, with per-task highlights.

Other features use it through this package: `render_all` gives every diagram of a pack as name -> bytes.
"""

from .render import render_all

__all__ = ["render_all"]
