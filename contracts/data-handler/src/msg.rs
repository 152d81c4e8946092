use cosmwasm_schema::cw_serde;

pub use sum_common::data_handler::{
    DataHandlerExecuteMsg as ExecuteMsg, DataHandlerQueryMsg as QueryMsg,
};

/// The instantiating address (the trainer) becomes the only writer.
#[cw_serde]
pub struct InstantiateMsg {}

#[cw_serde]
pub struct MigrateMsg {}
