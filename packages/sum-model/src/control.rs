//! Who may change a model. The instantiating address controls it: a trainer that
//! instantiates its model controls it from the start; an owner who instantiates a large
//! model alone completes it with `extension` chunks, then hands control over to the
//! trainer, after which the model can no longer be extended.

use cosmwasm_std::{Addr, Storage};
use cw_storage_plus::Item;
use sum_common::gate::{ensure_trainer, TRAINER};

use crate::error::ModelError;

/// Whether control was handed over, which ends the extension phase.
pub const HANDED_OVER: Item<bool> = Item::new("handed_over");

/// Records the instantiating address as the model's controller.
pub fn init(storage: &mut dyn Storage, instantiator: &Addr) -> Result<(), ModelError> {
    TRAINER.save(storage, instantiator)?;
    HANDED_OVER.save(storage, &false)?;
    Ok(())
}

/// Rejects anyone but the controller, and everyone after the hand-over.
pub fn ensure_extendable(storage: &dyn Storage, sender: &Addr) -> Result<(), ModelError> {
    ensure_trainer::<ModelError>(storage, sender)?;
    if HANDED_OVER.load(storage)? {
        return Err(ModelError::HandedOver {});
    }
    Ok(())
}

/// Hands control to `trainer` for good.
pub fn hand_over(
    storage: &mut dyn Storage,
    sender: &Addr,
    trainer: &Addr,
) -> Result<(), ModelError> {
    ensure_extendable(storage, sender)?;
    TRAINER.save(storage, trainer)?;
    HANDED_OVER.save(storage, &true)?;
    Ok(())
}
