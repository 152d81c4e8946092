use cosmwasm_std::StdError;
use cw_utils::PaymentError;
use sum_common::gate::NotTrainer;
use sum_rules::{ConfigError, SampleError};
use thiserror::Error;

/// Every error a model contract answers.
#[derive(Error, Debug)]
pub enum ModelError {
    #[error(transparent)]
    Std(#[from] StdError),

    #[error(transparent)]
    Payment(#[from] PaymentError),

    #[error(transparent)]
    NotTrainer(#[from] NotTrainer),

    #[error(transparent)]
    Sample(#[from] SampleError),

    #[error(transparent)]
    Config(#[from] ConfigError),

    #[error("the model was handed over to its trainer and can no longer be extended")]
    HandedOver {},
}
