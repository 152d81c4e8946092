use cw_storage_plus::{Item, Map};
use sum_rules::naive_bayes::{ClassTotals, Smoothing};

/// The hyper-parameters.
pub const SMOOTHING: Item<Smoothing> = Item::new("smoothing");

/// Each class's sample count and total feature count, by class index.
pub const TOTALS: Item<Vec<ClassTotals>> = Item::new("totals");

/// Per feature index, its count in each class (by class index; missing entries are 0), so
/// that scoring a sample reads one entry per distinct index whatever the number of classes.
pub const FEATURE_COUNTS: Map<u32, Vec<u64>> = Map::new("feature_counts");
