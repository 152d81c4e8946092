//! The prediction market over plain values: phases, test-set commitments, the draw of the
//! piece revealed at the start, scoring by the change of accuracy, and settlement.
//!
//! Phases: `Open` (the provider has posted the bounty and the commitments and must reveal
//! the drawn piece) → `Participation` (contributions with a stake; the model does not
//! train) → `Reveal` (the provider reveals the other pieces) → `Rewards` (contributions are
//! applied to the model in order, in batches, each scored by the change of the number of
//! test samples the model gets right) → `Collection` (contributors withdraw; after the
//! claim window the provider takes what is left).
//!
//! Settlement is per contributor, whose score `D` is the sum of its contributions' scores
//! and whose stake `S` the sum of their stakes, on a test set of `T` samples: `D < 0`
//! loses `⌊S·min(|D|, T)/T⌋`; `D > 0` earns the weight `S·D`. The pool (bounty plus all
//! losses) is shared by weight: a contributor's entitlement is
//! `S − loss + ⌊pool·weight / total weight⌋`. Summing first nets out the chance gains and
//! losses of single contributions, which would otherwise let a label flipper profit from
//! the ones that happen to help. Rounding dust, the pool when nobody improved the model,
//! and whatever is not withdrawn in the claim window go to the provider.
//! A provider who misses a reveal deadline forfeits the bounty to the contributors by stake.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{HexBinary, Uint256};
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::claim::{ensure_wait, ClaimError};
use crate::features::Features;

/// A market needs at least two test-set pieces: one revealed at the start, one kept hidden.
pub const MIN_PIECES: usize = 2;
/// The most pieces a market takes.
pub const MAX_PIECES: usize = 64;

/// The phases of a market, in order.
#[cw_serde]
#[derive(Eq)]
pub enum Phase {
    Open,
    Participation,
    Reveal,
    Rewards,
    Collection,
}

/// One labelled test sample.
#[cw_serde]
pub struct Sample {
    pub data: Features,
    pub classification: u32,
}

