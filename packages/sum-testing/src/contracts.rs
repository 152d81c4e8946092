//! Each SUM contract as a cw-multi-test `Contract`.

use cosmwasm_std::Empty;
use cw_multi_test::{Contract, ContractWrapper};

pub fn trainer() -> Box<dyn Contract<Empty>> {
    use sum_trainer::contract::{execute, instantiate, migrate, query, reply};
    Box::new(
        ContractWrapper::new(execute, instantiate, query)
            .with_reply(reply)
            .with_migrate(migrate),
    )
}

pub fn data_handler() -> Box<dyn Contract<Empty>> {
    use sum_data_handler::contract::{execute, instantiate, migrate, query};
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

pub fn dense_perceptron() -> Box<dyn Contract<Empty>> {
    use sum_dense_perceptron::contract::{execute, instantiate, migrate, query};
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

pub fn sparse_perceptron() -> Box<dyn Contract<Empty>> {
    use sum_sparse_perceptron::contract::{execute, instantiate, migrate, query};
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

pub fn stakeable() -> Box<dyn Contract<Empty>> {
    use sum_stakeable::contract::{execute, instantiate, migrate, query};
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

pub fn naive_bayes() -> Box<dyn Contract<Empty>> {
    use sum_naive_bayes::contract::{execute, instantiate, migrate, query};
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

pub fn nearest_centroid() -> Box<dyn Contract<Empty>> {
    use sum_nearest_centroid::contract::{execute, instantiate, migrate, query};
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

pub fn sparse_nearest_centroid() -> Box<dyn Contract<Empty>> {
    use sum_sparse_nearest_centroid::contract::{execute, instantiate, migrate, query};
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}
