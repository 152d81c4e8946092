//! The simulator: both back-ends give the same results, a seed gives the same bytes, each
//! mechanism behaves as designed, and the headline holds over several seeds.

use std::path::{Path, PathBuf};

use sum_simulator::data::DataSet;
use sum_simulator::engine::{run, BackendKind, RunResult};
use sum_simulator::output::write_run;
use sum_simulator::scenario::Scenario;

fn scenario_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(format!("{name}.toml"))
}

fn scenario(name: &str, overrides: &[(&str, &str)]) -> Scenario {
    let text = std::fs::read_to_string(scenario_path(name)).expect("a shipped scenario");
    let overrides: Vec<(String, String)> = overrides
        .iter()
        .map(|(p, v)| (p.to_string(), v.to_string()))
        .collect();
    Scenario::parse(&text, &overrides).expect("a valid scenario")
}

fn simulate(scenario: &Scenario, kind: BackendKind) -> RunResult {
    let data = DataSet::load(&scenario.data).expect("the data set");
    run(scenario, &data, kind, None).expect("the run")
}

/// A short version of a scenario, small enough for the contracts back-end in a test.
fn short(name: &str, extra: &[(&str, &str)]) -> Scenario {
    let mut overrides = vec![
        ("data.train_limit", "500"),
        ("data.test_limit", "60"),
        ("days", "20"),
    ];
    overrides.extend_from_slice(extra);
    scenario(name, &overrides)
}

#[test]
fn native_and_contracts_give_identical_results() {
    let cases = [
        short("headline", &[("data.contributions", "460")]),
        short(
            "headline",
            &[("data.contributions", "460"), ("model.averaged", "false")],
        ),
        short("points", &[]),
        short("patient", &[]),
        short(
            "market",
            &[
                ("mechanism.test_samples", "60"),
                ("mechanism.participation_days", "1"),
            ],
        ),
    ];
    for scenario in cases {
        let native = simulate(&scenario, BackendKind::Native);
        let contracts = simulate(&scenario, BackendKind::Contracts);
        let accepted: u64 = native.agents.iter().map(|a| a.contributions_accepted).sum();
        assert!(accepted > 20, "{}: a real run", scenario.name);
        assert_eq!(native, contracts, "{}", scenario.name);
    }
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("the run folder")
        .map(|entry| {
            let path = entry.expect("an entry").path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read(&path).expect("a file"))
        })
        .collect();
    all.sort();
    all
}

#[test]
fn the_same_seed_gives_byte_identical_outputs() {
    let scenario = short("headline", &[]);
    let base = std::env::temp_dir().join(format!("sum-sim-test-{}", std::process::id()));
    let (first, second) = (base.join("first"), base.join("second"));
    for dir in [&first, &second] {
        write_run(dir, &scenario, &simulate(&scenario, BackendKind::Native)).unwrap();
    }
    let (a, b) = (files(&first), files(&second));
    let _ = std::fs::remove_dir_all(&base);
    let names: Vec<&str> = a.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "calls.csv",
            "plot.png",
            "plot.svg",
            "result.json",
            "series.csv",
            "summary.txt"
        ]
    );
    assert!(a == b, "every file is the same byte for byte");
    let other = simulate(&short("headline", &[("seed", "2")]), BackendKind::Native);
    assert_ne!(
        other.calls,
        simulate(&scenario, BackendKind::Native).calls,
        "the seed matters"
    );
}

/// Balance percentage of the named agent at the end.
fn end_percent(result: &RunResult, name: &str) -> f64 {
    result
        .agents
        .iter()
        .find(|a| a.name == name)
        .unwrap()
        .end_percent
}

#[test]
fn deposits_pay_the_honest_and_cost_the_attackers() {
    for name in ["headline", "patient"] {
        let result = simulate(
            &scenario(name, &[("data.contributions", "4600")]),
            BackendKind::Native,
        );
        let attacker = &result.agents[1].name;
        assert!(end_percent(&result, "Good") > 100.0, "{name}: {result:#?}");
        assert!(end_percent(&result, attacker) < 100.0, "{name}");
    }
}

#[test]
fn points_reward_the_data_the_model_agrees_with() {
    let result = simulate(&scenario("points", &[]), BackendKind::Native);
    let (good, bad) = (&result.agents[0], &result.agents[1]);
    assert!(good.points > 3 * bad.points, "{good:?} {bad:?}");
    assert_eq!(
        (good.end, bad.end),
        (good.start, bad.start),
        "no funds move"
    );
}

#[test]
fn the_market_pays_the_honest_more_than_the_flipper_and_keeps_every_token() {
    let result = simulate(&scenario("market", &[]), BackendKind::Native);
    let (good, bad) = (&result.agents[0], &result.agents[1]);
    assert!(
        good.end_percent > 100.0 && bad.end_percent < 100.0,
        "{good:?} {bad:?}"
    );
    let reclaimed: u128 = result
        .calls
        .iter()
        .filter(|c| c.action == "market_reclaim")
        .map(|c| c.amount)
        .sum();
    let bounty = 100_000;
    assert_eq!(
        good.end + bad.end + reclaimed,
        good.start + bad.start + bounty
    );
}

#[test]
fn sybils_and_free_riders_gain_nothing_the_honest_do_not_give() {
    for name in ["sybil", "free-rider"] {
        let result = simulate(&scenario(name, &[]), BackendKind::Native);
        let attacker = &result.agents[1];
        assert!(end_percent(&result, "Good") > 100.0, "{name}");
        assert!(
            attacker.claims_ok * 10 < attacker.claims_ok + attacker.claims_refused,
            "{name}: {attacker:?}"
        );
    }
}

/// The headline over several seeds: the honest agent ends above its start and the
/// attacker well below, and the accuracy at the end is within 2 points of the same run
/// without the attacker: on every seed for naive Bayes, on average over the seeds for the
/// averaged perceptron (its worst seed here is 2.7 points; the plain perceptron does not
/// hold at all, see the simulator's README).
#[test]
fn the_headline_holds_over_seeds() {
    const SEEDS: [&str; 5] = ["1", "2", "3", "4", "5"];
    let pairs = [
        ("headline", "headline-honest-only", false),
        (
            "headline-naive-bayes",
            "headline-naive-bayes-honest-only",
            true,
        ),
    ];
    for (attacked, honest_only, every_seed) in pairs {
        let mut gaps = vec![];
        for seed in SEEDS {
            let with = simulate(&scenario(attacked, &[("seed", seed)]), BackendKind::Native);
            assert!(end_percent(&with, "Good") > 100.0, "{attacked} seed {seed}");
            assert!(end_percent(&with, "Bad") < 50.0, "{attacked} seed {seed}");
            let without = simulate(
                &scenario(honest_only, &[("seed", seed)]),
                BackendKind::Native,
            );
            let gap = without.accuracy_end - with.accuracy_end;
            assert!(
                !every_seed || gap.abs() <= 0.02,
                "{attacked} seed {seed}: {} against {}",
                with.accuracy_end,
                without.accuracy_end
            );
            gaps.push(gap);
        }
        let mean = gaps.iter().sum::<f64>() / gaps.len() as f64;
        assert!(mean.abs() <= 0.02, "{attacked}: gaps {gaps:?}");
    }
}
