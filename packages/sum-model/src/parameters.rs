//! Building `parameters` answers: named scalars and pages of per-feature rows.

use cosmwasm_std::{Int128, Order, StdResult, Storage};
use cw_storage_plus::{Bound, Map};
use sum_common::model::{NamedValue, ParameterRow};

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

/// A page of rows from a map keyed by feature index.
pub fn map_rows<T>(
    map: &Map<u32, T>,
    storage: &dyn Storage,
    start_after: Option<u32>,
    limit: usize,
    values: impl Fn(u32, T) -> ParameterRow,
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
    .map(|entry| entry.map(|(index, value)| values(index, value)))
    .collect()
}
