#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult, Storage};
use sum_common::control;
use sum_common::model::{self, ModelVariant};
use sum_common::{ensure_known_class, Features, SampleError};

use crate::centroid::{nearest, SparseClass};
use crate::error::ContractError;
use crate::msg::{ClassInit, ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::state::{CLASSES, FEATURE_SUMS};

const CONTRACT_NAME: &str = env!("CARGO_PKG_NAME");
const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    control::init(deps.storage, &info.sender)?;
    let mut classes = vec![];
    for class in msg.classes {
        add_class(deps.storage, &mut classes, class)?;
    }
    CLASSES.save(deps.storage, &classes)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("trainer", info.sender)
        .add_attribute("classes", classes.len().to_string()))
}

fn add_class(
    storage: &mut dyn Storage,
    classes: &mut Vec<SparseClass>,
    class: ClassInit,
) -> Result<u32, ContractError> {
    let index = classes.len() as u32;
    classes.push(SparseClass {
        name: class.name,
        count: class.count,
        squared_magnitude: 0,
    });
    add_centroid_values(storage, classes, index, &class.centroid)?;
    Ok(index)
}

/// Adds centroid values (×10^9) to a class: its sums grow by `value · count` and its
/// magnitude by `value²`. A feature's value may be given once.
fn add_centroid_values(
    storage: &mut dyn Storage,
    classes: &mut [SparseClass],
    class: u32,
    values: &[(u32, u64)],
) -> Result<(), ContractError> {
    let slot = class as usize;
    for &(index, value) in values {
        let mut sums = FEATURE_SUMS.may_load(storage, index)?.unwrap_or_default();
        if sums.len() <= slot {
            sums.resize(slot + 1, 0);
        }
        if sums[slot] != 0 {
            return Err(ContractError::DuplicateValue { class, index });
        }
        let target = &mut classes[slot];
        sums[slot] = value
            .checked_mul(target.count)
            .ok_or(SampleError::Overflow)?;
        target.squared_magnitude = (value as u128 * value as u128)
            .checked_add(target.squared_magnitude)
            .ok_or(SampleError::Overflow)?;
        FEATURE_SUMS.save(storage, index, &sums)?;
    }
    Ok(())
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Update {
            data,
            classification,
        } => execute_update(deps, info, data, classification),
        ExecuteMsg::AddClass { class } => {
            control::ensure_extendable(deps.storage, &info.sender)?;
            let mut classes = CLASSES.load(deps.storage)?;
            let index = add_class(deps.storage, &mut classes, class)?;
            CLASSES.save(deps.storage, &classes)?;
            Ok(Response::new()
                .add_attribute("action", "add_class")
                .add_attribute("class", index.to_string()))
        }
        ExecuteMsg::Extend { class, centroid } => {
            control::ensure_extendable(deps.storage, &info.sender)?;
            let mut classes = CLASSES.load(deps.storage)?;
            ensure_known_class(class, classes.len())?;
            add_centroid_values(deps.storage, &mut classes, class, &centroid)?;
            CLASSES.save(deps.storage, &classes)?;
            Ok(Response::new()
                .add_attribute("action", "extend")
                .add_attribute("class", class.to_string()))
        }
        ExecuteMsg::HandOver { trainer } => {
            Ok(control::execute_hand_over(deps, &info.sender, trainer)?)
        }
    }
}

/// Each sample feature's sums over all classes (missing entries are 0).
fn load_sums(storage: &dyn Storage, indices: &[u32]) -> StdResult<Vec<Vec<u64>>> {
    indices
        .iter()
        .map(|&index| Ok(FEATURE_SUMS.may_load(storage, index)?.unwrap_or_default()))
        .collect()
}

