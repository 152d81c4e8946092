//! The contracts back-end: the real contracts (the code compiled to Wasm) on cw-multi-test,
//! driven through the trainer exactly as users would drive them on a chain.

use cosmwasm_std::{coins, from_json, Addr, Empty, Timestamp, Uint256, WasmMsg};
use cw_multi_test::{App, Executor};
use sum_common::model::{EvaluateResponse, ModelExecuteMsg, ModelQueryMsg};
use sum_prediction_market::msg::MarketMsg;
use sum_rules::market::{Phase, Sample};
use sum_rules::Features;
use sum_testing::market::TestSet;
use sum_testing::suite::stakeable_msg;
use sum_testing::{addr, contracts, IncentiveSpec, ModelSetup, Suite, DENOM};
use sum_trainer::msg::AddDataResponse;

use crate::backend::{tokens, Backend, Outcome};
use crate::models::deploy_spec;
use crate::native::{salt, seconds};
use crate::scenario::{MechanismSpec, ModelSpec};

/// Block time of relative time 0 (cw-multi-test's genesis).
const GENESIS: u64 = 1_571_797_419;
/// Seconds per block, to derive heights from times.
const BLOCK_SECONDS: u64 = 5;

pub struct Contracts {
    suite: Suite,
    parties: Vec<Addr>,
    provider: usize,
    points: bool,
    stakeable: bool,
    test_set: Option<TestSet>,
}

fn incentive(mechanism: &MechanismSpec) -> IncentiveSpec {
    match *mechanism {
        MechanismSpec::Stakeable {
            cost_weight,
            refund_wait_days,
            owner_claim_wait_days,
            any_address_claim_wait_days,
        } => {
            let mut msg = stakeable_msg(cost_weight.into());
            msg.refund_wait = seconds(refund_wait_days);
            msg.owner_claim_wait = seconds(owner_claim_wait_days);
            msg.any_address_claim_wait = seconds(any_address_claim_wait_days);
            IncentiveSpec::new(contracts::stakeable, &msg)
        }
        MechanismSpec::Points { refund_wait_days } => {
            let msg = sum_points::msg::InstantiateMsg {
                refund_wait: seconds(refund_wait_days),
            };
            IncentiveSpec::new(contracts::points, &msg)
        }
        MechanismSpec::PredictionMarket {
            stake,
            batch,
            reveal_wait_days,
            claim_wait_days,
            ..
        } => {
            let msg = sum_prediction_market::msg::InstantiateMsg {
                denom: DENOM.into(),
                min_stake: Uint256::from(u128::from(stake)),
                reveal_wait: seconds(reveal_wait_days),
                any_address_claim_wait: seconds(claim_wait_days),
                max_batch: batch,
            };
            IncentiveSpec::new(contracts::prediction_market, &msg)
        }
    }
}

fn refused(err: impl ToString) -> String {
    err.to_string()
}

impl Contracts {
    /// Deploys the stack: the owner instantiates the model alone, trains it on `initial`
    /// through the model's own `update`, then hands it over to a new trainer.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        model: &ModelSpec,
        dimension: u32,
        mechanism: &MechanismSpec,
        names: &[String],
        balances: &[u128],
        owner: usize,
        provider: usize,
        initial: &[(Features, u32)],
    ) -> Self {
        let parties: Vec<Addr> = names.iter().map(|name| addr(name)).collect();
        let funded: Vec<(Addr, u128)> = parties
            .iter()
            .cloned()
            .zip(balances.iter().copied())
            .filter(|(_, b)| *b > 0)
            .collect();
        let mut app = App::new(|router, _, storage| {
            for (party, balance) in &funded {
                router
                    .bank
                    .init_balance(storage, party, coins(*balance, DENOM))
                    .expect("funds");
            }
        });
        let owner_addr = parties[owner].clone();
        let spec = deploy_spec(model, dimension);
        let code_id = app.store_code((spec.code)());
        let instantiate = WasmMsg::Instantiate {
            admin: None,
            code_id,
            msg: spec.msg,
            funds: vec![],
            label: "model".into(),
        };
        let response = app
            .execute(owner_addr.clone(), instantiate.into())
            .expect("the model instantiates");
        let model_addr = response
            .events
            .iter()
            .flat_map(|e| &e.attributes)
            .find(|a| a.key == "_contract_address")
            .map(|a| Addr::unchecked(&a.value))
            .expect("an address");
        for (x, label) in initial {
            let update = ModelExecuteMsg::<Empty>::Update {
                data: x.clone(),
                classification: *label,
            };
            let _ = app.execute_contract(owner_addr.clone(), model_addr.clone(), &update, &[]);
        }
        let mut suite = Suite::deploy(
            app,
            ModelSetup::Existing(model_addr.clone()),
            incentive(mechanism),
            |msg| msg.owner = Some(owner_addr.to_string()),
        )
        .expect("the stack deploys");
        let hand_over = ModelExecuteMsg::<Empty>::HandOver {
            trainer: suite.trainer.to_string(),
        };
        suite
            .app
            .execute_contract(owner_addr, model_addr, &hand_over, &[])
            .expect("the owner hands the model over");
        Contracts {
            suite,
            parties,
            provider,
            points: matches!(mechanism, MechanismSpec::Points { .. }),
            stakeable: matches!(mechanism, MechanismSpec::Stakeable { .. }),
            test_set: None,
        }
    }

    fn at(&mut self, now: u64) {
        self.suite.app.update_block(|block| {
            block.time = Timestamp::from_seconds(GENESIS + now);
            block.height = 12_345 + now / BLOCK_SECONDS;
        });
    }

    /// Runs a call and answers what it paid `party`.
    fn paid(
        &mut self,
        party: usize,
        call: impl FnOnce(&mut Suite, &Addr) -> Result<(), String>,
    ) -> Outcome<u128> {
        let who = self.parties[party].clone();
        let before = self.suite.balance(&who);
        call(&mut self.suite, &who)?;
        let after = self.suite.balance(&who);
        Ok(tokens(after - before))
    }

    fn market_call(&mut self, party: usize, msg: &MarketMsg) -> Outcome<u128> {
        self.paid(party, |suite, who| {
            suite.market_call(who, msg).map(|_| ()).map_err(refused)
        })
    }
}

