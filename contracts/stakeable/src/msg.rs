use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Uint256};

pub use sum_common::incentive::IncentiveExecuteMsg as ExecuteMsg;

/// The instantiating address (normally the trainer) becomes the only caller.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub struct InstantiateMsg {
    /// The denom deposits are paid in (not empty).
    pub denom: String,
    /// The deposit is `cost_weight · 3600 / isqrt(seconds since the last update)`; 0 makes
    /// adding free. `cost_weight · 3600` must fit in a Uint256.
    pub cost_weight: Uint256,
    /// Seconds before a contribution can be refunded or reported.
    pub refund_wait: u64,
    /// Seconds after which the trainer's owner may take all that is left.
    pub owner_claim_wait: u64,
    /// Seconds after which anyone may take all that is left (at most ten years).
    pub any_address_claim_wait: u64,
}

/// The common mechanism queries plus this mechanism's configuration.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// What adding data costs now, and whether the model trains on it at once.
    #[returns(sum_common::incentive::AddDataCostResponse)]
    NextAddDataCost {},
    /// One contributor's statistics.
    #[returns(sum_common::incentive::ContributorStatsResponse)]
    ContributorStats { address: String },
    /// The claim accounting of one contribution.
    #[returns(sum_common::incentive::ClaimState)]
    Claims { id: u64 },
    /// Configuration and global statistics.
    #[returns(ConfigResponse)]
    Config {},
}

#[cw_serde]
pub struct ConfigResponse {
    pub trainer: Addr,
    pub denom: String,
    pub cost_weight: Uint256,
    pub refund_wait: u64,
    pub owner_claim_wait: u64,
    pub any_address_claim_wait: u64,
    /// Block time (seconds) of the last accepted addition, or of instantiation.
    pub last_update: u64,
    /// Refunded good contributions over all contributors.
    pub total_good: u64,
}