/// Why the market refuses a call.
#[derive(Error, Debug, PartialEq, Eq)]
pub enum MarketError {
    #[error(transparent)]
    Wait(#[from] ClaimError),

    #[error("the market is in phase {actual:?}, this needs {expected}")]
    WrongPhase { expected: String, actual: Phase },

    #[error("the market was opened already")]
    AlreadyOpen {},

    #[error("a market needs between {min} and {max} test-set pieces, got {got}")]
    PieceCount { min: usize, max: usize, got: usize },

    #[error("a commitment is a sha256 hash of 32 bytes, commitment {index} has {got}")]
    BadCommitment { index: usize, got: usize },

    #[error("the bounty must be positive")]
    NoBounty {},

    #[error("the minimum stake must be positive")]
    NoMinimumStake {},

    #[error("the largest batch must be positive")]
    NoBatch {},

    #[error("only the bounty provider {provider} may do this")]
    NotProvider { provider: String },

    #[error("piece {got} is not the one drawn to be revealed first: reveal piece {expected}")]
    NotDrawnPiece { expected: u32, got: u32 },

    #[error("there is no piece {index}: the market has {pieces}")]
    UnknownPiece { index: u32, pieces: usize },

    #[error("piece {index} was revealed already")]
    AlreadyRevealed { index: u32 },

    #[error("a piece holds at least one sample")]
    EmptyPiece {},

    #[error("piece {index} does not match its commitment")]
    HashMismatch { index: u32 },

    #[error("the stake must be {expected}, got {got}")]
    WrongStake { expected: Uint256, got: Uint256 },

    #[error("too early to end: {contributions} of {min_contributions} contributions, and the market runs until {earliest_end}")]
    TooEarlyToEnd {
        contributions: u64,
        min_contributions: u64,
        earliest_end: u64,
    },

    #[error("the deadline {deadline} has passed")]
    DeadlinePassed { deadline: u64 },

    #[error("not before {deadline} (now {now})")]
    TooEarly { deadline: u64, now: u64 },

    #[error("a batch processes between 1 and {max} contributions, asked for {got}")]
    BatchSize { max: u32, got: u32 },

    #[error("contribution number {got} arrived out of order: expected number {expected}")]
    OutOfOrder { expected: u64, got: u64 },

    #[error("{address} has nothing to withdraw")]
    NothingToWithdraw { address: String },

    #[error("{address} has withdrawn already")]
    AlreadyWithdrawn { address: String },

    #[error("the claim window closed at {closed}: what is left belongs to the provider")]
    ClaimWindowClosed { closed: u64 },

    #[error("the provider has taken what was left already")]
    AlreadyReclaimed {},

    #[error("arithmetic overflow in the market's accounts")]
    Overflow {},
}

/// The bytes a piece's commitment hashes, sample after sample: the class (u32, big
/// endian), the kind (0 dense, 1 sparse), the number of values (u32), then each value
/// (dense: i64, sparse: u32; big endian).
pub fn encode_piece(samples: &[Sample]) -> Vec<u8> {
    let mut bytes = vec![];
    for sample in samples {
        bytes.extend(sample.classification.to_be_bytes());
        match &sample.data {
            Features::Dense(values) => {
                bytes.push(0);
                bytes.extend((values.len() as u32).to_be_bytes());
                values.iter().for_each(|v| bytes.extend(v.to_be_bytes()));
            }
            Features::Sparse(indices) => {
                bytes.push(1);
                bytes.extend((indices.len() as u32).to_be_bytes());
                indices.iter().for_each(|i| bytes.extend(i.to_be_bytes()));
            }
        }
    }
    bytes
}

/// A piece's commitment: `sha256(salt ‖ encode_piece(samples))`. The salt keeps a small
/// piece from being guessed from its hash.
pub fn commitment(salt: &[u8], samples: &[Sample]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(encode_piece(samples));
    hasher.finalize().into()
}

/// The piece revealed at the start: the first 8 bytes (big endian) of
/// `sha256(c₀ ‖ … ‖ cₙ₋₁ ‖ height ‖ time)`, modulo `n`, where `height` and `time`
/// (nanoseconds, both u64 big endian) are those of the block that opens the market. The
/// provider fixes the commitments before that block exists, so cannot choose the piece.
pub fn draw(commitments: &[HexBinary], height: u64, time_nanos: u64) -> u32 {
    let mut hasher = Sha256::new();
    commitments.iter().for_each(|c| hasher.update(c.as_slice()));
    hasher.update(height.to_be_bytes());
    hasher.update(time_nanos.to_be_bytes());
    let digest: [u8; 32] = hasher.finalize().into();
    let first = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"));
    (first % commitments.len() as u64) as u32
}

/// What a market's deployer fixes.
#[cw_serde]
pub struct MarketConfig {
    /// The stake of every contribution.
    pub min_stake: Uint256,
    /// Seconds the provider has for each reveal (the first piece after opening, the others
    /// after the end of participation).
    pub reveal_wait: u64,
    /// Seconds contributors have to withdraw once rewards are settled.
    pub any_address_claim_wait: u64,
    /// The most contributions one reward batch may process.
    pub max_batch: u32,
}

impl MarketConfig {
    pub fn validate(&self) -> Result<(), MarketError> {
        if self.min_stake.is_zero() {
            return Err(MarketError::NoMinimumStake {});
        }
        if self.max_batch == 0 {
            return Err(MarketError::NoBatch {});
        }
        ensure_wait(self.reveal_wait)?;
        ensure_wait(self.any_address_claim_wait)?;
        Ok(())
    }
}

/// One contributor's account.
#[cw_serde]
#[derive(Default)]
pub struct Standing {
    /// Sum of its stakes.
    pub stake: Uint256,
    /// Sum of its contributions' scores.
    pub score: i64,
    /// What it loses: `⌊stake·min(|score|, T)/T⌋` while its score is negative.
    pub loss: Uint256,
    /// Its share weight: `stake × score` while its score is positive.
    pub weight: Uint256,
    pub contributions: u64,
    /// Its contributions that raised the accuracy.
    pub improved: u64,
    /// Its contributions that lowered it.
    pub worsened: u64,
    pub withdrawn: bool,
}

/// A market's state, all of it but the contributions and the test samples.
#[cw_serde]
pub struct Market {
    pub phase: Phase,
    pub provider: String,
    pub bounty: Uint256,
    pub commitments: Vec<HexBinary>,
    pub revealed: Vec<bool>,
    /// The piece revealed at the start.
    pub drawn: u32,
    pub min_duration: u64,
    pub min_contributions: u64,
    /// When participation may end by time (set when it starts).
    pub earliest_end: u64,
    /// The provider's deadline for the current reveal (phases Open and Reveal).
    pub deadline: u64,
    pub contributions: u64,
    pub total_stake: Uint256,
    /// Revealed test samples.
    pub test_size: u32,
    /// Test samples the untrained model gets right, once all pieces are revealed.
    pub baseline: Option<u32>,
    /// Test samples the model got right after the last scored contribution.
    pub correct: u32,
    /// Contributions scored so far (in order).
    pub processed: u64,
    pub losses: Uint256,
    pub total_weight: Uint256,
    /// Whether the provider missed the final reveal.
    pub forfeited: bool,
    pub collection_start: u64,
    /// Paid to contributors so far.
    pub withdrawn: Uint256,
    pub reclaimed: bool,
}

fn expect(phase: &Phase, expected: Phase) -> Result<(), MarketError> {
    if *phase != expected {
        return Err(MarketError::WrongPhase {
            expected: format!("{expected:?}"),
            actual: phase.clone(),
        });
    }
    Ok(())
}

fn add(a: Uint256, b: Uint256) -> Result<Uint256, MarketError> {
    a.checked_add(b).map_err(|_| MarketError::Overflow {})
}

impl Market {
    /// Opens a market with `bounty` and the commitments to the test-set pieces, in the
    /// block at `height` and `time_nanos`; the drawn piece must be revealed by the
    /// provider within `reveal_wait`.
    #[allow(clippy::too_many_arguments)]
    pub fn open(
        config: &MarketConfig,
        provider: String,
        bounty: Uint256,
        commitments: Vec<HexBinary>,
        min_duration: u64,
        min_contributions: u64,
        height: u64,
        time_nanos: u64,
    ) -> Result<Self, MarketError> {
        if bounty.is_zero() {
            return Err(MarketError::NoBounty {});
        }
        if !(MIN_PIECES..=MAX_PIECES).contains(&commitments.len()) {
            return Err(MarketError::PieceCount {
                min: MIN_PIECES,
                max: MAX_PIECES,
                got: commitments.len(),
            });
        }
        if let Some((index, c)) = commitments.iter().enumerate().find(|(_, c)| c.len() != 32) {
            return Err(MarketError::BadCommitment {
                index,
                got: c.len(),
            });
        }
        ensure_wait(min_duration)?;
        let now = time_nanos / 1_000_000_000;
        Ok(Market {
            phase: Phase::Open,
            provider,
            bounty,
            drawn: draw(&commitments, height, time_nanos),
            revealed: vec![false; commitments.len()],
            commitments,
            min_duration,
            min_contributions,
            earliest_end: 0,
            deadline: now + config.reveal_wait,
            contributions: 0,
            total_stake: Uint256::zero(),
            test_size: 0,
            baseline: None,
            correct: 0,
            processed: 0,
            losses: Uint256::zero(),
            total_weight: Uint256::zero(),
            forfeited: false,
            collection_start: 0,
            withdrawn: Uint256::zero(),
            reclaimed: false,
        })
    }

