use sum_rules::claim::ClaimError;

sum_common::contract_error! {
    #[error("{0}")]
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
