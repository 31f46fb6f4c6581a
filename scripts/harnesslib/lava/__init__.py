# SPDX-License-Identifier: MIT
"""The runner's lava modules."""
