#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};
use sum_common::control;
use sum_common::model::{self, ModelInfoResponse, ModelVariant};
use sum_common::perceptron::Perceptron;
use sum_common::{ensure_known_class, Features, SCALE};

use crate::error::ContractError;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::state::{load_weights, CLASSES, PERCEPTRON, WEIGHTS};

const CONTRACT_NAME: &str = env!("CARGO_PKG_NAME");
const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    let perceptron = Perceptron::new(
        &msg.classes,
        msg.intercept,
        msg.learning_rate,
        msg.learn_intercept,
    )?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    save_new_weights(deps.storage, &msg.weights)?;
    control::init(deps.storage, &info.sender)?;
    CLASSES.save(deps.storage, &msg.classes)?;
    PERCEPTRON.save(deps.storage, &perceptron)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("trainer", info.sender)
        .add_attribute("initial_weights", msg.weights.len().to_string()))
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
        ExecuteMsg::Extend { weights } => execute_extend(deps, info, weights),
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
    ensure_known_class(classification, 2)?;
    let indices = data.distinct_sparse()?;
    let mut weights = load_weights(deps.storage, indices)?;
    let mut perceptron = PERCEPTRON.load(deps.storage)?;
    let changed = perceptron.update(&mut weights, &present(indices), classification)?;
    if changed {
        for (&index, weight) in indices.iter().zip(&weights) {
            WEIGHTS.save(deps.storage, index, weight)?;
        }
        PERCEPTRON.save(deps.storage, &perceptron)?;
    }
    Ok(Response::new()
        .add_attribute("action", "update")
        .add_attribute("classification", classification.to_string())
        .add_attribute("changed", changed.to_string()))
}

/// Stores initial weights; an index may be given only once.
fn save_new_weights(
    storage: &mut dyn cosmwasm_std::Storage,
    weights: &[(u32, i64)],
) -> Result<(), ContractError> {
    for &(index, weight) in weights {
        if WEIGHTS.has(storage, index) {
            return Err(ContractError::DuplicateWeight { index });
        }
        WEIGHTS.save(storage, index, &weight)?;
    }
    Ok(())
}

/// Sets more initial weights before the hand-over.
pub fn execute_extend(
    deps: DepsMut,
    info: MessageInfo,
    weights: Vec<(u32, i64)>,
) -> Result<Response, ContractError> {
    control::ensure_extendable(deps.storage, &info.sender)?;
    save_new_weights(deps.storage, &weights)?;
    Ok(Response::new()
        .add_attribute("action", "extend")
        .add_attribute("weights", weights.len().to_string()))
}

/// The value of each present binary feature: 1 (×10^9).
fn present(indices: &[u32]) -> Vec<i64> {
    vec![SCALE; indices.len()]
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let perceptron = PERCEPTRON.load(deps.storage)?;
    let predict = |data: &Features| -> Result<u32, ContractError> {
        let indices = data.distinct_sparse()?;
        let weights = load_weights(deps.storage, indices)?;
        Ok(perceptron.predict(&weights, &present(indices))?)
    };
    model::answer_query(msg, predict, || Ok(query_info(deps, &perceptron)?))
}

