# SPDX-License-Identifier: MIT
"""A page or picture rendered by Debian's chromium, headless, and measured
there: a small script added to a copy of it walks the laid-out page and
writes what it found into the DOM, which --dump-dom prints.

Found: each text box whose text overflows it (scrollWidth past clientWidth
in HTML; an SVG text whose computed length runs past the picture's edge),
each in-page link whose target id is missing, and every other link (the
caller checks that its file exists)."""
import html
import json
import os
import re
import shutil
import subprocess
import tempfile

CHROMIUM = ("chromium", "chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]
PROBE = r"""
<script>
window.addEventListener('load', () => {
  const out = {overflow: [], missing: [], files: []};
  const boxes = 'td,th,dd,dt,li,p,pre,summary,h1,h2,h3,span,a,code';
  for (const d of document.querySelectorAll('details')) d.open = true;
  for (const el of document.querySelectorAll(boxes)) {
    if (el.closest('svg') || el.clientWidth === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
      out.overflow.push(el.tagName + ': ' + el.textContent.slice(0, 80));
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1)
    out.overflow.push('page: ' + document.documentElement.scrollWidth + ' px wide');
  for (const svg of document.querySelectorAll('svg')) {
    const w = svg.viewBox.baseVal && svg.viewBox.baseVal.width || svg.width.baseVal.value;
    for (const t of svg.querySelectorAll('text')) {
      const len = t.getComputedTextLength(), x = t.x.baseVal.length ? t.x.baseVal[0].value : 0;
      const anchor = t.getAttribute('text-anchor') || 'start';
      const [a, b] = anchor === 'end' ? [x - len, x] : [x, x + len];
      if (a < -0.5 || b > w + 0.5) out.overflow.push('svg text: ' + t.textContent.slice(0, 80));
    }
  }
  for (const a of document.querySelectorAll('a[href]')) {
    const h = a.getAttribute('href');
    if (h.startsWith('#')) { if (!document.getElementById(h.slice(1))) out.missing.push(h); }
    else out.files.push(h);
  }
  const pre = document.createElement('pre'); pre.id = 'viewcheck-result';
  pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
});
</script>
"""
RESULT = re.compile(r'<pre id="viewcheck-result">(.*?)</pre>', re.S)


def find():
    """The chromium program, or None."""
    return next((p for p in map(shutil.which, CHROMIUM) if p), None)


def _run(program, args, timeout=90):
    return subprocess.run(
        [program] + FLAGS + args, capture_output=True, text=True, timeout=timeout, check=False
    )


def measure(program, path, width=1280):
    """What the probe found in the page or SVG at path, rendered width px
    wide: {"overflow": [...], "missing": [...], "files": [...]}."""
    with open(path, errors="replace") as f:
        text = f.read()
    if path.endswith(".svg"):
        text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
        text = f"<!DOCTYPE html><html><body style='margin:0'>{text}</body></html>"
    with tempfile.NamedTemporaryFile(
        "w", suffix=".html", dir=os.path.dirname(os.path.abspath(path)), delete=False
    ) as f:
        f.write(text.replace("</body>", PROBE + "</body>") if "</body>" in text else text + PROBE)
        copy = f.name
    try:
        r = _run(
            program,
            [f"--window-size={width},1000", "--virtual-time-budget=5000", "--dump-dom",
             "file://" + copy],
        )
    finally:
        os.remove(copy)
    m = RESULT.search(r.stdout)
    if not m:
        raise RuntimeError(f"chromium gave no measurement of {path}: {r.stderr.strip()[-300:]}")
    return json.loads(html.unescape(m.group(1)))


def screenshot(program, path, png, width, height):
    r = _run(program, [f"--window-size={width},{height}", f"--screenshot={png}", "file://" +
                       os.path.abspath(path)])
    if not os.path.exists(png):
        raise RuntimeError(f"chromium wrote no screenshot of {path}: {r.stderr.strip()[-300:]}")
