use cosmwasm_schema::cw_serde;

pub use sum_common::model::{ModelExecuteMsg as ExecuteMsg, ModelQueryMsg as QueryMsg};

/// The instantiating address (normally the trainer) becomes the only one allowed to update.
#[cw_serde]
pub struct InstantiateMsg {
    /// The two class names: index 0 and index 1.
    pub classes: Vec<String>,
    /// Initial non-zero weights (×10^9) as `[feature index, weight]`; absent ones are 0.
    pub weights: Vec<(u32, i64)>,
    /// Initial intercept (×10^9).
    pub intercept: i64,
    /// Learning rate (×10^9), positive.
    pub learning_rate: i64,
    /// Whether updates move the intercept (default true).
    pub learn_intercept: Option<bool>,
}

#[cw_serde]
pub struct MigrateMsg {}
