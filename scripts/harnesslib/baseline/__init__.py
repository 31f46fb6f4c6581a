"""The runner's baseline modules."""
