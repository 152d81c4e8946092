//! Messages of the data handler, the contribution record, and a typed helper.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, QuerierWrapper, StdResult, WasmMsg};

use crate::Features;

/// One stored training sample.
#[cw_serde]
pub struct Contribution {
    pub contributor: Addr,
    pub data: Features,
    pub classification: u32,
    /// Block time (seconds) at which it was added.
    pub added_at: u64,
}

/// Execute messages of the data handler, accepted only from its trainer.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub enum DataHandlerExecuteMsg {
    /// Store a new contribution under the id the trainer assigned.
    AddContribution {
        id: u64,
        contributor: Addr,
        data: Features,
        classification: u32,
    },
}

/// Queries of the data handler.
#[cw_serde]
#[derive(QueryResponses)]
pub enum DataHandlerQueryMsg {
    /// One contribution by id.
    #[returns(Contribution)]
    Contribution { id: u64 },
    /// All contributions in id order, paginated (for export and retraining elsewhere).
    #[returns(ContributionsResponse)]
    Contributions {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// One contributor's contributions in id order, paginated.
    #[returns(ContributionsResponse)]
    ContributionsByContributor {
        contributor: String,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// How many contributions there are, in all and (if named) by one contributor.
    #[returns(CountsResponse)]
    Counts { contributor: Option<String> },
}

#[cw_serde]
pub struct ContributionWithId {
    pub id: u64,
    pub contribution: Contribution,
}

#[cw_serde]
pub struct ContributionsResponse {
    pub contributions: Vec<ContributionWithId>,
}

#[cw_serde]
pub struct CountsResponse {
    pub total: u64,
    /// Contributions by the named contributor, when one was named.
    pub by_contributor: Option<u64>,
}

/// The data handler's address, with typed messages and queries.
#[cw_serde]
pub struct DataHandlerContract(pub Addr);

impl DataHandlerContract {
    pub fn add_contribution(
        &self,
        id: u64,
        contributor: Addr,
        data: Features,
        classification: u32,
    ) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(&DataHandlerExecuteMsg::AddContribution {
                id,
                contributor,
                data,
                classification,
            })?,
            funds: vec![],
        }
        .into())
    }

    pub fn contribution(&self, querier: &QuerierWrapper, id: u64) -> StdResult<Contribution> {
        querier.query_wasm_smart(&self.0, &DataHandlerQueryMsg::Contribution { id })
    }
}
