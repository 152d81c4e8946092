//! The event-driven simulation: each agent acts at its next time (a priority queue),
//! claims fall due after the mechanism's waits, and the model is evaluated at intervals.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use indicatif::ProgressBar;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal};
use serde::Serialize;
use sum_rules::market::Sample;
use sum_rules::Features;

use crate::backend::{Backend, Outcome};
use crate::contracts::Contracts;
use crate::data::{encode, DataSet};
use crate::gas::Fees;
use crate::models::rule;
use crate::native::{seconds, Native};
use crate::scenario::{MechanismSpec, Scenario, Strategy, DAY, HOUR};

/// Which back-end runs the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum BackendKind {
    /// The pure rules in memory.
    Native,
    /// The real contracts on cw-multi-test.
    Contracts,
}

/// The state of the run at one evaluation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tick {
    pub day: f64,
    pub accuracy: f64,
    /// Per agent: its balance as a percentage of its start (points, for the points
    /// mechanism).
    pub values: Vec<f64>,
}

/// One call an agent made and what came of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Call {
    pub time: u64,
    pub party: String,
    pub action: &'static str,
    pub contribution: Option<u64>,
    pub ok: bool,
    pub amount: u128,
}

/// An agent at the end of a run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AgentSummary {
    pub name: String,
    pub strategy: String,
    pub start: u128,
    /// Its tokens at the end, fees paid deducted.
    pub end: u128,
    pub end_percent: f64,
    pub points: u64,
    pub contributions_accepted: u64,
    pub contributions_refused: u64,
    pub claims_ok: u64,
    pub claims_refused: u64,
    pub fees: u128,
}

/// Everything a run produced.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RunResult {
    pub scenario: String,
    pub seed: u64,
    /// Whether agents' values are points rather than balance percentages.
    pub points: bool,
    pub ticks: Vec<Tick>,
    pub calls: Vec<Call>,
    pub agents: Vec<AgentSummary>,
    pub accuracy_start: f64,
    pub accuracy_min: f64,
    pub accuracy_end: f64,
    /// The model's accuracy when trained on all the data once (a reference line).
    pub all_data_accuracy: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Event {
    Turn(usize),
    Claim(u64),
    TakeAll(u64),
    MarketClose,
    Reclaim,
    Evaluate,
}

struct Party {
    name: String,
    agent: Option<usize>,
}

struct Added {
    contributor: usize,
    x: Features,
    label: u32,
    added_at: u64,
}

/// How long a contribution the model neither agrees nor disagrees with enough to settle is
/// claimed again: daily, until the take-all window (or for this long under points).
const RETRY: u64 = 86_400;
const POINTS_RETRIES: u64 = 30;

struct Engine<'a> {
    scenario: &'a Scenario,
    data: &'a DataSet,
    sparse: bool,
    backend: Box<dyn Backend + 'a>,
    rng: ChaCha8Rng,
    parties: Vec<Party>,
    agent_parties: Vec<Vec<usize>>,
    queue: BinaryHeap<Reverse<(u64, u64, Event)>>,
    sequence: u64,
    pending: usize,
    next_row: usize,
    added: Vec<Added>,
    test_x: Vec<Features>,
    test_y: Vec<u32>,
    accuracy: f64,
    fees: Vec<u128>,
    fee_table: Option<Fees>,
    summaries: Vec<AgentSummary>,
    /// Who has claimed from which contribution, and each party's successful refunds:
    /// agents know their own record and do not send calls bound to fail.
    claimed: std::collections::BTreeSet<(usize, u64)>,
    refunds: Vec<u64>,
    calls: Vec<Call>,
    ticks: Vec<Tick>,
    end: u64,
}

