"""Writes bench/simulator.md and bench/simulator.json from scripts/bench-sim.sh's raw runs.

Usage: report.py RAW_DIR ROUNDS OUT_DIR
"""
import json
import re
import statistics
import sys
from pathlib import Path

DATASETS = ["synth1000", "digits_ge5"]
BACKENDS = ["native", "contracts"]
# The contracts back-end with each contribution cut to its first feature: its message path
# with almost no model storage (speed table only; its outcomes are another model's).
FLOOR = "contracts-1-feature"
OPERATIONS = ["add_data", "refund", "report_first", "report_take_all"]
SCALES = [5000, 50000, 500000]


def usage(path):
    """(wall seconds, peak kB) of a measured process."""
    wall, peak = Path(f"{path}.usage").read_text().split()
    return float(wall), int(peak)


def load(raw, dataset, who, rounds):
    runs = []
    for r in range(1, rounds + 1):
        path = raw / f"{dataset}-{who}-{r}.json"
        run = json.loads(path.read_text())
        run["wall_s"], run["peak_kb"] = usage(path)
        runs.append(run)
    return runs


def ops_seconds(run):
    return run["timing"]["ops_wall_s"] if "timing" in run else run["ops_wall_s"]


def counts(run):
    c = run["counts"] if "counts" in run else run
    return {op: (c[op]["calls"], c[op]["ok"]) for op in OPERATIONS}


def summarise(raw, rounds):
    result = {}
    for dataset in DATASETS:
        original = load(raw, dataset, "original", rounds)
        entry = {"original": {
            "ops_s_median": statistics.median(map(ops_seconds, original)),
            "calls": original[0]["timing"]["total_calls"],
            "peak_mb_median": statistics.median(r["peak_kb"] for r in original) / 1024,
            "counts": counts(original[0]),
            "accuracy": [original[0]["accuracy_start"], original[0]["accuracy_end"]],
            "balance_percent": [original[0]["balance_pct"]["Good"],
                                original[0]["balance_pct"]["Bad"]],
        }}
        for backend in BACKENDS + [FLOOR]:
            ours = load(raw, dataset, backend, rounds)
            assert len({r["outcome_sha256"] for r in ours}) == 1, "ours is not deterministic"
            calls = sum(c for c, _ in counts(ours[0]).values())
            entry[backend] = {
                "ops_s_median": statistics.median(map(ops_seconds, ours)),
                # the ratio of the two loop times within one round, median over rounds
                "speedup_median": statistics.median(
                    ops_seconds(o) / ops_seconds(u) for o, u in zip(original, ours)),
                "calls": calls,
                "peak_mb_median": statistics.median(r["peak_kb"] for r in ours) / 1024,
                "counts": counts(ours[0]),
                "accuracy": [ours[0]["accuracy_start"], ours[0]["accuracy_end"]],
                "balance_percent": [ours[0]["good_balance_percent"],
                                    ours[0]["bad_balance_percent"]],
                "outcome_sha256": ours[0]["outcome_sha256"],
            }
        result[dataset] = entry
    result["scaling"] = []
    for n in SCALES:
        path = raw / f"scale-{n}.txt"
        wall, peak = usage(path)
        accepted = sum(int(m.group(1)) for m in
                       re.finditer(r"(\d+)/\d+\s+\d+/\d+\s+\d+\s*$", path.read_text(), re.M))
        result["scaling"].append({"contributions": n, "accepted": accepted, "wall_s": wall,
                                  "peak_mb": peak / 1024})
    return result


def fmt_counts(c):
    return " | ".join(f"{calls:,} / {ok:,}" for calls, ok in c.values())


def entries(result, backends=BACKENDS):
    """(data set, simulator, its figures): the original's, then ours, per data set."""
    for dataset in DATASETS:
        for who in ["original"] + backends:
            yield dataset, who, result[dataset][who]


