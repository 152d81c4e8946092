//! The generic model contract: what every model does, written once over [`Model`].

use std::collections::{BTreeMap, BTreeSet};

use cosmwasm_std::{
    to_json_binary, Attribute, Binary, Deps, DepsMut, Empty, MessageInfo, Response, StdResult,
    Storage,
};
use cw_storage_plus::{Item, Map};
use cw_utils::nonpayable;
use serde::{de::DeserializeOwned, Serialize};
use sum_common::gate::{ensure_trainer, TRAINER};
use sum_common::model::{
    EvaluateResponse, ModelExecuteMsg, ModelInfoResponse, ModelQueryMsg, ModelVariant,
    ParametersResponse, PredictBatchResponse, PredictionResponse,
};
use sum_rules::config::ensure_class_names;
use sum_rules::{ensure_known_class, Classifier, Features};

use crate::control::{self, HANDED_OVER};
use crate::error::ModelError;
use crate::parameters::page_limit;

/// Class names of every model; a class index is a position in this list.
pub const CLASSES: Item<Vec<String>> = Item::new("classes");

/// A model contract: its rule and its storage layout. The shell does the rest.
pub trait Model {
    /// The model's instantiate message.
    type InstantiateMsg;
    /// The model's own execute messages (chunks before the hand-over).
    type ExtensionMsg;
    /// The in-memory rule.
    type Rule: Classifier;

    /// Validates `msg`, stores the initial parameters and answers the class names.
    fn instantiate(
        storage: &mut dyn Storage,
        msg: Self::InstantiateMsg,
    ) -> Result<Vec<String>, ModelError>;

    /// Applies one chunk; may add class names. Answers the response attributes.
    fn extend(
        storage: &mut dyn Storage,
        classes: &mut Vec<String>,
        msg: Self::ExtensionMsg,
    ) -> Result<Vec<Attribute>, ModelError>;

    /// The rule holding every parameter that predicting or training on `samples` reads.
    fn load(storage: &dyn Storage, samples: &[&Features]) -> Result<Self::Rule, ModelError>;

    /// Saves what training on `data` as `classification` changed in `rule`.
    fn save(
        storage: &mut dyn Storage,
        rule: &Self::Rule,
        data: &Features,
        classification: u32,
    ) -> StdResult<()>;

    /// The variant with its hyper-parameters and, for dense models, the dimension.
    fn describe(storage: &dyn Storage) -> StdResult<(ModelVariant, Option<u32>)>;

    /// The scalars and a page of rows.
    fn parameters(
        storage: &dyn Storage,
        start_after: Option<u32>,
        limit: usize,
    ) -> StdResult<ParametersResponse>;
}

/// Instantiates the model; `contract` is the cw2 name and version of the model's crate.
pub fn instantiate<M: Model>(
    deps: DepsMut,
    info: MessageInfo,
    msg: M::InstantiateMsg,
    contract: (&str, &str),
) -> Result<Response, ModelError> {
    nonpayable(&info)?;
    let classes = M::instantiate(deps.storage, msg)?;
    ensure_class_names(&classes)?;
    cw2::set_contract_version(deps.storage, contract.0, contract.1)?;
    control::init(deps.storage, &info.sender)?;
    CLASSES.save(deps.storage, &classes)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("trainer", info.sender)
        .add_attribute("classes", classes.len().to_string()))
}

pub fn execute<M: Model>(
    deps: DepsMut,
    info: MessageInfo,
    msg: ModelExecuteMsg<M::ExtensionMsg>,
) -> Result<Response, ModelError> {
    nonpayable(&info)?;
    match msg {
        ModelExecuteMsg::Update {
            data,
            classification,
        } => execute_update::<M>(deps, info, data, classification),
        ModelExecuteMsg::HandOver { trainer } => {
            let trainer = deps.api.addr_validate(&trainer)?;
            control::hand_over(deps.storage, &info.sender, &trainer)?;
            Ok(Response::new()
                .add_attribute("action", "hand_over")
                .add_attribute("trainer", trainer))
        }
        ModelExecuteMsg::Extension(msg) => {
            control::ensure_extendable(deps.storage, &info.sender)?;
            let mut classes = CLASSES.load(deps.storage)?;
            let attributes = M::extend(deps.storage, &mut classes, msg)?;
            ensure_class_names(&classes)?;
            CLASSES.save(deps.storage, &classes)?;
            Ok(Response::new()
                .add_attribute("action", "extension")
                .add_attributes(attributes))
        }
    }
}

