//! Scenario files (TOML): the data, the model, the mechanism, optional gas costs, the
//! agents, how long to run and the seed.

use serde::{Deserialize, Serialize};

/// Seconds in a day and an hour.
pub const DAY: f64 = 86_400.0;
pub const HOUR: f64 = 3_600.0;

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub seed: u64,
    /// Simulated days; the run also ends when the data runs out and every claim is done.
    pub days: f64,
    /// Hours between two evaluations of the model on the test set.
    #[serde(default = "default_evaluation_hours")]
    pub evaluation_interval_hours: f64,
    pub data: DataSpec,
    pub model: ModelSpec,
    pub mechanism: MechanismSpec,
    pub gas: Option<GasSpec>,
    pub agents: Vec<AgentSpec>,
}

fn default_evaluation_hours() -> f64 {
    24.0
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DataSpec {
    /// A data set of the package's `data/` folder: `synth1000` or `digits_ge5`.
    pub set: String,
    /// Share of the training split the model is initialised with (trained once, in order).
    pub initial_share: f64,
    /// Use only the first rows of the training split.
    pub train_limit: Option<usize>,
    /// Use only the first rows of the test split.
    pub test_limit: Option<usize>,
    /// Offer this many contributions, cycling through the remaining training rows.
    pub contributions: Option<usize>,
}

fn one() -> f64 {
    1.0
}

fn yes() -> bool {
    true
}

/// A perceptron's hyper-parameters, dense or sparse (the contracts' instantiate fields).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PerceptronSpec {
    #[serde(default = "one")]
    pub learning_rate: f64,
    #[serde(default = "yes")]
    pub learn_intercept: bool,
    #[serde(default)]
    pub update_on_zero_margin: bool,
    /// Predict with the mean of the weights over the updates.
    #[serde(default)]
    pub averaged: bool,
}

/// The model, over the data set's binary features (sparse models take the present
/// features' indices; dense ones the L2-normalised vector).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ModelSpec {
    DensePerceptron(PerceptronSpec),
    SparsePerceptron(PerceptronSpec),
    NaiveBayes {
        #[serde(default = "one")]
        smoothing: f64,
    },
    NearestCentroid {},
    SparseNearestCentroid {},
}

impl ModelSpec {
    /// Whether the model takes sparse indices (else dense normalised vectors).
    pub fn sparse(&self) -> bool {
        !matches!(
            self,
            ModelSpec::DensePerceptron(_) | ModelSpec::NearestCentroid {}
        )
    }

    /// The contract's name (as in `scripts/contracts.txt` and `bench/gas.json`).
    pub fn contract(&self) -> &'static str {
        match self {
            ModelSpec::DensePerceptron(_) => "dense-perceptron",
            ModelSpec::SparsePerceptron(_) => "sparse-perceptron",
            ModelSpec::NaiveBayes { .. } => "naive-bayes",
            ModelSpec::NearestCentroid {} => "nearest-centroid",
            ModelSpec::SparseNearestCentroid {} => "sparse-nearest-centroid",
        }
    }

    /// The model's name in `bench/gas.json`: the contract's, `averaged-` before it for an
    /// averaged perceptron.
    pub fn measured_as(&self) -> String {
        match self {
            ModelSpec::DensePerceptron(p) | ModelSpec::SparsePerceptron(p) if p.averaged => {
                format!("averaged-{}", self.contract())
            }
            _ => self.contract().to_string(),
        }
    }
}

/// The incentive mechanism. Amounts are integers of the chain's denom.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum MechanismSpec {
    Stakeable {
        cost_weight: u64,
        refund_wait_days: f64,
        owner_claim_wait_days: f64,
        any_address_claim_wait_days: f64,
    },
    Points {
        refund_wait_days: f64,
    },
    PredictionMarket {
        /// The bounty the provider posts.
        bounty: u64,
        /// Every contribution's stake.
        stake: u64,
        /// The provider's test set: the first test samples, cut into this many pieces.
        test_samples: usize,
        pieces: usize,
        /// Participation lasts this long (then the market ends).
        participation_days: f64,
        /// Contributions per reward batch.
        batch: u32,
        /// Seconds-granular waits of the market.
        reveal_wait_days: f64,
        claim_wait_days: f64,
    },
}

