//! Who may do what: the trainer is its components' only caller and their Wasm admin; its
//! owner's powers are few (two-step ownership transfer, migrating a component, the late
//! claim of the mechanism) and move entirely with ownership; an immutable deployment has
//! no admin at all. Calls that carry funds they should not, or unknown fields, are refused.

use cosmwasm_std::{coins, to_json_binary, Addr, Binary, Empty, StdError, WasmMsg};
use cw_multi_test::Executor;
use cw_utils::PaymentError;
use sum_common::Encoder;
use sum_rules::claim::ClaimError;
use sum_rules::stakeable::StakeableError;
use sum_testing::fixtures::{spec, DensePerceptronFixture, ModelFixture};
use sum_testing::suite::{stakeable_msg, trainer_msg, OWNER_CLAIM_WAIT};
use sum_testing::{
    addr, assert_error, contracts, funded_app, normalised, standard_incentive, IncentiveSpec,
    ModelSetup, Suite, DENOM,
};
use sum_trainer::msg::{Component, ExecuteMsg, ModelSource};
use sum_trainer::ContractError;

const USERS: [&str; 3] = ["alice", "bob", "mallory"];

fn suite() -> Suite {
    Suite::new(
        spec::<DensePerceptronFixture>(),
        standard_incentive(),
        &USERS,
    )
}

/// The stored trainer and an instantiate message taking `model` as its existing model (for
/// refusals that come before any component is touched).
fn trainer_taking(
    app: &mut cw_multi_test::App,
    model: &Addr,
    encoder: Encoder,
) -> (u64, sum_trainer::msg::InstantiateMsg) {
    let code = app.store_code(contracts::trainer());
    let existing = ModelSource::Existing {
        address: model.to_string(),
    };
    let msg = trainer_msg(0, existing, encoder, 0, Binary::default()).unwrap();
    (code, msg)
}

fn migrate_model(code_id: u64) -> ExecuteMsg {
    ExecuteMsg::MigrateComponent {
        component: Component::Model,
        code_id,
        msg: to_json_binary(&Empty {}).unwrap(),
    }
}

fn model_code_id(suite: &Suite) -> u64 {
    let info = suite
        .app
        .wrap()
        .query_wasm_contract_info(&suite.components.model);
    info.unwrap().code_id
}

fn set_model_version(suite: &mut Suite, version: &str) {
    let model = suite.components.model.clone();
    let mut storage = suite.app.contract_storage_mut(&model);
    cw2::set_contract_version(storage.as_mut(), "sum-dense-perceptron", version).unwrap();
}

fn model_version(suite: &Suite) -> String {
    let storage = suite.app.contract_storage(&suite.components.model);
    cw2::get_contract_version(storage.as_ref()).unwrap().version
}

#[test]
fn the_trainer_is_its_components_admin_and_has_none_itself() {
    let suite = suite();
    let c = &suite.components;
    assert_eq!(c.owner, suite.owner);
    assert_eq!(c.pending_owner, None);
    assert!(!c.immutable);
    assert_eq!(c.encoder, Encoder::FixedPoint);
    for component in [&c.data_handler, &c.model, &c.incentive] {
        let info = suite
            .app
            .wrap()
            .query_wasm_contract_info(component)
            .unwrap();
        assert_eq!(info.admin, Some(suite.trainer.clone()));
    }
    let trainer = suite
        .app
        .wrap()
        .query_wasm_contract_info(&suite.trainer)
        .unwrap();
    assert_eq!(trainer.admin, None);
    assert_eq!(suite.model_info().trainer, suite.trainer);
}

