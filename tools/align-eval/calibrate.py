#!/usr/bin/env python3
"""Fits the aligner's confidence calibration (ConfidenceCalibration in PamyatAlign): a logistic
regression of "the pair is right" on the posterior's log-odds and the pair's own evidence, from the
pairs that `evaluate.py --dump FILE` wrote (each pair's evidence, with the raw posterior).

Prints the coefficients to paste into ConfidenceCalibration.fitted, a reliability table (how often
pairs of each confidence band are right), and, for each threshold, the precision and share of pairs
kept — overall and when fitted on one set of documents and tested on the other.

Usage: calibrate.py FEATURES.json [--label strict|same] [--l2 0.01]
"""
import argparse
import json
import math

import numpy as np
from scipy.optimize import minimize

NAMES = ["intercept", "posteriorLogOdds", "matched", "missing", "length", "besideOmission", "merge", "logCharacters"]


def features(row):
    p = min(max(row["posterior"], 1e-4), 1 - 1e-4)
    return [1.0, math.log(p / (1 - p)), min(row["matched"], 8), min(row["missing"], 6), max(row["length"], -6),
            1.0 if row["besideOmission"] else 0.0, 1.0 if row["merge"] else 0.0, math.log(max(row["characters"], 1))]


def fit(x, y, l2):
    def loss(w):
        z = x @ w
        # log(1 + e^z) − y·z, stable
        nll = np.sum(np.logaddexp(0, z) - y * z)
        return nll + l2 * np.sum(w[1:] ** 2)

    def grad(w):
        z = x @ w
        p = 1 / (1 + np.exp(-z))
        g = x.T @ (p - y)
        g[1:] += 2 * l2 * w[1:]
        return g

    w0 = np.zeros(x.shape[1])
    w0[1] = 1
    return minimize(loss, w0, jac=grad, method="L-BFGS-B").x


def report(name, p, y):
    print(f"\n{name}: reliability")
    edges = [0, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 1.0001]
    for lo, hi in zip(edges, edges[1:]):
        inside = (p >= lo) & (p < hi)
        if inside.sum():
            print(f"  {lo:.2f}–{min(hi, 1):.2f}  {int(inside.sum()):>6} pairs  right {y[inside].mean():.3f}")
    print(f"{name}: threshold → precision of the pairs kept, share kept")
    for t in [0.3, 0.5, 0.6, 0.7, 0.8, 0.9]:
        kept = p >= t
        print(f"  {t:.1f}  P {y[kept].mean():.4f}  kept {kept.mean():.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("features")
    parser.add_argument("--label", choices=["strict", "same"], default="strict")
    parser.add_argument("--l2", type=float, default=0.01)
    args = parser.parse_args()
    rows = json.load(open(args.features, encoding="utf-8"))
    key = "right" if args.label == "strict" else "same"
    x = np.array([features(r) for r in rows])
    y = np.array([1.0 if r[key] else 0.0 for r in rows])
    generated = np.array([r["document"].startswith("gen-") for r in rows])
    w = fit(x, y, args.l2)
    print(f"{len(rows)} pairs, {int(len(rows) - y.sum())} wrong ({args.label})")
    print("coefficients: " + ", ".join(f"{n}: {v:.4f}" for n, v in zip(NAMES, w)))
    raw = np.array([r["posterior"] for r in rows])
    report("posterior as it is", raw, y)
    report("calibrated, fitted on all", 1 / (1 + np.exp(-(x @ w))), y)
    for train, test, label in [(~generated, generated, "fitted on the hand-written set, tested on the generated one"),
                               (generated, ~generated, "fitted on the generated set, tested on the hand-written one")]:
        if train.sum() and test.sum():
            wt = fit(x[train], y[train], args.l2)
            report(label, 1 / (1 + np.exp(-(x[test] @ wt))), y[test])


if __name__ == "__main__":
    main()
