use cw_storage_plus::{Item, Map};
use sum_rules::perceptron::Perceptron;

/// The scalar parameters.
pub const PERCEPTRON: Item<Perceptron> = Item::new("perceptron");

/// Weight (×10^9) by feature index; an absent weight is 0. A call reads and writes only
/// its sample's features.
pub const WEIGHTS: Map<u32, i64> = Map::new("weights");

/// An averaged model's weight sums (`Σ k·Δw`, ×10^9) by feature index, absent = 0; a plain
/// model has none.
pub const WEIGHT_SUMS: Map<u32, i128> = Map::new("weight_sums");
