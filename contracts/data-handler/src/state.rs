use cosmwasm_std::Addr;
use cw_storage_plus::{Item, Map};
use sum_common::data_handler::Contribution;

/// The only address allowed to add contributions and record claims.
pub const TRAINER: Item<Addr> = Item::new("trainer");

/// The id the next contribution gets; also the number of contributions so far.
pub const NEXT_ID: Item<u64> = Item::new("next_id");

pub const CONTRIBUTIONS: Map<u64, Contribution> = Map::new("contributions");

/// Index of contribution ids by contributor.
pub const BY_CONTRIBUTOR: Map<(&Addr, u64), ()> = Map::new("by_contributor");

/// Number of contributions per contributor.
pub const CONTRIBUTOR_COUNTS: Map<&Addr, u64> = Map::new("contributor_counts");
