//! The native back-end: the pure rules of `sum-rules` in memory, doing what the trainer
//! and its components do, at native speed.

use cosmwasm_std::{HexBinary, Uint256};
use sum_common::incentive::ClaimerRole;
use sum_rules::claim::ClaimFacts;
use sum_rules::market::{commitment, Market, MarketConfig, Phase, Sample, Standing};
use sum_rules::points::{check_refund, check_report};
use sum_rules::stakeable::{self, Claim, ReporterStanding, Waits};
use sum_rules::{ensure_known_class, Classifier, Features};

use crate::backend::{tokens, Backend, Outcome};
use crate::scenario::{MechanismSpec, DAY};

/// A stored contribution (the data handler's record).
struct Stored {
    contributor: usize,
    data: Features,
    label: u32,
    added_at: u64,
}

/// A deposit's claim accounting (the stakeable mechanism's record).
struct Deposit {
    initial: Uint256,
    claimable: Uint256,
    claimed_by: Vec<usize>,
}

impl Deposit {
    /// What the stakeable rule judges a claim on this deposit by.
    fn claim(&self, facts: ClaimFacts, party: usize) -> Claim {
        Claim {
            facts,
            initial_deposit: self.initial,
            claimable: self.claimable,
            already_claimed: self.claimed_by.contains(&party),
        }
    }
}

struct StakeableState {
    cost_weight: Uint256,
    waits: Waits,
    last_update: u64,
    total_good: u64,
    num_valid: Vec<u64>,
    deposits: Vec<Deposit>,
}

struct PointsState {
    refund_wait: u64,
    claimed_by: Vec<Option<usize>>,
    points: Vec<u64>,
}

struct MarketState {
    config: MarketConfig,
    market: Option<Market>,
    standings: Vec<Standing>,
    /// Contribution ids by contribution number.
    entries: Vec<u64>,
    pieces: Vec<Vec<Sample>>,
    /// What the market contract holds.
    held: Uint256,
}

enum Mechanism {
    Stakeable(StakeableState),
    Points(PointsState),
    Market(Box<MarketState>),
}

/// The pure rules standing in for a whole stack.
pub struct Native {
    model: Box<dyn Classifier + Send>,
    contributions: Vec<Stored>,
    balances: Vec<Uint256>,
    owner: usize,
    provider: usize,
    mechanism: Mechanism,
}

fn not_opened() -> String {
    "the market has not been opened".into()
}

/// Whole seconds of `days`.
pub fn seconds(days: f64) -> u64 {
    (days * DAY).round() as u64
}

/// The salt of a market piece (the same for both back-ends).
pub fn salt(index: usize) -> HexBinary {
    HexBinary::from(format!("salt of piece {index}").into_bytes())
}

impl Native {
    /// A stack whose parties start with `balances`; `owner` and `provider` are parties.
    pub fn new(
        model: Box<dyn Classifier + Send>,
        mechanism: &MechanismSpec,
        balances: Vec<u128>,
        owner: usize,
        provider: usize,
    ) -> Self {
        let parties = balances.len();
        let mechanism = match *mechanism {
            MechanismSpec::Stakeable {
                cost_weight,
                refund_wait_days,
                owner_claim_wait_days,
                any_address_claim_wait_days,
            } => Mechanism::Stakeable(StakeableState {
                cost_weight: Uint256::from(u128::from(cost_weight)),
                waits: Waits {
                    refund: seconds(refund_wait_days),
                    owner_claim: seconds(owner_claim_wait_days),
                    any_address_claim: seconds(any_address_claim_wait_days),
                },
                last_update: 0,
                total_good: 0,
                num_valid: vec![0; parties],
                deposits: vec![],
            }),
            MechanismSpec::Points { refund_wait_days } => Mechanism::Points(PointsState {
                refund_wait: seconds(refund_wait_days),
                claimed_by: vec![],
                points: vec![0; parties],
            }),
            MechanismSpec::PredictionMarket {
                stake,
                batch,
                reveal_wait_days,
                claim_wait_days,
                ..
            } => Mechanism::Market(Box::new(MarketState {
                config: MarketConfig {
                    min_stake: Uint256::from(u128::from(stake)),
                    reveal_wait: seconds(reveal_wait_days),
                    any_address_claim_wait: seconds(claim_wait_days),
                    max_batch: batch,
                },
                market: None,
                standings: vec![Standing::default(); parties],
                entries: vec![],
                pieces: vec![],
                held: Uint256::zero(),
            })),
        };
        Native {
            model,
            contributions: vec![],
            balances: balances.into_iter().map(Uint256::from).collect(),
            owner,
            provider,
            mechanism,
        }
    }

    /// Trains the model on a sample directly (the model's initial share).
    pub fn train(&mut self, x: &Features, label: u32) {
        let _ = self.model.update(x, label);
    }

