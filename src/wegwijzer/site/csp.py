"""A Content-Security-Policy per page: scripts, styles, images and fonts only from the site.

Static hosting gives no control over headers, so the policy goes into a <meta> tag. The
theme has a few small inline scripts; they are allowed by their SHA-256 hash. Hashes are
taken only from the page *outside* its content, so a script that somehow got into the
content (from the data) would still be refused by the browser.

'wasm-unsafe-eval' lets the search (Pagefind) compile its WebAssembly, fetched from the site
itself (connect-src 'self'); it allows no eval() of JavaScript and no inline script.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.IGNORECASE | re.DOTALL)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.IGNORECASE)

POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "manifest-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'"
)


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_script_hashes(html: str) -> list[str]:
    """Hashes of the executable inline scripts (JSON data blocks are not executed)."""
    hashes = []
    for attributes, body in _SCRIPT.findall(html):
        if re.search(r"\bsrc\s*=", attributes) or "application/json" in attributes.lower():
            continue
        hashes.append(_hash(body))
    return sorted(set(hashes))


def policy_for(output: str, content: str) -> str:
    outside = output.replace(content, "") if content else output
    return POLICY.format(hashes=" ".join(inline_script_hashes(outside))).replace("  ", " ")


def add_policy(output: str, content: str) -> str:
    """Insert the policy right after <meta charset>, before any script runs."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(output, content)}">'
    match = _CHARSET.search(output)
    if match is None:
        return output.replace("<head>", "<head>" + tag, 1)
    return output[: match.end()] + tag + output[match.end() :]
