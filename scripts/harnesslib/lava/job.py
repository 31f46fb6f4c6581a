# SPDX-License-Identifier: MIT
"""A LAVA job definition and its device dictionary from the QEMU command line
scripts/run would run (qemu.py, xen.py), so that LAVA boots exactly that.

QEMU's arguments fall in two parts: those that name a file (the image, Xen,
Xen's host DTB, a --dtb tree, the scratch disk) are the job's images, each
deployed by LAVA (`deploy: to: tmpfs`) and put back into the command as its
`image_arg` with `{label}` where the file was; `-append` (the bootargs) goes
with the image `-kernel` loads. Every other argument describes the machine:
it goes into the device dictionary, which overrides the `qemu_options` block
of LAVA's own `qemu.jinja2` (whose default would add a NIC and drop
`-nodefaults`). LAVA joins the arguments with spaces and splits them again
honouring quotes (pexpect, no shell), so every value is shell-quoted.

The results come from a `monitors` test: one LAVA case per KTAP result line,
named by the line's own name (suite and case levels end up in one LAVA
suite), with the runner's reading of it (ktap.py): `# SKIP` is skip,
otherwise `ok` is pass and `not ok` is fail.
"""
import os
import re
import shlex

from ..protocol import REPORT_SENTINEL

MONITOR = "harness"  # the LAVA test suite (definition) the cases are recorded under
# QEMU options that take no value (every other one takes exactly one).
NO_VALUE = {"-nographic", "-nodefaults", "-no-reboot", "-semihosting"}
# The image each of these options loads gets this label (LAVA's usual names).
LABELS = {"-kernel": "kernel", "-dtb": "dtb"}
# What precedes a guest line on the console: nothing on QEMU; under Xen the
# prefixes xen.GUEST_LINE strips ("(XEN) DOM1: " for vpl011, "(d1) " for console_io).
GUEST_PREFIX = {"qemu": "", "xen": r"(?:\(XEN\) DOM1: |\(d1\) )"}
# LAVA searches the console with DOTALL and without MULTILINE. The lookahead
# captures `result`: "SKIP" when the directive is SKIP, else "ok" or "not ok"
# (one group can only sit in one place, hence the optional jump to the directive).
RESULT_PATTERN = (
    r"(?m)^{prefix} *"
    r"(?=(?:(?:not )?ok \d+ [^#\r\n]*? # (?=SKIP\b))?(?P<result>SKIP|not ok|ok))"
    r"(?:not )?ok \d+ (?P<test_case_id>[^#\r\n]*?)(?: #[^\r\n]*)?[\r\n]"
)
FIXUPDICT = {"ok": "pass", "not ok": "fail", "SKIP": "skip"}
# After the report: QEMU ends when the guest ends it (semihosting), but under
# Xen nothing ends it (the domain is only paused), and LAVA's finalize would
# wait 6 s for a "poweroff" nobody reads. So the Xen job ends the machine:
# three CTRL-a switch Xen's console input (Xen 4.17 with one domU: DOM0,
# absent, then DOM1, then Xen), and Xen's debug key R reboots, which QEMU's
# -no-reboot makes an exit. Each step waits for what Xen says of it.
XEN_END = {
    "name": "end-xen",
    "prompts": ["Serial input to DOM1", "Serial input to Xen", "'R' pressed -> rebooting"],
    "script": [{"command": "\x01\x01\x01"}, {"command": "\x01\x01\x01"}, {"command": "R"}],
}


class JobError(Exception):
    """A command line this module cannot turn into a job (a bug to fix here)."""


def monitor(platform):
    # The end is the sentinel's whole line, its line end included: what the job
    # does next (XEN_END) must not land in the middle of it.
    prefix = GUEST_PREFIX[platform]
    return {
        "name": MONITOR,
        "start": "KTAP version 1",
        "end": f"(?m)^{prefix}{re.escape(REPORT_SENTINEL)}\r*\n",
        "pattern": RESULT_PATTERN.format(prefix=prefix),
        "fixupdict": dict(FIXUPDICT),
    }