/// The parties: each agent's addresses, then the trainer's owner and the market's provider.
fn parties(scenario: &Scenario) -> (Vec<Party>, Vec<Vec<usize>>, Vec<u128>) {
    let mut parties = vec![];
    let mut agent_parties = vec![];
    let mut balances = vec![];
    for (index, agent) in scenario.agents.iter().enumerate() {
        let mut own = vec![];
        for k in 0..agent.addresses {
            let name = if agent.addresses == 1 {
                agent.name.clone()
            } else {
                format!("{} #{k}", agent.name)
            };
            own.push(parties.len());
            parties.push(Party {
                name,
                agent: Some(index),
            });
            balances.push(u128::from(agent.start_balance) / agent.addresses as u128);
        }
        agent_parties.push(own);
    }
    let bounty = match scenario.mechanism {
        MechanismSpec::PredictionMarket { bounty, .. } => bounty.into(),
        _ => 0,
    };
    for (name, balance) in [("owner", 0), ("provider", bounty)] {
        parties.push(Party {
            name: name.into(),
            agent: None,
        });
        balances.push(balance);
    }
    (parties, agent_parties, balances)
}

/// A draw from a normal distribution, again until `accept` holds.
fn draw(rng: &mut ChaCha8Rng, mean: f64, spread: f64, accept: impl Fn(f64) -> bool) -> f64 {
    let normal = Normal::new(mean, spread.max(0.0)).expect("a valid distribution");
    for _ in 0..1000 {
        let value = normal.sample(rng).trunc();
        if accept(value) {
            return value;
        }
    }
    mean.max(1.0)
}

impl<'a> Engine<'a> {
    fn new(scenario: &'a Scenario, data: &'a DataSet, kind: BackendKind) -> Result<Self, String> {
        let sparse = scenario.model.sparse();
        let (parties, agent_parties, balances) = parties(scenario);
        let owner = parties.len() - 2;
        let provider = parties.len() - 1;
        let initial: Vec<(Features, u32)> = data
            .initial
            .iter()
            .map(|row| (encode(row, sparse, data.dimension), row.label))
            .collect();
        let backend: Box<dyn Backend> = match kind {
            BackendKind::Native => {
                let mut native = Native::new(
                    rule(&scenario.model, data.dimension),
                    &scenario.mechanism,
                    balances,
                    owner,
                    provider,
                );
                for (x, label) in &initial {
                    native.train(x, *label);
                }
                Box::new(native)
            }
            BackendKind::Contracts => {
                let names: Vec<String> = parties.iter().map(|p| p.name.clone()).collect();
                Box::new(Contracts::new(
                    &scenario.model,
                    data.dimension,
                    &scenario.mechanism,
                    &names,
                    &balances,
                    owner,
                    provider,
                    &initial,
                ))
            }
        };
        let fee_table = match &scenario.gas {
            Some(gas) => {
                let size = data
                    .initial
                    .first()
                    .map_or(8, |row| row.present.len() as u64);
                Some(Fees::new(gas, &scenario.model.measured_as(), size)?)
            }
            None => None,
        };
        let summaries = scenario
            .agents
            .iter()
            .map(|a| AgentSummary {
                name: a.name.clone(),
                strategy: format!("{:?}", a.strategy).to_lowercase(),
                start: a.start_balance.into(),
                ..AgentSummary::default()
            })
            .collect();
        let (test_x, test_y) = data
            .test
            .iter()
            .map(|row| (encode(row, sparse, data.dimension), row.label))
            .unzip();
        Ok(Engine {
            scenario,
            data,
            sparse,
            backend,
            rng: ChaCha8Rng::seed_from_u64(scenario.seed),
            fees: vec![0; parties.len()],
            refunds: vec![0; parties.len()],
            claimed: Default::default(),
            parties,
            agent_parties,
            queue: BinaryHeap::new(),
            sequence: 0,
            pending: 0,
            next_row: 0,
            added: vec![],
            test_x,
            test_y,
            accuracy: 0.0,
            fee_table,
            summaries,
            calls: vec![],
            ticks: vec![],
            end: seconds(scenario.days),
        })
    }

