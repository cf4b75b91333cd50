"""Write ``results.md`` and the plots (``results.png``, ``vectorize.png``) from the measured results.

    .venv/bin/python benchmarks/report.py    # rewrite results.md and results.png from results.json

The report depends on the results alone (and on the ``nnlearn`` it describes, for the FLOP count
of a training step), so ``tests/test_benchmarks_report.py`` rewrites ``results.md`` from the
committed ``results.json`` and compares it byte for byte with the committed one.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from common import (  # noqa: E402
    BATCH_SIZES,
    HERE,
    LAYERS,
    LEARNING_RATE,
    TARGETS,
    epoch_flops,
    epoch_rows,
    median,
    ratio_mark,
    skips_first_dx,
)
from import_time import describe  # noqa: E402


def load_results(path=HERE / "results.json"):
    """``results.json`` as ``run.py`` measured it: JSON keeps keys as strings, the batch sizes are numbers again."""
    res = json.loads(Path(path).read_text())
    for setting, tr in res["training"].items():
        res["training"][setting] = {int(k) if k.isdigit() else k: v for k, v in tr.items()}
    return res


def plot_vectorize(vec, ax=None, folder=HERE):
    """Bar chart of one epoch's time for each way of writing the same computation (log scale).

    Drawn on ``ax``, or on a figure of its own saved as ``folder/vectorize.png``.
    """
    own = ax is None
    if own:
        fig, ax = plt.subplots(figsize=(8, 3.4), layout="constrained")
    names = list(vec["per_epoch"])
    seconds = [vec["per_epoch"][k] for k in names]
    bars = ax.barh(range(len(names)), seconds, color=["#c44e52", "#dd8452", "#4c72b0", "#55a868"])
    ax.set_yticks(range(len(names)), [k.replace(" (", "\n(") for k in names])
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlabel(f"seconds per epoch (4,000 digits, network 256-64-10, one thread; the two loops\n"
                  f"timed on {vec['scalar_samples']} and {vec['per_sample_samples']} samples and scaled up)",
                  fontsize=9)
    ax.set_title("Loops against matrices: one epoch, same arithmetic")
    for bar, s in zip(bars, seconds):
        ax.text(s * 1.1, bar.get_y() + bar.get_height() / 2, f"{s:.3g} s  ({s / seconds[-2]:.3g}x)",
                va="center", fontsize=8)
    ax.set_xlim(min(seconds) / 2, max(seconds) * 20)
    if own:
        fig.savefig(Path(folder) / "vectorize.png", dpi=120)
        plt.close(fig)
    return ax



def write_report(res, folder=HERE):
    """``folder/results.md``: the tables, each against its target, and what remains."""
    m = res["machine"]
    lines = [
        "# nnlearn benchmarks",
        "",
        f"Written by `benchmarks/run.py` on {m['date']}: {m['cpu']}, {m['cores']} cores "
        f"(load average {m['load']:.1f} when the run started: the machine was shared), "
        f"Python {m['python']}, numpy {m['numpy']}, PyTorch {m['torch']} "
        f"({m['torch threads']} threads by default). Medians of {res['repeats']} interleaved repeats.",
        "",
        *([f"**Import time** (`benchmarks/import_time.py`): {describe(res['import'])}.", ""]
          if "import" in res else []),
        "## 1. Training speed: seconds per epoch",
        "",
        f"Network {LAYERS}, sigmoid everywhere, plain SGD, learning rate {LEARNING_RATE}, the 4,000 "
        "training digits of `nnlearn.data.load_digits()`. *With scoring* is one epoch as "
        "`Network.fit(epochs=1)` runs it: the batches, then loss and accuracy on the whole training set "
        "(the history); for PyTorch the same scoring pass is timed separately (under `no_grad`) and "
        "added. *Steps only* is the loop over the batches alone. PyTorch starts from nnlearn's weights, "
        "uses the same squared error and visits the same batches: after one epoch its float64 weights "
        f"differ from nnlearn's by at most {res['training']['default']['agreement']:.1e}. "
        "scikit-learn's MLPClassifier (`partial_fit`, one epoch; `momentum=0`, `alpha=0`) is not the "
        "same model: its output layer is a softmax trained on log-loss (cross-entropy), not sigmoids "
        "on the squared error, and it tracks its loss batch by batch instead of scoring afterwards; "
        "the matrix products are the same size.",
        "",
    ]
    for setting, label in (("default", "default threads (numpy's OpenBLAS and PyTorch both use "
                                        f"{res['training']['default']['torch threads']})"),
                           ("1", "one thread each (threadpoolctl for numpy, torch.set_num_threads(1))")):
        tr = res["training"].get(setting)
        if not tr:
            continue
        lines += [f"### {label}", "",
                  "| contender | batch 32, with scoring | batch 32, steps only "
                  "| full batch, with scoring | full batch, steps only |",
                  "|---|---|---|---|---|"]
        rows32, rowsfull = epoch_rows(tr[32]), epoch_rows(tr[4000])
        for name in rows32:
            a, b = rows32[name]
            c, d = rowsfull[name]
            lines.append(f"| {name} | {a * 1e3:.0f} ms | {b * 1e3:.0f} ms | {c * 1e3:.0f} ms | {d * 1e3:.0f} ms |")
        lines.append("")
        for bs, target_key in ((32, "vs_torch_32"), (4000, "vs_torch_full")):
            rows = rows32 if bs == 32 else rowsfull
            t = TARGETS[target_key]
            for dtype in ("torch float64", "torch float32"):
                r_score = rows["nnlearn"][0] / rows[dtype][0]
                r_steps = rows["nnlearn"][1] / rows[dtype][1]
                lines.append(f"- batch {bs}: nnlearn / {dtype} = **{r_score:.2f}x** with scoring, "
                             f"{r_steps:.2f}x steps only (target <= {t}x: "
                             f"{ratio_mark(r_score, t)} with scoring, {ratio_mark(r_steps, t)} steps only)")
            r_sk = rows["nnlearn"][0] / rows["scikit-learn"][0]
            lines.append(f"- batch {bs}: nnlearn fit / scikit-learn = **{r_sk:.2f}x** (target < 1x: "
                         f"{ratio_mark(r_sk, 1.0)})")
        acc = tr["accuracy after timing"]
        lines += ["", "Test accuracy after the timed epochs (only a check that every contender learns; "
                  "nnlearn's network ran both the fit and the steps epochs, so twice as many): "
                  + ", ".join(f"{k} {v:.1%}" for k, v in acc.items()) + ".", ""]

    tta = res["accuracy"]
    reached = tta["seconds_to_target"]
    lines += [
        "### Time to 95 % test accuracy",
        "",
        f"`Network({LAYERS}).fit` with its defaults (learning rate {tta['learning_rate']}, batch "
        f"{tta['batch_size']}, up to {tta['epochs']} epochs), timed epoch by epoch (fit only, with its "
        "history scoring; the test-set scoring between epochs is not timed): "
        + (f"**{reached:.1f} s** to reach 95 % ({ratio_mark(reached, TARGETS['accuracy_seconds'])} the "
           "10 s target)" if reached is not None else "95 % **not reached**")
        + f"; best test accuracy within 10 s: {tta['best_within_budget']:.1%}. Curve (seconds, accuracy): "
        + ", ".join(f"({t:.1f}, {a:.1%})" for t, a in tta["curve"]) + ".",
        "",
    ]

    ch7 = res.get("chapter7")
    if ch7:
        r7 = ch7["recipe"]
        lines += [
            "### Notebook 07's digit network",
            "",
            f"`Network({r7['layers']}, seed=0)` trained with notebook 07's settings on all 4,000 training digits "
            "(the notebook puts 500 of them aside to choose its settings) plus "
            f"their one-pixel shifted copies (20,000, `nnlearn.course.augment.with_shifted_copies`), {r7['epochs']} "
            f"epochs at learning rate {r7['learning_rate']:g}, then {r7['fine_epochs']} at "
            f"{r7['fine_learning_rate']:g}, batch {r7['batch_size']}, plain SGD: test accuracy "
            f"**{ch7['accuracy']:.1%}** in **{median(ch7['seconds']):.1f} s** of training (median of "
            f"{len(ch7['seconds'])}; {ratio_mark(median(ch7['seconds']), TARGETS['accuracy_seconds'])} the "
            f"10 s target{'' if ch7['accuracy'] >= TARGETS['accuracy'] else '; below 95 %'}).",
            "",
        ]

    lim = res["limits"]
    lines += [
        "## 2. How close to the machine's limit",
        "",
        f"numpy matrix product throughput on this machine (float64): a 2000x2000 square product reaches "
        f"{lim['square']['default']:.1f} GFLOP/s with default threads, {lim['square']['1']:.1f} GFLOP/s on "
        "one thread (best of the repeats: the limit, not a typical moment). The products of one training step:",
        "",
        "| product | in | batch | GFLOP/s default threads | GFLOP/s one thread |",
        "|---|---|---|---|---|",
    ]
    for label, s in lim["shapes"].items():
        lines.append(f"| {label} | {s['what']} | {s['batch']} | {s['default']:.1f} | {s['1']:.1f} |")
    lines += ["", "| batch | training GFLOP per epoch | + scoring | matrix products alone "
              "(default / one thread) | nnlearn steps (default / one thread) | products' share of the steps |",
              "|---|---|---|---|---|---|"]
    for bs in BATCH_SIZES:
        f = epoch_flops(bs)
        floor_d, floor_1 = lim[f"matmul floor {bs} default"], lim[f"matmul floor {bs} 1"]
        steps_d = res["training"]["default"][bs]["nnlearn steps"]
        steps_1 = res["training"].get("1", res["training"]["default"])[bs]["nnlearn steps"]
        lines.append(f"| {bs} | {f['train'] / 1e9:.3f} | {f['scoring'] / 1e9:.3f} | {floor_d * 1e3:.0f} / "
                     f"{floor_1 * 1e3:.0f} ms | {steps_d * 1e3:.0f} / {steps_1 * 1e3:.0f} ms | "
                     f"{floor_d / steps_d:.0%} / {floor_1 / steps_1:.0%} |")
    lines += ["", "FLOPs count the matrix products only (2 m k n each): forward `x @ W`, backward `x.T @ dv` "
              "and `dv @ W.T`" + (" (skipped for the first layer, whose input slope nobody uses)"
                                  if skips_first_dx() else "") + "; the elementwise work (sigmoid, "
              "its slope, the update) is not counted.", ""]

    vec = res["vectorize"]
    names = list(vec["per_epoch"])
    lines += ["## 3. Why vectorize", "",
              "One epoch of the same training (batch 32, same arithmetic: the loops' weights equal "
              f"nnlearn's to {vec['max_weight_difference']:.0e} after {vec['scalar_samples'] // 32} "
              "batch(es)), written four ways (`benchmarks/loops.py`), on one thread (this is about "
              "vectorizing, not threads). The Python loops ran on "
              f"{vec['scalar_samples']} samples and the per-sample numpy loop on "
              f"{vec['per_sample_samples']}; both are extrapolated linearly to 4,000. Figure: "
              "`benchmarks/vectorize.png`.", "",
              "| implementation | seconds per epoch | time / nnlearn's at batch 32 |", "|---|---|---|"]
    base = vec["per_epoch"][names[2]]
    for name in names:
        lines.append(f"| {name} | {vec['per_epoch'][name]:.3g} | {vec['per_epoch'][name] / base:.3g}x |")
    lines.append("")

    lines += ["## 4. The course's own cost", ""]
    course = res.get("course")
    if course is None:
        lines += ["Not measured in this run (run with `--course`).", ""]
    else:
        if course.get("date") != m["date"]:
            lines += [f"Carried over from the `--course` run of {course.get('date')}.", ""]
        lines += ["Each notebook of both editions in a fresh kernel (nbclient, nothing written back): seconds "
                  "from starting the kernel to the last cell's output, the median of 3 runs (runs of the "
                  "--course measurement before 2026-11-28 counted the kernel's shutdown too and ran once); "
                  "the baseline row is a notebook that only imports matplotlib and nnlearn:", "",
                  "| notebook | seconds | target <= 10 s |", "|---|---|---|"]
        for name, s in course["notebooks"].items():
            lines.append(f"| {name} | {s:.1f} | {ratio_mark(s, TARGETS['notebook_seconds'])} |"
                         if isinstance(s, float) else f"| {name} | {s} | misses |")
        if not course["notebooks"]:
            lines.append("| (no notebooks yet) | | |")
        t = course["tests"]
        lines += ["", f"`{t['command']}`: **{t['seconds']:.0f} s** (target <= 90 s: "
                  f"{ratio_mark(t['seconds'], TARGETS['tests_seconds'])}), exit code {t['returncode']}, "
                  f"`{t['summary']}`.", ""]

    lines += slider_lines(res, m["date"])
    lines += ["", "## What remains", "", res.get("remains", "").strip(), ""]
    (Path(folder) / "results.md").write_text("\n".join(lines))


def slider_lines(res, date=None):
    """Section 5 of the report: every widget's sliders against the target median."""
    target = TARGETS["slider_ms"]
    measured = res.get("sliders_measured")
    lines = ["## 5. Slider feel", ""]
    if measured and measured["date"] != date:
        lines += [f"Measured alone by `benchmarks/run.py --sliders` on {measured['date']} (load average "
                  f"{measured['load']:.1f} when it started).", ""]
    lines += ["Time from setting a slider's value to the finished picture, in-process: an IPython shell "
              "with the inline backend, so each move runs what the kernel runs when a learner moves the "
              "slider (the widget's callback, which redraws the figure, and the encoding of the PNG it "
              "shows; a JPEG for the Playground). Every widget with a slider that the notebooks show, made "
              "as its notebook makes it, each slider moved to new values there and back. *Callback* is "
              "the widget's own function alone. The baseline row is a new figure with a single line, "
              "rendered as the inline backend renders it.", "",
              f"| widget | notebooks | slider | median ms | p90 ms | callback ms | moves | median / {target:.0f} ms "
              f"| target median <= {target:.0f} ms |",
              "|---|---|---|---|---|---|---|---|---|"]
    for name, sliders in res["sliders"].items():
        if "skipped" in sliders or "error" in sliders:
            lines.append(f"| {name} | | ({sliders.get('skipped', sliders.get('error'))}) | | | | | | |")
            continue
        for slider, s in sliders.items():
            cb = f"{s['callback_ms']:.0f}" if s.get("callback_ms") is not None else ""
            lines.append(f"| {name} | {s.get('notebooks', '')} | {slider} | {s['median_ms']:.0f} | "
                         f"{s['p90_ms']:.0f} | {cb} | {s['moves']} | {s['median_ms'] / target:.2f}x | "
                         f"{ratio_mark(s['median_ms'], target)} |")
    return lines


