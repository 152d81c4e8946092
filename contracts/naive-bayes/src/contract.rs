#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult, Storage};
use sum_common::control;
use sum_common::model::{self, ModelVariant};
use sum_common::{ensure_known_class, Features, SampleError};

use crate::error::ContractError;
use crate::msg::{ClassCounts, ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::naive_bayes::{add_count, add_sample, FeatureEvidence, NaiveBayes};
use crate::state::{ClassStats, CLASSES, FEATURE_COUNTS, NAIVE_BAYES};

const CONTRACT_NAME: &str = env!("CARGO_PKG_NAME");
const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    if msg.classes.is_empty() {
        return Err(ContractError::NoClasses {});
    }
    if msg.smoothing == 0 || msg.vocabulary_size == 0 {
        return Err(ContractError::InvalidHyperparameters {
            smoothing: msg.smoothing,
            vocabulary_size: msg.vocabulary_size,
        });
    }
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    control::init(deps.storage, &info.sender)?;
    NAIVE_BAYES.save(
        deps.storage,
        &NaiveBayes {
            smoothing: msg.smoothing,
            vocabulary_size: msg.vocabulary_size,
        },
    )?;
    let mut classes: Vec<ClassStats> = msg
        .classes
        .iter()
        .map(|class| ClassStats {
            name: class.name.clone(),
            num_samples: 0,
            total_count: 0,
        })
        .collect();
    for (index, class) in msg.classes.iter().enumerate() {
        let counts = &class.counts;
        add_counts(
            deps.storage,
            &mut classes[index],
            index,
            counts.num_samples,
            &counts.feature_counts,
        )?;
    }
    CLASSES.save(deps.storage, &classes)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("trainer", info.sender)
        .add_attribute("classes", classes.len().to_string()))
}

/// Adds `occurrences` per feature index and `samples` to one class: everything is
/// computed and checked first, then written, so a refusal changes nothing.
fn add_counts(
    storage: &mut dyn Storage,
    class: &mut ClassStats,
    class_index: usize,
    samples: u64,
    features: &[(u32, u64)],
) -> Result<(), ContractError> {
    let mut updated = Vec::with_capacity(features.len());
    let mut total = 0u64;
    for &(index, occurrences) in features {
        let mut per_class = FEATURE_COUNTS.may_load(storage, index)?.unwrap_or_default();
        add_count(&mut per_class, class_index, occurrences)?;
        updated.push((index, per_class));
        total = total
            .checked_add(occurrences)
            .ok_or(SampleError::Overflow)?;
    }
    add_sample(class, samples, total)?;
    for (index, per_class) in updated {
        FEATURE_COUNTS.save(storage, index, &per_class)?;
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
        ExecuteMsg::Extend { class, counts } => execute_extend(deps, info, class, counts),
        ExecuteMsg::AddClass { name } => execute_add_class(deps, info, name),
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
    let mut classes = CLASSES.load(deps.storage)?;
    ensure_known_class(classification, classes.len())?;
    let counts = data.sparse_counts()?;
    let class = classification as usize;
    add_counts(deps.storage, &mut classes[class], class, 1, &counts)?;
    CLASSES.save(deps.storage, &classes)?;
    Ok(Response::new()
        .add_attribute("action", "update")
        .add_attribute("classification", classification.to_string()))
}

pub fn execute_extend(
    deps: DepsMut,
    info: MessageInfo,
    class: u32,
    counts: ClassCounts,
) -> Result<Response, ContractError> {
    control::ensure_extendable(deps.storage, &info.sender)?;
    let mut classes = CLASSES.load(deps.storage)?;
    ensure_known_class(class, classes.len())?;
    add_counts(
        deps.storage,
        &mut classes[class as usize],
        class as usize,
        counts.num_samples,
        &counts.feature_counts,
    )?;
    CLASSES.save(deps.storage, &classes)?;
    Ok(Response::new()
        .add_attribute("action", "extend")
        .add_attribute("class", class.to_string()))
}

pub fn execute_add_class(
    deps: DepsMut,
    info: MessageInfo,
    name: String,
) -> Result<Response, ContractError> {
    control::ensure_extendable(deps.storage, &info.sender)?;
    let mut classes = CLASSES.load(deps.storage)?;
    classes.push(ClassStats {
        name,
        num_samples: 0,
        total_count: 0,
    });
    CLASSES.save(deps.storage, &classes)?;
    Ok(Response::new()
        .add_attribute("action", "add_class")
        .add_attribute("class", (classes.len() - 1).to_string()))
}

/// The model as loaded for queries.
struct Predictor<'a> {
    deps: Deps<'a>,
    naive_bayes: NaiveBayes,
    classes: Vec<ClassStats>,
}

