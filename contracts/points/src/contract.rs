#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    to_json_binary, Addr, Binary, Coin, Deps, DepsMut, Env, MessageInfo, Order, OverflowError,
    OverflowOperation, Response, StdResult, Storage, Uint256,
};
use cw_storage_plus::Bound;
use cw_utils::nonpayable;
use sum_common::component::init_component;
use sum_common::gate::{ensure_trainer, TRAINER};
use sum_common::incentive::{
    AddDataCostResponse, ClaimRequest, ClaimState, ContributorStatsResponse,
};
use sum_rules::claim::ensure_wait;
use sum_rules::points::{check_refund, check_report, rank_key};

use crate::error::ContractError;
use crate::msg::{
    ConfigResponse, ExecuteMsg, InstantiateMsg, LeaderboardEntry, LeaderboardResponse,
    PointsResponse, QueryMsg, TotalsResponse,
};
use crate::state::{CONTRIBUTIONS, LEADERBOARD, RECORDS, REFUND_WAIT, TOTALS};

/// The cw2 name and version this contract records.
const CONTRACT: (&str, &str) = (env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));

/// Leaderboard entries per page when none is given, and the most a page holds.
const DEFAULT_LIMIT: u32 = 10;
const MAX_LIMIT: u32 = 100;

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    ensure_wait(msg.refund_wait)?;
    let response = init_component::<ContractError>(deps.storage, &info, CONTRACT)?;
    REFUND_WAIT.save(deps.storage, &msg.refund_wait)?;
    TOTALS.save(deps.storage, &Default::default())?;
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
    nonpayable(&info)?;
    let now = env.block.time.seconds();
    match msg {
        ExecuteMsg::AddData {
            contribution_id,
            contributor,
        } => execute_add_data(deps, contribution_id, contributor),
        ExecuteMsg::Refund { claim } => execute_claim(deps, now, claim, "refund"),
        ExecuteMsg::Report { claim } => execute_claim(deps, now, claim, "report"),
        ExecuteMsg::Extension { .. } => Err(ContractError::NoExtension {}),
        ExecuteMsg::Trained { .. } => Err(ContractError::NotDeferred {}),
    }
}

fn increment(value: u64) -> Result<u64, OverflowError> {
    value
        .checked_add(1)
        .ok_or(OverflowError::new(OverflowOperation::Add))
}

/// Records a free contribution.
pub fn execute_add_data(
    deps: DepsMut,
    contribution_id: u64,
    contributor: Addr,
) -> Result<Response, ContractError> {
    if CONTRIBUTIONS.has(deps.storage, contribution_id) {
        return Err(ContractError::ContributionExists {
            id: contribution_id,
        });
    }
    CONTRIBUTIONS.save(deps.storage, contribution_id, &(contributor.clone(), None))?;
    let mut record = RECORDS
        .may_load(deps.storage, &contributor)?
        .unwrap_or_default();
    record.contributions = increment(record.contributions)?;
    RECORDS.save(deps.storage, &contributor, &record)?;
    let mut totals = TOTALS.load(deps.storage)?;
    totals.contributions = increment(totals.contributions)?;
    TOTALS.save(deps.storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", "add_data")
        .add_attribute("contribution_id", contribution_id.to_string())
        .add_attribute("contributor", contributor))
}

