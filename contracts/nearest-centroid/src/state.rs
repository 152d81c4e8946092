use cw_storage_plus::{Item, Map};

use crate::centroid::Centroid;

/// Number of features.
pub const DIMENSION: Item<u32> = Item::new("dimension");

/// Class names; a class index is a position in this list.
pub const CLASSES: Item<Vec<String>> = Item::new("classes");

/// Each class's centroid, by class index: an update reads and writes one.
pub const CENTROIDS: Map<u32, Centroid> = Map::new("centroids");
