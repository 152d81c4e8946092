use cosmwasm_schema::cw_serde;

pub use sum_common::model::ModelQueryMsg as QueryMsg;
use sum_common::Features;

/// Counts of one class: samples seen and occurrences per feature index.
#[cw_serde]
pub struct ClassCounts {
    pub num_samples: u64,
    /// `[feature index, count]` pairs.
    pub feature_counts: Vec<(u32, u64)>,
}

/// A class of the model with its initial counts.
#[cw_serde]
pub struct ClassInit {
    pub name: String,
    pub counts: ClassCounts,
}

/// The instantiating address controls the model: a trainer that instantiates it, or an owner
/// who completes it with `extend`/`add_class` and then hands it over to a trainer.
#[cw_serde]
pub struct InstantiateMsg {
    pub classes: Vec<ClassInit>,
    /// Additive smoothing α (×10^9; 10^9 is Laplace smoothing), positive.
    pub smoothing: u64,
    /// V, the vocabulary size used in the smoothing denominator, positive.
    pub vocabulary_size: u64,
}

#[cw_serde]
pub enum ExecuteMsg {
    /// Train on one sample: indices may repeat, each occurrence counts (trainer only).
    Update { data: Features, classification: u32 },
    /// Add counts to a class (controller only, before the hand-over).
    Extend { class: u32, counts: ClassCounts },
    /// Add a class with no samples yet (controller only, before the hand-over).
    AddClass { name: String },
    /// Give control to the trainer for good; ends the extension phase.
    HandOver { trainer: String },
}

#[cw_serde]
pub struct MigrateMsg {}
