//! The trainer instantiates its components, which then accept execute messages only from it.

use cosmwasm_std::Uint256;
use cw_multi_test::Executor;
use sum_common::control::ControlError;
use sum_common::data_handler::DataHandlerExecuteMsg;
use sum_common::incentive::IncentiveExecuteMsg;
use sum_common::model::ModelExecuteMsg;
use sum_common::{Encoder, Features};
use sum_testing::{
    addr, assert_error, normalised, reference_dense_perceptron, standard_incentive, Suite,
};
use sum_trainer::msg::{ExecuteMsg, InfoResponse, QueryMsg};

fn suite() -> Suite {
    Suite::new(
        reference_dense_perceptron(),
        standard_incentive(),
        &["alice", "mallory"],
    )
}

#[test]
fn trainer_records_its_components_and_they_know_their_trainer() {
    let suite = suite();
    let info: InfoResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.trainer, &QueryMsg::Info {})
        .unwrap();
    assert_eq!(info.name, "test model");
    assert_eq!(info.encoder, Encoder::FixedPoint);
    assert_eq!(info.owner, suite.owner);
    let addresses = [&info.data_handler, &info.model, &info.incentive];
    for (i, a) in addresses.iter().enumerate() {
        assert_ne!(**a, suite.trainer);
        for b in &addresses[i + 1..] {
            assert_ne!(a, b);
        }
        // The owner is each component's Wasm admin, for migrations.
        let contract = suite.app.wrap().query_wasm_contract_info(*a).unwrap();
        assert_eq!(contract.admin, Some(suite.owner.clone()));
    }
    assert_eq!(suite.model_info().trainer, suite.trainer);
    assert_eq!(suite.model_info().dimension, Some(8));
}

#[test]
fn components_refuse_everyone_but_their_trainer() {
    let mut suite = suite();
    let mallory = addr("mallory");
    let c = suite.components.clone();

    let err = suite
        .app
        .execute_contract(
            mallory.clone(),
            c.data_handler.clone(),
            &DataHandlerExecuteMsg::AddContribution {
                contributor: mallory.clone(),
                data: Features::Sparse(vec![1]),
                classification: 0,
                deposit: Uint256::zero(),
            },
            &[],
        )
        .unwrap_err();
    assert_error(
        err,
        sum_data_handler::ContractError::NotTrainer {
            trainer: suite.trainer.to_string(),
        },
    );

    let sample = normalised(&[1., 1., 1., 0., 0., 0., 0., 0.]);
    let err = suite
        .app
        .execute_contract(
            mallory.clone(),
            c.model.clone(),
            &ModelExecuteMsg::Update {
                data: sample.clone(),
                classification: 1,
            },
            &[],
        )
        .unwrap_err();
    assert_error(
        err,
        ControlError::NotTrainer {
            trainer: suite.trainer.to_string(),
        },
    );
    assert_eq!(suite.predict(sample).unwrap(), 0, "model unchanged");

    let cost = suite.cost();
    let err = suite
        .app
        .execute_contract(
            mallory.clone(),
            c.incentive.clone(),
            &IncentiveExecuteMsg::AddData {
                contributor: mallory.clone(),
            },
            std::slice::from_ref(&cost),
        )
        .unwrap_err();
    assert_error(
        err,
        sum_stakeable::ContractError::NotTrainer {
            trainer: suite.trainer.to_string(),
        },
    );
    assert_eq!(suite.cost(), cost, "last update unchanged");
    assert_eq!(suite.balance(&c.incentive), Uint256::zero());
    assert!(suite.contributions().is_empty());
}

#[test]
fn only_the_owner_hands_over_ownership() {
    let mut suite = suite();
    let (mallory, alice) = (addr("mallory"), addr("alice"));
    let err = suite
        .app
        .execute_contract(
            mallory.clone(),
            suite.trainer.clone(),
            &ExecuteMsg::UpdateOwner {
                owner: mallory.to_string(),
            },
            &[],
        )
        .unwrap_err();
    assert_error(
        err,
        sum_trainer::ContractError::NotOwner {
            owner: suite.owner.to_string(),
        },
    );
    let owner = suite.owner.clone();
    suite
        .app
        .execute_contract(
            owner,
            suite.trainer.clone(),
            &ExecuteMsg::UpdateOwner {
                owner: alice.to_string(),
            },
            &[],
        )
        .unwrap();
    let info: InfoResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.trainer, &QueryMsg::Info {})
        .unwrap();
    assert_eq!(info.owner, alice);
}

#[test]
fn instantiation_fails_whole_when_a_component_refuses_its_message() {
    let mut incentive = standard_incentive();
    incentive.owner_claim_wait = 1;
    let err = Suite::try_new(reference_dense_perceptron(), incentive, &[])
        .err()
        .expect("invalid waits fail the trainer's instantiation");
    assert_error(
        err,
        sum_stakeable::ContractError::InvalidWaits {
            refund: 60,
            owner_claim: 1,
            any_address_claim: 7 * 86_400,
        },
    );
}
