use cw_storage_plus::Item;
use sum_common::perceptron::Perceptron;

pub const CLASSES: Item<Vec<String>> = Item::new("classes");

pub const PERCEPTRON: Item<Perceptron> = Item::new("perceptron");

/// One weight (×10^9) per dimension.
pub const WEIGHTS: Item<Vec<i64>> = Item::new("weights");
