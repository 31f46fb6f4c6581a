# SPDX-License-Identifier: MIT
"""The runner's memmap modules."""
