#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    to_json_binary, Addr, BankMsg, Binary, Coin, Deps, DepsMut, Env, MessageInfo, OverflowError,
    OverflowOperation, Response, StdResult, Storage, Uint256,
};
use cw_utils::{may_pay, nonpayable};
use sum_common::component::init_component;
use sum_common::gate::{ensure_trainer, TRAINER};
use sum_common::incentive::{
    AddDataCostResponse, ClaimRequest, ClaimState, ContributorStatsResponse,
};
use sum_rules::stakeable::{self, Claim, ReporterStanding, Waits};

use crate::error::ContractError;
use crate::msg::{ConfigResponse, ExecuteMsg, InstantiateMsg, QueryMsg};
use crate::state::{Config, CONFIG, DEPOSITS, LAST_UPDATE, NUM_VALID, TOTAL_GOOD};

/// The cw2 name and version this contract records.
const CONTRACT: (&str, &str) = (env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));

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
    stakeable::validate_config(&msg.denom, msg.cost_weight, &waits)?;
    let response = init_component::<ContractError>(deps.storage, &info, CONTRACT)?;
    CONFIG.save(
        deps.storage,
        &Config {
            denom: msg.denom,
            cost_weight: msg.cost_weight,
            waits,
        },
    )?;
    LAST_UPDATE.save(deps.storage, &env.block.time.seconds())?;
    TOTAL_GOOD.save(deps.storage, &0)?;
    Ok(response)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    ensure_trainer::<ContractError>(deps.storage, &info.sender)?;
    let now = env.block.time.seconds();
    let config = CONFIG.load(deps.storage)?;
    match msg {
        ExecuteMsg::AddData {
            contribution_id,
            contributor,
        } => execute_add_data(deps, now, info, config, contribution_id, contributor),
        ExecuteMsg::Refund { claim } => {
            nonpayable(&info)?;
            execute_claim(deps, now, config, claim, true)
        }
        ExecuteMsg::Report { claim } => {
            nonpayable(&info)?;
            execute_claim(deps, now, config, claim, false)
        }
        ExecuteMsg::Extension { .. } => Err(ContractError::NoExtension {}),
        ExecuteMsg::Trained { .. } => Err(ContractError::NotDeferred {}),
    }
}

/// The deposit required at time `now`.
fn current_cost(
    storage: &dyn Storage,
    now: u64,
    config: &Config,
) -> Result<Uint256, ContractError> {
    let last_update = LAST_UPDATE.load(storage)?;
    Ok(stakeable::add_data_cost(
        config.cost_weight,
        now.saturating_sub(last_update),
    )?)
}

/// Takes exactly the current price as the deposit of a new contribution.
pub fn execute_add_data(
    deps: DepsMut,
    now: u64,
    info: MessageInfo,
    config: Config,
    contribution_id: u64,
    contributor: Addr,
) -> Result<Response, ContractError> {
    let expected = current_cost(deps.storage, now, &config)?;
    let got = may_pay(&info, &config.denom)?;
    if got != expected {
        return Err(ContractError::WrongDeposit {
            expected,
            got,
            denom: config.denom,
        });
    }
    if DEPOSITS.has(deps.storage, contribution_id) {
        return Err(ContractError::ContributionExists {
            id: contribution_id,
        });
    }
    let deposit = ClaimState {
        initial_deposit: got,
        claimable: got,
        claimed_by: vec![],
    };
    DEPOSITS.save(deps.storage, contribution_id, &deposit)?;
    LAST_UPDATE.save(deps.storage, &now)?;
    Ok(Response::new()
        .add_attribute("action", "add_data")
        .add_attribute("contribution_id", contribution_id.to_string())
        .add_attribute("contributor", contributor)
        .add_attribute("deposit", Coin::new(got, config.denom).to_string()))
}

/// The contribution's deposit record and the rules' view of the claim.
fn load_claim(
    storage: &dyn Storage,
    request: &ClaimRequest,
) -> Result<(ClaimState, Claim), ContractError> {
    let id = request.contribution_id;
    let deposit = DEPOSITS
        .may_load(storage, id)?
        .ok_or(ContractError::UnknownContribution { id })?;
    let claim = Claim {
        facts: request.facts(),
        initial_deposit: deposit.initial_deposit,
        claimable: deposit.claimable,
        already_claimed: deposit.claimed_by.contains(&request.claimer),
    };
    Ok((deposit, claim))
}

/// Records the claim beside the funds and pays the claimer.
fn pay_claim(
    storage: &mut dyn Storage,
    action: &str,
    request: ClaimRequest,
    mut deposit: ClaimState,
    amount: Uint256,
    denom: String,
) -> Result<Response, ContractError> {
    deposit.claimable = deposit.claimable.checked_sub(amount)?;
    deposit.claimed_by.push(request.claimer.clone());
    DEPOSITS.save(storage, request.contribution_id, &deposit)?;
    let coin = Coin::new(amount, denom);
    Ok(Response::new()
        .add_message(BankMsg::Send {
            to_address: request.claimer.to_string(),
            amount: vec![coin.clone()],
        })
        .add_attribute("action", action)
        .add_attribute("contribution_id", request.contribution_id.to_string())
        .add_attribute("claimer", request.claimer)
        .add_attribute("amount", coin.to_string()))
}

