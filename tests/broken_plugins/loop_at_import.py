import torch
from cells import Cell

while True: pass  # one line, so the hang is reported at line 4 whichever bytecode it is in
