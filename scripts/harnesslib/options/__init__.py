# SPDX-License-Identifier: MIT
"""The runner's options modules."""
