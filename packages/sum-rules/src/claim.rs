//! The checks a claim on a contribution goes through when a mechanism judges it by the
//! model's verdict (stakeable and points): who claims, whether it was claimed, whether the
//! wait has passed, and whether the model agrees with the contribution.

use cosmwasm_schema::cw_serde;
use thiserror::Error;

/// The longest wait a mechanism accepts: ten years. Longer waits would lock claims for good.
pub const MAX_WAIT: u64 = 10 * 365 * 86_400;

/// Why a claim is refused.
#[derive(Error, Debug, PartialEq, Eq)]
pub enum ClaimError {
    #[error("only the contributor may ask for a refund of contribution {id}")]
    NotContributor { id: u64 },

    #[error("contribution {id} is your own: ask for a refund instead")]
    OwnContribution { id: u64 },

    #[error("{claimer} has already claimed from contribution {id}")]
    AlreadyClaimed { id: u64, claimer: String },

    #[error("nothing is left to claim from contribution {id}")]
    NothingClaimable { id: u64 },

    #[error("too early: contribution {id} was added {elapsed}s ago, claims need {wait}s")]
    TooEarly { id: u64, elapsed: u64, wait: u64 },

    #[error("the model predicts {prediction} for contribution {id}, labelled {classification}: no refund")]
    ModelDisagrees {
        id: u64,
        prediction: u32,
        classification: u32,
    },

    #[error("the model agrees with contribution {id} (class {classification}): nothing to take")]
    ModelAgrees { id: u64, classification: u32 },

    #[error("wait of {wait}s is too long: at most {max}s")]
    WaitTooLong { wait: u64, max: u64 },
}

/// Who asks to be paid from a contribution, as the trainer sees it.
#[cw_serde]
pub enum ClaimerRole {
    /// The address that added the contribution.
    Contributor,
    /// The trainer's owner (not the contributor).
    Owner,
    /// Anyone else.
    Other,
}

/// Rejects a wait longer than [`MAX_WAIT`].
pub fn ensure_wait(wait: u64) -> Result<(), ClaimError> {
    if wait > MAX_WAIT {
        return Err(ClaimError::WaitTooLong {
            wait,
            max: MAX_WAIT,
        });
    }
    Ok(())
}

/// What the trainer tells a mechanism about a claim on one contribution.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimFacts {
    pub contribution_id: u64,
    /// The claimer's address, for messages.
    pub claimer: String,
    pub role: ClaimerRole,
    pub classification: u32,
    /// The model's current prediction for the contribution's features.
    pub prediction: u32,
    /// Block time (seconds) at which the contribution was added.
    pub added_at: u64,
}

impl ClaimFacts {
    /// Seconds since the contribution was added.
    pub fn elapsed(&self, now: u64) -> u64 {
        now.saturating_sub(self.added_at)
    }

    pub fn ensure_contributor(&self) -> Result<(), ClaimError> {
        match self.role {
            ClaimerRole::Contributor => Ok(()),
            _ => Err(ClaimError::NotContributor {
                id: self.contribution_id,
            }),
        }
    }

    pub fn ensure_not_contributor(&self) -> Result<(), ClaimError> {
        match self.role {
            ClaimerRole::Contributor => Err(ClaimError::OwnContribution {
                id: self.contribution_id,
            }),
            _ => Ok(()),
        }
    }

    /// Rejects a claim by an address that has claimed from the contribution before.
    pub fn ensure_first_claim(&self, already_claimed_by: Option<&str>) -> Result<(), ClaimError> {
        match already_claimed_by {
            Some(claimer) => Err(ClaimError::AlreadyClaimed {
                id: self.contribution_id,
                claimer: claimer.to_string(),
            }),
            None => Ok(()),
        }
    }

    pub fn ensure_waited(&self, now: u64, wait: u64) -> Result<(), ClaimError> {
        let elapsed = self.elapsed(now);
        if elapsed < wait {
            return Err(ClaimError::TooEarly {
                id: self.contribution_id,
                elapsed,
                wait,
            });
        }
        Ok(())
    }

    pub fn ensure_model_agrees(&self) -> Result<(), ClaimError> {
        if self.prediction != self.classification {
            return Err(ClaimError::ModelDisagrees {
                id: self.contribution_id,
                prediction: self.prediction,
                classification: self.classification,
            });
        }
        Ok(())
    }

    pub fn ensure_model_disagrees(&self) -> Result<(), ClaimError> {
        if self.prediction == self.classification {
            return Err(ClaimError::ModelAgrees {
                id: self.contribution_id,
                classification: self.classification,
            });
        }
        Ok(())
    }
}
