# SPDX-License-Identifier: MIT
"""The runner's bench modules."""
