use cosmwasm_std::{StdResult, Storage};
use cw_storage_plus::{Item, Map};
use sum_common::perceptron::Perceptron;

pub const CLASSES: Item<Vec<String>> = Item::new("classes");

pub const PERCEPTRON: Item<Perceptron> = Item::new("perceptron");

/// Weight (×10^9) by feature index; an absent weight is 0.
pub const WEIGHTS: Map<u32, i64> = Map::new("weights");

/// The weights of the given features, in their order.
pub fn load_weights(storage: &dyn Storage, indices: &[u32]) -> StdResult<Vec<i64>> {
    indices
        .iter()
        .map(|&index| Ok(WEIGHTS.may_load(storage, index)?.unwrap_or(0)))
        .collect()
}
