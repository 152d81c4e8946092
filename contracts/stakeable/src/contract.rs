#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    to_json_binary, Addr, BankMsg, Binary, Coin, Deps, DepsMut, Env, MessageInfo, Response,
    StdResult, Uint256,
};
use cw_utils::may_pay;
use sum_common::incentive::{
    AddDataCostResponse, ClaimRequest, ClaimResponse, ContributorStatsResponse,
};

use crate::error::ContractError;
use crate::msg::{ConfigResponse, ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::rules::{self, ReporterStanding, Waits};
use crate::state::{Config, CONFIG, LAST_UPDATE, NUM_VALID, TOTAL_GOOD};

const CONTRACT_NAME: &str = env!("CARGO_PKG_NAME");
const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    let waits = Waits {
        refund: msg.refund_wait,
        owner_claim: msg.owner_claim_wait,
        any_address_claim: msg.any_address_claim_wait,
    };
    waits.validate()?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    CONFIG.save(
        deps.storage,
        &Config {
            trainer: info.sender.clone(),
            denom: msg.denom,
            cost_weight: msg.cost_weight,
            waits,
        },
    )?;
    LAST_UPDATE.save(deps.storage, &env.block.time.seconds())?;
    TOTAL_GOOD.save(deps.storage, &0)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("trainer", info.sender))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    if info.sender != config.trainer {
        return Err(ContractError::NotTrainer {
            trainer: config.trainer.into_string(),
        });
    }
    let now = env.block.time.seconds();
    match msg {
        ExecuteMsg::AddData { contributor } => {
            execute_add_data(deps, now, info, config, contributor)
        }
        ExecuteMsg::Refund { claim } => execute_refund(deps, now, config, claim),
        ExecuteMsg::Report {
            claim,
            reporter_is_owner,
        } => execute_report(deps, now, config, claim, reporter_is_owner),
    }
}

/// The deposit required at time `now`.
fn current_cost(deps: Deps, now: u64, config: &Config) -> Result<Uint256, ContractError> {
    let last_update = LAST_UPDATE.load(deps.storage)?;
    rules::add_data_cost(config.cost_weight, now.saturating_sub(last_update))
}

pub fn execute_add_data(
    deps: DepsMut,
    now: u64,
    info: MessageInfo,
    config: Config,
    contributor: Addr,
) -> Result<Response, ContractError> {
    let expected = current_cost(deps.as_ref(), now, &config)?;
    let got = may_pay(&info, &config.denom)?;
    if got != expected {
        return Err(ContractError::WrongDeposit {
            expected,
            got,
            denom: config.denom,
        });
    }
    LAST_UPDATE.save(deps.storage, &now)?;
    Ok(Response::new()
        .add_attribute("action", "add_data")
        .add_attribute("contributor", contributor)
        .add_attribute("deposit", Coin::new(got, config.denom).to_string()))
}

/// Pays `amount` to the claimer and answers it as `ClaimResponse` data.
fn pay_claim(
    action: &str,
    claim: ClaimRequest,
    amount: Uint256,
    denom: String,
) -> Result<Response, ContractError> {
    let coin = Coin::new(amount, denom);
    Ok(Response::new()
        .add_message(BankMsg::Send {
            to_address: claim.claimer.to_string(),
            amount: vec![coin.clone()],
        })
        .set_data(to_json_binary(&ClaimResponse { amount })?)
        .add_attribute("action", action)
        .add_attribute("contribution_id", claim.contribution_id.to_string())
        .add_attribute("claimer", claim.claimer)
        .add_attribute("amount", coin.to_string()))
}

pub fn execute_refund(
    deps: DepsMut,
    now: u64,
    config: Config,
    claim: ClaimRequest,
) -> Result<Response, ContractError> {
    let amount = rules::refund_amount(&claim, now, &config.waits)?;
    NUM_VALID.update(deps.storage, &claim.contributor, |n| {
        n.unwrap_or(0)
            .checked_add(1)
            .ok_or(ContractError::Std("num_valid overflow".into()))
    })?;
    TOTAL_GOOD.update(deps.storage, |n| {
        n.checked_add(1)
            .ok_or(ContractError::Std("total_good overflow".into()))
    })?;
    pay_claim("refund", claim, amount, config.denom)
}

