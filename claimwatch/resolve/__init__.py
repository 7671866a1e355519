"""Cross-report resolution: incident mentions from many reports become incidents."""
from __future__ import annotations

from .link import resolve

__all__ = ["resolve"]
