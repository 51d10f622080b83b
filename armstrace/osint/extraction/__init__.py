"""Extraction of one proposed seizure record from one document, with the span and confidence of each value."""

from .record import RECORD_KEYS, Extraction, extract

__all__ = ["RECORD_KEYS", "Extraction", "extract"]
