#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    to_json_binary, Addr, Binary, Deps, DepsMut, Env, MessageInfo, Order, Response, StdResult,
    Uint256,
};
use cw_storage_plus::Bound;
use sum_common::data_handler::{
    AddContributionResponse, Contribution, ContributionWithId, ContributionsResponse,
    CountsResponse,
};
use sum_common::Features;

use crate::error::ContractError;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::state::{BY_CONTRIBUTOR, CONTRIBUTIONS, CONTRIBUTOR_COUNTS, NEXT_ID, TRAINER};

const CONTRACT_NAME: &str = env!("CARGO_PKG_NAME");
const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Page size of the listing queries when none is given, and the largest allowed.
const DEFAULT_LIMIT: u32 = 10;
const MAX_LIMIT: u32 = 100;

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    _msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    TRAINER.save(deps.storage, &info.sender)?;
    NEXT_ID.save(deps.storage, &0)?;
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
    let trainer = TRAINER.load(deps.storage)?;
    if info.sender != trainer {
        return Err(ContractError::NotTrainer {
            trainer: trainer.into_string(),
        });
    }
    match msg {
        ExecuteMsg::AddContribution {
            contributor,
            data,
            classification,
            deposit,
        } => execute_add_contribution(deps, env, contributor, data, classification, deposit),
        ExecuteMsg::RecordClaim {
            id,
            claimer,
            amount,
        } => execute_record_claim(deps, id, claimer, amount),
    }
}

pub fn execute_add_contribution(
    deps: DepsMut,
    env: Env,
    contributor: Addr,
    data: Features,
    classification: u32,
    deposit: Uint256,
) -> Result<Response, ContractError> {
    let id = NEXT_ID.load(deps.storage)?;
    NEXT_ID.save(deps.storage, &(id + 1))?;
    let contribution = Contribution {
        contributor,
        data,
        classification,
        added_at: env.block.time.seconds(),
        initial_deposit: deposit,
        claimable: deposit,
        claimed_by: vec![],
    };
    CONTRIBUTIONS.save(deps.storage, id, &contribution)?;
    BY_CONTRIBUTOR.save(deps.storage, (&contribution.contributor, id), &())?;
    CONTRIBUTOR_COUNTS.update(deps.storage, &contribution.contributor, |count| {
        Ok::<_, cosmwasm_std::StdError>(count.unwrap_or(0) + 1)
    })?;
    Ok(Response::new()
        .set_data(to_json_binary(&AddContributionResponse { id })?)
        .add_attribute("action", "add_contribution")
        .add_attribute("contribution_id", id.to_string())
        .add_attribute("contributor", contribution.contributor))
}

pub fn execute_record_claim(
    deps: DepsMut,
    id: u64,
    claimer: Addr,
    amount: Uint256,
) -> Result<Response, ContractError> {
    let mut contribution = CONTRIBUTIONS
        .may_load(deps.storage, id)?
        .ok_or(ContractError::UnknownContribution { id })?;
    if contribution.claimed_by.contains(&claimer) {
        return Err(ContractError::AlreadyClaimed {
            id,
            claimer: claimer.into_string(),
        });
    }
    contribution.claimable =
        contribution
            .claimable
            .checked_sub(amount)
            .map_err(|_| ContractError::ClaimTooLarge {
                id,
                amount,
                claimable: contribution.claimable,
            })?;
    contribution.claimed_by.push(claimer.clone());
    CONTRIBUTIONS.save(deps.storage, id, &contribution)?;
    Ok(Response::new()
        .add_attribute("action", "record_claim")
        .add_attribute("contribution_id", id.to_string())
        .add_attribute("claimer", claimer)
        .add_attribute("amount", amount.to_string()))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Contribution { id } => to_json_binary(&query_contribution(deps, id)?)?,
        QueryMsg::Contributions { start_after, limit } => {
            to_json_binary(&query_contributions(deps, start_after, limit)?)?
        }
        QueryMsg::ContributionsByContributor {
            contributor,
            start_after,
            limit,
        } => to_json_binary(&query_contributions_by_contributor(
            deps,
            contributor,
            start_after,
            limit,
        )?)?,
        QueryMsg::Counts { contributor } => to_json_binary(&query_counts(deps, contributor)?)?,
    })
}

