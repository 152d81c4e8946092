#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Order, Response, StdResult, Storage};
use sum_common::control;
use sum_common::model::{self, ModelVariant};
use sum_common::{ensure_known_class, Features, MAX_FEATURES};

use crate::centroid::{nearest, Centroid};
use crate::error::ContractError;
use crate::msg::{ClassInit, ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::state::{CENTROIDS, CLASSES, DIMENSION};

const CONTRACT_NAME: &str = env!("CARGO_PKG_NAME");
const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    let dimension = msg.dimension as usize;
    if dimension == 0 || dimension > MAX_FEATURES {
        return Err(ContractError::InvalidDimension {
            max: MAX_FEATURES,
            got: dimension,
        });
    }
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    control::init(deps.storage, &info.sender)?;
    DIMENSION.save(deps.storage, &msg.dimension)?;
    CLASSES.save(deps.storage, &vec![])?;
    for class in msg.classes {
        add_class(deps.storage, class)?;
    }
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("trainer", info.sender)
        .add_attribute("dimension", msg.dimension.to_string()))
}

/// Appends a class after checking its centroid's dimension; returns its index.
fn add_class(storage: &mut dyn Storage, class: ClassInit) -> Result<u32, ContractError> {
    let dimension = DIMENSION.load(storage)? as usize;
    if class.centroid.len() != dimension {
        return Err(ContractError::CentroidDimension {
            class: class.name,
            expected: dimension,
            got: class.centroid.len(),
        });
    }
    let mut classes = CLASSES.load(storage)?;
    let index = classes.len() as u32;
    classes.push(class.name);
    CLASSES.save(storage, &classes)?;
    CENTROIDS.save(
        storage,
        index,
        &Centroid {
            values: class.centroid,
            count: class.count,
        },
    )?;
    Ok(index)
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
            let index = add_class(deps.storage, class)?;
            Ok(Response::new()
                .add_attribute("action", "add_class")
                .add_attribute("class", index.to_string()))
        }
        ExecuteMsg::HandOver { trainer } => {
            Ok(control::execute_hand_over(deps, &info.sender, trainer)?)
        }
    }
}

