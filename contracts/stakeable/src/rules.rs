//! The mechanism's pricing and claim rules as plain functions (no storage, no `Deps`),
//! shared by the contract, its tests and off-chain tools.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::Uint256;
use sum_common::incentive::ClaimRequest;

use crate::error::ContractError;

/// Seconds that must pass before each kind of claim, in increasing order.
#[cw_serde]
pub struct Waits {
    pub refund: u64,
    pub owner_claim: u64,
    pub any_address_claim: u64,
}

impl Waits {
    /// Checks `refund <= owner_claim <= any_address_claim`.
    pub fn validate(&self) -> Result<(), ContractError> {
        if self.refund <= self.owner_claim && self.owner_claim <= self.any_address_claim {
            Ok(())
        } else {
            Err(ContractError::InvalidWaits {
                refund: self.refund,
                owner_claim: self.owner_claim,
                any_address_claim: self.any_address_claim,
            })
        }
    }
}

/// Seconds in an hour: the price's time unit.
const HOUR: u64 = 3600;

/// The deposit to add data `elapsed` seconds after the last update:
/// `cost_weight · 3600 / isqrt(elapsed)`, dividing by 1 when the root is 0.
pub fn add_data_cost(cost_weight: Uint256, elapsed: u64) -> Result<Uint256, ContractError> {
    let divisor = elapsed.isqrt().max(1);
    Ok(cost_weight.checked_mul(Uint256::from(HOUR))? / Uint256::from(divisor))
}

fn elapsed(claim: &ClaimRequest, now: u64) -> u64 {
    now.saturating_sub(claim.added_at)
}

fn ensure_unclaimed(claim: &ClaimRequest) -> Result<(), ContractError> {
    if claim.already_claimed {
        return Err(ContractError::AlreadyClaimed {
            id: claim.contribution_id,
            claimer: claim.claimer.to_string(),
        });
    }
    if claim.claimable.is_zero() {
        return Err(ContractError::NothingClaimable {
            id: claim.contribution_id,
        });
    }
    Ok(())
}

fn ensure_waited(claim: &ClaimRequest, now: u64, wait: u64) -> Result<(), ContractError> {
    let elapsed = elapsed(claim, now);
    if elapsed < wait {
        return Err(ContractError::TooEarly {
            id: claim.contribution_id,
            elapsed,
            wait,
        });
    }
    Ok(())
}

/// What the contributor gets back: everything still claimable, once the model agrees
/// with the contribution after `waits.refund`. Checks in SPEC order: not yet claimed by
/// the contributor, something claimable, waited, model agrees.
pub fn refund_amount(
    claim: &ClaimRequest,
    now: u64,
    waits: &Waits,
) -> Result<Uint256, ContractError> {
    ensure_unclaimed(claim)?;
    ensure_waited(claim, now, waits.refund)?;
    if claim.prediction != claim.classification {
        return Err(ContractError::ModelDisagrees {
            id: claim.contribution_id,
            prediction: claim.prediction,
            classification: claim.classification,
        });
    }
    Ok(claim.claimable)
}

