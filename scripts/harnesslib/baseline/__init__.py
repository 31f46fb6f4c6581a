# SPDX-License-Identifier: MIT
"""The runner's baseline modules."""