    fn schedule(&mut self, time: u64, event: Event) {
        if event != Event::Evaluate {
            self.pending += 1;
        }
        self.sequence += 1;
        self.queue.push(Reverse((time, self.sequence, event)));
    }

    fn wait(&mut self, agent: usize) -> u64 {
        let spec = &self.scenario.agents[agent];
        draw(
            &mut self.rng,
            spec.wait_mean_minutes * 60.0,
            spec.wait_spread_minutes * 60.0,
            |v| v >= 1.0,
        ) as u64
    }

    /// A party's tokens, fees paid deducted.
    fn wallet(&mut self, party: usize) -> u128 {
        self.backend.balance(party).saturating_sub(self.fees[party])
    }

    fn agent_wallet(&mut self, agent: usize) -> u128 {
        let own = self.agent_parties[agent].clone();
        own.into_iter().map(|p| self.wallet(p)).sum()
    }

    fn evaluate(&mut self, now: u64) {
        let correct = self.backend.correct(&self.test_x, &self.test_y);
        self.accuracy = correct as f64 / self.test_y.len().max(1) as f64;
        let points = matches!(self.scenario.mechanism, MechanismSpec::Points { .. });
        let values = (0..self.scenario.agents.len())
            .map(|agent| {
                if points {
                    let own = self.agent_parties[agent].clone();
                    own.into_iter().map(|p| self.backend.points(p)).sum::<u64>() as f64
                } else {
                    let start = self.scenario.agents[agent].start_balance.max(1);
                    self.agent_wallet(agent) as f64 * 100.0 / start as f64
                }
            })
            .collect();
        self.ticks.push(Tick {
            day: now as f64 / DAY,
            accuracy: self.accuracy,
            values,
        });
    }

    fn record<T: Copy + Into<u128>>(
        &mut self,
        now: u64,
        party: usize,
        action: &'static str,
        contribution: Option<u64>,
        outcome: &Outcome<T>,
        fee: u128,
    ) {
        self.fees[party] += fee;
        if let Some(agent) = self.parties[party].agent {
            let summary = &mut self.summaries[agent];
            summary.fees += fee;
            let ok = outcome.is_ok();
            match action {
                "add_data" if ok => summary.contributions_accepted += 1,
                "add_data" => summary.contributions_refused += 1,
                _ if ok => summary.claims_ok += 1,
                _ => summary.claims_refused += 1,
            }
        }
        self.calls.push(Call {
            time: now,
            party: self.parties[party].name.clone(),
            action,
            contribution,
            ok: outcome.is_ok(),
            amount: outcome.as_ref().map_or(0, |&v| v.into()),
        });
    }

    fn turn(&mut self, now: u64, agent: usize) {
        let spec = self.scenario.agents[agent].clone();
        let party = self.agent_parties[agent][0];
        if spec.strategy == Strategy::Caller {
            let index = self.rng.random_range(0..self.test_x.len().max(1));
            if let Some(x) = self.test_x.get(index).cloned() {
                self.backend.predict(&x);
            }
        } else if spec.strategy.contributes() && self.next_row < self.data.contributions.len() {
            let wallet = self.wallet(party);
            let willing = match spec.strategy {
                Strategy::Honest => self.rng.random::<f64>() < self.accuracy + 0.15,
                _ => true,
            };
            if willing && wallet > 0 {
                self.contribute(now, agent, party, wallet);
            }
        }
        let more_data = self.next_row < self.data.contributions.len() && !self.market_closed(now);
        if spec.strategy == Strategy::Caller || (more_data && self.wallet(party) > 0) {
            let wait = self.wait(agent);
            self.schedule(now + wait, Event::Turn(agent));
        }
    }

