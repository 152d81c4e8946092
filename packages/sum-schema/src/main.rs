//! Writes the JSON schema of every contract's messages to `schema/<contract>/` at the
//! workspace root (`cargo schema`; `scripts/schema.sh --check` fails when they change).
//! Every contract has the workspace version, which `write_api!` takes from this crate.

use std::fs;
use std::path::{Path, PathBuf};

/// Writes one contract's schema: `write_api!` writes into `<current dir>/schema`, so it
/// runs in a scratch folder whose result then replaces `schema/<dir>`.
macro_rules! write_schema {
    ($root:expr, $dir:literal, $name:literal, $krate:ident) => {{
        let scratch = scratch_dir($dir);
        std::env::set_current_dir(&scratch).expect("enters the scratch folder");
        cosmwasm_schema::write_api! {
            name: $name,
            instantiate: $krate::msg::InstantiateMsg,
            execute: $krate::msg::ExecuteMsg,
            query: $krate::msg::QueryMsg,
            migrate: cosmwasm_std::Empty,
        }
        replace(&scratch.join("schema"), &$root.join("schema").join($dir));
    }};
}

fn scratch_dir(contract: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sum-schema-{}-{contract}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("creates a scratch folder");
    dir
}

fn replace(from: &Path, to: &Path) {
    let _ = fs::remove_dir_all(to);
    fs::create_dir_all(to.parent().expect("schema/")).expect("creates schema/");
    fs::rename(from, to).expect("moves the schema into place");
    let _ = fs::remove_dir_all(from.parent().expect("the scratch folder"));
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().expect("the workspace root");
    write_schema!(root, "trainer", "sum-trainer", sum_trainer);
    write_schema!(root, "data-handler", "sum-data-handler", sum_data_handler);
    write_schema!(
        root,
        "dense-perceptron",
        "sum-dense-perceptron",
        sum_dense_perceptron
    );
    write_schema!(
        root,
        "sparse-perceptron",
        "sum-sparse-perceptron",
        sum_sparse_perceptron
    );
    write_schema!(root, "naive-bayes", "sum-naive-bayes", sum_naive_bayes);
    write_schema!(
        root,
        "nearest-centroid",
        "sum-nearest-centroid",
        sum_nearest_centroid
    );
    write_schema!(
        root,
        "sparse-nearest-centroid",
        "sum-sparse-nearest-centroid",
        sum_sparse_nearest_centroid
    );
    write_schema!(root, "stakeable", "sum-stakeable", sum_stakeable);
    write_schema!(root, "points", "sum-points", sum_points);
    write_schema!(
        root,
        "prediction-market",
        "sum-prediction-market",
        sum_prediction_market
    );
}
