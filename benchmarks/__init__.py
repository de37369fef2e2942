"""Benchmark of align: alignment quality, audit quality, speed and memory, and a peer side by side. Run `python -m benchmarks`."""
