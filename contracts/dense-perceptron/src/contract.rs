#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};
use sum_common::control;
use sum_common::model::{self, ModelInfoResponse, ModelVariant};
use sum_common::perceptron::Perceptron;
use sum_common::{ensure_known_class, Features, MAX_FEATURES};

use crate::error::ContractError;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::state::{CLASSES, PERCEPTRON, WEIGHTS};

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
    if msg.weights.is_empty() || msg.weights.len() > MAX_FEATURES {
        return Err(ContractError::InvalidDimension {
            max: MAX_FEATURES,
            got: msg.weights.len(),
        });
    }
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    control::init(deps.storage, &info.sender)?;
    CLASSES.save(deps.storage, &msg.classes)?;
    WEIGHTS.save(deps.storage, &msg.weights)?;
    PERCEPTRON.save(deps.storage, &perceptron)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("trainer", info.sender)
        .add_attribute("dimension", msg.weights.len().to_string()))
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
    let mut weights = WEIGHTS.load(deps.storage)?;
    let x = data.normalised_dense(weights.len())?;
    let mut perceptron = PERCEPTRON.load(deps.storage)?;
    let changed = perceptron.update(&mut weights, x, classification)?;
    if changed {
        WEIGHTS.save(deps.storage, &weights)?;
        PERCEPTRON.save(deps.storage, &perceptron)?;
    }
    Ok(Response::new()
        .add_attribute("action", "update")
        .add_attribute("classification", classification.to_string())
        .add_attribute("changed", changed.to_string()))
}

/// Appends weights, growing the dimension, before the hand-over.
pub fn execute_extend(
    deps: DepsMut,
    info: MessageInfo,
    more: Vec<i64>,
) -> Result<Response, ContractError> {
    control::ensure_extendable(deps.storage, &info.sender)?;
    let mut weights = WEIGHTS.load(deps.storage)?;
    weights.extend(more);
    if weights.len() > MAX_FEATURES {
        return Err(ContractError::InvalidDimension {
            max: MAX_FEATURES,
            got: weights.len(),
        });
    }
    WEIGHTS.save(deps.storage, &weights)?;
    Ok(Response::new()
        .add_attribute("action", "extend")
        .add_attribute("dimension", weights.len().to_string()))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let predictor = Predictor::load(deps)?;
    model::answer_query(
        msg,
        |x| predictor.predict(x),
        || Ok(query_info(deps, &predictor)?),
    )
}

/// The model as loaded for queries.
pub struct Predictor {
    perceptron: Perceptron,
    weights: Vec<i64>,
}

impl Predictor {
    fn load(deps: Deps) -> StdResult<Self> {
        Ok(Predictor {
            perceptron: PERCEPTRON.load(deps.storage)?,
            weights: WEIGHTS.load(deps.storage)?,
        })
    }

    fn predict(&self, data: &Features) -> Result<u32, ContractError> {
        let x = data.normalised_dense(self.weights.len())?;
        Ok(self.perceptron.predict(&self.weights, x)?)
    }
}

