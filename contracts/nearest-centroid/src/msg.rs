use cosmwasm_schema::cw_serde;

/// A class with its centroid.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub struct ClassInit {
    pub name: String,
    /// The centroid (×10^9), one value per dimension, each at most 1000 (×10^9) in magnitude.
    pub centroid: Vec<i64>,
    /// How many samples the centroid stands for (0: the class predicts nothing until trained).
    pub count: u64,
}

/// The instantiating address controls the model: a trainer that instantiates it, or an owner
/// who sets classes in chunks and then hands it over to a trainer.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub struct InstantiateMsg {
    /// Number of features (1 to 4096).
    pub dimension: u32,
    /// At least one class, names distinct.
    pub classes: Vec<ClassInit>,
}

/// This model's own messages (controller only, before the hand-over).
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub enum ExtensionMsg {
    /// Set the class of this name (replacing its centroid and count), or add it.
    SetClass { class: ClassInit },
}

pub type ExecuteMsg = sum_common::model::ModelExecuteMsg<ExtensionMsg>;
pub use sum_common::model::ModelQueryMsg as QueryMsg;