pub fn execute_report(
    deps: DepsMut,
    now: u64,
    config: Config,
    claim: ClaimRequest,
    reporter_is_owner: bool,
) -> Result<Response, ContractError> {
    let standing = ReporterStanding {
        is_owner: reporter_is_owner,
        num_valid: NUM_VALID
            .may_load(deps.storage, &claim.claimer)?
            .unwrap_or(0),
        total_good: TOTAL_GOOD.load(deps.storage)?,
    };
    let amount = rules::report_amount(&claim, now, &config.waits, &standing)?;
    pay_claim("report", claim, amount, config.denom)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::NextAddDataCost {} => {
            let config = CONFIG.load(deps.storage)?;
            let amount = current_cost(deps, env.block.time.seconds(), &config)?;
            to_json_binary(&AddDataCostResponse {
                cost: Coin::new(amount, config.denom),
            })?
        }
        QueryMsg::ContributorStats { address } => {
            to_json_binary(&query_contributor_stats(deps, address)?)?
        }
        QueryMsg::Config {} => to_json_binary(&query_config(deps)?)?,
    })
}

fn query_contributor_stats(deps: Deps, address: String) -> StdResult<ContributorStatsResponse> {
    let address = deps.api.addr_validate(&address)?;
    Ok(ContributorStatsResponse {
        num_valid: NUM_VALID.may_load(deps.storage, &address)?.unwrap_or(0),
    })
}