fn query_info(deps: Deps, perceptron: &Perceptron) -> StdResult<ModelInfoResponse> {
    control::model_info(
        deps.storage,
        ModelVariant::SparsePerceptron {
            learning_rate: perceptron.learning_rate,
            learn_intercept: perceptron.learn_intercept,
        },
        CLASSES.load(deps.storage)?,
        None,
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
    use sum_common::perceptron::PerceptronConfigError;
    use sum_common::{SampleError, MAX_FEATURES};

    const S: i64 = SCALE;
    type MockDeps = OwnedDeps<MockStorage, MockApi, MockQuerier>;

    fn setup() -> (MockDeps, Addr) {
        let mut deps = mock_dependencies();
        let trainer = deps.api.addr_make("trainer");
        instantiate(
            deps.as_mut(),
            mock_env(),
            message_info(&trainer, &[]),
            InstantiateMsg {
                classes: vec!["ham".into(), "spam".into()],
                weights: vec![(0, 0), (1, 5 * S), (2, -S)],
                intercept: 0,
                learning_rate: S,
                learn_intercept: None,
            },
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

    fn update(
        deps: &mut MockDeps,
        sender: &Addr,
        data: Features,
        classification: u32,
    ) -> Result<Response, ContractError> {
        execute(
            deps.as_mut(),
            mock_env(),
            message_info(sender, &[]),
            ExecuteMsg::Update {
                data,
                classification,
            },
        )
    }

    #[test]
    fn spec_reference_through_the_contract() {
        let (mut deps, trainer) = setup();
        assert_eq!(predict(deps.as_ref(), &[2]).unwrap(), 0);
        assert_eq!(predict(deps.as_ref(), &[0, 1]).unwrap(), 1);
        update(&mut deps, &trainer, Features::Sparse(vec![0, 1]), 0).unwrap();
        assert_eq!(WEIGHTS.load(&deps.storage, 0).unwrap(), -S);
        assert_eq!(WEIGHTS.load(&deps.storage, 1).unwrap(), 4 * S);
        assert_eq!(predict(deps.as_ref(), &[0]).unwrap(), 0);
        assert_eq!(predict(deps.as_ref(), &[1]).unwrap(), 1);
        // Unseen features weigh nothing.
        assert_eq!(predict(deps.as_ref(), &[1, 4_000_000_000]).unwrap(), 1);
    }

    #[test]
    fn bad_samples_are_refused_and_change_nothing() {
        let (mut deps, trainer) = setup();
        let cases = [
            (
                Features::Sparse(vec![0, 1, 0]),
                0,
                SampleError::DuplicateIndex { index: 0 },
            ),
            (Features::Sparse(vec![]), 0, SampleError::Empty),
            (
                Features::Sparse((0..=MAX_FEATURES as u32).collect()),
                0,
                SampleError::TooMany {
                    max: MAX_FEATURES,
                    got: MAX_FEATURES + 1,
                },
            ),
            (
                Features::Dense(vec![S]),
                0,
                SampleError::WrongKind { expected: "sparse" },
            ),
            (
                Features::Sparse(vec![0, 1]),
                7,
                SampleError::UnknownClass {
                    classification: 7,
                    num_classes: 2,
                },
            ),
        ];
        for (data, classification, expected) in cases {
            let err = update(&mut deps, &trainer, data, classification).unwrap_err();
            assert!(
                matches!(&err, ContractError::Sample(e) if *e == expected),
                "{err}"
            );
        }
        assert_eq!(WEIGHTS.load(&deps.storage, 0).unwrap(), 0);
        assert_eq!(WEIGHTS.load(&deps.storage, 1).unwrap(), 5 * S);
        assert_eq!(PERCEPTRON.load(&deps.storage).unwrap().intercept, 0);
    }

    #[test]
    fn only_the_trainer_updates() {
        let (mut deps, _) = setup();
        let mallory = deps.api.addr_make("mallory");
        let err = update(&mut deps, &mallory, Features::Sparse(vec![0, 1]), 0).unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::NotTrainer { .. })
        ));
        assert_eq!(WEIGHTS.load(&deps.storage, 1).unwrap(), 5 * S);
    }

    #[test]
    fn instantiation_is_validated() {
        let mut deps = mock_dependencies();
        let creator = deps.api.addr_make("creator");
        let info = message_info(&creator, &[]);
        let msg = |classes: usize, weights: Vec<(u32, i64)>, learning_rate| InstantiateMsg {
            classes: (0..classes).map(|c| c.to_string()).collect(),
            weights,
            intercept: 0,
            learning_rate,
            learn_intercept: None,
        };
        assert!(matches!(
            instantiate(deps.as_mut(), mock_env(), info.clone(), msg(1, vec![], S)),
            Err(ContractError::Config(
                PerceptronConfigError::WrongClassCount { got: 1 }
            ))
        ));
        assert!(matches!(
            instantiate(deps.as_mut(), mock_env(), info.clone(), msg(2, vec![], -1)),
            Err(ContractError::Config(
                PerceptronConfigError::NonPositiveLearningRate { learning_rate: -1 }
            ))
        ));
        let mut deps = mock_dependencies();
        assert!(matches!(
            instantiate(
                deps.as_mut(),
                mock_env(),
                info.clone(),
                msg(2, vec![(3, 1), (3, 2)], S)
            ),
            Err(ContractError::DuplicateWeight { index: 3 })
        ));
        let mut deps = mock_dependencies();
        instantiate(deps.as_mut(), mock_env(), info, msg(2, vec![(3, 1)], S)).unwrap();
        let info: ModelInfoResponse =
            from_json(query(deps.as_ref(), mock_env(), QueryMsg::Info {}).unwrap()).unwrap();
        assert_eq!(info.dimension, None);
        assert_eq!(info.classes, vec!["0", "1"]);
    }

    #[test]
    fn owner_extends_in_chunks_then_hands_over() {
        let (mut deps, owner) = setup();
        let trainer = deps.api.addr_make("real trainer");
        let exec = |deps: &mut MockDeps, sender: &Addr, msg| {
            execute(deps.as_mut(), mock_env(), message_info(sender, &[]), msg)
        };
        exec(
            &mut deps,
            &owner,
            ExecuteMsg::Extend {
                weights: vec![(9, 7)],
            },
        )
        .unwrap();
        let err = exec(
            &mut deps,
            &owner,
            ExecuteMsg::Extend {
                weights: vec![(1, 7)],
            },
        )
        .unwrap_err();
        assert!(matches!(err, ContractError::DuplicateWeight { index: 1 }));
        let err = exec(
            &mut deps,
            &trainer,
            ExecuteMsg::Extend {
                weights: vec![(5, 7)],
            },
        )
        .unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::NotTrainer { .. })
        ));
        assert_eq!(WEIGHTS.load(&deps.storage, 9).unwrap(), 7);
        assert!(!WEIGHTS.has(&deps.storage, 5));

        exec(
            &mut deps,
            &owner,
            ExecuteMsg::HandOver {
                trainer: trainer.to_string(),
            },
        )
        .unwrap();
        let err = exec(
            &mut deps,
            &trainer,
            ExecuteMsg::Extend {
                weights: vec![(5, 7)],
            },
        )
        .unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::HandedOver {})
        ));
        let err = update(&mut deps, &owner, Features::Sparse(vec![0, 1]), 0).unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::NotTrainer { .. })
        ));
        update(&mut deps, &trainer, Features::Sparse(vec![0, 1]), 0).unwrap();
    }
}
