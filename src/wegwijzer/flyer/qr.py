"""The QR code of a flyer: the gemeentepagina's https address as a vector (SVG) image."""

from __future__ import annotations

from urllib.parse import urlsplit

import qrcode
import qrcode.constants
import qrcode.image.svg

from wegwijzer.diagnostics import WegwijzerFout

QUIET_ZONE = 4  # modules of white around the code: the minimum the QR standard asks
ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_M  # ~15 % of the code may be damaged
TRACKING = ("utm_", "fbclid", "gclid", "mc_", "ref=")


def check_url(url: str) -> str:
    """The address must be https and carry no tracking parameters (parents are not tracked)."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise WegwijzerFout(f"QR-code: '{url}' is geen https-adres; zet site_url op https://")
    if parts.query or parts.fragment:
        raise WegwijzerFout(
            f"QR-code: '{url}' heeft een ?- of #-deel; de QR-code wijst naar de pagina zelf, "
            "zonder volgcodes"
        )
    return url


def qr_svg(url: str) -> str:
    """An SVG of the QR code for `url` (error correction M, quiet zone of 4 modules).

    The SVG is one black path on a white square; its size is set by the template.
    """
    check_url(url)
    code = qrcode.QRCode(
        error_correction=ERROR_CORRECTION,
        border=QUIET_ZONE,
        image_factory=qrcode.image.svg.SvgPathFillImage,
    )
    code.add_data(url)
    code.make(fit=True)
    return code.make_image().to_string(encoding="unicode")


def modules(url: str) -> int:
    """Width of the code in modules, quiet zone included (for tests and size checks)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=QUIET_ZONE)
    code.add_data(url)
    code.make(fit=True)
    return code.modules_count + 2 * QUIET_ZONE
