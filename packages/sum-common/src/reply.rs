//! Reading submessage replies the way wasmd and cw-multi-test deliver them.

use cosmwasm_std::{from_json, Addr, Reply, StdError, StdResult, SubMsgResult};
use cw_utils::{parse_execute_response_data, parse_instantiate_response_data};
use serde::de::DeserializeOwned;

fn first_response(reply: &Reply) -> StdResult<&[u8]> {
    match &reply.result {
        SubMsgResult::Ok(response) => response
            .msg_responses
            .first()
            .map(|r| r.value.as_slice())
            .ok_or_else(|| {
                StdError::msg(format!("reply {} carries no message response", reply.id))
            }),
        SubMsgResult::Err(err) => Err(StdError::msg(err)),
    }
}

/// The address of the contract instantiated by the replied submessage.
pub fn instantiated_address(reply: &Reply) -> StdResult<Addr> {
    let data = parse_instantiate_response_data(first_response(reply)?)?;
    Ok(Addr::unchecked(data.contract_address))
}

/// The JSON data the contract executed by the replied submessage answered, if any.
pub fn execute_data<T: DeserializeOwned>(reply: &Reply) -> StdResult<Option<T>> {
    let data = parse_execute_response_data(first_response(reply)?)?.data;
    data.map(from_json).transpose()
}
