//! Loads the whole plan as one value. The plan is small (tens of rows) and read on
//! every page, so the server keeps a snapshot in memory and reloads it only
//! when the revision counter moves.

use std::collections::HashMap;

use domain::plan::{
    Action, Fact, Measure, Municipality, OrgUnit, Organisation, PackageKind, Plan, Programme,
    Strategy, UnitKind, WorkPackage,
};
use domain::state::{ActionState, Contact, Snapshot, StatusUpdate};
use time::Date;

use crate::status::UpdateRow;
use crate::{on, Db, Result, StoreError};

#[derive(sqlx::FromRow)]
struct ProgrammeRow {
    id: String,
    name: String,
    owner: String,
    period: String,
    title: String,
    main_goal: String,
    introduction: String,
    other_documents: String,
    strategy_heading: String,
    measures_heading: String,
    measures_note: String,
    action_plan_title: String,
    action_plan_period: String,
    action_plan_start: String,
    org_heading: String,
    org_mandate: String,
    org_participants: String,
    org_other_relevant_note: String,
    meeting_months: String,
}

#[derive(sqlx::FromRow)]
struct UnitRow {
    id: String,
    name: String,
    kind: String,
    parent: String,
    person: String,
    note: String,
    work_package: String,
    lead: String,
    work_group: String,
}

#[derive(sqlx::FromRow)]
struct PackageRow {
    id: String,
    name: String,
    kind: String,
    goal: String,
    description: String,
}

#[derive(sqlx::FromRow)]
struct StrategyRow {
    work_package: String,
    number: i64,
    text: String,
}

#[derive(sqlx::FromRow)]
struct MeasureRow {
    id: String,
    work_package: String,
    title: String,
    version: i64,
}

#[derive(sqlx::FromRow)]
struct ActionRow {
    id: String,
    work_package: String,
    measure: Option<String>,
    how: String,
    participants: String,
    when_text: String,
    starts: Option<Date>,
    ends: Option<Date>,
    comment: String,
    responsible: String,
    version: i64,
}

#[derive(sqlx::FromRow)]
struct MunicipalityRow {
    code: String,
    name: String,
    contact_name: String,
    contact_email: String,
    version: i64,
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Conflict(format!("the database holds an unknown {what} `{value}`"))
}

impl Db {
    /// Loads the plan; `None` when no plan has been loaded yet.
    pub async fn snapshot(&self) -> Result<Option<Snapshot>> {
        // One read transaction, so the parts agree with each other and the revision.
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            let (revision,): (i64,) = sqlx::query_as("SELECT value FROM revision WHERE id = 1").fetch_one(&mut *tx).await?;
            let Some(p): Option<ProgrammeRow> = sqlx::query_as("SELECT * FROM programme").fetch_optional(&mut *tx).await? else {
                return Ok(None);
            };
            let units: Vec<UnitRow> = sqlx::query_as("SELECT id, name, kind, parent, person, note, work_package, lead, work_group FROM org_units ORDER BY position").fetch_all(&mut *tx).await?;
            let municipalities: Vec<MunicipalityRow> = sqlx::query_as("SELECT code, name, contact_name, contact_email, version FROM municipalities ORDER BY position").fetch_all(&mut *tx).await?;
            let facts: Vec<(String, String)> = sqlx::query_as("SELECT text, source FROM facts ORDER BY position").fetch_all(&mut *tx).await?;
            let packages: Vec<PackageRow> = sqlx::query_as("SELECT id, name, kind, goal, description FROM work_packages ORDER BY position").fetch_all(&mut *tx).await?;
            let strategies: Vec<StrategyRow> = sqlx::query_as("SELECT work_package, number, text FROM strategies ORDER BY number").fetch_all(&mut *tx).await?;
            let measures: Vec<MeasureRow> = sqlx::query_as("SELECT id, work_package, title, version FROM measures ORDER BY position").fetch_all(&mut *tx).await?;
            let actions: Vec<ActionRow> = sqlx::query_as("SELECT id, work_package, measure, how, participants, when_text, starts, ends, comment, responsible, version FROM actions ORDER BY position").fetch_all(&mut *tx).await?;
            let latest: Vec<UpdateRow> = sqlx::query_as(&format!(
                "{} WHERE s.id IN (SELECT MAX(id) FROM status_updates GROUP BY action_id)",
                crate::status::SELECT_UPDATES
            )).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            assemble(revision, p, units, municipalities, facts, packages, strategies, measures, actions, latest).map(Some)
        })
    }
}

