use cw_storage_plus::Item;
use sum_rules::perceptron::Perceptron;

/// The scalar parameters.
pub const PERCEPTRON: Item<Perceptron> = Item::new("perceptron");

/// One weight (×10^9) per dimension: every prediction reads them all.
pub const WEIGHTS: Item<Vec<i64>> = Item::new("weights");

/// An averaged model's weight sums (`Σ k·Δw`, ×10^9), one per dimension; a plain model
/// has none.
pub const WEIGHT_SUMS: Item<Vec<i128>> = Item::new("weight_sums");
