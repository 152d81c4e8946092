//! Accuracy benchmark: trains each model contract on the sample streams exported by
//! `scripts/accuracy/export_datasets.py`, one `update` at a time through cw-multi-test (the
//! code that runs on chain), evaluates it on the test part with the `evaluate` query, and
//! writes `bench/accuracy.json` and `bench/accuracy.md` beside scikit-learn's numbers.
//!
//! Usage: accuracy <exported data folder> <output folder>

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use cosmwasm_std::{from_json, Addr, WasmMsg};
use cw_multi_test::{App, Executor};
use serde::{Deserialize, Serialize};
use sum_common::model::{EvaluateResponse, ModelExecuteMsg, ModelQueryMsg};
use sum_common::{Features, SCALE};
use sum_testing::{addr, funded_app, ModelSpec};

const DATASETS: [&str; 6] = [
    "breast_cancer",
    "breast_cancer_binary",
    "digits",
    "digits_binary",
    "wine",
    "iris",
];

/// Test samples per `evaluate` query.
const EVALUATE_BATCH: usize = 50;

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

    fn class_names(&self) -> Vec<String> {
        (0..self.num_classes).map(|c| c.to_string()).collect()
    }

    /// The model, untrained, as the contract's instantiate message.
    fn model(&self, name: &str) -> ModelSpec {
        let classes = self.class_names();
        match name {
            "dense_perceptron" => {
                ModelSpec::DensePerceptron(sum_dense_perceptron::msg::InstantiateMsg {
                    classes,
                    weights: vec![0; self.num_features as usize],
                    intercept: 0,
                    learning_rate: SCALE,
                    learn_intercept: Some(true),
                })
            }
            "sparse_perceptron" => {
                ModelSpec::SparsePerceptron(sum_sparse_perceptron::msg::InstantiateMsg {
                    classes,
                    weights: vec![],
                    intercept: 0,
                    learning_rate: SCALE,
                    learn_intercept: Some(true),
                })
            }
            "naive_bayes" => {
                use sum_naive_bayes::msg::{ClassCounts, ClassInit, InstantiateMsg};
                ModelSpec::NaiveBayes(InstantiateMsg {
                    classes: classes
                        .into_iter()
                        .map(|name| ClassInit {
                            name,
                            counts: ClassCounts {
                                num_samples: 0,
                                feature_counts: vec![],
                            },
                        })
                        .collect(),
                    smoothing: SCALE as u64,
                    vocabulary_size: self.num_features as u64,
                })
            }
            "nearest_centroid" => {
                use sum_nearest_centroid::msg::{ClassInit, InstantiateMsg};
                ModelSpec::NearestCentroid(InstantiateMsg {
                    dimension: self.num_features,
                    classes: classes
                        .into_iter()
                        .map(|name| ClassInit {
                            name,
                            centroid: vec![0; self.num_features as usize],
                            count: 0,
                        })
                        .collect(),
                })
            }
            "sparse_nearest_centroid" => {
                use sum_sparse_nearest_centroid::msg::{ClassInit, InstantiateMsg};
                ModelSpec::SparseNearestCentroid(InstantiateMsg {
                    classes: classes
                        .into_iter()
                        .map(|name| ClassInit {
                            name,
                            centroid: vec![],
                            count: 0,
                        })
                        .collect(),
                })
            }
            other => panic!("unknown model {other}"),
        }
    }
}

/// Instantiates a model from "owner", who then controls it and sends the updates.
fn deploy(app: &mut App, spec: ModelSpec) -> Addr {
    let (code_id, msg, _) = spec.store(app).expect("stores");
    let instantiate = WasmMsg::Instantiate {
        admin: None,
        code_id,
        msg,
        funds: vec![],
        label: "model".into(),
    };
    let response = app
        .execute(addr("owner"), instantiate.into())
        .expect("instantiates");
    let address = response
        .events
        .iter()
        .flat_map(|e| &e.attributes)
        .find(|a| a.key == "_contract_address")
        .expect("an address")
        .value
        .clone();
    Addr::unchecked(address)
}

