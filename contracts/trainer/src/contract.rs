#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    to_json_binary, Addr, BankMsg, Binary, Coin, Deps, DepsMut, Env, MessageInfo, Reply, Response,
    StdResult, SubMsg, WasmMsg,
};
use cw_utils::{may_pay, nonpayable};
use sum_common::incentive::{ClaimRequest, ClaimerRole, IncentiveExecuteMsg};
use sum_common::model::{ModelContract, PredictionResponse};
use sum_common::Features;

use crate::error::ContractError;
use crate::msg::{
    AddDataResponse, ComponentInstantiation, ContributionResponse, ExecuteMsg, InfoResponse,
    InstantiateMsg, ModelSource, QueryMsg,
};
use crate::owner::{execute_accept_ownership, execute_migrate_component, execute_propose_owner};
use crate::reply::{
    handle_reply, EXTENSION, INSTANTIATE_DATA_HANDLER, INSTANTIATE_INCENTIVE, INSTANTIATE_MODEL,
};
use crate::state::{Config, CONFIG, DATA_HANDLER, INCENTIVE, MODEL, NEXT_ID, PENDING_OWNER};

/// The cw2 name and version this contract records.
const CONTRACT: (&str, &str) = (env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    nonpayable(&info)?;
    msg.encoder.validate()?;
    cw2::set_contract_version(deps.storage, CONTRACT.0, CONTRACT.1)?;
    let owner = match msg.owner {
        Some(owner) => deps.api.addr_validate(&owner)?,
        None => info.sender,
    };
    // The trainer is its components' admin (the owner migrates them through it), or nobody is.
    let admin = (!msg.immutable).then(|| env.contract.address.to_string());
    let instantiate = |component: ComponentInstantiation, reply_id: u64| {
        SubMsg::reply_on_success(
            WasmMsg::Instantiate {
                admin: admin.clone(),
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
        ModelSource::Existing { address } => {
            let model = deps.api.addr_validate(&address)?;
            ensure_no_other_admin(&deps, &env, &model)?;
            MODEL.save(deps.storage, &ModelContract(model))?
        }
    }
    submessages.push(instantiate(msg.incentive, INSTANTIATE_INCENTIVE));
    CONFIG.save(
        deps.storage,
        &Config {
            name: msg.name,
            description: msg.description,
            encoder: msg.encoder,
            owner: owner.clone(),
            immutable: msg.immutable,
        },
    )?;
    NEXT_ID.save(deps.storage, &0)?;
    Ok(Response::new()
        .add_submessages(submessages)
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner)
        .add_attribute("immutable", msg.immutable.to_string()))
}

/// An existing model must not have a Wasm admin other than this trainer: an admin could
/// migrate it behind the owner's back (or after ownership moved on).
fn ensure_no_other_admin(deps: &DepsMut, env: &Env, model: &Addr) -> Result<(), ContractError> {
    let admin = deps.querier.query_wasm_contract_info(model)?.admin;
    match admin {
        Some(admin) if admin != env.contract.address => Err(ContractError::ModelHasAdmin {
            model: model.to_string(),
            admin: admin.into_string(),
        }),
        _ => Ok(()),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    let payable = matches!(
        msg,
        ExecuteMsg::AddData { .. } | ExecuteMsg::IncentiveExtension { .. }
    );
    if !payable {
        nonpayable(&info)?;
    }
    match msg {
        ExecuteMsg::AddData {
            data,
            classification,
        } => execute_add_data(deps, info, data, classification),
        ExecuteMsg::Refund { id } => execute_claim(deps, info, id, "refund", |claim| {
            IncentiveExecuteMsg::Refund { claim }
        }),
        ExecuteMsg::Report { id } => execute_claim(deps, info, id, "report", |claim| {
            IncentiveExecuteMsg::Report { claim }
        }),
        ExecuteMsg::ProposeOwner { owner } => execute_propose_owner(deps, info, owner),
        ExecuteMsg::AcceptOwnership {} => execute_accept_ownership(deps, info),
        ExecuteMsg::MigrateComponent {
            component,
            code_id,
            msg,
        } => execute_migrate_component(deps, info, component, code_id, msg),
        ExecuteMsg::IncentiveExtension { msg } => execute_incentive_extension(deps, info, msg),
    }
}

/// Checks the deposit, then in one transaction: the mechanism takes exactly the price,
/// the model trains (which validates the sample) unless the mechanism defers training,
/// the data handler stores the contribution, and the excess goes back.
pub fn execute_add_data(
    deps: DepsMut,
    info: MessageInfo,
    data: Features,
    classification: u32,
) -> Result<Response, ContractError> {
    let incentive = INCENTIVE.load(deps.storage)?;
    let terms = incentive.next_add_data_cost(&deps.querier)?;
    let cost = terms.cost;
    let paid = may_pay(&info, &cost.denom)?;
    let excess = paid
        .checked_sub(cost.amount)
        .map_err(|_| ContractError::InsufficientDeposit {
            required: cost.amount,
            paid,
            denom: cost.denom.clone(),
        })?;
    let id = NEXT_ID.load(deps.storage)?;
    NEXT_ID.save(deps.storage, &(id + 1))?;
    let contributor = info.sender;
    let mut response = Response::new()
        .add_message(incentive.add_data(id, contributor.clone(), cost.clone())?)
        .set_data(to_json_binary(&AddDataResponse { id })?)
        .add_attribute("action", "add_data")
        .add_attribute("contribution_id", id.to_string())
        .add_attribute("contributor", contributor.as_str())
        .add_attribute("classification", classification.to_string())
        .add_attribute("deposit", cost.to_string());
    let model = MODEL.load(deps.storage)?;
    if terms.trains_model {
        response = response.add_message(model.update(data.clone(), classification)?);
    } else {
        // Trained later: check now that the model will take it.
        model.validate(&deps.querier, data.clone(), classification)?;
    }
    let store = DATA_HANDLER.load(deps.storage)?.add_contribution(
        id,
        contributor.clone(),
        data,
        classification,
    )?;
    response = response.add_message(store);
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

/// A refund or a report: the trainer tells the mechanism who claims (their role) and what
/// the model now predicts for the contribution; the mechanism judges, records and pays.
pub fn execute_claim(
    deps: DepsMut,
    info: MessageInfo,
    id: u64,
    action: &str,
    to_msg: fn(ClaimRequest) -> IncentiveExecuteMsg,
) -> Result<Response, ContractError> {
    let contribution = DATA_HANDLER
        .load(deps.storage)?
        .contribution(&deps.querier, id)?;
    let role = if info.sender == contribution.contributor {
        ClaimerRole::Contributor
    } else if info.sender == CONFIG.load(deps.storage)?.owner {
        ClaimerRole::Owner
    } else {
        ClaimerRole::Other
    };
    let prediction = MODEL
        .load(deps.storage)?
        .predict(&deps.querier, contribution.data)?;
    let claim = ClaimRequest {
        contribution_id: id,
        contributor: contribution.contributor,
        claimer: info.sender,
        role,
        classification: contribution.classification,
        prediction,
        added_at: contribution.added_at,
    };
    let response = Response::new()
        .add_attribute("action", action)
        .add_attribute("contribution_id", id.to_string())
        .add_attribute("claimer", claim.claimer.as_str())
        .add_attribute("prediction", prediction.to_string());
    let incentive = INCENTIVE.load(deps.storage)?;
    Ok(response.add_message(incentive.execute(&to_msg(claim), vec![])?))
}

/// Forwards a mechanism's own message, with the sender, the model and the funds; trains
/// the model on whatever contributions the mechanism answers (see `reply`).
pub fn execute_incentive_extension(
    deps: DepsMut,
    info: MessageInfo,
    msg: Binary,
) -> Result<Response, ContractError> {
    let forward = IncentiveExecuteMsg::Extension {
        sender: info.sender,
        model: MODEL.load(deps.storage)?.0,
        msg,
    };
    let incentive = INCENTIVE.load(deps.storage)?;
    let call = incentive.execute(&forward, info.funds)?;
    Ok(Response::new()
        .add_submessage(SubMsg::reply_on_success(call, EXTENSION))
        .add_attribute("action", "incentive_extension"))
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
        QueryMsg::NextAddDataCost {} => to_json_binary(
            &INCENTIVE
                .load(deps.storage)?
                .next_add_data_cost(&deps.querier)?,
        ),
        QueryMsg::Contribution { id } => to_json_binary(&ContributionResponse {
            id,
            contribution: DATA_HANDLER
                .load(deps.storage)?
                .contribution(&deps.querier, id)?,
            claims: INCENTIVE.load(deps.storage)?.claims(&deps.querier, id)?,
        }),
    }
}

fn query_info(deps: Deps) -> StdResult<InfoResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(InfoResponse {
        name: config.name,
        description: config.description,
        encoder: config.encoder,
        owner: config.owner,
        pending_owner: PENDING_OWNER.may_load(deps.storage)?,
        immutable: config.immutable,
        data_handler: DATA_HANDLER.load(deps.storage)?.0,
        model: MODEL.load(deps.storage)?.0,
        incentive: INCENTIVE.load(deps.storage)?.0,
    })
}

sum_common::migrate_entry_point!(ContractError);
