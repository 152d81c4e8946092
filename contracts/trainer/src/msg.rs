use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Binary};
use sum_common::{Encoder, Features};

/// How the trainer instantiates one of its components.
#[cw_serde]
pub struct ComponentInstantiation {
    /// Code id of the component's stored Wasm.
    pub code_id: u64,
    /// The component's own instantiate message.
    pub msg: Binary,
    pub label: String,
}

/// Where the trainer's model comes from.
#[cw_serde]
pub enum ModelSource {
    /// Instantiate a new model, which the trainer then controls.
    Instantiate(ComponentInstantiation),
    /// Use a model its owner deployed and completed in chunks (`extend`); the owner must then
    /// `hand_over` the model to this trainer before data can be added.
    Existing { address: String },
}

#[cw_serde]
pub struct InstantiateMsg {
    pub name: String,
    pub description: String,
    /// How clients turn raw input into features.
    pub encoder: Encoder,
    /// Owner for admin actions and the owner's claims; defaults to the sender.
    pub owner: Option<String>,
    pub data_handler: ComponentInstantiation,
    pub model: ModelSource,
    pub incentive: ComponentInstantiation,
}

#[cw_serde]
pub enum ExecuteMsg {
    /// Add a training sample; attach at least `next_add_data_cost` (the excess is returned).
    AddData { data: Features, classification: u32 },
    /// As the contributor, get back what is left of your deposit once the model agrees.
    Refund { id: u64 },
    /// Take (part of) the deposit of another's contribution the model disagrees with.
    Report { id: u64 },
    /// Hand ownership to another address (owner only).
    UpdateOwner { owner: String },
}

#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// Name, description, encoder, owner and component addresses.
    #[returns(InfoResponse)]
    Info {},
    /// The model's prediction for one sample (free).
    #[returns(sum_common::model::PredictionResponse)]
    Predict { data: Features },
    /// The deposit required to add data now.
    #[returns(sum_common::incentive::AddDataCostResponse)]
    NextAddDataCost {},
    /// One stored contribution.
    #[returns(sum_common::data_handler::Contribution)]
    Contribution { id: u64 },
}

#[cw_serde]
pub struct InfoResponse {
    pub name: String,
    pub description: String,
    pub encoder: Encoder,
    pub owner: Addr,
    pub data_handler: Addr,
    pub model: Addr,
    pub incentive: Addr,
}

#[cw_serde]
pub struct MigrateMsg {}
