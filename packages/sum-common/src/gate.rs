//! The component gate: the data handler, the models and the incentive mechanisms accept
//! execute messages only from their trainer (a model's controller before its hand-over).

use cosmwasm_std::{Addr, StdError, Storage};
use cw_storage_plus::Item;
use thiserror::Error;

/// The only address a component accepts execute messages from.
pub const TRAINER: Item<Addr> = Item::new("trainer");

/// The one error every component answers to a caller that is not its trainer.
#[derive(Error, Debug, PartialEq, Eq)]
#[error("unauthorized: only the trainer {trainer} may call this contract")]
pub struct NotTrainer {
    pub trainer: String,
}

/// Rejects anyone but the recorded trainer.
pub fn ensure_trainer<E>(storage: &dyn Storage, sender: &Addr) -> Result<(), E>
where
    E: From<StdError> + From<NotTrainer>,
{
    let trainer = TRAINER.load(storage)?;
    if *sender != trainer {
        return Err(NotTrainer {
            trainer: trainer.into_string(),
        }
        .into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;

    #[derive(Debug)]
    enum TestError {
        Std,
        NotTrainer(NotTrainer),
    }

    impl From<StdError> for TestError {
        fn from(_: StdError) -> Self {
            TestError::Std
        }
    }

    impl From<NotTrainer> for TestError {
        fn from(err: NotTrainer) -> Self {
            TestError::NotTrainer(err)
        }
    }

    #[test]
    fn only_the_trainer_passes() {
        let mut storage = MockStorage::new();
        assert!(matches!(
            ensure_trainer::<TestError>(&storage, &Addr::unchecked("t")),
            Err(TestError::Std)
        ));
        TRAINER.save(&mut storage, &Addr::unchecked("t")).unwrap();
        ensure_trainer::<TestError>(&storage, &Addr::unchecked("t")).unwrap();
        match ensure_trainer::<TestError>(&storage, &Addr::unchecked("x")) {
            Err(TestError::NotTrainer(err)) => assert_eq!(
                err.to_string(),
                "unauthorized: only the trainer t may call this contract"
            ),
            other => panic!("{other:?}"),
        }
    }
}
