//! The dense perceptron's storage layout under the model shell.

use cosmwasm_std::{Attribute, StdResult, Storage};
use sum_common::model::{ModelVariant, ParametersResponse};
use sum_model::parameters::{perceptron_scalars, weight_row};
use sum_model::{Model, ModelError};
use sum_rules::perceptron::{DensePerceptron, Perceptron};
use sum_rules::Features;

use crate::msg::{ExtensionMsg, InstantiateMsg};
use crate::state::{PERCEPTRON, WEIGHTS, WEIGHT_SUMS};

pub struct DensePerceptronModel;

fn load_all(storage: &dyn Storage) -> StdResult<DensePerceptron> {
    let perceptron = PERCEPTRON.load(storage)?;
    let sums = if perceptron.averaged() {
        WEIGHT_SUMS.load(storage)?
    } else {
        vec![]
    };
    Ok(DensePerceptron {
        perceptron,
        weights: WEIGHTS.load(storage)?,
        sums,
    })
}

fn save_all(storage: &mut dyn Storage, model: &DensePerceptron) -> StdResult<()> {
    PERCEPTRON.save(storage, &model.perceptron)?;
    if model.perceptron.averaged() {
        WEIGHT_SUMS.save(storage, &model.sums)?;
    }
    WEIGHTS.save(storage, &model.weights)
}

impl Model for DensePerceptronModel {
    type InstantiateMsg = InstantiateMsg;
    type ExtensionMsg = ExtensionMsg;
    type Rule = DensePerceptron;

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
        save_all(
            storage,
            &DensePerceptron::new(perceptron, msg.dimension, &msg.weights)?,
        )?;
        Ok(msg.classes)
    }

    fn extend(
        storage: &mut dyn Storage,
        _classes: &mut Vec<String>,
        msg: ExtensionMsg,
    ) -> Result<Vec<Attribute>, ModelError> {
        let ExtensionMsg::SetWeights { offset, weights } = msg;
        let mut model = load_all(storage)?;
        model.set_weights(offset, &weights)?;
        save_all(storage, &model)?;
        Ok(vec![
            Attribute::new("offset", offset.to_string()),
            Attribute::new("weights", weights.len().to_string()),
        ])
    }

    fn load(storage: &dyn Storage, _samples: &[&Features]) -> Result<DensePerceptron, ModelError> {
        Ok(load_all(storage)?)
    }

    fn save(
        storage: &mut dyn Storage,
        rule: &DensePerceptron,
        _: &Features,
        _: u32,
    ) -> StdResult<()> {
        save_all(storage, rule)
    }

    fn describe(storage: &dyn Storage) -> StdResult<(ModelVariant, Option<u32>)> {
        let model = load_all(storage)?;
        let p = model.perceptron;
        let variant = ModelVariant::DensePerceptron {
            learning_rate: p.learning_rate,
            learn_intercept: p.learn_intercept,
            update_on_zero_margin: p.update_on_zero_margin,
            averaged: p.averaged(),
        };
        Ok((variant, Some(model.weights.len() as u32)))
    }

    fn parameters(
        storage: &dyn Storage,
        start_after: Option<u32>,
        limit: usize,
    ) -> StdResult<ParametersResponse> {
        let model = load_all(storage)?;
        let first = start_after.map_or(0, |index| index as usize + 1);
        let rows = (first..model.weights.len())
            .take(limit)
            .map(|index| {
                let sum = model.sums.get(index).copied();
                weight_row(index as u32, model.weights[index], sum)
            })
            .collect();
        Ok(ParametersResponse {
            scalars: perceptron_scalars(&model.perceptron),
            rows,
        })
    }
}

sum_model::entry_points!(DensePerceptronModel, InstantiateMsg, ExtensionMsg);