#[allow(clippy::too_many_arguments)]
fn assemble(
    revision: i64,
    p: ProgrammeRow,
    units: Vec<UnitRow>,
    municipalities: Vec<MunicipalityRow>,
    facts: Vec<(String, String)>,
    packages: Vec<PackageRow>,
    strategies: Vec<StrategyRow>,
    measures: Vec<MeasureRow>,
    actions: Vec<ActionRow>,
    latest: Vec<UpdateRow>,
) -> Result<Snapshot> {
    let programme = Programme {
        id: p.id,
        name: p.name,
        owner: p.owner,
        period: p.period,
        title: p.title,
        main_goal: p.main_goal,
        introduction: p.introduction,
        other_documents: serde_json::from_str(&p.other_documents)
            .map_err(|_| corrupt("document list", &p.other_documents))?,
        strategy_heading: p.strategy_heading,
        measures_heading: p.measures_heading,
        measures_note: p.measures_note,
        action_plan_title: p.action_plan_title,
        action_plan_period: p.action_plan_period,
        action_plan_start: p.action_plan_start,
    };
    let organisation = Organisation {
        heading: p.org_heading,
        mandate: p.org_mandate,
        participants: p.org_participants,
        other_relevant_note: p.org_other_relevant_note,
        steering_group_meeting_months: serde_json::from_str(&p.meeting_months)
            .map_err(|_| corrupt("list of months", &p.meeting_months))?,
        units: units
            .into_iter()
            .map(|u| {
                Ok(OrgUnit {
                    kind: UnitKind::from_code(&u.kind)
                        .ok_or_else(|| corrupt("unit kind", &u.kind))?,
                    work_group: serde_json::from_str(&u.work_group)
                        .map_err(|_| corrupt("work group", &u.work_group))?,
                    id: u.id,
                    name: u.name,
                    parent: u.parent,
                    person: u.person,
                    note: u.note,
                    work_package: u.work_package,
                    lead: u.lead,
                })
            })
            .collect::<Result<_>>()?,
    };
    let mut contacts = HashMap::new();
    let municipalities = municipalities
        .into_iter()
        .map(|m| {
            contacts.insert(
                m.code.clone(),
                Contact {
                    name: m.contact_name,
                    email: m.contact_email,
                    version: m.version,
                },
            );
            Municipality {
                code: m.code,
                name: m.name,
            }
        })
        .collect();
    let mut latest: HashMap<String, StatusUpdate> = latest
        .into_iter()
        .map(|s| (s.action_id.clone(), s.into()))
        .collect();
    let mut states = HashMap::new();
    let mut measure_versions = HashMap::new();
    let mut work_packages = Vec::with_capacity(packages.len());
    for wp in packages {
        let kind = PackageKind::from_code(&wp.kind)
            .ok_or_else(|| corrupt("work package kind", &wp.kind))?;
        work_packages.push(WorkPackage {
            strategies: strategies
                .iter()
                .filter(|s| s.work_package == wp.id)
                .map(|s| Strategy {
                    number: s.number as u32,
                    text: s.text.clone(),
                })
                .collect(),
            measures: measures
                .iter()
                .filter(|m| m.work_package == wp.id)
                .map(|m| {
                    measure_versions.insert(m.id.clone(), m.version);
                    Measure {
                        id: m.id.clone(),
                        title: m.title.clone(),
                    }
                })
                .collect(),
            actions: actions
                .iter()
                .filter(|a| a.work_package == wp.id)
                .map(|a| {
                    states.insert(
                        a.id.clone(),
                        ActionState {
                            version: a.version,
                            starts: a.starts,
                            ends: a.ends,
                            latest: latest.remove(&a.id),
                        },
                    );
                    Action {
                        id: a.id.clone(),
                        measure: a.measure.clone().unwrap_or_default(),
                        how: a.how.clone(),
                        participants: a.participants.clone(),
                        when: a.when_text.clone(),
                        comment: a.comment.clone(),
                        responsible: a.responsible.clone(),
                    }
                })
                .collect(),
            id: wp.id,
            name: wp.name,
            kind,
            goal: wp.goal,
            description: wp.description,
        });
    }
    Ok(Snapshot {
        revision,
        plan: Plan {
            schema: domain::plan_file::SCHEMA,
            programme,
            organisation,
            municipalities,
            facts: facts
                .into_iter()
                .map(|(text, source)| Fact { text, source })
                .collect(),
            work_packages,
        },
        actions: states,
        measure_versions,
        contacts,
    })
}
