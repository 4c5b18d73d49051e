"""facilitation: Signs of Safety network meetings on a shared screen."""

__version__ = "0.1.0"
