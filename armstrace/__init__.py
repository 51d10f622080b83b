"""ArmsTrace: a self-hostable national firearms control information system."""

__version__ = "0.1.0"
