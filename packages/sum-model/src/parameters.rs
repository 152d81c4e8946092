//! Building `parameters` answers: named scalars and pages of per-feature rows.

use cosmwasm_std::{Int128, Order, StdResult, Storage};
use cw_storage_plus::{Bound, Map};
use sum_common::model::{NamedValue, ParameterRow};
use sum_rules::perceptron::Perceptron;

/// Rows per page when none is asked for, and the most a page holds.
pub const DEFAULT_LIMIT: u32 = 100;
pub const MAX_LIMIT: u32 = 1000;

/// The page size for a requested limit.
pub fn page_limit(limit: Option<u32>) -> usize {
    limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize
}

/// A named scalar.
pub fn scalar(name: impl Into<String>, value: impl Into<i128>) -> NamedValue {
    NamedValue {
        name: name.into(),
        value: Int128::new(value.into()),
    }
}

/// A row of values.
pub fn row<V: Copy + Into<i128>>(index: u32, values: &[V]) -> ParameterRow {
    ParameterRow {
        index,
        values: values.iter().map(|&v| Int128::new(v.into())).collect(),
    }
}

/// A perceptron's scalars: its intercept and, averaged, the count of weight vectors its
/// mean is over and the intercept's sum.
pub fn perceptron_scalars(perceptron: &Perceptron) -> Vec<NamedValue> {
    let mut scalars = vec![scalar("intercept", perceptron.intercept)];
    if let Some(averaging) = &perceptron.averaging {
        scalars.push(scalar("count", averaging.count));
        scalars.push(scalar("intercept_sum", averaging.intercept_sum));
    }
    scalars
}

/// A perceptron's row: the weight and, averaged, its sum.
pub fn weight_row(index: u32, weight: i64, sum: Option<i128>) -> ParameterRow {
    let mut values = vec![weight as i128];
    values.extend(sum);
    row(index, &values)
}

/// A page of rows from a map keyed by feature index (a row may read more storage).
pub fn map_rows<T>(
    map: &Map<u32, T>,
    storage: &dyn Storage,
    start_after: Option<u32>,
    limit: usize,
    values: impl Fn(u32, T) -> StdResult<ParameterRow>,
) -> StdResult<Vec<ParameterRow>>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    map.range(
        storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    )
    .take(limit)
    .map(|entry| entry.and_then(|(index, value)| values(index, value)))
    .collect()
}
