//! Adding data: the price is checked, exactly the price reaches the mechanism, the excess
//! comes back, the contribution is stored and the model trains — or nothing happens at all.

use cosmwasm_std::{coin, coins, Uint256};
use cw_multi_test::{BankSudo, SudoMsg};
use cw_utils::PaymentError;
use sum_common::{Features, SampleError, MAX_FEATURES};
use sum_testing::suite::STARTING_BALANCE;
use sum_testing::{
    addr, assert_error, normalised, reference_dense_perceptron, reference_sparse_perceptron,
    standard_incentive, Suite, DENOM,
};
use sum_trainer::ContractError;

/// The price right after an update with the standard mechanism: 1000 · 3600.
const FRESH_PRICE: u128 = 3_600_000;

fn dense() -> Suite {
    Suite::new(
        reference_dense_perceptron(),
        standard_incentive(),
        &["alice"],
    )
}

fn sample() -> Features {
    Features::Dense(vec![577350259, 577350259, 577350259, 0, 0, 0, 0, 0])
}

/// Everything that must stay put when an addition is refused.
fn snapshot(suite: &Suite) -> (Uint256, Uint256, usize, cosmwasm_std::Coin, u32) {
    (
        suite.balance(&addr("alice")),
        suite.balance(&suite.components.incentive),
        suite.contributions().len(),
        suite.cost(),
        suite.predict(sample()).unwrap(),
    )
}

#[test]
fn add_data_stores_trains_and_keeps_exactly_the_price() {
    let mut suite = dense();
    let alice = addr("alice");
    suite.advance(4);
    assert_eq!(suite.cost(), coin(FRESH_PRICE / 2, DENOM));
    assert_eq!(suite.predict(sample()).unwrap(), 0);

    let response = suite
        .add_data(&alice, sample(), 1, &coins(FRESH_PRICE, DENOM))
        .unwrap();
    let price = Uint256::from(FRESH_PRICE / 2);
    assert_eq!(
        suite.balance(&alice),
        Uint256::from(STARTING_BALANCE) - price
    );
    assert_eq!(suite.balance(&suite.components.incentive), price);
    assert_eq!(suite.balance(&suite.trainer), Uint256::zero());

    let wasm = response
        .events
        .iter()
        .filter(|e| e.ty == "wasm")
        .flat_map(|e| {
            e.attributes
                .iter()
                .map(|a| (a.key.as_str(), a.value.as_str()))
        })
        .collect::<Vec<_>>();
    for expected in [
        ("action", "add_data"),
        ("contributor", alice.as_str()),
        ("deposit", "1800000usum"),
        ("excess_returned", "1800000usum"),
        ("contribution_id", "0"),
    ] {
        assert!(wasm.contains(&expected), "missing {expected:?} in {wasm:?}");
    }

    let stored = suite.contribution(0).unwrap();
    assert_eq!(stored.contributor, alice);
    assert_eq!(stored.data, sample());
    assert_eq!(stored.classification, 1);
    assert_eq!(stored.added_at, suite.now());
    assert_eq!(stored.initial_deposit, price);
    assert_eq!(stored.claimable, price);

    // SPEC §3 reference update, through the trainer.
    assert_eq!(suite.predict(sample()).unwrap(), 1);
    // The model was just updated: the price is back to its maximum.
    assert_eq!(suite.cost(), coin(FRESH_PRICE, DENOM));
    assert_eq!(suite.add_data_paying(&alice, sample(), 1).unwrap(), 1);
}

