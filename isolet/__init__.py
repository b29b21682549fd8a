"""isolet: Workers-style JavaScript in V8 isolates, self-hosted."""

__version__ = "0.1.0"
