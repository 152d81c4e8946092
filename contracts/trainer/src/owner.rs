//! The owner's powers, all of them: hand ownership over in two steps, and migrate a
//! component (the trainer is each component's Wasm admin unless the deployment is
//! immutable). The owner's claim on deposits after `owner_claim_wait` is the mechanism's
//! rule, reached through `report`.

use cosmwasm_std::{Binary, DepsMut, MessageInfo, Response, WasmMsg};

use crate::error::ContractError;
use crate::msg::Component;
use crate::state::{Config, CONFIG, DATA_HANDLER, INCENTIVE, MODEL, PENDING_OWNER};

/// The configuration, if `info.sender` is the owner.
fn owner_config(deps: &DepsMut, info: &MessageInfo) -> Result<Config, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    if info.sender != config.owner {
        return Err(ContractError::NotOwner {
            owner: config.owner.into_string(),
        });
    }
    Ok(config)
}

pub fn execute_propose_owner(
    deps: DepsMut,
    info: MessageInfo,
    owner: String,
) -> Result<Response, ContractError> {
    owner_config(&deps, &info)?;
    let pending = deps.api.addr_validate(&owner)?;
    PENDING_OWNER.save(deps.storage, &pending)?;
    Ok(Response::new()
        .add_attribute("action", "propose_owner")
        .add_attribute("pending_owner", pending))
}

pub fn execute_accept_ownership(
    deps: DepsMut,
    info: MessageInfo,
) -> Result<Response, ContractError> {
    if PENDING_OWNER.may_load(deps.storage)? != Some(info.sender.clone()) {
        return Err(ContractError::NotPendingOwner {
            sender: info.sender.into_string(),
        });
    }
    PENDING_OWNER.remove(deps.storage);
    let mut config = CONFIG.load(deps.storage)?;
    config.owner = info.sender;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "accept_ownership")
        .add_attribute("owner", config.owner))
}

pub fn execute_migrate_component(
    deps: DepsMut,
    info: MessageInfo,
    component: Component,
    code_id: u64,
    msg: Binary,
) -> Result<Response, ContractError> {
    if owner_config(&deps, &info)?.immutable {
        return Err(ContractError::Immutable {});
    }
    let (name, address) = match component {
        Component::DataHandler => ("data_handler", DATA_HANDLER.load(deps.storage)?.0),
        Component::Model => ("model", MODEL.load(deps.storage)?.0),
        Component::Incentive => ("incentive", INCENTIVE.load(deps.storage)?.0),
    };
    Ok(Response::new()
        .add_message(WasmMsg::Migrate {
            contract_addr: address.to_string(),
            new_code_id: code_id,
            msg,
        })
        .add_attribute("action", "migrate_component")
        .add_attribute("component", name)
        .add_attribute("code_id", code_id.to_string()))
}