    fn ensure_provider(&self, sender: &str) -> Result<(), MarketError> {
        if sender != self.provider {
            return Err(MarketError::NotProvider {
                provider: self.provider.clone(),
            });
        }
        Ok(())
    }

    /// Reveals piece `index`, checked against its commitment: the drawn piece in phase
    /// `Open` (participation starts), any other in phase `Reveal` (the last one starts the
    /// rewards). Answers whether every piece is now revealed.
    pub fn reveal(
        &mut self,
        sender: &str,
        index: u32,
        salt: &[u8],
        samples: &[Sample],
        now: u64,
    ) -> Result<bool, MarketError> {
        if self.phase != Phase::Open {
            expect(&self.phase, Phase::Reveal)?;
        }
        self.ensure_provider(sender)?;
        if now > self.deadline {
            return Err(MarketError::DeadlinePassed {
                deadline: self.deadline,
            });
        }
        let slot = index as usize;
        let pieces = self.commitments.len();
        let revealed = self.revealed.get(slot).copied();
        match revealed {
            None => return Err(MarketError::UnknownPiece { index, pieces }),
            Some(true) => return Err(MarketError::AlreadyRevealed { index }),
            Some(false) => {}
        }
        if self.phase == Phase::Open && index != self.drawn {
            return Err(MarketError::NotDrawnPiece {
                expected: self.drawn,
                got: index,
            });
        }
        if samples.is_empty() {
            return Err(MarketError::EmptyPiece {});
        }
        if commitment(salt, samples).as_slice() != self.commitments[slot].as_slice() {
            return Err(MarketError::HashMismatch { index });
        }
        self.revealed[slot] = true;
        self.test_size += samples.len() as u32;
        if self.phase == Phase::Open {
            self.phase = Phase::Participation;
            self.earliest_end = now + self.min_duration;
        }
        let all = self.revealed.iter().all(|&r| r);
        if all && self.phase == Phase::Reveal {
            self.phase = Phase::Rewards;
        }
        Ok(all)
    }

