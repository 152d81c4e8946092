//! The data sets: binary features, a label, read from the package's `data/` folder and
//! encoded as each model takes them.

use std::io::Read;
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;
use sum_rules::{Features, SCALE};

use crate::scenario::DataSpec;

/// One labelled sample: the indices of its present binary features.
#[derive(Clone, Debug)]
pub struct Row {
    pub present: Vec<u32>,
    pub label: u32,
}

/// A data set as a simulation uses it.
pub struct DataSet {
    /// Rows the model is initialised with.
    pub initial: Vec<Row>,
    /// Rows offered as contributions, in order.
    pub contributions: Vec<Row>,
    pub test: Vec<Row>,
    pub dimension: u32,
}

/// The folder of the built-in data sets.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn read_rows(path: &Path) -> Result<(Vec<Row>, u32), String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut text = String::new();
    GzDecoder::new(file)
        .read_to_string(&mut text)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut rows = vec![];
    let mut dimension = 0;
    for (n, line) in text.lines().enumerate() {
        let mut fields = line.split(',');
        let label: u32 = fields
            .next()
            .and_then(|f| f.trim().parse().ok())
            .ok_or_else(|| format!("{}:{}: no label", path.display(), n + 1))?;
        let mut present = vec![];
        let mut count = 0;
        for (index, field) in fields.enumerate() {
            if field.trim() == "1" {
                present.push(index as u32);
            }
            count += 1;
        }
        dimension = dimension.max(count);
        rows.push(Row { present, label });
    }
    Ok((rows, dimension))
}

impl DataSet {
    /// Loads and splits a data set as the scenario says.
    pub fn load(spec: &DataSpec) -> Result<Self, String> {
        let dir = data_dir();
        let (mut train, dimension) = read_rows(&dir.join(format!("{}_train.csv.gz", spec.set)))?;
        let (mut test, _) = read_rows(&dir.join(format!("{}_test.csv.gz", spec.set)))?;
        if let Some(limit) = spec.train_limit {
            train.truncate(limit);
        }
        if let Some(limit) = spec.test_limit {
            test.truncate(limit);
        }
        let cut = (train.len() as f64 * spec.initial_share) as usize;
        let rest = train.split_off(cut);
        let contributions = match spec.contributions {
            Some(n) if !rest.is_empty() => rest.iter().cycle().take(n).cloned().collect(),
            _ => rest,
        };
        Ok(DataSet {
            initial: train,
            contributions,
            test,
            dimension,
        })
    }
}

/// A row's features as the model takes them: the indices, or the L2-normalised vector in
/// fixed point (each present feature `10^9/√k`, rounded).
pub fn encode(row: &Row, sparse: bool, dimension: u32) -> Features {
    if sparse {
        return Features::Sparse(row.present.clone());
    }
    let mut values = vec![0i64; dimension as usize];
    if row.present.is_empty() {
        values[0] = SCALE;
    } else {
        let value = (SCALE as f64 / (row.present.len() as f64).sqrt()).round() as i64;
        for &index in &row.present {
            values[index as usize] = value;
        }
    }
    Features::Dense(values)
}
