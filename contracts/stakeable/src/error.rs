use cosmwasm_std::{OverflowError, StdError, Uint256};
use cw_utils::PaymentError;
use sum_common::gate::NotTrainer;
use sum_rules::stakeable::StakeableError;
use thiserror::Error;

#[derive(Error, Debug)]
pub enum ContractError {
    #[error(transparent)]
    Std(#[from] StdError),

    #[error(transparent)]
    Payment(#[from] PaymentError),

    #[error(transparent)]
    Overflow(#[from] OverflowError),

    #[error(transparent)]
    NotTrainer(#[from] NotTrainer),

    #[error(transparent)]
    Rule(#[from] StakeableError),

    #[error("the deposit must be exactly {expected}{denom}, got {got}{denom}")]
    WrongDeposit {
        expected: Uint256,
        got: Uint256,
        denom: String,
    },

    #[error("no deposit for contribution {id}")]
    UnknownContribution { id: u64 },

    #[error("contribution {id} already has a deposit")]
    ContributionExists { id: u64 },

    #[error("the stakeable mechanism has no extension messages")]
    NoExtension {},

    #[error("the stakeable mechanism trains the model at once and never asks for training")]
    NotDeferred {},
}