    /// Accepts a contribution's stake; answers its number (its place in the reward order).
    pub fn contribute(
        &mut self,
        config: &MarketConfig,
        stake: Uint256,
    ) -> Result<u64, MarketError> {
        expect(&self.phase, Phase::Participation)?;
        if stake != config.min_stake {
            return Err(MarketError::WrongStake {
                expected: config.min_stake,
                got: stake,
            });
        }
        self.total_stake = add(self.total_stake, stake)?;
        self.contributions += 1;
        Ok(self.contributions - 1)
    }

    /// Ends participation once the minimum number of contributions or the minimum
    /// duration is reached; the provider then has `reveal_wait` to reveal the rest.
    pub fn end(&mut self, config: &MarketConfig, now: u64) -> Result<(), MarketError> {
        expect(&self.phase, Phase::Participation)?;
        if self.contributions < self.min_contributions && now < self.earliest_end {
            return Err(MarketError::TooEarlyToEnd {
                contributions: self.contributions,
                min_contributions: self.min_contributions,
                earliest_end: self.earliest_end,
            });
        }
        self.phase = Phase::Reveal;
        self.deadline = now + config.reveal_wait;
        Ok(())
    }

    /// Records how many test samples the untrained model gets right; a market without
    /// contributions is then settled at once.
    pub fn set_baseline(&mut self, correct: u32, now: u64) -> Result<(), MarketError> {
        expect(&self.phase, Phase::Rewards)?;
        self.baseline = Some(correct);
        self.correct = correct;
        if self.contributions == 0 {
            self.settle(now);
        }
        Ok(())
    }

    /// The numbers of the next contributions to apply and score: at most `limit`.
    pub fn next_batch(&self, config: &MarketConfig, limit: u32) -> Result<(u64, u64), MarketError> {
        expect(&self.phase, Phase::Rewards)?;
        if limit == 0 || limit > config.max_batch {
            return Err(MarketError::BatchSize {
                max: config.max_batch,
                got: limit,
            });
        }
        let end = (self.processed + limit as u64).min(self.contributions);
        Ok((self.processed, end))
    }

    /// Scores contribution number `number` (of the contributor `standing`) now that the
    /// model has trained on it and gets `correct` test samples right. Answers the score.
    pub fn score(
        &mut self,
        standing: &mut Standing,
        number: u64,
        correct: u32,
        now: u64,
    ) -> Result<i64, MarketError> {
        expect(&self.phase, Phase::Rewards)?;
        if number != self.processed {
            return Err(MarketError::OutOfOrder {
                expected: self.processed,
                got: number,
            });
        }
        let score = correct as i64 - self.correct as i64;
        match score.signum() {
            1 => standing.improved += 1,
            -1 => standing.worsened += 1,
            _ => {}
        }
        standing.score += score;
        self.restate(standing)?;
        self.correct = correct;
        self.processed += 1;
        if self.processed == self.contributions {
            self.settle(now);
        }
        Ok(score)
    }

