use cosmwasm_schema::cw_serde;

pub use sum_common::model::ModelQueryMsg as QueryMsg;
use sum_common::Features;

/// The instantiating address controls the model: a trainer that instantiates it, or an owner
/// who completes it with `extend` and then hands it over to a trainer.
#[cw_serde]
pub struct InstantiateMsg {
    /// The two class names: index 0 and index 1.
    pub classes: Vec<String>,
    /// Initial weights (×10^9); their number is the model's dimension.
    pub weights: Vec<i64>,
    /// Initial intercept (×10^9).
    pub intercept: i64,
    /// Learning rate (×10^9), positive.
    pub learning_rate: i64,
    /// Whether updates move the intercept (default true).
    pub learn_intercept: Option<bool>,
}

#[cw_serde]
pub enum ExecuteMsg {
    /// Train on one sample with its class index (trainer only).
    Update { data: Features, classification: u32 },
    /// Append weights (×10^9), growing the dimension (controller only, before the hand-over).
    Extend { weights: Vec<i64> },
    /// Give control to the trainer for good; ends the extension phase.
    HandOver { trainer: String },
}

#[cw_serde]
pub struct MigrateMsg {}
