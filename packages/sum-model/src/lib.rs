//! The one shell of every SUM model contract (the cw721 `Cw721Execute` pattern): cw2
//! version, the component gate, chunked extension ended by `hand_over`, the shared queries
//! (`predict`, `predict_batch`, `evaluate`, `info`, `parameters`), migrate, and the common
//! attributes and errors, written once. A model supplies its rule (a
//! [`sum_rules::Classifier`]) and its storage layout by implementing [`Model`], then
//! declares its entry points with [`entry_points!`].

pub mod control;
pub mod error;
pub mod parameters;
pub mod shell;

pub use error::ModelError;
pub use shell::{Model, CLASSES};

/// Declares a model contract's entry points, all delegating to the shell:
/// `entry_points!(ModelType, InstantiateMsg, ExtensionMsg);`
#[macro_export]
macro_rules! entry_points {
    ($model:ty, $instantiate:ty, $extension:ty) => {
        #[cfg_attr(not(feature = "library"), ::cosmwasm_std::entry_point)]
        pub fn instantiate(
            deps: ::cosmwasm_std::DepsMut,
            _env: ::cosmwasm_std::Env,
            info: ::cosmwasm_std::MessageInfo,
            msg: $instantiate,
        ) -> Result<::cosmwasm_std::Response, $crate::ModelError> {
            let contract = (env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));
            $crate::shell::instantiate::<$model>(deps, info, msg, contract)
        }

        #[cfg_attr(not(feature = "library"), ::cosmwasm_std::entry_point)]
        pub fn execute(
            deps: ::cosmwasm_std::DepsMut,
            _env: ::cosmwasm_std::Env,
            info: ::cosmwasm_std::MessageInfo,
            msg: ::sum_common::model::ModelExecuteMsg<$extension>,
        ) -> Result<::cosmwasm_std::Response, $crate::ModelError> {
            $crate::shell::execute::<$model>(deps, info, msg)
        }

        #[cfg_attr(not(feature = "library"), ::cosmwasm_std::entry_point)]
        pub fn query(
            deps: ::cosmwasm_std::Deps,
            _env: ::cosmwasm_std::Env,
            msg: ::sum_common::model::ModelQueryMsg,
        ) -> Result<::cosmwasm_std::Binary, $crate::ModelError> {
            $crate::shell::query::<$model>(deps, msg)
        }

        ::sum_common::migrate_entry_point!($crate::ModelError);
    };
}
