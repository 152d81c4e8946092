use cosmwasm_std::StdError;
use sum_common::control::ControlError;
use sum_common::migrate::MigrateError;
use sum_common::perceptron::PerceptronConfigError;
use sum_common::SampleError;
use thiserror::Error;

#[derive(Error, Debug)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Migrate(#[from] MigrateError),

    #[error("{0}")]
    Sample(#[from] SampleError),

    #[error("{0}")]
    Control(#[from] ControlError),

    #[error("{0}")]
    Config(#[from] PerceptronConfigError),

    #[error("the model needs between 1 and {max} weights, got {got}")]
    InvalidDimension { max: usize, got: usize },
}
