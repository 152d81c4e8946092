//! Fees: gas per operation, measured on a local chain (`bench/gas.json`, built in), times
//! a gas price the scenario gives.

use serde_json::Value;

use crate::scenario::GasSpec;

/// The measurements `scripts/bench-gas.sh` wrote.
const MEASURED: &str = include_str!("../../../bench/gas.json");

/// Gas per operation for one model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fees {
    price: f64,
    add_data: u64,
    refund: u64,
    report: u64,
}

/// The measured gas of `operation` for `model` (as `ModelSpec::measured_as` names it),
/// with the stakeable mechanism, at the measured size nearest to `size`.
fn measured(model: &str, operation: &str, size: u64) -> Option<u64> {
    let rows: Vec<Value> = serde_json::from_str(MEASURED).ok()?;
    rows.iter()
        .filter(|r| r["model"] == model && r["operation"] == operation)
        .filter(|r| r.get("incentive").is_none_or(|i| i == "stakeable"))
        .filter_map(|r| Some((r["size"].as_u64()?, r["gas_used"].as_u64()?)))
        .min_by_key(|&(s, _)| s.abs_diff(size))
        .map(|(_, gas)| gas)
}

impl Fees {
    /// The fees of a scenario: given per operation, else measured for `model` at the size
    /// nearest to `size` (active features).
    pub fn new(spec: &GasSpec, model: &str, size: u64) -> Result<Self, String> {
        let gas = |given: Option<u64>, operation: &str| {
            given
                .or_else(|| measured(model, operation, size))
                .ok_or_else(|| format!("no measured gas for {operation} on {model}: give it"))
        };
        Ok(Fees {
            price: spec.price,
            add_data: gas(spec.add_data, "add_data")?,
            refund: gas(spec.refund, "refund")?,
            report: gas(spec.report, "report")?,
        })
    }

    fn fee(&self, gas: u64) -> u128 {
        (gas as f64 * self.price).ceil() as u128
    }

    pub fn add_data(&self) -> u128 {
        self.fee(self.add_data)
    }

    pub fn refund(&self) -> u128 {
        self.fee(self.refund)
    }

    pub fn report(&self) -> u128 {
        self.fee(self.report)
    }
}