/// Trains on one sample (trainer only): loads what it touches, applies the rule, saves.
pub fn execute_update<M: Model>(
    deps: DepsMut,
    info: MessageInfo,
    data: Features,
    classification: u32,
) -> Result<Response, ModelError> {
    ensure_trainer::<ModelError>(deps.storage, &info.sender)?;
    let mut rule = M::load(deps.storage, &[&data])?;
    let changed = rule.update(&data, classification)?;
    if changed {
        M::save(deps.storage, &rule, &data, classification)?;
    }
    Ok(Response::new()
        .add_attribute("action", "update")
        .add_attribute("classification", classification.to_string())
        .add_attribute("changed", changed.to_string()))
}

pub fn query<M: Model>(deps: Deps, msg: ModelQueryMsg) -> Result<Binary, ModelError> {
    Ok(match msg {
        ModelQueryMsg::Predict { data } => {
            let rule = M::load(deps.storage, &[&data])?;
            to_json_binary(&PredictionResponse {
                classification: rule.predict(&data)?,
            })?
        }
        ModelQueryMsg::PredictBatch { samples } => {
            let rule = M::load(deps.storage, &samples.iter().collect::<Vec<_>>())?;
            let classifications = samples
                .iter()
                .map(|sample| rule.predict(sample))
                .collect::<Result<_, _>>()?;
            to_json_binary(&PredictBatchResponse { classifications })?
        }
        ModelQueryMsg::Evaluate { samples, labels } => {
            let rule = M::load(deps.storage, &samples.iter().collect::<Vec<_>>())?;
            to_json_binary(&EvaluateResponse {
                correct: rule.evaluate(&samples, &labels)?,
                total: samples.len() as u32,
            })?
        }
        ModelQueryMsg::Validate {
            data,
            classification,
        } => {
            let rule = M::load(deps.storage, &[&data])?;
            ensure_known_class(classification, rule.num_classes())?;
            rule.predict(&data)?;
            to_json_binary(&Empty {})?
        }
        ModelQueryMsg::Info {} => to_json_binary(&query_info::<M>(deps)?)?,
        ModelQueryMsg::Parameters { start_after, limit } => to_json_binary(&M::parameters(
            deps.storage,
            start_after,
            page_limit(limit),
        )?)?,
    })
}

fn query_info<M: Model>(deps: Deps) -> StdResult<ModelInfoResponse> {
    let (variant, dimension) = M::describe(deps.storage)?;
    Ok(ModelInfoResponse {
        variant,
        classes: CLASSES.load(deps.storage)?,
        dimension,
        trainer: TRAINER.load(deps.storage)?,
        handed_over: HANDED_OVER.load(deps.storage)?,
    })
}

/// The distinct sparse indices of the samples (dense samples have none).
pub fn sparse_indices(samples: &[&Features]) -> BTreeSet<u32> {
    samples
        .iter()
        .filter_map(|sample| match sample {
            Features::Sparse(indices) => Some(indices.iter().copied()),
            Features::Dense(_) => None,
        })
        .flatten()
        .collect()
}

/// The stored entries of the given indices (absent ones left out).
pub fn load_entries<T: Serialize + DeserializeOwned>(
    map: &Map<u32, T>,
    storage: &dyn Storage,
    indices: impl IntoIterator<Item = u32>,
) -> StdResult<BTreeMap<u32, T>> {
    let mut entries = BTreeMap::new();
    for index in indices {
        if let Some(value) = map.may_load(storage, index)? {
            entries.insert(index, value);
        }
    }
    Ok(entries)
}

/// Saves the entries of the given indices.
pub fn save_entries<T: Serialize + DeserializeOwned>(
    map: &Map<u32, T>,
    storage: &mut dyn Storage,
    entries: &BTreeMap<u32, T>,
    indices: impl IntoIterator<Item = u32>,
) -> StdResult<()> {
    for index in indices {
        if let Some(value) = entries.get(&index) {
            map.save(storage, index, value)?;
        }
    }
    Ok(())
}