pub fn query_contribution(deps: Deps, id: u64) -> Result<Contribution, ContractError> {
    CONTRIBUTIONS
        .may_load(deps.storage, id)?
        .ok_or(ContractError::UnknownContribution { id })
}

fn page_limit(limit: Option<u32>) -> usize {
    limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize
}

pub fn query_contributions(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<ContributionsResponse> {
    let contributions = CONTRIBUTIONS
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|entry| entry.map(|(id, contribution)| ContributionWithId { id, contribution }))
        .collect::<StdResult<_>>()?;
    Ok(ContributionsResponse { contributions })
}

pub fn query_contributions_by_contributor(
    deps: Deps,
    contributor: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<ContributionsResponse> {
    let contributor = deps.api.addr_validate(&contributor)?;
    let contributions = BY_CONTRIBUTOR
        .prefix(&contributor)
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|id| {
            let id = id?;
            let contribution = CONTRIBUTIONS.load(deps.storage, id)?;
            Ok(ContributionWithId { id, contribution })
        })
        .collect::<StdResult<_>>()?;
    Ok(ContributionsResponse { contributions })
}

pub fn query_counts(deps: Deps, contributor: Option<String>) -> StdResult<CountsResponse> {
    let by_contributor = contributor
        .map(|address| {
            let address = deps.api.addr_validate(&address)?;
            Ok::<_, cosmwasm_std::StdError>(
                CONTRIBUTOR_COUNTS
                    .may_load(deps.storage, &address)?
                    .unwrap_or(0),
            )
        })
        .transpose()?;
    Ok(CountsResponse {
        total: NEXT_ID.load(deps.storage)?,
        by_contributor,
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
    use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env, MockApi};
    use cosmwasm_std::{from_json, OwnedDeps};

    type MockDeps =
        OwnedDeps<cosmwasm_std::testing::MockStorage, MockApi, cosmwasm_std::testing::MockQuerier>;

    fn setup() -> (MockDeps, Addr) {
        let mut deps = mock_dependencies();
        let trainer = deps.api.addr_make("trainer");
        instantiate(
            deps.as_mut(),
            mock_env(),
            message_info(&trainer, &[]),
            InstantiateMsg {},
        )
        .unwrap();
        (deps, trainer)
    }

    fn add(deps: &mut MockDeps, trainer: &Addr, contributor: &Addr, deposit: u128) -> u64 {
        let res = execute(
            deps.as_mut(),
            mock_env(),
            message_info(trainer, &[]),
            ExecuteMsg::AddContribution {
                contributor: contributor.clone(),
                data: Features::Sparse(vec![1, 2]),
                classification: 1,
                deposit: Uint256::from(deposit),
            },
        )
        .unwrap();
        from_json::<AddContributionResponse>(res.data.unwrap())
            .unwrap()
            .id
    }

    #[test]
    fn ids_are_sequential_and_records_complete() {
        let (mut deps, trainer) = setup();
        let alice = deps.api.addr_make("alice");
        let bob = deps.api.addr_make("bob");
        assert_eq!(add(&mut deps, &trainer, &alice, 10), 0);
        assert_eq!(add(&mut deps, &trainer, &bob, 20), 1);
        assert_eq!(add(&mut deps, &trainer, &alice, 30), 2);

        let record = query_contribution(deps.as_ref(), 1).unwrap();
        assert_eq!(record.contributor, bob);
        assert_eq!(record.initial_deposit, Uint256::from(20u128));
        assert_eq!(record.claimable, Uint256::from(20u128));
        assert_eq!(record.added_at, mock_env().block.time.seconds());
        assert!(record.claimed_by.is_empty());

        let counts = query_counts(deps.as_ref(), Some(alice.to_string())).unwrap();
        assert_eq!(counts.total, 3);
        assert_eq!(counts.by_contributor, Some(2));

        let mine = query_contributions_by_contributor(deps.as_ref(), alice.to_string(), None, None)
            .unwrap();
        let ids: Vec<u64> = mine.contributions.iter().map(|c| c.id).collect();
        assert_eq!(ids, vec![0, 2]);

        let page = query_contributions(deps.as_ref(), Some(0), Some(1)).unwrap();
        assert_eq!(page.contributions.len(), 1);
        assert_eq!(page.contributions[0].id, 1);
    }

    #[test]
    fn only_the_trainer_writes() {
        let (mut deps, trainer) = setup();
        let mallory = deps.api.addr_make("mallory");
        let err = execute(
            deps.as_mut(),
            mock_env(),
            message_info(&mallory, &[]),
            ExecuteMsg::AddContribution {
                contributor: mallory.clone(),
                data: Features::Sparse(vec![1]),
                classification: 0,
                deposit: Uint256::zero(),
            },
        )
        .unwrap_err();
        assert!(matches!(err, ContractError::NotTrainer { .. }));
        assert_eq!(query_counts(deps.as_ref(), None).unwrap().total, 0);

        let id = add(&mut deps, &trainer, &mallory, 5);
        let err = execute(
            deps.as_mut(),
            mock_env(),
            message_info(&mallory, &[]),
            ExecuteMsg::RecordClaim {
                id,
                claimer: mallory.clone(),
                amount: Uint256::from(5u128),
            },
        )
        .unwrap_err();
        assert!(matches!(err, ContractError::NotTrainer { .. }));
        assert_eq!(
            query_contribution(deps.as_ref(), id).unwrap().claimable,
            Uint256::from(5u128)
        );
    }

    #[test]
    fn claims_are_recorded_once_per_address_and_never_exceed_claimable() {
        let (mut deps, trainer) = setup();
        let alice = deps.api.addr_make("alice");
        let bob = deps.api.addr_make("bob");
        let id = add(&mut deps, &trainer, &alice, 10);
        let claim = |deps: &mut MockDeps, claimer: &Addr, amount: u128| {
            execute(
                deps.as_mut(),
                mock_env(),
                message_info(&trainer, &[]),
                ExecuteMsg::RecordClaim {
                    id,
                    claimer: claimer.clone(),
                    amount: Uint256::from(amount),
                },
            )
        };
        claim(&mut deps, &bob, 4).unwrap();
        let err = claim(&mut deps, &bob, 1).unwrap_err();
        assert!(matches!(err, ContractError::AlreadyClaimed { id: 0, .. }));
        let err = claim(&mut deps, &alice, 7).unwrap_err();
        assert!(matches!(err, ContractError::ClaimTooLarge { .. }));

        let record = query_contribution(deps.as_ref(), id).unwrap();
        assert_eq!(record.claimable, Uint256::from(6u128));
        assert_eq!(record.claimed_by, vec![bob.clone()]);

        claim(&mut deps, &alice, 6).unwrap();
        let record = query_contribution(deps.as_ref(), id).unwrap();
        assert_eq!(record.claimable, Uint256::zero());
        assert_eq!(record.claimed_by, vec![bob, alice]);
    }

    #[test]
    fn unknown_ids_are_errors() {
        let (mut deps, trainer) = setup();
        let alice = deps.api.addr_make("alice");
        assert!(matches!(
            query_contribution(deps.as_ref(), 7),
            Err(ContractError::UnknownContribution { id: 7 })
        ));
        let err = execute(
            deps.as_mut(),
            mock_env(),
            message_info(&trainer, &[]),
            ExecuteMsg::RecordClaim {
                id: 7,
                claimer: alice,
                amount: Uint256::one(),
            },
        )
        .unwrap_err();
        assert!(matches!(err, ContractError::UnknownContribution { id: 7 }));
    }
}
