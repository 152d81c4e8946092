//! The sparse perceptron's storage layout under the model shell.

use std::collections::BTreeMap;

use cosmwasm_std::{Attribute, StdResult, Storage};
use sum_common::model::{ModelVariant, ParametersResponse};
use sum_model::parameters::{map_rows, perceptron_scalars, weight_row};
use sum_model::shell::{load_entries, save_entries, sparse_indices};
use sum_model::{Model, ModelError};
use sum_rules::perceptron::{Perceptron, SparsePerceptron};
use sum_rules::Features;

use crate::msg::{ExtensionMsg, InstantiateMsg};
use crate::state::{PERCEPTRON, WEIGHTS, WEIGHT_SUMS};

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
        sums: BTreeMap::new(),
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
            msg.averaged.unwrap_or(false),
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
        let perceptron = PERCEPTRON.load(storage)?;
        let indices = sparse_indices(samples);
        let sums = if perceptron.averaged() {
            load_entries(&WEIGHT_SUMS, storage, indices.iter().copied())?
        } else {
            BTreeMap::new()
        };
        Ok(SparsePerceptron {
            perceptron,
            weights: load_entries(&WEIGHTS, storage, indices)?,
            sums,
        })
    }

    fn save(
        storage: &mut dyn Storage,
        rule: &SparsePerceptron,
        data: &Features,
        _: u32,
    ) -> StdResult<()> {
        PERCEPTRON.save(storage, &rule.perceptron)?;
        let indices = sparse_indices(&[data]);
        save_entries(&WEIGHT_SUMS, storage, &rule.sums, indices.iter().copied())?;
        save_entries(&WEIGHTS, storage, &rule.weights, indices)
    }

    fn describe(storage: &dyn Storage) -> StdResult<(ModelVariant, Option<u32>)> {
        let p = PERCEPTRON.load(storage)?;
        let variant = ModelVariant::SparsePerceptron {
            learning_rate: p.learning_rate,
            learn_intercept: p.learn_intercept,
            update_on_zero_margin: p.update_on_zero_margin,
            averaged: p.averaged(),
        };
        Ok((variant, None))
    }

    fn parameters(
        storage: &dyn Storage,
        start_after: Option<u32>,
        limit: usize,
    ) -> StdResult<ParametersResponse> {
        let perceptron = PERCEPTRON.load(storage)?;
        let sum_of = |index| -> StdResult<Option<i128>> {
            if !perceptron.averaged() {
                return Ok(None);
            }
            Ok(Some(WEIGHT_SUMS.may_load(storage, index)?.unwrap_or(0)))
        };
        let rows = map_rows(&WEIGHTS, storage, start_after, limit, |index, weight| {
            Ok(weight_row(index, weight, sum_of(index)?))
        })?;
        Ok(ParametersResponse {
            scalars: perceptron_scalars(&perceptron),
            rows,
        })
    }
}

sum_model::entry_points!(SparsePerceptronModel, InstantiateMsg, ExtensionMsg);
