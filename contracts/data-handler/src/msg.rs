use cosmwasm_schema::cw_serde;

pub use sum_common::data_handler::{
    DataHandlerExecuteMsg as ExecuteMsg, DataHandlerQueryMsg as QueryMsg,
};

/// The instantiating address (the trainer) becomes the only writer.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub struct InstantiateMsg {}
