//! Adding data: the price is checked, exactly the price reaches the mechanism, the excess
//! comes back, the contribution is stored and the model trains — or nothing happens at all.

use cosmwasm_std::{coin, coins, from_json, Uint256};
use cw_multi_test::{BankSudo, SudoMsg};
use cw_utils::PaymentError;
use sum_common::Features;
use sum_testing::fixtures::{spec, DensePerceptronFixture};
use sum_testing::suite::STARTING_BALANCE;
use sum_testing::{addr, assert_error, normalised, standard_incentive, Suite, DENOM};
use sum_trainer::msg::AddDataResponse;
use sum_trainer::ContractError;

/// The price right after an update with the standard mechanism: 1000 · 3600.
const FRESH_PRICE: u128 = 3_600_000;

fn dense() -> Suite {
    Suite::new(
        spec::<DensePerceptronFixture>(),
        standard_incentive(),
        &["alice"],
    )
}

fn sample() -> Features {
    Features::Dense(vec![577350259, 577350259, 577350259, 0, 0, 0, 0, 0])
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
    let added: AddDataResponse = from_json(response.data.clone().unwrap()).unwrap();
    assert_eq!(added.id, 0);
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
    assert_eq!(stored.contribution.contributor, alice);
    assert_eq!(stored.contribution.data, sample());
    assert_eq!(stored.contribution.classification, 1);
    assert_eq!(stored.contribution.added_at, suite.now());
    assert_eq!(stored.claims.initial_deposit, price);
    assert_eq!(stored.claims.claimable, price);
    assert!(stored.claims.claimed_by.is_empty());

    // The reference update of docs/models.md, through the trainer.
    assert_eq!(suite.predict(sample()).unwrap(), 1);
    // The model was just updated: the price is back to its maximum.
    assert_eq!(suite.cost(), coin(FRESH_PRICE, DENOM));
    assert_eq!(suite.add_data_paying(&alice, sample(), 1).unwrap(), 1);
}

#[test]
fn deposits_must_cover_the_price_in_the_right_denom() {
    let mut suite = dense();
    let alice = addr("alice");
    let before = suite.snapshot(&["alice"]);

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
    assert_eq!(suite.snapshot(&["alice"]), before);
}

#[test]
fn predictions_follow_training() {
    let mut suite = dense();
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

#[test]
fn a_free_mechanism_takes_no_funds_and_returns_any() {
    let mut suite = Suite::new(
        spec::<DensePerceptronFixture>(),
        sum_testing::incentive(0),
        &["alice"],
    );
    let alice = addr("alice");
    assert_eq!(suite.cost(), coin(0, DENOM));
    assert_eq!(suite.add_data_paying(&alice, sample(), 1).unwrap(), 0);
    suite
        .add_data(&alice, sample(), 1, &coins(5, DENOM))
        .unwrap();
    assert_eq!(suite.balance(&alice), Uint256::from(STARTING_BALANCE));
    assert_eq!(suite.balance(&suite.components.incentive), Uint256::zero());
}