    /// Recomputes a contributor's loss and weight from its score, keeping the totals.
    fn restate(&mut self, standing: &mut Standing) -> Result<(), MarketError> {
        self.losses -= standing.loss;
        self.total_weight -= standing.weight;
        let magnitude = standing
            .score
            .unsigned_abs()
            .min(self.test_size.max(1) as u64);
        (standing.loss, standing.weight) = if standing.score < 0 {
            let loss = standing
                .stake
                .multiply_ratio(magnitude, self.test_size.max(1) as u64);
            (loss, Uint256::zero())
        } else {
            let weight = standing
                .stake
                .checked_mul(Uint256::from(standing.score as u64))
                .map_err(|_| MarketError::Overflow {})?;
            (Uint256::zero(), weight)
        };
        self.losses = add(self.losses, standing.loss)?;
        self.total_weight = add(self.total_weight, standing.weight)?;
        Ok(())
    }

    fn settle(&mut self, now: u64) {
        self.phase = Phase::Collection;
        self.collection_start = now;
    }

    /// After the provider's reveal deadline: in phase `Open` the market is cancelled (no one
    /// has contributed; the provider takes the bounty back), in phase `Reveal` the bounty is
    /// forfeited to the contributors by stake.
    pub fn expire(&mut self, now: u64) -> Result<(), MarketError> {
        if self.phase != Phase::Open {
            expect(&self.phase, Phase::Reveal)?;
        }
        if now <= self.deadline {
            return Err(MarketError::TooEarly {
                deadline: self.deadline,
                now,
            });
        }
        if self.phase == Phase::Reveal {
            self.forfeited = true;
            self.total_weight = self.total_stake;
        }
        self.settle(now);
        Ok(())
    }

    /// Bounty plus every loss: what is shared among the contributors who improved the model.
    pub fn pool(&self) -> Uint256 {
        self.bounty + self.losses
    }

    /// What a contributor may withdraw (before it does).
    pub fn entitlement(&self, standing: &Standing) -> Uint256 {
        let (weight, pool) = if self.forfeited {
            (standing.stake, self.bounty)
        } else {
            (standing.weight, self.pool())
        };
        let gain = if self.total_weight.is_zero() {
            Uint256::zero()
        } else {
            pool.multiply_ratio(weight, self.total_weight)
        };
        standing.stake - standing.loss + gain
    }

    fn window_closes(&self, config: &MarketConfig) -> u64 {
        self.collection_start
            .saturating_add(config.any_address_claim_wait)
    }

    /// Pays a contributor its entitlement, once, within the claim window.
    pub fn withdraw(
        &mut self,
        config: &MarketConfig,
        address: &str,
        standing: &mut Standing,
        now: u64,
    ) -> Result<Uint256, MarketError> {
        expect(&self.phase, Phase::Collection)?;
        if now >= self.window_closes(config) {
            return Err(MarketError::ClaimWindowClosed {
                closed: self.window_closes(config),
            });
        }
        if standing.withdrawn {
            return Err(MarketError::AlreadyWithdrawn {
                address: address.to_string(),
            });
        }
        let amount = self.entitlement(standing);
        if amount.is_zero() {
            return Err(MarketError::NothingToWithdraw {
                address: address.to_string(),
            });
        }
        standing.withdrawn = true;
        self.withdrawn = add(self.withdrawn, amount)?;
        Ok(amount)
    }

