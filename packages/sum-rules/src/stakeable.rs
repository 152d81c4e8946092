//! Deposit, refund and take ("stakeable"): pricing and claim rules over plain values.
//!
//! Price of adding data: `cost_weight · 3600 / isqrt(now − last_update)` (divided by 1 when
//! the root is 0). A refund (by the contributor) pays back all that is still claimable once
//! the model agrees after `refund` seconds; a report (by anyone else) takes a share of a
//! contribution the model disagrees with; after `owner_claim` seconds the trainer's owner,
//! and after `any_address_claim` seconds anyone, takes all that is left.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{CheckedMultiplyRatioError, OverflowError, Uint256};
use thiserror::Error;

use crate::claim::{ensure_wait, ClaimError, ClaimFacts, ClaimerRole};

/// Seconds in an hour: the price's time unit.
const HOUR: u64 = 3600;

/// Why the stakeable mechanism refuses a configuration or a claim.
#[derive(Error, Debug, PartialEq)]
pub enum StakeableError {
    #[error("{0}")]
    Overflow(#[from] OverflowError),

    #[error("{0}")]
    MultiplyRatio(#[from] CheckedMultiplyRatioError),

    #[error(transparent)]
    Claim(#[from] ClaimError),

    #[error("wait times must satisfy refund_wait ({refund}) <= owner_claim_wait ({owner_claim}) <= any_address_claim_wait ({any_address_claim})")]
    InvalidWaits {
        refund: u64,
        owner_claim: u64,
        any_address_claim: u64,
    },

    #[error("the deposit denom must not be empty")]
    EmptyDenom {},

    #[error("cost_weight {cost_weight} is too large: the price cost_weight × 3600 overflows")]
    CostWeightTooLarge { cost_weight: Uint256 },

    #[error("{reporter} has no refunded good contribution, so may not take deposits yet")]
    NoGoodContributions { reporter: String },
}

/// Seconds that must pass before each kind of claim, in increasing order.
#[cw_serde]
pub struct Waits {
    pub refund: u64,
    pub owner_claim: u64,
    pub any_address_claim: u64,
}

impl Waits {
    /// Checks `refund <= owner_claim <= any_address_claim <= MAX_WAIT`.
    pub fn validate(&self) -> Result<(), StakeableError> {
        if self.refund > self.owner_claim || self.owner_claim > self.any_address_claim {
            return Err(StakeableError::InvalidWaits {
                refund: self.refund,
                owner_claim: self.owner_claim,
                any_address_claim: self.any_address_claim,
            });
        }
        Ok(ensure_wait(self.any_address_claim)?)
    }
}

/// Checks a mechanism's configuration: a denom, a price that cannot overflow, and waits.
pub fn validate_config(
    denom: &str,
    cost_weight: Uint256,
    waits: &Waits,
) -> Result<(), StakeableError> {
    if denom.is_empty() {
        return Err(StakeableError::EmptyDenom {});
    }
    if cost_weight.checked_mul(Uint256::from(HOUR)).is_err() {
        return Err(StakeableError::CostWeightTooLarge { cost_weight });
    }
    waits.validate()
}

/// The deposit to add data `elapsed` seconds after the last update:
/// `cost_weight · 3600 / isqrt(elapsed)`, dividing by 1 when the root is 0.
pub fn add_data_cost(cost_weight: Uint256, elapsed: u64) -> Result<Uint256, StakeableError> {
    let divisor = elapsed.isqrt().max(1);
    Ok(cost_weight.checked_mul(Uint256::from(HOUR))? / Uint256::from(divisor))
}

/// Everything a claim on one contribution is judged by: the trainer's facts and the
/// mechanism's own record of the deposit.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub facts: ClaimFacts,
    pub initial_deposit: Uint256,
    pub claimable: Uint256,
    /// Whether the claimer has already claimed from this contribution.
    pub already_claimed: bool,
}

impl Claim {
    fn ensure_unclaimed(&self) -> Result<(), ClaimError> {
        let facts = &self.facts;
        facts.ensure_first_claim(self.already_claimed.then_some(facts.claimer.as_str()))?;
        if self.claimable.is_zero() {
            return Err(ClaimError::NothingClaimable {
                id: facts.contribution_id,
            });
        }
        Ok(())
    }
}

/// What the contributor gets back: everything still claimable, once the model agrees
/// with the contribution after `waits.refund`. Checks in order: the claimer is the
/// contributor, not yet claimed by them, something claimable, waited, model agrees.
pub fn refund_amount(claim: &Claim, now: u64, waits: &Waits) -> Result<Uint256, StakeableError> {
    claim.facts.ensure_contributor()?;
    claim.ensure_unclaimed()?;
    claim.facts.ensure_waited(now, waits.refund)?;
    claim.facts.ensure_model_agrees()?;
    Ok(claim.claimable)
}

/// The reporter's statistics a report is judged by.
pub struct ReporterStanding {
    pub num_valid: u64,
    pub total_good: u64,
}

/// What a reporter takes from a contribution.
///
/// After `owner_claim_wait` the owner, and after `any_address_claim_wait` anyone, takes
/// everything still claimable. Before that a reporter who is not the contributor and has
/// good contributions takes `initial_deposit · num_valid / total_good` (capped at what is
/// claimable; all of it when that rounds to 0) of data the model disagrees with, once
/// `refund_wait` has passed.
pub fn report_amount(
    claim: &Claim,
    now: u64,
    waits: &Waits,
    reporter: &ReporterStanding,
) -> Result<Uint256, StakeableError> {
    let facts = &claim.facts;
    let elapsed = facts.elapsed(now);
    let owner_window = facts.role == ClaimerRole::Owner && elapsed >= waits.owner_claim;
    if owner_window || elapsed >= waits.any_address_claim {
        claim.ensure_unclaimed()?;
        return Ok(claim.claimable);
    }
    facts.ensure_not_contributor()?;
    claim.ensure_unclaimed()?;
    facts.ensure_waited(now, waits.refund)?;
    facts.ensure_model_disagrees()?;
    if reporter.num_valid == 0 {
        return Err(StakeableError::NoGoodContributions {
            reporter: facts.claimer.clone(),
        });
    }
    let reward = claim
        .initial_deposit
        .checked_multiply_ratio(reporter.num_valid, reporter.total_good)?;
    Ok(if reward.is_zero() || reward > claim.claimable {
        claim.claimable
    } else {
        reward
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::MAX_WAIT;
    use proptest::prelude::*;

    const WAITS: Waits = Waits {
        refund: 60,
        owner_claim: 600,
        any_address_claim: 6000,
    };

    fn claim(claimer: &str, prediction: u32) -> Claim {
        let role = match claimer {
            "contributor" => ClaimerRole::Contributor,
            "owner" => ClaimerRole::Owner,
            _ => ClaimerRole::Other,
        };
        Claim {
            facts: ClaimFacts {
                contribution_id: 7,
                claimer: claimer.into(),
                role,
                classification: 1,
                prediction,
                added_at: 1000,
            },
            initial_deposit: Uint256::from(100u128),
            claimable: Uint256::from(100u128),
            already_claimed: false,
        }
    }

    fn stranger(num_valid: u64, total_good: u64) -> ReporterStanding {
        ReporterStanding {
            num_valid,
            total_good,
        }
    }

    #[test]
    fn spec_reference_prices() {
        let weight = Uint256::from(1_000_000_000_000u128);
        let cases: [(u64, u128); 9] = [
            (0, 3_600_000_000_000_000),
            (1, 3_600_000_000_000_000),
            (3, 3_600_000_000_000_000),
            (4, 1_800_000_000_000_000),
            (10, 1_200_000_000_000_000),
            (60, 514_285_714_285_714),
            (3600, 60_000_000_000_000),
            (86400, 12_286_689_419_795),
            (u64::MAX, 838_190),
        ];
        for (elapsed, expected) in cases {
            assert_eq!(
                add_data_cost(weight, elapsed).unwrap(),
                Uint256::from(expected),
                "elapsed {elapsed}"
            );
        }
        assert_eq!(add_data_cost(Uint256::zero(), 5).unwrap(), Uint256::zero());
        assert!(matches!(
            add_data_cost(Uint256::MAX, 5),
            Err(StakeableError::Overflow(_))
        ));
    }

    #[test]
    fn waits_must_increase() {
        assert!(WAITS.validate().is_ok());
        let bad = Waits {
            refund: 10,
            owner_claim: 5,
            any_address_claim: 20,
        };
        assert_eq!(
            bad.validate(),
            Err(StakeableError::InvalidWaits {
                refund: 10,
                owner_claim: 5,
                any_address_claim: 20
            })
        );
    }

    #[test]
    fn configuration_is_checked() {
        let weight = Uint256::from(1000u128);
        assert_eq!(
            validate_config("", weight, &WAITS),
            Err(StakeableError::EmptyDenom {})
        );
        assert_eq!(
            validate_config("usum", Uint256::MAX, &WAITS),
            Err(StakeableError::CostWeightTooLarge {
                cost_weight: Uint256::MAX
            })
        );
        let forever = Waits {
            refund: 1,
            owner_claim: 2,
            any_address_claim: u64::MAX,
        };
        assert_eq!(
            validate_config("usum", weight, &forever),
            Err(StakeableError::Claim(ClaimError::WaitTooLong {
                wait: u64::MAX,
                max: MAX_WAIT
            }))
        );
        validate_config("usum", Uint256::MAX / Uint256::from(3600u128), &WAITS).unwrap();
    }

    #[test]
    fn only_the_contributor_refunds() {
        let mut c = claim("reporter", 1);
        assert_eq!(
            refund_amount(&c, 2000, &WAITS),
            Err(StakeableError::Claim(ClaimError::NotContributor { id: 7 }))
        );
        c.facts.role = ClaimerRole::Owner;
        assert_eq!(
            refund_amount(&c, 2000, &WAITS),
            Err(StakeableError::Claim(ClaimError::NotContributor { id: 7 }))
        );
    }

    #[test]
    fn refund_checks_in_order() {
        let mut c = claim("contributor", 0);
        c.already_claimed = true;
        c.claimable = Uint256::zero();
        assert!(matches!(
            refund_amount(&c, 0, &WAITS),
            Err(StakeableError::Claim(ClaimError::AlreadyClaimed {
                id: 7,
                ..
            }))
        ));
        c.already_claimed = false;
        assert_eq!(
            refund_amount(&c, 0, &WAITS),
            Err(StakeableError::Claim(ClaimError::NothingClaimable {
                id: 7
            }))
        );
        c.claimable = Uint256::from(40u128);
        assert_eq!(
            refund_amount(&c, 1059, &WAITS),
            Err(StakeableError::Claim(ClaimError::TooEarly {
                id: 7,
                elapsed: 59,
                wait: 60
            }))
        );
        assert_eq!(
            refund_amount(&c, 1060, &WAITS),
            Err(StakeableError::Claim(ClaimError::ModelDisagrees {
                id: 7,
                prediction: 0,
                classification: 1
            }))
        );
        c.facts.prediction = 1;
        assert_eq!(refund_amount(&c, 1060, &WAITS), Ok(Uint256::from(40u128)));
    }

    #[test]
    fn report_checks_in_order() {
        let own = claim("contributor", 0);
        assert_eq!(
            report_amount(&own, 1100, &WAITS, &stranger(1, 1)),
            Err(StakeableError::Claim(ClaimError::OwnContribution { id: 7 }))
        );
        let mut c = claim("reporter", 0);
        c.already_claimed = true;
        assert!(matches!(
            report_amount(&c, 1100, &WAITS, &stranger(1, 1)),
            Err(StakeableError::Claim(ClaimError::AlreadyClaimed { .. }))
        ));
        c.already_claimed = false;
        assert!(matches!(
            report_amount(&c, 1059, &WAITS, &stranger(1, 1)),
            Err(StakeableError::Claim(ClaimError::TooEarly { .. }))
        ));
        let mut agreeing = c.clone();
        agreeing.facts.prediction = 1;
        assert_eq!(
            report_amount(&agreeing, 1060, &WAITS, &stranger(1, 1)),
            Err(StakeableError::Claim(ClaimError::ModelAgrees {
                id: 7,
                classification: 1
            }))
        );
        assert_eq!(
            report_amount(&c, 1060, &WAITS, &stranger(0, 3)),
            Err(StakeableError::NoGoodContributions {
                reporter: "reporter".into()
            })
        );
    }

    #[test]
    fn report_reward_is_a_share_of_the_deposit() {
        let c = claim("reporter", 0);
        // Reference: one of two good contributions takes half.
        assert_eq!(
            report_amount(&c, 1060, &WAITS, &stranger(1, 2)),
            Ok(Uint256::from(50u128))
        );
        let mut small = c.clone();
        small.claimable = Uint256::from(30u128);
        assert_eq!(
            report_amount(&small, 1060, &WAITS, &stranger(1, 2)),
            Ok(Uint256::from(30u128))
        );
        let mut tiny = c.clone();
        tiny.initial_deposit = Uint256::from(1u128);
        tiny.claimable = Uint256::from(1u128);
        assert_eq!(
            report_amount(&tiny, 1060, &WAITS, &stranger(1, 3)),
            Ok(Uint256::from(1u128))
        );
    }

    #[test]
    fn owner_and_anyone_take_everything_after_their_waits() {
        let mut c = claim("owner", 1);
        c.claimable = Uint256::from(70u128);
        let owner = stranger(0, 0);
        // Before the owner's wait the ordinary rules apply (the model agrees here).
        assert!(matches!(
            report_amount(&c, 1599, &WAITS, &owner),
            Err(StakeableError::Claim(ClaimError::ModelAgrees { .. }))
        ));
        assert_eq!(
            report_amount(&c, 1600, &WAITS, &owner),
            Ok(Uint256::from(70u128))
        );
        let mut other = c.clone();
        other.facts.role = ClaimerRole::Other;
        assert!(matches!(
            report_amount(&other, 1600, &WAITS, &stranger(0, 0)),
            Err(StakeableError::Claim(ClaimError::ModelAgrees { .. }))
        ));
        assert_eq!(
            report_amount(&c, 7000, &WAITS, &stranger(0, 0)),
            Ok(Uint256::from(70u128))
        );
        c.already_claimed = true;
        assert!(matches!(
            report_amount(&c, 7000, &WAITS, &stranger(0, 0)),
            Err(StakeableError::Claim(ClaimError::AlreadyClaimed { .. }))
        ));
    }

    proptest! {
        /// An accepted report pays something, never more than is claimable.
        #[test]
        fn reward_is_positive_and_bounded(
            deposit in 1u128..1_000_000_000_000_000_000,
            claimed_fraction in 0u128..100,
            num_valid in 1u64..1000,
            extra_good in 0u64..1000,
            now in 1060u64..10_000,
        ) {
            let mut c = claim("reporter", 0);
            c.initial_deposit = Uint256::from(deposit);
            c.claimable = Uint256::from(deposit - deposit * claimed_fraction / 100);
            let amount = report_amount(&c, now, &WAITS, &stranger(num_valid, num_valid + extra_good)).unwrap();
            prop_assert!(!amount.is_zero());
            prop_assert!(amount <= c.claimable);
        }
    }
}