pub fn execute_update(
    deps: DepsMut,
    info: MessageInfo,
    data: Features,
    classification: u32,
) -> Result<Response, ContractError> {
    control::ensure_trainer(deps.storage, &info.sender)?;
    let mut classes = CLASSES.load(deps.storage)?;
    ensure_known_class(classification, classes.len())?;
    let indices = data.sorted_sparse()?;
    let slot = classification as usize;
    let mut per_feature = load_sums(deps.storage, indices)?;
    let mut sums: Vec<u64> = per_feature
        .iter()
        .map(|all| all.get(slot).copied().unwrap_or(0))
        .collect();
    classes[slot].update(&mut sums)?;
    for ((&index, all), sum) in indices.iter().zip(&mut per_feature).zip(sums) {
        if all.len() <= slot {
            all.resize(slot + 1, 0);
        }
        all[slot] = sum;
        FEATURE_SUMS.save(deps.storage, index, all)?;
    }
    CLASSES.save(deps.storage, &classes)?;
    Ok(Response::new()
        .add_attribute("action", "update")
        .add_attribute("classification", classification.to_string()))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let classes = CLASSES.load(deps.storage)?;
    let predict = |data: &Features| -> Result<u32, ContractError> {
        let per_feature = load_sums(deps.storage, data.sorted_sparse()?)?;
        let by_class: Vec<Vec<u64>> = (0..classes.len())
            .map(|k| {
                per_feature
                    .iter()
                    .map(|all| all.get(k).copied().unwrap_or(0))
                    .collect()
            })
            .collect();
        Ok(nearest(&classes, &by_class))
    };
    model::answer_query(msg, predict, || {
        Ok(control::model_info(
            deps.storage,
            ModelVariant::SparseNearestCentroid {},
            classes.iter().map(|c| c.name.clone()).collect(),
            None,
        )?)
    })
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    sum_common::migrate::ensure_upgrade(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new().add_attribute("action", "migrate"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::centroid::centroid_value;
    use cosmwasm_std::testing::{
        message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
    };
    use cosmwasm_std::{from_json, Addr, OwnedDeps};
    use sum_common::control::ControlError;
    use sum_common::model::PredictionResponse;
    use sum_common::{MAX_FEATURES, SCALE};

    const S: u64 = SCALE as u64;
    type MockDeps = OwnedDeps<MockStorage, MockApi, MockQuerier>;

    fn class(name: &str, centroid: Vec<(u32, u64)>, count: u64) -> ClassInit {
        ClassInit {
            name: name.into(),
            centroid,
            count,
        }
    }

    fn setup(classes: Vec<ClassInit>) -> (MockDeps, Addr) {
        let mut deps = mock_dependencies();
        let trainer = deps.api.addr_make("trainer");
        instantiate(
            deps.as_mut(),
            mock_env(),
            message_info(&trainer, &[]),
            InstantiateMsg { classes },
        )
        .unwrap();
        (deps, trainer)
    }

    fn predict(deps: Deps, indices: &[u32]) -> Result<u32, ContractError> {
        let res = query(
            deps,
            mock_env(),
            QueryMsg::Predict {
                data: Features::Sparse(indices.to_vec()),
            },
        )?;
        Ok(from_json::<PredictionResponse>(res)?.classification)
    }

    fn exec(
        deps: &mut MockDeps,
        sender: &Addr,
        msg: ExecuteMsg,
    ) -> Result<Response, ContractError> {
        execute(deps.as_mut(), mock_env(), message_info(sender, &[]), msg)
    }

    fn update(indices: &[u32], classification: u32) -> ExecuteMsg {
        ExecuteMsg::Update {
            data: Features::Sparse(indices.to_vec()),
            classification,
        }
    }

    #[test]
    fn spec_reference_through_the_contract() {
        let (mut deps, trainer) = setup(vec![
            class("A", vec![(0, S)], 2),
            class("W", vec![(1, S)], 2),
        ]);
        assert_eq!(predict(deps.as_ref(), &[0]).unwrap(), 0);
        assert_eq!(predict(deps.as_ref(), &[1]).unwrap(), 1);
        exec(&mut deps, &trainer, update(&[1, 2], 1)).unwrap();
        let w = &CLASSES.load(&deps.storage).unwrap()[1];
        assert_eq!(w.count, 3);
        assert_eq!(w.squared_magnitude, 1_111_111_110_888_888_889);
        let value = |index| centroid_value(FEATURE_SUMS.load(&deps.storage, index).unwrap()[1], 3);
        assert_eq!((value(1), value(2)), (1_000_000_000, 333_333_333));
    }

    #[test]
    fn ten_classes_with_classes_added_and_extended_before_the_hand_over() {
        let (mut deps, owner) = setup(vec![class("0", vec![(0, S)], 1)]);
        let trainer = deps.api.addr_make("real trainer");
        for c in 1..10u32 {
            let msg = ExecuteMsg::AddClass {
                class: class(&c.to_string(), vec![(10 * c, S)], 1),
            };
            exec(&mut deps, &owner, msg).unwrap();
            let more = ExecuteMsg::Extend {
                class: c,
                centroid: vec![(10 * c + 1, S)],
            };
            exec(&mut deps, &owner, more).unwrap();
        }
        let again = ExecuteMsg::Extend {
            class: 3,
            centroid: vec![(31, S)],
        };
        let err = exec(&mut deps, &owner, again).unwrap_err();
        assert!(matches!(
            err,
            ContractError::DuplicateValue {
                class: 3,
                index: 31
            }
        ));
        exec(
            &mut deps,
            &owner,
            ExecuteMsg::HandOver {
                trainer: trainer.to_string(),
            },
        )
        .unwrap();
        for c in 1..10u32 {
            assert_eq!(predict(deps.as_ref(), &[10 * c, 10 * c + 1]).unwrap(), c);
        }
        exec(&mut deps, &trainer, update(&[500, 501], 7)).unwrap();
        assert_eq!(predict(deps.as_ref(), &[500, 501]).unwrap(), 7);
        let late = ExecuteMsg::Extend {
            class: 0,
            centroid: vec![(99, S)],
        };
        let err = exec(&mut deps, &trainer, late).unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::HandedOver {})
        ));
    }

    #[test]
    fn bad_input_is_refused_and_changes_nothing() {
        let (mut deps, trainer) = setup(vec![class("A", vec![(0, S)], 2)]);
        let before = (
            CLASSES.load(&deps.storage).unwrap(),
            FEATURE_SUMS.load(&deps.storage, 0).unwrap(),
        );
        let cases = [
            (
                update(&[3, 1], 0),
                SampleError::UnsortedIndices {
                    index: 1,
                    position: 1,
                },
            ),
            (update(&[1, 1], 0), SampleError::DuplicateIndex { index: 1 }),
            (update(&[], 0), SampleError::Empty),
            (
                update(&(0..=MAX_FEATURES as u32).collect::<Vec<_>>(), 0),
                SampleError::TooMany {
                    max: MAX_FEATURES,
                    got: MAX_FEATURES + 1,
                },
            ),
            (
                update(&[0], 1),
                SampleError::UnknownClass {
                    classification: 1,
                    num_classes: 1,
                },
            ),
        ];
        for (msg, expected) in cases {
            let err = exec(&mut deps, &trainer, msg).unwrap_err();
            assert!(
                matches!(&err, ContractError::Sample(e) if *e == expected),
                "{err}"
            );
        }
        let mallory = deps.api.addr_make("mallory");
        let err = exec(&mut deps, &mallory, update(&[0], 0)).unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::NotTrainer { .. })
        ));
        let after = (
            CLASSES.load(&deps.storage).unwrap(),
            FEATURE_SUMS.load(&deps.storage, 0).unwrap(),
        );
        assert_eq!(before, after);
        assert!(matches!(
            predict(deps.as_ref(), &[2, 1]),
            Err(ContractError::Sample(SampleError::UnsortedIndices { .. }))
        ));
    }
}
