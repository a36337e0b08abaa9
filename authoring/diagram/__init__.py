"""Architecture and task-dependency diagrams through Graphviz, localized, with per-task highlights."""
