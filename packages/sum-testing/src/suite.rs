//! A deployed model stack on cw-multi-test, driven through the trainer's public interface.

use std::fmt::Display;

use cosmwasm_std::testing::MockApi;
use cosmwasm_std::{
    coins, from_json, to_json_binary, Addr, Binary, Coin, Empty, StdError, StdResult, Uint256,
};
use cw_multi_test::{App, AppResponse, Contract, Executor};
use serde::Serialize;
use sum_common::data_handler::{ContributionsResponse, DataHandlerQueryMsg};
use sum_common::incentive::AddDataCostResponse;
use sum_common::model::{ModelInfoResponse, ModelQueryMsg, PredictionResponse};
use sum_common::{Encoder, Features, SCALE};
use sum_trainer::msg::{
    AddDataResponse, ComponentInstantiation, ContributionResponse, ExecuteMsg, InfoResponse,
    InstantiateMsg, ModelSource, QueryMsg,
};

use crate::contracts;

/// The deposit denom of every suite.
pub const DENOM: &str = "usum";

/// What every named user starts with.
pub const STARTING_BALANCE: u128 = 1_000_000_000_000;

/// A model to deploy: its code, instantiate message and encoder.
pub struct ModelSpec {
    pub code: fn() -> Box<dyn Contract<Empty>>,
    pub msg: Binary,
    pub encoder: Encoder,
}

impl ModelSpec {
    pub fn new(
        code: fn() -> Box<dyn Contract<Empty>>,
        msg: &impl Serialize,
        encoder: Encoder,
    ) -> Self {
        ModelSpec {
            code,
            msg: to_json_binary(msg).expect("serialises"),
            encoder,
        }
    }
}

/// An incentive mechanism to deploy: its code and instantiate message.
pub struct IncentiveSpec {
    pub code: fn() -> Box<dyn Contract<Empty>>,
    pub msg: Binary,
}

impl IncentiveSpec {
    pub fn new(code: fn() -> Box<dyn Contract<Empty>>, msg: &impl Serialize) -> Self {
        IncentiveSpec {
            code,
            msg: to_json_binary(msg).expect("serialises"),
        }
    }
}

/// Where a suite's model comes from.
pub enum ModelSetup {
    /// The trainer instantiates it.
    Instantiated(ModelSpec),
    /// Already deployed at this address, to be handed over by its owner.
    Existing(Addr),
}

/// Waits of the standard mechanism: a minute, a day, a week.
pub const REFUND_WAIT: u64 = 60;
pub const OWNER_CLAIM_WAIT: u64 = 86_400;
pub const ANY_ADDRESS_CLAIM_WAIT: u64 = 7 * 86_400;

/// The deposit/refund/take mechanism's instantiate message with the standard waits.
pub fn stakeable_msg(cost_weight: u128) -> sum_stakeable::msg::InstantiateMsg {
    sum_stakeable::msg::InstantiateMsg {
        denom: DENOM.into(),
        cost_weight: Uint256::from(cost_weight),
        refund_wait: REFUND_WAIT,
        owner_claim_wait: OWNER_CLAIM_WAIT,
        any_address_claim_wait: ANY_ADDRESS_CLAIM_WAIT,
    }
}

/// The deposit/refund/take mechanism with the standard waits and the given cost weight.
pub fn incentive(cost_weight: u128) -> IncentiveSpec {
    IncentiveSpec::new(contracts::stakeable, &stakeable_msg(cost_weight))
}

/// The standard mechanism: cost weight 1000 (a deposit of 3.6 million `usum` right after an
/// update, 60 000 an hour later).
pub fn standard_incentive() -> IncentiveSpec {
    incentive(1000)
}

/// The points mechanism with the standard refund wait.
pub fn points_incentive() -> IncentiveSpec {
    let msg = sum_points::msg::InstantiateMsg {
        refund_wait: REFUND_WAIT,
    };
    IncentiveSpec::new(contracts::points, &msg)
}

/// The prediction market: stake `min_stake`, a day for each reveal, a week to withdraw.
pub fn market_incentive(min_stake: u128, max_batch: u32) -> IncentiveSpec {
    let msg = sum_prediction_market::msg::InstantiateMsg {
        denom: DENOM.into(),
        min_stake: Uint256::from(min_stake),
        reveal_wait: OWNER_CLAIM_WAIT,
        any_address_claim_wait: ANY_ADDRESS_CLAIM_WAIT,
        max_batch,
    };
    IncentiveSpec::new(contracts::prediction_market, &msg)
}

