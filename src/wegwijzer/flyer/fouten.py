"""The error of the flyer stage, in a module of its own so every flyer module can raise it."""

from __future__ import annotations

from wegwijzer.diagnostics import WegwijzerFout


class FlyerFout(WegwijzerFout):
    """One or more flyers could not be made (content too long, text missing, ...)."""
