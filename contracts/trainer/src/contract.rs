#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    to_json_binary, Addr, BankMsg, Binary, Coin, CosmosMsg, Deps, DepsMut, Env, MessageInfo, Reply,
    Response, StdResult, SubMsg, WasmMsg,
};
use cw_utils::may_pay;
use sum_common::data_handler::Contribution;
use sum_common::incentive::{AddDataCostResponse, ClaimRequest};
use sum_common::model::{ModelContract, PredictionResponse};
use sum_common::Features;

use crate::error::ContractError;
use crate::msg::{
    ComponentInstantiation, ExecuteMsg, InfoResponse, InstantiateMsg, MigrateMsg, ModelSource,
    QueryMsg,
};
use crate::reply::{
    handle_reply, ClaimPayload, ADD_CONTRIBUTION, CLAIM, INSTANTIATE_DATA_HANDLER,
    INSTANTIATE_INCENTIVE, INSTANTIATE_MODEL,
};
use crate::state::{Config, CONFIG, DATA_HANDLER, INCENTIVE, MODEL};

const CONTRACT_NAME: &str = env!("CARGO_PKG_NAME");
const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let owner = match msg.owner {
        Some(owner) => deps.api.addr_validate(&owner)?,
        None => info.sender,
    };
    let instantiate = |component: ComponentInstantiation, reply_id: u64| {
        SubMsg::reply_on_success(
            WasmMsg::Instantiate {
                admin: Some(owner.to_string()),
                code_id: component.code_id,
                msg: component.msg,
                funds: vec![],
                label: component.label,
            },
            reply_id,
        )
    };
    let mut submessages = vec![instantiate(msg.data_handler, INSTANTIATE_DATA_HANDLER)];
    match msg.model {
        ModelSource::Instantiate(model) => submessages.push(instantiate(model, INSTANTIATE_MODEL)),
        ModelSource::Existing { address } => MODEL.save(
            deps.storage,
            &ModelContract(deps.api.addr_validate(&address)?),
        )?,
    }
    submessages.push(instantiate(msg.incentive, INSTANTIATE_INCENTIVE));
    CONFIG.save(
        deps.storage,
        &Config {
            name: msg.name,
            description: msg.description,
            encoder: msg.encoder,
            owner: owner.clone(),
        },
    )?;
    Ok(Response::new()
        .add_submessages(submessages)
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::AddData {
            data,
            classification,
        } => execute_add_data(deps, info, data, classification),
        ExecuteMsg::Refund { id } => execute_refund(deps, info, id),
        ExecuteMsg::Report { id } => execute_report(deps, info, id),
        ExecuteMsg::UpdateOwner { owner } => execute_update_owner(deps, info, owner),
    }
}

/// Checks the deposit, then in one transaction: the mechanism takes exactly the price,
/// the data handler stores the contribution, the model trains, and the excess goes back.
pub fn execute_add_data(
    deps: DepsMut,
    info: MessageInfo,
    data: Features,
    classification: u32,
) -> Result<Response, ContractError> {
    let incentive = INCENTIVE.load(deps.storage)?;
    let cost = incentive.next_add_data_cost(&deps.querier)?;
    let paid = may_pay(&info, &cost.denom)?;
    let excess = paid
        .checked_sub(cost.amount)
        .map_err(|_| ContractError::InsufficientDeposit {
            required: cost.amount,
            paid,
            denom: cost.denom.clone(),
        })?;
    let contributor = info.sender;
    let store = DATA_HANDLER.load(deps.storage)?.add_contribution(
        contributor.clone(),
        data.clone(),
        classification,
        cost.amount,
    )?;
    let mut response = Response::new()
        .add_message(incentive.add_data(contributor.clone(), cost.clone())?)
        .add_submessage(SubMsg::reply_on_success(store, ADD_CONTRIBUTION))
        .add_message(MODEL.load(deps.storage)?.update(data, classification)?)
        .add_attribute("action", "add_data")
        .add_attribute("contributor", contributor.as_str())
        .add_attribute("classification", classification.to_string())
        .add_attribute("deposit", cost.to_string());
    if !excess.is_zero() {
        let returned = Coin::new(excess, cost.denom);
        response = response
            .add_attribute("excess_returned", returned.to_string())
            .add_message(BankMsg::Send {
                to_address: contributor.into_string(),
                amount: vec![returned],
            });
    }
    Ok(response)
}

