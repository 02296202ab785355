import torch
from cells import Cell

class Oops(Cell)
    name = "Oops"
