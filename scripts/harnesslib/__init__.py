"""Host-side runner library for the harness (Python standard library only)."""
