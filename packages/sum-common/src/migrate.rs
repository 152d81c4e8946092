//! The `migrate` every contract runs: same contract, a version that is not older (semver).

use cosmwasm_std::{Response, StdResult, Storage};

/// Checks by semver (cw2) that the stored contract is `name` at a version no newer than
/// `version`, records `version`, and answers the attributes.
pub fn migrate(storage: &mut dyn Storage, name: &str, version: &str) -> StdResult<Response> {
    let from = cw2::ensure_from_older_version(storage, name, version)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", from.to_string())
        .add_attribute("to_version", version))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;

    fn stored(version: &str) -> MockStorage {
        let mut storage = MockStorage::new();
        cw2::set_contract_version(&mut storage, "sum-trainer", version).unwrap();
        storage
    }

    #[test]
    fn compares_versions_by_semver() {
        let mut storage = stored("0.1.0-rc.1");
        migrate(&mut storage, "sum-trainer", "0.1.0").unwrap();
        assert_eq!(
            cw2::get_contract_version(&storage).unwrap().version,
            "0.1.0"
        );

        let mut storage = stored("0.2.0");
        let err = migrate(&mut storage, "sum-trainer", "0.2.0-rc.1").unwrap_err();
        assert!(err.to_string().contains("newer version"), "{err}");
        assert_eq!(
            cw2::get_contract_version(&storage).unwrap().version,
            "0.2.0"
        );

        let mut storage = stored("0.9.0");
        migrate(&mut storage, "sum-trainer", "0.10.0").unwrap();
        let err = migrate(&mut storage, "sum-model", "0.11.0").unwrap_err();
        assert!(
            err.to_string().contains("Cannot migrate from sum-trainer"),
            "{err}"
        );
    }
}
