use cosmwasm_schema::cw_serde;
use cw_storage_plus::{Item, Map};

use crate::naive_bayes::NaiveBayes;

/// A class's name and totals.
#[cw_serde]
pub struct ClassStats {
    pub name: String,
    pub num_samples: u64,
    /// Sum of all its feature counts.
    pub total_count: u64,
}

pub const NAIVE_BAYES: Item<NaiveBayes> = Item::new("naive_bayes");

pub const CLASSES: Item<Vec<ClassStats>> = Item::new("classes");

/// Per feature index, its count in each class (by class index; missing entries are 0), so
/// that scoring a sample reads one entry per distinct index whatever the number of classes.
pub const FEATURE_COUNTS: Map<u32, Vec<u64>> = Map::new("feature_counts");