    fn contribute(&mut self, now: u64, agent: usize, party: usize, wallet: u128) {
        let spec = &self.scenario.agents[agent];
        let row = &self.data.contributions[self.next_row];
        let label = match spec.strategy {
            Strategy::Honest if self.rng.random::<f64>() < spec.mistake_probability => {
                1 - row.label
            }
            Strategy::Honest => row.label,
            Strategy::Spammer => self.rng.random_range(0..2),
            _ => 1 - row.label,
        };
        let offered = draw(&mut self.rng, spec.deposit_mean, spec.deposit_spread, |v| {
            v > 0.0
        }) as u128;
        // Nothing is attached where adding data is free (the price query is free).
        let free = matches!(self.backend.price(now), Ok(0));
        let offered = if free { 0 } else { offered.min(wallet) };
        let x = encode(row, self.sparse, self.data.dimension);
        let outcome = self.backend.add_data(now, party, &x, label, offered);
        let fee = self.fee_table.map_or(0, |f| f.add_data());
        let id = outcome.as_ref().ok().copied();
        let paid = outcome.as_ref().map(|_| 0u128).map_err(Clone::clone);
        self.record(now, party, "add_data", id, &paid, fee);
        let Some(id) = id else {
            return;
        };
        self.next_row += 1;
        self.added.push(Added {
            contributor: party,
            x,
            label,
            added_at: now,
        });
        match self.scenario.mechanism {
            MechanismSpec::Stakeable {
                refund_wait_days,
                any_address_claim_wait_days,
                ..
            } => {
                self.schedule(now + seconds(refund_wait_days), Event::Claim(id));
                self.schedule(
                    now + seconds(any_address_claim_wait_days),
                    Event::TakeAll(id),
                );
            }
            MechanismSpec::Points { refund_wait_days } => {
                self.schedule(now + seconds(refund_wait_days), Event::Claim(id));
            }
            MechanismSpec::PredictionMarket { .. } => {}
        }
    }

    /// `party` claims from contribution `id`; answers whether the contribution stays open.
    fn claim(&mut self, now: u64, party: usize, id: u64, refund: bool) -> bool {
        let (outcome, fee, action) = if refund {
            let fee = self.fee_table.map_or(0, |f| f.refund());
            (self.backend.refund(now, party, id), fee, "refund")
        } else {
            let fee = self.fee_table.map_or(0, |f| f.report());
            (self.backend.report(now, party, id), fee, "report")
        };
        if outcome.is_ok() {
            self.claimed.insert((party, id));
            if refund {
                self.refunds[party] += 1;
            }
        }
        self.record(now, party, action, Some(id), &outcome, fee);
        self.backend.open_claim(id)
    }

    fn strategy_of(&self, party: usize) -> Option<Strategy> {
        self.parties[party]
            .agent
            .map(|a| self.scenario.agents[a].strategy)
    }

    /// After the refund wait, and daily until it is settled or the take-all window opens:
    /// the contributor asks for a refund if the model agrees; if it disagrees, others who
    /// could be paid report it.
    fn claim_due(&mut self, now: u64, id: u64) {
        if !self.backend.open_claim(id) {
            return;
        }
        let added = &self.added[id as usize];
        let (contributor, x, label, added_at) = (
            added.contributor,
            added.x.clone(),
            added.label,
            added.added_at,
        );
        let agrees = self.backend.predict(&x) == label;
        let refunds = matches!(
            self.strategy_of(contributor),
            Some(Strategy::Honest | Strategy::Flipper | Strategy::Spammer)
        );
        let stakeable = matches!(self.scenario.mechanism, MechanismSpec::Stakeable { .. });
        let mut open = true;
        if agrees && refunds && !self.claimed.contains(&(contributor, id)) {
            open = self.claim(now, contributor, id, true);
        } else if !agrees {
            let agent = self.parties[contributor].agent;
            for party in 0..self.parties.len() {
                let reporter = matches!(
                    self.strategy_of(party),
                    Some(
                        Strategy::Honest
                            | Strategy::Flipper
                            | Strategy::Spammer
                            | Strategy::Sybil
                            | Strategy::FreeRider
                    )
                );
                // Honest agents and flippers know the rule: no refunded data, no report. The
                // Sybil reporters and the free-rider try anyway.
                let prober = matches!(
                    self.strategy_of(party),
                    Some(Strategy::Sybil | Strategy::FreeRider)
                );
                let able = !stakeable || prober || self.refunds[party] > 0;
                let fresh = !self.claimed.contains(&(party, id));
                if reporter && able && fresh && self.parties[party].agent != agent {
                    open = self.claim(now, party, id, false);
                    if !open {
                        break;
                    }
                }
            }
        }
        let last = match self.scenario.mechanism {
            MechanismSpec::Stakeable {
                any_address_claim_wait_days,
                ..
            } => added_at + seconds(any_address_claim_wait_days),
            _ => added_at + POINTS_RETRIES * RETRY,
        };
        if open && now + RETRY < last {
            self.schedule(now + RETRY, Event::Claim(id));
        }
    }

