use cosmwasm_schema::cw_serde;

pub use sum_common::model::ModelQueryMsg as QueryMsg;
use sum_common::Features;

/// A class with its initial centroid.
#[cw_serde]
pub struct ClassInit {
    pub name: String,
    /// Non-zero centroid values (×10^9) as `[feature index, value]`; absent ones are 0.
    pub centroid: Vec<(u32, u64)>,
    /// How many samples the centroid stands for (0: the class predicts nothing until trained).
    pub count: u64,
}

/// The instantiating address controls the model: a trainer that instantiates it, or an owner
/// who adds classes and centroid values in chunks and then hands it over to a trainer.
#[cw_serde]
pub struct InstantiateMsg {
    pub classes: Vec<ClassInit>,
}

#[cw_serde]
pub enum ExecuteMsg {
    /// Train on one sample: strictly increasing feature indices (trainer only).
    Update { data: Features, classification: u32 },
    /// Add a class (controller only, before the hand-over).
    AddClass { class: ClassInit },
    /// Add more centroid values to a class, as `[feature index, value]` (controller only,
    /// before the hand-over).
    Extend {
        class: u32,
        centroid: Vec<(u32, u64)>,
    },
    /// Give control to the trainer for good; ends the extension phase.
    HandOver { trainer: String },
}

#[cw_serde]
pub struct MigrateMsg {}
