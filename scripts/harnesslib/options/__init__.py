"""The runner's options modules."""
