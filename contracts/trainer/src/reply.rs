//! Replies to the trainer's instantiation submessages: each component's address.

use cosmwasm_std::{DepsMut, Reply, Response};
use sum_common::data_handler::DataHandlerContract;
use sum_common::incentive::IncentiveContract;
use sum_common::model::ModelContract;
use sum_common::reply::instantiated_address;

use crate::error::ContractError;
use crate::state::{DATA_HANDLER, INCENTIVE, MODEL};

pub const INSTANTIATE_DATA_HANDLER: u64 = 1;
pub const INSTANTIATE_MODEL: u64 = 2;
pub const INSTANTIATE_INCENTIVE: u64 = 3;

pub fn handle_reply(deps: DepsMut, reply: Reply) -> Result<Response, ContractError> {
    let address = instantiated_address(&reply)?;
    let name = match reply.id {
        INSTANTIATE_DATA_HANDLER => {
            DATA_HANDLER.save(deps.storage, &DataHandlerContract(address.clone()))?;
            "data_handler"
        }
        INSTANTIATE_MODEL => {
            MODEL.save(deps.storage, &ModelContract(address.clone()))?;
            "model"
        }
        INSTANTIATE_INCENTIVE => {
            INCENTIVE.save(deps.storage, &IncentiveContract(address.clone()))?;
            "incentive"
        }
        id => return Err(ContractError::UnknownReply { id }),
    };
    Ok(Response::new().add_attribute(name, address))
}