/// Gas charged to the agents: `price` tokens per unit of gas, per operation, from the
/// measurements in `bench/gas.json` (the model's rows at the nearest size) unless given.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GasSpec {
    pub price: f64,
    pub add_data: Option<u64>,
    pub refund: Option<u64>,
    pub report: Option<u64>,
}

/// What an agent does.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// Labels correctly (but for honest mistakes); refunds its own, reports bad data.
    Honest,
    /// Flips every label; still asks for refunds and reports others.
    Flipper,
    /// Many cheap contributions with random labels.
    Spammer,
    /// Several addresses that only report.
    Sybil,
    /// Never contributes; reports others' data and takes what is left.
    FreeRider,
    /// Flips labels, never asks for a refund, and waits for the take-all window to take
    /// its own deposits back.
    Patient,
    /// Only calls the model (free).
    Caller,
}

impl Strategy {
    pub fn contributes(self) -> bool {
        matches!(
            self,
            Strategy::Honest | Strategy::Flipper | Strategy::Spammer | Strategy::Patient
        )
    }

    /// Whether it counts as an attacker (plotted in reds).
    pub fn attacker(self) -> bool {
        !matches!(self, Strategy::Honest | Strategy::Caller)
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgentSpec {
    pub name: String,
    pub strategy: Strategy,
    pub start_balance: u64,
    /// The most it offers per addition: drawn from a normal distribution.
    #[serde(default)]
    pub deposit_mean: f64,
    #[serde(default)]
    pub deposit_spread: f64,
    /// Minutes between its turns: drawn from a normal distribution (at least a second).
    pub wait_mean_minutes: f64,
    #[serde(default = "one")]
    pub wait_spread_minutes: f64,
    /// Probability of labelling a sample wrongly by mistake.
    #[serde(default)]
    pub mistake_probability: f64,
    /// Addresses it acts from (Sybil reporters).
    #[serde(default = "one_address")]
    pub addresses: usize,
}

fn one_address() -> usize {
    1
}

impl Scenario {
    /// Parses a scenario, with `overrides` (`path=value`, e.g. `mechanism.cost_weight=500`
    /// or `agents.1.deposit_mean=80`) applied first.
    pub fn parse(text: &str, overrides: &[(String, String)]) -> Result<Self, String> {
        let mut value: toml::Value = toml::from_str(text).map_err(|e| e.to_string())?;
        for (path, raw) in overrides {
            set_path(&mut value, path, raw)?;
        }
        value.try_into().map_err(|e: toml::de::Error| e.to_string())
    }
}

/// Sets `path` (dotted; numbers index arrays) in a TOML tree to `raw`, read as TOML.
fn set_path(root: &mut toml::Value, path: &str, raw: &str) -> Result<(), String> {
    let parsed: toml::Value = toml::from_str::<toml::Table>(&format!("v = {raw}"))
        .map(|mut t| t.remove("v").expect("v"))
        .or_else(|_| Ok::<_, String>(toml::Value::String(raw.to_string())))?;
    let mut node = root;
    let parts: Vec<&str> = path.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        node = match node {
            toml::Value::Table(table) => {
                if last {
                    table.insert(part.to_string(), parsed);
                    return Ok(());
                }
                table
                    .get_mut(*part)
                    .ok_or_else(|| format!("no `{part}` in `{path}`"))?
            }
            toml::Value::Array(items) => {
                let index: usize = part
                    .parse()
                    .map_err(|_| format!("`{part}` is not an index"))?;
                let item = items
                    .get_mut(index)
                    .ok_or_else(|| format!("no item {index} in `{path}`"))?;
                if last {
                    *item = parsed;
                    return Ok(());
                }
                item
            }
            _ => return Err(format!("`{path}` goes through a value")),
        };
    }
    Err(format!("empty path `{path}`"))
}
