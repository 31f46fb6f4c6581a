"""The runner's matrix modules."""
