//! Replies to the trainer's submessages: each component's address at instantiation; the
//! contributions a mechanism asks the model to train on; a training it asked for that the
//! model refused (skipped, so one bad sample cannot block the rest).

use cosmwasm_std::{DepsMut, Reply, Response, StdError, SubMsg, SubMsgResult};
use sum_common::data_handler::DataHandlerContract;
use sum_common::incentive::{ExtensionResponse, IncentiveContract};
use sum_common::model::ModelContract;
use sum_common::reply::{execute_data, instantiated_address};

use crate::error::ContractError;
use crate::state::{DATA_HANDLER, INCENTIVE, MODEL};

pub const INSTANTIATE_DATA_HANDLER: u64 = 1;
pub const INSTANTIATE_MODEL: u64 = 2;
pub const INSTANTIATE_INCENTIVE: u64 = 3;
pub const EXTENSION: u64 = 4;
pub const SKIPPED_UPDATE: u64 = 5;

pub fn handle_reply(deps: DepsMut, reply: Reply) -> Result<Response, ContractError> {
    match reply.id {
        EXTENSION => train_as_asked(deps, &reply),
        SKIPPED_UPDATE => match reply.result {
            SubMsgResult::Err(err) => Ok(Response::new().add_attribute("skipped_update", err)),
            SubMsgResult::Ok(_) => Err(StdError::msg("a skipped update succeeded").into()),
        },
        _ => record_component(deps, reply),
    }
}

/// Trains the model on the contributions the mechanism asked for, in order, telling the
/// mechanism after each. A contribution the model refuses is skipped, not fatal.
fn train_as_asked(deps: DepsMut, reply: &Reply) -> Result<Response, ContractError> {
    let Some(asked) = execute_data::<ExtensionResponse>(reply)? else {
        return Ok(Response::new());
    };
    let (data_handler, model) = (DATA_HANDLER.load(deps.storage)?, MODEL.load(deps.storage)?);
    let incentive = INCENTIVE.load(deps.storage)?;
    let mut response = Response::new().add_attribute("trained", asked.train.len().to_string());
    for id in asked.train {
        let contribution = data_handler.contribution(&deps.querier, id)?;
        let update = model.update(contribution.data, contribution.classification)?;
        response = response
            .add_submessage(SubMsg::reply_on_error(update, SKIPPED_UPDATE))
            .add_message(incentive.trained(id, model.0.clone())?);
    }
    Ok(response)
}

fn record_component(deps: DepsMut, reply: Reply) -> Result<Response, ContractError> {
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
