use cosmwasm_schema::cw_serde;

pub use sum_common::model::ModelQueryMsg as QueryMsg;
use sum_common::Features;

/// A class with its initial centroid.
#[cw_serde]
pub struct ClassInit {
    pub name: String,
    /// The centroid (×10^9), one value per dimension.
    pub centroid: Vec<i64>,
    /// How many samples the centroid stands for (0: the class predicts nothing until trained).
    pub count: u64,
}

/// The instantiating address controls the model: a trainer that instantiates it, or an owner
/// who adds classes in chunks and then hands it over to a trainer.
#[cw_serde]
pub struct InstantiateMsg {
    /// Number of features.
    pub dimension: u32,
    pub classes: Vec<ClassInit>,
}

#[cw_serde]
pub enum ExecuteMsg {
    /// Train on one sample with its class index (trainer only).
    Update { data: Features, classification: u32 },
    /// Add a class (controller only, before the hand-over).
    AddClass { class: ClassInit },
    /// Give control to the trainer for good; ends the extension phase.
    HandOver { trainer: String },
}

#[cw_serde]
pub struct MigrateMsg {}
