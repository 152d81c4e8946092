use cosmwasm_schema::cw_serde;
use cosmwasm_std::Addr;
use cw_storage_plus::Item;
use sum_common::data_handler::DataHandlerContract;
use sum_common::incentive::IncentiveContract;
use sum_common::model::ModelContract;
use sum_common::Encoder;

#[cw_serde]
pub struct Config {
    pub name: String,
    pub description: String,
    pub encoder: Encoder,
    pub owner: Addr,
}

pub const CONFIG: Item<Config> = Item::new("config");

/// Component addresses, each recorded from its instantiation reply.
pub const DATA_HANDLER: Item<DataHandlerContract> = Item::new("data_handler");
pub const MODEL: Item<ModelContract> = Item::new("model");
pub const INCENTIVE: Item<IncentiveContract> = Item::new("incentive");
