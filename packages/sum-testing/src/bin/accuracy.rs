//! Accuracy benchmark: trains each model's rule (`sum-rules`, the arithmetic the contracts
//! run on chain, checked equal to them by the conformance suite) on the sample streams
//! exported by `scripts/accuracy/export_datasets.py`, one update at a time, evaluates it
//! on the test part, and writes `bench/accuracy.json` and `bench/accuracy.md` beside
//! scikit-learn's numbers. Perceptrons are measured with both training rules.
//!
//! Usage: accuracy <exported data folder> <output folder>

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use cosmwasm_std::from_json;
use serde::{Deserialize, Serialize};
use sum_rules::centroid::{Centroid, NearestCentroid};
use sum_rules::naive_bayes::{ClassTotals, NaiveBayes, Smoothing};
use sum_rules::perceptron::{DensePerceptron, Perceptron, SparsePerceptron};
use sum_rules::sparse_centroid::{SparseClass, SparseNearestCentroid};
use sum_rules::{Classifier, Features, SCALE};

const DATASETS: [&str; 6] = [
    "breast_cancer",
    "breast_cancer_binary",
    "digits",
    "digits_binary",
    "wine",
    "iris",
];

#[derive(Deserialize)]
struct Split {
    x: Vec<Vec<i64>>,
    y: Vec<u32>,
}

#[derive(Deserialize)]
struct Dataset {
    dataset: String,
    kind: String,
    num_classes: u32,
    num_features: u32,
    train: Split,
    test: Split,
    sklearn: BTreeMap<String, f64>,
}

#[derive(Serialize)]
struct Row {
    dataset: String,
    model: String,
    /// The perceptron's rule: also train on a zero margin (scikit-learn's) or not (the
    /// original system's).
    update_on_zero_margin: bool,
    ours: f64,
    sklearn: f64,
    train_samples: usize,
    test_samples: usize,
    train_samples_per_second: f64,
}

impl Dataset {
    fn features(&self, x: &[i64]) -> Features {
        if self.kind == "dense" {
            Features::Dense(x.to_vec())
        } else {
            Features::Sparse(x.iter().map(|&i| i as u32).collect())
        }
    }

    /// The model, untrained, as its pure rule (the arithmetic the contract runs).
    fn model(&self, name: &str, update_on_zero_margin: bool) -> Box<dyn Classifier> {
        let classes = self.num_classes as usize;
        let perceptron = || {
            Perceptron::new(classes, 0, SCALE, true, update_on_zero_margin, false).expect("binary")
        };
        match name {
            "dense_perceptron" => Box::new(
                DensePerceptron::new(perceptron(), self.num_features, &[]).expect("a dimension"),
            ),
            "sparse_perceptron" => Box::new(SparsePerceptron {
                perceptron: perceptron(),
                weights: BTreeMap::new(),
                sums: BTreeMap::new(),
            }),
            "naive_bayes" => Box::new(NaiveBayes {
                smoothing: Smoothing::new(SCALE as u64, self.num_features as u64)
                    .expect("positive"),
                classes: vec![ClassTotals::default(); classes],
                counts: BTreeMap::new(),
            }),
            "nearest_centroid" => {
                let mut model = NearestCentroid::new(self.num_features).expect("a dimension");
                let empty = Centroid {
                    values: vec![0; self.num_features as usize],
                    count: 0,
                };
                model.centroids = vec![empty; classes];
                Box::new(model)
            }
            "sparse_nearest_centroid" => Box::new(SparseNearestCentroid {
                classes: vec![
                    SparseClass {
                        count: 0,
                        squared_magnitude: 0,
                    };
                    classes
                ],
                sums: BTreeMap::new(),
            }),
            other => panic!("unknown model {other}"),
        }
    }
}

/// The training rules a model is measured with: perceptrons both ways.
fn rules(model: &str) -> &'static [bool] {
    if model.ends_with("perceptron") {
        &[false, true]
    } else {
        &[false]
    }
}

fn run(data: &Dataset, model: &str, update_on_zero_margin: bool) -> Row {
    let mut rule = data.model(model, update_on_zero_margin);
    let started = Instant::now();
    for (x, &y) in data.train.x.iter().zip(&data.train.y) {
        rule.update(&data.features(x), y).expect("trains");
    }
    let seconds = started.elapsed().as_secs_f64();
    let samples: Vec<Features> = data.test.x.iter().map(|x| data.features(x)).collect();
    let correct = rule.evaluate(&samples, &data.test.y).expect("evaluates");
    Row {
        dataset: data.dataset.clone(),
        model: model.to_string(),
        update_on_zero_margin,
        ours: correct as f64 / data.test.y.len() as f64,
        sklearn: data.sklearn[model],
        train_samples: data.train.y.len(),
        test_samples: data.test.y.len(),
        train_samples_per_second: data.train.y.len() as f64 / seconds,
    }
}

