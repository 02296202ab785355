#!/usr/bin/env bash
# Issue 9's GPU check, prepared to run in one go of a few minutes where a CUDA
# GPU is at hand: the tests marked `cuda` (cuDNN with the fused capture, against
# the Python loop), then bench/throughput.py on the GPU at T = 100 and 500.
#
#     bash bench/gpu_check.sh            # from the repository root
#     PYTHON=/path/to/python bash bench/gpu_check.sh
#
# It needs only a python with a CUDA build of torch, pytest and numpy (no Qt:
# the cuda tests and the benchmark are core only), so it runs on a bare GPU
# machine too. Without a GPU the tests skip and the benchmark says why (exit 2).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
"$PYTHON" -c 'import torch; print("torch", torch.__version__, "CUDA", torch.version.cuda,
      "GPU:", torch.cuda.get_device_name() if torch.cuda.is_available() else "none")'
"$PYTHON" -m pytest -q -p no:cacheprovider -m cuda -rs tests/test_cuda.py
"$PYTHON" bench/throughput.py --device cuda --lengths 100,500 --repeats 15
