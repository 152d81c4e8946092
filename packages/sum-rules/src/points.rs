//! Points: adding data is free and no funds ever move. Each contribution can be claimed
//! once: by a refund (the model agrees with it after the refund wait, and its contributor
//! gains a point) or by a report (the model disagrees, and the reporter is not the
//! contributor).

use crate::claim::{ClaimError, ClaimFacts};

/// Checks a refund, in order: the claimer is the contributor, nobody has claimed the
/// contribution, the refund wait has passed, the model agrees with it.
pub fn check_refund(
    facts: &ClaimFacts,
    claimed_by: Option<&str>,
    now: u64,
    refund_wait: u64,
) -> Result<(), ClaimError> {
    facts.ensure_contributor()?;
    facts.ensure_first_claim(claimed_by)?;
    facts.ensure_waited(now, refund_wait)?;
    facts.ensure_model_agrees()
}

/// Checks a report, in order: the reporter is not the contributor, nobody has claimed the
/// contribution, the refund wait has passed, the model disagrees with it.
pub fn check_report(
    facts: &ClaimFacts,
    claimed_by: Option<&str>,
    now: u64,
    refund_wait: u64,
) -> Result<(), ClaimError> {
    facts.ensure_not_contributor()?;
    facts.ensure_first_claim(claimed_by)?;
    facts.ensure_waited(now, refund_wait)?;
    facts.ensure_model_disagrees()
}

/// The leaderboard's sort key for a number of points: ascending keys list the highest
/// points first (ties then go by address).
pub fn rank_key(points: u64) -> u64 {
    u64::MAX - points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::ClaimerRole;

    fn facts(role: ClaimerRole, prediction: u32) -> ClaimFacts {
        ClaimFacts {
            contribution_id: 3,
            claimer: "claimer".into(),
            role,
            classification: 1,
            prediction,
            added_at: 100,
        }
    }

    #[test]
    fn refund_checks_in_order() {
        let other = facts(ClaimerRole::Owner, 0);
        assert_eq!(
            check_refund(&other, Some("x"), 0, 60),
            Err(ClaimError::NotContributor { id: 3 })
        );
        let mine = facts(ClaimerRole::Contributor, 0);
        assert_eq!(
            check_refund(&mine, Some("bob"), 0, 60),
            Err(ClaimError::AlreadyClaimed {
                id: 3,
                claimer: "bob".into()
            })
        );
        assert_eq!(
            check_refund(&mine, None, 159, 60),
            Err(ClaimError::TooEarly {
                id: 3,
                elapsed: 59,
                wait: 60
            })
        );
        assert_eq!(
            check_refund(&mine, None, 160, 60),
            Err(ClaimError::ModelDisagrees {
                id: 3,
                prediction: 0,
                classification: 1
            })
        );
        check_refund(&facts(ClaimerRole::Contributor, 1), None, 160, 60).unwrap();
    }

    #[test]
    fn report_checks_in_order() {
        let mine = facts(ClaimerRole::Contributor, 1);
        assert_eq!(
            check_report(&mine, Some("x"), 0, 60),
            Err(ClaimError::OwnContribution { id: 3 })
        );
        let other = facts(ClaimerRole::Other, 1);
        assert_eq!(
            check_report(&other, Some("alice"), 0, 60),
            Err(ClaimError::AlreadyClaimed {
                id: 3,
                claimer: "alice".into()
            })
        );
        assert_eq!(
            check_report(&other, None, 100, 60),
            Err(ClaimError::TooEarly {
                id: 3,
                elapsed: 0,
                wait: 60
            })
        );
        assert_eq!(
            check_report(&other, None, 160, 60),
            Err(ClaimError::ModelAgrees {
                id: 3,
                classification: 1
            })
        );
        check_report(&facts(ClaimerRole::Owner, 0), None, 160, 60).unwrap();
    }

    #[test]
    fn more_points_rank_first() {
        assert!(rank_key(5) < rank_key(4));
        assert_eq!(rank_key(0), u64::MAX);
    }
}
