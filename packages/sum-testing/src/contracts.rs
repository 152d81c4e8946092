//! Each SUM contract as a cw-multi-test `Contract`.

use cosmwasm_std::Empty;
use cw_multi_test::{Contract, ContractWrapper};

/// A contract crate's entry points as a cw-multi-test contract.
macro_rules! wrap {
    ($name:ident, $krate:ident) => {
        pub fn $name() -> Box<dyn Contract<Empty>> {
            use $krate::contract::{execute, instantiate, migrate, query};
            Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
        }
    };
}

wrap!(data_handler, sum_data_handler);
wrap!(dense_perceptron, sum_dense_perceptron);
wrap!(sparse_perceptron, sum_sparse_perceptron);
wrap!(naive_bayes, sum_naive_bayes);
wrap!(nearest_centroid, sum_nearest_centroid);
wrap!(sparse_nearest_centroid, sum_sparse_nearest_centroid);
wrap!(stakeable, sum_stakeable);
wrap!(points, sum_points);
wrap!(prediction_market, sum_prediction_market);

pub fn trainer() -> Box<dyn Contract<Empty>> {
    use sum_trainer::contract::{execute, instantiate, migrate, query, reply};
    Box::new(
        ContractWrapper::new(execute, instantiate, query)
            .with_reply(reply)
            .with_migrate(migrate),
    )
}
