# SPDX-License-Identifier: MIT
"""scripts/check-views: each view checked as a person sees it (terminal.py, browser.py)."""