    fn facts(&mut self, party: usize, id: u64) -> Outcome<ClaimFacts> {
        let stored = self
            .contributions
            .get(id as usize)
            .ok_or_else(|| format!("no contribution with id {id}"))?;
        let role = if party == stored.contributor {
            ClaimerRole::Contributor
        } else if party == self.owner {
            ClaimerRole::Owner
        } else {
            ClaimerRole::Other
        };
        let prediction = self
            .model
            .predict(&stored.data)
            .map_err(|e| e.to_string())?;
        Ok(ClaimFacts {
            contribution_id: id,
            claimer: party.to_string(),
            role,
            classification: stored.label,
            prediction,
            added_at: stored.added_at,
        })
    }

    fn pay(&mut self, party: usize, amount: Uint256) -> u128 {
        self.balances[party] += amount;
        tokens(amount)
    }

    fn test_set(pieces: &[Vec<Sample>]) -> (Vec<Features>, Vec<u32>) {
        pieces
            .iter()
            .flatten()
            .map(|s| (s.data.clone(), s.classification))
            .unzip()
    }
}

impl Backend for Native {
    fn price(&mut self, now: u64) -> Outcome<u128> {
        let price = match &self.mechanism {
            Mechanism::Stakeable(s) => {
                stakeable::add_data_cost(s.cost_weight, now.saturating_sub(s.last_update))
                    .map_err(|e| e.to_string())?
            }
            Mechanism::Points(_) => Uint256::zero(),
            Mechanism::Market(m) => match &m.market {
                Some(market) if market.phase == Phase::Participation => m.config.min_stake,
                _ => return Err("the market is not taking contributions".into()),
            },
        };
        Ok(tokens(price))
    }

    fn add_data(
        &mut self,
        now: u64,
        party: usize,
        x: &Features,
        label: u32,
        offered: u128,
    ) -> Outcome<u64> {
        if self.balances[party] < Uint256::from(offered) {
            return Err("insufficient funds".into());
        }
        let price = self.price(now)?;
        if matches!(self.mechanism, Mechanism::Points(_)) && offered > 0 {
            return Err("the points mechanism takes no funds".into());
        }
        if offered < price {
            return Err(format!("insufficient deposit: {price} needed"));
        }
        let id = self.contributions.len() as u64;
        match &mut self.mechanism {
            Mechanism::Market(m) => {
                ensure_known_class(label, self.model.num_classes()).map_err(|e| e.to_string())?;
                self.model.predict(x).map_err(|e| e.to_string())?;
                let stake = Uint256::from(price);
                let market = m.market.as_mut().ok_or_else(not_opened)?;
                market
                    .contribute(&m.config, stake)
                    .map_err(|e| e.to_string())?;
                m.entries.push(id);
                m.standings[party].stake += stake;
                m.standings[party].contributions += 1;
                m.held += stake;
            }
            mechanism => {
                self.model.update(x, label).map_err(|e| e.to_string())?;
                match mechanism {
                    Mechanism::Stakeable(s) => {
                        let deposit = Uint256::from(price);
                        s.deposits.push(Deposit {
                            initial: deposit,
                            claimable: deposit,
                            claimed_by: vec![],
                        });
                        s.last_update = now;
                    }
                    Mechanism::Points(p) => p.claimed_by.push(None),
                    Mechanism::Market(_) => unreachable!("handled above"),
                }
            }
        }
        self.balances[party] -= Uint256::from(price);
        self.contributions.push(Stored {
            contributor: party,
            data: x.clone(),
            label,
            added_at: now,
        });
        Ok(id)
    }

    fn refund(&mut self, now: u64, party: usize, id: u64) -> Outcome<u128> {
        let facts = self.facts(party, id)?;
        let contributor = self.contributions[id as usize].contributor;
        match &mut self.mechanism {
            Mechanism::Stakeable(s) => {
                let deposit = &mut s.deposits[id as usize];
                let claim = deposit.claim(facts, party);
                let amount =
                    stakeable::refund_amount(&claim, now, &s.waits).map_err(|e| e.to_string())?;
                s.num_valid[contributor] += 1;
                s.total_good += 1;
                deposit.claimable -= amount;
                deposit.claimed_by.push(party);
                Ok(self.pay(party, amount))
            }
            Mechanism::Points(p) => {
                let claimed = p.claimed_by[id as usize].map(|c| c.to_string());
                check_refund(&facts, claimed.as_deref(), now, p.refund_wait)
                    .map_err(|e| e.to_string())?;
                p.claimed_by[id as usize] = Some(party);
                p.points[party] += 1;
                Ok(0)
            }
            Mechanism::Market(_) => Err("refund and report do not apply".into()),
        }
    }

    fn report(&mut self, now: u64, party: usize, id: u64) -> Outcome<u128> {
        let facts = self.facts(party, id)?;
        match &mut self.mechanism {
            Mechanism::Stakeable(s) => {
                let deposit = &mut s.deposits[id as usize];
                let claim = deposit.claim(facts, party);
                let standing = ReporterStanding {
                    num_valid: s.num_valid[party],
                    total_good: s.total_good,
                };
                let amount = stakeable::report_amount(&claim, now, &s.waits, &standing)
                    .map_err(|e| e.to_string())?;
                deposit.claimable -= amount;
                deposit.claimed_by.push(party);
                Ok(self.pay(party, amount))
            }
            Mechanism::Points(p) => {
                let claimed = p.claimed_by[id as usize].map(|c| c.to_string());
                check_report(&facts, claimed.as_deref(), now, p.refund_wait)
                    .map_err(|e| e.to_string())?;
                p.claimed_by[id as usize] = Some(party);
                Ok(0)
            }
            Mechanism::Market(_) => Err("refund and report do not apply".into()),
        }
    }

