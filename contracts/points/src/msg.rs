use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::Addr;

pub use sum_common::incentive::IncentiveExecuteMsg as ExecuteMsg;

/// The instantiating address (normally the trainer) becomes the only caller.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub struct InstantiateMsg {
    /// Seconds before a contribution can be refunded (a point) or reported (at most ten
    /// years).
    pub refund_wait: u64,
}

/// The common mechanism queries plus points, the leaderboard and totals.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// Adding data is free: the cost is zero (no denom), and the model trains at once.
    #[returns(sum_common::incentive::AddDataCostResponse)]
    NextAddDataCost {},
    /// One contributor's statistics (`num_valid` is its points).
    #[returns(sum_common::incentive::ContributorStatsResponse)]
    ContributorStats { address: String },
    /// Who claimed one contribution (no deposits: the amounts are 0).
    #[returns(sum_common::incentive::ClaimState)]
    Claims { id: u64 },
    /// One address's points and counts.
    #[returns(PointsResponse)]
    Points { address: String },
    /// Addresses by points, highest first, ties by address; paginated after `start_after`.
    #[returns(LeaderboardResponse)]
    Leaderboard {
        start_after: Option<LeaderboardEntry>,
        limit: Option<u32>,
    },
    /// Totals over everyone.
    #[returns(TotalsResponse)]
    Totals {},
    /// The configuration.
    #[returns(ConfigResponse)]
    Config {},
}

/// One address's record.
#[cw_serde]
#[derive(Default)]
pub struct PointsResponse {
    /// Its contributions the model agreed with, refunded as points.
    pub points: u64,
    /// Its contributions.
    pub contributions: u64,
    /// Others' contributions it reported.
    pub reports: u64,
}

/// A place on the leaderboard.
#[cw_serde]
pub struct LeaderboardEntry {
    pub points: u64,
    pub address: Addr,
}

#[cw_serde]
pub struct LeaderboardResponse {
    pub entries: Vec<LeaderboardEntry>,
}

#[cw_serde]
#[derive(Default)]
pub struct TotalsResponse {
    pub contributions: u64,
    pub points: u64,
    pub reports: u64,
    /// Addresses with at least one point.
    pub scorers: u64,
}

#[cw_serde]
pub struct ConfigResponse {
    pub trainer: Addr,
    pub refund_wait: u64,
}
