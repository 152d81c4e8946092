sum_common::contract_error! {
    #[error("no contribution with id {id}")]
    UnknownContribution { id: u64 },

    #[error("contribution {id} already exists")]
    ContributionExists { id: u64 },
}
