"""AWS knowledge shared by lint, dry-run and check: service models, read-only rule, stand-in params."""