    /// The provider takes what is left (`balance`, the market's holding) once the claim
    /// window has closed, or at once when nobody contributed.
    pub fn reclaim(
        &mut self,
        config: &MarketConfig,
        sender: &str,
        balance: Uint256,
        now: u64,
    ) -> Result<Uint256, MarketError> {
        expect(&self.phase, Phase::Collection)?;
        self.ensure_provider(sender)?;
        if self.reclaimed {
            return Err(MarketError::AlreadyReclaimed {});
        }
        if self.contributions > 0 && now < self.window_closes(config) {
            return Err(MarketError::TooEarly {
                deadline: self.window_closes(config),
                now,
            });
        }
        self.reclaimed = true;
        Ok(balance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PROVIDER: &str = "provider";
    const SECOND: u64 = 1_000_000_000;

    fn config() -> MarketConfig {
        MarketConfig {
            min_stake: Uint256::from(1000u128),
            reveal_wait: 100,
            any_address_claim_wait: 1000,
            max_batch: 5,
        }
    }

    fn piece(label: u32) -> Vec<Sample> {
        vec![Sample {
            data: Features::Sparse(vec![label, 7]),
            classification: label,
        }]
    }

    fn salt(index: u32) -> Vec<u8> {
        vec![index as u8; 4]
    }

    fn commitments(n: u32) -> Vec<HexBinary> {
        (0..n)
            .map(|i| HexBinary::from(commitment(&salt(i), &piece(i % 2)).to_vec()))
            .collect()
    }

    /// An open market of `n` pieces, opened at time 10 s.
    fn open(n: u32) -> Market {
        let c = config();
        Market::open(
            &c,
            PROVIDER.into(),
            Uint256::from(100_000u128),
            commitments(n),
            50,
            3,
            7,
            10 * SECOND,
        )
        .unwrap()
    }

    /// A market in participation: its drawn piece revealed at time 20.
    fn participating(n: u32) -> Market {
        let mut market = open(n);
        let drawn = market.drawn;
        market
            .reveal(PROVIDER, drawn, &salt(drawn), &piece(drawn % 2), 20)
            .unwrap();
        market
    }

    /// Reveals every other piece.
    fn reveal_rest(market: &mut Market, now: u64) {
        for i in 0..market.commitments.len() as u32 {
            if !market.revealed[i as usize] {
                market
                    .reveal(PROVIDER, i, &salt(i), &piece(i % 2), now)
                    .unwrap();
            }
        }
    }

    #[test]
    fn the_encoding_and_the_commitment_are_fixed() {
        let samples = [
            Sample {
                data: Features::Dense(vec![-1, 2]),
                classification: 1,
            },
            Sample {
                data: Features::Sparse(vec![5]),
                classification: 0,
            },
        ];
        let expected: Vec<u8> = [
            &[0, 0, 0, 1, 0, 0, 0, 0, 2][..],
            &(-1i64).to_be_bytes(),
            &2i64.to_be_bytes(),
            &[0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 5],
        ]
        .concat();
        assert_eq!(encode_piece(&samples), expected);
        let mut hasher = Sha256::new();
        hasher.update(b"salt");
        hasher.update(&expected);
        let digest: [u8; 32] = hasher.finalize().into();
        assert_eq!(commitment(b"salt", &samples), digest);
    }

    #[test]
    fn the_draw_depends_on_the_block_and_stays_in_range() {
        let c = commitments(10);
        let draws: Vec<u32> = (0..50).map(|h| draw(&c, h, 1)).collect();
        assert!(draws.iter().all(|&d| d < 10));
        assert!(
            draws.iter().any(|&d| d != draws[0]),
            "the block changes the draw"
        );
        assert_eq!(draw(&c, 3, 1), draw(&c, 3, 1));
    }

    #[test]
    fn opening_is_validated() {
        let c = config();
        let open = |bounty: u128, pieces: Vec<HexBinary>| {
            Market::open(
                &c,
                PROVIDER.into(),
                Uint256::from(bounty),
                pieces,
                0,
                0,
                1,
                SECOND,
            )
        };
        assert_eq!(
            open(0, commitments(2)).unwrap_err(),
            MarketError::NoBounty {}
        );
        assert_eq!(
            open(1, commitments(1)).unwrap_err(),
            MarketError::PieceCount {
                min: 2,
                max: MAX_PIECES,
                got: 1
            }
        );
        let mut short = commitments(2);
        short[1] = HexBinary::from(vec![1, 2, 3]);
        assert_eq!(
            open(1, short).unwrap_err(),
            MarketError::BadCommitment { index: 1, got: 3 }
        );
        assert_eq!(
            MarketConfig {
                min_stake: Uint256::zero(),
                ..config()
            }
            .validate(),
            Err(MarketError::NoMinimumStake {})
        );
    }

    #[test]
    fn the_first_reveal_is_the_drawn_piece_by_the_provider_in_time() {
        let mut market = open(4);
        let drawn = market.drawn;
        let other = (drawn + 1) % 4;
        let before = market.clone();
        assert_eq!(
            market.reveal("mallory", drawn, &salt(drawn), &piece(drawn % 2), 20),
            Err(MarketError::NotProvider {
                provider: PROVIDER.into()
            })
        );
        assert_eq!(
            market.reveal(PROVIDER, other, &salt(other), &piece(other % 2), 20),
            Err(MarketError::NotDrawnPiece {
                expected: drawn,
                got: other
            })
        );
        assert_eq!(
            market.reveal(PROVIDER, drawn, &salt(drawn), &piece((drawn + 1) % 2), 20),
            Err(MarketError::HashMismatch { index: drawn })
        );
        assert_eq!(
            market.reveal(PROVIDER, 9, &salt(9), &piece(1), 20),
            Err(MarketError::UnknownPiece {
                index: 9,
                pieces: 4
            })
        );
        assert_eq!(
            market.reveal(PROVIDER, drawn, &salt(drawn), &piece(drawn % 2), 111),
            Err(MarketError::DeadlinePassed { deadline: 110 })
        );
        assert_eq!(market, before);
        assert_eq!(
            market.reveal(PROVIDER, drawn, &salt(drawn), &piece(drawn % 2), 20),
            Ok(false)
        );
        assert_eq!(market.phase, Phase::Participation);
        assert_eq!(market.earliest_end, 70);
        assert_eq!(
            market.reveal(PROVIDER, drawn, &salt(drawn), &piece(drawn % 2), 20),
            Err(MarketError::WrongPhase {
                expected: "Reveal".into(),
                actual: Phase::Participation
            })
        );
    }

    #[test]
    fn participation_ends_by_count_or_time() {
        let c = config();
        let mut market = participating(3);
        assert_eq!(
            market.contribute(&c, Uint256::from(999u128)),
            Err(MarketError::WrongStake {
                expected: c.min_stake,
                got: Uint256::from(999u128)
            })
        );
        assert_eq!(market.contribute(&c, c.min_stake), Ok(0));
        assert_eq!(
            market.end(&c, 69),
            Err(MarketError::TooEarlyToEnd {
                contributions: 1,
                min_contributions: 3,
                earliest_end: 70
            })
        );
        let mut by_time = market.clone();
        by_time.end(&c, 70).unwrap();
        assert_eq!(
            (by_time.phase.clone(), by_time.deadline),
            (Phase::Reveal, 170)
        );
        market.contribute(&c, c.min_stake).unwrap();
        market.contribute(&c, c.min_stake).unwrap();
        market.end(&c, 21).unwrap();
        assert_eq!(market.phase, Phase::Reveal);
        assert!(matches!(
            market.contribute(&c, c.min_stake),
            Err(MarketError::WrongPhase { .. })
        ));
    }

    /// A market with three contributions, every piece revealed and a baseline of 5 correct
    /// out of `test_size` 2 (two pieces of one sample each).
    fn rewarding() -> Market {
        let c = config();
        let mut market = participating(2);
        for _ in 0..3 {
            market.contribute(&c, c.min_stake).unwrap();
        }
        market.end(&c, 30).unwrap();
        reveal_rest(&mut market, 40);
        assert_eq!(market.phase, Phase::Rewards);
        market.set_baseline(1, 40).unwrap();
        market
    }

    #[test]
    fn rewards_go_in_order_and_in_bounded_batches() {
        let c = config();
        let mut market = rewarding();
        assert_eq!(market.next_batch(&c, 2), Ok((0, 2)));
        assert_eq!(
            market.next_batch(&c, 0),
            Err(MarketError::BatchSize { max: 5, got: 0 })
        );
        assert_eq!(
            market.next_batch(&c, 6),
            Err(MarketError::BatchSize { max: 5, got: 6 })
        );
        let mut standing = Standing::default();
        assert_eq!(
            market.score(&mut standing, 1, 2, 50),
            Err(MarketError::OutOfOrder {
                expected: 0,
                got: 1
            })
        );
        assert_eq!(market.score(&mut standing, 0, 2, 50), Ok(1));
        assert_eq!(market.next_batch(&c, 5), Ok((1, 3)));
    }

    #[test]
    fn settlement_moves_stake_from_worse_to_better() {
        let c = config();
        let stake = c.min_stake;
        let mut market = rewarding();
        let (mut good, mut bad) = (
            Standing {
                stake,
                ..Standing::default()
            },
            Standing {
                stake: stake + stake,
                ..Standing::default()
            },
        );
        // Test set of 2 samples; baseline 1 correct.
        assert_eq!(market.score(&mut good, 0, 2, 50), Ok(1));
        assert_eq!(market.score(&mut bad, 1, 0, 50), Ok(-2));
        assert_eq!(
            bad.loss,
            stake + stake,
            "−2 of 2 samples loses all of its stakes"
        );
        assert_eq!(market.score(&mut bad, 2, 1, 50), Ok(1));
        assert_eq!(market.phase, Phase::Collection);
        assert_eq!(bad.score, -1, "scores add up per contributor");
        assert_eq!(bad.loss, stake, "−1 of 2 samples loses half of its stakes");
        assert_eq!(market.pool(), Uint256::from(101_000u128));
        assert_eq!(
            market.entitlement(&good),
            stake + Uint256::from(101_000u128)
        );
        assert_eq!(market.entitlement(&bad), stake);

        let before = market.clone();
        assert_eq!(
            market.withdraw(&c, "good", &mut good, 50),
            Ok(Uint256::from(102_000u128))
        );
        assert_eq!(
            market.withdraw(&c, "good", &mut good, 51),
            Err(MarketError::AlreadyWithdrawn {
                address: "good".into()
            })
        );
        assert_eq!(
            market.withdrawn,
            before.withdrawn + Uint256::from(102_000u128)
        );
        assert_eq!(
            market.withdraw(&c, "bad", &mut bad, 1050),
            Err(MarketError::ClaimWindowClosed { closed: 1050 })
        );
        assert_eq!(
            market.reclaim(&c, PROVIDER, Uint256::from(2000u128), 1049),
            Err(MarketError::TooEarly {
                deadline: 1050,
                now: 1049
            })
        );
        assert_eq!(
            market.reclaim(&c, "bad", Uint256::from(2000u128), 1050),
            Err(MarketError::NotProvider {
                provider: PROVIDER.into()
            })
        );
        assert_eq!(
            market.reclaim(&c, PROVIDER, Uint256::from(2000u128), 1050),
            Ok(Uint256::from(2000u128))
        );
        assert_eq!(
            market.reclaim(&c, PROVIDER, Uint256::zero(), 1050),
            Err(MarketError::AlreadyReclaimed {})
        );
    }

    #[test]
    fn a_late_provider_forfeits_and_an_unrevealed_market_is_cancelled() {
        let c = config();
        let mut market = participating(2);
        market.contribute(&c, c.min_stake).unwrap();
        market.end(&c, 70).unwrap();
        assert_eq!(
            market.expire(170),
            Err(MarketError::TooEarly {
                deadline: 170,
                now: 170
            })
        );
        market.expire(171).unwrap();
        assert!(market.forfeited);
        let standing = Standing {
            stake: c.min_stake,
            contributions: 1,
            ..Standing::default()
        };
        assert_eq!(market.entitlement(&standing), c.min_stake + market.bounty);

        let mut unopened = open(2);
        assert_eq!(
            unopened.expire(110),
            Err(MarketError::TooEarly {
                deadline: 110,
                now: 110
            })
        );
        unopened.expire(111).unwrap();
        assert_eq!(unopened.phase, Phase::Collection);
        assert_eq!(
            unopened.reclaim(&c, PROVIDER, unopened.bounty, 111),
            Ok(unopened.bounty)
        );
    }

    proptest! {
        /// Whatever the scores, the contributors' entitlements never exceed bounty plus
        /// stakes, and every loss stays within its stake.
        #[test]
        fn settlement_is_solvent(scores in proptest::collection::vec((0usize..4, 0u32..=10), 1..30)) {
            let c = config();
            let mut market = participating(2);
            for _ in &scores {
                market.contribute(&c, c.min_stake).unwrap();
            }
            market.end(&c, 70).unwrap();
            market.test_size = 10;
            market.phase = Phase::Rewards;
            market.set_baseline(5, 40).unwrap();
            let mut standings = vec![Standing::default(); 4];
            for (number, &(who, correct)) in scores.iter().enumerate() {
                standings[who].stake += c.min_stake;
                market.score(&mut standings[who], number as u64, correct, 50).unwrap();
            }
            prop_assert_eq!(&market.phase, &Phase::Collection);
            let total: Uint256 = standings.iter().map(|s| market.entitlement(s)).sum();
            prop_assert!(total <= market.bounty + market.total_stake);
            for s in &standings {
                prop_assert!(s.loss <= s.stake);
            }
        }
    }
}
