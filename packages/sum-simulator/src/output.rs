//! What a run writes: the time series (JSON and CSV), every call (CSV), a summary table,
//! and the plots.

use std::fmt::Write as _;
use std::path::Path;

use crate::engine::RunResult;
use crate::plot;
use crate::scenario::Scenario;

/// The summary table a run prints.
pub fn summary(result: &RunResult) -> String {
    let mut out = String::new();
    let value = if result.points { "points" } else { "end %" };
    let _ = writeln!(
        out,
        "{:<16} {:<10} {:>14} {:>14} {:>9} {:>13} {:>13} {:>12}",
        "agent", "strategy", "start", "end", value, "contributions", "claims", "fees"
    );
    for a in &result.agents {
        let shown = if result.points {
            a.points.to_string()
        } else {
            format!("{:.1}%", a.end_percent)
        };
        let _ = writeln!(
            out,
            "{:<16} {:<10} {:>14} {:>14} {:>9} {:>13} {:>13} {:>12}",
            a.name,
            a.strategy,
            a.start,
            a.end,
            shown,
            format!(
                "{}/{}",
                a.contributions_accepted,
                a.contributions_accepted + a.contributions_refused
            ),
            format!("{}/{}", a.claims_ok, a.claims_ok + a.claims_refused),
            a.fees
        );
    }
    let _ = writeln!(
        out,
        "accuracy: start {:.4}, min {:.4}, end {:.4} (trained on all the data: {:.4})",
        result.accuracy_start, result.accuracy_min, result.accuracy_end, result.all_data_accuracy
    );
    out
}

fn series_csv(result: &RunResult) -> String {
    let mut out = String::from("day,accuracy");
    for a in &result.agents {
        let _ = write!(out, ",{}", a.name);
    }
    out.push('\n');
    for tick in &result.ticks {
        let _ = write!(out, "{:.6},{:.6}", tick.day, tick.accuracy);
        for v in &tick.values {
            let _ = write!(out, ",{v:.6}");
        }
        out.push('\n');
    }
    out
}

fn calls_csv(result: &RunResult) -> String {
    let mut out = String::from("time,party,action,contribution,ok,amount\n");
    for c in &result.calls {
        let contribution = c.contribution.map_or(String::new(), |id| id.to_string());
        let _ = writeln!(
            out,
            "{},{},{},{},{},{}",
            c.time, c.party, c.action, contribution, c.ok, c.amount
        );
    }
    out
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes a run's folder: `result.json`, `series.csv`, `calls.csv`, `summary.txt`,
/// `plot.png` and `plot.svg`.
pub fn write_run(dir: &Path, scenario: &Scenario, result: &RunResult) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let json = serde_json::to_string_pretty(result).map_err(|e| e.to_string())?;
    write(&dir.join("result.json"), &(json + "\n"))?;
    write(&dir.join("series.csv"), &series_csv(result))?;
    write(&dir.join("calls.csv"), &calls_csv(result))?;
    write(&dir.join("summary.txt"), &summary(result))?;
    plot::run_plots(dir, scenario, result)
}
