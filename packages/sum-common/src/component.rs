//! What every component contract (data handler, incentive mechanisms) does alike: its first
//! steps at instantiation, its error enum's common part, and its migrate entry point.

use cosmwasm_std::{MessageInfo, Response, StdError, Storage};
use cw_utils::{nonpayable, PaymentError};

use crate::gate::TRAINER;

/// A component's instantiation: refuses funds, records the cw2 `contract` name and version,
/// and makes the instantiating address (its trainer) the only caller. Answers the response
/// with the attributes `action=instantiate` and `trainer`.
pub fn init_component<E>(
    storage: &mut dyn Storage,
    info: &MessageInfo,
    contract: (&str, &str),
) -> Result<Response, E>
where
    E: From<StdError> + From<PaymentError>,
{
    nonpayable(info)?;
    cw2::set_contract_version(storage, contract.0, contract.1)?;
    TRAINER.save(storage, &info.sender)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("trainer", info.sender.as_str()))
}

/// Declares a contract's `ContractError`: the errors every contract can answer (storage and
/// serialisation, funds, the trainer gate, overflow) followed by the given variants.
#[macro_export]
macro_rules! contract_error {
    ($($variants:tt)*) => {
        #[derive(::thiserror::Error, Debug)]
        pub enum ContractError {
            #[error(transparent)]
            Std(#[from] ::cosmwasm_std::StdError),

            #[error(transparent)]
            Payment(#[from] ::cw_utils::PaymentError),

            #[error(transparent)]
            NotTrainer(#[from] $crate::gate::NotTrainer),

            #[error(transparent)]
            Overflow(#[from] ::cosmwasm_std::OverflowError),

            $($variants)*
        }
    };
}

/// Declares a contract's `migrate` entry point: same contract, a version not older (semver).
#[macro_export]
macro_rules! migrate_entry_point {
    ($error:ty) => {
        #[cfg_attr(not(feature = "library"), ::cosmwasm_std::entry_point)]
        pub fn migrate(
            deps: ::cosmwasm_std::DepsMut,
            _env: ::cosmwasm_std::Env,
            _msg: ::cosmwasm_std::Empty,
        ) -> Result<::cosmwasm_std::Response, $error> {
            let contract = (env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));
            Ok($crate::migrate::migrate(
                deps.storage,
                contract.0,
                contract.1,
            )?)
        }
    };
}