def plot_results(res, folder=HERE):
    """``folder/results.png``: training speed, throughput, loops against matrices, slider feel."""
    fig, axes = plt.subplots(2, 2, figsize=(12, 8), layout="constrained")
    ax = axes[0, 0]
    groups = [(bs, key) for key in res["training"] for bs in BATCH_SIZES]
    names = list(epoch_rows(res["training"]["default"][32]))
    width = 0.2
    values = []
    for i, (bs, key) in enumerate(groups):
        rows = epoch_rows(res["training"][key][bs])
        for j, name in enumerate(names):
            x = i + (j - 1.5) * width
            ax.bar(x, rows[name][0], width, color=f"C{j}", label=name if i == 0 else None)
            ax.bar(x, rows[name][1], width, color="none", edgecolor="k", hatch="//", lw=0.5)
            values.append(rows[name][1])
    ax.set_xticks(range(len(groups)), [f"batch {bs}\n{'default threads' if key == 'default' else 'one thread'}"
                                       for bs, key in groups], fontsize=8)
    ax.set_yscale("log")
    ax.set_ylim(min(values) / 3, None)
    ax.set_ylabel("seconds per epoch (hatched: steps only)")
    ax.set_title("1. Training speed: one epoch, 4,000 digits, 256-64-10")
    ax.legend(fontsize=8)

    ax = axes[0, 1]
    lim = res["limits"]
    labels = list(lim["shapes"]) + ["2000x2000 square"]
    for j, key in enumerate(("default", "1")):
        values = [lim["shapes"][lab][key] for lab in lim["shapes"]] + [lim["square"][key]]
        ax.barh(np.arange(len(labels)) + (j - 0.5) * 0.4, values, 0.4,
                label="default threads" if key == "default" else "one thread")
    ax.set_yticks(range(len(labels)), labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("GFLOP/s (float64)")
    ax.set_title("2. numpy matrix product throughput")
    ax.legend(fontsize=8)

    plot_vectorize(res["vectorize"], ax=axes[1, 0])
    axes[1, 0].set_title("3. Why vectorize")

    ax = axes[1, 1]
    entries = [(f"{name}: {slider}", s) for name, sliders in res["sliders"].items()
               if "skipped" not in sliders and "error" not in sliders for slider, s in sliders.items()]
    if entries:
        ax.barh(range(len(entries)), [s["median_ms"] for _, s in entries], color="C0", label="median")
        ax.scatter([s["p90_ms"] for _, s in entries], range(len(entries)), color="k", marker="|", s=80,
                   label="p90", zorder=3)
        ax.axvline(TARGETS["slider_ms"], color="C3", ls="--", label=f"target {TARGETS['slider_ms']:.0f} ms")
        ax.set_yticks(range(len(entries)), [e for e, _ in entries], fontsize=7)
        ax.invert_yaxis()
        ax.legend(fontsize=8)
    ax.set_xlabel("ms from slider move to finished PNG")
    ax.set_title("5. Slider feel")
    fig.suptitle(f"nnlearn benchmarks, {res['machine']['date']}")
    fig.savefig(Path(folder) / "results.png", dpi=100)
    plt.close(fig)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=HERE / "results.json", help="the results to report")
    parser.add_argument("--out", type=Path, default=HERE, help="where results.md and results.png go")
    args = parser.parse_args(argv)
    res = load_results(args.results)
    write_report(res, args.out)
    plot_results(res, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
