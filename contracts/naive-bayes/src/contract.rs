//! Naive Bayes's storage layout under the model shell.

use std::collections::BTreeMap;

use cosmwasm_std::{Attribute, StdResult, Storage};
use sum_common::model::{ModelVariant, ParametersResponse};
use sum_model::parameters::{map_rows, row, scalar};
use sum_model::shell::{load_entries, save_entries, sparse_indices};
use sum_model::{Model, ModelError};
use sum_rules::naive_bayes::{ClassTotals, NaiveBayes, Smoothing};
use sum_rules::Features;

use crate::msg::{ClassCounts, ExtensionMsg, InstantiateMsg};
use crate::state::{FEATURE_COUNTS, SMOOTHING, TOTALS};

pub struct NaiveBayesModel;

/// The model with the counts of the given features.
fn load_with(
    storage: &dyn Storage,
    indices: impl IntoIterator<Item = u32>,
) -> StdResult<NaiveBayes> {
    Ok(NaiveBayes {
        smoothing: SMOOTHING.load(storage)?,
        classes: TOTALS.load(storage)?,
        counts: load_entries(&FEATURE_COUNTS, storage, indices)?,
    })
}

/// Saves the totals and the counts of the given features.
fn save_with(
    storage: &mut dyn Storage,
    model: &NaiveBayes,
    indices: impl IntoIterator<Item = u32>,
) -> StdResult<()> {
    TOTALS.save(storage, &model.classes)?;
    save_entries(&FEATURE_COUNTS, storage, &model.counts, indices)
}

fn set_counts(model: &mut NaiveBayes, class: u32, counts: &ClassCounts) -> Result<(), ModelError> {
    Ok(model.set_counts(class, counts.num_samples, &counts.feature_counts)?)
}

fn indices_of(counts: &ClassCounts) -> impl Iterator<Item = u32> + '_ {
    counts.feature_counts.iter().map(|&(index, _)| index)
}

impl Model for NaiveBayesModel {
    type InstantiateMsg = InstantiateMsg;
    type ExtensionMsg = ExtensionMsg;
    type Rule = NaiveBayes;

    fn instantiate(
        storage: &mut dyn Storage,
        msg: InstantiateMsg,
    ) -> Result<Vec<String>, ModelError> {
        let mut model = NaiveBayes {
            smoothing: Smoothing::new(msg.smoothing, msg.vocabulary_size)?,
            classes: vec![ClassTotals::default(); msg.classes.len()],
            counts: BTreeMap::new(),
        };
        for (class, init) in msg.classes.iter().enumerate() {
            set_counts(&mut model, class as u32, &init.counts)?;
        }
        SMOOTHING.save(storage, &model.smoothing)?;
        save_with(storage, &model, model.counts.keys().copied())?;
        Ok(msg.classes.into_iter().map(|class| class.name).collect())
    }

    fn extend(
        storage: &mut dyn Storage,
        classes: &mut Vec<String>,
        msg: ExtensionMsg,
    ) -> Result<Vec<Attribute>, ModelError> {
        match msg {
            ExtensionMsg::SetCounts { class, counts } => {
                let mut model = load_with(storage, indices_of(&counts))?;
                set_counts(&mut model, class, &counts)?;
                save_with(storage, &model, indices_of(&counts))?;
                Ok(vec![Attribute::new("class", class.to_string())])
            }
            ExtensionMsg::AddClass { name } => {
                if !classes.contains(&name) {
                    let mut totals = TOTALS.load(storage)?;
                    totals.push(ClassTotals::default());
                    TOTALS.save(storage, &totals)?;
                    classes.push(name.clone());
                }
                let index = classes.iter().position(|c| *c == name).unwrap_or_default();
                Ok(vec![Attribute::new("class", index.to_string())])
            }
        }
    }

    fn load(storage: &dyn Storage, samples: &[&Features]) -> Result<NaiveBayes, ModelError> {
        Ok(load_with(storage, sparse_indices(samples))?)
    }

    fn save(
        storage: &mut dyn Storage,
        rule: &NaiveBayes,
        data: &Features,
        _: u32,
    ) -> StdResult<()> {
        save_with(storage, rule, sparse_indices(&[data]))
    }

    fn describe(storage: &dyn Storage) -> StdResult<(ModelVariant, Option<u32>)> {
        let smoothing = SMOOTHING.load(storage)?;
        let variant = ModelVariant::NaiveBayes {
            smoothing: smoothing.smoothing,
            vocabulary_size: smoothing.vocabulary_size,
        };
        Ok((variant, None))
    }

    fn parameters(
        storage: &dyn Storage,
        start_after: Option<u32>,
        limit: usize,
    ) -> StdResult<ParametersResponse> {
        let totals = TOTALS.load(storage)?;
        let num_classes = totals.len();
        let rows = map_rows(
            &FEATURE_COUNTS,
            storage,
            start_after,
            limit,
            |index, mut counts| {
                counts.resize(num_classes, 0);
                Ok(row(index, &counts))
            },
        )?;
        let scalars = totals
            .iter()
            .enumerate()
            .flat_map(|(class, t)| {
                [
                    scalar(format!("num_samples.{class}"), t.num_samples),
                    scalar(format!("total_count.{class}"), t.total_count),
                ]
            })
            .collect();
        Ok(ParametersResponse { scalars, rows })
    }
}

sum_model::entry_points!(NaiveBayesModel, InstantiateMsg, ExtensionMsg);
