use cosmwasm_std::Uint256;

sum_common::contract_error! {
    #[error("insufficient deposit: adding data costs {required}{denom} now, got {paid}{denom}")]
    InsufficientDeposit {
        required: Uint256,
        paid: Uint256,
        denom: String,
    },

    #[error("unauthorized: only the owner {owner} may do this")]
    NotOwner { owner: String },

    #[error("unauthorized: ownership was not offered to {sender}")]
    NotPendingOwner { sender: String },

    #[error("this deployment is immutable: its components cannot be migrated")]
    Immutable {},

    #[error("the existing model {model} has the Wasm admin {admin}: deploy it without an admin (or with this trainer as admin), so nobody can migrate it behind the trainer")]
    ModelHasAdmin { model: String, admin: String },

    #[error("encoder: {0}")]
    Encoder(#[from] sum_common::EncoderError),

    #[error("unknown reply id {id}")]
    UnknownReply { id: u64 },
}
