use cw_storage_plus::{Item, Map};
use sum_rules::centroid::Centroid;

/// Number of features.
pub const DIMENSION: Item<u32> = Item::new("dimension");

/// Each class's centroid, by class index: an update writes only its class's.
pub const CENTROIDS: Map<u32, Centroid> = Map::new("centroids");
