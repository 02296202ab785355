import torch
import gatelab_no_such_package  # not installed anywhere
from cells import Cell
