//! The check every contract's `migrate` runs before changing anything.

use cosmwasm_std::{StdError, Storage};
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum MigrateError {
    #[error("cannot migrate from contract {stored} to {expected}")]
    WrongContract { stored: String, expected: String },

    #[error("cannot migrate from version {stored} to older or equal version {new}")]
    NotNewer { stored: String, new: String },

    #[error("contract version not readable: {0}")]
    Unreadable(String),
}

impl From<StdError> for MigrateError {
    fn from(err: StdError) -> Self {
        MigrateError::Unreadable(err.to_string())
    }
}

/// Checks that the stored contract is `name` at a version older than `version`,
/// then records the new version.
pub fn ensure_upgrade(
    storage: &mut dyn Storage,
    name: &str,
    version: &str,
) -> Result<(), MigrateError> {
    let stored = cw2::get_contract_version(storage)?;
    if stored.contract != name {
        return Err(MigrateError::WrongContract {
            stored: stored.contract,
            expected: name.to_string(),
        });
    }
    if !is_older(&stored.version, version) {
        return Err(MigrateError::NotNewer {
            stored: stored.version,
            new: version.to_string(),
        });
    }
    cw2::set_contract_version(storage, name, version)?;
    Ok(())
}

/// Compares dotted numeric versions ("0.1.0" < "0.2.0" < "0.10.0").
fn is_older(stored: &str, new: &str) -> bool {
    let parse =
        |v: &str| -> Vec<u64> { v.split('.').map(|part| part.parse().unwrap_or(0)).collect() };
    parse(stored) < parse(new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;

    #[test]
    fn upgrades_only_the_same_contract_to_a_newer_version() {
        let mut storage = MockStorage::new();
        cw2::set_contract_version(&mut storage, "sum-trainer", "0.1.0").unwrap();
        assert_eq!(
            ensure_upgrade(&mut storage, "sum-model", "0.2.0"),
            Err(MigrateError::WrongContract {
                stored: "sum-trainer".into(),
                expected: "sum-model".into()
            })
        );
        assert!(matches!(
            ensure_upgrade(&mut storage, "sum-trainer", "0.1.0"),
            Err(MigrateError::NotNewer { .. })
        ));
        ensure_upgrade(&mut storage, "sum-trainer", "0.10.0").unwrap();
        assert_eq!(
            cw2::get_contract_version(&storage).unwrap().version,
            "0.10.0"
        );
    }
}
