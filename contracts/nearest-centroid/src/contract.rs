//! Nearest centroid's storage layout under the model shell.

use cosmwasm_std::{Attribute, Order, StdResult, Storage};
use sum_common::model::{ModelVariant, ParametersResponse};
use sum_model::parameters::{row, scalar};
use sum_model::{Model, ModelError};
use sum_rules::centroid::{Centroid, NearestCentroid};
use sum_rules::config::ensure_class_names;
use sum_rules::Features;

use crate::msg::{ClassInit, ExtensionMsg, InstantiateMsg};
use crate::state::{CENTROIDS, DIMENSION};

pub struct NearestCentroidModel;

fn load_all(storage: &dyn Storage) -> StdResult<NearestCentroid> {
    Ok(NearestCentroid {
        dimension: DIMENSION.load(storage)? as usize,
        centroids: CENTROIDS
            .range(storage, None, None, Order::Ascending)
            .map(|entry| entry.map(|(_, centroid)| centroid))
            .collect::<StdResult<_>>()?,
    })
}

/// Checks and saves the class of `init`'s name (replacing it or adding it to `classes`);
/// answers its index.
fn set_class(
    storage: &mut dyn Storage,
    model: &NearestCentroid,
    classes: &mut Vec<String>,
    init: ClassInit,
) -> Result<u32, ModelError> {
    model.check_centroid(&init.name, &init.centroid)?;
    let index = match classes.iter().position(|name| *name == init.name) {
        Some(index) => index,
        None => {
            classes.push(init.name);
            classes.len() - 1
        }
    } as u32;
    let centroid = Centroid {
        values: init.centroid,
        count: init.count,
    };
    CENTROIDS.save(storage, index, &centroid)?;
    Ok(index)
}

impl Model for NearestCentroidModel {
    type InstantiateMsg = InstantiateMsg;
    type ExtensionMsg = ExtensionMsg;
    type Rule = NearestCentroid;

    fn instantiate(
        storage: &mut dyn Storage,
        msg: InstantiateMsg,
    ) -> Result<Vec<String>, ModelError> {
        let names: Vec<String> = msg.classes.iter().map(|c| c.name.clone()).collect();
        ensure_class_names(&names)?;
        let model = NearestCentroid::new(msg.dimension)?;
        DIMENSION.save(storage, &msg.dimension)?;
        let mut classes = vec![];
        for init in msg.classes {
            set_class(storage, &model, &mut classes, init)?;
        }
        Ok(classes)
    }

    fn extend(
        storage: &mut dyn Storage,
        classes: &mut Vec<String>,
        msg: ExtensionMsg,
    ) -> Result<Vec<Attribute>, ModelError> {
        let ExtensionMsg::SetClass { class } = msg;
        let model = NearestCentroid::new(DIMENSION.load(storage)?)?;
        let index = set_class(storage, &model, classes, class)?;
        Ok(vec![Attribute::new("class", index.to_string())])
    }

    fn load(storage: &dyn Storage, _samples: &[&Features]) -> Result<NearestCentroid, ModelError> {
        Ok(load_all(storage)?)
    }

    fn save(
        storage: &mut dyn Storage,
        rule: &NearestCentroid,
        _: &Features,
        classification: u32,
    ) -> StdResult<()> {
        CENTROIDS.save(
            storage,
            classification,
            &rule.centroids[classification as usize],
        )
    }

    fn describe(storage: &dyn Storage) -> StdResult<(ModelVariant, Option<u32>)> {
        Ok((
            ModelVariant::NearestCentroid {},
            Some(DIMENSION.load(storage)?),
        ))
    }

    fn parameters(
        storage: &dyn Storage,
        start_after: Option<u32>,
        limit: usize,
    ) -> StdResult<ParametersResponse> {
        let model = load_all(storage)?;
        let first = start_after.map_or(0, |index| index as usize + 1);
        let rows = (first..model.dimension)
            .take(limit)
            .map(|i| {
                let values: Vec<i64> = model.centroids.iter().map(|c| c.values[i]).collect();
                row(i as u32, &values)
            })
            .collect();
        let scalars = model
            .centroids
            .iter()
            .enumerate()
            .map(|(class, c)| scalar(format!("count.{class}"), c.count))
            .collect();
        Ok(ParametersResponse { scalars, rows })
    }
}

sum_model::entry_points!(NearestCentroidModel, InstantiateMsg, ExtensionMsg);