/// A refund (a point for the contributor) or a report, each checked by the points rules
/// in order; the contribution is then claimed for good.
pub fn execute_claim(
    deps: DepsMut,
    now: u64,
    request: ClaimRequest,
    action: &str,
) -> Result<Response, ContractError> {
    let id = request.contribution_id;
    let (contributor, claimed_by) = CONTRIBUTIONS
        .may_load(deps.storage, id)?
        .ok_or(ContractError::UnknownContribution { id })?;
    let facts = request.facts();
    let claimed = claimed_by.as_ref().map(Addr::as_str);
    let refund_wait = REFUND_WAIT.load(deps.storage)?;
    let is_refund = action == "refund";
    if is_refund {
        check_refund(&facts, claimed, now, refund_wait)?;
    } else {
        check_report(&facts, claimed, now, refund_wait)?;
    }
    let claimer = request.claimer;
    CONTRIBUTIONS.save(deps.storage, id, &(contributor, Some(claimer.clone())))?;
    let mut record = RECORDS
        .may_load(deps.storage, &claimer)?
        .unwrap_or_default();
    let mut totals = TOTALS.load(deps.storage)?;
    if is_refund {
        award_point(deps.storage, &claimer, &mut record, &mut totals)?;
    } else {
        record.reports = increment(record.reports)?;
        totals.reports = increment(totals.reports)?;
    }
    RECORDS.save(deps.storage, &claimer, &record)?;
    TOTALS.save(deps.storage, &totals)?;
    Ok(Response::new()
        .add_attribute("action", action)
        .add_attribute("contribution_id", id.to_string())
        .add_attribute("claimer", claimer)
        .add_attribute("points", record.points.to_string()))
}

/// One more point for `address`, moving it on the leaderboard.
fn award_point(
    storage: &mut dyn Storage,
    address: &Addr,
    record: &mut PointsResponse,
    totals: &mut TotalsResponse,
) -> Result<(), ContractError> {
    if record.points == 0 {
        totals.scorers = increment(totals.scorers)?;
    } else {
        LEADERBOARD.remove(storage, (rank_key(record.points), address));
    }
    record.points = increment(record.points)?;
    totals.points = increment(totals.points)?;
    LEADERBOARD.save(storage, (rank_key(record.points), address), &())?;
    Ok(())
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::NextAddDataCost {} => to_json_binary(&AddDataCostResponse {
            cost: Coin::new(Uint256::zero(), ""),
            trains_model: true,
        })?,
        QueryMsg::ContributorStats { address } => {
            let record = query_points(deps, address)?;
            to_json_binary(&ContributorStatsResponse {
                num_valid: record.points,
            })?
        }
        QueryMsg::Claims { id } => {
            let (_, claimed_by) = CONTRIBUTIONS
                .may_load(deps.storage, id)?
                .ok_or(ContractError::UnknownContribution { id })?;
            to_json_binary(&ClaimState {
                initial_deposit: Uint256::zero(),
                claimable: Uint256::zero(),
                claimed_by: claimed_by.into_iter().collect(),
            })?
        }
        QueryMsg::Points { address } => to_json_binary(&query_points(deps, address)?)?,
        QueryMsg::Leaderboard { start_after, limit } => {
            to_json_binary(&query_leaderboard(deps, start_after, limit)?)?
        }
        QueryMsg::Totals {} => to_json_binary(&TOTALS.load(deps.storage)?)?,
        QueryMsg::Config {} => to_json_binary(&ConfigResponse {
            trainer: TRAINER.load(deps.storage)?,
            refund_wait: REFUND_WAIT.load(deps.storage)?,
        })?,
    })
}

fn query_points(deps: Deps, address: String) -> StdResult<PointsResponse> {
    let address = deps.api.addr_validate(&address)?;
    Ok(RECORDS
        .may_load(deps.storage, &address)?
        .unwrap_or_default())
}

fn query_leaderboard(
    deps: Deps,
    start_after: Option<LeaderboardEntry>,
    limit: Option<u32>,
) -> StdResult<LeaderboardResponse> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize;
    let start = start_after
        .as_ref()
        .map(|entry| Bound::exclusive((rank_key(entry.points), &entry.address)));
    let entries = LEADERBOARD
        .keys(deps.storage, start, None, Order::Ascending)
        .take(limit)
        .map(|key| {
            key.map(|(rank, address)| LeaderboardEntry {
                points: rank_key(rank),
                address,
            })
        })
        .collect::<StdResult<_>>()?;
    Ok(LeaderboardResponse { entries })
}

sum_common::migrate_entry_point!(ContractError);