impl Predictor<'_> {
    fn predict(&self, data: &Features) -> Result<u32, ContractError> {
        let counts = data.sparse_counts()?;
        let per_class = counts
            .iter()
            .map(|&(index, _)| {
                Ok(FEATURE_COUNTS
                    .may_load(self.deps.storage, index)?
                    .unwrap_or_default())
            })
            .collect::<StdResult<Vec<_>>>()?;
        let evidence: Vec<FeatureEvidence> = counts
            .iter()
            .zip(&per_class)
            .map(|(&(_, occurrences), class_counts)| FeatureEvidence {
                occurrences,
                class_counts,
            })
            .collect();
        Ok(self.naive_bayes.predict(&self.classes, &evidence)?)
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let predictor = Predictor {
        deps,
        naive_bayes: NAIVE_BAYES.load(deps.storage)?,
        classes: CLASSES.load(deps.storage)?,
    };
    model::answer_query(
        msg,
        |data| predictor.predict(data),
        || {
            Ok(control::model_info(
                deps.storage,
                ModelVariant::NaiveBayes {
                    smoothing: predictor.naive_bayes.smoothing,
                    vocabulary_size: predictor.naive_bayes.vocabulary_size,
                },
                predictor.classes.iter().map(|c| c.name.clone()).collect(),
                None,
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
    use crate::msg::ClassInit;
    use cosmwasm_std::testing::{
        message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
    };
    use cosmwasm_std::{from_json, Addr, OwnedDeps};
    use sum_common::control::ControlError;
    use sum_common::model::PredictionResponse;
    use sum_common::SCALE;

    type MockDeps = OwnedDeps<MockStorage, MockApi, MockQuerier>;

    fn class(name: &str, num_samples: u64, indices: &[u32]) -> ClassInit {
        ClassInit {
            name: name.into(),
            counts: ClassCounts {
                num_samples,
                feature_counts: indices.iter().map(|&i| (i, 1)).collect(),
            },
        }
    }

    fn setup(classes: Vec<ClassInit>, vocabulary_size: u64) -> (MockDeps, Addr) {
        let mut deps = mock_dependencies();
        let trainer = deps.api.addr_make("trainer");
        instantiate(
            deps.as_mut(),
            mock_env(),
            message_info(&trainer, &[]),
            InstantiateMsg {
                classes,
                smoothing: SCALE as u64,
                vocabulary_size,
            },
        )
        .unwrap();
        (deps, trainer)
    }

    fn reference() -> (MockDeps, Addr) {
        setup(
            vec![
                class("ALARM", 1, &[0, 1, 2, 3, 4]),
                class("WEATHER", 1, &[1, 4, 5, 6, 7, 8, 9]),
            ],
            10,
        )
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
    fn spec_reference() {
        let (mut deps, trainer) = reference();
        assert_eq!(predict(deps.as_ref(), &[0, 1, 10, 3, 4]).unwrap(), 0);
        assert_eq!(predict(deps.as_ref(), &[5, 6, 7, 8, 9, 11]).unwrap(), 1);
        exec(&mut deps, &trainer, update(&[0, 1, 2, 22], 1)).unwrap();
        assert_eq!(predict(deps.as_ref(), &[22]).unwrap(), 1);
        let classes = CLASSES.load(&deps.storage).unwrap();
        assert_eq!((classes[1].num_samples, classes[1].total_count), (2, 11));
        assert_eq!(FEATURE_COUNTS.load(&deps.storage, 1).unwrap(), vec![1, 2]);
        assert_eq!(FEATURE_COUNTS.load(&deps.storage, 22).unwrap(), vec![0, 1]);
    }

    #[test]
    fn long_inputs_do_not_underflow() {
        // 500 tokens, all from class 1's words: multiplying probabilities would underflow
        // to 0 for both classes (and answer class 0); log space keeps the right answer.
        let words_0: Vec<u32> = (0..50).collect();
        let words_1: Vec<u32> = (50..100).collect();
        let (deps, _) = setup(
            vec![class("zero", 10, &words_0), class("one", 10, &words_1)],
            100,
        );
        let long: Vec<u32> = (0..500).map(|i| 50 + (i % 50)).collect();
        assert_eq!(predict(deps.as_ref(), &long).unwrap(), 1);
        let mostly_zero: Vec<u32> = (0..500)
            .map(|i| if i % 5 == 0 { 60 } else { i % 50 })
            .collect();
        assert_eq!(predict(deps.as_ref(), &mostly_zero).unwrap(), 0);
    }

    #[test]
    fn ties_go_to_the_lowest_class_and_empty_classes_never_win() {
        let (mut deps, trainer) = setup(
            vec![class("a", 1, &[1]), class("b", 1, &[1]), class("c", 0, &[])],
            10,
        );
        assert_eq!(predict(deps.as_ref(), &[1]).unwrap(), 0);
        assert_eq!(predict(deps.as_ref(), &[7]).unwrap(), 0);
        exec(&mut deps, &trainer, update(&[7], 1)).unwrap();
        assert_eq!(predict(deps.as_ref(), &[7]).unwrap(), 1);
    }

    #[test]
    fn ten_classes_with_one_added_before_the_hand_over() {
        let classes = (0..9u32)
            .map(|c| class(&format!("class {c}"), 2, &[10 * c, 10 * c + 1, 10 * c + 2]))
            .collect();
        let (mut deps, owner) = setup(classes, 100);
        let trainer = deps.api.addr_make("real trainer");
        exec(
            &mut deps,
            &owner,
            ExecuteMsg::AddClass {
                name: "class 9".into(),
            },
        )
        .unwrap();
        exec(
            &mut deps,
            &owner,
            ExecuteMsg::Extend {
                class: 9,
                counts: ClassCounts {
                    num_samples: 2,
                    feature_counts: vec![(90, 1), (91, 1), (92, 1)],
                },
            },
        )
        .unwrap();
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
            ExecuteMsg::AddClass {
                name: "late".into(),
            },
        )
        .unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::HandedOver {})
        ));
        for c in 0..10u32 {
            assert_eq!(predict(deps.as_ref(), &[10 * c, 10 * c + 2]).unwrap(), c);
        }
        exec(&mut deps, &trainer, update(&[500, 501], 9)).unwrap();
        assert_eq!(predict(deps.as_ref(), &[500]).unwrap(), 9);
    }

    #[test]
    fn bad_input_is_refused_and_changes_nothing() {
        let (mut deps, trainer) = reference();
        let before = (
            CLASSES.load(&deps.storage).unwrap(),
            FEATURE_COUNTS.load(&deps.storage, 1).unwrap(),
        );
        let cases = [
            (
                update(&[1], 2),
                SampleError::UnknownClass {
                    classification: 2,
                    num_classes: 2,
                },
            ),
            (update(&[], 0), SampleError::Empty),
            (
                ExecuteMsg::Update {
                    data: Features::Dense(vec![1]),
                    classification: 0,
                },
                SampleError::WrongKind { expected: "sparse" },
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
        let err = exec(&mut deps, &mallory, update(&[1], 0)).unwrap_err();
        assert!(matches!(
            err,
            ContractError::Control(ControlError::NotTrainer { .. })
        ));
        let after = (
            CLASSES.load(&deps.storage).unwrap(),
            FEATURE_COUNTS.load(&deps.storage, 1).unwrap(),
        );
        assert_eq!(before, after);
    }

    #[test]
    fn counts_that_would_overflow_are_refused() {
        let (mut deps, owner) = reference();
        exec(
            &mut deps,
            &owner,
            ExecuteMsg::Extend {
                class: 0,
                counts: ClassCounts {
                    num_samples: 0,
                    feature_counts: vec![(3, u64::MAX - 1)],
                },
            },
        )
        .unwrap_err();
        // total_count overflowed: the whole extension was refused.
        assert_eq!(FEATURE_COUNTS.load(&deps.storage, 3).unwrap(), vec![1]);
        exec(
            &mut deps,
            &owner,
            ExecuteMsg::Extend {
                class: 1,
                counts: ClassCounts {
                    num_samples: 0,
                    feature_counts: vec![(40, u64::MAX - 10)],
                },
            },
        )
        .unwrap();
        let err = exec(&mut deps, &owner, update(&[40; 20], 1)).unwrap_err();
        assert!(matches!(err, ContractError::Sample(SampleError::Overflow)));
        assert_eq!(
            FEATURE_COUNTS.load(&deps.storage, 40).unwrap(),
            vec![0, u64::MAX - 10]
        );
    }

    #[test]
    fn instantiation_is_validated() {
        let mut deps = mock_dependencies();
        let creator = deps.api.addr_make("creator");
        let info = message_info(&creator, &[]);
        let msg = |classes, smoothing, vocabulary_size| InstantiateMsg {
            classes,
            smoothing,
            vocabulary_size,
        };
        assert!(matches!(
            instantiate(deps.as_mut(), mock_env(), info.clone(), msg(vec![], 1, 1)),
            Err(ContractError::NoClasses {})
        ));
        assert!(matches!(
            instantiate(
                deps.as_mut(),
                mock_env(),
                info,
                msg(vec![class("a", 0, &[])], 0, 1)
            ),
            Err(ContractError::InvalidHyperparameters { .. })
        ));
    }
}
