use cosmwasm_std::StdError;
use cw_utils::PaymentError;
use sum_common::gate::NotTrainer;
use sum_rules::market::MarketError;
use thiserror::Error;

#[derive(Error, Debug)]
pub enum ContractError {
    #[error(transparent)]
    Std(#[from] StdError),

    #[error(transparent)]
    Payment(#[from] PaymentError),

    #[error(transparent)]
    NotTrainer(#[from] NotTrainer),

    #[error(transparent)]
    Market(#[from] MarketError),

    #[error("the denom must not be empty")]
    EmptyDenom {},

    #[error("the market has not been opened")]
    NotOpened {},

    #[error("no contribution {id} in the market")]
    UnknownContribution { id: u64 },

    #[error("contribution {id} is in the market already")]
    ContributionExists { id: u64 },

    #[error("the prediction market pays through withdraw: refund and report do not apply")]
    NoClaims {},
}
