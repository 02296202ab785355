"""Plugin files the tests share: the corpus of broken plugins and its one
good cell ("Leaky"), which tests subclass instead of writing inline copies."""

from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "broken_plugins"
GOOD_CELL = CORPUS / "good_cell.py"
