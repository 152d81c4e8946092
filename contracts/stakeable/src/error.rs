use cosmwasm_std::{CheckedMultiplyRatioError, OverflowError, StdError, Uint256};
use cw_utils::PaymentError;
use sum_common::migrate::MigrateError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(String),

    #[error("{0}")]
    Migrate(#[from] MigrateError),

    #[error("{0}")]
    Payment(#[from] PaymentError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    #[error("{0}")]
    MultiplyRatio(#[from] CheckedMultiplyRatioError),

    #[error("unauthorized: only the trainer {trainer} may call the incentive mechanism")]
    NotTrainer { trainer: String },

    #[error("wait times must satisfy refund_wait ({refund}) <= owner_claim_wait ({owner_claim}) <= any_address_claim_wait ({any_address_claim})")]
    InvalidWaits {
        refund: u64,
        owner_claim: u64,
        any_address_claim: u64,
    },

    #[error("the deposit must be exactly {expected}{denom}, got {got}{denom}")]
    WrongDeposit {
        expected: Uint256,
        got: Uint256,
        denom: String,
    },

    #[error("{claimer} has already claimed from contribution {id}")]
    AlreadyClaimed { id: u64, claimer: String },

    #[error("nothing is left to claim from contribution {id}")]
    NothingClaimable { id: u64 },

    #[error("too early: contribution {id} was added {elapsed}s ago, claims need {wait}s")]
    TooEarly { id: u64, elapsed: u64, wait: u64 },

    #[error("the model predicts {prediction} for contribution {id}, labelled {classification}: no refund")]
    ModelDisagrees {
        id: u64,
        prediction: u32,
        classification: u32,
    },

    #[error("the model agrees with contribution {id} (class {classification}): nothing to take")]
    ModelAgrees { id: u64, classification: u32 },

    #[error("contribution {id} is your own: ask for a refund instead")]
    OwnContribution { id: u64 },

    #[error("{reporter} has no refunded good contribution, so may not take deposits yet")]
    NoGoodContributions { reporter: String },
}

impl From<StdError> for ContractError {
    fn from(err: StdError) -> Self {
        ContractError::Std(err.to_string())
    }
}
