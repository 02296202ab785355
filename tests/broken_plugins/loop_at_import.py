import torch
from cells import Cell

while True:
    pass
