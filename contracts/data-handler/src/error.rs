use cosmwasm_std::{StdError, Uint256};
use sum_common::migrate::MigrateError;
use thiserror::Error;

#[derive(Error, Debug)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Migrate(#[from] MigrateError),

    #[error("unauthorized: only the trainer {trainer} may change the data handler")]
    NotTrainer { trainer: String },

    #[error("no contribution with id {id}")]
    UnknownContribution { id: u64 },

    #[error("{claimer} has already claimed from contribution {id}")]
    AlreadyClaimed { id: u64, claimer: String },

    #[error("cannot claim {amount} from contribution {id}: only {claimable} is claimable")]
    ClaimTooLarge {
        id: u64,
        amount: Uint256,
        claimable: Uint256,
    },
}
