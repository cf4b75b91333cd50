"""What the lab's two live views cost in the kernel: a stroke to its new picture, a frame of training.

    .venv/bin/python benchmarks/lab.py

The pad: each of the three example digits is drawn (as the mouse would), and the time from
lifting the pen to the new picture's bytes (prepare the drawing like the data, ask the
network, redraw, encode) is measured.  The training view: the time of a frame (20 steps of
training on 200 points, the node maps, the regions, the loss, encode) for the 2-4-4-1
network of the issue, and the frames a second that makes.  What the browser adds (messages,
decoding, drawing) is measured by ``tests/e2e/labchecks.py`` and printed in its summary.
"""

from __future__ import annotations

import statistics
import time

import matplotlib

matplotlib.use("Agg")

from nnlearn.course.reader import load_digit_reader  # noqa: E402
from nnlearn.pictures.drawpad import EXAMPLE_STROKES, DrawPad  # noqa: E402
from nnlearn.pictures.playground_widget import Playground  # noqa: E402


def bench_pad(repeats=10):
    """Median and largest seconds from the pen lifted to the new picture."""
    pad = DrawPad(load_digit_reader())
    times = []
    for _ in range(repeats):
        for strokes in EXAMPLE_STROKES.values():
            pad.clear()
            for stroke in strokes:
                pad._pen_down(*stroke[0])
                for point in stroke[1:]:
                    pad._pen_move(*point)
                start = time.perf_counter()
                pad._pen_up()
                times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def bench_playground(frames=100, layer_sizes=(4, 2)):
    """Median seconds of a frame of the training view, for ``hidden_nodes, hidden_layers``."""
    lab = Playground("xor", hidden_nodes=layer_sizes[0], hidden_layers=layer_sizes[1])
    times = []
    for _ in range(frames):
        start = time.perf_counter()
        lab.step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    median, largest = bench_pad()
    print(f"pad: pen lifted -> new picture: median {1000 * median:.0f} ms, max {1000 * largest:.0f} ms (kernel only)")
    for shape in ((4, 2), (8, 2)):
        frame = bench_playground(layer_sizes=shape)
        sizes = [2] + [shape[0]] * shape[1] + [1]
        print(f"training view {sizes}: {1000 * frame:.0f} ms a frame, {1 / frame:.0f} frames a second (kernel only)")


if __name__ == "__main__":
    main()