/// The training rule a row was measured with.
fn rule_name(r: &Row) -> &'static str {
    match (r.model.ends_with("perceptron"), r.update_on_zero_margin) {
        (false, _) => "-",
        (true, false) => "on mistakes (original)",
        (true, true) => "also on zero margin (scikit-learn)",
    }
}

fn markdown(rows: &[Row]) -> String {
    let mut out = String::from(
        "# Accuracy: SUM's integer fixed-point models vs scikit-learn\n\n\
         Made by `scripts/bench-accuracy.sh`. Each data set that scikit-learn ships is split once \
         (75 % train, stratified, seed 0); both sides see the training samples once, in the same \
         order. Ours: each model's rule from `sum-rules`, the same arithmetic the contracts run \
         (the conformance suite checks rule and contract agree on every prediction and \
         parameter), one update per sample. scikit-learn: `Perceptron` and `MultinomialNB` by \
         `partial_fit` one sample at a time, `NearestCentroid` by `fit` (the same means). \
         Perceptrons are measured with both training rules: updating only on mistakes (the \
         original system's rule and the contracts' default) and also on a zero margin with label \
         0 (scikit-learn's, the contracts' `update_on_zero_margin`). Training speed is native \
         code on this machine, not chain throughput.\n\n\
         | data set | model | perceptron rule | ours | scikit-learn | difference (pp) | train / test | train samples/s |\n\
         | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for r in rows {
        let difference = (r.ours - r.sklearn) * 100.0;
        out.push_str(&format!(
            "| {} | {} | {} | {:.4} | {:.4} | {:+.2} | {} / {} | {:.0} |\n",
            r.dataset,
            r.model,
            rule_name(r),
            r.ours,
            r.sklearn,
            if difference.abs() < 0.005 {
                0.0
            } else {
                difference
            },
            r.train_samples,
            r.test_samples,
            r.train_samples_per_second
        ));
    }
    let misses: Vec<&Row> = rows
        .iter()
        .filter(|r| (r.ours - r.sklearn).abs() > TARGET)
        .collect();
    out.push_str("\n## Rows more than one percentage point from scikit-learn\n\n");
    if misses.is_empty() {
        out.push_str("None.\n");
    }
    for r in misses {
        let why = if r.model.ends_with("perceptron") && !r.update_on_zero_margin {
            PERCEPTRON_RULE
        } else {
            "Not explained yet: investigate before relying on this model."
        };
        out.push_str(&format!(
            "- **{} / {} ({})**: {why}\n",
            r.dataset,
            r.model,
            rule_name(r)
        ));
    }
    out
}

/// The accuracy target: within one percentage point of scikit-learn.
const TARGET: f64 = 0.01;

/// Why a perceptron row trained on mistakes only can differ from scikit-learn.
const PERCEPTRON_RULE: &str = "the training rule, not fixed point: updating only on \
mistakes never trains on a margin of exactly 0 with label 0, which scikit-learn does. With \
binary features and a learning rate of 1 every margin is an integer and exact zeros are \
frequent, so the two streams diverge early. The row with the zero-margin rule shows the \
fixed-point arithmetic itself costs nothing.";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (input, output) = match args.as_slice() {
        [_, input, output] => (PathBuf::from(input), PathBuf::from(output)),
        _ => panic!("usage: accuracy <exported data folder> <output folder>"),
    };
    let mut rows = vec![];
    for name in DATASETS {
        let path: &Path = &input.join(format!("{name}.json"));
        let text = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let data: Dataset = from_json(text).expect("an exported data set");
        for model in data.sklearn.keys() {
            for &update_on_zero_margin in rules(model) {
                let row = run(&data, model, update_on_zero_margin);
                println!(
                    "{:22} {:24} {:36} ours {:.4} scikit-learn {:.4}",
                    row.dataset,
                    row.model,
                    rule_name(&row),
                    row.ours,
                    row.sklearn
                );
                rows.push(row);
            }
        }
    }
    std::fs::create_dir_all(&output).expect("output folder");
    let json = serde_json::to_string_pretty(&rows).expect("serialises");
    std::fs::write(output.join("accuracy.json"), json + "\n").expect("writes json");
    std::fs::write(output.join("accuracy.md"), markdown(&rows)).expect("writes markdown");
}
