"""Replays the sparse perceptron on an exported binary stream with two rules, in plain
Python: SPEC's (update only on a wrong prediction) and scikit-learn's (also update on a
margin of exactly 0). Explains the accuracy benchmark's perceptron rows.

Usage: replay_perceptron.py target/accuracy/breast_cancer_binary.json"""

import json
import sys


def accuracy(data, update_on_zero_margin):
    weights, intercept = [0] * data["num_features"], 0
    for x, y in zip(data["train"]["x"], data["train"]["y"]):
        margin = intercept + sum(weights[i] for i in x)
        wrong = (1 if margin > 0 else 0) != y
        if wrong or (update_on_zero_margin and margin == 0):
            step = 1 if y == 1 else -1
            for i in x:
                weights[i] += step
            intercept += step
    test = zip(data["test"]["x"], data["test"]["y"])
    correct = sum((1 if intercept + sum(weights[i] for i in x) > 0 else 0) == y for x, y in test)
    return correct / len(data["test"]["y"])


if __name__ == "__main__":
    data = json.load(open(sys.argv[1]))
    print(f"SPEC rule: {accuracy(data, False):.4f}")
    print(f"also update on a zero margin (scikit-learn): {accuracy(data, True):.4f}")