    /// After the last wait anyone takes what is left: the patient contributor first.
    fn take_all(&mut self, now: u64, id: u64) {
        if !self.backend.open_claim(id) {
            return;
        }
        let contributor = self.added[id as usize].contributor;
        let mut order = vec![];
        if self.strategy_of(contributor) == Some(Strategy::Patient) {
            order.push(contributor);
        }
        let first = order.first().copied();
        order.extend((0..self.parties.len()).filter(|&p| {
            Some(p) != first && matches!(self.strategy_of(p), Some(s) if s != Strategy::Caller)
        }));
        for party in order {
            if !self.claim(now, party, id, false) {
                return;
            }
        }
    }

    /// Whether a market's participation is over (agents stop contributing).
    fn market_closed(&self, now: u64) -> bool {
        match self.scenario.mechanism {
            MechanismSpec::PredictionMarket {
                participation_days, ..
            } => now >= seconds(participation_days),
            _ => false,
        }
    }

    fn provider(&self) -> usize {
        self.parties.len() - 1
    }

    fn market_pieces(&self) -> Vec<Vec<Sample>> {
        let MechanismSpec::PredictionMarket {
            test_samples,
            pieces,
            ..
        } = self.scenario.mechanism
        else {
            return vec![];
        };
        let samples: Vec<Sample> = self
            .test_x
            .iter()
            .zip(&self.test_y)
            .take(test_samples)
            .map(|(x, &y)| Sample {
                data: x.clone(),
                classification: y,
            })
            .collect();
        let size = samples.len().div_ceil(pieces.max(1)).max(1);
        samples.chunks(size).map(<[Sample]>::to_vec).collect()
    }

    /// Ends participation, reveals, rewards in batches, and lets everyone withdraw.
    fn market_close(&mut self, mut now: u64) {
        let MechanismSpec::PredictionMarket {
            batch,
            claim_wait_days,
            ..
        } = self.scenario.mechanism
        else {
            return;
        };
        let provider = self.provider();
        let closed = self.backend.market_close(now).map(|_| 0u128);
        self.record(now, provider, "market_close", None, &closed, 0);
        if closed.is_err() {
            return;
        }
        loop {
            now += 1;
            let step = self.backend.market_process(now, batch);
            let done = matches!(step, Ok(true));
            self.record(
                now,
                provider,
                "market_process",
                None,
                &step.map(|_| 0u128),
                0,
            );
            if done {
                break;
            }
        }
        for party in 0..self.parties.len() - 2 {
            let owed = self.backend.market_withdraw(now, party);
            self.record(now, party, "market_withdraw", None, &owed, 0);
        }
        self.schedule(now + seconds(claim_wait_days) + 1, Event::Reclaim);
    }

