//! Benchmark helper, not part of SUM. A client's smart query is free and the chain reports
//! no gas for it; run inside a transaction it is metered like any other work. The gas of
//! `query` minus the gas of `nothing` is the gas of the query itself.

use cosmwasm_schema::cw_serde;
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    to_json_vec, Binary, ContractResult, Deps, DepsMut, Empty, Env, MessageInfo, QueryRequest,
    Response, StdError, StdResult, SystemResult, WasmQuery,
};

#[cw_serde]
pub enum ExecuteMsg {
    /// Runs the smart query `msg` on `contract` and discards the answer.
    Query { contract: String, msg: Binary },
    /// Does nothing: the baseline.
    Nothing {},
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    _deps: DepsMut,
    _env: Env,
    _info: MessageInfo,
    _msg: Empty,
) -> StdResult<Response> {
    Ok(Response::new())
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    _env: Env,
    _info: MessageInfo,
    msg: ExecuteMsg,
) -> StdResult<Response> {
    match msg {
        ExecuteMsg::Query { contract, msg } => {
            let request: QueryRequest<Empty> = QueryRequest::Wasm(WasmQuery::Smart {
                contract_addr: contract,
                msg,
            });
            match deps.querier.raw_query(&to_json_vec(&request)?) {
                SystemResult::Ok(ContractResult::Ok(answer)) => {
                    Ok(Response::new().add_attribute("answer_bytes", answer.len().to_string()))
                }
                SystemResult::Ok(ContractResult::Err(err)) => Err(StdError::msg(err)),
                SystemResult::Err(err) => Err(StdError::msg(err.to_string())),
            }
        }
        ExecuteMsg::Nothing {} => Ok(Response::new()),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(_deps: Deps, _env: Env, _msg: Empty) -> StdResult<Binary> {
    Ok(Binary::default())
}
