use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Binary};
use sum_common::data_handler::Contribution;
use sum_common::incentive::ClaimState;
use sum_common::{Encoder, Features};

/// How the trainer instantiates one of its components.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub struct ComponentInstantiation {
    /// Code id of the component's stored Wasm.
    pub code_id: u64,
    /// The component's own instantiate message.
    pub msg: Binary,
    pub label: String,
}

/// Where the trainer's model comes from.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub enum ModelSource {
    /// Instantiate a new model, which the trainer then controls.
    Instantiate(ComponentInstantiation),
    /// Use a model its owner deployed (without a Wasm admin) and completed in chunks; the
    /// owner must then `hand_over` the model to this trainer before data can be added.
    Existing { address: String },
}

#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub struct InstantiateMsg {
    pub name: String,
    pub description: String,
    /// How clients turn raw input into features.
    pub encoder: Encoder,
    /// Owner for admin actions and the owner's claims; defaults to the sender.
    pub owner: Option<String>,
    /// With `true`, the components are instantiated without a Wasm admin: nobody, the owner
    /// included, can ever migrate them. With `false` (the default) the trainer is their
    /// admin and migrates them only on its owner's `migrate_component`.
    #[serde(default)]
    pub immutable: bool,
    pub data_handler: ComponentInstantiation,
    pub model: ModelSource,
    pub incentive: ComponentInstantiation,
}

/// A component of the trainer.
#[cw_serde]
pub enum Component {
    DataHandler,
    Model,
    Incentive,
}

#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub enum ExecuteMsg {
    /// Add a training sample; attach at least `next_add_data_cost` (the excess is returned).
    /// Answers `AddDataResponse` as data.
    AddData { data: Features, classification: u32 },
    /// As the contributor, get back what is left of your deposit once the model agrees.
    Refund { id: u64 },
    /// Take (part of) the deposit of another's contribution the model disagrees with.
    Report { id: u64 },
    /// Offer ownership to another address (owner only); it becomes owner when it accepts.
    ProposeOwner { owner: String },
    /// Accept the ownership offered to the sender.
    AcceptOwnership {},
    /// Migrate a component to new code (owner only; refused for an immutable deployment).
    MigrateComponent {
        component: Component,
        code_id: u64,
        /// The component's migrate message.
        msg: Binary,
    },
    /// Send the incentive mechanism one of its own messages (JSON), with any funds; the
    /// model then trains on whatever contributions the mechanism asks for (a prediction
    /// market's reward batch).
    IncentiveExtension { msg: Binary },
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
    /// What adding data costs now, and whether the model trains on it at once.
    #[returns(sum_common::incentive::AddDataCostResponse)]
    NextAddDataCost {},
    /// One stored contribution with its claim accounting.
    #[returns(ContributionResponse)]
    Contribution { id: u64 },
}

#[cw_serde]
pub struct InfoResponse {
    pub name: String,
    pub description: String,
    pub encoder: Encoder,
    pub owner: Addr,
    /// The address ownership was offered to, until it accepts.
    pub pending_owner: Option<Addr>,
    /// Whether the components have no Wasm admin.
    pub immutable: bool,
    pub data_handler: Addr,
    pub model: Addr,
    pub incentive: Addr,
}

/// The data of a successful `add_data`.
#[cw_serde]
pub struct AddDataResponse {
    /// The new contribution's id.
    pub id: u64,
}

#[cw_serde]
pub struct ContributionResponse {
    pub id: u64,
    /// The stored sample (data handler).
    pub contribution: Contribution,
    /// Its deposit and claims (incentive mechanism).
    pub claims: ClaimState,
}
