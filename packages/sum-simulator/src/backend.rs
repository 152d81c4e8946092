//! One interface for both back-ends: the pure rules in memory ([`crate::native`]) and the
//! real contracts on cw-multi-test ([`crate::contracts`]). The engine drives either; a test
//! runs the same scenario on both and compares every outcome.

use sum_rules::market::Sample;
use sum_rules::Features;

/// What a call answers: its value, or why it was refused (refused calls change nothing).
pub type Outcome<T> = Result<T, String>;

/// A model stack under one incentive mechanism, with its parties (addresses) numbered.
pub trait Backend {
    /// The deposit (or stake) adding data needs now.
    fn price(&mut self, now: u64) -> Outcome<u128>;
    /// `party` adds a sample offering `offered`; answers the contribution id.
    fn add_data(
        &mut self,
        now: u64,
        party: usize,
        x: &Features,
        label: u32,
        offered: u128,
    ) -> Outcome<u64>;
    fn refund(&mut self, now: u64, party: usize, id: u64) -> Outcome<u128>;
    fn report(&mut self, now: u64, party: usize, id: u64) -> Outcome<u128>;
    /// Whether a contribution can still be claimed from.
    fn open_claim(&mut self, id: u64) -> bool;
    fn predict(&mut self, x: &Features) -> u32;
    /// How many of the samples the model classifies as labelled.
    fn correct(&mut self, samples: &[Features], labels: &[u32]) -> u32;
    /// A party's tokens.
    fn balance(&mut self, party: usize) -> u128;
    /// A party's points (points mechanism).
    fn points(&mut self, party: usize) -> u64;
    /// The provider opens the market with `bounty` and reveals the drawn piece.
    fn market_open(&mut self, now: u64, pieces: &[Vec<Sample>], bounty: u128) -> Outcome<()>;
    /// Ends participation and reveals every other piece.
    fn market_close(&mut self, now: u64) -> Outcome<()>;
    /// Processes one reward batch; answers whether the market is settled.
    fn market_process(&mut self, now: u64, limit: u32) -> Outcome<bool>;
    fn market_withdraw(&mut self, now: u64, party: usize) -> Outcome<u128>;
    fn market_reclaim(&mut self, now: u64) -> Outcome<u128>;
}

/// An on-chain amount as a plain number (the simulator's amounts fit in 128 bits).
pub fn tokens(amount: cosmwasm_std::Uint256) -> u128 {
    cosmwasm_std::Uint128::try_from(amount)
        .expect("amounts fit in 128 bits")
        .u128()
}
