//! The reference numbers of every model, through the trainer: predictions before and
//! after one contribution, and the parameters the `parameters` query then reports.

use cosmwasm_std::Int128;
use sum_common::model::{ModelQueryMsg, ParametersResponse};
use sum_common::{Features, SCALE};
use sum_testing::fixtures::*;
use sum_testing::{addr, normalised, standard_incentive, Suite};

fn sparse(indices: &[u32]) -> Features {
    Features::Sparse(indices.to_vec())
}

fn parameters(suite: &Suite) -> ParametersResponse {
    let query = ModelQueryMsg::Parameters {
        start_after: None,
        limit: None,
    };
    suite
        .app
        .wrap()
        .query_wasm_smart(&suite.components.model, &query)
        .unwrap()
}

fn values(suite: &Suite, index: u32) -> Vec<i128> {
    let page = parameters(suite);
    let row = page.rows.iter().find(|row| row.index == index).unwrap();
    row.values.iter().map(Int128::i128).collect()
}

#[test]
fn dense_perceptron() {
    let mut suite = Suite::new(
        spec::<DensePerceptronFixture>(),
        standard_incentive(),
        &["alice"],
    );
    let x = Features::Dense(vec![577350259, 577350259, 577350259, 0, 0, 0, 0, 0]);
    assert_eq!(
        suite
            .predict(normalised(&[0., 2., 1., 0., 0., 0., 0., 0.]))
            .unwrap(),
        1
    );
    assert_eq!(
        suite
            .predict(normalised(&[1., 0., 2., 0., 0., 0., 0., 0.]))
            .unwrap(),
        0
    );
    suite.add_data_paying(&addr("alice"), x.clone(), 0).unwrap();
    assert_eq!(
        values(&suite, 1),
        vec![SCALE as i128],
        "label 0 changes nothing"
    );
    suite.add_data_paying(&addr("alice"), x, 1).unwrap();
    let weights: Vec<i128> = (0..8).map(|i| values(&suite, i)[0]).collect();
    assert_eq!(
        weights,
        vec![577350259, 1577350259, -422649741, 0, 0, 0, 0, 1000000000]
    );
}

#[test]
fn sparse_perceptron() {
    let mut suite = Suite::new(
        spec::<SparsePerceptronFixture>(),
        standard_incentive(),
        &["alice"],
    );
    assert_eq!(suite.predict(sparse(&[2])).unwrap(), 0);
    assert_eq!(suite.predict(sparse(&[0, 1])).unwrap(), 1);
    suite
        .add_data_paying(&addr("alice"), sparse(&[0, 1]), 0)
        .unwrap();
    assert_eq!(values(&suite, 0), vec![-(SCALE as i128)]);
    assert_eq!(values(&suite, 1), vec![4 * SCALE as i128]);
    assert_eq!(suite.predict(sparse(&[0])).unwrap(), 0);
    assert_eq!(suite.predict(sparse(&[1])).unwrap(), 1);
}

#[test]
fn naive_bayes() {
    let mut suite = Suite::new(
        spec::<NaiveBayesFixture>(),
        standard_incentive(),
        &["alice"],
    );
    assert_eq!(suite.predict(sparse(&[0, 1, 10, 3, 4])).unwrap(), 0);
    assert_eq!(suite.predict(sparse(&[5, 6, 7, 8, 9, 11])).unwrap(), 1);
    suite
        .add_data_paying(&addr("alice"), sparse(&[0, 1, 2, 22]), 1)
        .unwrap();
    assert_eq!(suite.predict(sparse(&[22])).unwrap(), 1);
    assert_eq!(values(&suite, 1), vec![1, 2]);
    assert_eq!(values(&suite, 22), vec![0, 1]);
}

#[test]
fn nearest_centroid() {
    let mut suite = Suite::new(
        spec::<NearestCentroidFixture>(),
        standard_incentive(),
        &["alice"],
    );
    assert_eq!(suite.predict(normalised(&[-1.5, -0.5])).unwrap(), 0);
    assert_eq!(suite.predict(normalised(&[0.5, 1.5])).unwrap(), 1);
    suite
        .add_data_paying(&addr("alice"), normalised(&[4.0, 4.0]), 1)
        .unwrap();
    assert_eq!(values(&suite, 0), vec![-(SCALE as i128), 902368927]);
    assert_eq!(values(&suite, 1), vec![-(SCALE as i128), 902368927]);
}

#[test]
fn sparse_nearest_centroid() {
    let mut suite = Suite::new(
        spec::<SparseNearestCentroidFixture>(),
        standard_incentive(),
        &["alice"],
    );
    assert_eq!(suite.predict(sparse(&[0])).unwrap(), 0);
    assert_eq!(suite.predict(sparse(&[1])).unwrap(), 1);
    suite
        .add_data_paying(&addr("alice"), sparse(&[2, 1]), 1)
        .unwrap();
    assert_eq!(suite.predict(sparse(&[2])).unwrap(), 1);
    let magnitude = parameters(&suite)
        .scalars
        .into_iter()
        .find(|s| s.name == "squared_magnitude.1")
        .unwrap();
    assert_eq!(magnitude.value.i128(), 1_111_111_110_888_888_889);
    // Sums: feature 1 was in both of W's first two samples and in the new one.
    assert_eq!(values(&suite, 1), vec![0, 3 * SCALE as i128]);
    assert_eq!(values(&suite, 2), vec![0, SCALE as i128]);
}
