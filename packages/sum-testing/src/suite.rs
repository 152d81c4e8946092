//! A deployed model stack on cw-multi-test, driven through the trainer's public interface.

use std::fmt::Display;

use cosmwasm_std::testing::MockApi;
use cosmwasm_std::{coins, to_json_binary, Addr, Binary, Coin, StdError, StdResult, Uint256};
use cw_multi_test::{App, AppResponse, Executor};
use sum_common::data_handler::{Contribution, ContributionsResponse, DataHandlerQueryMsg};
use sum_common::incentive::AddDataCostResponse;
use sum_common::model::{ModelInfoResponse, ModelQueryMsg, PredictionResponse};
use sum_common::{Encoder, Features, SCALE};
use sum_trainer::msg::{
    ComponentInstantiation, ExecuteMsg, InfoResponse, InstantiateMsg, ModelSource, QueryMsg,
};

use crate::contracts;

/// The deposit denom of every suite.
pub const DENOM: &str = "usum";

/// What every named user starts with.
pub const STARTING_BALANCE: u128 = 1_000_000_000_000;

/// The model a suite deploys, with its instantiate message.
pub enum ModelSpec {
    DensePerceptron(sum_dense_perceptron::msg::InstantiateMsg),
    SparsePerceptron(sum_sparse_perceptron::msg::InstantiateMsg),
    NaiveBayes(sum_naive_bayes::msg::InstantiateMsg),
    NearestCentroid(sum_nearest_centroid::msg::InstantiateMsg),
    SparseNearestCentroid(sum_sparse_nearest_centroid::msg::InstantiateMsg),
}

