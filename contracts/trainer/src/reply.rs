//! Replies to the trainer's submessages: component addresses at instantiation, the new
//! contribution id after add data, and the amount paid after a refund or report.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{from_json, to_json_binary, Addr, Binary, DepsMut, Reply, Response, StdResult};
use sum_common::data_handler::{AddContributionResponse, DataHandlerContract};
use sum_common::incentive::{ClaimResponse, IncentiveContract};
use sum_common::model::ModelContract;
use sum_common::reply::{execute_data, instantiated_address};

use crate::error::ContractError;
use crate::state::{DATA_HANDLER, INCENTIVE, MODEL};

pub const INSTANTIATE_DATA_HANDLER: u64 = 1;
pub const INSTANTIATE_MODEL: u64 = 2;
pub const INSTANTIATE_INCENTIVE: u64 = 3;
pub const ADD_CONTRIBUTION: u64 = 4;
pub const CLAIM: u64 = 5;

/// What a claim's reply needs to record it, carried as the submessage payload.
#[cw_serde]
pub struct ClaimPayload {
    pub id: u64,
    pub claimer: Addr,
}

impl ClaimPayload {
    pub fn encode(&self) -> StdResult<Binary> {
        to_json_binary(self)
    }
}

pub fn handle_reply(deps: DepsMut, reply: Reply) -> Result<Response, ContractError> {
    match reply.id {
        INSTANTIATE_DATA_HANDLER => {
            let address = instantiated_address(&reply)?;
            DATA_HANDLER.save(deps.storage, &DataHandlerContract(address.clone()))?;
            Ok(Response::new().add_attribute("data_handler", address))
        }
        INSTANTIATE_MODEL => {
            let address = instantiated_address(&reply)?;
            MODEL.save(deps.storage, &ModelContract(address.clone()))?;
            Ok(Response::new().add_attribute("model", address))
        }
        INSTANTIATE_INCENTIVE => {
            let address = instantiated_address(&reply)?;
            INCENTIVE.save(deps.storage, &IncentiveContract(address.clone()))?;
            Ok(Response::new().add_attribute("incentive", address))
        }
        ADD_CONTRIBUTION => {
            let added: AddContributionResponse = execute_data(&reply)?;
            Ok(Response::new()
                .set_data(to_json_binary(&added)?)
                .add_attribute("contribution_id", added.id.to_string()))
        }
        CLAIM => {
            let payload: ClaimPayload = from_json(&reply.payload)?;
            let paid: ClaimResponse = execute_data(&reply)?;
            let record = DATA_HANDLER.load(deps.storage)?.record_claim(
                payload.id,
                payload.claimer,
                paid.amount,
            )?;
            Ok(Response::new()
                .add_message(record)
                .set_data(to_json_binary(&paid)?)
                .add_attribute("amount", paid.amount.to_string()))
        }
        id => Err(ContractError::UnknownReply { id }),
    }
}
