"""Loaded by a child Python with this folder on PYTHONPATH: installs `faults` when asked."""

import os

if "CVSITE_FAULT_AT" in os.environ or "CVSITE_FAULT_COUNT" in os.environ:
    from faults import install_from_environment

    install_from_environment()
