"""The runner's lava modules."""
