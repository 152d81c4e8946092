use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, HexBinary, Uint256};
use sum_rules::market::{Market, MarketConfig, Sample, Standing};

pub use sum_common::incentive::IncentiveExecuteMsg as ExecuteMsg;

/// The instantiating address (normally the trainer) becomes the only caller.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub struct InstantiateMsg {
    /// The denom of the bounty and the stakes.
    pub denom: String,
    /// The stake of every contribution (positive).
    pub min_stake: Uint256,
    /// Seconds the provider has for each reveal.
    pub reveal_wait: u64,
    /// Seconds contributors have to withdraw once rewards are settled.
    pub any_address_claim_wait: u64,
    /// The most contributions one reward batch may process (bounds its gas).
    pub max_batch: u32,
}

/// The market's own messages, sent through the trainer's `incentive_extension`.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub enum MarketMsg {
    /// Open the market with the bounty attached (the sender becomes the provider): the
    /// commitments (sha256, hex) to 2–64 test-set pieces, the least number of seconds
    /// participation lasts, and the least number of contributions that ends it sooner.
    Open {
        commitments: Vec<HexBinary>,
        min_duration: u64,
        min_contributions: u64,
    },
    /// Reveal piece `index` with the salt of its commitment (provider only): first the
    /// drawn piece (participation starts), after the end all the others.
    Reveal {
        index: u32,
        salt: HexBinary,
        samples: Vec<Sample>,
    },
    /// End participation (anyone), once the minimum duration or count is reached.
    End {},
    /// Apply and score the next contributions, at most `limit` (anyone, after the reveal).
    Process { limit: u32 },
    /// After a missed reveal deadline (anyone): cancels a market whose first piece was not
    /// revealed, or forfeits the bounty to the contributors.
    Expire {},
    /// Pay the sender what it is entitled to (once, within the claim window).
    Withdraw {},
    /// Pay the provider what is left, after the claim window.
    Reclaim {},
}

/// The common mechanism queries plus the market's own.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// The stake, during participation; the model trains later.
    #[returns(sum_common::incentive::AddDataCostResponse)]
    NextAddDataCost {},
    /// One contributor's statistics (`num_valid`: contributions that raised the accuracy).
    #[returns(sum_common::incentive::ContributorStatsResponse)]
    ContributorStats { address: String },
    /// One contribution's stake (the market settles per contributor: see `standing`).
    #[returns(sum_common::incentive::ClaimState)]
    Claims { id: u64 },
    /// The configuration and the market's state.
    #[returns(MarketResponse)]
    Market {},
    /// One contributor's account and what it may withdraw once settled.
    #[returns(StandingResponse)]
    Standing { address: String },
    /// A revealed test-set piece.
    #[returns(Option<Vec<Sample>>)]
    Piece { index: u32 },
}

#[cw_serde]
pub struct MarketResponse {
    pub trainer: Addr,
    pub denom: String,
    pub config: MarketConfig,
    /// `None` until opened.
    pub market: Option<Market>,
}

#[cw_serde]
pub struct StandingResponse {
    pub standing: Standing,
    /// What it may withdraw, once the market is settled.
    pub entitlement: Option<Uint256>,
}