/// "Is the point on the unit circle to the right?": a dense perceptron over 2 fixed-point
/// features, untrained, learning rate 1, no intercept.
pub fn east_west_perceptron() -> ModelSpec {
    let msg = sum_dense_perceptron::msg::InstantiateMsg {
        classes: vec!["left".into(), "right".into()],
        dimension: 2,
        weights: vec![],
        intercept: 0,
        learning_rate: SCALE,
        learn_intercept: Some(false),
        update_on_zero_margin: None,
        averaged: None,
    };
    ModelSpec::new(contracts::dense_perceptron, &msg, Encoder::FixedPoint)
}

/// A real vector, L2-normalised and rounded to fixed point (client-side encoding).
pub fn normalised(x: &[f64]) -> Features {
    let norm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
    Features::Dense(
        x.iter()
            .map(|v| (v / norm * SCALE as f64).round() as i64)
            .collect(),
    )
}

/// A trainer with its data handler, model and mechanism on an in-process chain.
pub struct Suite {
    pub app: App,
    pub owner: Addr,
    pub trainer: Addr,
    pub components: InfoResponse,
}

/// An address from a human-readable name, the same in every suite.
pub fn addr(name: &str) -> Addr {
    MockApi::default().addr_make(name)
}

/// Asserts that a failed call failed with `expected` (an error of any contract).
pub fn assert_error(err: StdError, expected: impl Display) {
    let (got, expected) = (err.to_string(), expected.to_string());
    assert!(
        got.contains(&expected),
        "expected error `{expected}`, got `{got}`"
    );
}

/// An in-process chain where "owner" and each named user hold [`STARTING_BALANCE`].
pub fn funded_app(users: &[&str]) -> App {
    let funded: Vec<Addr> = users
        .iter()
        .map(|name| addr(name))
        .chain([addr("owner")])
        .collect();
    App::new(|router, _api, storage| {
        for user in &funded {
            router
                .bank
                .init_balance(storage, user, coins(STARTING_BALANCE, DENOM))
                .unwrap();
        }
    })
}

/// The trainer's instantiate message for a stack owned by the deployer.
pub fn trainer_msg(
    data_handler_code: u64,
    model: ModelSource,
    encoder: Encoder,
    incentive_code: u64,
    incentive: Binary,
) -> StdResult<InstantiateMsg> {
    let component = |code_id, msg, label: &str| ComponentInstantiation {
        code_id,
        msg,
        label: label.to_string(),
    };
    Ok(InstantiateMsg {
        name: "test model".into(),
        description: "a model under test".into(),
        encoder,
        owner: None,
        immutable: false,
        data_handler: component(
            data_handler_code,
            to_json_binary(&sum_data_handler::msg::InstantiateMsg {})?,
            "data handler",
        ),
        model,
        incentive: component(incentive_code, incentive, "incentive"),
    })
}

impl Suite {
    /// Deploys a stack whose owner is "owner"; each named user gets [`STARTING_BALANCE`].
    pub fn new(model: ModelSpec, incentive: IncentiveSpec, users: &[&str]) -> Self {
        Self::deploy(
            funded_app(users),
            ModelSetup::Instantiated(model),
            incentive,
            |_| {},
        )
        .expect("the suite deploys")
    }

    /// Deploys a trainer, owned by "owner" and without a Wasm admin, on `app`; `adjust` may
    /// change its instantiate message first.
    pub fn deploy(
        mut app: App,
        model: ModelSetup,
        incentive: IncentiveSpec,
        adjust: impl FnOnce(&mut InstantiateMsg),
    ) -> StdResult<Self> {
        let owner = addr("owner");
        let trainer_code = app.store_code(contracts::trainer());
        let data_handler_code = app.store_code(contracts::data_handler());
        let incentive_code = app.store_code((incentive.code)());
        let (model, encoder) = match model {
            ModelSetup::Instantiated(spec) => {
                let code_id = app.store_code((spec.code)());
                let model = ComponentInstantiation {
                    code_id,
                    msg: spec.msg,
                    label: "model".into(),
                };
                (ModelSource::Instantiate(model), spec.encoder)
            }
            ModelSetup::Existing(address) => (
                ModelSource::Existing {
                    address: address.to_string(),
                },
                Encoder::None,
            ),
        };
        let mut msg = trainer_msg(
            data_handler_code,
            model,
            encoder,
            incentive_code,
            incentive.msg,
        )?;
        adjust(&mut msg);
        let trainer =
            app.instantiate_contract(trainer_code, owner.clone(), &msg, &[], "trainer", None)?;
        let components = app.wrap().query_wasm_smart(&trainer, &QueryMsg::Info {})?;
        Ok(Suite {
            app,
            owner,
            trainer,
            components,
        })
    }

