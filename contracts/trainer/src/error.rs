use cosmwasm_std::{StdError, Uint256};
use cw_utils::PaymentError;
use sum_common::migrate::MigrateError;
use thiserror::Error;

#[derive(Error, Debug)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Migrate(#[from] MigrateError),

    #[error("{0}")]
    Payment(#[from] PaymentError),

    #[error("insufficient deposit: adding data costs {required}{denom} now, got {paid}{denom}")]
    InsufficientDeposit {
        required: Uint256,
        paid: Uint256,
        denom: String,
    },

    #[error("no contribution with id {id}")]
    UnknownContribution { id: u64 },

    #[error("only the contributor {contributor} may ask for a refund of contribution {id}")]
    NotContributor { id: u64, contributor: String },

    #[error("unauthorized: only the owner {owner} may do this")]
    NotOwner { owner: String },

    #[error("unknown reply id {id}")]
    UnknownReply { id: u64 },
}
