//! Sparse nearest centroid's storage layout under the model shell.

use std::collections::BTreeMap;

use cosmwasm_std::{Attribute, StdResult, Storage};
use sum_common::model::{ModelVariant, ParametersResponse};
use sum_model::parameters::{map_rows, row, scalar};
use sum_model::shell::{load_entries, save_entries, sparse_indices};
use sum_model::{Model, ModelError};
use sum_rules::config::ensure_class_names;
use sum_rules::sparse_centroid::SparseNearestCentroid;
use sum_rules::Features;

use crate::msg::{ClassInit, ExtensionMsg, InstantiateMsg};
use crate::state::{CLASS_STATS, FEATURE_SUMS};

pub struct SparseNearestCentroidModel;

/// The model with the sums of the given features.
fn load_with(
    storage: &dyn Storage,
    indices: impl IntoIterator<Item = u32>,
) -> StdResult<SparseNearestCentroid> {
    Ok(SparseNearestCentroid {
        classes: CLASS_STATS.load(storage)?,
        sums: load_entries(&FEATURE_SUMS, storage, indices)?,
    })
}

/// Saves the class statistics and the sums of the given features.
fn save_with(
    storage: &mut dyn Storage,
    model: &SparseNearestCentroid,
    indices: impl IntoIterator<Item = u32>,
) -> StdResult<()> {
    CLASS_STATS.save(storage, &model.classes)?;
    save_entries(&FEATURE_SUMS, storage, &model.sums, indices)
}

/// Sets the class of `init`'s name in `model` (adding it to `classes` when new).
fn set_class(
    model: &mut SparseNearestCentroid,
    classes: &mut Vec<String>,
    init: &ClassInit,
) -> Result<usize, ModelError> {
    let index = classes
        .iter()
        .position(|name| *name == init.name)
        .unwrap_or(classes.len());
    model.set_class(&init.name, index, init.count, &init.centroid)?;
    if index == classes.len() {
        classes.push(init.name.clone());
    }
    Ok(index)
}

fn indices_of(init: &ClassInit) -> impl Iterator<Item = u32> + '_ {
    init.centroid.iter().map(|&(index, _)| index)
}

impl Model for SparseNearestCentroidModel {
    type InstantiateMsg = InstantiateMsg;
    type ExtensionMsg = ExtensionMsg;
    type Rule = SparseNearestCentroid;

    fn instantiate(
        storage: &mut dyn Storage,
        msg: InstantiateMsg,
    ) -> Result<Vec<String>, ModelError> {
        let names: Vec<String> = msg.classes.iter().map(|c| c.name.clone()).collect();
        ensure_class_names(&names)?;
        let mut model = SparseNearestCentroid {
            classes: vec![],
            sums: BTreeMap::new(),
        };
        let mut classes = vec![];
        for init in &msg.classes {
            set_class(&mut model, &mut classes, init)?;
        }
        save_with(storage, &model, model.sums.keys().copied())?;
        Ok(classes)
    }

    fn extend(
        storage: &mut dyn Storage,
        classes: &mut Vec<String>,
        msg: ExtensionMsg,
    ) -> Result<Vec<Attribute>, ModelError> {
        let ExtensionMsg::SetClass { class } = msg;
        let mut model = load_with(storage, indices_of(&class))?;
        let index = set_class(&mut model, classes, &class)?;
        save_with(storage, &model, indices_of(&class))?;
        Ok(vec![Attribute::new("class", index.to_string())])
    }

    fn load(
        storage: &dyn Storage,
        samples: &[&Features],
    ) -> Result<SparseNearestCentroid, ModelError> {
        Ok(load_with(storage, sparse_indices(samples))?)
    }

    fn save(
        storage: &mut dyn Storage,
        rule: &SparseNearestCentroid,
        data: &Features,
        _: u32,
    ) -> StdResult<()> {
        save_with(storage, rule, sparse_indices(&[data]))
    }

    fn describe(_storage: &dyn Storage) -> StdResult<(ModelVariant, Option<u32>)> {
        Ok((ModelVariant::SparseNearestCentroid {}, None))
    }

    /// Rows are each feature's sums per class (centroid value × count).
    fn parameters(
        storage: &dyn Storage,
        start_after: Option<u32>,
        limit: usize,
    ) -> StdResult<ParametersResponse> {
        let stats = CLASS_STATS.load(storage)?;
        let num_classes = stats.len();
        let rows = map_rows(
            &FEATURE_SUMS,
            storage,
            start_after,
            limit,
            |index, mut sums| {
                sums.resize(num_classes, 0);
                Ok(row(index, &sums))
            },
        )?;
        let scalars = stats
            .iter()
            .enumerate()
            .flat_map(|(class, s)| {
                [
                    scalar(format!("count.{class}"), s.count),
                    scalar(
                        format!("squared_magnitude.{class}"),
                        s.squared_magnitude as i128,
                    ),
                ]
            })
            .collect();
        Ok(ParametersResponse { scalars, rows })
    }
}

sum_model::entry_points!(SparseNearestCentroidModel, InstantiateMsg, ExtensionMsg);