/// The reporter's statistics a report is judged by.
pub struct ReporterStanding {
    pub is_owner: bool,
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
    claim: &ClaimRequest,
    now: u64,
    waits: &Waits,
    reporter: &ReporterStanding,
) -> Result<Uint256, ContractError> {
    let elapsed = elapsed(claim, now);
    if (reporter.is_owner && elapsed >= waits.owner_claim) || elapsed >= waits.any_address_claim {
        ensure_unclaimed(claim)?;
        return Ok(claim.claimable);
    }
    if claim.claimer == claim.contributor {
        return Err(ContractError::OwnContribution {
            id: claim.contribution_id,
        });
    }
    ensure_unclaimed(claim)?;
    ensure_waited(claim, now, waits.refund)?;
    if claim.prediction == claim.classification {
        return Err(ContractError::ModelAgrees {
            id: claim.contribution_id,
            classification: claim.classification,
        });
    }
    if reporter.num_valid == 0 {
        return Err(ContractError::NoGoodContributions {
            reporter: claim.claimer.to_string(),
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
    use cosmwasm_std::Addr;
    use proptest::prelude::*;

    const WAITS: Waits = Waits {
        refund: 60,
        owner_claim: 600,
        any_address_claim: 6000,
    };

    fn claim(claimer: &str, prediction: u32) -> ClaimRequest {
        ClaimRequest {
            contribution_id: 7,
            contributor: Addr::unchecked("contributor"),
            claimer: Addr::unchecked(claimer),
            classification: 1,
            prediction,
            added_at: 1000,
            initial_deposit: Uint256::from(100u128),
            claimable: Uint256::from(100u128),
            already_claimed: false,
        }
    }

    fn stranger(num_valid: u64, total_good: u64) -> ReporterStanding {
        ReporterStanding {
            is_owner: false,
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
            Err(ContractError::Overflow(_))
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
            Err(ContractError::InvalidWaits {
                refund: 10,
                owner_claim: 5,
                any_address_claim: 20
            })
        );
    }

    #[test]
    fn refund_checks_in_order() {
        let mut c = claim("contributor", 0);
        c.already_claimed = true;
        c.claimable = Uint256::zero();
        assert!(matches!(
            refund_amount(&c, 0, &WAITS),
            Err(ContractError::AlreadyClaimed { id: 7, .. })
        ));
        c.already_claimed = false;
        assert_eq!(
            refund_amount(&c, 0, &WAITS),
            Err(ContractError::NothingClaimable { id: 7 })
        );
        c.claimable = Uint256::from(40u128);
        assert_eq!(
            refund_amount(&c, 1059, &WAITS),
            Err(ContractError::TooEarly {
                id: 7,
                elapsed: 59,
                wait: 60
            })
        );
        assert_eq!(
            refund_amount(&c, 1060, &WAITS),
            Err(ContractError::ModelDisagrees {
                id: 7,
                prediction: 0,
                classification: 1
            })
        );
        c.prediction = 1;
        assert_eq!(refund_amount(&c, 1060, &WAITS), Ok(Uint256::from(40u128)));
    }

    #[test]
    fn report_checks_in_order() {
        let own = claim("contributor", 0);
        assert_eq!(
            report_amount(&own, 1100, &WAITS, &stranger(1, 1)),
            Err(ContractError::OwnContribution { id: 7 })
        );
        let mut c = claim("reporter", 0);
        c.already_claimed = true;
        assert!(matches!(
            report_amount(&c, 1100, &WAITS, &stranger(1, 1)),
            Err(ContractError::AlreadyClaimed { .. })
        ));
        c.already_claimed = false;
        assert!(matches!(
            report_amount(&c, 1059, &WAITS, &stranger(1, 1)),
            Err(ContractError::TooEarly { .. })
        ));
        let mut agreeing = c.clone();
        agreeing.prediction = 1;
        assert_eq!(
            report_amount(&agreeing, 1060, &WAITS, &stranger(1, 1)),
            Err(ContractError::ModelAgrees {
                id: 7,
                classification: 1
            })
        );
        assert_eq!(
            report_amount(&c, 1060, &WAITS, &stranger(0, 3)),
            Err(ContractError::NoGoodContributions {
                reporter: "reporter".into()
            })
        );
    }

    #[test]
    fn report_reward_is_a_share_of_the_deposit() {
        let c = claim("reporter", 0);
        // SPEC reference: one of two good contributions takes half.
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
        let owner = ReporterStanding {
            is_owner: true,
            num_valid: 0,
            total_good: 0,
        };
        // Before the owner's wait the ordinary rules apply (the model agrees here).
        assert!(matches!(
            report_amount(&c, 1599, &WAITS, &owner),
            Err(ContractError::ModelAgrees { .. })
        ));
        assert_eq!(
            report_amount(&c, 1600, &WAITS, &owner),
            Ok(Uint256::from(70u128))
        );
        assert!(matches!(
            report_amount(&c, 1600, &WAITS, &stranger(0, 0)),
            Err(ContractError::ModelAgrees { .. })
        ));
        assert_eq!(
            report_amount(&c, 7000, &WAITS, &stranger(0, 0)),
            Ok(Uint256::from(70u128))
        );
        c.already_claimed = true;
        assert!(matches!(
            report_amount(&c, 7000, &WAITS, &stranger(0, 0)),
            Err(ContractError::AlreadyClaimed { .. })
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
