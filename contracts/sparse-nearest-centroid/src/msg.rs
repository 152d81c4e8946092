use cosmwasm_schema::cw_serde;

/// A class with its centroid.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub struct ClassInit {
    pub name: String,
    /// Non-zero centroid values (×10^9, at most 10^9) as `[feature index, value]`, each
    /// index once; absent ones are 0.
    pub centroid: Vec<(u32, u64)>,
    /// How many samples the centroid stands for (0: the class predicts nothing until
    /// trained, and has no values).
    pub count: u64,
}

/// The instantiating address controls the model: a trainer that instantiates it, or an owner
/// who sets classes and centroid values in chunks and then hands it over to a trainer.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub struct InstantiateMsg {
    /// At least one class, names distinct.
    pub classes: Vec<ClassInit>,
}

/// This model's own messages (controller only, before the hand-over).
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub enum ExtensionMsg {
    /// Add the class of this name, or set more of its centroid values (its count must stay).
    SetClass { class: ClassInit },
}

pub type ExecuteMsg = sum_common::model::ModelExecuteMsg<ExtensionMsg>;
pub use sum_common::model::ModelQueryMsg as QueryMsg;
