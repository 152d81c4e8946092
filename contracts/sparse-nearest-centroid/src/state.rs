use cw_storage_plus::{Item, Map};
use sum_rules::sparse_centroid::SparseClass;

/// Each class's sample count and centroid magnitude, by class index.
pub const CLASS_STATS: Item<Vec<SparseClass>> = Item::new("class_stats");

/// Per feature index, each class's sum of that feature over its samples (×10^9, by class
/// index; missing entries are 0). A centroid value is `sum / count`, so rescaling every
/// value when a sample arrives costs nothing: it happens lazily, at division.
pub const FEATURE_SUMS: Map<u32, Vec<u64>> = Map::new("feature_sums");