    /// Moves the chain's clock forward (one block per 5 seconds).
    pub fn advance(&mut self, seconds: u64) {
        self.app.update_block(|block| {
            block.time = block.time.plus_seconds(seconds);
            block.height += seconds.div_ceil(5);
        });
    }

    pub fn now(&self) -> u64 {
        self.app.block_info().time.seconds()
    }

    /// Executes a trainer message.
    pub fn execute(
        &mut self,
        sender: &Addr,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> StdResult<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.trainer.clone(), msg, funds)
    }

    pub fn add_data(
        &mut self,
        sender: &Addr,
        data: Features,
        classification: u32,
        funds: &[Coin],
    ) -> StdResult<AppResponse> {
        let msg = ExecuteMsg::AddData {
            data,
            classification,
        };
        self.execute(sender, &msg, funds)
    }

    /// Adds data paying exactly the current price; returns the new contribution id.
    pub fn add_data_paying(
        &mut self,
        sender: &Addr,
        data: Features,
        classification: u32,
    ) -> StdResult<u64> {
        let cost = self.cost();
        let funds = if cost.amount.is_zero() {
            vec![]
        } else {
            vec![cost]
        };
        let response = self.add_data(sender, data, classification, &funds)?;
        let added: AddDataResponse = from_json(response.data.expect("add_data answers the id"))?;
        Ok(added.id)
    }

    /// Sends the mechanism one of its own messages through the trainer.
    pub fn incentive_extension(
        &mut self,
        sender: &Addr,
        msg: &impl Serialize,
        funds: &[Coin],
    ) -> StdResult<AppResponse> {
        let msg = ExecuteMsg::IncentiveExtension {
            msg: to_json_binary(msg)?,
        };
        self.execute(sender, &msg, funds)
    }

    /// Queries the mechanism.
    pub fn query_incentive<T: serde::de::DeserializeOwned>(
        &self,
        msg: &impl Serialize,
    ) -> StdResult<T> {
        self.app
            .wrap()
            .query_wasm_smart(&self.components.incentive, msg)
    }

    pub fn refund(&mut self, sender: &Addr, id: u64) -> StdResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Refund { id }, &[])
    }

    pub fn report(&mut self, sender: &Addr, id: u64) -> StdResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Report { id }, &[])
    }

    pub fn predict(&self, data: Features) -> StdResult<u32> {
        let response: PredictionResponse = self
            .app
            .wrap()
            .query_wasm_smart(&self.trainer, &QueryMsg::Predict { data })?;
        Ok(response.classification)
    }

    pub fn info(&self) -> InfoResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.trainer, &QueryMsg::Info {})
            .unwrap()
    }

    pub fn model_info(&self) -> ModelInfoResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.components.model, &ModelQueryMsg::Info {})
            .unwrap()
    }

    pub fn cost(&self) -> Coin {
        let response: AddDataCostResponse = self
            .app
            .wrap()
            .query_wasm_smart(&self.trainer, &QueryMsg::NextAddDataCost {})
            .unwrap();
        response.cost
    }

    /// A contribution with its claim accounting.
    pub fn contribution(&self, id: u64) -> StdResult<ContributionResponse> {
        self.app
            .wrap()
            .query_wasm_smart(&self.trainer, &QueryMsg::Contribution { id })
    }

    /// Every contribution's id, read page by page from the data handler.
    pub fn contribution_ids(&self) -> Vec<u64> {
        let mut all = vec![];
        let mut start_after = None;
        loop {
            let query = DataHandlerQueryMsg::Contributions {
                start_after,
                limit: Some(100),
            };
            let page: ContributionsResponse = self
                .app
                .wrap()
                .query_wasm_smart(&self.components.data_handler, &query)
                .unwrap();
            let Some(last) = page.contributions.last() else {
                return all;
            };
            start_after = Some(last.id);
            all.extend(page.contributions.iter().map(|c| c.id));
        }
    }

    /// The sum of what is still claimable over all contributions.
    pub fn total_claimable(&self) -> Uint256 {
        self.contribution_ids()
            .into_iter()
            .map(|id| self.contribution(id).unwrap().claims.claimable)
            .sum()
    }

    pub fn balance(&self, address: &Addr) -> Uint256 {
        self.app
            .wrap()
            .query_balance(address, DENOM)
            .unwrap()
            .amount
    }
}