    fn open_claim(&mut self, id: u64) -> bool {
        match &self.mechanism {
            Mechanism::Stakeable(s) => !s.deposits[id as usize].claimable.is_zero(),
            Mechanism::Points(p) => p.claimed_by[id as usize].is_none(),
            Mechanism::Market(_) => false,
        }
    }

    fn predict(&mut self, x: &Features) -> u32 {
        self.model.predict(x).unwrap_or(0)
    }

    fn correct(&mut self, samples: &[Features], labels: &[u32]) -> u32 {
        self.model.evaluate(samples, labels).unwrap_or(0)
    }

    fn balance(&mut self, party: usize) -> u128 {
        tokens(self.balances[party])
    }

    fn points(&mut self, party: usize) -> u64 {
        match &self.mechanism {
            Mechanism::Points(p) => p.points[party],
            _ => 0,
        }
    }

    fn market_open(&mut self, now: u64, pieces: &[Vec<Sample>], bounty: u128) -> Outcome<()> {
        let provider = self.provider;
        let Mechanism::Market(m) = &mut self.mechanism else {
            return Err("not a market".into());
        };
        let bounty = Uint256::from(bounty);
        if self.balances[provider] < bounty {
            return Err("insufficient funds".into());
        }
        let commitments = pieces
            .iter()
            .enumerate()
            .map(|(i, p)| HexBinary::from(commitment(&salt(i), p).to_vec()))
            .collect();
        let time_nanos = now * 1_000_000_000;
        let mut market = Market::open(
            &m.config,
            provider.to_string(),
            bounty,
            commitments,
            0,
            0,
            0,
            time_nanos,
        )
        .map_err(|e| e.to_string())?;
        let drawn = market.drawn as usize;
        market
            .reveal(
                &provider.to_string(),
                drawn as u32,
                &salt(drawn),
                &pieces[drawn],
                now,
            )
            .map_err(|e| e.to_string())?;
        m.pieces = pieces.to_vec();
        m.market = Some(market);
        m.held += bounty;
        self.balances[provider] -= bounty;
        Ok(())
    }

    fn market_close(&mut self, now: u64) -> Outcome<()> {
        let provider = self.provider.to_string();
        let Mechanism::Market(m) = &mut self.mechanism else {
            return Err("not a market".into());
        };
        let (samples, labels) = Self::test_set(&m.pieces);
        let market = m.market.as_mut().ok_or_else(not_opened)?;
        market.end(&m.config, now).map_err(|e| e.to_string())?;
        for index in 0..m.pieces.len() {
            if !market.revealed[index] {
                let all = market
                    .reveal(&provider, index as u32, &salt(index), &m.pieces[index], now)
                    .map_err(|e| e.to_string())?;
                if all {
                    let baseline = self.model.evaluate(&samples, &labels).unwrap_or(0);
                    market
                        .set_baseline(baseline, now)
                        .map_err(|e| e.to_string())?;
                }
            }
        }
        Ok(())
    }

    fn market_process(&mut self, now: u64, limit: u32) -> Outcome<bool> {
        let Mechanism::Market(m) = &mut self.mechanism else {
            return Err("not a market".into());
        };
        let (samples, labels) = Self::test_set(&m.pieces);
        let market = m.market.as_mut().ok_or_else(not_opened)?;
        let (start, end) = market
            .next_batch(&m.config, limit)
            .map_err(|e| e.to_string())?;
        for number in start..end {
            let id = m.entries[number as usize];
            let stored = &self.contributions[id as usize];
            let _ = self.model.update(&stored.data, stored.label);
            let correct = self.model.evaluate(&samples, &labels).unwrap_or(0);
            let standing = &mut m.standings[stored.contributor];
            market
                .score(standing, number, correct, now)
                .map_err(|e| e.to_string())?;
        }
        Ok(market.phase == Phase::Collection)
    }

    fn market_withdraw(&mut self, now: u64, party: usize) -> Outcome<u128> {
        let Mechanism::Market(m) = &mut self.mechanism else {
            return Err("not a market".into());
        };
        let market = m.market.as_mut().ok_or_else(not_opened)?;
        let amount = market
            .withdraw(&m.config, &party.to_string(), &mut m.standings[party], now)
            .map_err(|e| e.to_string())?;
        m.held -= amount;
        Ok(self.pay(party, amount))
    }

    fn market_reclaim(&mut self, now: u64) -> Outcome<u128> {
        let provider = self.provider;
        let Mechanism::Market(m) = &mut self.mechanism else {
            return Err("not a market".into());
        };
        let market = m.market.as_mut().ok_or_else(not_opened)?;
        let amount = market
            .reclaim(&m.config, &provider.to_string(), m.held, now)
            .map_err(|e| e.to_string())?;
        m.held -= amount;
        Ok(self.pay(provider, amount))
    }
}