fn increment(value: u64) -> Result<u64, OverflowError> {
    value
        .checked_add(1)
        .ok_or(OverflowError::new(OverflowOperation::Add))
}

/// Counts a refunded contribution as good, for its contributor and in all.
fn count_good(storage: &mut dyn Storage, contributor: &Addr) -> Result<(), ContractError> {
    let num_valid = NUM_VALID.may_load(storage, contributor)?.unwrap_or(0);
    NUM_VALID.save(storage, contributor, &increment(num_valid)?)?;
    let total_good = increment(TOTAL_GOOD.load(storage)?)?;
    TOTAL_GOOD.save(storage, &total_good)?;
    Ok(())
}

/// A refund (`refund` true) or a report: the rules judge the claim against the deposit
/// record; the claim is then recorded and paid.
pub fn execute_claim(
    deps: DepsMut,
    now: u64,
    config: Config,
    request: ClaimRequest,
    refund: bool,
) -> Result<Response, ContractError> {
    let (deposit, claim) = load_claim(deps.storage, &request)?;
    let amount = if refund {
        let amount = stakeable::refund_amount(&claim, now, &config.waits)?;
        count_good(deps.storage, &request.contributor)?;
        amount
    } else {
        let standing = ReporterStanding {
            num_valid: NUM_VALID
                .may_load(deps.storage, &request.claimer)?
                .unwrap_or(0),
            total_good: TOTAL_GOOD.load(deps.storage)?,
        };
        stakeable::report_amount(&claim, now, &config.waits, &standing)?
    };
    let action = if refund { "refund" } else { "report" };
    pay_claim(deps.storage, action, request, deposit, amount, config.denom)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::NextAddDataCost {} => {
            let config = CONFIG.load(deps.storage)?;
            let amount = current_cost(deps.storage, env.block.time.seconds(), &config)?;
            to_json_binary(&AddDataCostResponse {
                cost: Coin::new(amount, config.denom),
                trains_model: true,
            })?
        }
        QueryMsg::ContributorStats { address } => {
            to_json_binary(&query_contributor_stats(deps, address)?)?
        }
        QueryMsg::Claims { id } => to_json_binary(
            &DEPOSITS
                .may_load(deps.storage, id)?
                .ok_or(ContractError::UnknownContribution { id })?,
        )?,
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
        trainer: TRAINER.load(deps.storage)?,
        denom: config.denom,
        cost_weight: config.cost_weight,
        refund_wait: config.waits.refund,
        owner_claim_wait: config.waits.owner_claim,
        any_address_claim_wait: config.waits.any_address_claim,
        last_update: LAST_UPDATE.load(deps.storage)?,
        total_good: TOTAL_GOOD.load(deps.storage)?,
    })
}