#[test]
fn deposits_must_cover_the_price_in_the_right_denom() {
    let mut suite = dense();
    let alice = addr("alice");
    let before = snapshot(&suite);

    let err = suite
        .add_data(&alice, sample(), 1, &coins(FRESH_PRICE - 1, DENOM))
        .unwrap_err();
    assert_error(
        err,
        ContractError::InsufficientDeposit {
            required: Uint256::from(FRESH_PRICE),
            paid: Uint256::from(FRESH_PRICE - 1),
            denom: DENOM.into(),
        },
    );
    let err = suite.add_data(&alice, sample(), 1, &[]).unwrap_err();
    assert_error(
        err,
        ContractError::InsufficientDeposit {
            required: Uint256::from(FRESH_PRICE),
            paid: Uint256::zero(),
            denom: DENOM.into(),
        },
    );
    suite
        .app
        .sudo(SudoMsg::Bank(BankSudo::Mint {
            to_address: alice.to_string(),
            amount: coins(FRESH_PRICE, "uother"),
        }))
        .unwrap();
    let err = suite
        .add_data(&alice, sample(), 1, &coins(FRESH_PRICE, "uother"))
        .unwrap_err();
    assert_error(err, PaymentError::ExtraDenom("uother".into()));
    let err = suite
        .add_data(
            &alice,
            sample(),
            1,
            &[coin(FRESH_PRICE, DENOM), coin(1, "uother")],
        )
        .unwrap_err();
    assert_error(err, PaymentError::ExtraDenom("uother".into()));
    assert_eq!(snapshot(&suite), before);
}

#[test]
fn bad_samples_are_refused_atomically() {
    let mut suite = dense();
    let alice = addr("alice");
    let before = snapshot(&suite);
    let cases: Vec<(Features, u32, SampleError)> = vec![
        (
            Features::Dense(vec![577350259; 7]),
            1,
            SampleError::WrongDimension {
                expected: 8,
                got: 7,
            },
        ),
        (
            Features::Dense(vec![1_000_000_000, 1_000_000_000, 0, 0, 0, 0, 0, 0]),
            1,
            SampleError::NotNormalised {
                norm_squared: 2_000_000_000_000_000_000,
            },
        ),
        (
            sample(),
            2,
            SampleError::UnknownClass {
                classification: 2,
                num_classes: 2,
            },
        ),
        (
            Features::Sparse(vec![1, 2]),
            1,
            SampleError::WrongKind { expected: "dense" },
        ),
    ];
    for (data, classification, expected) in cases {
        let err = suite
            .add_data(&alice, data, classification, &coins(FRESH_PRICE, DENOM))
            .unwrap_err();
        assert_error(err, expected);
        assert_eq!(snapshot(&suite), before);
    }
}

#[test]
fn sparse_model_reference_and_bad_input_through_the_trainer() {
    let mut suite = Suite::new(
        reference_sparse_perceptron(),
        standard_incentive(),
        &["alice"],
    );
    let alice = addr("alice");
    assert_eq!(suite.predict(Features::Sparse(vec![2])).unwrap(), 0);
    assert_eq!(suite.predict(Features::Sparse(vec![0, 1])).unwrap(), 1);
    suite
        .add_data_paying(&alice, Features::Sparse(vec![0, 1]), 0)
        .unwrap();
    assert_eq!(suite.predict(Features::Sparse(vec![0])).unwrap(), 0);
    assert_eq!(suite.predict(Features::Sparse(vec![1])).unwrap(), 1);

    let count = suite.contributions().len();
    let balance = suite.balance(&alice);
    let cases = [
        (
            Features::Sparse(vec![3, 1, 3]),
            SampleError::DuplicateIndex { index: 3 },
        ),
        (Features::Sparse(vec![]), SampleError::Empty),
        (
            Features::Sparse((0..=MAX_FEATURES as u32).collect()),
            SampleError::TooMany {
                max: MAX_FEATURES,
                got: MAX_FEATURES + 1,
            },
        ),
    ];
    for (data, expected) in cases {
        let err = suite
            .add_data(&alice, data, 1, &coins(FRESH_PRICE, DENOM))
            .unwrap_err();
        assert_error(err, expected);
    }
    assert_eq!(suite.contributions().len(), count);
    assert_eq!(suite.balance(&alice), balance);
}

#[test]
fn predictions_follow_training() {
    let mut suite = Suite::new(
        reference_dense_perceptron(),
        standard_incentive(),
        &["alice"],
    );
    let alice = addr("alice");
    let a = normalised(&[0., 2., 1., 0., 0., 0., 0., 0.]);
    let b = normalised(&[1., 0., 2., 0., 0., 0., 0., 0.]);
    assert_eq!(suite.predict(a.clone()).unwrap(), 1);
    assert_eq!(suite.predict(b.clone()).unwrap(), 0);
    for _ in 0..3 {
        suite.add_data_paying(&alice, b.clone(), 1).unwrap();
    }
    assert_eq!(suite.predict(b).unwrap(), 1);
}
