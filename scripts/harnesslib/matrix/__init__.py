# SPDX-License-Identifier: MIT
"""The runner's matrix modules."""
