use cw_storage_plus::{Item, Map};
use sum_rules::perceptron::Perceptron;

/// The scalar parameters.
pub const PERCEPTRON: Item<Perceptron> = Item::new("perceptron");

/// Weight (×10^9) by feature index; an absent weight is 0. A call reads and writes only
/// its sample's features.
pub const WEIGHTS: Map<u32, i64> = Map::new("weights");
