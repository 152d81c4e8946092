use cosmwasm_std::Addr;
use cw_storage_plus::{Item, Map};

use crate::msg::{PointsResponse, TotalsResponse};

/// Seconds before a contribution can be claimed.
pub const REFUND_WAIT: Item<u64> = Item::new("refund_wait");

/// Each contribution's contributor and who claimed it, by contribution id.
pub const CONTRIBUTIONS: Map<u64, (Addr, Option<Addr>)> = Map::new("contributions");

/// Each address's record.
pub const RECORDS: Map<&Addr, PointsResponse> = Map::new("records");

/// The leaderboard: `(rank_key(points), address)` for every address with points.
pub const LEADERBOARD: Map<(u64, &Addr), ()> = Map::new("leaderboard");

pub const TOTALS: Item<TotalsResponse> = Item::new("totals");
