use cosmwasm_schema::cw_serde;

/// Counts of one class: samples seen and occurrences per feature index.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub struct ClassCounts {
    pub num_samples: u64,
    /// `[feature index, count]` pairs, each index once.
    pub feature_counts: Vec<(u32, u64)>,
}

/// A class of the model with its initial counts.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub struct ClassInit {
    pub name: String,
    pub counts: ClassCounts,
}

/// The instantiating address controls the model: a trainer that instantiates it, or an owner
/// who completes it with `set_counts`/`add_class` chunks and then hands it over to a trainer.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub struct InstantiateMsg {
    /// At least one class, names distinct.
    pub classes: Vec<ClassInit>,
    /// Additive smoothing α (×10^9; 10^9 is Laplace smoothing), positive.
    pub smoothing: u64,
    /// V, the vocabulary size used in the smoothing denominator, positive.
    pub vocabulary_size: u64,
}

/// This model's own messages (controller only, before the hand-over).
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub enum ExtensionMsg {
    /// Set a class's sample count and the counts of the listed features (its total follows).
    SetCounts { class: u32, counts: ClassCounts },
    /// Add a class with no samples yet; a class of that name already there is left as it is.
    AddClass { name: String },
}

pub type ExecuteMsg = sum_common::model::ModelExecuteMsg<ExtensionMsg>;
pub use sum_common::model::ModelQueryMsg as QueryMsg;