def markdown(result, rounds):
    lines = [
        "# Simulator benchmark",
        "",
        "Made by `scripts/bench-sim.sh` (raw runs in `target/simbench/`). The fixed schedule: "
        "4 600 additions on synth1000 (1 157 on digits_ge5), one every 10 simulated minutes, "
        "every sixth by a label flipper; each contribution's first refund or report after 1 day; "
        "take-all after 9 days. The same process runs the original system's Python simulator core "
        "(scikit-learn perceptron) and ours, in turn, in each of "
        f"{rounds} rounds; the speed-up is the ratio of the two operation-loop times within one "
        "round, median over the rounds. Prices: the original's deposit is 2 per addition here "
        "(60/isqrt(600)) from 100 000 each; ours is 150 (3600/isqrt(600), cost_weight 1) from "
        "7 500 000 each, the same proportions, so balances compare as percentages.",
        "",
        "## Speed",
        "",
        "| data set | simulator | loop time (median) | calls | calls/s | speed-up vs original "
        "(same round, median) | peak memory |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for dataset, who, e in entries(result, BACKENDS + [FLOOR]):
        speed = "1×" if who == "original" else f"{e['speedup_median']:.1f}×"
        lines.append(
            f"| {dataset} | {who} | {e['ops_s_median'] * 1000:.1f} ms | {e['calls']:,} | "
            f"{e['calls'] / e['ops_s_median']:,.0f} | {speed} | {e['peak_mb_median']:.0f} MB |")
    lines += [
        "",
        "Peak memory is the whole process's (`/usr/bin/time`), including loading the data set.",
        "",
        "The contracts back-end sends every call through the real message path on "
        "cw-multi-test: trainer, mechanism, data handler and model are four contracts, every "
        "message is JSON-encoded and decoded at each hop, every sparse weight is a storage "
        "entry and addresses are bech32-checked. That is the price of running exactly the code "
        "compiled to Wasm; it runs at about the original's speed, short of the 2× we aimed "
        "for. The `contracts-1-feature` row locates the cost: the same schedule with every "
        "contribution cut to its first feature (`sum-sim schedule DATASET --backend contracts "
        "--features-per-sample 1`) keeps the message path and drops almost all of the model's "
        "storage reads, and runs within the 2× budget. The rest, about 1 µs per weight read "
        "through cw-multi-test's nested storage transactions times the 170 (synth1000) to "
        "about 310 (digits_ge5) present features of every add, refund and report, is the "
        "sparse model's one storage entry per feature. Fewer, larger entries (weights in "
        "buckets of indices) would cut those reads here and the read gas of dense-ish samples "
        "on chain, but multiply it for samples with few features from a large index space "
        "(hashed words), the case the sparse model is for; we keep the per-feature layout. "
        "Sweeps and Monte Carlo use the native back-end; the contracts back-end confirms a "
        "scenario (the test suite asserts both give identical results).",
        "",
        "## Outcomes",
        "",
        "| data set | simulator | add_data calls / ok | refund calls / ok | first reports / ok | "
        "take-all reports / ok | accuracy start → end | Good % / Bad % |",
        "|---|---|---:|---:|---:|---:|---|---|",
    ]
    for dataset, who, e in entries(result):
        a, b = e["accuracy"]
        g, d = e["balance_percent"]
        lines.append(f"| {dataset} | {who} | {fmt_counts(e['counts'])} | "
                     f"{a:.4f} → {b:.4f} | {g:.3f} / {d:.3f} |")
    lines += [
        "",
        "Native and contracts give the same outcome hash on each data set "
        + ("(checked)." if all(result[d]["native"]["outcome_sha256"]
                              == result[d]["contracts"]["outcome_sha256"] for d in DATASETS)
           else "— **they differ**."),
        "Our counts differ from the original's because the model differs: ours is the "
        "contracts' integer fixed-point sparse perceptron with an intercept learnt at the "
        "weights' scale and no update on a zero margin (SPEC), the original's is scikit-learn's "
        "float perceptron over the dense 0/1 vector, whose intercept moves by a whole unit per "
        "mistake. So the two models start from different accuracies after the same initial "
        "8 %, agree with different contributions at refund time, and the refund / report "
        "split differs; the schedule and the claim rules are the same.",
        "",
        "## Growth with the number of contributions",
        "",
        "The headline scenario (native back-end) with the training rows cycled to N "
        "contributions, no day limit and budgets no agent exhausts (10^12 each, so every "
        "contribution is made); wall time of the whole run, including loading, "
        "evaluation every simulated day and writing the outputs.",
        "",
        "| contributions offered | accepted | wall time | per accepted contribution | peak memory |",
        "|---:|---:|---:|---:|---:|",
    ]
    for s in result["scaling"]:
        per = s["wall_s"] / max(s["accepted"], 1) * 1e6
        lines.append(f"| {s['contributions']:,} | {s['accepted']:,} | {s['wall_s']:.2f} s | "
                     f"{per:.1f} µs | {s['peak_mb']:.0f} MB |")
    lines += [
        "",
        "Claims are events in the simulation's queue (each contribution schedules its own "
        "refund and take-all), so the work per contribution does not grow with the number of "
        "open contributions, unlike the original's loop over every open contribution at each "
        "step. Memory grows linearly: every call is kept for `result.json` and `calls.csv`.",
        "",
    ]
    return "\n".join(lines)


def main():
    raw, rounds, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    result = summarise(raw, rounds)
    (out / "simulator.json").write_text(json.dumps(result, indent=1) + "\n")
    (out / "simulator.md").write_text(markdown(result, rounds))


if __name__ == "__main__":
    main()