impl ModelSpec {
    /// Stores the model's code; answers its code id, instantiate message and encoder.
    pub fn store(&self, app: &mut App) -> StdResult<(u64, Binary, Encoder)> {
        Ok(match self {
            ModelSpec::DensePerceptron(msg) => (
                app.store_code(contracts::dense_perceptron()),
                to_json_binary(msg)?,
                Encoder::FixedPoint,
            ),
            ModelSpec::SparsePerceptron(msg) => (
                app.store_code(contracts::sparse_perceptron()),
                to_json_binary(msg)?,
                Encoder::Murmurhash3,
            ),
            ModelSpec::NaiveBayes(msg) => (
                app.store_code(contracts::naive_bayes()),
                to_json_binary(msg)?,
                Encoder::Murmurhash3,
            ),
            ModelSpec::NearestCentroid(msg) => (
                app.store_code(contracts::nearest_centroid()),
                to_json_binary(msg)?,
                Encoder::FixedPoint,
            ),
            ModelSpec::SparseNearestCentroid(msg) => (
                app.store_code(contracts::sparse_nearest_centroid()),
                to_json_binary(msg)?,
                Encoder::Murmurhash3,
            ),
        })
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

/// The deposit/refund/take mechanism with the standard waits and cost weight 1000
/// (a deposit of 3.6 million `usum` right after an update, 60 000 an hour later).
pub fn standard_incentive() -> sum_stakeable::msg::InstantiateMsg {
    sum_stakeable::msg::InstantiateMsg {
        denom: DENOM.into(),
        cost_weight: Uint256::from(1000u128),
        refund_wait: REFUND_WAIT,
        owner_claim_wait: OWNER_CLAIM_WAIT,
        any_address_claim_wait: ANY_ADDRESS_CLAIM_WAIT,
    }
}

/// The dense perceptron of SPEC §3: weights [0,1,-1,0,0,0,0,1], intercept 0, lr 1.
pub fn reference_dense_perceptron() -> ModelSpec {
    ModelSpec::DensePerceptron(sum_dense_perceptron::msg::InstantiateMsg {
        classes: vec!["negative".into(), "positive".into()],
        weights: vec![0, SCALE, -SCALE, 0, 0, 0, 0, SCALE],
        intercept: 0,
        learning_rate: SCALE,
        learn_intercept: None,
    })
}

/// The sparse perceptron of SPEC §3: weights [0,5,-1], intercept 0, lr 1.
pub fn reference_sparse_perceptron() -> ModelSpec {
    ModelSpec::SparsePerceptron(sum_sparse_perceptron::msg::InstantiateMsg {
        classes: vec!["negative".into(), "positive".into()],
        weights: vec![(0, 0), (1, 5 * SCALE), (2, -SCALE)],
        intercept: 0,
        learning_rate: SCALE,
        learn_intercept: None,
    })
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

/// Asserts that a failed call failed with `expected` (a `ContractError` of any contract).
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

impl Suite {
    /// Deploys a stack whose owner is "owner"; each named user gets [`STARTING_BALANCE`].
    pub fn new(
        model: ModelSpec,
        incentive: sum_stakeable::msg::InstantiateMsg,
        users: &[&str],
    ) -> Self {
        Self::try_new(model, incentive, users).expect("the suite deploys")
    }

    /// As [`Suite::new`], answering the trainer's instantiation error instead of panicking.
    pub fn try_new(
        model: ModelSpec,
        incentive: sum_stakeable::msg::InstantiateMsg,
        users: &[&str],
    ) -> StdResult<Self> {
        Self::deploy(
            funded_app(users),
            ModelSetup::Instantiated(model),
            incentive,
        )
    }

    /// Deploys a trainer, owned by "owner", on `app`.
    pub fn deploy(
        mut app: App,
        model: ModelSetup,
        incentive: sum_stakeable::msg::InstantiateMsg,
    ) -> StdResult<Self> {
        let owner = addr("owner");
        let component = |code_id, msg, label: &str| ComponentInstantiation {
            code_id,
            msg,
            label: label.to_string(),
        };
        let trainer_code = app.store_code(contracts::trainer());
        let data_handler_code = app.store_code(contracts::data_handler());
        let incentive_code = app.store_code(contracts::stakeable());
        let (model, encoder) = match model {
            ModelSetup::Instantiated(spec) => {
                let (code_id, msg, encoder) = spec.store(&mut app)?;
                (
                    ModelSource::Instantiate(component(code_id, msg, "model")),
                    encoder,
                )
            }
            ModelSetup::Existing(address) => (
                ModelSource::Existing {
                    address: address.to_string(),
                },
                Encoder::None,
            ),
        };
        let trainer = app.instantiate_contract(
            trainer_code,
            owner.clone(),
            &InstantiateMsg {
                name: "test model".into(),
                description: "a model under test".into(),
                encoder,
                owner: None,
                data_handler: component(
                    data_handler_code,
                    to_json_binary(&sum_data_handler::msg::InstantiateMsg {})?,
                    "data handler",
                ),
                model,
                incentive: component(incentive_code, to_json_binary(&incentive)?, "incentive"),
            },
            &[],
            "trainer",
            Some(owner.to_string()),
        )?;
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

    fn execute(
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
        self.execute(
            sender,
            &ExecuteMsg::AddData {
                data,
                classification,
            },
            funds,
        )
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
        let added: sum_common::data_handler::AddContributionResponse =
            cosmwasm_std::from_json(response.data.expect("add_data answers the id"))?;
        Ok(added.id)
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

    pub fn contribution(&self, id: u64) -> StdResult<Contribution> {
        self.app
            .wrap()
            .query_wasm_smart(&self.trainer, &QueryMsg::Contribution { id })
    }

    /// Every stored contribution, read page by page from the data handler.
    pub fn contributions(&self) -> Vec<Contribution> {
        let mut all = vec![];
        let mut start_after = None;
        loop {
            let page: ContributionsResponse = self
                .app
                .wrap()
                .query_wasm_smart(
                    &self.components.data_handler,
                    &DataHandlerQueryMsg::Contributions {
                        start_after,
                        limit: Some(100),
                    },
                )
                .unwrap();
            let Some(last) = page.contributions.last() else {
                return all;
            };
            start_after = Some(last.id);
            all.extend(page.contributions.into_iter().map(|c| c.contribution));
        }
    }

    /// The sum of what is still claimable over all contributions.
    pub fn total_claimable(&self) -> Uint256 {
        self.contributions().iter().map(|c| c.claimable).sum()
    }

    pub fn balance(&self, address: &Addr) -> Uint256 {
        self.app
            .wrap()
            .query_balance(address, DENOM)
            .unwrap()
            .amount
    }
}