#[test]
fn ownership_moves_in_two_steps_and_takes_every_power_with_it() {
    let mut suite = suite();
    let (alice, mallory, owner) = (addr("alice"), addr("mallory"), suite.owner.clone());
    let not_owner = ContractError::NotOwner {
        owner: owner.to_string(),
    };
    let propose = |to: &Addr| ExecuteMsg::ProposeOwner {
        owner: to.to_string(),
    };
    let before = suite.snapshot(&USERS);
    assert_error(
        suite
            .execute(&mallory, &propose(&mallory), &[])
            .unwrap_err(),
        &not_owner,
    );
    let code_id = model_code_id(&suite);
    assert_error(
        suite
            .execute(&mallory, &migrate_model(code_id), &[])
            .unwrap_err(),
        &not_owner,
    );
    let err = suite
        .execute(&alice, &ExecuteMsg::AcceptOwnership {}, &[])
        .unwrap_err();
    assert_error(
        err,
        ContractError::NotPendingOwner {
            sender: alice.to_string(),
        },
    );
    assert_eq!(suite.snapshot(&USERS), before);

    suite.execute(&owner, &propose(&alice), &[]).unwrap();
    assert_eq!(suite.info().pending_owner, Some(alice.clone()));
    assert_eq!(
        suite.info().owner,
        owner,
        "nothing moves until alice accepts"
    );
    let err = suite
        .execute(&mallory, &ExecuteMsg::AcceptOwnership {}, &[])
        .unwrap_err();
    assert_error(
        err,
        ContractError::NotPendingOwner {
            sender: mallory.to_string(),
        },
    );
    suite
        .execute(&alice, &ExecuteMsg::AcceptOwnership {}, &[])
        .unwrap();
    let info = suite.info();
    assert_eq!((info.owner, info.pending_owner), (alice.clone(), None));

    // The former owner keeps nothing: no proposal, no migration, no Wasm admin anywhere,
    // no owner's claim.
    let before = suite.snapshot(&USERS);
    let former = ContractError::NotOwner {
        owner: alice.to_string(),
    };
    assert_error(
        suite.execute(&owner, &propose(&owner), &[]).unwrap_err(),
        &former,
    );
    assert_error(
        suite
            .execute(&owner, &migrate_model(code_id), &[])
            .unwrap_err(),
        &former,
    );
    let c = suite.components.clone();
    for component in [&c.data_handler, &c.model, &c.incentive] {
        let migrate = WasmMsg::Migrate {
            contract_addr: component.to_string(),
            new_code_id: code_id,
            msg: to_json_binary(&Empty {}).unwrap(),
        };
        suite
            .app
            .execute(owner.clone(), migrate.into())
            .unwrap_err();
    }
    assert_eq!(suite.snapshot(&USERS), before);

    let id = suite
        .add_data_paying(
            &addr("bob"),
            normalised(&[0., 1., -1., 0., 0., 0., 0., 1.]),
            0,
        )
        .unwrap();
    suite.advance(OWNER_CLAIM_WAIT);
    let before = suite.snapshot(&USERS);
    // The former owner is judged as anyone: the model agrees with bob, nothing to take.
    let err = suite.report(&owner, id).unwrap_err();
    assert_error(
        err,
        ClaimError::ModelAgrees {
            id,
            classification: 0,
        },
    );
    assert_eq!(suite.snapshot(&USERS), before);
    let deposit = suite.contribution(id).unwrap().claims.claimable;
    let balance = suite.balance(&alice);
    suite.report(&alice, id).unwrap();
    assert_eq!(suite.balance(&alice), balance + deposit);

    // The new owner migrates a component through the trainer.
    suite.execute(&alice, &migrate_model(code_id), &[]).unwrap();
}

#[test]
fn components_migrate_by_semver_through_the_trainer() {
    let mut suite = suite();
    let owner = suite.owner.clone();
    let code_id = model_code_id(&suite);
    set_model_version(&mut suite, "0.1.0-rc.1");
    suite.execute(&owner, &migrate_model(code_id), &[]).unwrap();
    assert_eq!(model_version(&suite), env!("CARGO_PKG_VERSION"));

    set_model_version(&mut suite, "0.2.0");
    let before = suite.snapshot(&USERS);
    let err = suite
        .execute(&owner, &migrate_model(code_id), &[])
        .unwrap_err();
    assert_error(err, "Cannot migrate from newer version (0.2.0)");
    assert_eq!(suite.snapshot(&USERS), before);
}

#[test]
fn an_immutable_deployment_has_no_admin_at_all() {
    let mut suite = Suite::deploy(
        funded_app(&USERS),
        ModelSetup::Instantiated(spec::<DensePerceptronFixture>()),
        standard_incentive(),
        |msg| msg.immutable = true,
    )
    .unwrap();
    let c = suite.components.clone();
    assert!(c.immutable);
    for component in [&c.data_handler, &c.model, &c.incentive] {
        let info = suite
            .app
            .wrap()
            .query_wasm_contract_info(component)
            .unwrap();
        assert_eq!(info.admin, None);
    }
    let owner = suite.owner.clone();
    let before = suite.snapshot(&USERS);
    let code_id = model_code_id(&suite);
    let err = suite
        .execute(&owner, &migrate_model(code_id), &[])
        .unwrap_err();
    assert_error(err, ContractError::Immutable {});
    assert_eq!(suite.snapshot(&USERS), before);
}