    fn run(mut self, progress: Option<&ProgressBar>) -> RunResult {
        self.evaluate(0);
        let accuracy_start = self.accuracy;
        if let MechanismSpec::PredictionMarket {
            bounty,
            participation_days,
            ..
        } = self.scenario.mechanism
        {
            let pieces = self.market_pieces();
            let provider = self.provider();
            let opened = self
                .backend
                .market_open(0, &pieces, bounty.into())
                .map(|_| 0u128);
            self.record(0, provider, "market_open", None, &opened, 0);
            self.schedule(seconds(participation_days), Event::MarketClose);
        }
        for agent in 0..self.scenario.agents.len() {
            let wait = self.wait(agent);
            self.schedule(wait, Event::Turn(agent));
        }
        let interval = (self.scenario.evaluation_interval_hours * HOUR).max(1.0) as u64;
        self.schedule(interval, Event::Evaluate);
        let mut now = 0;
        while let Some(Reverse((time, _, event))) = self.queue.pop() {
            if time > self.end || self.pending == 0 {
                break;
            }
            now = time;
            if event != Event::Evaluate {
                self.pending -= 1;
            }
            match event {
                Event::Turn(agent) => self.turn(now, agent),
                Event::Claim(id) => self.claim_due(now, id),
                Event::TakeAll(id) => self.take_all(now, id),
                Event::MarketClose => self.market_close(now),
                Event::Reclaim => {
                    let provider = self.provider();
                    let outcome = self.backend.market_reclaim(now);
                    self.record(now, provider, "market_reclaim", None, &outcome, 0);
                }
                Event::Evaluate => {
                    self.evaluate(now);
                    self.schedule(now + interval, Event::Evaluate);
                }
            }
            if let Some(bar) = progress {
                bar.set_position(now / DAY as u64);
            }
        }
        self.evaluate(now.max(1));
        self.finish(accuracy_start)
    }

    fn finish(mut self, accuracy_start: f64) -> RunResult {
        for agent in 0..self.scenario.agents.len() {
            let own = self.agent_parties[agent].clone();
            let end = self.agent_wallet(agent);
            let points: u64 = own.iter().map(|&p| self.backend.points(p)).sum();
            let summary = &mut self.summaries[agent];
            summary.end = end;
            summary.end_percent = end as f64 * 100.0 / summary.start.max(1) as f64;
            summary.points = points;
        }
        let accuracy_min = self
            .ticks
            .iter()
            .map(|t| t.accuracy)
            .fold(f64::MAX, f64::min);
        RunResult {
            scenario: self.scenario.name.clone(),
            seed: self.scenario.seed,
            points: matches!(self.scenario.mechanism, MechanismSpec::Points { .. }),
            accuracy_start,
            accuracy_min,
            accuracy_end: self.accuracy,
            all_data_accuracy: all_data_accuracy(self.scenario, self.data),
            ticks: self.ticks,
            calls: self.calls,
            agents: self.summaries,
        }
    }
}

/// The accuracy of the model trained once on every training row, natively.
pub fn all_data_accuracy(scenario: &Scenario, data: &DataSet) -> f64 {
    let sparse = scenario.model.sparse();
    let mut model = rule(&scenario.model, data.dimension);
    for row in data.initial.iter().chain(&data.contributions) {
        let _ = model.update(&encode(row, sparse, data.dimension), row.label);
    }
    let (x, y): (Vec<Features>, Vec<u32>) = data
        .test
        .iter()
        .map(|row| (encode(row, sparse, data.dimension), row.label))
        .unzip();
    model.evaluate(&x, &y).unwrap_or(0) as f64 / y.len().max(1) as f64
}

/// Runs a scenario on a back-end; shows a progress bar of simulated days if given one.
pub fn run(
    scenario: &Scenario,
    data: &DataSet,
    kind: BackendKind,
    progress: Option<&ProgressBar>,
) -> Result<RunResult, String> {
    Ok(Engine::new(scenario, data, kind)?.run(progress))
}
