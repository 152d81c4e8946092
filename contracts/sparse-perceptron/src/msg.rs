use cosmwasm_schema::cw_serde;

/// The instantiating address controls the model: a trainer that instantiates it, or an owner
/// who completes it with `set_weights` chunks and then hands it over to a trainer.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
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
    /// Whether a zero margin on a class-0 sample also trains, as scikit-learn's
    /// `Perceptron` does (default false).
    pub update_on_zero_margin: Option<bool>,
    /// Whether to predict with the mean of the weights over the updates, an averaged
    /// perceptron that flipped labels pull far less (default false).
    pub averaged: Option<bool>,
}

/// This model's own messages (controller only, before the hand-over).
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub enum ExtensionMsg {
    /// Set weights (×10^9) as `[feature index, weight]`, each index once.
    SetWeights { weights: Vec<(u32, i64)> },
}

pub type ExecuteMsg = sum_common::model::ModelExecuteMsg<ExtensionMsg>;
pub use sum_common::model::ModelQueryMsg as QueryMsg;
