use cosmwasm_std::StdError;
use cw_utils::PaymentError;
use sum_common::gate::NotTrainer;
use thiserror::Error;

#[derive(Error, Debug)]
pub enum ContractError {
    #[error(transparent)]
    Std(#[from] StdError),

    #[error(transparent)]
    Payment(#[from] PaymentError),

    #[error(transparent)]
    NotTrainer(#[from] NotTrainer),

    #[error("no contribution with id {id}")]
    UnknownContribution { id: u64 },

    #[error("contribution {id} already exists")]
    ContributionExists { id: u64 },
}
