//! Monte Carlo: many seeds of a scenario, optionally swept over parameters, run in
//! parallel and aggregated as means with 5–95 % bands.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::data::DataSet;
use crate::engine::{run, BackendKind, RunResult};
use crate::plot::band_plots;
use crate::scenario::Scenario;

/// One swept parameter: a scenario path and its values.
#[derive(Clone, Debug)]
pub struct Sweep {
    pub path: String,
    pub values: Vec<String>,
}

impl std::str::FromStr for Sweep {
    type Err = String;

    /// `path=v1,v2,…`
    fn from_str(text: &str) -> Result<Self, String> {
        let (path, values) = text
            .split_once('=')
            .ok_or_else(|| format!("`{text}`: a sweep is path=value,value,…"))?;
        Ok(Sweep {
            path: path.to_string(),
            values: values.split(',').map(str::to_string).collect(),
        })
    }
}

/// A series over many runs: per tick, the mean and the 5 % and 95 % quantiles.
#[derive(Clone, Debug)]
pub struct Band {
    pub name: String,
    pub days: Vec<f64>,
    pub mean: Vec<f64>,
    pub low: Vec<f64>,
    pub high: Vec<f64>,
}

/// Every combination of the swept values (one empty combination without sweeps).
fn combinations(sweeps: &[Sweep]) -> Vec<Vec<(String, String)>> {
    sweeps.iter().fold(vec![vec![]], |acc, sweep| {
        acc.iter()
            .flat_map(|combo| {
                sweep.values.iter().map(move |v| {
                    let mut next = combo.clone();
                    next.push((sweep.path.clone(), v.clone()));
                    next
                })
            })
            .collect()
    })
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    let position = (q * (sorted.len() - 1) as f64).round() as usize;
    sorted[position]
}

/// Bands of accuracy and each agent's value over the runs, tick by tick (as far as every
/// run reaches).
fn bands(scenario: &Scenario, results: &[RunResult]) -> Vec<Band> {
    let ticks = results.iter().map(|r| r.ticks.len()).min().unwrap_or(0);
    let series = |name: String, value: &dyn Fn(&RunResult, usize) -> f64| {
        let mut band = Band {
            name,
            days: vec![],
            mean: vec![],
            low: vec![],
            high: vec![],
        };
        for i in 0..ticks {
            let mut values: Vec<f64> = results.iter().map(|r| value(r, i)).collect();
            values.sort_by(f64::total_cmp);
            band.days.push(results[0].ticks[i].day);
            band.mean
                .push(values.iter().sum::<f64>() / values.len() as f64);
            band.low.push(quantile(&values, 0.05));
            band.high.push(quantile(&values, 0.95));
        }
        band
    };
    let mut all: Vec<Band> = scenario
        .agents
        .iter()
        .enumerate()
        .map(|(a, agent)| series(agent.name.clone(), &|r, i| r.ticks[i].values[a]))
        .collect();
    all.push(series("accuracy".into(), &|r, i| {
        r.ticks[i].accuracy * 100.0
    }));
    all
}

/// Runs every combination `runs` times (seeds `seed`, `seed + 1`, …) on `threads` threads;
/// writes `runs.csv` (every run), `summary.csv` (mean and band of the final values) and a
/// band plot per combination into `out`.
pub fn monte_carlo(
    text: &str,
    sweeps: &[Sweep],
    runs: usize,
    threads: usize,
    kind: BackendKind,
    out: &Path,
) -> Result<String, String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let combos = combinations(sweeps);
    let base = Scenario::parse(text, &[])?;
    let jobs: Vec<(usize, Vec<(String, String)>)> = combos
        .iter()
        .enumerate()
        .flat_map(|(c, combo)| {
            (0..runs).map(move |r| {
                let mut overrides = combo.clone();
                overrides.push(("seed".into(), (base.seed + r as u64).to_string()));
                (c, overrides)
            })
        })
        .collect();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<RunResult, String>>>> = Mutex::new(vec![None; jobs.len()]);
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::SeqCst);
                let Some((_, overrides)) = jobs.get(index) else {
                    break;
                };
                let result = Scenario::parse(text, overrides).and_then(|scenario| {
                    let data = DataSet::load(&scenario.data)?;
                    run(&scenario, &data, kind, None)
                });
                results.lock().expect("results")[index] = Some(result);
            });
        }
    });
    let results: Vec<RunResult> = results
        .into_inner()
        .expect("results")
        .into_iter()
        .map(|r| r.expect("every job ran"))
        .collect::<Result<_, _>>()?;

    let mut runs_csv = String::from("combination,parameters,seed,accuracy_end");
    let mut summary = String::from("combination,parameters,series,mean,p5,p95\n");
    for agent in &base.agents {
        let _ = write!(runs_csv, ",{}", agent.name);
    }
    runs_csv.push('\n');
    for (c, combo) in combos.iter().enumerate() {
        let label: Vec<String> = combo.iter().map(|(p, v)| format!("{p}={v}")).collect();
        let label = label.join(" ");
        let scenario = Scenario::parse(text, combo)?;
        let group: Vec<RunResult> = jobs
            .iter()
            .zip(&results)
            .filter(|((job, _), _)| *job == c)
            .map(|(_, r)| r.clone())
            .collect();
        for r in &group {
            let _ = write!(runs_csv, "{c},{label},{},{:.6}", r.seed, r.accuracy_end);
            for a in &r.agents {
                let value = if r.points {
                    a.points as f64
                } else {
                    a.end_percent
                };
                let _ = write!(runs_csv, ",{value:.6}");
            }
            runs_csv.push('\n');
        }
        let bands = bands(&scenario, &group);
        for band in &bands {
            if let (Some(mean), Some(low), Some(high)) =
                (band.mean.last(), band.low.last(), band.high.last())
            {
                let _ = writeln!(
                    summary,
                    "{c},{label},{},{mean:.4},{low:.4},{high:.4}",
                    band.name
                );
            }
        }
        band_plots(
            out,
            &format!("bands-{c}"),
            &scenario,
            &bands,
            group[0].points,
        )?;
    }
    std::fs::write(out.join("runs.csv"), runs_csv).map_err(|e| e.to_string())?;
    std::fs::write(out.join("summary.csv"), &summary).map_err(|e| e.to_string())?;
    Ok(summary)
}
