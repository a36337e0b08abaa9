"""Click commands, one module each; kept light so that `--help` imports nothing heavy."""
