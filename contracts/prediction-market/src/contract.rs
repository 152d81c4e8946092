#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    from_json, to_json_binary, Addr, BankMsg, Binary, Coin, Deps, DepsMut, Env, MessageInfo, Order,
    Response, StdResult, Storage, Uint256,
};
use cw_utils::{must_pay, nonpayable};
use sum_common::component::init_component;
use sum_common::gate::{ensure_trainer, TRAINER};
use sum_common::incentive::{
    AddDataCostResponse, ClaimState, ContributorStatsResponse, ExtensionResponse,
};
use sum_common::model::{EvaluateResponse, ModelQueryMsg};
use sum_rules::market::{Market, MarketConfig, MarketError, Phase, Sample};

use crate::error::ContractError;
use crate::msg::{
    ExecuteMsg, InstantiateMsg, MarketMsg, MarketResponse, QueryMsg, StandingResponse,
};
use crate::state::{Entry, CONFIG, DENOM, ENTRIES, MARKET, ORDER, PIECES, STANDINGS};

/// The cw2 name and version this contract records.
const CONTRACT: (&str, &str) = (env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    let config = MarketConfig {
        min_stake: msg.min_stake,
        reveal_wait: msg.reveal_wait,
        any_address_claim_wait: msg.any_address_claim_wait,
        max_batch: msg.max_batch,
    };
    config.validate()?;
    if msg.denom.is_empty() {
        return Err(ContractError::EmptyDenom {});
    }
    let response = init_component::<ContractError>(deps.storage, &info, CONTRACT)?;
    DENOM.save(deps.storage, &msg.denom)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(response)
}

/// The context of a market call: who sent it (through the trainer), the stack's model,
/// the funds, the time.
struct Call {
    sender: Addr,
    model: Addr,
    funds: Vec<Coin>,
    env: Env,
}

impl Call {
    fn now(&self) -> u64 {
        self.env.block.time.seconds()
    }

