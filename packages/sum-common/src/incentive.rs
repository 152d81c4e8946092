//! The interface every incentive mechanism implements, and a typed helper to call it.
//!
//! A mechanism prices additions, holds the funds and keeps the claim accounting of every
//! contribution beside them (initial deposit, what is still claimable, who claimed), so its
//! funds invariant is local to one contract.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{
    to_json_binary, Addr, Binary, Coin, CosmosMsg, QuerierWrapper, StdResult, Uint256, WasmMsg,
};

use sum_rules::claim::ClaimFacts;
pub use sum_rules::claim::ClaimerRole;

/// What the mechanism needs, beside its own records, to judge a claim on a contribution.
#[cw_serde]
pub struct ClaimRequest {
    pub contribution_id: u64,
    pub contributor: Addr,
    /// Who asks to be paid.
    pub claimer: Addr,
    /// The claimer's role, as the trainer sees it.
    pub role: ClaimerRole,
    pub classification: u32,
    /// The model's current prediction for the contribution's features.
    pub prediction: u32,
    /// Block time (seconds) at which the contribution was added.
    pub added_at: u64,
}

impl ClaimRequest {
    /// The facts the mechanisms' claim rules judge.
    pub fn facts(&self) -> ClaimFacts {
        ClaimFacts {
            contribution_id: self.contribution_id,
            claimer: self.claimer.to_string(),
            role: self.role.clone(),
            classification: self.classification,
            prediction: self.prediction,
            added_at: self.added_at,
        }
    }
}

/// Execute messages every mechanism accepts, only from its trainer.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub enum IncentiveExecuteMsg {
    /// Accept contribution `contribution_id`; the attached funds must equal
    /// `next_add_data_cost`.
    AddData {
        contribution_id: u64,
        contributor: Addr,
    },
    /// The contributor asks for their deposit back.
    Refund { claim: ClaimRequest },
    /// Another address reports a contribution.
    Report { claim: ClaimRequest },
    /// The mechanism's own message (JSON), sent to the trainer by `sender` with funds;
    /// `model` is the stack's model. May answer `ExtensionResponse` as data.
    Extension {
        sender: Addr,
        model: Addr,
        msg: Binary,
    },
    /// The model has just been trained on this contribution, as the mechanism asked in an
    /// `ExtensionResponse` (a mechanism that defers training scores it now).
    Trained { contribution_id: u64, model: Addr },
}

/// The data a mechanism may answer to `extension`: contributions the trainer must now
/// train the model on, in this order, sending `trained` after each.
#[cw_serde]
pub struct ExtensionResponse {
    pub train: Vec<u64>,
}

/// Queries every mechanism answers.
#[cw_serde]
#[derive(QueryResponses)]
pub enum IncentiveQueryMsg {
    /// What adding data costs now, and whether the model trains on it at once.
    #[returns(AddDataCostResponse)]
    NextAddDataCost {},
    /// One contributor's statistics.
    #[returns(ContributorStatsResponse)]
    ContributorStats { address: String },
    /// The claim accounting of one contribution.
    #[returns(ClaimState)]
    Claims { id: u64 },
}

#[cw_serde]
pub struct AddDataCostResponse {
    pub cost: Coin,
    /// Whether the model trains on an added sample now (a prediction market collects
    /// data first and trains later).
    pub trains_model: bool,
}

#[cw_serde]
pub struct ContributorStatsResponse {
    /// Contributions of this address that were refunded as good.
    pub num_valid: u64,
}

/// A contribution's claim accounting.
#[cw_serde]
pub struct ClaimState {
    pub initial_deposit: Uint256,
    /// What refunds and reports can still take.
    pub claimable: Uint256,
    /// Every address that has claimed from it, in order.
    pub claimed_by: Vec<Addr>,
}

/// An incentive mechanism's address, with typed messages and queries.
#[cw_serde]
pub struct IncentiveContract(pub Addr);

impl IncentiveContract {
    /// A message to the mechanism with funds.
    pub fn execute(&self, msg: &IncentiveExecuteMsg, funds: Vec<Coin>) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(msg)?,
            funds,
        }
        .into())
    }

    /// Hands a contribution's deposit to the mechanism.
    pub fn add_data(
        &self,
        contribution_id: u64,
        contributor: Addr,
        deposit: Coin,
    ) -> StdResult<CosmosMsg> {
        let funds = if deposit.amount.is_zero() {
            vec![]
        } else {
            vec![deposit]
        };
        let msg = IncentiveExecuteMsg::AddData {
            contribution_id,
            contributor,
        };
        self.execute(&msg, funds)
    }

    /// Tells the mechanism the model was trained on a contribution it asked for.
    pub fn trained(&self, contribution_id: u64, model: Addr) -> StdResult<CosmosMsg> {
        self.execute(
            &IncentiveExecuteMsg::Trained {
                contribution_id,
                model,
            },
            vec![],
        )
    }

    pub fn next_add_data_cost(&self, querier: &QuerierWrapper) -> StdResult<AddDataCostResponse> {
        querier.query_wasm_smart(&self.0, &IncentiveQueryMsg::NextAddDataCost {})
    }

    pub fn claims(&self, querier: &QuerierWrapper, id: u64) -> StdResult<ClaimState> {
        querier.query_wasm_smart(&self.0, &IncentiveQueryMsg::Claims { id })
    }
}
