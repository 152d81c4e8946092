use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Uint256};
use cw_storage_plus::{Item, Map};
use sum_rules::market::{Market, MarketConfig, Sample, Standing};

/// The denom of the bounty and the stakes.
pub const DENOM: Item<String> = Item::new("denom");

pub const CONFIG: Item<MarketConfig> = Item::new("config");

/// The market, once opened.
pub const MARKET: Item<Market> = Item::new("market");

/// A contribution in the market.
#[cw_serde]
pub struct Entry {
    /// Its place in the reward order.
    pub number: u64,
    pub contributor: Addr,
    pub stake: Uint256,
}

/// Contributions by contribution id.
pub const ENTRIES: Map<u64, Entry> = Map::new("entries");

/// Contribution ids in the reward order.
pub const ORDER: Map<u64, u64> = Map::new("order");

/// Each contributor's account.
pub const STANDINGS: Map<&Addr, Standing> = Map::new("standings");

/// The revealed test-set pieces, by index.
pub const PIECES: Map<u32, Vec<Sample>> = Map::new("pieces");
