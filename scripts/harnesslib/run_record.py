# SPDX-License-Identifier: MIT
"""run.json: what a run was (its configuration, the command it started, the
harness's bootargs, the image and its sha256, the date) and, once it has
ended, its verdict and files. Written when the platform starts, so that even
a run that was stopped leaves its folder marked as a run's (outdir.py), and
again at the end. junit.xml carries the same description as properties."""
import hashlib
import json
import os
import time

from .outdir import RECORD, RUN_FILES


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def describe(config, platform, command, bootargs, image):
    return {
        "config": config,
        "platform": platform,
        "bootargs": bootargs,
        "image": os.path.abspath(image),
        "image_sha256": sha256(image),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "command": command,
    }


def properties(record):
    """The description as JUnit properties: name, value pairs."""
    return [
        (k, record[k]) for k in ("config", "platform", "bootargs", "image", "image_sha256", "date")
    ]


def write(out, record, ended=None):
    """ended: (status, verdict name, why, elapsed seconds) once the run is over."""
    data = dict(record)
    if ended:
        code, name, why, elapsed = ended
        data.update(
            status=code,
            verdict=name,
            why=why,
            elapsed_s=round(elapsed, 3),
            files=sorted(n for n in RUN_FILES if os.path.isfile(os.path.join(out, n))),
        )
    with open(os.path.join(out, RECORD), "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")
