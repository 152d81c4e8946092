//! The sparse perceptron's storage layout under the model shell.

use std::collections::BTreeMap;

use cosmwasm_std::{Attribute, StdResult, Storage};
use sum_common::model::{ModelVariant, ParametersResponse};
use sum_model::parameters::{map_rows, row, scalar};
use sum_model::shell::{load_entries, save_entries, sparse_indices};
use sum_model::{Model, ModelError};
use sum_rules::perceptron::{Perceptron, SparsePerceptron};
use sum_rules::Features;

use crate::msg::{ExtensionMsg, InstantiateMsg};
use crate::state::{PERCEPTRON, WEIGHTS};

pub struct SparsePerceptronModel;

/// Sets weights and saves them with the scalars.
fn set_weights(
    storage: &mut dyn Storage,
    perceptron: Perceptron,
    weights: &[(u32, i64)],
) -> Result<(), ModelError> {
    let mut model = SparsePerceptron {
        perceptron,
        weights: BTreeMap::new(),
    };
    model.set_weights(weights)?;
    PERCEPTRON.save(storage, &model.perceptron)?;
    save_entries(
        &WEIGHTS,
        storage,
        &model.weights,
        model.weights.keys().copied(),
    )?;
    Ok(())
}

impl Model for SparsePerceptronModel {
    type InstantiateMsg = InstantiateMsg;
    type ExtensionMsg = ExtensionMsg;
    type Rule = SparsePerceptron;

    fn instantiate(
        storage: &mut dyn Storage,
        msg: InstantiateMsg,
    ) -> Result<Vec<String>, ModelError> {
        let perceptron = Perceptron::new(
            msg.classes.len(),
            msg.intercept,
            msg.learning_rate,
            msg.learn_intercept.unwrap_or(true),
            msg.update_on_zero_margin.unwrap_or(false),
        )?;
        set_weights(storage, perceptron, &msg.weights)?;
        Ok(msg.classes)
    }

    fn extend(
        storage: &mut dyn Storage,
        _classes: &mut Vec<String>,
        msg: ExtensionMsg,
    ) -> Result<Vec<Attribute>, ModelError> {
        let ExtensionMsg::SetWeights { weights } = msg;
        let perceptron = PERCEPTRON.load(storage)?;
        set_weights(storage, perceptron, &weights)?;
        Ok(vec![Attribute::new("weights", weights.len().to_string())])
    }

    fn load(storage: &dyn Storage, samples: &[&Features]) -> Result<SparsePerceptron, ModelError> {
        Ok(SparsePerceptron {
            perceptron: PERCEPTRON.load(storage)?,
            weights: load_entries(&WEIGHTS, storage, sparse_indices(samples))?,
        })
    }

    fn save(
        storage: &mut dyn Storage,
        rule: &SparsePerceptron,
        data: &Features,
        _: u32,
    ) -> StdResult<()> {
        PERCEPTRON.save(storage, &rule.perceptron)?;
        save_entries(&WEIGHTS, storage, &rule.weights, sparse_indices(&[data]))
    }

    fn describe(storage: &dyn Storage) -> StdResult<(ModelVariant, Option<u32>)> {
        let p = PERCEPTRON.load(storage)?;
        let variant = ModelVariant::SparsePerceptron {
            learning_rate: p.learning_rate,
            learn_intercept: p.learn_intercept,
            update_on_zero_margin: p.update_on_zero_margin,
        };
        Ok((variant, None))
    }

    fn parameters(
        storage: &dyn Storage,
        start_after: Option<u32>,
        limit: usize,
    ) -> StdResult<ParametersResponse> {
        let rows = map_rows(&WEIGHTS, storage, start_after, limit, |index, weight| {
            row(index, &[weight])
        })?;
        Ok(ParametersResponse {
            scalars: vec![scalar("intercept", PERCEPTRON.load(storage)?.intercept)],
            rows,
        })
    }
}

sum_model::entry_points!(SparsePerceptronModel, InstantiateMsg, ExtensionMsg);