sum_common::migrate_entry_point!(ContractError);

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{
        message_info, mock_dependencies, mock_env, MockApi, MockQuerier, MockStorage,
    };
    use cosmwasm_std::{coins, from_json, Order, OwnedDeps};
    use sum_common::incentive::ClaimerRole;
    use sum_rules::claim::{ClaimError, MAX_WAIT};
    use sum_rules::stakeable::StakeableError;

    type MockDeps = OwnedDeps<MockStorage, MockApi, MockQuerier>;
    const DENOM: &str = "usum";

    fn config(cost_weight: Uint256, any_address_claim_wait: u64) -> InstantiateMsg {
        InstantiateMsg {
            denom: DENOM.into(),
            cost_weight,
            refund_wait: 60,
            owner_claim_wait: 600,
            any_address_claim_wait,
        }
    }

    fn setup() -> (MockDeps, Addr) {
        let mut deps = mock_dependencies();
        let trainer = deps.api.addr_make("trainer");
        let msg = config(Uint256::from(1_000u128), 6000);
        instantiate(deps.as_mut(), mock_env(), message_info(&trainer, &[]), msg).unwrap();
        (deps, trainer)
    }

    fn snapshot(deps: &MockDeps) -> Vec<(Vec<u8>, Vec<u8>)> {
        deps.storage.range(None, None, Order::Ascending).collect()
    }

    fn cost(deps: Deps, env: &Env) -> Coin {
        let res = query(deps, env.clone(), QueryMsg::NextAddDataCost {}).unwrap();
        from_json::<AddDataCostResponse>(res).unwrap().cost
    }

    fn add(id: u64, contributor: &Addr) -> ExecuteMsg {
        ExecuteMsg::AddData {
            contribution_id: id,
            contributor: contributor.clone(),
        }
    }

    #[test]
    fn add_data_needs_the_exact_deposit_and_moves_last_update() {
        let (mut deps, trainer) = setup();
        let alice = deps.api.addr_make("alice");
        let mut env = mock_env();
        env.block.time = env.block.time.plus_seconds(100);
        assert_eq!(cost(deps.as_ref(), &env), Coin::new(360_000u128, DENOM));
        let before = snapshot(&deps);
        for funds in [coins(359_999, DENOM), coins(360_001, DENOM), vec![]] {
            let info = message_info(&trainer, &funds);
            let err = execute(deps.as_mut(), env.clone(), info, add(0, &alice)).unwrap_err();
            assert!(matches!(err, ContractError::WrongDeposit { .. }), "{err}");
        }
        let info = message_info(&trainer, &coins(360_000, "other"));
        let err = execute(deps.as_mut(), env.clone(), info, add(0, &alice)).unwrap_err();
        assert!(matches!(err, ContractError::Payment(_)), "{err}");
        assert_eq!(snapshot(&deps), before);

        let info = message_info(&trainer, &coins(360_000, DENOM));
        execute(deps.as_mut(), env.clone(), info, add(0, &alice)).unwrap();
        assert_eq!(
            LAST_UPDATE.load(&deps.storage).unwrap(),
            env.block.time.seconds()
        );
        assert_eq!(cost(deps.as_ref(), &env), Coin::new(3_600_000u128, DENOM));

        let before = snapshot(&deps);
        let info = message_info(&trainer, &coins(3_600_000, DENOM));
        let err = execute(deps.as_mut(), env, info, add(0, &alice)).unwrap_err();
        assert!(
            matches!(err, ContractError::ContributionExists { id: 0 }),
            "{err}"
        );
        assert_eq!(snapshot(&deps), before);
    }

    #[test]
    fn only_the_trainer_calls_and_claims_take_no_funds() {
        let (mut deps, trainer) = setup();
        let alice = deps.api.addr_make("alice");
        let before = snapshot(&deps);
        let info = message_info(&alice, &coins(3_600_000, DENOM));
        let err = execute(deps.as_mut(), mock_env(), info, add(0, &alice)).unwrap_err();
        assert!(matches!(err, ContractError::NotTrainer(_)), "{err}");
        let claim = ClaimRequest {
            contribution_id: 0,
            contributor: alice.clone(),
            claimer: alice.clone(),
            role: ClaimerRole::Contributor,
            classification: 1,
            prediction: 1,
            added_at: 0,
        };
        let info = message_info(&trainer, &coins(1, DENOM));
        let err = execute(
            deps.as_mut(),
            mock_env(),
            info,
            ExecuteMsg::Refund { claim },
        )
        .unwrap_err();
        assert!(matches!(err, ContractError::Payment(_)), "{err}");
        let extension = ExecuteMsg::Extension {
            sender: alice.clone(),
            model: alice,
            msg: Binary::default(),
        };
        let err = execute(
            deps.as_mut(),
            mock_env(),
            message_info(&trainer, &[]),
            extension,
        )
        .unwrap_err();
        assert!(matches!(err, ContractError::NoExtension {}), "{err}");
        assert_eq!(snapshot(&deps), before);
    }

    #[test]
    fn instantiation_is_validated() {
        let mut deps = mock_dependencies();
        let creator = deps.api.addr_make("creator");
        let info = message_info(&creator, &[]);
        let cases = [
            (
                config(Uint256::MAX, 6000),
                StakeableError::CostWeightTooLarge {
                    cost_weight: Uint256::MAX,
                },
            ),
            (
                InstantiateMsg {
                    denom: String::new(),
                    ..config(Uint256::one(), 6000)
                },
                StakeableError::EmptyDenom {},
            ),
            (
                config(Uint256::one(), u64::MAX),
                StakeableError::Claim(ClaimError::WaitTooLong {
                    wait: u64::MAX,
                    max: MAX_WAIT,
                }),
            ),
            (
                config(Uint256::one(), 599),
                StakeableError::InvalidWaits {
                    refund: 60,
                    owner_claim: 600,
                    any_address_claim: 599,
                },
            ),
        ];
        for (msg, expected) in cases {
            let err = instantiate(deps.as_mut(), mock_env(), info.clone(), msg).unwrap_err();
            assert!(
                matches!(&err, ContractError::Rule(e) if *e == expected),
                "{err}"
            );
        }
        let funded = message_info(&creator, &coins(1, DENOM));
        let err = instantiate(
            deps.as_mut(),
            mock_env(),
            funded,
            config(Uint256::one(), 6000),
        )
        .unwrap_err();
        assert!(matches!(err, ContractError::Payment(_)), "{err}");
        assert_eq!(snapshot(&deps), vec![]);
    }
}