fn query_config(deps: Deps) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        trainer: config.trainer,
        denom: config.denom,
        cost_weight: config.cost_weight,
        refund_wait: config.waits.refund,
        owner_claim_wait: config.waits.owner_claim,
        any_address_claim_wait: config.waits.any_address_claim,
        last_update: LAST_UPDATE.load(deps.storage)?,
        total_good: TOTAL_GOOD.load(deps.storage)?,
    })
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    sum_common::migrate::ensure_upgrade(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new().add_attribute("action", "migrate"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{
        message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
    };
    use cosmwasm_std::{coins, from_json, OwnedDeps};

    type MockDeps = OwnedDeps<MockStorage, MockApi, MockQuerier>;
    const DENOM: &str = "usum";

    fn setup() -> (MockDeps, Addr) {
        let mut deps = mock_dependencies();
        let trainer = deps.api.addr_make("trainer");
        instantiate(
            deps.as_mut(),
            mock_env(),
            message_info(&trainer, &[]),
            InstantiateMsg {
                denom: DENOM.into(),
                cost_weight: Uint256::from(1_000u128),
                refund_wait: 60,
                owner_claim_wait: 600,
                any_address_claim_wait: 6000,
            },
        )
        .unwrap();
        (deps, trainer)
    }

    fn cost(deps: Deps, env: &Env) -> Coin {
        let res = query(deps, env.clone(), QueryMsg::NextAddDataCost {}).unwrap();
        from_json::<AddDataCostResponse>(res).unwrap().cost
    }

    #[test]
    fn add_data_needs_the_exact_deposit_and_moves_last_update() {
        let (mut deps, trainer) = setup();
        let alice = deps.api.addr_make("alice");
        let mut env = mock_env();
        env.block.time = env.block.time.plus_seconds(100);
        let price = cost(deps.as_ref(), &env);
        assert_eq!(price, Coin::new(360_000u128, DENOM));

        let msg = ExecuteMsg::AddData {
            contributor: alice.clone(),
        };
        for funds in [coins(359_999, DENOM), coins(360_001, DENOM), vec![]] {
            let err = execute(
                deps.as_mut(),
                env.clone(),
                message_info(&trainer, &funds),
                msg.clone(),
            )
            .unwrap_err();
            assert!(matches!(err, ContractError::WrongDeposit { .. }), "{err}");
        }
        let err = execute(
            deps.as_mut(),
            env.clone(),
            message_info(&trainer, &coins(360_000, "other")),
            msg.clone(),
        )
        .unwrap_err();
        assert!(matches!(err, ContractError::Payment(_)));
        assert_eq!(
            LAST_UPDATE.load(&deps.storage).unwrap(),
            mock_env().block.time.seconds()
        );

        execute(
            deps.as_mut(),
            env.clone(),
            message_info(&trainer, &coins(360_000, DENOM)),
            msg,
        )
        .unwrap();
        assert_eq!(
            LAST_UPDATE.load(&deps.storage).unwrap(),
            env.block.time.seconds()
        );
        assert_eq!(cost(deps.as_ref(), &env), Coin::new(3_600_000u128, DENOM));
    }

    #[test]
    fn only_the_trainer_calls() {
        let (mut deps, _) = setup();
        let alice = deps.api.addr_make("alice");
        let err = execute(
            deps.as_mut(),
            mock_env(),
            message_info(&alice, &coins(3_600_000, DENOM)),
            ExecuteMsg::AddData {
                contributor: alice.clone(),
            },
        )
        .unwrap_err();
        assert!(matches!(err, ContractError::NotTrainer { .. }));
        assert_eq!(
            LAST_UPDATE.load(&deps.storage).unwrap(),
            mock_env().block.time.seconds()
        );
    }

    #[test]
    fn refund_pays_and_counts_a_good_contribution() {
        let (mut deps, trainer) = setup();
        let alice = deps.api.addr_make("alice");
        let mut env = mock_env();
        let claim = ClaimRequest {
            contribution_id: 0,
            contributor: alice.clone(),
            claimer: alice.clone(),
            classification: 1,
            prediction: 1,
            added_at: env.block.time.seconds(),
            initial_deposit: Uint256::from(500u128),
            claimable: Uint256::from(500u128),
            already_claimed: false,
        };
        let err = execute(
            deps.as_mut(),
            env.clone(),
            message_info(&trainer, &[]),
            ExecuteMsg::Refund {
                claim: claim.clone(),
            },
        )
        .unwrap_err();
        assert!(matches!(err, ContractError::TooEarly { .. }));
        assert_eq!(TOTAL_GOOD.load(&deps.storage).unwrap(), 0);

        env.block.time = env.block.time.plus_seconds(60);
        let res = execute(
            deps.as_mut(),
            env,
            message_info(&trainer, &[]),
            ExecuteMsg::Refund { claim },
        )
        .unwrap();
        assert_eq!(
            res.messages[0].msg,
            BankMsg::Send {
                to_address: alice.to_string(),
                amount: coins(500, DENOM)
            }
            .into()
        );
        let data: ClaimResponse = from_json(res.data.unwrap()).unwrap();
        assert_eq!(data.amount, Uint256::from(500u128));
        assert_eq!(TOTAL_GOOD.load(&deps.storage).unwrap(), 1);
        let stats: ContributorStatsResponse = from_json(
            query(
                deps.as_ref(),
                mock_env(),
                QueryMsg::ContributorStats {
                    address: alice.to_string(),
                },
            )
            .unwrap(),
        )
        .unwrap();
        assert_eq!(stats.num_valid, 1);
    }

    #[test]
    fn instantiation_checks_the_waits() {
        let mut deps = mock_dependencies();
        let creator = deps.api.addr_make("creator");
        let err = instantiate(
            deps.as_mut(),
            mock_env(),
            message_info(&creator, &[]),
            InstantiateMsg {
                denom: DENOM.into(),
                cost_weight: Uint256::one(),
                refund_wait: 10,
                owner_claim_wait: 100,
                any_address_claim_wait: 99,
            },
        )
        .unwrap_err();
        assert!(matches!(err, ContractError::InvalidWaits { .. }));
    }
}
