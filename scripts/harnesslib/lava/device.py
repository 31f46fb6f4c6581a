# SPDX-License-Identifier: MIT
"""The device configuration lava-run reads (--device): the device dictionary
rendered with LAVA's own device-type templates (base.jinja2, qemu.jinja2),
the way a LAVA server renders it: a sandboxed jinja2 environment with
trim_blocks, the job's context as its variables. The templates ship only in
lava-server, which scripts/setup unpacks into build/deps/lava-server."""
import os

from .. import paths
from ..errors import SetupError

TEMPLATES = os.path.join(
    paths.BUILD, "deps", "lava-server", "usr", "share", "lava-server", "device-types"
)


def render(dictionary, context, templates=TEMPLATES):
    """The device YAML of a device dictionary file (its folder first on the
    template path, then LAVA's device types)."""
    if not os.path.isfile(os.path.join(templates, "qemu.jinja2")):
        raise SetupError(
            f"LAVA's device-type templates are not in {paths.rel(templates)}; run scripts/setup"
        )
    try:
        import jinja2
        import jinja2.sandbox
    except ImportError:
        raise SetupError(
            "python3-jinja2 is not installed (the device dictionary is a jinja2 template); "
            "run scripts/setup"
        )
    env = jinja2.sandbox.SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([os.path.dirname(os.path.abspath(dictionary)), templates]),
        trim_blocks=True,
        autoescape=False,
    )
    return env.get_template(os.path.basename(dictionary)).render(**context)
