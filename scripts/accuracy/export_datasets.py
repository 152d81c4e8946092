"""Exports the data sets scikit-learn ships (no download) as the sample streams our models
take, and scikit-learn's accuracy on the same streams, for the accuracy benchmark.

Each data set is split once (75 % train, stratified, seed 0) and kept in that order: the
stream. Dense features are standardised on the training part, then L2-normalised per sample
(our dense models take unit vectors); ours get them ×10^9 and rounded, scikit-learn gets the
floats. Sparse features are binarised and written as the indices of the present features.

Writes target/accuracy/<data set>.json."""

import json
import sys
from pathlib import Path

import numpy as np
from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine
from sklearn.linear_model import Perceptron
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import MultinomialNB
from sklearn.neighbors import NearestCentroid
from sklearn.preprocessing import StandardScaler

SCALE = 10**9


def split(x, y):
    return train_test_split(x, y, train_size=0.75, random_state=0, stratify=y)


def dense(x_train, x_test):
    scaler = StandardScaler().fit(x_train)

    def unit(x):
        x = scaler.transform(x)
        return x / np.linalg.norm(x, axis=1, keepdims=True)

    return unit(x_train), unit(x_test)


def fixed_point(x):
    return [[int(round(v * SCALE)) for v in row] for row in x]


def indices(x):
    return [[int(i) for i in np.flatnonzero(row)] for row in x]


def streamed_perceptron(x_train, y_train, x_test, y_test):
    """One pass, one sample at a time, as the contract trains."""
    model = Perceptron(eta0=1.0, fit_intercept=True, shuffle=False, penalty=None)
    for xi, yi in zip(x_train, y_train):
        model.partial_fit(xi.reshape(1, -1), [yi], classes=np.unique(y_train))
    return model.score(x_test, y_test)


def streamed_naive_bayes(x_train, y_train, x_test, y_test):
    model = MultinomialNB(alpha=1.0)
    for xi, yi in zip(x_train, y_train):
        model.partial_fit(xi.reshape(1, -1), [yi], classes=np.unique(y_train))
    return model.score(x_test, y_test)


def nearest_centroid(x_train, y_train, x_test, y_test):
    """No partial_fit; the means of all training samples equal the streamed running means."""
    return NearestCentroid().fit(x_train, y_train).score(x_test, y_test)


def non_empty(x, y):
    keep = x.sum(axis=1) > 0
    return x[keep], y[keep]


def datasets():
    cancer = load_breast_cancer()
    x_train, x_test, y_train, y_test = split(cancer.data, cancer.target)
    u_train, u_test = dense(x_train, x_test)
    yield "breast_cancer", "dense", 2, u_train, u_test, y_train, y_test, {
        "dense_perceptron": streamed_perceptron,
        "nearest_centroid": nearest_centroid,
    }
    median = np.median(x_train, axis=0)
    b_train, yb_train = non_empty((x_train > median).astype(int), y_train)
    b_test, yb_test = non_empty((x_test > median).astype(int), y_test)
    yield "breast_cancer_binary", "sparse", 2, b_train, b_test, yb_train, yb_test, {
        "sparse_perceptron": streamed_perceptron,
        "naive_bayes": streamed_naive_bayes,
        "sparse_nearest_centroid": nearest_centroid,
    }
    digits = load_digits()
    x_train, x_test, y_train, y_test = split(digits.data, digits.target)
    u_train, u_test = dense(x_train, x_test)
    yield "digits", "dense", 10, u_train, u_test, y_train, y_test, {
        "nearest_centroid": nearest_centroid,
    }
    b_train, yb_train = non_empty((x_train > 7).astype(int), y_train)
    b_test, yb_test = non_empty((x_test > 7).astype(int), y_test)
    yield "digits_binary", "sparse", 10, b_train, b_test, yb_train, yb_test, {
        "naive_bayes": streamed_naive_bayes,
        "sparse_nearest_centroid": nearest_centroid,
    }
    for name, loader in [("wine", load_wine), ("iris", load_iris)]:
        data = loader()
        x_train, x_test, y_train, y_test = split(data.data, data.target)
        u_train, u_test = dense(x_train, x_test)
        yield name, "dense", 3, u_train, u_test, y_train, y_test, {
            "nearest_centroid": nearest_centroid,
        }


def main(out_dir):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, kind, classes, x_train, x_test, y_train, y_test, models in datasets():
        encode = fixed_point if kind == "dense" else indices
        record = {
            "dataset": name,
            "kind": kind,
            "num_classes": classes,
            "num_features": int(x_train.shape[1]),
            "train": {"x": encode(x_train), "y": [int(v) for v in y_train]},
            "test": {"x": encode(x_test), "y": [int(v) for v in y_test]},
            "sklearn": {model: float(score(x_train, y_train, x_test, y_test))
                        for model, score in models.items()},
        }
        (out / f"{name}.json").write_text(json.dumps(record))
        print(f"{name}: {len(y_train)} train, {len(y_test)} test, scikit-learn {record['sklearn']}")


if __name__ == "__main__":
    main(sys.argv[1])
