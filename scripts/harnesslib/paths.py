# SPDX-License-Identifier: MIT
"""Where things are. The repository root is computed here, once; every other
module takes its paths from this one."""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPTS = os.path.join(ROOT, "scripts")
BUILD = os.path.join(ROOT, "build")
IMAGE = os.path.join(BUILD, "harness.bin")
# The 32-bit image (make ARCH=arm).
ARM_IMAGE = os.path.join(BUILD, "arm", "harness.bin")
XEN = os.path.join(BUILD, "deps", "xen", "boot", "xen-4.17-arm64")
PROTOCOL_H = os.path.join(ROOT, "lib", "runtime", "protocol.h")
DTS = os.path.join(ROOT, "dts")
INTEGRATION = os.path.join(ROOT, "tests", "harness", "integration")
JUNIT_SCHEMA = os.path.join(ROOT, "tests", "harness", "schema", "junit-10.xsd")


def script(name):
    """An entry point in scripts/, e.g. script("run")."""
    return os.path.join(SCRIPTS, name)


def rel(path):
    """A path as the user reads it: relative to the repository root."""
    return os.path.relpath(path, ROOT)
