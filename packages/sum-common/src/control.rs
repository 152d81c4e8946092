//! Who may change a model. The instantiating address controls it: a trainer that
//! instantiates its model controls it from the start; an owner who instantiates a large
//! model alone can complete it with `extend` messages in chunks, then `hand_over` control
//! to the trainer, after which the model can no longer be extended.

use cosmwasm_std::{Addr, DepsMut, Response, StdError, StdResult, Storage};
use cw_storage_plus::Item;
use thiserror::Error;

use crate::model::{ModelInfoResponse, ModelVariant};

/// The only address allowed to update (and, before the hand-over, extend) the model.
pub const TRAINER: Item<Addr> = Item::new("trainer");

/// Whether control was handed over, which ends the extension phase.
pub const HANDED_OVER: Item<bool> = Item::new("handed_over");

#[derive(Error, Debug, PartialEq)]
pub enum ControlError {
    #[error("unauthorized: only the trainer {trainer} may change the model")]
    NotTrainer { trainer: String },

    #[error("the model was handed over to its trainer and can no longer be extended")]
    HandedOver {},

    #[error("{0}")]
    Std(String),
}

impl From<StdError> for ControlError {
    fn from(err: StdError) -> Self {
        ControlError::Std(err.to_string())
    }
}

/// Records the instantiating address as the model's controller.
pub fn init(storage: &mut dyn Storage, instantiator: &Addr) -> Result<(), ControlError> {
    TRAINER.save(storage, instantiator)?;
    HANDED_OVER.save(storage, &false)?;
    Ok(())
}

/// Rejects anyone but the controller.
pub fn ensure_trainer(storage: &dyn Storage, sender: &Addr) -> Result<(), ControlError> {
    let trainer = TRAINER.load(storage)?;
    if *sender != trainer {
        return Err(ControlError::NotTrainer {
            trainer: trainer.into_string(),
        });
    }
    Ok(())
}

/// Rejects anyone but the controller, and everyone after the hand-over.
pub fn ensure_extendable(storage: &dyn Storage, sender: &Addr) -> Result<(), ControlError> {
    ensure_trainer(storage, sender)?;
    if HANDED_OVER.load(storage)? {
        return Err(ControlError::HandedOver {});
    }
    Ok(())
}

/// A model's `info` answer: its own description plus who controls it.
pub fn model_info(
    storage: &dyn Storage,
    variant: ModelVariant,
    classes: Vec<String>,
    dimension: Option<u32>,
) -> StdResult<ModelInfoResponse> {
    Ok(ModelInfoResponse {
        variant,
        classes,
        dimension,
        trainer: TRAINER.load(storage)?,
        handed_over: HANDED_OVER.load(storage)?,
    })
}

/// The `hand_over` message of every model: validates the address, hands control over and
/// answers with the attributes.
pub fn execute_hand_over(
    deps: DepsMut,
    sender: &Addr,
    trainer: String,
) -> Result<Response, ControlError> {
    let trainer = deps.api.addr_validate(&trainer)?;
    hand_over(deps.storage, sender, trainer.clone())?;
    Ok(Response::new()
        .add_attribute("action", "hand_over")
        .add_attribute("trainer", trainer))
}

/// Hands control to `trainer` for good.
pub fn hand_over(
    storage: &mut dyn Storage,
    sender: &Addr,
    trainer: Addr,
) -> Result<(), ControlError> {
    ensure_extendable(storage, sender)?;
    TRAINER.save(storage, &trainer)?;
    HANDED_OVER.save(storage, &true)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;

    #[test]
    fn extension_ends_with_the_hand_over() {
        let mut storage = MockStorage::new();
        let (owner, trainer, other) = (
            Addr::unchecked("owner"),
            Addr::unchecked("trainer"),
            Addr::unchecked("other"),
        );
        init(&mut storage, &owner).unwrap();
        ensure_extendable(&storage, &owner).unwrap();
        assert!(matches!(
            ensure_extendable(&storage, &other),
            Err(ControlError::NotTrainer { .. })
        ));
        assert!(hand_over(&mut storage, &other, other.clone()).is_err());
        hand_over(&mut storage, &owner, trainer.clone()).unwrap();
        ensure_trainer(&storage, &trainer).unwrap();
        assert!(ensure_trainer(&storage, &owner).is_err());
        assert_eq!(
            ensure_extendable(&storage, &trainer),
            Err(ControlError::HandedOver {})
        );
        assert_eq!(
            hand_over(&mut storage, &trainer, owner),
            Err(ControlError::HandedOver {})
        );
    }
}