#[test]
fn calls_that_take_no_funds_refuse_them() {
    let mut suite = suite();
    let (alice, owner) = (addr("alice"), suite.owner.clone());
    let code_id = model_code_id(&suite);
    let before = suite.snapshot(&USERS);
    let calls = [
        (&alice, ExecuteMsg::Refund { id: 0 }),
        (&alice, ExecuteMsg::Report { id: 0 }),
        (
            &owner,
            ExecuteMsg::ProposeOwner {
                owner: alice.to_string(),
            },
        ),
        (&alice, ExecuteMsg::AcceptOwnership {}),
        (&owner, migrate_model(code_id)),
    ];
    for (sender, msg) in calls {
        let err = suite.execute(sender, &msg, &coins(5, DENOM)).unwrap_err();
        assert_error(err, PaymentError::NonPayable {});
    }
    assert_eq!(suite.snapshot(&USERS), before);

    let mut app = funded_app(&USERS);
    let (trainer_code, msg) = trainer_taking(&mut app, &alice, Encoder::None);
    let err = app
        .instantiate_contract(trainer_code, owner, &msg, &coins(5, DENOM), "trainer", None)
        .unwrap_err();
    assert_error(err, PaymentError::NonPayable {});
}

#[test]
fn unknown_fields_are_refused() {
    let mut suite = suite();
    let owner = suite.owner.clone();
    let trainer = suite.trainer.clone();
    let mut app = funded_app(&USERS);
    let (trainer_code, msg) = trainer_taking(&mut app, &owner, Encoder::None);
    let mut misspelt = serde_json::to_value(&msg).unwrap();
    misspelt["ownr"] = serde_json::json!(addr("mallory").to_string());
    let err: StdError = app
        .instantiate_contract(trainer_code, owner.clone(), &misspelt, &[], "trainer", None)
        .unwrap_err();
    assert_error(err, "unknown field `ownr`");

    let add =
        serde_json::json!({"add_data": {"data": {"dense": [1]}, "classification": 1, "label": 1}});
    let err = suite
        .app
        .execute_contract(owner, trainer, &add, &[])
        .unwrap_err();
    assert_error(err, "unknown field `label`");
}

#[test]
fn an_embedding_picking_features_it_does_not_have_is_refused() {
    let mut app = funded_app(&USERS);
    let owner = addr("owner");
    let encoder = Encoder::Embedding {
        name: "mobilenet".into(),
        dimension: 4,
        feature_indices: Some(vec![0, 4]),
    };
    let (trainer_code, msg) = trainer_taking(&mut app, &owner, encoder);
    let err = app
        .instantiate_contract(trainer_code, owner, &msg, &[], "trainer", None)
        .unwrap_err();
    assert_error(
        err,
        sum_common::EncoderError::FeatureIndexOutOfRange {
            index: 4,
            dimension: 4,
        },
    );
}

#[test]
fn an_existing_model_with_a_wasm_admin_is_refused() {
    let mut app = funded_app(&USERS);
    let owner = addr("owner");
    let code = app.store_code(<DensePerceptronFixture>::code());
    let msg = <DensePerceptronFixture>::instantiate();
    let admin = Some(owner.to_string());
    let model = app
        .instantiate_contract(code, owner.clone(), &msg, &[], "model", admin)
        .unwrap();
    let err = Suite::deploy(
        app,
        ModelSetup::Existing(model.clone()),
        standard_incentive(),
        |_| {},
    )
    .err()
    .expect("a model its deployer could migrate is refused");
    assert_error(
        err,
        ContractError::ModelHasAdmin {
            model: model.to_string(),
            admin: owner.to_string(),
        },
    );
}

#[test]
fn instantiation_fails_whole_when_a_component_refuses_its_message() {
    let mut msg = stakeable_msg(1000);
    msg.owner_claim_wait = 1;
    let err = Suite::deploy(
        funded_app(&[]),
        ModelSetup::Instantiated(spec::<DensePerceptronFixture>()),
        IncentiveSpec::new(contracts::stakeable, &msg),
        |_| {},
    )
    .err()
    .expect("invalid waits fail the trainer's instantiation");
    assert_error(
        err,
        StakeableError::InvalidWaits {
            refund: 60,
            owner_claim: 1,
            any_address_claim: 7 * 86_400,
        },
    );
}