    fn nonpayable(&self) -> Result<(), ContractError> {
        if !self.funds.is_empty() {
            return Err(cw_utils::PaymentError::NonPayable {}.into());
        }
        Ok(())
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    ensure_trainer::<ContractError>(deps.storage, &info.sender)?;
    match msg {
        ExecuteMsg::AddData {
            contribution_id,
            contributor,
        } => execute_add_data(deps, info, contribution_id, contributor),
        ExecuteMsg::Refund { .. } | ExecuteMsg::Report { .. } => Err(ContractError::NoClaims {}),
        ExecuteMsg::Trained {
            contribution_id,
            model,
        } => {
            nonpayable(&info)?;
            execute_trained(deps, env, contribution_id, model)
        }
        ExecuteMsg::Extension { sender, model, msg } => {
            let call = Call {
                sender,
                model,
                funds: info.funds,
                env,
            };
            execute_market(deps, call, from_json(msg)?)
        }
    }
}

fn load_market(storage: &dyn Storage) -> Result<Market, ContractError> {
    MARKET.may_load(storage)?.ok_or(ContractError::NotOpened {})
}

/// Takes a contribution's stake; the model trains on it in the reward phase.
pub fn execute_add_data(
    deps: DepsMut,
    info: MessageInfo,
    contribution_id: u64,
    contributor: Addr,
) -> Result<Response, ContractError> {
    let mut market = load_market(deps.storage)?;
    if ENTRIES.has(deps.storage, contribution_id) {
        return Err(ContractError::ContributionExists {
            id: contribution_id,
        });
    }
    let stake = must_pay(&info, &DENOM.load(deps.storage)?)?;
    let number = market.contribute(&CONFIG.load(deps.storage)?, stake)?;
    let entry = Entry {
        number,
        contributor: contributor.clone(),
        stake,
    };
    ENTRIES.save(deps.storage, contribution_id, &entry)?;
    ORDER.save(deps.storage, number, &contribution_id)?;
    let mut standing = STANDINGS
        .may_load(deps.storage, &contributor)?
        .unwrap_or_default();
    standing.stake += stake;
    standing.contributions += 1;
    STANDINGS.save(deps.storage, &contributor, &standing)?;
    MARKET.save(deps.storage, &market)?;
    Ok(Response::new()
        .add_attribute("action", "add_data")
        .add_attribute("contribution_id", contribution_id.to_string())
        .add_attribute("contributor", contributor)
        .add_attribute("stake", stake.to_string()))
}

/// The revealed test set, in piece order.
fn test_set(storage: &dyn Storage) -> StdResult<(Vec<sum_rules::Features>, Vec<u32>)> {
    let mut samples = vec![];
    let mut labels = vec![];
    for piece in PIECES.range(storage, None, None, Order::Ascending) {
        for Sample {
            data,
            classification,
        } in piece?.1
        {
            samples.push(data);
            labels.push(classification);
        }
    }
    Ok((samples, labels))
}

/// How many revealed test samples the model gets right now.
fn correct(deps: Deps, model: &Addr) -> Result<u32, ContractError> {
    let (samples, labels) = test_set(deps.storage)?;
    let query = ModelQueryMsg::Evaluate { samples, labels };
    let answer: EvaluateResponse = deps.querier.query_wasm_smart(model, &query)?;
    Ok(answer.correct)
}

/// Scores a contribution the model has just trained on.
pub fn execute_trained(
    deps: DepsMut,
    env: Env,
    contribution_id: u64,
    model: Addr,
) -> Result<Response, ContractError> {
    let mut market = load_market(deps.storage)?;
    let entry = ENTRIES.may_load(deps.storage, contribution_id)?.ok_or(
        ContractError::UnknownContribution {
            id: contribution_id,
        },
    )?;
    let now_correct = correct(deps.as_ref(), &model)?;
    let mut standing = STANDINGS.load(deps.storage, &entry.contributor)?;
    let score = market.score(
        &mut standing,
        entry.number,
        now_correct,
        env.block.time.seconds(),
    )?;
    STANDINGS.save(deps.storage, &entry.contributor, &standing)?;
    MARKET.save(deps.storage, &market)?;
    Ok(Response::new()
        .add_attribute("action", "score")
        .add_attribute("contribution_id", contribution_id.to_string())
        .add_attribute("score", score.to_string())
        .add_attribute("correct", now_correct.to_string()))
}

fn execute_market(deps: DepsMut, call: Call, msg: MarketMsg) -> Result<Response, ContractError> {
    if !matches!(msg, MarketMsg::Open { .. }) {
        call.nonpayable()?;
    }
    let config = CONFIG.load(deps.storage)?;
    let response = match msg {
        MarketMsg::Open {
            commitments,
            min_duration,
            min_contributions,
        } => {
            if MARKET.exists(deps.storage) {
                return Err(MarketError::AlreadyOpen {}.into());
            }
            let denom = DENOM.load(deps.storage)?;
            let info = MessageInfo {
                sender: call.sender.clone(),
                funds: call.funds.clone(),
            };
            let bounty = must_pay(&info, &denom)?;
            let block = &call.env.block;
            let market = Market::open(
                &config,
                call.sender.to_string(),
                bounty,
                commitments,
                min_duration,
                min_contributions,
                block.height,
                block.time.nanos(),
            )?;
            MARKET.save(deps.storage, &market)?;
            Response::new()
                .add_attribute("market_action", "open")
                .add_attribute("bounty", Coin::new(bounty, denom).to_string())
                .add_attribute("drawn", market.drawn.to_string())
        }
        MarketMsg::Reveal {
            index,
            salt,
            samples,
        } => {
            let mut market = load_market(deps.storage)?;
            let now = call.now();
            let all = market.reveal(call.sender.as_str(), index, &salt, &samples, now)?;
            PIECES.save(deps.storage, index, &samples)?;
            if all {
                let baseline = correct(deps.as_ref(), &call.model)?;
                market.set_baseline(baseline, now)?;
            }
            MARKET.save(deps.storage, &market)?;
            Response::new()
                .add_attribute("market_action", "reveal")
                .add_attribute("piece", index.to_string())
        }
        MarketMsg::End {} => {
            let mut market = load_market(deps.storage)?;
            market.end(&config, call.now())?;
            MARKET.save(deps.storage, &market)?;
            Response::new().add_attribute("market_action", "end")
        }
        MarketMsg::Process { limit } => {
            let market = load_market(deps.storage)?;
            let (start, end) = market.next_batch(&config, limit)?;
            let train = (start..end)
                .map(|number| ORDER.load(deps.storage, number))
                .collect::<StdResult<Vec<u64>>>()?;
            Response::new()
                .set_data(to_json_binary(&ExtensionResponse { train })?)
                .add_attribute("market_action", "process")
                .add_attribute("from", start.to_string())
                .add_attribute("to", end.to_string())
        }
        MarketMsg::Expire {} => {
            let mut market = load_market(deps.storage)?;
            market.expire(call.now())?;
            MARKET.save(deps.storage, &market)?;
            Response::new()
                .add_attribute("market_action", "expire")
                .add_attribute("forfeited", market.forfeited.to_string())
        }
        MarketMsg::Withdraw {} => {
            let mut market = load_market(deps.storage)?;
            let mut standing = STANDINGS
                .may_load(deps.storage, &call.sender)?
                .unwrap_or_default();
            let amount =
                market.withdraw(&config, call.sender.as_str(), &mut standing, call.now())?;
            STANDINGS.save(deps.storage, &call.sender, &standing)?;
            MARKET.save(deps.storage, &market)?;
            pay(deps.storage, "withdraw", &call.sender, amount)?
        }
        MarketMsg::Reclaim {} => {
            let mut market = load_market(deps.storage)?;
            let denom = DENOM.load(deps.storage)?;
            let contract = &call.env.contract.address;
            let balance = deps.querier.query_balance(contract, denom)?.amount;
            let amount = market.reclaim(&config, call.sender.as_str(), balance, call.now())?;
            MARKET.save(deps.storage, &market)?;
            pay(deps.storage, "reclaim", &call.sender, amount)?
        }
    };
    Ok(response.add_attribute("action", "extension"))
}

/// Sends `amount` of the denom (nothing when it is zero) and says so.
fn pay(
    storage: &dyn Storage,
    action: &str,
    to: &Addr,
    amount: Uint256,
) -> Result<Response, ContractError> {
    let coin = Coin::new(amount, DENOM.load(storage)?);
    let mut response = Response::new()
        .add_attribute("market_action", action)
        .add_attribute("to", to)
        .add_attribute("amount", coin.to_string());
    if !amount.is_zero() {
        response = response.add_message(BankMsg::Send {
            to_address: to.to_string(),
            amount: vec![coin],
        });
    }
    Ok(response)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::NextAddDataCost {} => {
            let market = load_market(deps.storage)?;
            if market.phase != Phase::Participation {
                return Err(MarketError::WrongPhase {
                    expected: "Participation".into(),
                    actual: market.phase,
                }
                .into());
            }
            let stake = CONFIG.load(deps.storage)?.min_stake;
            to_json_binary(&AddDataCostResponse {
                cost: Coin::new(stake, DENOM.load(deps.storage)?),
                trains_model: false,
            })?
        }
        QueryMsg::ContributorStats { address } => {
            let standing = query_standing(deps, address)?.standing;
            to_json_binary(&ContributorStatsResponse {
                num_valid: standing.improved,
            })?
        }
        QueryMsg::Claims { id } => {
            let entry = ENTRIES
                .may_load(deps.storage, id)?
                .ok_or(ContractError::UnknownContribution { id })?;
            to_json_binary(&ClaimState {
                initial_deposit: entry.stake,
                claimable: Uint256::zero(),
                claimed_by: vec![],
            })?
        }
        QueryMsg::Market {} => to_json_binary(&MarketResponse {
            trainer: TRAINER.load(deps.storage)?,
            denom: DENOM.load(deps.storage)?,
            config: CONFIG.load(deps.storage)?,
            market: MARKET.may_load(deps.storage)?,
        })?,
        QueryMsg::Standing { address } => to_json_binary(&query_standing(deps, address)?)?,
        QueryMsg::Piece { index } => to_json_binary(&PIECES.may_load(deps.storage, index)?)?,
    })
}

fn query_standing(deps: Deps, address: String) -> StdResult<StandingResponse> {
    let address = deps.api.addr_validate(&address)?;
    let standing = STANDINGS
        .may_load(deps.storage, &address)?
        .unwrap_or_default();
    let entitlement = MARKET
        .may_load(deps.storage)?
        .filter(|market| market.phase == Phase::Collection && !standing.withdrawn)
        .map(|market| market.entitlement(&standing));
    Ok(StandingResponse {
        standing,
        entitlement,
    })
}

sum_common::migrate_entry_point!(ContractError);
