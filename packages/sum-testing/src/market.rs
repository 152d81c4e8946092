//! Driving a prediction market on a [`Suite`]: a test set cut into committed pieces, and
//! the market's own messages sent through the trainer.

use cosmwasm_std::{coins, Addr, HexBinary, StdResult, Uint256};
use cw_multi_test::AppResponse;
use sum_prediction_market::msg::{MarketMsg, MarketResponse, QueryMsg, StandingResponse};
use sum_rules::market::{commitment, Market, Phase, Sample};

use crate::suite::{Suite, ANY_ADDRESS_CLAIM_WAIT, DENOM};

/// A test set cut into pieces, each with its salt.
pub struct TestSet {
    pub pieces: Vec<Vec<Sample>>,
    pub salts: Vec<HexBinary>,
}

impl TestSet {
    /// Cuts `samples` into `pieces` pieces of (nearly) equal size, salting each.
    pub fn new(samples: Vec<Sample>, pieces: usize) -> Self {
        let size = samples.len().div_ceil(pieces);
        let pieces: Vec<Vec<Sample>> = samples.chunks(size).map(<[Sample]>::to_vec).collect();
        let salts = (0..pieces.len())
            .map(|i| HexBinary::from(format!("salt of piece {i}").into_bytes()))
            .collect();
        TestSet { pieces, salts }
    }

    pub fn commitments(&self) -> Vec<HexBinary> {
        self.pieces
            .iter()
            .zip(&self.salts)
            .map(|(piece, salt)| HexBinary::from(commitment(salt, piece).to_vec()))
            .collect()
    }

    /// The message revealing piece `index`.
    pub fn reveal(&self, index: u32) -> MarketMsg {
        MarketMsg::Reveal {
            index,
            salt: self.salts[index as usize].clone(),
            samples: self.pieces[index as usize].clone(),
        }
    }
}

impl Suite {
    /// Sends a market message through the trainer, without funds.
    pub fn market_call(&mut self, sender: &Addr, msg: &MarketMsg) -> StdResult<AppResponse> {
        self.incentive_extension(sender, msg, &[])
    }

    /// The market's state (it must be open).
    pub fn market(&self) -> Market {
        let answer: MarketResponse = self.query_incentive(&QueryMsg::Market {}).unwrap();
        answer.market.expect("the market is open")
    }

    pub fn standing(&self, address: &Addr) -> StandingResponse {
        let query = QueryMsg::Standing {
            address: address.to_string(),
        };
        self.query_incentive(&query).unwrap()
    }

    /// `provider` opens the market with `bounty` and reveals the drawn piece.
    pub fn open_market(
        &mut self,
        provider: &Addr,
        test_set: &TestSet,
        bounty: u128,
        min_contributions: u64,
    ) -> StdResult<()> {
        let open = MarketMsg::Open {
            commitments: test_set.commitments(),
            min_duration: ANY_ADDRESS_CLAIM_WAIT,
            min_contributions,
        };
        self.incentive_extension(provider, &open, &coins(bounty, DENOM))?;
        let drawn = self.market().drawn;
        self.market_call(provider, &test_set.reveal(drawn))?;
        Ok(())
    }

    /// Ends participation and reveals every remaining piece.
    pub fn end_and_reveal(&mut self, provider: &Addr, test_set: &TestSet) -> StdResult<()> {
        self.market_call(provider, &MarketMsg::End {})?;
        let revealed = self.market().revealed;
        for (index, done) in revealed.into_iter().enumerate() {
            if !done {
                self.market_call(provider, &test_set.reveal(index as u32))?;
            }
        }
        Ok(())
    }

    /// Processes reward batches of `limit` until the market is settled; answers the
    /// number of batches.
    pub fn process_all(&mut self, anyone: &Addr, limit: u32) -> StdResult<u32> {
        let mut batches = 0;
        while self.market().phase == Phase::Rewards {
            self.market_call(anyone, &MarketMsg::Process { limit })?;
            batches += 1;
        }
        Ok(batches)
    }

    /// Each address withdraws what it is owed (those owed nothing are skipped); answers
    /// what each received.
    pub fn withdraw_all(&mut self, addresses: &[Addr]) -> Vec<Uint256> {
        addresses
            .iter()
            .map(|address| {
                let owed = self.standing(address).entitlement.unwrap_or_default();
                if !owed.is_zero() {
                    self.market_call(address, &MarketMsg::Withdraw {}).unwrap();
                }
                owed
            })
            .collect()
    }
}
