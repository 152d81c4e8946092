use cosmwasm_std::{OverflowError, StdError};
use cw_utils::PaymentError;
use sum_common::gate::NotTrainer;
use sum_rules::claim::ClaimError;
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
    Claim(#[from] ClaimError),

    #[error("no contribution {id} in the points mechanism")]
    UnknownContribution { id: u64 },

    #[error("contribution {id} is recorded already")]
    ContributionExists { id: u64 },

    #[error("the points mechanism has no extension messages")]
    NoExtension {},

    #[error("the points mechanism trains the model at once and never asks for training")]
    NotDeferred {},
}
