use sum_rules::market::MarketError;

sum_common::contract_error! {
    #[error("{0}")]
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
