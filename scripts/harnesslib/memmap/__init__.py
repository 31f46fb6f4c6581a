"""The runner's memmap modules."""
