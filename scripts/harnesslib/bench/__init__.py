"""The runner's bench modules."""
