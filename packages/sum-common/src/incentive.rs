//! The interface every incentive mechanism implements (SPEC §4), and a typed helper to call it.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{
    to_json_binary, Addr, Coin, CosmosMsg, QuerierWrapper, StdResult, Uint256, WasmMsg,
};

/// What the mechanism needs to judge a refund or a report of one contribution.
#[cw_serde]
pub struct ClaimRequest {
    pub contribution_id: u64,
    pub contributor: Addr,
    /// Who asks to be paid: the contributor for a refund, the reporter for a report.
    pub claimer: Addr,
    pub classification: u32,
    /// The model's current prediction for the contribution's features.
    pub prediction: u32,
    /// Block time (seconds) at which the contribution was added.
    pub added_at: u64,
    pub initial_deposit: Uint256,
    pub claimable: Uint256,
    /// Whether `claimer` has already claimed from this contribution.
    pub already_claimed: bool,
}

/// Execute messages every mechanism accepts, only from its trainer.
#[cw_serde]
pub enum IncentiveExecuteMsg {
    /// Accept a contribution; the attached funds must equal `next_add_data_cost`.
    AddData { contributor: Addr },
    /// The contributor asks for their deposit back; pays and answers `ClaimResponse` as data.
    Refund { claim: ClaimRequest },
    /// Another address reports a contribution; pays and answers `ClaimResponse` as data.
    Report {
        claim: ClaimRequest,
        /// Whether the reporter is the trainer's owner.
        reporter_is_owner: bool,
    },
}

/// Queries every mechanism answers.
#[cw_serde]
#[derive(QueryResponses)]
pub enum IncentiveQueryMsg {
    /// The deposit required to add data now.
    #[returns(AddDataCostResponse)]
    NextAddDataCost {},
    /// One contributor's statistics.
    #[returns(ContributorStatsResponse)]
    ContributorStats { address: String },
}

#[cw_serde]
pub struct AddDataCostResponse {
    pub cost: Coin,
}

#[cw_serde]
pub struct ContributorStatsResponse {
    /// Contributions of this address that were refunded as good.
    pub num_valid: u64,
}

/// The data a mechanism returns from `refund` and `report`.
#[cw_serde]
pub struct ClaimResponse {
    /// What was paid to the claimer.
    pub amount: Uint256,
}

/// An incentive mechanism's address, with typed messages and queries.
#[cw_serde]
pub struct IncentiveContract(pub Addr);

impl IncentiveContract {
    fn execute(&self, msg: &IncentiveExecuteMsg, funds: Vec<Coin>) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(msg)?,
            funds,
        }
        .into())
    }

    /// Hands a contribution's deposit to the mechanism.
    pub fn add_data(&self, contributor: Addr, deposit: Coin) -> StdResult<CosmosMsg> {
        let funds = if deposit.amount.is_zero() {
            vec![]
        } else {
            vec![deposit]
        };
        self.execute(&IncentiveExecuteMsg::AddData { contributor }, funds)
    }

    pub fn refund(&self, claim: ClaimRequest) -> StdResult<CosmosMsg> {
        self.execute(&IncentiveExecuteMsg::Refund { claim }, vec![])
    }

    pub fn report(&self, claim: ClaimRequest, reporter_is_owner: bool) -> StdResult<CosmosMsg> {
        self.execute(
            &IncentiveExecuteMsg::Report {
                claim,
                reporter_is_owner,
            },
            vec![],
        )
    }

    pub fn next_add_data_cost(&self, querier: &QuerierWrapper) -> StdResult<Coin> {
        let response: AddDataCostResponse =
            querier.query_wasm_smart(&self.0, &IncentiveQueryMsg::NextAddDataCost {})?;
        Ok(response.cost)
    }
}
