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
    /// Whether the components have no Wasm admin.
    pub immutable: bool,
}

pub const CONFIG: Item<Config> = Item::new("config");

/// The address ownership was offered to, until it accepts.
pub const PENDING_OWNER: Item<Addr> = Item::new("pending_owner");

/// The id the next contribution gets.
pub const NEXT_ID: Item<u64> = Item::new("next_id");

/// Component addresses, each recorded from its instantiation reply.
pub const DATA_HANDLER: Item<DataHandlerContract> = Item::new("data_handler");
pub const MODEL: Item<ModelContract> = Item::new("model");
pub const INCENTIVE: Item<IncentiveContract> = Item::new("incentive");
