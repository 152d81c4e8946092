use cosmwasm_std::Addr;
use cw_storage_plus::{Item, Map};
use sum_common::data_handler::Contribution;

/// Number of stored contributions.
pub const COUNT: Item<u64> = Item::new("count");

/// Contributions by the id their trainer assigned.
pub const CONTRIBUTIONS: Map<u64, Contribution> = Map::new("contributions");

/// Index of contribution ids by contributor.
pub const BY_CONTRIBUTOR: Map<(&Addr, u64), ()> = Map::new("by_contributor");

/// Number of contributions per contributor.
pub const CONTRIBUTOR_COUNTS: Map<&Addr, u64> = Map::new("contributor_counts");