/// A stored contribution, or `UnknownContribution`.
fn load_contribution(deps: Deps, id: u64) -> Result<Contribution, ContractError> {
    DATA_HANDLER
        .load(deps.storage)?
        .contribution(&deps.querier, id)
        .map_err(|_| ContractError::UnknownContribution { id })
}

/// What the mechanism needs to judge `claimer`'s claim, with the model's current
/// prediction for the contribution.
fn claim_request(
    deps: Deps,
    id: u64,
    contribution: Contribution,
    claimer: Addr,
) -> Result<ClaimRequest, ContractError> {
    let prediction = MODEL
        .load(deps.storage)?
        .predict(&deps.querier, contribution.data)?;
    Ok(ClaimRequest {
        contribution_id: id,
        already_claimed: contribution.claimed_by.contains(&claimer),
        contributor: contribution.contributor,
        claimer,
        classification: contribution.classification,
        prediction,
        added_at: contribution.added_at,
        initial_deposit: contribution.initial_deposit,
        claimable: contribution.claimable,
    })
}

/// The mechanism decides and pays; the reply records the claim in the data handler.
fn claim_response(action: &str, claim: &ClaimRequest, pay: CosmosMsg) -> StdResult<Response> {
    let payload = ClaimPayload {
        id: claim.contribution_id,
        claimer: claim.claimer.clone(),
    };
    Ok(Response::new()
        .add_submessage(SubMsg::reply_on_success(pay, CLAIM).with_payload(payload.encode()?))
        .add_attribute("action", action)
        .add_attribute("contribution_id", claim.contribution_id.to_string())
        .add_attribute("contributor", claim.contributor.as_str())
        .add_attribute("claimer", claim.claimer.as_str())
        .add_attribute("prediction", claim.prediction.to_string()))
}

pub fn execute_refund(
    deps: DepsMut,
    info: MessageInfo,
    id: u64,
) -> Result<Response, ContractError> {
    let contribution = load_contribution(deps.as_ref(), id)?;
    if info.sender != contribution.contributor {
        return Err(ContractError::NotContributor {
            id,
            contributor: contribution.contributor.into_string(),
        });
    }
    let claim = claim_request(deps.as_ref(), id, contribution, info.sender)?;
    let pay = INCENTIVE.load(deps.storage)?.refund(claim.clone())?;
    Ok(claim_response("refund", &claim, pay)?)
}

pub fn execute_report(
    deps: DepsMut,
    info: MessageInfo,
    id: u64,
) -> Result<Response, ContractError> {
    let reporter_is_owner = info.sender == CONFIG.load(deps.storage)?.owner;
    let contribution = load_contribution(deps.as_ref(), id)?;
    let claim = claim_request(deps.as_ref(), id, contribution, info.sender)?;
    let pay = INCENTIVE
        .load(deps.storage)?
        .report(claim.clone(), reporter_is_owner)?;
    Ok(claim_response("report", &claim, pay)?)
}

pub fn execute_update_owner(
    deps: DepsMut,
    info: MessageInfo,
    owner: String,
) -> Result<Response, ContractError> {
    let mut config = CONFIG.load(deps.storage)?;
    if info.sender != config.owner {
        return Err(ContractError::NotOwner {
            owner: config.owner.into_string(),
        });
    }
    config.owner = deps.api.addr_validate(&owner)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_owner")
        .add_attribute("owner", config.owner))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, _env: Env, reply: Reply) -> Result<Response, ContractError> {
    handle_reply(deps, reply)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Info {} => to_json_binary(&query_info(deps)?),
        QueryMsg::Predict { data } => to_json_binary(&PredictionResponse {
            classification: MODEL.load(deps.storage)?.predict(&deps.querier, data)?,
        }),
        QueryMsg::NextAddDataCost {} => to_json_binary(&AddDataCostResponse {
            cost: INCENTIVE
                .load(deps.storage)?
                .next_add_data_cost(&deps.querier)?,
        }),
        QueryMsg::Contribution { id } => to_json_binary::<Contribution>(
            &DATA_HANDLER
                .load(deps.storage)?
                .contribution(&deps.querier, id)?,
        ),
    }
}

fn query_info(deps: Deps) -> StdResult<InfoResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(InfoResponse {
        name: config.name,
        description: config.description,
        encoder: config.encoder,
        owner: config.owner,
        data_handler: DATA_HANDLER.load(deps.storage)?.0,
        model: MODEL.load(deps.storage)?.0,
        incentive: INCENTIVE.load(deps.storage)?.0,
    })
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    sum_common::migrate::ensure_upgrade(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new().add_attribute("action", "migrate"))
}