pub fn execute_update(
    deps: DepsMut,
    info: MessageInfo,
    data: Features,
    classification: u32,
) -> Result<Response, ContractError> {
    control::ensure_trainer(deps.storage, &info.sender)?;
    ensure_known_class(classification, CLASSES.load(deps.storage)?.len())?;
    let x = data.normalised_dense(DIMENSION.load(deps.storage)? as usize)?;
    let mut centroid = CENTROIDS.load(deps.storage, classification)?;
    centroid.update(x)?;
    CENTROIDS.save(deps.storage, classification, &centroid)?;
    Ok(Response::new()
        .add_attribute("action", "update")
        .add_attribute("classification", classification.to_string())
        .add_attribute("count", centroid.count.to_string()))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let dimension = DIMENSION.load(deps.storage)?;
    let centroids = CENTROIDS
        .range(deps.storage, None, None, Order::Ascending)
        .map(|entry| entry.map(|(_, centroid)| centroid))
        .collect::<StdResult<Vec<_>>>()?;
    model::answer_query(
        msg,
        |data| {
            Ok(nearest(
                &centroids,
                data.normalised_dense(dimension as usize)?,
            )?)
        },
        || {
            Ok(control::model_info(
                deps.storage,
                ModelVariant::NearestCentroid {},
                CLASSES.load(deps.storage)?,
                Some(dimension),
            )?)
        },
    )
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    sum_common::migrate::ensure_upgrade(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new().add_attribute("action", "migrate"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{
        message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
    };
    use cosmwasm_std::{from_json, Addr, OwnedDeps};
    use sum_common::control::ControlError;
    use sum_common::model::PredictionResponse;
    use sum_common::{SampleError, SCALE};

    const S: i64 = SCALE;
    type MockDeps = OwnedDeps<MockStorage, MockApi, MockQuerier>;

    fn class(name: &str, centroid: Vec<i64>, count: u64) -> ClassInit {
        ClassInit {
            name: name.into(),
            centroid,
            count,
        }
    }

    fn setup(dimension: u32, classes: Vec<ClassInit>) -> (MockDeps, Addr) {
        let mut deps = mock_dependencies();
        let trainer = deps.api.addr_make("trainer");
        instantiate(
            deps.as_mut(),
            mock_env(),
            message_info(&trainer, &[]),
            InstantiateMsg { dimension, classes },
        )
        .unwrap();
        (deps, trainer)
    }

    /// A unit vector along `axis`.
    fn axis(dimension: usize, axis: usize) -> Vec<i64> {
        let mut x = vec![0; dimension];
        x[axis] = S;
        x
    }

    fn predict(deps: Deps, x: Vec<i64>) -> Result<u32, ContractError> {
        let res = query(
            deps,
            mock_env(),
            QueryMsg::Predict {
                data: Features::Dense(x),
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

    #[test]
    fn spec_reference_through_the_contract() {
        let (mut deps, trainer) = setup(
            2,
            vec![class("A", vec![-S, -S], 2), class("B", vec![S, S], 2)],
        );
        // normalised [-1.5, -0.5] and [0.5, 1.5]
        assert_eq!(
            predict(deps.as_ref(), vec![-948683298, -316227766]).unwrap(),
            0
        );
        assert_eq!(
            predict(deps.as_ref(), vec![316227766, 948683298]).unwrap(),
            1
        );
        let update = ExecuteMsg::Update {
            data: Features::Dense(vec![707106781, 707106781]),
            classification: 1,
        };
        exec(&mut deps, &trainer, update).unwrap();
        assert_eq!(
            CENTROIDS.load(&deps.storage, 1).unwrap(),
            Centroid {
                values: vec![902368927, 902368927],
                count: 3
            }
        );
    }

    #[test]
    fn ten_classes_with_classes_added_before_the_hand_over() {
        let (mut deps, owner) = setup(10, vec![class("0", axis(10, 0), 1)]);
        let trainer = deps.api.addr_make("real trainer");
        for c in 1..9 {
            let msg = ExecuteMsg::AddClass {
                class: class(&c.to_string(), axis(10, c), 1),
            };
            exec(&mut deps, &owner, msg).unwrap();
        }
        // The last class starts empty and learns from the trainer.
        let empty = ExecuteMsg::AddClass {
            class: class("9", vec![0; 10], 0),
        };
        exec(&mut deps, &owner, empty).unwrap();
        let handover = ExecuteMsg::HandOver {
            trainer: trainer.to_string(),
        };
        exec(&mut deps, &owner, handover).unwrap();
        let late = ExecuteMsg::AddClass {
            class: class("late", axis(10, 0), 1),
        };
        let err = exec(&mut deps, &trainer, late).unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::HandedOver {})
        ));
        for c in 0..9 {
            assert_eq!(predict(deps.as_ref(), axis(10, c)).unwrap(), c as u32);
        }
        assert_eq!(
            predict(deps.as_ref(), axis(10, 9)).unwrap(),
            0,
            "class 9 is empty"
        );
        let update = ExecuteMsg::Update {
            data: Features::Dense(axis(10, 9)),
            classification: 9,
        };
        exec(&mut deps, &trainer, update).unwrap();
        assert_eq!(predict(deps.as_ref(), axis(10, 9)).unwrap(), 9);
    }

    #[test]
    fn bad_input_is_refused_and_changes_nothing() {
        let (mut deps, trainer) = setup(2, vec![class("A", vec![S, 0], 1)]);
        let cases = [
            (
                Features::Dense(vec![S, 0, 0]),
                0,
                SampleError::WrongDimension {
                    expected: 2,
                    got: 3,
                },
            ),
            (
                Features::Dense(vec![S, S]),
                0,
                SampleError::NotNormalised {
                    norm_squared: 2 * (S as i128) * (S as i128),
                },
            ),
            (
                Features::Dense(vec![S, 0]),
                1,
                SampleError::UnknownClass {
                    classification: 1,
                    num_classes: 1,
                },
            ),
            (
                Features::Sparse(vec![1]),
                0,
                SampleError::WrongKind { expected: "dense" },
            ),
        ];
        for (data, classification, expected) in cases {
            let msg = ExecuteMsg::Update {
                data,
                classification,
            };
            let err = exec(&mut deps, &trainer, msg).unwrap_err();
            assert!(
                matches!(&err, ContractError::Sample(e) if *e == expected),
                "{err}"
            );
        }
        let mallory = deps.api.addr_make("mallory");
        let msg = ExecuteMsg::Update {
            data: Features::Dense(vec![S, 0]),
            classification: 0,
        };
        let err = exec(&mut deps, &mallory, msg).unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::NotTrainer { .. })
        ));
        let wrong = ExecuteMsg::AddClass {
            class: class("B", vec![S], 1),
        };
        let err = exec(&mut deps, &trainer, wrong).unwrap_err();
        assert!(matches!(
            err,
            ContractError::CentroidDimension {
                expected: 2,
                got: 1,
                ..
            }
        ));
        assert_eq!(CLASSES.load(&deps.storage).unwrap(), vec!["A"]);
        assert_eq!(
            CENTROIDS.load(&deps.storage, 0).unwrap(),
            Centroid {
                values: vec![S, 0],
                count: 1
            }
        );
    }

    #[test]
    fn instantiation_is_validated() {
        let mut deps = mock_dependencies();
        let creator = deps.api.addr_make("creator");
        let info = message_info(&creator, &[]);
        let msg = |dimension| InstantiateMsg {
            dimension,
            classes: vec![],
        };
        assert!(matches!(
            instantiate(deps.as_mut(), mock_env(), info.clone(), msg(0)),
            Err(ContractError::InvalidDimension { got: 0, .. })
        ));
        assert!(matches!(
            instantiate(
                deps.as_mut(),
                mock_env(),
                info,
                msg(MAX_FEATURES as u32 + 1)
            ),
            Err(ContractError::InvalidDimension { .. })
        ));
    }
}
