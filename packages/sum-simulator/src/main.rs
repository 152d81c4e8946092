//! `sum-sim`: run a scenario, many seeds and sweeps of it, or the fixed schedule.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use sum_simulator::data::DataSet;
use sum_simulator::engine::{run, BackendKind};
use sum_simulator::montecarlo::{monte_carlo, Sweep};
use sum_simulator::output::{summary, write_run};
use sum_simulator::scenario::Scenario;
use sum_simulator::schedule::run_schedule;

#[derive(Parser)]
#[command(
    name = "sum-sim",
    about = "Simulate SUM models and incentive mechanisms before deploying them"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a scenario once; writes the time series, every call, a summary and the plots.
    Run {
        scenario: PathBuf,
        /// The folder to write (default: runs/<scenario name>).
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "native")]
        backend: BackendKind,
        /// Change a scenario value: path=value (e.g. mechanism.cost_weight=500).
        #[arg(long = "set", value_parser = parse_override)]
        overrides: Vec<(String, String)>,
    },
    /// Run many seeds, optionally sweeping parameters; writes every run and the bands.
    MonteCarlo {
        scenario: PathBuf,
        #[arg(long, default_value_t = 10)]
        runs: usize,
        /// A swept parameter: path=v1,v2,… (several make a grid).
        #[arg(long)]
        sweep: Vec<Sweep>,
        #[arg(long, default_value_t = 2)]
        threads: usize,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "native")]
        backend: BackendKind,
    },
    /// The fixed schedule of the benchmark, printed as JSON.
    Schedule {
        /// synth1000 or digits_ge5.
        dataset: String,
        #[arg(long, value_enum, default_value = "native")]
        backend: BackendKind,
        /// Keep only each contribution's first N features (a diagnostic: the time the
        /// model's storage takes, against the message path's).
        #[arg(long)]
        features_per_sample: Option<usize>,
    },
}

fn parse_override(text: &str) -> Result<(String, String), String> {
    text.split_once('=')
        .map(|(p, v)| (p.to_string(), v.to_string()))
        .ok_or_else(|| format!("`{text}`: expected path=value"))
}

fn read(path: &PathBuf) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn progress(days: f64) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(days.ceil() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} day {pos}/{len} ({elapsed})").expect("a template"),
    );
    Some(bar)
}

fn main() -> ExitCode {
    match execute(Cli::parse().command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", error.trim_end());
            ExitCode::FAILURE
        }
    }
}

fn execute(command: Command) -> Result<(), String> {
    match command {
        Command::Run {
            scenario,
            out,
            backend,
            overrides,
        } => {
            let scenario = Scenario::parse(&read(&scenario)?, &overrides)?;
            let data = DataSet::load(&scenario.data)?;
            let bar = progress(scenario.days);
            let result = run(&scenario, &data, backend, bar.as_ref())?;
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            let dir = out.unwrap_or_else(|| PathBuf::from("runs").join(&scenario.name));
            write_run(&dir, &scenario, &result)?;
            print!("{}", summary(&result));
            println!("wrote {}", dir.display());
        }
        Command::MonteCarlo {
            scenario,
            runs,
            sweep,
            threads,
            out,
            backend,
        } => {
            let text = read(&scenario)?;
            let name = Scenario::parse(&text, &[])?.name;
            let dir =
                out.unwrap_or_else(|| PathBuf::from("runs").join(format!("{name}-monte-carlo")));
            print!(
                "{}",
                monte_carlo(&text, &sweep, runs, threads, backend, &dir)?
            );
            println!("wrote {}", dir.display());
        }
        Command::Schedule {
            dataset,
            backend,
            features_per_sample,
        } => {
            let result = run_schedule(&dataset, backend, features_per_sample)?;
            println!(
                "{}",
                serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?
            );
        }
    }
    Ok(())
}