def split_options(cmd):
    """[(option, value or None)] of a QEMU command (without the program)."""
    out, i = [], 1
    while i < len(cmd):
        flag = cmd[i]
        if not flag.startswith("-"):
            raise JobError(f"QEMU argument {flag!r} follows no option")
        if flag in NO_VALUE:
            out.append((flag, None))
            i += 1
            continue
        if i + 1 >= len(cmd) or cmd[i + 1].startswith("-"):
            raise JobError(
                f"QEMU option {flag} has no value (if it takes none, add it to NO_VALUE)"
            )
        out.append((flag, cmd[i + 1]))
        i += 2
    return out


def _inside(path, value):
    """A regex of `=PATH` as a whole item of a QEMU option list (file=PATH,...),
    if value holds it; the path's commas are doubled there (qemu.opt_value)."""
    r = re.compile("=" + re.escape(path.replace(",", ",,")) + "(?=,(?!,)|$)")
    return r if r.search(value) else None


def _label(flag, path, taken):
    base = LABELS.get(flag) or re.sub(
        r"\W+", "_", os.path.splitext(os.path.basename(path))[0]
    ).strip("_")
    label, n = base or "image", 2
    while label in taken:
        label, n = f"{base}{n}", n + 1
    return label


def split_command(cmd, files):
    """(machine options, images) of a QEMU command. files maps each path the
    command may name to the file name it is published as; images is
    [(label, published name, image_arg)] in the command's order."""
    machine: list[str] = []
    images: list[list[str]] = []  # [label, published name, image_arg]
    append = None
    for flag, value in split_options(cmd):
        named = [p for p in files if value is not None and (value == p or _inside(p, value))]
        if flag == "-append":
            append = value
        elif named:
            if len(named) > 1:
                raise JobError(f"QEMU option {flag} {value} names {len(named)} files")
            path = named[0]
            label = _label(flag, path, {i[0] for i in images})
            arg = (
                "{" + label + "}"
                if value == path
                else _inside(path, value).sub("={" + label + "}", value)
            )
            images.append(
                [
                    label,
                    files[path],
                    f"{flag} {arg}" if value == path else f"{flag} {shlex.quote(arg)}",
                ]
            )
        else:
            machine.append(flag if value is None else f"{flag} {shlex.quote(value)}")
    if append is not None:
        kernel = [i for i in images if i[2].startswith("-kernel ")]
        if not kernel:
            raise JobError("QEMU's -append without -kernel")
        kernel[0][2] += f" -append {shlex.quote(append)}"
    return machine, [tuple(i) for i in images]


def device_dictionary(config, machine):
    """The device dictionary (jinja2, for a LAVA server's devices/ folder too)."""
    lines = [
        f"{{# {config}: written by scripts/lava; the machine scripts/run boots #}}",
        "{% extends 'qemu.jinja2' %}",
        "{% block qemu_options %}",
    ]
    lines += [f"          - {opt}" for opt in machine]
    lines += ["{% endblock qemu_options %}", ""]
    return "\n".join(lines)


def job(config, platform, images, url_base, timeout, arch="arm64"):
    """The job definition (a dict, written as YAML). url_base is where the
    images are published: their folder's file:// URL, or a server's. arch is
    LAVA's name for the QEMU to start (qemu.jinja2: arm64 qemu-system-aarch64,
    arm qemu-system-arm): the host's, so arm64 for a Xen domU of either width."""
    seconds = max(1, int(round(timeout)))
    return {
        "job_name": f"armvirt-conformance {config}",
        "device_type": "qemu",
        "visibility": "public",
        "priority": "medium",
        "context": {"arch": arch},
        "timeouts": {"job": {"seconds": seconds + 120}, "action": {"seconds": seconds}},
        "actions": [
            {
                "deploy": {
                    "to": "tmpfs",
                    "timeout": {"seconds": 60},
                    "images": {
                        label: {"url": f"{url_base.rstrip('/')}/{name}", "image_arg": arg}
                        for label, name, arg in images
                    },
                }
            },
            {"boot": {"method": "qemu", "media": "tmpfs", "timeout": {"seconds": 60}}},
            {"test": {"timeout": {"seconds": seconds}, "monitors": [monitor(platform)]}},
        ] + (
            [{"test": {"timeout": {"seconds": 30}, "interactive": [XEN_END]}}]
            if platform == "xen"
            else []
        ),
    }
