"""Defines a helper but no Cell subclass."""
import torch


def leaky(x, h):
    return 0.5 * h + x
