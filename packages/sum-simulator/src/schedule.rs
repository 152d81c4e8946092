//! The fixed, randomness-free schedule the original system's simulator core was timed on
//! (see `bench/simulator.md`), run on our rules: natively or through the contracts.

use std::fmt::Write;
use std::time::Instant;

use serde::Serialize;
use sha2::{Digest, Sha256};
use sum_rules::Features;

use crate::backend::Backend;
use crate::contracts::Contracts;
use crate::data::{encode, DataSet};
use crate::engine::BackendKind;
use crate::models::rule;
use crate::native::Native;
use crate::scenario::{DataSpec, MechanismSpec, ModelSpec, PerceptronSpec, DAY};

/// Our price is `cost_weight·3600/isqrt(elapsed)`: 150 per addition every 600 s with
/// weight 1, 75 times the original's 2, so balances are scaled by 75 too.
const COST_WEIGHT: u64 = 1;
const START_BALANCE: u128 = 100_000 * 75;
const INTERVAL: u64 = 600;
const OFFERED: u128 = 100 * 75;

/// Calls and successes of one kind of operation.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Count {
    pub calls: u64,
    pub ok: u64,
}

/// What a schedule run reports (the fields the original's `bench_core.py` reports).
#[derive(Debug, Serialize)]
pub struct ScheduleResult {
    pub dataset: String,
    pub backend: String,
    pub contributions: usize,
    /// Each contribution cut to its first features, if asked (a diagnostic).
    pub features_per_sample: Option<usize>,
    pub add_data: Count,
    pub refund: Count,
    pub report_first: Count,
    pub report_take_all: Count,
    pub accuracy_start: f64,
    pub accuracy_end: f64,
    pub good_balance_percent: f64,
    pub bad_balance_percent: f64,
    pub ops_wall_s: f64,
    pub calls_per_s: f64,
    pub outcome_sha256: String,
    pub peak_memory_kb: Option<u64>,
}

/// The process's peak resident memory (Linux), in kB.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The first `limit` features of a sparse sample (all of them without a limit).
fn first_features(x: Features, limit: Option<usize>) -> Features {
    match (x, limit) {
        (Features::Sparse(indices), Some(limit)) => {
            Features::Sparse(indices.into_iter().take(limit).collect())
        }
        (x, _) => x,
    }
}

/// Runs the schedule on `dataset` (`synth1000` or `digits_ge5`); with
/// `features_per_sample`, each contribution keeps only its first features (a diagnostic
/// separating the cost of the model's storage from that of the message path).
pub fn run_schedule(
    dataset: &str,
    kind: BackendKind,
    features_per_sample: Option<usize>,
) -> Result<ScheduleResult, String> {
    let data = DataSet::load(&DataSpec {
        set: dataset.into(),
        initial_share: 0.08,
        train_limit: None,
        test_limit: None,
        contributions: None,
    })?;
    let model = ModelSpec::SparsePerceptron(PerceptronSpec {
        learning_rate: 1.0,
        learn_intercept: true,
        update_on_zero_margin: false,
        averaged: false,
    });
    let mechanism = MechanismSpec::Stakeable {
        cost_weight: COST_WEIGHT,
        refund_wait_days: 1.0,
        owner_claim_wait_days: 9.0,
        any_address_claim_wait_days: 9.0,
    };
    let (good, bad, owner) = (0, 1, 2);
    let balances = vec![START_BALANCE, START_BALANCE, 0];
    let initial: Vec<(Features, u32)> = data
        .initial
        .iter()
        .map(|row| (encode(row, true, data.dimension), row.label))
        .collect();
    let mut backend: Box<dyn Backend> = match kind {
        BackendKind::Native => {
            let mut native = Native::new(
                rule(&model, data.dimension),
                &mechanism,
                balances,
                owner,
                owner,
            );
            for (x, label) in &initial {
                native.train(x, *label);
            }
            Box::new(native)
        }
        BackendKind::Contracts => {
            let names = ["Good".to_string(), "Bad".to_string(), "owner".to_string()];
            Box::new(Contracts::new(
                &model,
                data.dimension,
                &mechanism,
                &names,
                &balances,
                owner,
                owner,
                &initial,
            ))
        }
    };
    let (test_x, test_y): (Vec<Features>, Vec<u32>) = data
        .test
        .iter()
        .map(|row| (encode(row, true, data.dimension), row.label))
        .unzip();
    let accuracy = |backend: &mut Box<dyn Backend>| {
        backend.correct(&test_x, &test_y) as f64 / test_y.len() as f64
    };
    let accuracy_start = accuracy(&mut backend);

    let mut counts = [Count::default(); 4];
    let mut hash = Sha256::new();
    let mut line = String::new();
    let mut record = |op: usize, name: &str, j: u64, ok: bool| {
        counts[op].calls += 1;
        counts[op].ok += u64::from(ok);
        line.clear();
        writeln!(line, "{name} {j} {}", u64::from(!ok)).expect("writing to a String");
        hash.update(line.as_bytes());
    };
    let refund_wait = DAY as u64;
    let take_all_wait = 9 * DAY as u64;
    let mut contributions: Vec<(u64, usize, u64)> = vec![];
    let mut next_first_claim = 0;
    let mut t = 0;
    // Encoded before the clock starts, as the original prepares its feature matrix.
    let encoded: Vec<Features> = data
        .contributions
        .iter()
        .map(|row| first_features(encode(row, true, data.dimension), features_per_sample))
        .collect();
    let started = Instant::now();
    for (i, (row, x)) in data.contributions.iter().zip(&encoded).enumerate() {
        t += INTERVAL;
        let sender = if i % 6 == 5 { bad } else { good };
        let label = if sender == bad {
            1 - row.label
        } else {
            row.label
        };
        let added = backend.add_data(t, sender, x, label, OFFERED);
        record(0, "add_data", i as u64, added.is_ok());
        if let Ok(id) = added {
            contributions.push((t, sender, id));
        }
        while next_first_claim < contributions.len()
            && t - contributions[next_first_claim].0 > refund_wait
        {
            let (_, sender_j, id) = contributions[next_first_claim];
            if sender_j == good {
                let ok = backend.refund(t, good, id).is_ok();
                record(1, "refund", id, ok);
            } else {
                let ok = backend.report(t, good, id).is_ok();
                record(2, "report_first", id, ok);
            }
            next_first_claim += 1;
        }
    }
    t += take_all_wait + 1;
    for &(_, _, id) in &contributions {
        if backend.open_claim(id) {
            let ok = backend.report(t, good, id).is_ok();
            record(3, "report_take_all", id, ok);
        }
    }
    let ops_wall_s = started.elapsed().as_secs_f64();
    let calls: u64 = counts.iter().map(|c| c.calls).sum();
    let percent = |backend: &mut Box<dyn Backend>, party| {
        backend.balance(party) as f64 * 100.0 / START_BALANCE as f64
    };
    Ok(ScheduleResult {
        dataset: dataset.into(),
        backend: format!("{kind:?}").to_lowercase(),
        contributions: data.contributions.len(),
        features_per_sample,
        add_data: counts[0],
        refund: counts[1],
        report_first: counts[2],
        report_take_all: counts[3],
        accuracy_start,
        accuracy_end: accuracy(&mut backend),
        good_balance_percent: percent(&mut backend, good),
        bad_balance_percent: percent(&mut backend, bad),
        ops_wall_s,
        calls_per_s: calls as f64 / ops_wall_s,
        outcome_sha256: format!("{:x}", hash.finalize()),
        peak_memory_kb: peak_memory_kb(),
    })
}