fn query_info(deps: Deps, predictor: &Predictor) -> StdResult<ModelInfoResponse> {
    control::model_info(
        deps.storage,
        ModelVariant::DensePerceptron {
            learning_rate: predictor.perceptron.learning_rate,
            learn_intercept: predictor.perceptron.learn_intercept,
        },
        CLASSES.load(deps.storage)?,
        Some(predictor.weights.len() as u32),
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
    use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};
    use cosmwasm_std::{from_json, Addr};
    use sum_common::control::ControlError;
    use sum_common::model::PredictionResponse;
    use sum_common::model::{EvaluateResponse, PredictBatchResponse};
    use sum_common::perceptron::PerceptronConfigError;
    use sum_common::{SampleError, SCALE};

    const S: i64 = SCALE;
    const X: [i64; 8] = [577350259, 577350259, 577350259, 0, 0, 0, 0, 0];

    fn setup() -> (
        cosmwasm_std::OwnedDeps<
            cosmwasm_std::testing::MockStorage,
            cosmwasm_std::testing::MockApi,
            cosmwasm_std::testing::MockQuerier,
        >,
        Addr,
    ) {
        let mut deps = mock_dependencies();
        let trainer = deps.api.addr_make("trainer");
        instantiate(
            deps.as_mut(),
            mock_env(),
            message_info(&trainer, &[]),
            InstantiateMsg {
                classes: vec!["negative".into(), "positive".into()],
                weights: vec![0, S, -S, 0, 0, 0, 0, S],
                intercept: 0,
                learning_rate: S,
                learn_intercept: None,
            },
        )
        .unwrap();
        (deps, trainer)
    }

    fn predict(deps: Deps, data: Features) -> Result<u32, ContractError> {
        let res = query(deps, mock_env(), QueryMsg::Predict { data })?;
        Ok(from_json::<PredictionResponse>(res)?.classification)
    }

    #[test]
    fn spec_reference_through_the_contract() {
        let (mut deps, trainer) = setup();
        let update = |label| ExecuteMsg::Update {
            data: Features::Dense(X.to_vec()),
            classification: label,
        };
        execute(
            deps.as_mut(),
            mock_env(),
            message_info(&trainer, &[]),
            update(0),
        )
        .unwrap();
        assert_eq!(
            WEIGHTS.load(&deps.storage).unwrap(),
            vec![0, S, -S, 0, 0, 0, 0, S]
        );
        execute(
            deps.as_mut(),
            mock_env(),
            message_info(&trainer, &[]),
            update(1),
        )
        .unwrap();
        assert_eq!(
            WEIGHTS.load(&deps.storage).unwrap(),
            vec![577350259, 1577350259, -422649741, 0, 0, 0, 0, 1000000000]
        );
        assert_eq!(
            predict(deps.as_ref(), Features::Dense(X.to_vec())).unwrap(),
            1
        );
    }

    #[test]
    fn batch_and_evaluate() {
        let (deps, _) = setup();
        let a = Features::Dense(vec![0, 894427191, 447213595, 0, 0, 0, 0, 0]);
        let b = Features::Dense(vec![447213595, 0, 894427191, 0, 0, 0, 0, 0]);
        let batch: PredictBatchResponse = from_json(
            query(
                deps.as_ref(),
                mock_env(),
                QueryMsg::PredictBatch {
                    samples: vec![a.clone(), b.clone()],
                },
            )
            .unwrap(),
        )
        .unwrap();
        assert_eq!(batch.classifications, vec![1, 0]);
        let evaluation: EvaluateResponse = from_json(
            query(
                deps.as_ref(),
                mock_env(),
                QueryMsg::Evaluate {
                    samples: vec![a.clone(), b],
                    labels: vec![1, 1],
                },
            )
            .unwrap(),
        )
        .unwrap();
        assert_eq!(
            evaluation,
            EvaluateResponse {
                correct: 1,
                total: 2
            }
        );
        let err = query(
            deps.as_ref(),
            mock_env(),
            QueryMsg::Evaluate {
                samples: vec![a],
                labels: vec![],
            },
        )
        .unwrap_err();
        assert!(matches!(
            err,
            ContractError::Sample(SampleError::LabelCountMismatch {
                samples: 1,
                labels: 0
            })
        ));
    }

    #[test]
    fn bad_samples_are_refused_and_change_nothing() {
        let (mut deps, trainer) = setup();
        let cases = [
            (
                Features::Dense(X[..7].to_vec()),
                1,
                SampleError::WrongDimension {
                    expected: 8,
                    got: 7,
                },
            ),
            (
                Features::Dense(vec![S, S, 0, 0, 0, 0, 0, 0]),
                1,
                SampleError::NotNormalised {
                    norm_squared: 2 * (S as i128) * (S as i128),
                },
            ),
            (
                Features::Sparse(vec![1]),
                1,
                SampleError::WrongKind { expected: "dense" },
            ),
            (
                Features::Dense(X.to_vec()),
                2,
                SampleError::UnknownClass {
                    classification: 2,
                    num_classes: 2,
                },
            ),
        ];
        for (data, classification, expected) in cases {
            let err = execute(
                deps.as_mut(),
                mock_env(),
                message_info(&trainer, &[]),
                ExecuteMsg::Update {
                    data,
                    classification,
                },
            )
            .unwrap_err();
            assert!(
                matches!(&err, ContractError::Sample(e) if *e == expected),
                "{err}"
            );
        }
        assert_eq!(
            WEIGHTS.load(&deps.storage).unwrap(),
            vec![0, S, -S, 0, 0, 0, 0, S]
        );
        assert_eq!(PERCEPTRON.load(&deps.storage).unwrap().intercept, 0);
    }

    #[test]
    fn only_the_trainer_updates() {
        let (mut deps, _) = setup();
        let mallory = deps.api.addr_make("mallory");
        let err = execute(
            deps.as_mut(),
            mock_env(),
            message_info(&mallory, &[]),
            ExecuteMsg::Update {
                data: Features::Dense(X.to_vec()),
                classification: 1,
            },
        )
        .unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::NotTrainer { .. })
        ));
        assert_eq!(
            WEIGHTS.load(&deps.storage).unwrap(),
            vec![0, S, -S, 0, 0, 0, 0, S]
        );
    }

    #[test]
    fn instantiation_is_validated() {
        let mut deps = mock_dependencies();
        let creator = deps.api.addr_make("creator");
        let msg = |classes: usize, dimension: usize, learning_rate| InstantiateMsg {
            classes: (0..classes).map(|c| c.to_string()).collect(),
            weights: vec![0; dimension],
            intercept: 0,
            learning_rate,
            learn_intercept: Some(false),
        };
        let info = message_info(&creator, &[]);
        assert!(matches!(
            instantiate(deps.as_mut(), mock_env(), info.clone(), msg(3, 2, S)),
            Err(ContractError::Config(
                PerceptronConfigError::WrongClassCount { got: 3 }
            ))
        ));
        assert!(matches!(
            instantiate(deps.as_mut(), mock_env(), info.clone(), msg(2, 0, S)),
            Err(ContractError::InvalidDimension { got: 0, .. })
        ));
        assert!(matches!(
            instantiate(
                deps.as_mut(),
                mock_env(),
                info.clone(),
                msg(2, MAX_FEATURES + 1, S)
            ),
            Err(ContractError::InvalidDimension { .. })
        ));
        assert!(matches!(
            instantiate(deps.as_mut(), mock_env(), info.clone(), msg(2, 2, 0)),
            Err(ContractError::Config(
                PerceptronConfigError::NonPositiveLearningRate { learning_rate: 0 }
            ))
        ));
        instantiate(deps.as_mut(), mock_env(), info, msg(2, 2, S)).unwrap();
        let info: ModelInfoResponse =
            from_json(query(deps.as_ref(), mock_env(), QueryMsg::Info {}).unwrap()).unwrap();
        assert_eq!(info.dimension, Some(2));
        assert_eq!(
            info.variant,
            ModelVariant::DensePerceptron {
                learning_rate: S,
                learn_intercept: false
            }
        );
        assert_eq!(info.trainer, creator);
    }

    #[test]
    fn owner_extends_in_chunks_then_hands_over() {
        let mut deps = mock_dependencies();
        let owner = deps.api.addr_make("owner");
        let trainer = deps.api.addr_make("trainer");
        let exec = |deps: &mut cosmwasm_std::OwnedDeps<_, _, _>, sender: &Addr, msg| {
            execute(deps.as_mut(), mock_env(), message_info(sender, &[]), msg)
        };
        instantiate(
            deps.as_mut(),
            mock_env(),
            message_info(&owner, &[]),
            InstantiateMsg {
                classes: vec!["a".into(), "b".into()],
                weights: vec![S, 0],
                intercept: 0,
                learning_rate: S,
                learn_intercept: None,
            },
        )
        .unwrap();
        exec(
            &mut deps,
            &owner,
            ExecuteMsg::Extend {
                weights: vec![-S, 0],
            },
        )
        .unwrap();
        let err = exec(&mut deps, &trainer, ExecuteMsg::Extend { weights: vec![1] }).unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::NotTrainer { .. })
        ));
        let err = exec(
            &mut deps,
            &owner,
            ExecuteMsg::Extend {
                weights: vec![0; MAX_FEATURES],
            },
        )
        .unwrap_err();
        assert!(matches!(err, ContractError::InvalidDimension { .. }));
        assert_eq!(WEIGHTS.load(&deps.storage).unwrap(), vec![S, 0, -S, 0]);

        exec(
            &mut deps,
            &owner,
            ExecuteMsg::HandOver {
                trainer: trainer.to_string(),
            },
        )
        .unwrap();
        let err = exec(&mut deps, &trainer, ExecuteMsg::Extend { weights: vec![1] }).unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::HandedOver {})
        ));
        let update = ExecuteMsg::Update {
            data: Features::Dense(vec![0, 0, S, 0]),
            classification: 1,
        };
        let err = exec(&mut deps, &owner, update.clone()).unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::NotTrainer { .. })
        ));
        exec(&mut deps, &trainer, update).unwrap();
        let info: ModelInfoResponse =
            from_json(query(deps.as_ref(), mock_env(), QueryMsg::Info {}).unwrap()).unwrap();
        assert_eq!(info.dimension, Some(4));
        assert!(info.handed_over);
        assert_eq!(info.trainer, trainer);
    }
}