impl Backend for Contracts {
    fn price(&mut self, now: u64) -> Outcome<u128> {
        self.at(now);
        let query = sum_trainer::msg::QueryMsg::NextAddDataCost {};
        let answer: sum_common::incentive::AddDataCostResponse = self
            .suite
            .app
            .wrap()
            .query_wasm_smart(&self.suite.trainer, &query)
            .map_err(refused)?;
        Ok(tokens(answer.cost.amount))
    }

    fn add_data(
        &mut self,
        now: u64,
        party: usize,
        x: &Features,
        label: u32,
        offered: u128,
    ) -> Outcome<u64> {
        self.at(now);
        let funds = if offered == 0 {
            vec![]
        } else {
            coins(offered, DENOM)
        };
        let who = self.parties[party].clone();
        let response = self
            .suite
            .add_data(&who, x.clone(), label, &funds)
            .map_err(refused)?;
        let added: AddDataResponse =
            from_json(response.data.expect("add_data answers the id")).map_err(refused)?;
        Ok(added.id)
    }

    fn refund(&mut self, now: u64, party: usize, id: u64) -> Outcome<u128> {
        self.at(now);
        self.paid(party, |suite, who| {
            suite.refund(who, id).map(|_| ()).map_err(refused)
        })
    }

    fn report(&mut self, now: u64, party: usize, id: u64) -> Outcome<u128> {
        self.at(now);
        self.paid(party, |suite, who| {
            suite.report(who, id).map(|_| ()).map_err(refused)
        })
    }

    fn open_claim(&mut self, id: u64) -> bool {
        let Ok(contribution) = self.suite.contribution(id) else {
            return false;
        };
        if self.stakeable {
            !contribution.claims.claimable.is_zero()
        } else if self.points {
            contribution.claims.claimed_by.is_empty()
        } else {
            false
        }
    }

    fn predict(&mut self, x: &Features) -> u32 {
        self.suite.predict(x.clone()).unwrap_or(0)
    }

    fn correct(&mut self, samples: &[Features], labels: &[u32]) -> u32 {
        let query = ModelQueryMsg::Evaluate {
            samples: samples.to_vec(),
            labels: labels.to_vec(),
        };
        let answer: Result<EvaluateResponse, _> = self
            .suite
            .app
            .wrap()
            .query_wasm_smart(&self.suite.components.model, &query);
        answer.map_or(0, |a| a.correct)
    }

    fn balance(&mut self, party: usize) -> u128 {
        let who = self.parties[party].clone();
        tokens(self.suite.balance(&who))
    }

    fn points(&mut self, party: usize) -> u64 {
        if !self.points {
            return 0;
        }
        let query = sum_points::msg::QueryMsg::Points {
            address: self.parties[party].to_string(),
        };
        let answer: sum_points::msg::PointsResponse =
            self.suite.query_incentive(&query).expect("points");
        answer.points
    }

    fn market_open(&mut self, now: u64, pieces: &[Vec<Sample>], bounty: u128) -> Outcome<()> {
        self.at(now);
        let test_set = TestSet {
            pieces: pieces.to_vec(),
            salts: (0..pieces.len()).map(salt).collect(),
        };
        let open = MarketMsg::Open {
            commitments: test_set.commitments(),
            min_duration: 0,
            min_contributions: 0,
        };
        let provider = self.parties[self.provider].clone();
        self.suite
            .incentive_extension(&provider, &open, &coins(bounty, DENOM))
            .map_err(refused)?;
        let drawn = self.suite.market().drawn;
        self.suite
            .market_call(&provider, &test_set.reveal(drawn))
            .map_err(refused)?;
        self.test_set = Some(test_set);
        Ok(())
    }

    fn market_close(&mut self, now: u64) -> Outcome<()> {
        self.at(now);
        let provider = self.parties[self.provider].clone();
        let test_set = self
            .test_set
            .take()
            .ok_or("the market has not been opened")?;
        let result = self
            .suite
            .end_and_reveal(&provider, &test_set)
            .map_err(refused);
        self.test_set = Some(test_set);
        result
    }

    fn market_process(&mut self, now: u64, limit: u32) -> Outcome<bool> {
        self.at(now);
        let provider = self.parties[self.provider].clone();
        self.suite
            .market_call(&provider, &MarketMsg::Process { limit })
            .map_err(refused)?;
        Ok(self.suite.market().phase == Phase::Collection)
    }

    fn market_withdraw(&mut self, now: u64, party: usize) -> Outcome<u128> {
        self.at(now);
        self.market_call(party, &MarketMsg::Withdraw {})
    }

    fn market_reclaim(&mut self, now: u64) -> Outcome<u128> {
        self.at(now);
        self.market_call(self.provider, &MarketMsg::Reclaim {})
    }
}