fn run(data: &Dataset, model: &str) -> Row {
    let mut app = funded_app(&[]);
    let contract = deploy(&mut app, data.model(model));
    let owner = addr("owner");
    let started = Instant::now();
    for (x, &y) in data.train.x.iter().zip(&data.train.y) {
        let update = ModelExecuteMsg::Update {
            data: data.features(x),
            classification: y,
        };
        app.execute_contract(owner.clone(), contract.clone(), &update, &[])
            .expect("trains");
    }
    let seconds = started.elapsed().as_secs_f64();
    let mut correct = 0u32;
    for (xs, ys) in data
        .test
        .x
        .chunks(EVALUATE_BATCH)
        .zip(data.test.y.chunks(EVALUATE_BATCH))
    {
        let query = ModelQueryMsg::Evaluate {
            samples: xs.iter().map(|x| data.features(x)).collect(),
            labels: ys.to_vec(),
        };
        let answer: EvaluateResponse = app
            .wrap()
            .query_wasm_smart(&contract, &query)
            .expect("evaluates");
        correct += answer.correct;
    }
    Row {
        dataset: data.dataset.clone(),
        model: model.to_string(),
        ours: correct as f64 / data.test.y.len() as f64,
        sklearn: data.sklearn[model],
        train_samples: data.train.y.len(),
        test_samples: data.test.y.len(),
        train_samples_per_second: data.train.y.len() as f64 / seconds,
    }
}

fn markdown(rows: &[Row]) -> String {
    let mut out = String::from(
        "# Accuracy: SUM's integer fixed-point models vs scikit-learn\n\n\
         Made by `scripts/bench-accuracy.sh`. Each data set that scikit-learn ships is split once \
         (75 % train, stratified, seed 0); both sides see the training samples once, in the same \
         order. Ours: the model contract's code on cw-multi-test, one `update` per sample, \
         scored with the `evaluate` query. scikit-learn: `Perceptron` and `MultinomialNB` by \
         `partial_fit` one sample at a time, `NearestCentroid` by `fit` (the same means). \
         Training speed is native code through cw-multi-test on this machine, not chain \
         throughput.\n\n\
         | data set | model | ours | scikit-learn | difference (pp) | train / test | train samples/s |\n\
         | --- | --- | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for r in rows {
        let difference = (r.ours - r.sklearn) * 100.0;
        out.push_str(&format!(
            "| {} | {} | {:.4} | {:.4} | {:+.2} | {} / {} | {:.0} |\n",
            r.dataset,
            r.model,
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
        let why = if r.model.ends_with("perceptron") {
            PERCEPTRON_RULE
        } else {
            "Not explained yet: investigate before relying on this model."
        };
        out.push_str(&format!("- **{} / {}**: {why}\n", r.dataset, r.model));
    }
    out
}

/// The accuracy target: within one percentage point of scikit-learn.
const TARGET: f64 = 0.01;

/// Why a perceptron row can differ although the arithmetic is exact.
const PERCEPTRON_RULE: &str = "not fixed point, but the training rule. SPEC §3 updates a \
perceptron only when its prediction is wrong (class 1 when the margin is positive, so a \
margin of exactly 0 predicts class 0 and is right for label 0). scikit-learn's `Perceptron` \
also updates when `y·margin ≤ 0`, i.e. on a margin of exactly 0 with label 0. With binary \
features and a learning rate of 1 every margin is an integer and exact zeros are frequent \
(the very first sample has margin 0), so the two streams diverge early. \
`scripts/accuracy/replay_perceptron.py` replays the stream in plain Python: the SPEC rule \
gives our accuracy exactly, the rule with the extra update on a zero margin gives \
scikit-learn's, so the fixed-point arithmetic costs nothing here. On dense inputs exact zeros are rare and the rows agree.";

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
            let row = run(&data, model);
            println!(
                "{:22} {:24} ours {:.4} scikit-learn {:.4}",
                row.dataset, row.model, row.ours, row.sklearn
            );
            rows.push(row);
        }
    }
    std::fs::create_dir_all(&output).expect("output folder");
    let json = serde_json::to_string_pretty(&rows).expect("serialises");
    std::fs::write(output.join("accuracy.json"), json + "\n").expect("writes json");
    std::fs::write(output.join("accuracy.md"), markdown(&rows)).expect("writes markdown");
}
