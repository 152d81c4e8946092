use cosmwasm_std::Uint256;
use sum_rules::stakeable::StakeableError;

sum_common::contract_error! {
    #[error("{0}")]
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
