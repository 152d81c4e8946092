use cosmwasm_std::StdError;
use sum_common::control::ControlError;
use sum_common::migrate::MigrateError;
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

    #[error("the dimension must be between 1 and {max}, got {got}")]
    InvalidDimension { max: usize, got: usize },

    #[error("class {class} has a centroid of {got} values, the model's dimension is {expected}")]
    CentroidDimension {
        class: String,
        expected: usize,
        got: usize,
    },
}
