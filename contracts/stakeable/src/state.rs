use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Uint256};
use cw_storage_plus::{Item, Map};
use sum_common::incentive::ClaimState;
use sum_rules::stakeable::Waits;

#[cw_serde]
pub struct Config {
    pub denom: String,
    pub cost_weight: Uint256,
    pub waits: Waits,
}

pub const CONFIG: Item<Config> = Item::new("config");

/// Block time (seconds) of the last accepted addition.
pub const LAST_UPDATE: Item<u64> = Item::new("last_update");

/// Refunded good contributions over all contributors.
pub const TOTAL_GOOD: Item<u64> = Item::new("total_good");

/// Refunded good contributions per contributor.
pub const NUM_VALID: Map<&Addr, u64> = Map::new("num_valid");

/// Each contribution's deposit and claims, by contribution id. The contract's balance of
/// the denom always equals the sum of `claimable` over all of them.
pub const DEPOSITS: Map<u64, ClaimState> = Map::new("deposits");
