//! SUM model: nearest centroid over sparse binary features, updated in O(|sample|).

pub mod contract;
pub mod msg;
pub mod state;
